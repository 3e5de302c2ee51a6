/// The character encodings Marsad reads.
public enum TextEncoding: String, Sendable, Codable, Hashable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1256 = "windows-1256"
    case iso8859_6 = "ISO-8859-6"
    /// Western European; pages labelled ISO-8859-1 are read as it, as browsers do.
    case windows1252 = "windows-1252"
    case windows1250 = "windows-1250"
    case iso8859_2 = "ISO-8859-2"
    case windows1251 = "windows-1251"
    /// Chinese (simplified); pages labelled GB2312 are read as it, as browsers do.
    case gbk = "GBK"
    case gb18030 = "GB18030"
    /// Chinese (traditional).
    case big5 = "Big5"
    case shiftJIS = "Shift_JIS"
    case eucJP = "EUC-JP"
    /// Korean; read with Windows' additions, as browsers do.
    case eucKR = "EUC-KR"

    /// The encoding a charset label (HTML meta, HTTP header) names, if Marsad knows it.
    public init?(label: String) {
        let name = label.lowercased().scalarWords(separatedBy: { $0.properties.isWhitespace || $0 == "\"" || $0 == "'" }).joined()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        case "utf-16le", "utf-16", "utf16", "unicode": self = .utf16LE
        case "utf-16be": self = .utf16BE
        case "windows-1256", "cp1256", "x-cp1256", "win-1256", "ms-arab": self = .windows1256
        case "iso-8859-6", "iso_8859-6", "iso8859-6", "iso-8859-6-i", "iso-8859-6-e", "iso-ir-127",
             "arabic", "asmo-708", "ecma-114", "csisolatinarabic":
            self = .iso8859_6
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii",
             "ascii", "iso-8859-15", "iso8859-15", "latin-9", "l9":
            self = .windows1252
        case "windows-1250", "cp1250", "x-cp1250": self = .windows1250
        case "iso-8859-2", "iso8859-2", "iso_8859-2", "latin2", "l2": self = .iso8859_2
        case "windows-1251", "cp1251", "x-cp1251": self = .windows1251
        case "gbk", "gb2312", "gb_2312", "gb_2312-80", "x-gbk", "chinese", "csgb2312", "csiso58gb231280", "iso-ir-58", "cp936",
             "windows-936", "ms936", "euc-cn":
            self = .gbk
        case "gb18030": self = .gb18030
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950": self = .big5
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "ms932", "cp932": self = .shiftJIS
        case "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese", "eucjp": self = .eucJP
        case "euc-kr", "euckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949", "cp949", "korean",
             "cseuckr", "csksc56011987", "iso-ir-149":
            self = .eucKR
        default: return nil
        }
    }

    /// The decode table of a code page that is read only when a page declares it.
    var declaredOnlyTable: [UInt32]? {
        switch self {
        case .windows1252: SingleByteTables.windows1252High
        case .windows1250: SingleByteTables.windows1250High
        case .iso8859_2: SingleByteTables.iso8859_2High
        case .windows1251: SingleByteTables.windows1251High
        default: nil
        }
    }

    /// The code page pages in a language were written in before UTF-8, for
    /// a page whose bytes are no UTF-8 whatever it declares. Central
    /// European text is Windows-1250 when it uses 0x80–0x9F (control codes
    /// in ISO-8859-2, letters such as ś and ź in Windows-1250), ISO-8859-2 otherwise.
    static func legacyCodePage(forLanguage language: String, bytes: [UInt8]) -> TextEncoding? {
        switch language {
        case "pl", "cs", "sk", "hu", "sl", "hr", "bs", "ro", "sq":
            bytes.contains(where: { $0 >= 0x80 && $0 <= 0x9F }) ? .windows1250 : .iso8859_2
        case "ru", "uk", "bg", "be", "sr", "mk":
            .windows1251
        case "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "fi", "is", "ca", "eu", "gl", "ga", "af",
             "id", "ms", "sw", "lb", "rm":
            .windows1252
        default:
            nil
        }
    }

    var plainName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16 (little-endian)"
        case .utf16BE: "UTF-16 (big-endian)"
        case .windows1256: "Windows-1256"
        case .iso8859_6: "ISO-8859-6"
        case .windows1252: "Windows-1252"
        case .windows1250: "Windows-1250"
        case .iso8859_2: "ISO-8859-2"
        case .windows1251: "Windows-1251"
        case .gbk: "GBK"
        case .gb18030: "GB18030"
        case .big5: "Big5"
        case .shiftJIS: "Shift_JIS"
        case .eucJP: "EUC-JP"
        case .eucKR: "EUC-KR"
        }
    }
}

struct DecodedText {
    var text: String
    var encoding: TextEncoding
    /// What the decode repaired, in plain words for the ledger; nil when nothing was.
    var repairNote: String? = nil
}

/// Turns bytes into text only when the decode is confident: a byte-order
/// mark, valid UTF-8, a declared charset that fits, or a single-byte Arabic
/// code page whose decode reads as Arabic. Anything else is an error that
/// says what was found, never a guess that produces mojibake.
///
/// UTF-8 with a little damage is repaired rather than refused, as a browser
/// would: each invalid sequence becomes U+FFFD and the result carries a note
/// saying how many bytes and where. See ``repairableDamage(_:declaresUTF8:)``
/// for how little counts as "a little".
enum TextDecoder {
    /// At most one damaged place per this many bytes is repaired. Real
    /// damage (a bad copy, a stray Latin-1 byte in a UTF-8 template) is a
    /// few places in a page; text in another encoding mislabelled as UTF-8
    /// breaks at every accented or non-Latin letter, tens per thousand bytes.
    static let bytesPerRepairablePlace = 1000
    /// Undeclared UTF-8 must show this many valid multibyte characters per
    /// damaged place: the rest of the file has to vouch for being UTF-8.
    static let validSequencesPerRepairablePlace = 4

    /// Whether damage this small, in bytes that otherwise read as UTF-8, is
    /// repaired. `declaresUTF8` is a byte-order mark or a declared charset:
    /// it stands in for the multibyte evidence, so an ASCII page with one
    /// stray Latin-1 byte in a comment is read, while undeclared ASCII with
    /// Latin-1 accents (no multibyte evidence) stays an error.
    static func repairableDamage(_ validation: UTF8Validation, byteCount: Int, declaresUTF8: Bool) -> Bool {
        guard validation.invalidSequences > 0 else { return false }
        let allowedPlaces = max(1, byteCount / bytesPerRepairablePlace)
        guard validation.invalidSequences <= allowedPlaces else { return false }
        return declaresUTF8
            || validation.validMultibyteSequences >= validation.invalidSequences * validSequencesPerRepairablePlace
    }

    /// Whether the NUL bytes of a file are a few strays in text (a page
    /// saved with a broken ad snippet), not the zeros binary data is full
    /// of: at most one per ``bytesPerRepairablePlace`` bytes, and no more
    /// other control bytes than NULs, which text has none of and binary has
    /// plenty. The rest must still decode for the file to be read.
    static func hasOnlyStrayNULs(_ bytes: [UInt8], nulCount: Int) -> Bool {
        guard nulCount <= bytes.count / bytesPerRepairablePlace else { return false }
        var otherControls = 0
        for byte in bytes where byte < 0x20 && byte != 0 {
            // Tab, line feed, vertical tab, form feed, carriage return and escape occur in text.
            if byte >= 0x09 && byte <= 0x0D || byte == 0x1B { continue }
            otherControls += 1
        }
        return otherControls <= nulCount
    }

    /// Decodes UTF-8 with U+FFFD for each invalid sequence (the maximal
    /// subparts `UTF8Validation` counts) and says so. The slice's indices
    /// are the file's, so the note names the offset in the file as dropped.
    static func repairedUTF8(_ bytes: ArraySlice<UInt8>, _ validation: UTF8Validation) -> (text: String, note: String) {
        let text = String(decoding: bytes[..<validation.validPrefixEnd], as: UTF8.self)
        let damagedBytes = validation.invalidBytes == 1 ? "1 damaged byte" : "\(validation.invalidBytes) damaged bytes"
        let places = validation.invalidSequences == 1 ? "" : " in \(validation.invalidSequences) places"
        let firstOffset = bytes.startIndex + validation.firstInvalidOffset
        let note = "the file is UTF-8 but for \(damagedBytes)\(places), replaced by the replacement character \u{FFFD}; the first at byte offset \(firstOffset)"
        return (text, note)
    }

    /// `language` is the language the page declares (`<html lang>`), asked
    /// for only when the bytes are no UTF-8 at all: see ``TextEncoding/legacyCodePage(forLanguage:bytes:)``.
    /// `unreadLabel` is a charset the page declares that Marsad has no decoder
    /// for; it is named in the error when the bytes read as nothing else.
    static func decode(
        _ bytes: [UInt8], declared declaredEncoding: TextEncoding? = nil, unreadLabel: String? = nil,
        language: @autoclosure () -> String? = nil
    ) throws(ReadingError) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes[3...]
            let validation = UTF8Validation(body)
            if repairableDamage(validation, byteCount: bytes.count, declaresUTF8: true) {
                let repaired = repairedUTF8(body, validation)
                return DecodedText(text: repaired.text, encoding: .utf8, repairNote: repaired.note)
            }
            return DecodedText(text: try decodeUTF8(body, validation, context: "starts with a UTF-8 byte-order mark"), encoding: .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(text: try decodeUTF16(bytes[2...], bigEndian: false), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(text: try decodeUTF16(bytes[2...], bigEndian: true), encoding: .utf16BE)
        }
        if let bigEndian = looksLikeUTF16WithoutMark(bytes) {
            return DecodedText(text: try decodeUTF16(bytes[...], bigEndian: bigEndian), encoding: bigEndian ? .utf16BE : .utf16LE)
        }
        if let nul = bytes.firstIndex(of: 0) {
            let count = bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            if hasOnlyStrayNULs(bytes, nulCount: count) {
                var decoded = try decode(
                    bytes.filter { $0 != 0 }, declared: declaredEncoding, unreadLabel: unreadLabel, language: language()
                )
                let nuls = count == 1 ? "1 stray NUL byte" : "\(count) stray NUL bytes"
                let note = "the file is text but for \(nuls), the first at byte offset \(nul), left out as a browser shows nothing for them"
                decoded.repairNote = decoded.repairNote.map { note + "; then " + $0 + " (counted without the NUL bytes)" } ?? note
                return decoded
            }
            throw ReadingError(.binary, "the file holds binary data, not text (\(count) NUL bytes, the first at offset \(nul))")
        }

        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: .utf8)
        }
        let validation = UTF8Validation(bytes[...])
        if validation.isValid {
            // Valid but for a character cut off at the very end.
            return DecodedText(text: String(decoding: bytes[..<validation.validPrefixEnd], as: UTF8.self), encoding: .utf8)
        }

        // Western, Central European and Cyrillic code pages define every byte,
        // so no decode can prove them wrong: they are read only when declared.
        if let declaredEncoding, let table = declaredEncoding.declaredOnlyTable {
            return DecodedText(text: SingleByteTables.decode(bytes, high: table), encoding: declaredEncoding)
        }

        // A multibyte code page proves itself: the bytes of another encoding break its
        // sequences everywhere. A page that declares one and decodes as it, but for as
        // little damage as UTF-8 is repaired for, is read as it.
        var declaredMultiByteFailure: String?
        if let declaredEncoding, MultiByteCodePages.converterName(declaredEncoding) != nil {
            if let decoded = MultiByteCodePages.decode(bytes, as: declaredEncoding) {
                guard let firstInvalid = decoded.firstInvalidOffset else {
                    return DecodedText(text: decoded.text, encoding: declaredEncoding)
                }
                let damaged = decoded.invalidBytes == 1 ? "1 byte" : "\(decoded.invalidBytes) bytes"
                if decoded.invalidBytes <= max(1, bytes.count / bytesPerRepairablePlace) {
                    let note = "the file is \(declaredEncoding.plainName) as it declares but for \(damaged) that do not decode in it, replaced by the replacement character \u{FFFD}; the first at byte offset \(firstInvalid)"
                    return DecodedText(text: decoded.text, encoding: declaredEncoding, repairNote: note)
                }
                declaredMultiByteFailure = "the page declares \(declaredEncoding.plainName), but \(decoded.invalidBytes == 1 ? "1 byte of it does" : "\(decoded.invalidBytes) bytes of it do") not decode, the first at offset \(firstInvalid)"
            } else {
                declaredMultiByteFailure = "the page declares \(declaredEncoding.plainName), for which this system has no converter"
            }
        }

        if let declaredEncoding, declaredEncoding == .windows1256 || declaredEncoding == .iso8859_6 {
            let candidate = SingleByteCandidate(bytes, encoding: declaredEncoding)
            if let firstUndefined = candidate.firstUndefinedOffset {
                throw ReadingError(
                    .encoding,
                    "the file declares \(declaredEncoding.plainName), but \(candidate.undefinedCount) bytes have no character in it (the first, 0x\(hex(bytes[firstUndefined])), at offset \(firstUndefined))"
                )
            }
            return DecodedText(text: candidate.text, encoding: declaredEncoding)
        }

        let candidates = [SingleByteCandidate(bytes, encoding: .windows1256), SingleByteCandidate(bytes, encoding: .iso8859_6)]
            .filter(\.isConfidentArabic)
            .sorted { $0.plausibility > $1.plausibility }
        if let best = candidates.first {
            return DecodedText(text: best.text, encoding: best.encoding)
        }

        // Only after every confident single-byte reading: a few Arabic words
        // in Windows-1256 inside ASCII markup are that code page, not damage.
        if repairableDamage(validation, byteCount: bytes.count, declaresUTF8: declaredEncoding == .utf8) {
            let repaired = repairedUTF8(bytes[...], validation)
            return DecodedText(text: repaired.text, encoding: .utf8, repairNote: repaired.note)
        }

        // Bytes that are no UTF-8 at all (hardly a valid multibyte character
        // among the failures), whatever the page declares, in a language
        // written in a single-byte code page before UTF-8: the page's own
        // language names the code page, and the note says so.
        if declaredEncoding == nil || declaredEncoding == .utf8, validation.validMultibyteSequences * 4 < validation.invalidSequences,
           let language = language(), let codePage = TextEncoding.legacyCodePage(forLanguage: language, bytes: bytes),
           let table = codePage.declaredOnlyTable {
            let declared = declaredEncoding == .utf8 ? "declares UTF-8 but " : ""
            let note = "the page \(declared)is not UTF-8 (\(validation.invalidBytes) bytes do not decode, the first at byte offset \(validation.firstInvalidOffset)); it is read as \(codePage.plainName), the code page of its declared language (\(language))"
            return DecodedText(text: SingleByteTables.decode(bytes, high: table), encoding: codePage, repairNote: note)
        }

        let share = Double(validation.invalidBytes) * 100 / Double(bytes.count)
        let shareText = share < 1 ? String(format1: share) : String(Int(share.rounded()))
        var message = "the file is not valid UTF-8: \(validation.invalidBytes) bytes (\(shareText)%) do not decode, the first, 0x\(hex(bytes[validation.firstInvalidOffset])), at offset \(validation.firstInvalidOffset)"
        if validation.validMultibyteSequences > validation.invalidBytes * 4 {
            message += "; the rest is UTF-8, so the file looks damaged, in more places than Marsad repairs"
                + " (at most one per \(bytesPerRepairablePlace) bytes)"
        } else {
            message += "; it does not read as Arabic Windows-1256 or ISO-8859-6 text either"
        }
        if let declaredMultiByteFailure {
            message += " (\(declaredMultiByteFailure))"
        } else if let declaredEncoding, declaredEncoding == .utf8 {
            message += " (the page declares UTF-8)"
        } else if let unreadLabel {
            message += " (the page declares the character set \"\(unreadLabel)\", which Marsad does not read)"
        }
        throw ReadingError(.encoding, message)
    }

    static func decodeUTF8(_ bytes: ArraySlice<UInt8>, _ validation: UTF8Validation, context: String) throws(ReadingError) -> String {
        guard validation.isValid else {
            let offset = bytes.startIndex + validation.firstInvalidOffset
            throw ReadingError(
                .encoding,
                "the file \(context) but is not valid UTF-8: \(validation.invalidBytes) bytes in \(validation.invalidSequences) places do not decode, the first, 0x\(hex(bytes[offset])), at offset \(offset)"
            )
        }
        return String(decoding: bytes[..<validation.validPrefixEnd], as: UTF8.self)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(ReadingError) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        // A lone trailing byte means the file was cut off; the text before it is intact.
        let end = bytes.endIndex - (bytes.count % 2)
        func unit(at position: Int) -> UInt32 {
            bigEndian
                ? UInt32(bytes[position]) << 8 | UInt32(bytes[position + 1])
                : UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position])
        }
        while index < end {
            let first = unit(at: index)
            switch first {
            case 0xD800...0xDBFF:
                if index + 4 > end {
                    index = end
                    continue
                }
                let second = unit(at: index + 2)
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw ReadingError(.encoding, "the file is UTF-16 text with a broken surrogate pair at offset \(index)")
                }
                scalars.append(Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!)
                index += 4
            case 0xDC00...0xDFFF:
                throw ReadingError(.encoding, "the file is UTF-16 text with a stray low surrogate at offset \(index)")
            case 0:
                throw ReadingError(.binary, "the file is UTF-16 text with a NUL character at offset \(index); it holds binary data")
            default:
                scalars.append(Unicode.Scalar(first)!)
                index += 2
            }
        }
        return String(scalars)
    }

    /// UTF-16 without a byte-order mark shows itself by one byte of most
    /// pairs being NUL (Latin) or 0x06 (Arabic) at the same parity.
    static func looksLikeUTF16WithoutMark(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8 else { return nil }
        var highAtEven = 0
        var highAtOdd = 0
        var pairs = 0
        var index = sample.startIndex
        while index + 1 < sample.endIndex {
            let even = sample[index]
            let odd = sample[index + 1]
            if even == 0 || even == 0x06 { highAtEven += 1 }
            if odd == 0 || odd == 0x06 { highAtOdd += 1 }
            pairs += 1
            index += 2
        }
        let evenNULs = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let oddNULs = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        guard evenNULs + oddNULs > 0 else { return nil }
        if highAtOdd * 10 >= pairs * 7, highAtEven * 10 <= pairs, oddNULs > 0 { return false }
        if highAtEven * 10 >= pairs * 7, highAtOdd * 10 <= pairs, evenNULs > 0 { return true }
        return nil
    }

    /// The primary language a page declares on its `<html>` element
    /// (`lang="pl-PL"` gives "pl"), lowercased; nil when it declares none.
    static func declaredHTMLLanguage(_ bytes: [UInt8]) -> String? {
        let head = lowercasedHead(bytes)
        let tag = Array("<html".utf8), attribute = Array("lang".utf8)
        guard let start = head.indices.first(where: { head[$0...].starts(with: tag) }) else { return nil }
        var index = start + tag.count
        while index < head.count, head[index] != UInt8(ascii: ">") {
            let follows = head[index - 1] == 0x20 || head[index - 1] == UInt8(ascii: ":") || head[index - 1] == 0x0A || head[index - 1] == 0x09
            guard follows, head[index...].starts(with: attribute) else {
                index += 1
                continue
            }
            let (code, end) = attributeValue(in: head, after: index + attribute.count, maxLength: 8) { $0 >= 0x61 && $0 <= 0x7A }
            guard let code else {
                index = end
                continue
            }
            return (2...3).contains(code.count) ? String(decoding: code, as: UTF8.self) : nil
        }
        return nil
    }

    /// The charset an HTML page declares in its first bytes (meta charset or http-equiv).
    /// Only a `<meta>` tag declares one: a `<script charset>` or `<link charset>` names
    /// the encoding of another file, and a page's text may mention charsets anywhere.
    static func declaredHTMLCharset(_ bytes: [UInt8]) -> TextEncoding? {
        declaredHTMLCharsets(bytes).encoding
    }

    /// The first declared charset Marsad reads, and the first label it does not
    /// (such as "gb2312"), so that a page it cannot decode is refused with the name
    /// of what it declares rather than only with what its bytes are not.
    static func declaredHTMLCharsets(_ bytes: [UInt8]) -> (encoding: TextEncoding?, unreadLabel: String?) {
        var unreadLabel: String?
        let head = lowercasedHead(bytes)
        let needle = Array("charset".utf8)
        let meta = Array("<meta".utf8)
        var index = 0
        var inMetaTag = false
        while index + needle.count < head.count {
            switch head[index] {
            case UInt8(ascii: "<"):
                let nameEnd = index + meta.count
                inMetaTag = nameEnd < head.count && head[index..<nameEnd].elementsEqual(meta)
                    && [0x20, 0x09, 0x0A, 0x0C, 0x0D, UInt8(ascii: "/")].contains(head[nameEnd])
            case UInt8(ascii: ">"):
                inMetaTag = false
            default:
                break
            }
            guard inMetaTag, head[index..<(index + needle.count)].elementsEqual(needle) else {
                index += 1
                continue
            }
            let (label, end) = attributeValue(in: head, after: index + needle.count, maxLength: 40) { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
            if let label, !label.isEmpty {
                let name = String(decoding: label, as: UTF8.self)
                if let encoding = TextEncoding(label: name) { return (encoding, unreadLabel) }
                unreadLabel = unreadLabel ?? name
            }
            index = end
        }
        return (nil, unreadLabel)
    }

    /// A page's first 8 KiB with ASCII letters lowercased, where declarations are looked for.
    private static func lowercasedHead(_ bytes: [UInt8]) -> [UInt8] {
        bytes.prefix(8192).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
    }

    /// The value of `name = "value"` whose name ends at `nameEnd`: the bytes
    /// `allowed` takes after the equals sign and any spaces or quotes, at most
    /// `maxLength` of them, and where the scan stopped. No value when no
    /// equals sign follows the name.
    private static func attributeValue(
        in head: [UInt8], after nameEnd: Int, maxLength: Int, allowed: (UInt8) -> Bool
    ) -> (value: [UInt8]?, end: Int) {
        var cursor = nameEnd
        while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
        guard cursor < head.count, head[cursor] == UInt8(ascii: "=") else { return (nil, cursor) }
        cursor += 1
        while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x22 || head[cursor] == 0x27 { cursor += 1 }
        var value: [UInt8] = []
        while cursor < head.count, value.count < maxLength, allowed(head[cursor]) {
            value.append(head[cursor])
            cursor += 1
        }
        return (value, cursor)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// A strict UTF-8 check that reports where and how much is wrong. A sequence
/// cut off by the end of the file is not counted as damage: a truncated file
/// keeps the text before the cut.
struct UTF8Validation {
    var invalidBytes = 0
    /// Maximal invalid subparts, each of which a repair turns into one U+FFFD.
    var invalidSequences = 0
    var firstInvalidOffset = 0
    var validMultibyteSequences = 0
    var validPrefixEnd: Int
    var isValid: Bool { invalidBytes == 0 }

    init(_ bytes: ArraySlice<UInt8>) {
        validPrefixEnd = bytes.endIndex
        if String(validating: bytes, as: UTF8.self) != nil {
            return
        }
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: length = 0
            }
            var good = length > 0
            var consumed = 1
            var truncatedAtEnd = false
            if good {
                for offset in 1..<length {
                    let position = index + offset
                    if position >= end {
                        truncatedAtEnd = true
                        break
                    }
                    let byte = bytes[position]
                    let low = offset == 1 ? lowerBound : 0x80
                    let high = offset == 1 ? upperBound : 0xBF
                    guard byte >= low, byte <= high else {
                        good = false
                        break
                    }
                    consumed += 1
                }
            }
            if truncatedAtEnd && good {
                validPrefixEnd = index
                return
            }
            if good {
                validMultibyteSequences += 1
                index += length
            } else {
                if invalidBytes == 0 { firstInvalidOffset = index - bytes.startIndex }
                invalidBytes += consumed
                invalidSequences += 1
                index += consumed
            }
        }
    }
}

/// A single-byte decode and how much it reads like Arabic text.
struct SingleByteCandidate {
    let encoding: TextEncoding
    var text = ""
    var undefinedCount = 0
    var firstUndefinedOffset: Int?
    var nonASCII = 0
    var arabicLike = 0
    var implausible = 0

    init(_ bytes: [UInt8], encoding: TextEncoding) {
        self.encoding = encoding
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var previousWasArabicLetter = false
        var previousWasAccentedLatin = false
        for (offset, byte) in bytes.enumerated() {
            let value = encoding == .windows1256 ? SingleByteTables.windows1256(byte) : SingleByteTables.iso8859_6(byte)
            if value == SingleByteTables.undefined {
                undefinedCount += 1
                if firstUndefinedOffset == nil { firstUndefinedOffset = offset }
                previousWasArabicLetter = false
                continue
            }
            if value >= 0x80 { nonASCII += 1 }
            let isArabicLetter = (0x0621...0x064A).contains(value) || (0x0679...0x06D2).contains(value)
            let isAccentedLatin = (0x00C0...0x00FF).contains(value) && value != 0x00D7 && value != 0x00F7
            switch value {
            case 0x0600...0x06FF, 0x00A0, 0x00AB, 0x00BB, 0x2013, 0x2014, 0x2018...0x201E, 0x2026, 0x200C...0x200F:
                arabicLike += 1
            case 0x80...0x9F:
                implausible += 1
            default:
                if value < 0x20, value != 0x09, value != 0x0A, value != 0x0D, value != 0x0C { implausible += 1 }
            }
            // Accented Latin letters glued to Arabic letters are the mark of the wrong code page.
            if (isAccentedLatin && previousWasArabicLetter) || (isArabicLetter && previousWasAccentedLatin) {
                implausible += 1
            }
            previousWasArabicLetter = isArabicLetter
            previousWasAccentedLatin = isAccentedLatin
            scalars.append(Unicode.Scalar(value)!)
        }
        text = String(scalars)
    }

    var plausibility: Double {
        guard nonASCII > 0 else { return 0 }
        return Double(arabicLike - implausible) / Double(nonASCII)
    }

    var isConfidentArabic: Bool {
        undefinedCount == 0 && arabicLike >= 4 && plausibility >= 0.9
    }
}

extension String {
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
