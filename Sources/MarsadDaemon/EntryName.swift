#if canImport(Glibc)
import Glibc
#endif

/// A folder entry's name exactly as the file system holds it: any bytes but
/// `/` and NUL, valid UTF-8 or not. Files are renamed by these bytes, so a
/// name that is not valid UTF-8 is claimed like any other; people see `display`.
public struct EntryName: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { bytes = Array(text.utf8) }

    /// The name as text: itself when it is valid UTF-8, else each byte that
    /// is not part of a valid sequence written as `\xHH`.
    public var display: String { Self.escaped(bytes) }
    public var description: String { display }

    public static func escaped(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0, let scalar = String(validating: bytes[index..<index + length], as: UTF8.self) {
                result += scalar
                index += length
            } else {
                let byte = bytes[index]
                result += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                index += 1
            }
        }
        return result
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 (RFC 3629, table 3-7 of Unicode).
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let (length, secondRange): (Int, ClosedRange<UInt8>) = switch lead {
        case 0x00...0x7F: (1, 0x80...0xBF)
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: (0, 0x80...0xBF)
        }
        guard length > 0, index + length <= bytes.count else { return 0 }
        if length == 1 { return 1 }
        guard secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// The path of this entry inside `folder`, NUL-terminated, for system calls.
    public func path(in folder: String) -> [CChar] {
        var path = Array(folder.utf8)
        path.append(UInt8(ascii: "/"))
        path.append(contentsOf: bytes)
        path.append(0)
        return path.map { CChar(bitPattern: $0) }
    }

    /// The names in a folder, without `.` and `..`; nil when it cannot be listed.
    public static func list(_ folder: String) -> [EntryName]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [EntryName] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            names.append(EntryName(bytes: bytes))
        }
        return names
    }

    /// `text` shortened, if needed, to at most `maxBytes` bytes of UTF-8, cut
    /// between scalars, keeping a short extension and marking the cut with `…`.
    public static func fitted(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let marker = "…"
        let scalars = Array(text.unicodeScalars)
        var extensionStart = scalars.count
        if let dot = scalars.lastIndex(of: "."), dot > 0, scalars.count - dot <= 16 { extensionStart = dot }
        let suffix = String(String.UnicodeScalarView(scalars[extensionStart...]))
        let budget = max(0, maxBytes - suffix.utf8.count - marker.utf8.count)
        var stem = String.UnicodeScalarView()
        var used = 0
        for scalar in scalars[..<extensionStart] {
            let width = String(scalar).utf8.count
            if used + width > budget { break }
            stem.append(scalar)
            used += width
        }
        return String(stem) + marker + suffix
    }
}
