/// When one spoken word starts and ends in the voice track, in seconds.
package struct WordTiming: Sendable, Codable, Equatable {
    package var text: String
    package var start: Double
    package var end: Double
    /// 1-based scene the word belongs to.
    package var scene: Int

    package init(text: String, start: Double, end: Double, scene: Int) {
        self.text = text
        self.start = start
        self.end = end
        self.scene = scene
    }
}
