import ArgumentParser
import Foundation
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore

struct VoiceBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice",
        abstract:
            "For every installed offline voice: the whole voice stage's CPU seconds per second of audio, and piper's word-timing error.",
        discussion:
            "The stage is start-up, speech, word timings, voice.wav and voice.mp3, on about --seconds of English (French for espeak-ng fr-fr reads the same text). piper's word starts are compared with the model's own phoneme durations on three texts marked by hand (numbers, abbreviations and merged words, a long sentence)."
    )

    @Option(help: "Seconds of speech (about).")
    var seconds: Double = 45

    func validate() throws {
        guard seconds >= 5, seconds <= 600 else { throw ValidationError("give --seconds between 5 and 600") }
    }

    func run() async throws {
        Log.bootstrap()
        let benchmark = VoiceBenchmark()
        let scenes = VoiceBenchmark.scenes(seconds: seconds)
        let voices = VoiceBenchmark.installedVoices()
        if !voices.contains(where: \.piper) {
            print("piper is not installed (run scripts/install-dependencies.sh): espeak-ng only")
        }
        for voice in voices {
            let result = try await benchmark.run(voice, scenes: scenes)
            var line =
                result.voice.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(
                    format: " audio %5.1f s  wall %6.2f s  cpu %6.2f s  %.3f CPU s per audio s", result.audioSeconds,
                    result.wallSeconds, result.cpuSeconds,
                    result.cpuPerAudioSecond)
            if let errors = result.wordStartErrors, !errors.isEmpty {
                let sorted = errors.sorted()
                let mean = errors.reduce(0, +) / Double(errors.count)
                let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
                line += String(
                    format: "  word starts: mean %.0f ms, p95 %.0f ms, worst %.0f ms (%d words)", mean * 1000,
                    p95 * 1000, sorted[sorted.count - 1] * 1000, errors.count)
            } else if voice.piper {
                line += "  word starts: espeak-ng spells the marked texts otherwise now"
            } else {
                line += "  word starts: exact (espeak-ng's word events)"
            }
            print(line)
        }
    }
}
