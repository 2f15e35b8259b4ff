/// What the next script aims for: the request's wishes, adjusted by learning insights when the
/// evidence is sufficient. `adjustments` says which insight changed what, for `report.json`.
package struct ScriptTargets: Sendable, Codable, Equatable {
    package var durationSeconds: Int
    package var hashtagCount: Int
    package var hookMaxWords: Int
    package var adjustments: [String]

    package static let defaultHashtagCount = 5
    package static let defaultHookMaxWords = 12

    package init(
        durationSeconds: Int, hashtagCount: Int = defaultHashtagCount, hookMaxWords: Int = defaultHookMaxWords,
        adjustments: [String] = []
    ) {
        self.durationSeconds = durationSeconds
        self.hashtagCount = hashtagCount
        self.hookMaxWords = hookMaxWords
        self.adjustments = adjustments
    }

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_seconds"
        case hashtagCount = "hashtag_count"
        case hookMaxWords = "hook_max_words"
        case adjustments
    }
}
