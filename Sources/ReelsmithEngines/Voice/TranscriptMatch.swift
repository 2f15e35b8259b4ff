import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The words a transcription heard, matched to the script's words. A transcript never equals the
/// script (a word missed, one added, a name misspelt, "3" for "three"), so the two sequences are
/// aligned as a biologist aligns two genes (Needleman–Wunsch): similar spellings pair up, and a
/// word either side may stay unpaired. A script word without a partner gets its time from its
/// neighbours.
///
/// Numbers are compared as numbers (issue 19): Whisper writes "$1,000" as two words, `$1` and
/// `,000`, which are joined again (starting where the first piece starts) before matching; "1000",
/// "1,000", "$1,000" and "1 000" are the same number, and "three", "trois" and "3" the same word.
enum TranscriptMatch {
    struct HeardWord: Sendable, Equatable {
        package var text: String
        package var start: Double
        package var end: Double
    }

    /// Words this similar (0…1, from the edit distance of their folded spellings) may pair.
    static let pairingSimilarity = 0.5
    static let gapPenalty = -0.6

    /// For each script word, the start of the heard word it pairs with, or nil.
    package static func starts(script: [String], heard pieces: [HeardWord]) -> [Double?] {
        let heard = joiningNumberPieces(pieces)
        let a = script.map(matchingForm)
        let b = heard.map { matchingForm($0.text) }
        let n = a.count
        let m = b.count
        guard n > 0 else { return [] }
        guard m > 0 else { return [Double?](repeating: nil, count: n) }
        // score[i][j]: best alignment of a[..<i] and b[..<j]; step 0 pair, 1 skip script word, 2 skip heard word.
        var score = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        var step = [[UInt8]](repeating: [UInt8](repeating: 0, count: m + 1), count: n + 1)
        for i in 1...n {
            score[i][0] = Double(i) * gapPenalty
            step[i][0] = 1
        }
        for j in 1...m {
            score[0][j] = Double(j) * gapPenalty
            step[0][j] = 2
        }
        for i in 1...n {
            for j in 1...m {
                let similarity = similarity(a[i - 1], b[j - 1])
                let pair = score[i - 1][j - 1] + (similarity >= pairingSimilarity ? similarity : -1)
                let skipScript = score[i - 1][j] + gapPenalty
                let skipHeard = score[i][j - 1] + gapPenalty
                if pair >= skipScript, pair >= skipHeard {
                    score[i][j] = pair
                    step[i][j] = 0
                } else if skipScript >= skipHeard {
                    score[i][j] = skipScript
                    step[i][j] = 1
                } else {
                    score[i][j] = skipHeard
                    step[i][j] = 2
                }
            }
        }
        var result = [Double?](repeating: nil, count: n)
        var i = n
        var j = m
        while i > 0 || j > 0 {
            switch i > 0 && j > 0 ? step[i][j] : (i > 0 ? 1 : 2) {
            case 0:
                if similarity(a[i - 1], b[j - 1]) >= pairingSimilarity { result[i - 1] = heard[j - 1].start }
                i -= 1
                j -= 1
            case 1: i -= 1
            default: j -= 1
            }
        }
        return result
    }

    /// Whisper's pieces of one number joined into one heard word, timed from the first piece's
    /// start to the last one's end: a piece that goes on a number (`,000`, `.6`, `%` after `$1`,
    /// `1`), or a group of three digits after a group of one to three (French "1 000").
    static func joiningNumberPieces(_ pieces: [HeardWord]) -> [HeardWord] {
        var joined: [HeardWord] = []
        for piece in pieces {
            let text = piece.text.trimmingCharacters(in: .whitespaces)
            if var last = joined.last, continuesNumber(last.text, with: text) {
                last.text += text
                last.end = max(last.end, piece.end)
                joined[joined.count - 1] = last
            } else {
                joined.append(HeardWord(text: text, start: piece.start, end: piece.end))
            }
        }
        return joined
    }

    private static func continuesNumber(_ previous: String, with piece: String) -> Bool {
        guard let lastCharacter = previous.last, lastCharacter.isASCII, lastCharacter.isNumber else { return false }
        let scalars = Array(piece.unicodeScalars)
        guard let first = scalars.first else { return false }
        if first == "," || first == "." {
            return scalars.count > 1 && ("0"..."9").contains(scalars[1])
        }
        if piece == "%" { return true }
        // "1 000": three digits after a group of one to three (a thousands separator, not two numbers).
        let digitsBefore = previous.reversed().prefix { $0.isASCII && $0.isNumber }.count
        let previousIsGroup = digitsBefore <= 3 && !previous.dropLast(digitsBefore).contains(where: \.isNumber)
        return scalars.count == 3 && scalars.allSatisfy { ("0"..."9").contains($0) } && previousIsGroup
            && !previous.contains(" ")
    }

    /// The form two words are compared in: ``fold`` ("$1,000" → "1000"), and a number spelt in
    /// words as its digits ("three", "trois" → "3").
    package static func matchingForm(_ word: String) -> String {
        let folded = fold(word)
        return numberWords[folded].map(String.init) ?? folded
    }

    /// Numbers a script spells and a transcript writes in digits (or the other way round).
    static let numberWords: [String: Int] = {
        let english = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
        let french = [
            "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
            "treize", "quatorze", "quinze", "seize", "dixsept", "dixhuit", "dixneuf", "vingt",
        ]
        var table: [String: Int] = [
            "une": 1, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mille": 1000,
        ]
        for (value, word) in english.enumerated() { table[word] = value }
        for (value, word) in french.enumerated() where table[word] == nil { table[word] = value }
        for (word, value) in [
            ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
            ("ninety", 90), ("hundred", 100), ("thousand", 1000),
        ] {
            table[word] = value
        }
        return table
    }()

    /// Lowercased, accents and punctuation removed: "L'été," → "lete".
    package static func fold(_ word: String) -> String {
        String(
            word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map(Character.init))
    }

    /// 1 − edit distance ÷ the longer length.
    package static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = Array(a)
        let y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return 1 - Double(previous[y.count]) / Double(max(x.count, y.count))
    }
}
