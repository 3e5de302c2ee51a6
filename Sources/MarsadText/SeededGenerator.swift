/// SplitMix64: a small, fast generator whose sequence depends only on its
/// seed, so folds, fitting, shuffles and generated test data are the same on
/// every machine and every run. Its first output for a seed is also a good
/// 64-bit mixer, which stable hashes use to spread weak low bits.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    @inlinable public init(seed: UInt64) { state = seed }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
