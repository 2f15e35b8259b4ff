import ReelsmithCore

/// A feature of a video the model learns from (the seed's `learning_data` columns, plus the
/// caption's length), with its words in both languages.
package enum LearningFeature: String, Sendable, Codable, Equatable, CaseIterable {
    case durationSeconds = "duration_seconds"
    case hashtagCount = "hashtag_count"
    case hookLength = "hook_length"
    case viralityScore = "virality_score"
    case hasCta = "has_cta"
    case captionWords = "caption_words"

    /// The `learning_data` column.
    package var column: String { rawValue }

    package func name(_ language: Language) -> String {
        switch (self, language) {
        case (.durationSeconds, .en): "duration"
        case (.durationSeconds, .fr): "la durée"
        case (.hashtagCount, .en): "the number of hashtags"
        case (.hashtagCount, .fr): "le nombre de hashtags"
        case (.hookLength, .en): "hook length"
        case (.hookLength, .fr): "la longueur du hook"
        case (.viralityScore, .en): "the virality score"
        case (.viralityScore, .fr): "le score de viralité"
        case (.hasCta, .en): "a call to action"
        case (.hasCta, .fr): "un appel à l'action"
        case (.captionWords, .en): "caption length"
        case (.captionWords, .fr): "la longueur de la description"
        }
    }

    /// The videos that do better when the correlation has this sign.
    func winners(positive: Bool, _ language: Language) -> String {
        switch (self, language) {
        case (.durationSeconds, .en): positive ? "Longer videos" : "Shorter videos"
        case (.durationSeconds, .fr): positive ? "Les vidéos plus longues" : "Les vidéos plus courtes"
        case (.hashtagCount, .en): positive ? "Videos with more hashtags" : "Videos with fewer hashtags"
        case (.hashtagCount, .fr): positive ? "Les vidéos avec plus de hashtags" : "Les vidéos avec moins de hashtags"
        case (.hookLength, .en): positive ? "Videos with longer hooks" : "Videos with shorter hooks"
        case (.hookLength, .fr): positive ? "Les vidéos au hook plus long" : "Les vidéos au hook plus court"
        case (.viralityScore, .en):
            positive ? "Videos with higher virality scores" : "Videos with lower virality scores"
        case (.viralityScore, .fr):
            positive ? "Les vidéos au score de viralité plus élevé" : "Les vidéos au score de viralité plus bas"
        case (.hasCta, .en): positive ? "Videos with a call to action" : "Videos without a call to action"
        case (.hasCta, .fr): positive ? "Les vidéos avec un appel à l'action" : "Les vidéos sans appel à l'action"
        case (.captionWords, .en): positive ? "Videos with longer captions" : "Videos with shorter captions"
        case (.captionWords, .fr):
            positive ? "Les vidéos à la description plus longue" : "Les vidéos à la description plus courte"
        }
    }
}
