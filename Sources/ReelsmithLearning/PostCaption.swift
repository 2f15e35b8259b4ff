import Foundation
import ReelsmithCore

/// What a caption says, as compared between our generated descriptions and TikTok's export:
/// folded words (no case, no accents, no emoji or punctuation) and hashtags.
struct PostCaption: Sendable, Equatable {
    /// Folded words that are not hashtags, in order.
    package var words: [String]
    /// Folded hashtags without `#`, in order, each once.
    package var hashtags: [String]

    package init(_ text: String) {
        var words: [String] = []
        var hashtags: [String] = []
        var current = ""
        var isHashtag = false
        func flush() {
            if !current.isEmpty {
                let folded = Slug.fold(current)
                if isHashtag {
                    if !hashtags.contains(folded) { hashtags.append(folded) }
                } else {
                    words.append(folded)
                }
            }
            current = ""
            isHashtag = false
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else if character == "#" || character == "＃" {
                flush()
                isHashtag = true
            } else if character == "'" || character == "’", !current.isEmpty, !isHashtag {
                current.append("'")
            } else {
                flush()
            }
        }
        flush()
        self.words = words
        self.hashtags = hashtags
    }

    /// Words and hashtags (`#` kept) as one set, for similarity.
    package var tokens: Set<String> { Set(words).union(hashtags.map { "#" + $0 }) }

    /// Jaccard similarity of the two token sets: 1 for the same caption, 0 for nothing shared.
    package func similarity(to other: PostCaption) -> Double {
        let mine = tokens
        let theirs = other.tokens
        let union = mine.union(theirs).count
        return union == 0 ? 0 : Double(mine.intersection(theirs).count) / Double(union)
    }
}
