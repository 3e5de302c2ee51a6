/// 64-bit FNV-1a over bytes. Swift's `Hasher` is seeded per process, so
/// anything stored or compared between runs (a site's line fingerprints,
/// story ids, the rule set's version, a digest file's contents) needs a hash
/// that is the same in every run and on every machine. One definition serves
/// all of them; values already stored depend on it staying FNV-1a.
@frozen public struct StableHasher: Sendable {
    @usableFromInline static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01b3

    @usableFromInline var state: UInt64

    @inlinable public init() { state = Self.offsetBasis }

    /// The hash of the bytes combined so far.
    @inlinable public var value: UInt64 { state }

    @inlinable @inline(__always)
    public mutating func combine(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* Self.prime
    }

    @inlinable
    public mutating func combine<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        // A native string's UTF-8 and arrays are read as one buffer, without the iterator's checks per byte.
        var state = self.state
        let whole: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer { state = (state ^ UInt64(byte)) &* Self.prime }
        }
        if whole != nil {
            self.state = state
            return
        }
        for byte in bytes { combine(byte) }
    }

    @inlinable
    public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(contentsOf: bytes)
        return hasher.value
    }
}
