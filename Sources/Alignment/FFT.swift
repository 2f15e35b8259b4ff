import Foundation

/// An in-place radix-2 FFT of one fixed size, with its twiddle factors computed once.
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

    /// The power spectrum (bins 0…size/2) of `frame` (real, `size` samples), into `power`.
    /// `real` and `imaginary` are scratch buffers of `size` elements.
    func powerSpectrum(
        _ frame: UnsafeBufferPointer<Float>, into power: UnsafeMutableBufferPointer<Float>,
        real: UnsafeMutableBufferPointer<Float>, imaginary: UnsafeMutableBufferPointer<Float>
    ) {
        for index in 0..<size {
            real[reversed[index]] = frame[index]
            imaginary[index] = 0
        }
        cosines.withUnsafeBufferPointer { cosines in
            sines.withUnsafeBufferPointer { sines in
                var half = 1
                while half < size {
                    let stride = size / (half * 2)
                    var start = 0
                    while start < size {
                        for k in 0..<half {
                            let wr = cosines[k * stride], wi = sines[k * stride]
                            let a = start + k, b = a + half
                            let tr = real[b] * wr - imaginary[b] * wi
                            let ti = real[b] * wi + imaginary[b] * wr
                            real[b] = real[a] - tr
                            imaginary[b] = imaginary[a] - ti
                            real[a] += tr
                            imaginary[a] += ti
                        }
                        start += half * 2
                    }
                    half *= 2
                }
            }
        }
        for bin in 0...(size / 2) { power[bin] = real[bin] * real[bin] + imaginary[bin] * imaginary[bin] }
    }
}
