/// A word of a match key, with where it lies in the key.
public struct MatchKeyToken: Hashable, Sendable {
    /// The token's text, a slice of the key.
    public let text: Substring
    /// The token's UTF-8 byte offsets in the key.
    public let utf8Range: Range<Int>
}

/// Splits a match key (``TextNormalizer/matchKey(_:)``) into tokens: maximal
/// runs of letters, digits and combining marks. A number keeps its decimal
/// point or thousands separator when digits surround it ("3.5", "1,000"), and
/// an English word its apostrophe ("don't"); every other character separates
/// tokens. Works on the key's UTF-8 bytes with a precomputed table.
///
/// ```swift
/// let key = TextNormalizer.matchKey("ارتفع المؤشر 1.5٪ في الرياض")
/// MatchKeyTokenizer.tokens(in: key).map(\.text)  // ["ارتفع", "الموشر", "1.5", "في", "الرياض"]
/// ```
public enum MatchKeyTokenizer {
    public static func tokens(in key: String) -> [MatchKeyToken] {
        var key = key
        key.makeContiguousUTF8()
        var ranges: [Range<Int>] = []
        key.utf8.withContiguousStorageIfAvailable { bytes in
            ranges = tokenRanges(bytes)
        }
        let utf8 = key.utf8
        return ranges.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return MatchKeyToken(text: key[start..<end], utf8Range: range)
        }
    }

    /// Token byte ranges over a match key's UTF-8 bytes, for callers that
    /// already hold the bytes (the search index's tokenizer).
    public static func tokenRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        forEachTokenRange(bytes) { ranges.append($0) }
        return ranges
    }

    /// Calls `body` with each of ``tokenRanges(_:)`` in order, without an array of them.
    @inline(__always)
    static func forEachTokenRange(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        var tokenStart = -1
        var previousClass = ScalarClass.separator
        let count = bytes.count
        let table = WordTable.Lookup()
        while index < count {
            let (value, width) = decode(bytes, at: index)
            var scalarClass = table.classify(value)
            // A joiner stays inside a token only between the right neighbours.
            if scalarClass == .numberJoiner || scalarClass == .apostrophe {
                let next = index + width < count ? table.classify(decode(bytes, at: index + width).value) : .separator
                let joins =
                    scalarClass == .numberJoiner
                    ? previousClass == .digit && next == .digit
                    : previousClass == .latinLetter && next == .latinLetter
                scalarClass = joins ? .joined : .separator
            }
            if scalarClass == .separator {
                if tokenStart >= 0 {
                    body(tokenStart..<index)
                    tokenStart = -1
                }
            } else if tokenStart < 0 {
                tokenStart = index
            }
            previousClass = scalarClass
            index += width
        }
        if tokenStart >= 0 { body(tokenStart..<count) }
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, width: Int) {
        UTF8Scalar.decode(bytes, at: index)
    }
}

enum ScalarClass: UInt8 {
    case separator
    case letter
    case latinLetter
    case digit
    case mark
    /// `.` `,` and the Arabic decimal and thousands separators.
    case numberJoiner
    case apostrophe
    /// A joiner that does join its neighbours.
    case joined
}

/// The word-character classes of the BMP, computed once from Unicode properties.
enum WordTable {
    static let bmp: [ScalarClass] = (0..<0x10000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return .separator }
        return classifySlow(scalar)
    }

    @inline(__always)
    static func classify(_ value: UInt32) -> ScalarClass {
        if value < 0x10000 { return bmp[Int(value)] }
        return Unicode.Scalar(value).map(classifySlow) ?? .separator
    }

    /// `classify` with the table fetched once, for a loop over every scalar of a text: each
    /// use of a global calls its first-use check, which cost more than the look-up.
    struct Lookup {
        private let classes = WordTable.bmp

        @inline(__always)
        func classify(_ value: UInt32) -> ScalarClass {
            value < 0x10000 ? classes[Int(value)] : WordTable.classify(value)
        }
    }

    static func classifySlow(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .latinLetter
        case 0x2E, 0x2C, 0x066B, 0x066C: return .numberJoiner
        case 0x27: return .apostrophe
        default: break
        }
        let properties = scalar.properties
        if properties.numericType == .decimal { return .digit }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: break
        }
        if properties.isAlphabetic {
            return properties.isLowercase || properties.isUppercase ? .latinLetter : .letter
        }
        if properties.numericType != nil { return .digit }
        return .separator
    }
}

/// A text in both forms, with each match-key byte traced to the display-form
/// bytes it came from, so that a match found in the key can be shown in the
/// display form (evidence highlighting).
public struct AlignedText: Sendable {
    public let display: String
    public let matchKey: String
    /// For each key byte, the display UTF-8 range of the scalar that produced it.
    private let originStart: [Int32]
    private let originEnd: [Int32]

    public init(_ text: String) {
        self.init(display: TextNormalizer.displayForm(text))
    }

    /// Aligns a text that is already in display form.
    public init(display: String) {
        var display = display
        display.makeContiguousUTF8()
        self.display = display
        var key: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        key.reserveCapacity(display.utf8.count)
        starts.reserveCapacity(display.utf8.count)
        ends.reserveCapacity(display.utf8.count)
        let table = NormalizationTable.matchKey
        var spacePending: (start: Int32, end: Int32)? = nil
        var atLineStart = true
        display.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let (value, width) = MatchKeyTokenizer.decode(bytes, at: index)
                let start = Int32(index)
                let end = Int32(index + width)
                index += width
                var extraLong: [[UInt8]] = []
                let entry =
                    value < 0x10000
                    ? table.entries[Int(value)]
                    : NormalizationTable.entry(for: Unicode.Scalar(value)!, form: .matchKey, long: &extraLong)
                let kind = entry & 7
                var emitted: [UInt8]
                switch kind {
                case NormalizationTable.Kind.horizontalSpace:
                    if !atLineStart, spacePending == nil { spacePending = (start, end) }
                    continue
                case NormalizationTable.Kind.lineBreak, NormalizationTable.Kind.carriageReturn:
                    spacePending = nil
                    atLineStart = true
                    key.append(0x0A)
                    starts.append(start)
                    ends.append(end)
                    continue
                case NormalizationTable.Kind.long:
                    emitted = value < 0x10000 ? table.long[Int(entry >> 8)] : extraLong[Int(entry >> 8)]
                default:
                    let length = Int((entry >> 3) & 3)
                    emitted = (0..<length).map { UInt8(truncatingIfNeeded: entry >> (8 + 8 * UInt32($0))) }
                }
                if emitted.isEmpty { continue }
                if let space = spacePending {
                    key.append(0x20)
                    starts.append(space.start)
                    ends.append(space.end)
                }
                spacePending = nil
                atLineStart = false
                key.append(contentsOf: emitted)
                starts.append(contentsOf: repeatElement(start, count: emitted.count))
                ends.append(contentsOf: repeatElement(end, count: emitted.count))
            }
        }
        matchKey = String(decoding: key, as: UTF8.self)
        originStart = starts
        originEnd = ends
    }

    /// The match-key tokens.
    public var tokens: [MatchKeyToken] { MatchKeyTokenizer.tokens(in: matchKey) }

    /// The display-form UTF-8 range that produced a range of key bytes,
    /// including the diacritics that follow its last letter.
    public func displayUTF8Range(forKeyUTF8 range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.upperBound <= originStart.count else {
            let position = range.lowerBound < originStart.count ? Int(originStart[range.lowerBound]) : display.utf8.count
            return position..<position
        }
        let start = Int(originStart[range.lowerBound])
        var end = Int(originEnd[range.upperBound - 1])
        let utf8 = display.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: end)
        while index < utf8.endIndex {
            let scalar = display.unicodeScalars[index]
            guard scalar.properties.canonicalCombiningClass.rawValue != 0 || scalar.value == 0x0640 else { break }
            index = display.unicodeScalars.index(after: index)
            end = utf8.distance(from: utf8.startIndex, to: index)
        }
        return start..<end
    }

    /// The display-form text of a match-key token.
    public func displayText(of token: MatchKeyToken) -> Substring {
        let range = displayUTF8Range(forKeyUTF8: token.utf8Range)
        let utf8 = display.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        return display[start..<end]
    }
}
