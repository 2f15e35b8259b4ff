/// What the next script aims for: the request's wishes, adjusted by learning insights when the
/// evidence is sufficient. `adjustments` says which insight changed what, for `report.json`.
public struct ScriptTargets: Sendable, Codable, Equatable {
    public var durationSeconds: Int
    public var hashtagCount: Int
    public var hookMaxWords: Int
    public var adjustments: [String]

    public static let defaultHashtagCount = 5
    public static let defaultHookMaxWords = 12

    public init(durationSeconds: Int, hashtagCount: Int = defaultHashtagCount, hookMaxWords: Int = defaultHookMaxWords,
        adjustments: [String] = [])
    {
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
