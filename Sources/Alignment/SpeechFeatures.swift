import Foundation

/// Mel-frequency cepstral coefficients of a voice track, one frame every 10 ms (25 ms Hamming
/// windows): the representation two recordings of the same words are compared in. Each
/// coefficient is normalised over the track (mean 0, variance 1), which removes most of what
/// differs between two voices and two microphones, and keeps what differs between sounds.
package struct SpeechFeatures: Sendable {
    /// Coefficients per frame: c1…c12 and the log energy, then how fast each changes (deltas).
    package static let dimensions = 2 * staticDimensions
    static let staticDimensions = 13
    package let frameCount: Int
    /// Seconds between two frames.
    package let frameSeconds: Double
    /// `frameCount × dimensions` values, frame after frame.
    package let values: [Float]
    /// Per frame: whether it is loud enough to be speech (or what is under it). Pauses of at least
    /// ``shortestPauseFrames`` are not.
    let isSpeech: [Bool]

    /// A quieter run shorter than this (80 ms: a stop consonant's closure) stays speech.
    static let shortestPauseFrames = 8
    /// Frames this far (dB) under the track's loudest are quiet.
    static let quietDepth = 35.0

    package init(frameCount: Int, frameSeconds: Double, values: [Float], isSpeech: [Bool]) {
        self.frameCount = frameCount
        self.frameSeconds = frameSeconds
        self.values = values
        self.isSpeech = isSpeech
    }

    /// The features of 16-bit mono samples at `sampleRate`.
    package init(samples: [Int16], sampleRate: Int) {
        var floats = [Float](repeating: 0, count: samples.count)
        samples.withUnsafeBufferPointer { samples in
            floats.withUnsafeMutableBufferPointer { floats in
                guard let source = samples.baseAddress, let destination = floats.baseAddress else { return }
                let count = samples.count
                var index = 0
                while index < count {
                    // Through Int: Float(Int16) is a generic call unoptimised, Float(Int) is not (same value).
                    destination[index] = Float(Int(source[index])) / 32768
                    index += 1
                }
            }
        }
        self.init(floats: floats, sampleRate: sampleRate)
    }

    /// The features of samples in -1…1 at `sampleRate`: the steps below, in this order.
    package init(floats samples: [Float], sampleRate: Int) {
        let (hop, window, fftSize) = Self.frameSizes(sampleRate: sampleRate)
        let count = samples.count >= window ? 1 + (samples.count - window) / hop : (samples.isEmpty ? 0 : 1)
        let bands = Self.melBands
        var logs = Self.logMelEnergies(
            samples, sampleRate: sampleRate, frames: count, hop: hop, window: window, fftSize: fftSize)
        let isSpeech = Self.speechFrames(logEnergies: (0..<count).map { logs[$0 * (bands + 1) + bands] })
        Self.floorUnderLoudest(&logs, frames: count, width: bands + 1)
        var values = Self.cepstra(logs, frames: count, bands: bands)
        values.withUnsafeMutableBufferPointer { values in
            guard count > 0 else { return }
            Self.normalise(values, frames: count, dimensions: Self.staticDimensions, counted: isSpeech)
        }
        values = Self.withDeltas(values, frames: count, isSpeech: isSpeech)
        self.init(frameCount: count, frameSeconds: Double(hop) / Double(sampleRate), values: values, isSpeech: isSpeech)
    }

    /// How many mel filters, hence log mel energies per frame.
    private static let melBands = 26

    /// The hop (10 ms), the window (25 ms) and the FFT's size (the power of two that holds a window), in samples.
    private static func frameSizes(sampleRate: Int) -> (hop: Int, window: Int, fftSize: Int) {
        let hop = max(1, Int((Double(sampleRate) * 0.010).rounded()))
        let window = max(2, Int((Double(sampleRate) * 0.025).rounded()))
        var fftSize = 2
        while fftSize < window { fftSize *= 2 }
        return (hop, window, fftSize)
    }

    /// The Hamming window of `size` samples.
    private static func hammingWindow(_ size: Int) -> [Float] {
        (0..<size).map { Float(0.54 - 0.46 * cos(2 * Double.pi * Double($0) / Double(size - 1))) }
    }

    /// Per frame, the log energies of the mel filters over its power spectrum, then its log energy.
    private static func logMelEnergies(
        _ samples: [Float], sampleRate: Int, frames count: Int, hop: Int, window: Int, fftSize: Int
    ) -> [Float] {
        // The loops (here and in the steps after) run on raw pointers (fast in a debug build too,
        // issue 18), in the same order of operations as ever, so the features are the same to the bit.
        let fft = FFT(size: fftSize)
        let bankCount = melBands
        let bank = MelFilterBank(
            count: bankCount, fftSize: fftSize, sampleRate: Double(sampleRate), low: 80,
            high: min(7600, Double(sampleRate) / 2))
        let width = bankCount + 1
        let hamming = hammingWindow(window)
        var logs = [Float](repeating: 0, count: count * width)
        // One scratch buffer: the windowed frame, the FFT's real and imaginary parts, the power spectrum.
        var scratch = [Float](repeating: 0, count: 3 * fftSize + fftSize / 2 + 1)
        samples.withUnsafeBufferPointer { samplesBuffer in
            hamming.withUnsafeBufferPointer { hammingBuffer in
                logs.withUnsafeMutableBufferPointer { logsBuffer in
                    scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                        fft.withTables { fft in
                            bank.withFilters { bank in
                                guard count > 0 else { return }
                                let samples = samplesBuffer.baseAddress!
                                let sampleCount = samplesBuffer.count
                                let hamming = hammingBuffer.baseAddress!
                                let logs = logsBuffer.baseAddress!
                                let frame = scratchBuffer.baseAddress!
                                let real = frame + fftSize
                                let imaginary = real + fftSize
                                let power = imaginary + fftSize
                                let emphasised = UnsafeMutablePointer<Float>.allocate(capacity: sampleCount)
                                let squares = UnsafeMutablePointer<Float>.allocate(capacity: sampleCount)
                                defer {
                                    emphasised.deallocate()
                                    squares.deallocate()
                                }
                                preEmphasise(samples, count: sampleCount, into: emphasised, squares: squares)
                                var index = 0
                                while index < count {
                                    let start = index * hop
                                    let energy = windowFrame(
                                        frame, from: emphasised + start, squares: squares + start,
                                        filled: min(window, sampleCount - start), hamming: hamming, fftSize: fftSize)
                                    fft.powerSpectrum(frame, into: power, real: real, imaginary: imaginary)
                                    let row = logs + index * width
                                    bank.apply(power, into: row)
                                    row[bankCount] = log(energy / Float(window))
                                    index += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return logs
    }

    /// Each sample pre-emphasised (minus 0.97 times the one before), and each sample squared.
    private static func preEmphasise(
        _ samples: UnsafePointer<Float>, count sampleCount: Int, into emphasised: UnsafeMutablePointer<Float>,
        squares: UnsafeMutablePointer<Float>
    ) {
        // Once per sample, not in each of the two or three frames it falls in.
        var previous: Float = 0
        var n = 0
        while n < sampleCount {
            let sample = samples[n]
            emphasised[n] = sample - 0.97 * previous
            squares[n] = sample * sample
            previous = sample
            n &+= 1
        }
    }

    /// A frame: its pre-emphasised samples times the Hamming window, zero-padded; returns their energy.
    private static func windowFrame(
        _ frame: UnsafeMutablePointer<Float>, from source: UnsafePointer<Float>, squares square: UnsafePointer<Float>,
        filled: Int, hamming: UnsafePointer<Float>, fftSize: Int
    ) -> Float {
        var energy: Float = 1e-12
        var k = 0
        while k &+ 4 <= filled {
            frame[k] = source[k] * hamming[k]
            frame[k &+ 1] = source[k &+ 1] * hamming[k &+ 1]
            frame[k &+ 2] = source[k &+ 2] * hamming[k &+ 2]
            frame[k &+ 3] = source[k &+ 3] * hamming[k &+ 3]
            energy += square[k]
            energy += square[k &+ 1]
            energy += square[k &+ 2]
            energy += square[k &+ 3]
            k &+= 4
        }
        while k < filled {
            frame[k] = source[k] * hamming[k]
            energy += square[k]
            k &+= 1
        }
        while k < fftSize {
            frame[k] = 0
            k += 1
        }
        return energy
    }

    /// Each column raised to a floor 40 dB under its loudest: digital silence then looks like a quiet room.
    private static func floorUnderLoudest(_ logs: inout [Float], frames count: Int, width: Int) {
        let floorDepth = Float(40 * log(10.0) / 10)
        logs.withUnsafeMutableBufferPointer { logsBuffer in
            guard count > 0 else { return }
            let logs = logsBuffer.baseAddress!
            var column = 0
            while column < width {
                var loudest = -Float.infinity
                var index = 0
                while index < count {
                    let value = logs[index * width + column]
                    if value >= loudest { loudest = value }  // max(loudest, value)
                    index += 1
                }
                let floor = loudest - floorDepth
                index = 0
                while index < count {
                    let cell = logs + index * width + column
                    if floor >= cell.pointee { cell.pointee = floor }  // max(cell, floor)
                    index += 1
                }
                column += 1
            }
        }
    }

    /// The DCT-II rows 1…12 over `bands` values, row after row.
    private static func dctRows(_ rows: Int, bands bankCount: Int) -> [Float] {
        var dct = [Float](repeating: 0, count: rows * bankCount)
        for row in 0..<rows {
            for column in 0..<bankCount {
                dct[row * bankCount + column] = Float(
                    cos(Double.pi * Double(row + 1) * (Double(column) + 0.5) / Double(bankCount)))
            }
        }
        return dct
    }

    /// Per frame, the static coefficients: c1…c12 (DCT-II of the log mel energies), then the log energy.
    private static func cepstra(_ logs: [Float], frames count: Int, bands bankCount: Int) -> [Float] {
        let dimensions = staticDimensions
        let cepstra = dimensions - 1
        let width = bankCount + 1
        let dct = dctRows(cepstra, bands: bankCount)
        var values = [Float](repeating: 0, count: count * dimensions)
        logs.withUnsafeBufferPointer { logsBuffer in
            dct.withUnsafeBufferPointer { dctBuffer in
                values.withUnsafeMutableBufferPointer { valuesBuffer in
                    guard count > 0 else { return }
                    let logs = logsBuffer.baseAddress!
                    let dct = dctBuffer.baseAddress!
                    let values = valuesBuffer.baseAddress!
                    var index = 0
                    while index < count {
                        let row = values + index * dimensions
                        let energies = logs + index * width
                        var c = 0
                        while c < cepstra {
                            let weights = dct + c * bankCount
                            var sum: Float = 0
                            var b = 0
                            while b &+ 4 <= bankCount {  // four a turn, in order
                                sum += weights[b] * energies[b]
                                sum += weights[b &+ 1] * energies[b &+ 1]
                                sum += weights[b &+ 2] * energies[b &+ 2]
                                sum += weights[b &+ 3] * energies[b &+ 3]
                                b &+= 4
                            }
                            while b < bankCount {
                                sum += weights[b] * energies[b]
                                b &+= 1
                            }
                            row[c] = sum
                            c += 1
                        }
                        row[cepstra] = energies[bankCount]
                        index += 1
                    }
                }
            }
        }
        return values
    }

    /// How much the deltas count against the static coefficients. Transitions between sounds differ
    /// less from voice to voice than the sounds' spectra do: weighting them twice halved the worst
    /// errors between espeak's male and female variants (measured by OfflineAlignmentTests).
    static let deltaWeight: Float = 2

    /// Each frame's static coefficients followed by their regression slope over ±2 frames, normalised.
    static func withDeltas(_ values: [Float], frames: Int, isSpeech: [Bool]) -> [Float] {
        let width = staticDimensions
        let full = dimensions
        var result = [Float](repeating: 0, count: frames * full)
        guard frames > 0 else { return result }
        values.withUnsafeBufferPointer { valuesBuffer in
            result.withUnsafeMutableBufferPointer { resultBuffer in
                let values = valuesBuffer.baseAddress!
                let result = resultBuffer.baseAddress!
                var f = 0
                while f < frames {
                    let row = result + f * full
                    let own = values + f * width
                    // The frames ±1 and ±2 away, held at the track's ends.
                    let after1 = values + min(frames - 1, f + 1) * width
                    let before1 = values + max(0, f - 1) * width
                    let after2 = values + min(frames - 1, f + 2) * width
                    let before2 = values + max(0, f - 2) * width
                    var d = 0
                    while d < width {
                        row[d] = own[d]
                        var slope: Float = 0
                        slope += Float(1) * (after1[d] - before1[d])
                        slope += Float(2) * (after2[d] - before2[d])
                        row[width + d] = slope / 10
                        d += 1
                    }
                    f += 1
                }
            }
        }
        result.withUnsafeMutableBufferPointer { resultBuffer in
            normaliseColumns(resultBuffer, frames: frames, dimensions: full, columns: width..<full, counted: isSpeech)
            let result = resultBuffer.baseAddress!
            let weight = deltaWeight
            var f = 0
            while f < frames {
                let row = result + f * full
                var d = width
                while d < full {
                    row[d] *= weight
                    d += 1
                }
                f += 1
            }
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
            guard !result[index] else {
                index += 1
                continue
            }
            var end = index
            while end < result.count, !result[end] { end += 1 }
            if end - index < shortestPauseFrames { for k in index..<end { result[k] = true } }
            index = end
        }
        return result
    }

    /// Mean 0 and variance 1 per coefficient over the speech frames (all frames if none is).
    private static func normalise(
        _ values: UnsafeMutableBufferPointer<Float>, frames: Int, dimensions: Int, counted: [Bool]
    ) {
        normaliseColumns(values, frames: frames, dimensions: dimensions, columns: 0..<dimensions, counted: counted)
    }

    private static func normaliseColumns(
        _ valuesBuffer: UnsafeMutableBufferPointer<Float>, frames: Int, dimensions: Int, columns: Range<Int>,
        counted: [Bool]
    ) {
        guard frames > 1 else { return }
        let all = !counted.contains(true)
        let used = all ? frames : counted.filter { $0 }.count
        counted.withUnsafeBufferPointer { countedBuffer in
            let values = valuesBuffer.baseAddress!
            let counted = countedBuffer.baseAddress!
            var d = columns.lowerBound
            while d < columns.upperBound {
                var mean: Double = 0
                var f = 0
                while f < frames {
                    if all || counted[f] { mean += Double(values[f * dimensions + d]) }
                    f += 1
                }
                mean /= Double(used)
                var variance: Double = 0
                f = 0
                while f < frames {
                    if all || counted[f] {
                        let x = Double(values[f * dimensions + d]) - mean
                        variance += x * x
                    }
                    f += 1
                }
                let scale = Float(1 / max(sqrt(variance / Double(used)), 1e-6))
                let floatMean = Float(mean)
                f = 0
                while f < frames {
                    let cell = values + f * dimensions + d
                    cell.pointee = (cell.pointee - floatMean) * scale
                    f += 1
                }
                d += 1
            }
        }
    }

    /// Averages of `factor` consecutive frames: the coarse level of the warping.
    func downsampled(by factor: Int) -> SpeechFeatures {
        let dimensions = Self.dimensions
        let count = (frameCount + factor - 1) / factor
        var result = [Float](repeating: 0, count: count * dimensions)
        if count > 0 {
            values.withUnsafeBufferPointer { valuesBuffer in
                result.withUnsafeMutableBufferPointer { resultBuffer in
                    let values = valuesBuffer.baseAddress!
                    let result = resultBuffer.baseAddress!
                    var index = 0
                    while index < count {
                        let first = index * factor
                        let last = min(frameCount, first + factor)
                        let row = result + index * dimensions
                        var f = first
                        while f < last {
                            let source = values + f * dimensions
                            var d = 0
                            while d < dimensions {
                                row[d] += source[d]
                                d += 1
                            }
                            f += 1
                        }
                        let scale = 1 / Float(last - first)
                        var d = 0
                        while d < dimensions {
                            row[d] *= scale
                            d += 1
                        }
                        index += 1
                    }
                }
            }
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
        var result = [Float](repeating: 0, count: kept.count * dimensions)
        if !kept.isEmpty {
            values.withUnsafeBufferPointer { valuesBuffer in
                result.withUnsafeMutableBufferPointer { resultBuffer in
                    kept.withUnsafeBufferPointer { keptBuffer in
                        let values = valuesBuffer.baseAddress!
                        let result = resultBuffer.baseAddress!
                        let kept = keptBuffer.baseAddress!
                        let keptCount = keptBuffer.count
                        var index = 0
                        while index < keptCount {
                            (result + index * dimensions).update(
                                from: values + kept[index] * dimensions, count: dimensions)
                            index += 1
                        }
                    }
                }
            }
        }
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
    /// Per filter: the first FFT bin, and where its weights start in `weights` (the next filter's
    /// start is where they end).
    private let firstBins: [Int]
    private let starts: [Int]
    /// Every filter's weights, one filter after another.
    private let weights: [Float]

    package init(count: Int, fftSize: Int, sampleRate: Double, low: Double, high: Double) {
        func mel(_ hz: Double) -> Double { 2595 * log10(1 + hz / 700) }
        func hz(_ mel: Double) -> Double { 700 * (pow(10, mel / 2595) - 1) }
        let lowMel = mel(low)
        let highMel = mel(high)
        let edges = (0..<(count + 2)).map { hz(lowMel + (highMel - lowMel) * Double($0) / Double(count + 1)) }
        let binHz = sampleRate / Double(fftSize)
        let filters = (0..<count).map { index -> (first: Int, weights: [Float]) in
            let left = edges[index]
            let centre = edges[index + 1]
            let right = edges[index + 2]
            let first = max(0, Int(ceil(left / binHz)))
            let last = min(fftSize / 2, Int(floor(right / binHz)))
            guard first <= last else { return (first: min(first, fftSize / 2), weights: [1]) }
            let weights = (first...last).map { bin -> Float in
                let f = Double(bin) * binHz
                return Float(
                    f <= centre ? (f - left) / max(centre - left, 1e-9) : (right - f) / max(right - centre, 1e-9))
            }
            return (first: first, weights: weights)
        }
        firstBins = filters.map(\.first)
        var starts = [0]
        for filter in filters { starts.append(starts[starts.count - 1] + filter.weights.count) }
        self.starts = starts
        weights = filters.flatMap(\.weights)
    }

    /// Calls `body` with the filters' storage, for applying them to many frames.
    func withFilters<Result>(_ body: (Filters) -> Result) -> Result {
        firstBins.withUnsafeBufferPointer { firstBins in
            starts.withUnsafeBufferPointer { starts in
                weights.withUnsafeBufferPointer { weights in
                    body(
                        Filters(
                            count: firstBins.count, firstBins: firstBins.baseAddress!, starts: starts.baseAddress!,
                            weights: weights.baseAddress!))
                }
            }
        }
    }

    /// The filters, valid inside ``withFilters(_:)``.
    struct Filters {
        package let count: Int
        let firstBins: UnsafePointer<Int>
        package let starts: UnsafePointer<Int>
        let weights: UnsafePointer<Float>

        /// The log energy of each filter over `power`, into `energies` (`count` values).
        package func apply(_ power: UnsafePointer<Float>, into energies: UnsafeMutablePointer<Float>) {
            let count = count
            let firstBins = firstBins
            let starts = starts
            let weights = weights
            var index = 0
            while index < count {
                let bins = power + firstBins[index]
                var sum: Float = 1e-10
                let first = starts[index]
                let end = starts[index &+ 1]
                // Four weights a turn (in order), then the rest.
                var w = weights + first
                var p = bins
                var left = end &- first
                while left >= 4 {
                    sum += w[0] * p[0]
                    sum += w[1] * p[1]
                    sum += w[2] * p[2]
                    sum += w[3] * p[3]
                    w = w + 4
                    p = p + 4
                    left &-= 4
                }
                while left > 0 {
                    sum += w.pointee * p.pointee
                    w = w + 1
                    p = p + 1
                    left &-= 1
                }
                energies[index] = log(sum)
                index += 1
            }
        }
    }
}
