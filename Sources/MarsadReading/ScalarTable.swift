import MarsadText

/// The Unicode properties the readers ask of every scalar of a text, answered
/// from a table for the scalars below U+0800 (ASCII, Latin, Arabic), which
/// are nearly all there is in the news read here, and from the Unicode
/// database above. The table is built from the same properties, so the
/// answers are the same; a profile showed the property lookups themselves
/// taking a tenth of ingest time.
enum ScalarTable {
    private static let alphabetic: UInt8 = 1
    private static let whitespace: UInt8 = 2
    private static let numeric: UInt8 = 4
    private static let otherSymbol: UInt8 = 8
    private static let limit: UInt32 = 0x800

    private static let flags: [UInt8] = (0..<limit).map { value in
        let properties = Unicode.Scalar(value)!.properties
        return (properties.isAlphabetic ? alphabetic : 0) | (properties.isWhitespace ? whitespace : 0)
            | (properties.numericType != nil ? numeric : 0) | (properties.generalCategory == .otherSymbol ? otherSymbol : 0)
    }

    /// Each scalar's lowercase when that is one scalar; `noSingleLowercase` otherwise.
    private static let lowercase: [UInt32] = (0..<limit).map { value in
        let mapping = Unicode.Scalar(value)!.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first!.value : noSingleLowercase
    }
    private static let noSingleLowercase = UInt32.max

    /// Appends the UTF-8 of a scalar's lowercase mapping, as `lowercased()` does scalar by scalar.
    @inline(__always)
    static func appendLowercase(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.value < limit {
            let mapped = lowercase[Int(scalar.value)]
            if mapped < 0x80 {
                bytes.append(UInt8(mapped))
                return
            }
            if mapped != noSingleLowercase, let single = Unicode.Scalar(mapped) {
                bytes.append(contentsOf: single.utf8)
                return
            }
        }
        bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
    }

    /// The same answers with the table fetched once, for a loop over every scalar of a text:
    /// each use of a global calls its first-use check, which cost more than the look-up.
    struct Lookup {
        private let flags = ScalarTable.flags

        @inline(__always)
        func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < limit ? flags[Int(scalar.value)] & alphabetic != 0 : scalar.properties.isAlphabetic
        }

        @inline(__always)
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < limit ? flags[Int(scalar.value)] & whitespace != 0 : scalar.properties.isWhitespace
        }

        /// ``isAlphabetic(_:)`` of a scalar value; false for ``ScalarTable/noScalar``.
        @inline(__always)
        func isAlphabetic(value: UInt32) -> Bool {
            value < limit ? flags[Int(value)] & alphabetic != 0 : Unicode.Scalar(value)?.properties.isAlphabetic ?? false
        }

        /// ``isWhitespace(_:)`` of a scalar value; false for ``ScalarTable/noScalar``.
        @inline(__always)
        func isWhitespace(value: UInt32) -> Bool {
            value < limit ? flags[Int(value)] & whitespace != 0 : Unicode.Scalar(value)?.properties.isWhitespace ?? false
        }
    }

    /// Stands for the neighbour of the first or last scalar of a text, where there is none.
    static let noScalar = UInt32.max

    /// Calls `body(previous, scalar, next)` with the value of each scalar of the text in
    /// order and those of its neighbours, ``noScalar`` beyond the ends: what the tests that
    /// look at a scalar's neighbours need, read from the UTF-8 in one pass rather than
    /// from an array of the text's scalars made for each line.
    @inline(__always)
    static func forEachScalar(of text: String, _ body: (_ previous: UInt32, _ scalar: UInt32, _ next: UInt32) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            guard count > 0 else { return }
            var previous = noScalar
            var (value, width) = UTF8Scalar.decode(bytes, at: 0)
            var index = 0
            while index < count {
                let nextIndex = index &+ width
                let (next, nextWidth) = nextIndex < count ? UTF8Scalar.decode(bytes, at: nextIndex) : (noScalar, 0)
                body(previous, value, next)
                previous = value
                value = next
                width = nextWidth
                index = nextIndex
            }
        }
    }

    @inline(__always)
    static func isWhitespace(value: UInt32) -> Bool {
        value < limit ? flags[Int(value)] & whitespace != 0 : Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }

    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < limit ? flags[Int(scalar.value)] & alphabetic != 0 : scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < limit ? flags[Int(scalar.value)] & whitespace != 0 : scalar.properties.isWhitespace
    }

    /// Whether the scalar's general category is "other symbol" (So): pictographs, signs, ©.
    @inline(__always)
    static func isOtherSymbol(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < limit ? flags[Int(scalar.value)] & otherSymbol != 0 : scalar.properties.generalCategory == .otherSymbol
    }

    @inline(__always)
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < limit ? flags[Int(scalar.value)] & numeric != 0 : scalar.properties.numericType != nil
    }

    /// The runs of word scalars (letters, digits and the Arabic harakat U+064B–U+065F) of a
    /// text joined by single spaces, and where each run ends in the joined UTF-8 (the next
    /// starts after the space). One walk over its UTF-8 with the table read once: splitting
    /// the scalar view, with a table look-up and its global's first-use check per scalar,
    /// then joining, took a tenth of reading a plain-text page. No string is made per run:
    /// most lines are prose, whose tests ask for none of them (see ``KeyWords``).
    /// `numbers` counts the runs made only of digits or other numbers.
    static func wordRuns(_ text: String) -> (joined: String, ends: [Int], numbers: Int) {
        var text = text
        return text.withUTF8 { wordRuns($0, lowering: false) }
    }

    /// ``wordRuns(_:)`` of the UTF-8 of a text, or with `lowering` of its `lowercased()`: each
    /// scalar is lowered as it is read (`lowercased()` maps scalar by scalar), so that the
    /// lowered text is not made, except for the rare text with a scalar whose lowercase is
    /// several scalars or that lies beyond the table.
    static func wordRuns(_ bytes: UnsafeBufferPointer<UInt8>, lowering: Bool) -> (joined: String, ends: [Int], numbers: Int) {
        if let runs = wordRunsLoweringEachScalar(bytes, lowering: lowering) { return runs }
        var lowered = String(decoding: bytes, as: UTF8.self).lowercasedByScalar()
        return lowered.withUTF8 { wordRunsLoweringEachScalar($0, lowering: false)! }
    }

    /// ``wordRuns(_:lowering:)`` where each scalar lowers to one scalar; nil, when lowering,
    /// for a text with a scalar that does not.
    private static func wordRunsLoweringEachScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, lowering: Bool
    ) -> (joined: String, ends: [Int], numbers: Int)? {
        flags.withUnsafeBufferPointer { table in
            lowercase.withUnsafeBufferPointer { lowercase in
                // Written through a pointer: appending to an array checked its capacity per byte.
                // A word's space stands for the scalar that ended the word before, and a
                // two-byte scalar lowers to at most three bytes (U+023A to U+2C65).
                let joined = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count * 2 + 4)
                defer { joined.deallocate() }
                var count = 0
                var ends: [Int] = []
                var numbers = 0
                var inWord = false
                var wordIsNumber = true
                var index = 0
                while index < bytes.count {
                    let start = index
                    let (value, width) = UTF8Scalar.decode(bytes, at: index)
                    index += width
                    var scalar = value
                    if lowering {
                        if value < limit {
                            scalar = lowercase[Int(value)]
                            if scalar == noSingleLowercase { return nil }
                        } else {
                            let mapping = Unicode.Scalar(value)!.properties.lowercaseMapping.unicodeScalars
                            guard mapping.count == 1, mapping.first!.value == value else { return nil }
                        }
                    }
                    let isWord: Bool
                    let isNumber: Bool
                    if scalar < limit {
                        let flag = table[Int(scalar)]
                        isNumber = flag & numeric != 0
                        isWord = flag & (alphabetic | numeric) != 0 || (0x064B...0x065F).contains(scalar)
                    } else {
                        let properties = Unicode.Scalar(scalar)!.properties
                        isNumber = properties.numericType != nil
                        isWord = properties.isAlphabetic || isNumber
                    }
                    guard isWord else {
                        if inWord {
                            ends.append(count)
                            if wordIsNumber { numbers += 1 }
                            inWord = false
                        }
                        continue
                    }
                    if !inWord {
                        if count > 0 {
                            joined[count] = 0x20
                            count += 1
                        }
                        inWord = true
                        wordIsNumber = true
                    }
                    if !isNumber { wordIsNumber = false }
                    if scalar == value {
                        for offset in start..<index {
                            joined[count] = bytes[offset]
                            count += 1
                        }
                    } else {
                        for byte in Unicode.Scalar(scalar)!.utf8 {
                            joined[count] = byte
                            count += 1
                        }
                    }
                }
                if inWord {
                    ends.append(count)
                    if wordIsNumber { numbers += 1 }
                }
                return (String(decoding: UnsafeBufferPointer(start: joined, count: count), as: UTF8.self), ends, numbers)
            }
        }
    }

    @inline(__always)
    static func isNumeric(value: UInt32) -> Bool {
        value < limit ? flags[Int(value)] & numeric != 0 : Unicode.Scalar(value)?.properties.numericType != nil
    }
}

extension String {
    /// The text's scalars in an array, in one pass: `Array(unicodeScalars)` first
    /// counts the scalars and then copies them, a walk over the text each.
    var scalarArray: [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(utf8.count)
        for scalar in unicodeScalars { scalars.append(scalar) }
        return scalars
    }

    /// `lowercased()`, skipping the work for text with no letter that has
    /// case: ASCII without capitals and Arabic (UTF-8 lead bytes D8–DB) come
    /// back as they are, ASCII capitals are lowered byte by byte; anything
    /// else goes through `lowercased()`.
    func lowercasedIfCased() -> String {
        enum Case { case none, asciiCapitals, other }
        var text = self
        // The bytes read as one buffer: the UTF-8 view's iterator cost as much again.
        let found: Case = text.withUTF8 { bytes in
            var found = Case.none
            for byte in bytes {
                switch byte {
                case 0x41...0x5A: found = .asciiCapitals
                case 0x00...0xBF, 0xD8...0xDB: continue
                default: return .other
                }
            }
            return found
        }
        switch found {
        case .none: return self
        // Capitals only among ASCII letters: lowered byte by byte, as `lowercased()` would.
        case .asciiCapitals: return asciiLowercased()
        case .other: return lowercasedByScalar()
        }
    }

    /// `lowercased()`, with the mappings of the scalars below U+0800 read
    /// from a table: the Unicode lookups took a twentieth of reading pages
    /// in Latin scripts. The result is the same, scalar for scalar.
    func lowercasedByScalar() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            ScalarTable.appendLowercase(scalar, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII letters lowered, every other byte kept: for tag, attribute and
    /// class names, where Unicode case mapping cost more than the rest of
    /// reading them. Returns the string itself when nothing needs lowering.
    func asciiLowercased() -> String {
        guard utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return self }
        return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
