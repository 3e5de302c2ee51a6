/// One scalar read from valid UTF-8 (a `String`'s own bytes), for the loops that walk a
/// text's bytes instead of its `unicodeScalars` view or an array of its scalars.
public enum UTF8Scalar {
    /// The scalar value starting at `index` and its width in bytes. The bytes must be valid
    /// UTF-8 and `index` the start of a scalar: nothing is checked.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, width: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return ((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (
                (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F), 3
            )
        }
        return (
            (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4
        )
    }

    /// Where the scalar that ends just before `end` starts.
    @inlinable @inline(__always)
    public static func start(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
