import Foundation
import Testing

@testable import ReelsmithCore
@testable import ReelsmithEngines

/// Offline alignment against a real neural voice (issue 19): piper's joe voice said four texts
/// (commas, numbers, abbreviations, one long sentence), and piper's own phoneme durations give
/// each word's true start. The fixture (`Fixtures/alignment`, made by
/// `scripts/piper-alignment-truth.py`) holds the voice as MP3 and the truth as JSON, so the test
/// runs without piper. Words whose truth piper cannot give ("that the" said as one phoneme word)
/// are left out of the measure.
@Suite struct PiperAlignmentTests {
    struct Truth: Decodable {
        struct Word: Decodable {
            var word: String
            var start: Double?
        }

        var text: String
        var words: [Word]
    }

    static let names = ["piper-commas", "piper-numbers", "piper-abbreviations", "piper-long"]

    struct Measure {
        var errors: [Double]  // milliseconds, signed: found − truth
        var words: Int

        var sorted: [Double] { errors.map(abs).sorted() }
        var mean: Double { sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count) }
        var median: Double { sorted.isEmpty ? 0 : sorted[sorted.count / 2] }
        var p95: Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        }
        var largest: Double { sorted.last ?? 0 }
    }

    /// Aligns one fixture and returns the signed errors of the words piper gives a truth for.
    static func measure(_ name: String) async throws -> (
        errors: [(word: String, error: Double, isAfterPause: Bool)], words: Int
    ) {
        let truth = try JSONDecoder().decode(
            Truth.self, from: Data(contentsOf: TestSupport.fixture("alignment/\(name).json")))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-piper-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let voice = folder.appendingPathComponent("voice.mp3")
        try FileManager.default.copyItem(at: TestSupport.fixture("alignment/\(name).mp3"), to: voice)
        let samples = try await AudioDecoder(ffmpeg: "ffmpeg").samples(of: voice, workingDirectory: folder)
        let script = VoiceScript(scenes: [Script.Scene(index: 1, narration: truth.text, keyPhrase: "", imagePrompt: "")]
        )
        #expect(script.words.map(\.text) == truth.words.map(\.word))
        let found = try await OfflineAligner(referenceVoice: Language.en.defaultVoice)
            .timings(of: script, in: samples, sampleRate: AudioDecoder.sampleRate)
        var errors: [(word: String, error: Double, isAfterPause: Bool)] = []
        for (index, (word, timing)) in zip(truth.words, found).enumerated() {
            guard let start = word.start else { continue }
            let isAfterPause = index > 0 && [",", ".", ":"].contains(truth.words[index - 1].word.last)
            errors.append((word.word, (timing.start - start) * 1000, isAfterPause))
        }
        return (errors, truth.words.count)
    }

    /// The measure the issue gives (mean, median, p95, max over the words with a truth), held to
    /// the bounds: mean ≤ 30 ms, p95 ≤ 80, max ≤ 150. `ALIGN_DEBUG=1` prints each word off
    /// by more than 80 ms. Before issue 19's fix: mean 54 ms, median 46, p95 123, max 351 ("for"
    /// after "litres," 340 ms early, at the pause's start; 380 on another machine). After (two
    /// references, each word at its first sound, starts at a run's end and after a pause's end,
    /// the 15 ms sound lag): mean 25 ms, median 18, p95 72, max 111.
    @Test func wordStartsMatchPipersOwnDurations() async throws {
        var all = Measure(errors: [], words: 0)
        var afterPauses: [(String, Double)] = []
        for name in Self.names {
            let (errors, words) = try await Self.measure(name)
            afterPauses += errors.filter(\.isAfterPause).map { ($0.word, $0.error) }
            let one = Measure(errors: errors.map(\.error), words: words)
            print(
                String(
                    format: "piper alignment, %@: mean %.0f ms, median %.0f, p95 %.0f, max %.0f, %d of %d words",
                    name, one.mean, one.median, one.p95, one.largest, errors.count, words))
            if ProcessInfo.processInfo.environment["ALIGN_DEBUG"] != nil {
                print("  signed mean \(Int(one.errors.reduce(0, +) / Double(max(1, one.errors.count)))) ms")
                for (word, error, _) in errors where abs(error) > 80 { print("  \(name) \(word): \(Int(error)) ms") }
            }
            all.errors += one.errors
            all.words += words
        }
        print(
            String(
                format: "piper alignment, all: mean %.0f ms, median %.0f, p95 %.0f, max %.0f, %d of %d words",
                all.mean, all.median, all.p95, all.largest, all.errors.count, all.words))
        #expect(all.mean <= 30)
        #expect(all.p95 <= 80)
        #expect(all.largest <= 150)
        // The words after a comma or a full stop, where the fix of defect 7 acts, are among them.
        #expect(afterPauses.count >= 15)
    }
}
