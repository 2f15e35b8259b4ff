import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The words a transcription heard, matched to the script's words. A transcript never equals the
/// script (a word missed, one added, a name misspelt, "3" for "three"), so the two sequences are
/// aligned as a biologist aligns two genes (Needleman–Wunsch): similar spellings pair up, and a
/// word either side may stay unpaired ("3" and "three" do not pair: numbers are not spelt out). A
/// script word without a partner gets its time from its neighbours.
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
    package static func starts(script: [String], heard: [HeardWord]) -> [Double?] {
        let a = script.map(fold)
        let b = heard.map { fold($0.text) }
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
