import Foundation

/// Mel-frequency cepstral coefficients of a voice track, one frame every 10 ms (25 ms Hamming
/// windows): the representation two recordings of the same words are compared in. Each
/// coefficient is normalised over the track (mean 0, variance 1), which removes most of what
/// differs between two voices and two microphones, and keeps what differs between sounds.
public struct SpeechFeatures: Sendable {
    /// Coefficients per frame: c1…c12 and the log energy, then how fast each changes (deltas).
    public static let dimensions = 2 * staticDimensions
    static let staticDimensions = 13
    public let frameCount: Int
    /// Seconds between two frames.
    public let frameSeconds: Double
    /// `frameCount × dimensions` values, frame after frame.
    let values: [Float]
    /// Per frame: whether it is loud enough to be speech (or what is under it). Pauses of at least
    /// ``shortestPauseFrames`` are not.
    let isSpeech: [Bool]

    /// A quieter run shorter than this (80 ms: a stop consonant's closure) stays speech.
    static let shortestPauseFrames = 8
    /// Frames this far (dB) under the track's loudest are quiet.
    static let quietDepth = 35.0

    init(frameCount: Int, frameSeconds: Double, values: [Float], isSpeech: [Bool]) {
        self.frameCount = frameCount
        self.frameSeconds = frameSeconds
        self.values = values
        self.isSpeech = isSpeech
    }

    /// The features of 16-bit mono samples at `sampleRate`.
    public init(samples: [Int16], sampleRate: Int) {
        self.init(floats: samples.map { Float($0) / 32768 }, sampleRate: sampleRate)
    }

    public init(floats samples: [Float], sampleRate: Int) {
        let hop = max(1, Int((Double(sampleRate) * 0.010).rounded()))
        let window = max(2, Int((Double(sampleRate) * 0.025).rounded()))
        var fftSize = 2
        while fftSize < window { fftSize *= 2 }
        let fft = FFT(size: fftSize)
        let bankCount = 26
        let bank = MelFilterBank(count: bankCount, fftSize: fftSize, sampleRate: Double(sampleRate), low: 80, high: min(7600, Double(sampleRate) / 2))
        let count = samples.count >= window ? 1 + (samples.count - window) / hop : (samples.isEmpty ? 0 : 1)
        let dimensions = Self.staticDimensions
        let hamming = (0..<window).map { Float(0.54 - 0.46 * cos(2 * Double.pi * Double($0) / Double(window - 1))) }
        // DCT-II rows 1…12 over the log mel energies.
        let cepstra = dimensions - 1
        var dct = [Float](repeating: 0, count: cepstra * bankCount)
        for row in 0..<cepstra {
            for column in 0..<bankCount {
                dct[row * bankCount + column] = Float(cos(Double.pi * Double(row + 1) * (Double(column) + 0.5) / Double(bankCount)))
            }
        }
        // First the log mel energies and log energy of every frame; then a floor 40 dB under the
        // track's loudest, so that digital silence (zeros) and a quiet room look alike; then the cepstra.
        let width = bankCount + 1
        var logs = [Float](repeating: 0, count: count * width)
        var frame = [Float](repeating: 0, count: fftSize)
        var real = [Float](repeating: 0, count: fftSize)
        var imaginary = [Float](repeating: 0, count: fftSize)
        var power = [Float](repeating: 0, count: fftSize / 2 + 1)
        var energies = [Float](repeating: 0, count: bankCount)
        samples.withUnsafeBufferPointer { samples in
            for index in 0..<count {
                let start = index * hop
                var previous: Float = start > 0 ? samples[start - 1] : 0
                var energy: Float = 1e-12
                for k in 0..<fftSize {
                    if k < window, start + k < samples.count {
                        let sample = samples[start + k]
                        let emphasised = sample - 0.97 * previous
                        previous = sample
                        frame[k] = emphasised * hamming[k]
                        energy += sample * sample
                    } else {
                        frame[k] = 0
                    }
                }
                frame.withUnsafeBufferPointer { frame in
                    power.withUnsafeMutableBufferPointer { power in
                        real.withUnsafeMutableBufferPointer { real in
                            imaginary.withUnsafeMutableBufferPointer { imaginary in
                                fft.powerSpectrum(frame, into: power, real: real, imaginary: imaginary)
                            }
                        }
                    }
                }
                bank.apply(power, into: &energies)
                for b in 0..<bankCount { logs[index * width + b] = energies[b] }
                logs[index * width + bankCount] = log(energy / Float(window))
            }
        }
        let isSpeech = Self.speechFrames(logEnergies: (0..<count).map { logs[$0 * width + bankCount] })
        let floorDepth = Float(40 * log(10.0) / 10)
        for column in 0..<width {
            var loudest = -Float.infinity
            for index in 0..<count { loudest = max(loudest, logs[index * width + column]) }
            for index in 0..<count { logs[index * width + column] = max(logs[index * width + column], loudest - floorDepth) }
        }
        var values = [Float](repeating: 0, count: count * dimensions)
        values.withUnsafeMutableBufferPointer { values in
            for index in 0..<count {
                let row = index * dimensions
                for c in 0..<cepstra {
                    var sum: Float = 0
                    for b in 0..<bankCount { sum += dct[c * bankCount + b] * logs[index * width + b] }
                    values[row + c] = sum
                }
                values[row + cepstra] = logs[index * width + bankCount]
            }
            Self.normalise(values, frames: count, dimensions: dimensions, counted: isSpeech)
        }
        values = Self.withDeltas(values, frames: count, isSpeech: isSpeech)
        self.init(frameCount: count, frameSeconds: Double(hop) / Double(sampleRate), values: values, isSpeech: isSpeech)
    }

    /// How much the deltas count against the static coefficients. Transitions between sounds differ
    /// less from voice to voice than the sounds' spectra do: weighting them twice halved the worst
    /// errors between espeak's male and female variants (measured by OfflineAlignmentTests).
    static let deltaWeight: Float = 2

    /// Each frame's static coefficients followed by their regression slope over ±2 frames, normalised.
    static func withDeltas(_ values: [Float], frames: Int, isSpeech: [Bool]) -> [Float] {
        let width = staticDimensions, full = dimensions
        var result = [Float](repeating: 0, count: frames * full)
        result.withUnsafeMutableBufferPointer { result in
            for f in 0..<frames {
                for d in 0..<width {
                    result[f * full + d] = values[f * width + d]
                    var slope: Float = 0
                    for k in 1...2 {
                        let after = values[min(frames - 1, f + k) * width + d], before = values[max(0, f - k) * width + d]
                        slope += Float(k) * (after - before)
                    }
                    result[f * full + width + d] = slope / 10
                }
            }
            normaliseColumns(result, frames: frames, dimensions: full, columns: width..<full, counted: isSpeech)
            for f in 0..<frames { for d in width..<full { result[f * full + d] *= deltaWeight } }
        }
        return result
    }

    /// Which frames are speech: not part of a run of at least ``shortestPauseFrames`` quiet frames.
    static func speechFrames(logEnergies: [Float]) -> [Bool] {
        guard let loudest = logEnergies.max() else { return [] }
        let threshold = loudest - Float(quietDepth * log(10.0) / 10)
        var result = logEnergies.map { $0 >= threshold }
        var index = 0
        while index < result.count {
            guard !result[index] else { index += 1; continue }
            var end = index
            while end < result.count, !result[end] { end += 1 }
            if end - index < shortestPauseFrames { for k in index..<end { result[k] = true } }
            index = end
        }
        return result
    }

    /// Mean 0 and variance 1 per coefficient over the speech frames (all frames if none is).
    private static func normalise(_ values: UnsafeMutableBufferPointer<Float>, frames: Int, dimensions: Int, counted: [Bool]) {
        normaliseColumns(values, frames: frames, dimensions: dimensions, columns: 0..<dimensions, counted: counted)
    }

    private static func normaliseColumns(
        _ values: UnsafeMutableBufferPointer<Float>, frames: Int, dimensions: Int, columns: Range<Int>, counted: [Bool]
    ) {
        guard frames > 1 else { return }
        let all = !counted.contains(true)
        let used = all ? frames : counted.filter { $0 }.count
        for d in columns {
            var mean: Double = 0
            for f in 0..<frames where all || counted[f] { mean += Double(values[f * dimensions + d]) }
            mean /= Double(used)
            var variance: Double = 0
            for f in 0..<frames where all || counted[f] {
                let x = Double(values[f * dimensions + d]) - mean
                variance += x * x
            }
            let scale = Float(1 / max(sqrt(variance / Double(used)), 1e-6))
            for f in 0..<frames { values[f * dimensions + d] = (values[f * dimensions + d] - Float(mean)) * scale }
        }
    }

    /// Averages of `factor` consecutive frames: the coarse level of the warping.
    func downsampled(by factor: Int) -> SpeechFeatures {
        let dimensions = Self.dimensions
        let count = (frameCount + factor - 1) / factor
        var result = [Float](repeating: 0, count: count * dimensions)
        for index in 0..<count {
            let first = index * factor, last = min(frameCount, first + factor)
            for f in first..<last {
                for d in 0..<dimensions { result[index * dimensions + d] += values[f * dimensions + d] }
            }
            let scale = 1 / Float(last - first)
            for d in 0..<dimensions { result[index * dimensions + d] *= scale }
        }
        return SpeechFeatures(
            frameCount: count, frameSeconds: frameSeconds * Double(factor), values: result,
            isSpeech: [Bool](repeating: true, count: count))
    }

    /// The speech frames alone (pauses cut out, as aeneas masks non-speech), and for each the
    /// frame it was. A track with no speech frame is kept whole.
    func speechOnly() -> (features: SpeechFeatures, frames: [Int]) {
        let kept = isSpeech.contains(true) ? (0..<frameCount).filter { isSpeech[$0] } : Array(0..<frameCount)
        let dimensions = Self.dimensions
        var result = [Float]()
        result.reserveCapacity(kept.count * dimensions)
        for frame in kept { result.append(contentsOf: values[(frame * dimensions)..<((frame + 1) * dimensions)]) }
        return (
            SpeechFeatures(
                frameCount: kept.count, frameSeconds: frameSeconds, values: result,
                isSpeech: [Bool](repeating: true, count: kept.count)),
            kept
        )
    }
}

/// Triangular filters spaced evenly on the mel scale, applied to a power spectrum; gives log energies.
struct MelFilterBank: Sendable {
    /// Per filter: the first FFT bin and its weights.
    private let filters: [(first: Int, weights: [Float])]

    init(count: Int, fftSize: Int, sampleRate: Double, low: Double, high: Double) {
        func mel(_ hz: Double) -> Double { 2595 * log10(1 + hz / 700) }
        func hz(_ mel: Double) -> Double { 700 * (pow(10, mel / 2595) - 1) }
        let lowMel = mel(low), highMel = mel(high)
        let edges = (0..<(count + 2)).map { hz(lowMel + (highMel - lowMel) * Double($0) / Double(count + 1)) }
        let binHz = sampleRate / Double(fftSize)
        filters = (0..<count).map { index in
            let left = edges[index], centre = edges[index + 1], right = edges[index + 2]
            let first = max(0, Int(ceil(left / binHz)))
            let last = min(fftSize / 2, Int(floor(right / binHz)))
            guard first <= last else { return (first: min(first, fftSize / 2), weights: [1]) }
            let weights = (first...last).map { bin -> Float in
                let f = Double(bin) * binHz
                return Float(f <= centre ? (f - left) / max(centre - left, 1e-9) : (right - f) / max(right - centre, 1e-9))
            }
            return (first: first, weights: weights)
        }
    }

    func apply(_ power: [Float], into energies: inout [Float]) {
        for (index, filter) in filters.enumerated() {
            var sum: Float = 1e-10
            for (offset, weight) in filter.weights.enumerated() { sum += weight * power[filter.first + offset] }
            energies[index] = log(sum)
        }
    }
}
