/// The voice stage's timing product, written to `timings.json`.
public struct VoiceTimings: Sendable, Codable, Equatable {
    public var durationSeconds: Double
    public var sampleRate: Int
    public var voice: String
    public var words: [WordTiming]

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_seconds"
        case sampleRate = "sample_rate"
        case voice, words
    }

    /// When each scene starts: its first word (the first scene at 0).
    func sceneStarts(sceneCount: Int) -> [Double] {
        (1...sceneCount).map { scene in
            scene == 1 ? 0 : (words.first { $0.scene >= scene }?.start ?? durationSeconds)
        }
    }
}
