#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The East Asian code pages of the years before UTF-8 (GBK, Big5,
/// Shift_JIS, EUC-JP, EUC-KR), decoded by the C library's converter.
/// Their tables run to tens of thousands of characters each: the system's
/// converter already carries them, tested by every program that reads such
/// text, where a copy of our own would be megabytes of tables to keep.
enum MultiByteCodePages {
    struct Decoded {
        var text: String
        /// Bytes the converter could not read, each replaced by U+FFFD.
        var invalidBytes = 0
        var firstInvalidOffset: Int?
    }

    /// The converter's name for an encoding: the superset browsers read each
    /// label as (a page labelled GB2312 is written with GBK's extra
    /// characters, a Shift_JIS page with Windows' additions), per the WHATWG
    /// Encoding Standard.
    static func converterName(_ encoding: TextEncoding) -> String? {
        switch encoding {
        case .gbk, .gb18030: "GB18030"
        case .big5: "BIG5-HKSCS"
        case .shiftJIS: "CP932"
        case .eucJP: "EUC-JP"
        case .eucKR: "CP949"
        default: nil
        }
    }

    /// Decodes `bytes` as `encoding`, each byte the converter rejects
    /// becoming U+FFFD as a browser shows it; a character cut off by the
    /// end of the file is left out, as for UTF-8. Nil when the encoding is
    /// not one of these or the system has no converter for it.
    static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> Decoded? {
        guard let name = converterName(encoding) else { return nil }
        let converter = iconv_open("UTF-8", name)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // Two bytes of these code pages give at most a character of three
        // UTF-8 bytes (or two of two), four give one of four, and a rejected
        // byte gives U+FFFD's three: three times the input always fits.
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var input = bytes
        var decoded = Decoded(text: "")
        let written: Int? = input.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                guard let inputBase = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                      let outputBase = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return 0 }
                var inputCursor: UnsafeMutablePointer<CChar>? = inputBase
                var inputLeft = inputBuffer.count
                var outputCursor: UnsafeMutablePointer<CChar>? = outputBase
                var outputLeft = outputBuffer.count
                while inputLeft > 0 {
                    if iconv(converter, &inputCursor, &inputLeft, &outputCursor, &outputLeft) != -1 { break }
                    switch errno {
                    case EILSEQ:
                        if decoded.firstInvalidOffset == nil { decoded.firstInvalidOffset = inputBuffer.count - inputLeft }
                        decoded.invalidBytes += 1
                        for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                            outputCursor?.pointee = CChar(bitPattern: byte)
                            outputCursor = outputCursor.map { $0 + 1 }
                        }
                        outputLeft -= 3
                        inputCursor = inputCursor.map { $0 + 1 }
                        inputLeft -= 1
                    case EINVAL:
                        inputLeft = 0
                    default:
                        return nil
                    }
                }
                return outputBuffer.count - outputLeft
            }
        }
        guard let written else { return nil }
        decoded.text = String(decoding: output[..<written], as: UTF8.self)
        return decoded
    }
}
