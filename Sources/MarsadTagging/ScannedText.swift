import MarsadText

/// An article broken into match-key tokens, sentences and paragraphs in one
/// pass over its UTF-8 bytes. Tokens keep byte offsets into the original text
/// so that matches can be shown where they occur; their keys are folded the
/// way `TextNormalizer.matchKey` folds (no diacritics or tatweel; hamza forms of
/// alef, alef maqsura, ta marbuta folded; Arabic-Indic digits as ASCII) and
/// Latin letters are lowercased.
struct ScannedText {
    struct Sentence {
        var start: Int
        var end: Int
        var paragraph: Int
        var firstToken: Int
        var endToken: Int
        var inHeadline: Bool
    }

    /// The text scanned: headline, a blank line, the body.
    let bytes: [UInt8]
    /// Bytes before this offset belong to the headline.
    let headlineEnd: Int
    private(set) var tokenStart: [Int32] = []
    private(set) var tokenEnd: [Int32] = []
    private(set) var tokenSentence: [Int32] = []
    /// Folded token keys, back to back; token `i` spans `keyOffset[i]..<keyOffset[i + 1]`.
    private(set) var keyBytes: [UInt8] = []
    private(set) var keyOffset: [Int32] = [0]
    private(set) var sentences: [Sentence] = []
    private(set) var paragraphCount = 0

    var tokenCount: Int { tokenStart.count }

    init(headline rawHeadline: String, body rawBody: String) {
        // Presentation forms (U+FB50–U+FEFF, UTF-8 lead bytes EF AD–EF BB) need the
        // display form's table; text from the reader has been through it already.
        let headline = Self.hasPresentationForms(rawHeadline) ? TextNormalizer.displayForm(rawHeadline) : rawHeadline
        let body = Self.hasPresentationForms(rawBody) ? TextNormalizer.displayForm(rawBody) : rawBody
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headline.utf8.count + body.utf8.count + 2)
        bytes.append(contentsOf: headline.utf8)
        headlineEnd = bytes.count
        if !headline.isEmpty { bytes.append(contentsOf: [0x0A, 0x0A]) }
        bytes.append(contentsOf: body.utf8)
        self.bytes = bytes
        scan()
    }

    private static func hasPresentationForms(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            while index + 1 < bytes.count {
                if bytes[index] == 0xEF && bytes[index + 1] >= 0xAD && bytes[index + 1] <= 0xBB { return true }
                index += 1
            }
            return false
        }
        return found ?? text.unicodeScalars.contains { $0.value >= 0xFB50 && $0.value <= 0xFEFF }
    }

    /// Tokens of a single phrase (a gazetteer name or a keyword), folded like article text.
    static func keys(of phrase: String) -> [[UInt8]] {
        let scanned = ScannedText(headline: "", body: TextNormalizer.matchKey(phrase))
        return (0..<scanned.tokenCount).map { Array(scanned.key(of: $0)) }
    }

    func key(of token: Int) -> ArraySlice<UInt8> {
        keyBytes[Int(keyOffset[token])..<Int(keyOffset[token + 1])]
    }

    func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private enum ScalarClass {
        case word(UInt32)
        case ignorable
        case separator
        case sentenceEnd
        case lineBreak
    }

    /// What the scan builds; kept in locals so the hot loop touches no shared state.
    private struct Output {
        var tokenStart: [Int32] = []
        var tokenEnd: [Int32] = []
        var tokenSentence: [Int32] = []
        /// Folded key bytes written so far into the scan's key buffer.
        var keyCount = 0
        var keyOffset: [Int32] = [0]
        var sentences: [Sentence] = []
        var inToken = false
        var sentenceOpen = false
        var lastWordEnd = 0

        @inline(__always)
        mutating func closeToken() {
            guard inToken else { return }
            inToken = false
            tokenEnd.append(Int32(lastWordEnd))
            keyOffset.append(Int32(keyCount))
        }

        @inline(__always)
        mutating func closeSentence() {
            closeToken()
            guard sentenceOpen else { return }
            sentenceOpen = false
            sentences[sentences.count - 1].endToken = tokenStart.count
            sentences[sentences.count - 1].end = Int(tokenEnd[tokenStart.count - 1])
        }
    }

    private mutating func scan() {
        var out = Output()
        let estimate = bytes.count / 6
        out.tokenStart.reserveCapacity(estimate)
        out.tokenEnd.reserveCapacity(estimate)
        out.tokenSentence.reserveCapacity(estimate)
        out.keyOffset.reserveCapacity(estimate + 1)
        // Keys are written straight into a buffer rather than appended byte by byte: every folded
        // scalar is at most as long in UTF-8 as the scalar it comes from, so the text's length bounds them.
        let keyBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 4)
        defer { keyBuffer.deallocate() }
        var paragraph = 0
        var paragraphHasTokens = false
        var lastWasDigit = false
        var lastWasArabic = false
        let headlineEnd = self.headlineEnd
        let asciiClasses = Self.asciiClasses
        let arabicClasses = Self.arabicClasses

        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let start = index
                let lead = buffer[index]
                var scalar: UInt32
                if lead < 0x80 {
                    scalar = UInt32(lead)
                    index += 1
                } else if lead >= 0xC0 && lead < 0xE0 && index + 1 < count {
                    scalar = (UInt32(lead & 0x1F) << 6) | UInt32(buffer[index + 1] & 0x3F)
                    index += 2
                } else if lead >= 0xE0 && lead < 0xF0 && index + 2 < count {
                    scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(buffer[index + 1] & 0x3F) << 6)
                        | UInt32(buffer[index + 2] & 0x3F)
                    index += 3
                } else if lead >= 0xF0 && index + 3 < count {
                    scalar = (UInt32(lead & 0x07) << 18) | (UInt32(buffer[index + 1] & 0x3F) << 12)
                        | (UInt32(buffer[index + 2] & 0x3F) << 6) | UInt32(buffer[index + 3] & 0x3F)
                    index += 4
                } else {
                    scalar = 0x20
                    index += 1
                }
                var kind: ScalarClass
                if scalar < 0x80 {
                    kind = asciiClasses[Int(scalar)]
                } else if scalar >= 0x0600 && scalar <= 0x06FF {
                    kind = arabicClasses[Int(scalar - 0x0600)]
                } else {
                    kind = Self.classify(scalar)
                }
                if case .sentenceEnd = kind, scalar == 0x2E, index < count {
                    // A full stop inside a number or an abbreviation ("3.5", "U.S") ends nothing.
                    let next = buffer[index]
                    if next > 0x20 && next != 0x22 && next != 0x27 { kind = .separator }
                }
                switch kind {
                case .word(let folded):
                    let isDigit = folded >= 0x30 && folded <= 0x39
                    // "مارس2017" is a month and a year: split where Arabic letters meet digits.
                    if out.inToken && isDigit != lastWasDigit && (folded >= 0x0600 || lastWasArabic) {
                        out.closeToken()
                    }
                    lastWasDigit = isDigit
                    lastWasArabic = folded >= 0x0600
                    if !out.inToken {
                        if !out.sentenceOpen {
                            out.sentenceOpen = true
                            if !paragraphHasTokens {
                                paragraphHasTokens = true
                                if !out.sentences.isEmpty { paragraph += 1 }
                            }
                            out.sentences.append(Sentence(
                                start: start, end: start, paragraph: paragraph, firstToken: out.tokenStart.count,
                                endToken: out.tokenStart.count, inHeadline: start < headlineEnd
                            ))
                        }
                        out.inToken = true
                        out.tokenStart.append(Int32(start))
                        out.tokenSentence.append(Int32(out.sentences.count - 1))
                    }
                    out.keyCount = Self.writeUTF8(folded, to: keyBuffer, at: out.keyCount)
                    out.lastWordEnd = index
                case .ignorable:
                    if out.inToken { out.lastWordEnd = index }
                case .separator:
                    out.closeToken()
                case .sentenceEnd:
                    out.closeSentence()
                case .lineBreak:
                    out.closeSentence()
                    paragraphHasTokens = false
                }
            }
        }
        out.closeSentence()
        tokenStart = out.tokenStart
        tokenEnd = out.tokenEnd
        tokenSentence = out.tokenSentence
        keyBytes = Array(UnsafeBufferPointer(start: keyBuffer, count: out.keyCount))
        keyOffset = out.keyOffset
        sentences = out.sentences
        paragraphCount = sentences.isEmpty ? 0 : paragraph + 1
    }

    /// The classes of ASCII and of the Arabic block, looked up instead of switched on.
    private static let asciiClasses: [ScalarClass] = (0..<0x80).map { classify(UInt32($0)) }
    private static let arabicClasses: [ScalarClass] = (0x0600...0x06FF).map { classify(UInt32($0)) }

    private static func classify(_ scalar: UInt32) -> ScalarClass {
        switch scalar {
        case 0x30...0x39: return .word(scalar)
        case 0x41...0x5A: return .word(scalar + 0x20)
        case 0x61...0x7A: return .word(scalar)
        case 0x0A, 0x0D, 0x2029, 0x2028: return .lineBreak
        case 0x2E, 0x21, 0x3F, 0x061F, 0x061B, 0x3B, 0x06D4, 0x2026: return .sentenceEnd
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return .word(0x0627)
        case 0x0649, 0x0626, 0x06CC, 0x06D2: return .word(0x064A)
        case 0x0629: return .word(0x0647)
        case 0x0624: return .word(0x0648)
        case 0x06A9, 0x06AA: return .word(0x0643)
        case 0x06BE, 0x06C0, 0x06C1, 0x06C2, 0x06C3, 0x06D5: return .word(0x0647)
        case 0x0621...0x063A, 0x0641...0x064A: return .word(scalar)
        case 0x0640, 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0610...0x061A, 0x200B...0x200F, 0xFEFF:
            return .ignorable
        case 0x0660...0x0669: return .word(scalar - 0x0660 + 0x30)
        case 0x06F0...0x06F9: return .word(scalar - 0x06F0 + 0x30)
        case 0x0674...0x06D3, 0x06FA...0x06FF, 0x0750...0x077F: return .word(scalar)
        case 0xC0...0xD6, 0xD8...0xDE: return .word(scalar + 0x20)
        case 0xDF...0xF6, 0xF8...0xFF, 0x100...0x24F: return .word(scalar)
        default: return .separator
        }
    }

    /// Writes `scalar` as UTF-8 at `offset` and returns the offset after it.
    @inline(__always)
    private static func writeUTF8(_ scalar: UInt32, to bytes: UnsafeMutablePointer<UInt8>, at offset: Int) -> Int {
        if scalar < 0x80 {
            bytes[offset] = UInt8(scalar)
            return offset + 1
        } else if scalar < 0x800 {
            bytes[offset] = UInt8(0xC0 | (scalar >> 6))
            bytes[offset + 1] = UInt8(0x80 | (scalar & 0x3F))
            return offset + 2
        } else {
            bytes[offset] = UInt8(0xE0 | (scalar >> 12))
            bytes[offset + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            bytes[offset + 2] = UInt8(0x80 | (scalar & 0x3F))
            return offset + 3
        }
    }
}

/// A phrase folded into match-key tokens, for comparing names.
struct PhraseKey: Hashable {
    var tokens: [[UInt8]]
    init(_ phrase: String) { tokens = ScannedText.keys(of: phrase) }
}
