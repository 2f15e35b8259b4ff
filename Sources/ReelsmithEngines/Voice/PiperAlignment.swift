/// Word starts from piper's phoneme alignments (issue 20). piper speaks a sentence from espeak-ng's
/// phonemes of the whole sentence, where words may merge ("do not" → `duːnˌɑːt`), numbers and
/// abbreviations become several words (`2026:` → `tˈuː θˈaʊzənd twˈɛnti sˈɪks:`) and function
/// words lose their stress. Each of our words is also spelled alone; both spellings, stripped of
/// stress marks, pauses and punctuation, are aligned by edit distance, and a word starts at the
/// first sentence phoneme its own first phonemes were matched to (with the stress mark just
/// before it). The time of a phoneme is the sum of the model's own durations before it.
struct PiperAlignment {
    /// Phonemes that carry no sound of a word: boundaries, pauses, punctuation.
    static let boundaries: Set<String> = [
        "^", "$", "_", " ", ",", ".", "!", "?", ";", ":", "'", "\"", "(", ")", "-", "—", "–", "…", "«", "»",
    ]
    /// Stress marks: matched to nothing (a word alone is stressed, in a sentence it may not be), but
    /// the mark just before a word's first phoneme belongs to the word.
    static let stressMarks: Set<String> = ["ˈ", "ˌ"]

    static func isSpoken(_ phoneme: String) -> Bool {
        !phoneme.isEmpty && !boundaries.contains(phoneme) && !stressMarks.contains(phoneme)
    }

    /// Each word's start, in samples from the scene's start, or nil for a word with no phoneme of its
    /// own (its time is then placed between its neighbours).
    static func starts(phonemes: [String], samples: [Int], words: [[String]]) -> [Int?] {
        // The sentence's spoken phonemes, with their index in `phonemes`.
        let sentence = phonemes.indices.filter { isSpoken(phonemes[$0]) }
        var spelled: [String] = []
        var firstOfWord: [Int?] = []
        for word in words {
            let spoken = word.filter(isSpoken)
            firstOfWord.append(spoken.isEmpty ? nil : spelled.count)
            spelled += spoken
        }
        let matched = align(spelled, sentence.map { phonemes[$0] })
        var offsets = [Int](repeating: 0, count: phonemes.count + 1)
        for index in phonemes.indices { offsets[index + 1] = offsets[index] + max(0, samples[index]) }

        return words.indices.map { wordIndex -> Int? in
            guard let first = firstOfWord[wordIndex] else { return nil }
            let end = firstOfWord[(wordIndex + 1)...].compactMap { $0 }.first ?? spelled.count
            guard let position = (first..<end).lazy.compactMap({ matched[$0] }).first else { return nil }
            var phoneme = sentence[position]
            while phoneme > 0, stressMarks.contains(phonemes[phoneme - 1]) { phoneme -= 1 }
            return offsets[phoneme]
        }
    }

    /// For each item of `a`, the index in `b` it was matched or substituted to, nil when deleted:
    /// the least edits (Levenshtein), ties broken towards matching.
    static func align(_ a: [String], _ b: [String]) -> [Int?] {
        let rows = a.count + 1
        let columns = b.count + 1
        var cost = [Int](repeating: 0, count: rows * columns)
        for i in 0..<rows { cost[i * columns] = i }
        for j in 0..<columns { cost[j] = j }
        for i in 1..<rows {
            for j in 1..<columns {
                let substitution = cost[(i - 1) * columns + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let deletion = cost[(i - 1) * columns + j] + 1
                let insertion = cost[i * columns + j - 1] + 1
                cost[i * columns + j] = min(substitution, deletion, insertion)
            }
        }
        var matched = [Int?](repeating: nil, count: a.count)
        var i = a.count
        var j = b.count
        while i > 0, j > 0 {
            let here = cost[i * columns + j]
            if here == cost[(i - 1) * columns + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) {
                matched[i - 1] = j - 1
                i -= 1
                j -= 1
            } else if here == cost[(i - 1) * columns + j] + 1 {
                i -= 1
            } else {
                j -= 1
            }
        }
        return matched
    }
}
