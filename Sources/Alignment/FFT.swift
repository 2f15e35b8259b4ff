import Foundation

/// An in-place radix-2 FFT of one fixed size, with its twiddle factors computed once.
///
/// Written for speed in a debug (-Onone) build too (issue 18): the transform runs on raw pointers
/// in `while` loops (no bounds checks, no range iterators, no retains), which the compiler inlines
/// even unoptimised. The arithmetic is the textbook one, operation for operation, so the result
/// is the same to the bit at any optimisation level.
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
        func powerSpectrum(
            _ frame: UnsafePointer<Float>, into power: UnsafeMutablePointer<Float>,
            real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>
        ) {
            let size = size, cosines = cosines, sines = sines, reversed = reversed
            var index = 0
            while index < size {
                real[reversed[index]] = frame[index]
                imaginary[index] = 0
                index += 1
            }
            var half = 1
            while half < size {
                let span = half * 2, stride = size / span
                if half < stride {
                    // Few butterflies per block: one twiddle factor at a time, across the blocks.
                    var k = 0
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
                        var k = 0, twiddle = 0
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
            var bin = 0
            let last = size / 2
            while bin <= last {
                let re = real[bin], im = imaginary[bin]
                power[bin] = re * re + im * im
                bin += 1
            }
        }
    }
}
