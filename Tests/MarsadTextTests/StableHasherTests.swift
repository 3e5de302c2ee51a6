import MarsadText
import Testing

/// Stored fingerprints and published story ids outlive the code that made
/// them, so the hash is pinned to FNV-1a's published test vectors.
@Test func stableHasherIsSixtyFourBitFNV1a() {
    #expect(StableHasher.hash([UInt8]()) == 0xcbf2_9ce4_8422_2325)
    #expect(StableHasher.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
    #expect(StableHasher.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
}

@Test func combiningByteByByteEqualsHashingAtOnce() {
    let bytes = Array("سوريا، Syria 2015".utf8)
    var hasher = StableHasher()
    for byte in bytes.prefix(5) { hasher.combine(byte) }
    hasher.combine(contentsOf: bytes.dropFirst(5))
    #expect(hasher.value == StableHasher.hash(bytes))
    #expect(StableHasher.hash("سوريا".utf8) == 0x7d05_8652_2729_5154)
}
