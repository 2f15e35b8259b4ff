/// Finds the known name nearest to a misspelt one, for "did you mean" hints.
enum KeySuggestion {
    /// The closest candidate within an edit distance that still looks like a typo, or nil.
    package static func nearest(to name: String, among candidates: [String]) -> String? {
        // A name far longer than every candidate is no typo (and its edit distance would cost
        // its length times theirs).
        let longest = candidates.map(\.count).max() ?? 0
        guard name.utf8.count <= 3 * longest + 8 else { return nil }
        let lowered = name.lowercased()
        let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let tolerance = max(2, lowered.count / 3)
        return best.1 <= tolerance ? best.0 : nil
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
