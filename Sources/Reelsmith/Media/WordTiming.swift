/// When one spoken word starts and ends in the voice track, in seconds.
public struct WordTiming: Sendable, Codable, Equatable {
    public var text: String
    public var start: Double
    public var end: Double
    /// 1-based scene the word belongs to.
    public var scene: Int
}
