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
    }
}
