import Foundation

/// An in-place radix-2 FFT of one fixed size, with its twiddle factors computed once.
///
/// Written for speed in a debug (-Onone) build too (issue 18): the transform runs on raw pointers
/// in `while` loops (no bounds checks, no range iterators, no retains), which the compiler inlines
/// even unoptimised. The arithmetic is the textbook one, so the power spectrum is the same to the
/// bit at any optimisation level (see ``Tables/powerSpectrum(_:into:real:imaginary:)``).
struct FFT: Sendable {
    let size: Int
    private let cosines: [Float]
    private let sines: [Float]
    private let reversed: [Int]

    /// `size` must be a power of two.
    init(size: Int) {
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
                    body(Tables(size: size, cosines: cosines.baseAddress!, sines: sines.baseAddress!, reversed: reversed.baseAddress!))
                }
            }
        }
    }

    /// The twiddle factors and the bit-reversal permutation, valid inside ``withTables(_:)``.
    struct Tables {
        let size: Int
        let cosines: UnsafePointer<Float>
        let sines: UnsafePointer<Float>
        let reversed: UnsafePointer<Int>

        /// The power spectrum (bins 0…size/2) of `frame` (real, `size` samples), into `power`.
        /// `real` and `imaginary` are scratch buffers of `size` elements.
        ///
        /// Three shortcuts of the textbook transform, none of which changes a power: the first stage
        /// is done while reordering the input (its imaginary parts are zero and its twiddle factor is
        /// 1, so a butterfly is a sum and a difference); every butterfly with the twiddle factor 1
        /// (k = 0) skips its products; and the last stage computes only the bins that are returned,
        /// straight into `power`. Multiplying by 1 and adding or subtracting a product with a zero is
        /// exact, so these give the same values, except perhaps the sign of a zero, which no later
        /// sum, difference or product of finite values can turn into another value, and which the
        /// squares of the power spectrum drop.
        func powerSpectrum(
            _ frame: UnsafePointer<Float>, into power: UnsafeMutablePointer<Float>,
            real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>
        ) {
            let size = size, cosines = cosines, sines = sines, reversed = reversed
            // The bit-reversed input and the first stage (half = 1): input 2p and 2p + 1 are
            // frame[reversed[2p]] and frame[reversed[2p + 1]].
            var index = 0
            while index < size {
                let x = frame[reversed[index]], y = frame[reversed[index + 1]]
                real[index] = x + y
                real[index + 1] = x - y
                imaginary[index] = 0
                imaginary[index + 1] = 0
                index += 2
            }
            if size == 2 {
                power[0] = real[0] * real[0] + imaginary[0] * imaginary[0]
                power[1] = real[1] * real[1] + imaginary[1] * imaginary[1]
                return
            }
            let last = size / 2
            var half = 2
            // Two stages at a time (half and 2·half) while both come before the last: each group of
            // four values goes through its four butterflies in registers, one load and one store
            // each instead of two. The same butterflies, so the same values.
            while half &* 4 <= last {
                twoStages(half: half, real: real, imaginary: imaginary)
                half &*= 4
            }
            while half < last {
                let span = half * 2, stride = size / span
                if half < stride {
                    // Few butterflies per block: one twiddle factor at a time, across the blocks.
                    var a = 0
                    while a < size {
                        let b = a + half
                        let ra = real[a], ia = imaginary[a], rb = real[b], ib = imaginary[b]
                        real[b] = ra - rb
                        imaginary[b] = ia - ib
                        real[a] = ra + rb
                        imaginary[a] = ia + ib
                        a += span
                    }
                    var k = 1
                    while k < half {
                        let wr = cosines[k * stride], wi = sines[k * stride]
                        var a = k
                        while a < size {
                            let b = a + half
                            let rb = real[b], ib = imaginary[b]
                            let tr = rb * wr - ib * wi
                            let ti = rb * wi + ib * wr
                            let ra = real[a], ia = imaginary[a]
                            real[b] = ra - tr
                            imaginary[b] = ia - ti
                            real[a] = ra + tr
                            imaginary[a] = ia + ti
                            a += span
                        }
                        k += 1
                    }
                } else {
                    var start = 0
                    while start < size {
                        let b0 = start + half
                        let ra0 = real[start], ia0 = imaginary[start], rb0 = real[b0], ib0 = imaginary[b0]
                        real[b0] = ra0 - rb0
                        imaginary[b0] = ia0 - ib0
                        real[start] = ra0 + rb0
                        imaginary[start] = ia0 + ib0
                        var k = 1, twiddle = stride
                        while k < half {
                            let wr = cosines[twiddle], wi = sines[twiddle]
                            let a = start + k, b = a + half
                            let rb = real[b], ib = imaginary[b]
                            let tr = rb * wr - ib * wi
                            let ti = rb * wi + ib * wr
                            let ra = real[a], ia = imaginary[a]
                            real[b] = ra - tr
                            imaginary[b] = ia - ti
                            real[a] = ra + tr
                            imaginary[a] = ia + ti
                            k += 1
                            twiddle += stride
                        }
                        start += span
                    }
                }
                half *= 2
            }
            // The last stage (half = size / 2, one block, twiddle k): bin k from butterfly k's sum;
            // bin size / 2 from the difference of butterfly 0.
            let ra0 = real[0], ia0 = imaginary[0], rb0 = real[last], ib0 = imaginary[last]
            let sumRe = ra0 + rb0, sumIm = ia0 + ib0, differenceRe = ra0 - rb0, differenceIm = ia0 - ib0
            power[0] = sumRe * sumRe + sumIm * sumIm
            power[last] = differenceRe * differenceRe + differenceIm * differenceIm
            var k = 1
            while k < last {
                let wr = cosines[k], wi = sines[k]
                let rb = real[k + last], ib = imaginary[k + last]
                let tr = rb * wr - ib * wi
                let ti = rb * wi + ib * wr
                let re = real[k] + tr, im = imaginary[k] + ti
                power[k] = re * re + im * im
                k += 1
            }
        }

        /// The stages `half` and `2·half` together. Per group of four values i0, i1 = i0 + half,
        /// i2 = i0 + 2·half, i3 = i0 + 3·half (i0 = block start + k): the first stage's butterflies
        /// (i0, i1) and (i2, i3) with twiddle k·size/(2·half), then the second's (i0, i2) with twiddle
        /// k·size/(4·half) and (i1, i3) with twiddle (k + half)·size/(4·half).
        private func twoStages(half: Int, real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>) {
            let size = size, cosines = cosines, sines = sines
            let span = half &* 4, blocks = size / span
            let stride1 = size / (half &* 2), stride2 = blocks
            var k = 0
            while k < half {
                let w1r = cosines[k &* stride1], w1i = sines[k &* stride1]
                let w2r = cosines[k &* stride2], w2i = sines[k &* stride2]
                let w3r = cosines[(k &+ half) &* stride2], w3i = sines[(k &+ half) &* stride2]
                var i0 = k
                while i0 < size {
                    let i1 = i0 &+ half, i2 = i1 &+ half, i3 = i2 &+ half
                    let r0 = real[i0], m0 = imaginary[i0], r1 = real[i1], m1 = imaginary[i1]
                    let r2 = real[i2], m2 = imaginary[i2], r3 = real[i3], m3 = imaginary[i3]
                    // First stage: (i0, i1) and (i2, i3), twiddle w1.
                    let t1r = r1 * w1r - m1 * w1i, t1i = r1 * w1i + m1 * w1r
                    let a1r = r0 - t1r, a1i = m0 - t1i, a0r = r0 + t1r, a0i = m0 + t1i
                    let t3r = r3 * w1r - m3 * w1i, t3i = r3 * w1i + m3 * w1r
                    let a3r = r2 - t3r, a3i = m2 - t3i, a2r = r2 + t3r, a2i = m2 + t3i
                    // Second stage: (i0, i2) with w2, (i1, i3) with w3.
                    let t2r = a2r * w2r - a2i * w2i, t2i = a2r * w2i + a2i * w2r
                    real[i2] = a0r - t2r
                    imaginary[i2] = a0i - t2i
                    real[i0] = a0r + t2r
                    imaginary[i0] = a0i + t2i
                    let u3r = a3r * w3r - a3i * w3i, u3i = a3r * w3i + a3i * w3r
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
