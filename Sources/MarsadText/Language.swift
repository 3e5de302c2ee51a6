/// The language recorded per article.
public enum Language: String, Sendable, Codable, Hashable {
    case arabic = "ar"
    case english = "en"
    case other = "und"
}

/// Tells Arabic, English and other languages apart, on short and mixed texts.
///
/// Words are counted per script, skipping URLs and e-mail addresses, which
/// are Latin even in Arabic pages; each function word (في، من، قال / the, of,
/// said) counts again, so that names and acronyms in another script do not
/// outvote the prose around them. The script with the higher score wins (a tie
/// goes to Arabic); a text with no letters is `other`. Within a script, common
/// function words decide the language: Arabic-script text whose Persian or
/// Urdu words or letters (پ چ ژ گ, "است", "این") outweigh Arabic ones is
/// `other`, and Latin-script text is English unless French, Spanish, German,
/// Italian or Portuguese function words outnumber English ones. A short
/// Latin text with no function words at all (a name, a headline) counts as English.
/// Only the first 20 KB are read.
public enum LanguageIdentifier {
    /// The first bytes of a text decide; more only costs time.
    public static let sampleBytes = 20_000

    public static func identify(_ text: String) -> Language {
        // One match key for the sample: case folded, letter variants unified,
        // so that the word lists below are written in match-key form.
        identify(matchKey: TextNormalizer.matchKey(prefix(of: text, bytes: sampleBytes)))
    }

    /// The language of a text of at most ``sampleBytes`` bytes from its match key, for a
    /// caller that has the key already.
    public static func identify(matchKey key: String) -> Language {
        var key = key
        key.makeContiguousUTF8()
        var counts = ScriptCounts()
        key.utf8.withContiguousStorageIfAvailable { bytes in
            var chunkStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x0A {
                if index > chunkStart { counts.add(chunk: UnsafeBufferPointer(rebasing: bytes[chunkStart..<index])) }
                chunkStart = index + 1
            }
        }
        return counts.decide()
    }

    /// The longest prefix of at most `bytes` UTF-8 bytes that ends on a scalar boundary.
    static func prefix(of text: String, bytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > bytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(text[..<end])
    }

    /// A word of at most 16 UTF-8 bytes, packed for cheap hashing.
    struct PackedWord: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// No word: a free slot of ``FunctionWords``.
        init() {}

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 16 else { return nil }
            // The bytes copied in as they lie: a shift and an or per byte cost more than the look-up.
            withUnsafeMutableBytes(of: &self) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        }

        init?(_ word: String) {
            var word = word
            guard let packed = word.withUTF8({ PackedWord($0) }) else { return nil }
            self = packed
        }
    }

    /// The function words of every list in one open-addressed table, looked up with a
    /// multiply and a shift: four hashed sets cost a third of identifying a language.
    struct FunctionWords: Sendable {
        struct Lists: OptionSet, Sendable {
            let rawValue: UInt8
            static let persian = Lists(rawValue: 1)
            static let arabic = Lists(rawValue: 2)
            static let english = Lists(rawValue: 4)
            static let otherLatin = Lists(rawValue: 8)
        }

        /// A free slot holds no word: every word packed here has a first byte.
        private var words: [PackedWord]
        private var lists: [Lists]
        private let shift: UInt64

        init(_ entries: [(Lists, [PackedWord])]) {
            let count = entries.reduce(0) { $0 + $1.1.count }
            var bits = 4
            while 1 << bits < 4 * count { bits += 1 }
            words = Array(repeating: PackedWord(), count: 1 << bits)
            lists = Array(repeating: [], count: 1 << bits)
            shift = UInt64(64 - bits)
            for (list, packedWords) in entries {
                for word in packedWords {
                    var slot = slot(of: word)
                    while words[slot] != PackedWord() && words[slot] != word { slot = (slot + 1) & (words.count - 1) }
                    words[slot] = word
                    lists[slot].insert(list)
                }
            }
        }

        private func slot(of word: PackedWord) -> Int {
            Int(truncatingIfNeeded: ((word.low &* 0x9E37_79B9_7F4A_7C15) ^ (word.high &* 0xC2B2_AE3D_27D4_EB4F)) >> shift)
        }

        /// The lists that hold `word`.
        func lists(of word: PackedWord) -> Lists {
            var slot = slot(of: word)
            while true {
                let held = words[slot]
                if held == word { return lists[slot] }
                if held == PackedWord() { return [] }
                slot = (slot + 1) & (words.count - 1)
            }
        }

        static let all = FunctionWords([
            (.persian, ScriptCounts.persianWords), (.arabic, ScriptCounts.arabicWords),
            (.english, ScriptCounts.englishWords), (.otherLatin, ScriptCounts.otherLatinWords),
        ])
    }

    struct ScriptCounts {
        /// Read once per text rather than per word or letter: a global's first-use check is a call.
        let functionWords = FunctionWords.all
        let scalarClasses = WordTable.Lookup()
        var arabicLetters = 0
        var latinLetters = 0
        var otherLetters = 0
        var arabicWordCount = 0
        var latinWordCount = 0
        var otherWordCount = 0
        var persianEvidence = 0
        var arabicEvidence = 0
        var englishWords = 0
        var otherLatinWords = 0

        /// A space-separated chunk of the key: skipped if it is a URL or an
        /// e-mail address, else split into words at punctuation.
        mutating func add(chunk: UnsafeBufferPointer<UInt8>) {
            // One look at the bytes for what makes the chunk an address or a link.
            var periods = 0
            var longestPart = 0
            var part = 0
            for byte in chunk {
                switch byte {
                case 0x40, 0x2F:
                    return
                case 0x2E:
                    periods += 1
                    part = 0
                default:
                    part += 1
                    longestPart = max(longestPart, part)
                }
            }
            // "www.example.com" is a link; "u.s." an English word.
            if periods >= 1, longestPart > 3, chunk.count > longestPart + 1, chunk.last != 0x2E { return }
            // Each word's letters are counted as the split reads them, not decoded again.
            var arabic = 0
            var latin = 0
            var accented = false
            var other = 0
            var wordStart = 0
            var index = 0
            while index <= chunk.count {
                let value: UInt32
                let width: Int
                let scalarClass: ScalarClass
                if index < chunk.count {
                    (value, width) = MatchKeyTokenizer.decode(chunk, at: index)
                    scalarClass = classify(value)
                } else {
                    (value, width, scalarClass) = (0, 1, .separator)
                }
                if scalarClass == .letter || scalarClass == .latinLetter || scalarClass == .mark {
                    switch value {
                    case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                        arabic += 1
                        if Self.isPersianLetter(value) { persianEvidence += 1 }
                    case 0x41...0x5A, 0x61...0x7A:
                        latin += 1
                    case 0xC0...0x24F where value != 0xD7 && value != 0xF7:
                        latin += 1
                        accented = true
                    default:
                        if scalarClass != .mark { other += 1 }
                    }
                } else {
                    if index > wordStart {
                        add(word: UnsafeBufferPointer(rebasing: chunk[wordStart..<index]), arabic: arabic, latin: latin, accented: accented, other: other)
                    }
                    (arabic, latin, accented, other) = (0, 0, false, 0)
                    wordStart = index + width
                }
                index += width
            }
        }

        /// Counts a word from its letters of each script.
        @inline(__always)
        private mutating func add(word: UnsafeBufferPointer<UInt8>, arabic: Int, latin: Int, accented: Bool, other: Int) {
            arabicLetters += arabic
            latinLetters += latin
            otherLetters += other
            if arabic > 0 && arabic >= latin {
                arabicWordCount += 1
                if let packed = PackedWord(word) {
                    let lists = functionWords.lists(of: packed)
                    if lists.contains(.persian) { persianEvidence += 2 }
                    if lists.contains(.arabic) { arabicEvidence += 2 }
                }
            } else if latin > 0 {
                latinWordCount += 1
                if let packed = PackedWord(word) {
                    let lists = functionWords.lists(of: packed)
                    if lists.contains(.english) { englishWords += 1 }
                    if lists.contains(.otherLatin) { otherLatinWords += 1 }
                }
                if accented { otherLatinWords += 1 }
            } else if other > 0 {
                otherWordCount += 1
            }
        }

        /// Words of each script, plus their function words counted again: names
        /// and acronyms in another script do not outvote the prose around them.
        func decide() -> Language {
            if arabicLetters == 0 && latinLetters == 0 { return .other }
            if otherLetters > arabicLetters + latinLetters { return .other }
            let arabicScore = arabicWordCount + arabicEvidence
            let latinScore = latinWordCount + 2 * (englishWords + otherLatinWords)
            if otherWordCount > arabicScore + latinScore { return .other }
            if arabicScore >= latinScore {
                return persianEvidence > arabicEvidence + 2 ? .other : .arabic
            }
            return otherLatinWords > englishWords ? .other : .english
        }

        private func classify(_ value: UInt32) -> ScalarClass {
            scalarClasses.classify(value)
        }

        /// Letters of Persian and Urdu that Arabic does not use (ک and ی are
        /// left out: they turn up in Arabic typed on Persian keyboards).
        static func isPersianLetter(_ value: UInt32) -> Bool {
            switch value {
            case 0x067E, 0x0686, 0x0698, 0x06AF, 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2: true
            default: false
            }
        }
        /// Match keys of frequent Persian and Urdu words.
        static let persianWords = packed(persianWordsWritten.map(TextNormalizer.matchKey))
        static let persianWordsWritten: [String] = [
            "است", "این", "را", "که", "می", "شد", "برای", "با", "آن", "هم", "شده", "کرد", "های", "ها", "ہے", "کے", "میں",
            "اور", "کی", "نے", "کا", "سے",
        ]
        /// Match keys of frequent Arabic function words.
        static let arabicWords = packed([
            "في", "من", "علي", "الي", "ان", "عن", "مع", "التي", "الذي", "هذا", "هذه", "كان", "قد", "لا", "ما", "او",
            "و", "بين", "بعد", "قال", "كما", "حيث", "ذلك", "وقال", "واضاف", "اليوم",
        ])
        static let englishWords = packed([
            "the", "of", "and", "to", "in", "is", "for", "on", "that", "with", "by", "was", "said", "as", "at", "from",
            "it", "he", "she", "his", "her", "are", "were", "has", "have", "be", "this", "an", "a", "will", "not",
            "but", "or", "its", "they", "their", "who", "which", "after", "over", "new",
        ])
        static let otherLatinWords = packed([
            "le", "la", "les", "des", "du", "et", "est", "une", "un", "dans", "pour", "sur", "au", "aux", "qui", "que",
            "el", "los", "las", "y", "del", "por", "con", "una", "es", "para", "der", "die", "das", "und", "ist",
            "nicht", "mit", "ein", "eine", "den", "zu", "von", "il", "di", "che", "della", "per", "sono", "não", "uma",
            "com", "os", "em", "ao", "da", "do", "de",
        ])

        static func packed(_ words: [String]) -> [PackedWord] { words.compactMap(PackedWord.init) }
    }
}
