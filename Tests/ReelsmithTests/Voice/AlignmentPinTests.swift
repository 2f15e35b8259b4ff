import Foundation
import Testing

@testable import Alignment
@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The aligner's arithmetic pinned (issue 18): a speed-up of the features or the warping must not
/// move a timing. The input is synthetic (no espeak, so it does not depend on espeak's version):
/// "syllables" of three partials, with pauses, said again slower or faster, at another level and
/// with a little noise. Long enough (over 2,500,000 cells) for the coarse-to-fine warping.
@Suite struct AlignmentPinTests {
    /// A deterministic generator (64-bit LCG), so both tracks are the same on every machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    struct Segment {
        var partials: [Double]
        var seconds: Double
        var pause: Bool
    }

    static let sampleRate = 16_000

    static func segments() -> [Segment] {
        var random = Generator(state: 18)
        return (0..<110).map { index in
            let pause = index % 9 == 8
            let partials = [200 + 600 * random.next(), 900 + 1500 * random.next(), 2500 + 2000 * random.next()]
            return Segment(partials: partials, seconds: pause ? 0.3 : 0.12 + 0.2 * random.next(), pause: pause)
        }
    }

    /// The samples of `segments`, each stretched by its factor; and each segment's start (seconds).
    static func render(
        _ segments: [Segment], stretch: [Double], pitch: Double, level: Double, noise: Double, seed: UInt64
    )
        -> (samples: [Int16], starts: [Double])
    {
        var random = Generator(state: seed)
        var samples: [Int16] = []
        var starts: [Double] = []
        var phases = [0.0, 0.0, 0.0]
        for (index, segment) in segments.enumerated() {
            starts.append(Double(samples.count) / Double(sampleRate))
            let count = Int(segment.seconds * stretch[index] * Double(sampleRate))
            for n in 0..<count {
                var value = noise * (random.next() - 0.5)
                if !segment.pause {
                    let envelope = min(1, Double(n) / 160, Double(count - n) / 160)
                    for (k, frequency) in segment.partials.enumerated() {
                        phases[k] += 2 * Double.pi * frequency * pitch / Double(sampleRate)
                        value += envelope * level * sin(phases[k]) / Double(k + 1)
                    }
                }
                samples.append(Int16(max(-32768, min(32767, value * 32767))))
            }
        }
        return (samples, starts)
    }

    static func tracks() -> (reference: [Int16], target: [Int16], starts: [Double], truth: [Double]) {
        let segments = segments()
        var random = Generator(state: 7)
        let reference = render(segments, stretch: segments.map { _ in 1 }, pitch: 1, level: 0.4, noise: 0.002, seed: 1)
        let target = render(
            segments, stretch: segments.map { _ in 0.8 + 0.5 * random.next() }, pitch: 1.06, level: 0.25, noise: 0.004,
            seed: 2)
        return (reference.samples, target.samples, reference.starts, target.starts)
    }

    /// Where the reference's segment starts fall in the target, in ms, recorded from the aligner
    /// as it was before the -Onone speed-up (issue 18), then again when a start moved to the end
    /// of its run and after a pause's end (issue 19: a pause segment's own start now maps to where
    /// the speech after it starts, as a word after a pause does).
    static let pinned: [Int] = [
        0, 140, 320, 590, 720, 970, 1230, 1480, 2080, 2080, 2400, 2560, 2890, 3110,
        3390, 3660, 3840, 4350, 4350, 4530, 4940, 5250, 5510, 5720, 5850, 6010, 6390, 6390,
        6760, 6950, 7080, 7280, 7510, 7800, 7960, 8490, 8490, 8690, 8880, 9030, 9190, 9410,
        9540, 9710, 10340, 10340, 10670, 10810, 11200, 11450, 11590, 11880, 12000, 12390, 12390, 12700,
        12940, 13100, 13280, 13570, 13810, 14060, 14530, 14530, 14760, 15020, 15330, 15550, 15770, 16020,
        16320, 16750, 16750, 16950, 17220, 17460, 17640, 17860, 18030, 18160, 18650, 18650, 18790, 18940,
        19230, 19480, 19650, 20000, 20210, 20710, 20710, 20950, 21290, 21560, 21920, 22220, 22520, 22790,
        23210, 23210, 23390, 23730, 24050, 24260, 24390, 24710, 24910, 25410, 25410, 25620,
    ]

    @Test func timingsOfAFixedInputArePinned() {
        let (reference, target, starts, truth) = Self.tracks()
        let warp = DynamicTimeWarping.warp(
            reference: SpeechFeatures(samples: reference, sampleRate: Self.sampleRate),
            target: SpeechFeatures(samples: target, sampleRate: Self.sampleRate))
        let found = starts.map { Int((warp.targetSeconds(forReference: $0) * 1000).rounded()) }
        if Self.pinned.isEmpty || ProcessInfo.processInfo.environment["ALIGN_PIN_PRINT"] != nil {
            print("alignment pin: \(found)")
        }
        // The pin is of a warp that works: the segments' starts are found where they are.
        let errors = zip(found, truth).map { abs(Double($0) - $1 * 1000) }
        if ProcessInfo.processInfo.environment["ALIGN_PIN_PRINT"] != nil {
            for (index, (value, seconds)) in zip(found, truth).enumerated() where index < Self.pinned.count {
                let pin = Self.pinned[index]
                if abs(value - pin) > 1 {
                    print("  segment \(index): truth \(Int(seconds * 1000)), found \(value), pinned \(pin)")
                }
            }
        }
        #expect(errors.reduce(0, +) / Double(errors.count) <= 40)
        #expect(found.count == Self.pinned.count)
        for (index, (value, pin)) in zip(found, Self.pinned).enumerated() {
            #expect(abs(value - pin) <= 1, "segment \(index): \(value) ms, pinned \(pin) ms")
        }
    }

    /// The textbook radix-2 transform the FFT was before issue 18, kept as the reference: the fast
    /// one must give the same powers to the bit, at every size.
    static func textbookPowerSpectrum(_ frame: [Float]) -> [Float] {
        let size = frame.count
        let bits = size.trailingZeroBitCount
        let cosines = (0..<size / 2).map { Float(cos(-2 * Double.pi * Double($0) / Double(size))) }
        let sines = (0..<size / 2).map { Float(sin(-2 * Double.pi * Double($0) / Double(size))) }
        var real = [Float](repeating: 0, count: size)
        var imaginary = [Float](repeating: 0, count: size)
        for index in 0..<size {
            var reversed = 0
            for bit in 0..<bits where index & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            real[reversed] = frame[index]
        }
        var half = 1
        while half < size {
            let stride = size / (half * 2)
            for start in Swift.stride(from: 0, to: size, by: half * 2) {
                for k in 0..<half {
                    let wr = cosines[k * stride]
                    let wi = sines[k * stride]
                    let a = start + k
                    let b = a + half
                    let tr = real[b] * wr - imaginary[b] * wi
                    let ti = real[b] * wi + imaginary[b] * wr
                    real[b] = real[a] - tr
                    imaginary[b] = imaginary[a] - ti
                    real[a] += tr
                    imaginary[a] += ti
                }
            }
            half *= 2
        }
        return (0...(size / 2)).map { real[$0] * real[$0] + imaginary[$0] * imaginary[$0] }
    }

    @Test func fftPowersAreTheTextbookOnesToTheBit() {
        var random = Generator(state: 2024)
        for bits in 1...11 {
            let size = 1 << bits
            let fft = FFT(size: size)
            for trial in 0..<4 {
                // Noise, and a windowed frame with zero padding (as the features use it).
                var frame = (0..<size).map { _ in Float(random.next() * 2 - 1) }
                if trial % 2 == 1 { for index in (size * 5 / 8)..<size { frame[index] = 0 } }
                if trial == 3 { frame[0] = 0 }
                var power = [Float](repeating: 0, count: size / 2 + 1)
                var scratch = [Float](repeating: 0, count: 2 * size)
                frame.withUnsafeBufferPointer { frame in
                    power.withUnsafeMutableBufferPointer { power in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                            fft.withTables { tables in
                                tables.powerSpectrum(
                                    frame.baseAddress!, into: power.baseAddress!, real: scratch.baseAddress!,
                                    imaginary: scratch.baseAddress! + size)
                            }
                        }
                    }
                }
                let expected = Self.textbookPowerSpectrum(frame)
                #expect(power.map(\.bitPattern) == expected.map(\.bitPattern), "size \(size), trial \(trial)")
            }
        }
    }

    /// With ALIGN_TIMINGS_OUT=<file>: the bench's and the accuracy tests' real timings (espeak
    /// voices), with hashes of the features' and the warp's exact bits, written as JSON, to compare
    /// two versions of the aligner bit for bit.
    @Test func dumpTimings() async throws {
        guard let out = ProcessInfo.processInfo.environment["ALIGN_TIMINGS_OUT"] else { return }
        let english = OfflineAlignmentTests.english
        let french = OfflineAlignmentTests.french
        var benchScenes: [Script.Scene] = []
        var words = 0
        while words < Int(45 * 3.3) {
            let text = english[benchScenes.count % english.count]
            benchScenes.append(
                Script.Scene(index: benchScenes.count + 1, narration: text, keyPhrase: "", imagePrompt: ""))
            words += text.split(separator: " ").count
        }
        let cases: [(String, VoiceScript, Language, String, Int, Bool)] = [
            ("bench 45 s", VoiceScript(scenes: benchScenes), .en, "en-gb+f3", 165, false),
            ("en us m3 210", OfflineAlignmentTests.script(english), .en, "en-us+m3", 210, false),
            ("fr be m4 205", OfflineAlignmentTests.script(french), .fr, "fr-be+m4", 205, false),
            ("en gb m2 music", OfflineAlignmentTests.script(english), .en, "en-gb+m2", 165, true),
        ]
        func hash(_ bits: [UInt64]) -> String {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bits { h = (h ^ b) &* 0x100_0000_01b3 }
            return String(h, radix: 16)
        }
        var result: [String: [String: String]] = [:]
        for (label, script, language, voice, rate, music) in cases {
            let spoken = try await SpeechSynthesizer.shared.synthesize(script.text, voice: voice, rate: rate)
            let samples =
                music ? OfflineAlignmentTests.withMusic(spoken.samples, sampleRate: spoken.sampleRate) : spoken.samples
            let found = try await OfflineAligner(referenceVoice: language.defaultVoice)
                .timings(of: script, in: samples, sampleRate: spoken.sampleRate)
            let reference = try await SpeechSynthesizer.shared.synthesize(script.text, voice: language.defaultVoice)
            let a = SpeechFeatures(samples: reference.samples, sampleRate: reference.sampleRate)
            let b = SpeechFeatures(samples: samples, sampleRate: spoken.sampleRate)
            let warp = DynamicTimeWarping.warp(reference: a, target: b)
            result[label] = [
                "timings": found.map { "\($0.text)@\(String(format: "%.6f", $0.start))" }.joined(separator: " "),
                "features": hash(
                    (a.values + b.values).map { UInt64($0.bitPattern) } + (a.isSpeech + b.isSpeech).map { $0 ? 1 : 0 }),
                "warp": hash(warp.firstTarget.map { UInt64(bitPattern: Int64($0)) }),
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: out))
    }
}
