import Foundation

/// SplitMix64: a small deterministic random generator, so a request and its seed always give
/// the same script.
package struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Seeds from text (the request's content), stable across runs and machines.
    package init(text: String) {
        let digest = SHA256.digest(Data(text.utf8))
        state = digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
