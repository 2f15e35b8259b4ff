/// The voice stage's timing product, written to `timings.json`.
package struct VoiceTimings: Sendable, Codable, Equatable {
    package var durationSeconds: Double
    package var sampleRate: Int
    package var voice: String
    package var words: [WordTiming]

    package init(durationSeconds: Double, sampleRate: Int, voice: String, words: [WordTiming]) {
        self.durationSeconds = durationSeconds
        self.sampleRate = sampleRate
        self.voice = voice
        self.words = words
    }

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_seconds"
        case sampleRate = "sample_rate"
        case voice, words
    }

    /// When each scene starts: its first word (the first scene at 0).
    package func sceneStarts(sceneCount: Int) -> [Double] {
        (1...sceneCount).map { scene in
            scene == 1 ? 0 : (words.first { $0.scene >= scene }?.start ?? durationSeconds)
        }
    }
}
