import Foundation

/// An in-place radix-2 FFT of one fixed size, with its twiddle factors computed once.
///
/// Written for speed in a debug (-Onone) build too (issue 18): the transform runs on raw pointers
/// in `while` loops (no bounds checks, no range iterators, no retains), which the compiler inlines
/// even unoptimised. The arithmetic is the textbook one, so the power spectrum is the same to the
/// bit at any optimisation level (see ``Tables/powerSpectrum(_:into:real:imaginary:)``).
struct FFT: Sendable {
    package let size: Int
    private let cosines: [Float]
    private let sines: [Float]
    private let reversed: [Int]

    /// `size` must be a power of two.
    package init(size: Int) {
        precondition(size >= 2 && size & (size - 1) == 0, "FFT size must be a power of two")
        self.size = size
        cosines = (0..<size / 2).map { Float(cos(-2 * Double.pi * Double($0) / Double(size))) }
        sines = (0..<size / 2).map { Float(sin(-2 * Double.pi * Double($0) / Double(size))) }
        let bits = size.trailingZeroBitCount
        reversed = (0..<size).map { index in
            var value = 0
            for bit in 0..<bits where index & (1 << bit) != 0 { value |= 1 << (bits - 1 - bit) }
            return value
        }
    }

    /// Calls `body` with the tables' storage, so that many frames can be transformed without
    /// reaching into the arrays for each.
    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        cosines.withUnsafeBufferPointer { cosines in
            sines.withUnsafeBufferPointer { sines in
                reversed.withUnsafeBufferPointer { reversed in
                    body(
                        Tables(
                            size: size, cosines: cosines.baseAddress!, sines: sines.baseAddress!,
                            reversed: reversed.baseAddress!))
                }
            }
        }
    }

    /// The twiddle factors and the bit-reversal permutation, valid inside ``withTables(_:)``.
    struct Tables {
        package let size: Int
        let cosines: UnsafePointer<Float>
        let sines: UnsafePointer<Float>
        package let reversed: UnsafePointer<Int>

        /// The power spectrum (bins 0…size/2) of `frame` (real, `size` samples), into `power`.
        /// `real` and `imaginary` are scratch buffers of `size` elements.
        ///
        /// The textbook transform (bit-reversed input, stages of butterflies, half = 1, 2, 4, …),
        /// with its stages done two at a time: each group of four values goes through its four
        /// butterflies in registers. The first two stages are done while reordering the input, the
        /// last two straight into `power`, computing only the bins returned. There, since the input
        /// is real, a butterfly with the twiddle factor 1 (the first stage's, and k = 0's) is a sum
        /// and a difference, and one with a zero imaginary part skips its product with it.
        /// Multiplying by 1 and adding or subtracting a zero product is exact, so these give the same
        /// values, except perhaps the sign of a zero, which no later sum, difference or product of
        /// finite values can turn into another value, and which the squares of the power spectrum
        /// drop: the powers are the textbook ones to the bit.
        func powerSpectrum(
            _ frame: UnsafePointer<Float>, into power: UnsafeMutablePointer<Float>,
            real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>
        ) {
            let size = size
            let cosines = cosines
            let sines = sines
            let reversed = reversed
            guard size >= 16 else {
                smallPowerSpectrum(frame, into: power, real: real, imaginary: imaginary)
                return
            }
            // Stages half = 1 and 2 on the reordered input: group 4p…4p + 3 is frame[reversed[4p]]…
            // The first stage's twiddle is 1; the second's are 1 (k = 0) and w (k = 1); the
            // imaginary parts coming in are zero.
            let wr = cosines[size / 4]
            let wi = sines[size / 4]
            var index = 0
            while index < size {
                let x0 = frame[reversed[index]]
                let x1 = frame[reversed[index &+ 1]]
                let x2 = frame[reversed[index &+ 2]]
                let x3 = frame[reversed[index &+ 3]]
                let r0 = x0 + x1
                let r1 = x0 - x1
                let r2 = x2 + x3
                let r3 = x2 - x3
                let tr = r3 * wr
                let ti = r3 * wi
                real[index] = r0 + r2
                imaginary[index] = 0
                real[index &+ 1] = r1 + tr
                imaginary[index &+ 1] = ti
                real[index &+ 2] = r0 - r2
                imaginary[index &+ 2] = 0
                real[index &+ 3] = r1 - tr
                imaginary[index &+ 3] = -ti
                index &+= 4
            }
            // The stages in between (half = 4 … size/8): an odd one alone, then two at a time.
            let lastPair = size / 4
            var count = 0
            var half = 4
            while half < lastPair {
                count &+= 1
                half &*= 2
            }
            half = 4
            if count % 2 == 1 {
                stage(half: half, real: real, imaginary: imaginary)
                half &*= 2
            }
            while half < lastPair {
                twoStages(half: half, real: real, imaginary: imaginary)
                half &*= 4
            }
            // The last two stages (half = size/4 and size/2, one block): of each group of four,
            // i0 = k gives bin k, i1 = k + size/4 gives bin k + size/4, and for k = 0, i2 gives bin size/2.
            let quarter = lastPair
            let middle = size / 2
            var k = 0
            while k < quarter {
                let i1 = k &+ quarter
                let i2 = i1 &+ quarter
                let i3 = i2 &+ quarter
                let w1r = cosines[k &* 2]
                let w1i = sines[k &* 2]
                let w2r = cosines[k]
                let w2i = sines[k]
                let w3r = cosines[i1]
                let w3i = sines[i1]
                let r0 = real[k]
                let m0 = imaginary[k]
                let r1 = real[i1]
                let m1 = imaginary[i1]
                let r2 = real[i2]
                let m2 = imaginary[i2]
                let r3 = real[i3]
                let m3 = imaginary[i3]
                let t1r = r1 * w1r - m1 * w1i
                let t1i = r1 * w1i + m1 * w1r
                let a1r = r0 - t1r
                let a1i = m0 - t1i
                let a0r = r0 + t1r
                let a0i = m0 + t1i
                let t3r = r3 * w1r - m3 * w1i
                let t3i = r3 * w1i + m3 * w1r
                let a3r = r2 - t3r
                let a3i = m2 - t3i
                let a2r = r2 + t3r
                let a2i = m2 + t3i
                let t2r = a2r * w2r - a2i * w2i
                let t2i = a2r * w2i + a2i * w2r
                let b0r = a0r + t2r
                let b0i = a0i + t2i
                power[k] = b0r * b0r + b0i * b0i
                if k == 0 {
                    let b2r = a0r - t2r
                    let b2i = a0i - t2i
                    power[middle] = b2r * b2r + b2i * b2i
                }
                let u3r = a3r * w3r - a3i * w3i
                let u3i = a3r * w3i + a3i * w3r
                let b1r = a1r + u3r
                let b1i = a1i + u3i
                power[i1] = b1r * b1r + b1i * b1i
                k &+= 1
            }
        }

        /// ``powerSpectrum(_:into:real:imaginary:)`` for sizes under 16: one stage at a time.
        private func smallPowerSpectrum(
            _ frame: UnsafePointer<Float>, into power: UnsafeMutablePointer<Float>,
            real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>
        ) {
            var index = 0
            while index < size {
                real[reversed[index]] = frame[index]
                imaginary[index] = 0
                index += 1
            }
            var half = 1
            while half < size {
                stage(half: half, real: real, imaginary: imaginary)
                half *= 2
            }
            var bin = 0
            while bin <= size / 2 {
                power[bin] = real[bin] * real[bin] + imaginary[bin] * imaginary[bin]
                bin += 1
            }
        }

        /// One stage: the butterflies of `half`, in every block of `2·half`.
        private func stage(half: Int, real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>) {
            let size = size
            let cosines = cosines
            let sines = sines
            let span = half * 2
            let stride = size / span
            var k = 0
            while k < half {
                let wr = cosines[k * stride]
                let wi = sines[k * stride]
                var a = k
                while a < size {
                    let b = a + half
                    let rb = real[b]
                    let ib = imaginary[b]
                    let tr = rb * wr - ib * wi
                    let ti = rb * wi + ib * wr
                    let ra = real[a]
                    let ia = imaginary[a]
                    real[b] = ra - tr
                    imaginary[b] = ia - ti
                    real[a] = ra + tr
                    imaginary[a] = ia + ti
                    a += span
                }
                k += 1
            }
        }

        /// The stages `half` and `2·half` together. Per group of four values i0, i1 = i0 + half,
        /// i2 = i0 + 2·half, i3 = i0 + 3·half (i0 = block start + k): the first stage's butterflies
        /// (i0, i1) and (i2, i3) with twiddle k·size/(2·half), then the second's (i0, i2) with twiddle
        /// k·size/(4·half) and (i1, i3) with twiddle (k + half)·size/(4·half).
        private func twoStages(half: Int, real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>) {
            let size = size
            let cosines = cosines
            let sines = sines
            let span = half &* 4
            let blocks = size / span
            let stride1 = size / (half &* 2)
            let stride2 = blocks
            var k = 0
            while k < half {
                let w1r = cosines[k &* stride1]
                let w1i = sines[k &* stride1]
                let w2r = cosines[k &* stride2]
                let w2i = sines[k &* stride2]
                let w3r = cosines[(k &+ half) &* stride2]
                let w3i = sines[(k &+ half) &* stride2]
                var i0 = k
                while i0 < size {
                    let i1 = i0 &+ half
                    let i2 = i1 &+ half
                    let i3 = i2 &+ half
                    let r0 = real[i0]
                    let m0 = imaginary[i0]
                    let r1 = real[i1]
                    let m1 = imaginary[i1]
                    let r2 = real[i2]
                    let m2 = imaginary[i2]
                    let r3 = real[i3]
                    let m3 = imaginary[i3]
                    // First stage: (i0, i1) and (i2, i3), twiddle w1.
                    let t1r = r1 * w1r - m1 * w1i
                    let t1i = r1 * w1i + m1 * w1r
                    let a1r = r0 - t1r
                    let a1i = m0 - t1i
                    let a0r = r0 + t1r
                    let a0i = m0 + t1i
                    let t3r = r3 * w1r - m3 * w1i
                    let t3i = r3 * w1i + m3 * w1r
                    let a3r = r2 - t3r
                    let a3i = m2 - t3i
                    let a2r = r2 + t3r
                    let a2i = m2 + t3i
                    // Second stage: (i0, i2) with w2, (i1, i3) with w3.
                    let t2r = a2r * w2r - a2i * w2i
                    let t2i = a2r * w2i + a2i * w2r
                    real[i2] = a0r - t2r
                    imaginary[i2] = a0i - t2i
                    real[i0] = a0r + t2r
                    imaginary[i0] = a0i + t2i
                    let u3r = a3r * w3r - a3i * w3i
                    let u3i = a3r * w3i + a3i * w3r
                    real[i3] = a1r - u3r
                    imaginary[i3] = a1i - u3i
                    real[i1] = a1r + u3r
                    imaginary[i1] = a1i + u3i
                    i0 = i0 &+ span
                }
                k &+= 1
            }
        }
    }
}
