import MarsadText

/// Stable 64-bit hashing. Swift's `Hasher` is seeded per process, which would
/// make story ids and tie-breaks differ between runs; digests must not.
enum StableHash {
    static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 { StableHasher.hash(bytes) }

    static func string(_ text: String) -> UInt64 { fnv1a(text.utf8) }

    /// SplitMix64's finaliser: spreads FNV's weak low bits over the whole word.
    static func mix(_ value: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: value)
        return generator.next()
    }

    static func hex(_ value: UInt64, digits: Int = 12) -> String {
        let full = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - full.count)) + full
        return String(padded.suffix(digits))
    }
}

/// MinHash over a set of 64-bit feature hashes, with the permutation family
/// `a·x + b (mod 2⁶⁴)`, `a` odd: one multiply-add per feature and slot.
struct MinHasher: Sendable {
    let multipliers: [UInt64]
    let addends: [UInt64]

    init(count: Int, seed: UInt64) {
        var state = seed
        var multipliers: [UInt64] = []
        var addends: [UInt64] = []
        for _ in 0..<count {
            state = StableHash.mix(state)
            multipliers.append(state | 1)
            state = StableHash.mix(state)
            addends.append(state)
        }
        self.multipliers = multipliers
        self.addends = addends
    }

    var count: Int { multipliers.count }

    func signature(of features: [UInt64]) -> [UInt64] {
        var minima = [UInt64](repeating: .max, count: multipliers.count)
        multipliers.withUnsafeBufferPointer { a in
            addends.withUnsafeBufferPointer { b in
                minima.withUnsafeMutableBufferPointer { out in
                    for feature in features {
                        for slot in 0..<out.count {
                            let value = a[slot] &* feature &+ b[slot]
                            if value < out[slot] { out[slot] = value }
                        }
                    }
                }
            }
        }
        return minima
    }

    /// The share of agreeing slots: an unbiased estimate of the Jaccard similarity.
    static func similarity(_ lhs: [UInt64], _ rhs: [UInt64]) -> Double {
        guard !lhs.isEmpty, lhs.count == rhs.count else { return 0 }
        var same = 0
        for index in lhs.indices where lhs[index] == rhs[index] && lhs[index] != .max { same += 1 }
        return Double(same) / Double(lhs.count)
    }
}

/// What clustering needs to know of one article, computed once per article
/// and shared by every topic the article is in.
struct ArticleFingerprint: Sendable {
    /// MinHash of word 3-gram shingles of the whole match text: near-duplicates.
    var shingleSignature: [UInt64]
    /// Sorted, unique hashes of the content words of the headline and lead,
    /// without the words of entity names: what happened, not who.
    var eventTerms: [UInt64]
    /// MinHash of `eventTerms`, for banding.
    var eventSignature: [UInt64]
    /// Sorted, unique content-word hashes of the lead and of the last words:
    /// where a site puts its furniture («رابط الخبر بصحيفة ...»).
    var edgeTerms: [UInt64]
    /// Sorted, unique content-word stems of the headline and the first real
    /// sentence, names included: who did what, as a news lede states it.
    var ledeTerms: [UInt64]
    /// MinHash of `ledeTerms`, for banding.
    var ledeSignature: [UInt64]
    /// Sorted ids of the people the headline or the first real sentence names.
    var ledePersonIds: [String]
    /// Sorted entity ids.
    var entityIds: [String]
    var shingleCount: Int
}

/// Turns articles into fingerprints. Works on the match key (already folded:
/// alef forms, ya, ta marbuta, digits), in Unicode scalars.
struct Fingerprinter: Sendable {
    static let shingleHasher = MinHasher(count: 64, seed: 0x4d61_7273_6164_0001)
    static let eventHasher = MinHasher(count: 64, seed: 0x4d61_7273_6164_0002)
    static let ledeHasher = MinHasher(count: 32, seed: 0x4d61_7273_6164_0003)
    /// A lede longer than this in words is cut: a run-on first sentence is not all lede.
    static let ledeWords = 45
    /// How many body words after the headline count as the lead.
    static let leadWords = 60
    /// Long articles are fingerprinted on their beginning; copies share it.
    static let maximumShingleWords = 800
    /// How many closing words are checked for a site's furniture.
    static let tailWords = 30
    static let tailScalars = 400

    func fingerprint(_ article: DigestArticle) -> ArticleFingerprint {
        fingerprint(article, opening: LeadSentences.sentences(article.body, limit: 3))
    }

    /// `fingerprint(_:)` with the body's first sentences already split (``LeadSentences/opening(of:)``).
    func fingerprint(_ article: DigestArticle, opening: [String]) -> ArticleFingerprint {
        let titleWords = Tokenizer.words(TextNormalizer.matchKey(article.title))
        let matchText = article.matchText.isEmpty
            ? TextNormalizer.matchKey(article.title + "\n" + article.body)
            : article.matchText
        let allWords = Tokenizer.words(matchText, limit: Self.maximumShingleWords)

        var shingles: [UInt64] = []
        shingles.reserveCapacity(allWords.count)
        if allWords.count >= 3 {
            for index in 0..<(allWords.count - 2) {
                let first = allWords[index].hash
                let second = allWords[index + 1].hash
                let third = allWords[index + 2].hash
                shingles.append(StableHash.mix(first ^ rotate(second, 21) ^ rotate(third, 42)))
            }
        } else {
            shingles = allWords.map { StableHash.mix($0.hash) }
        }

        var nameStems = Set<UInt64>()
        for entity in article.entities {
            for word in Tokenizer.words(TextNormalizer.matchKey(entity.nameAr)) {
                nameStems.insert(word.stemHash)
            }
        }
        // The match text begins with the headline when the lead built it so;
        // the headline's own words are added explicitly in case it did not.
        let leadLimit = min(allWords.count, titleWords.count + Self.leadWords)
        var terms = Set<UInt64>()
        for word in titleWords + allWords[0..<leadLimit] where word.isContent && !nameStems.contains(word.stemHash) {
            terms.insert(word.stemHash)
        }
        let eventTerms = terms.sorted()
        var edges = Set<UInt64>()
        for word in allWords[0..<leadLimit] where word.isContent { edges.insert(word.stemHash) }
        // A long text was cut at `maximumShingleWords`; its end is read on its own.
        let tail = allWords.count >= Self.maximumShingleWords
            ? Tokenizer.words(String(matchText.unicodeScalars.suffix(Self.tailScalars)))
            : Array(allWords.suffix(Self.tailWords))
        for word in tail.suffix(Self.tailWords) where word.isContent { edges.insert(word.stemHash) }
        var lede = Set<UInt64>()
        let ledeKey = TextNormalizer.matchKey(LeadSentences.firstRealSentence(opening: opening))
        for word in (titleWords + Tokenizer.words(ledeKey)).prefix(Self.ledeWords) where word.isContent {
            lede.insert(word.stemHash)
        }
        let ledeTerms = lede.sorted()
        let ledeBytes = Array(TextNormalizer.matchKey(article.title).utf8) + [0x0A] + Array(ledeKey.utf8)
        var ledePeople = Set<String>()
        for entity in article.entities where entity.type == "person" && !ledePeople.contains(entity.id) {
            let forms = entity.forms.isEmpty ? [entity.nameAr] : entity.forms
            if forms.contains(where: { Self.contains(ledeBytes, Array(TextNormalizer.matchKey($0).utf8)) }) {
                ledePeople.insert(entity.id)
            }
        }
        return ArticleFingerprint(
            shingleSignature: Self.shingleHasher.signature(of: shingles),
            eventTerms: eventTerms,
            eventSignature: Self.eventHasher.signature(of: eventTerms),
            edgeTerms: edges.sorted(),
            ledeTerms: ledeTerms,
            ledeSignature: Self.ledeHasher.signature(of: ledeTerms),
            ledePersonIds: ledePeople.sorted(),
            entityIds: Array(Set(article.entities.map(\.id))).sorted(),
            shingleCount: shingles.count
        )
    }

    /// Whether `needle` occurs in `haystack`, byte for byte; both are short.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in 0..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            return true
        }
        return false
    }

    private func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}

/// A word of match-key text, hashed.
struct HashedWord: Sendable {
    /// Hash of the word as written (for shingles).
    var hash: UInt64
    /// Hash of its light stem (for event terms).
    var stemHash: UInt64
    /// Not a function word and long enough to carry meaning.
    var isContent: Bool
}

enum Tokenizer {
    /// Splits match-key text into words: runs of letters and digits. Works
    /// on the UTF-8 bytes: every word scalar is one or two bytes long, and a
    /// word's hash is FNV-1a over exactly those bytes.
    static func words(_ text: String, limit: Int = .max) -> [HashedWord] {
        var text = text
        return text.withUTF8 { words($0, limit: limit) }
    }

    static func words(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [HashedWord] {
        var result: [HashedWord] = []
        result.reserveCapacity(min(limit, bytes.count / 6 + 1))
        // A word is a run of the buffer itself; only one with capital Latin letters is copied.
        var wordStart = -1
        var scalars = 0
        var hasCapital = false
        var lowered: [UInt8] = []
        func flush(_ end: Int) {
            let hashedWord: HashedWord
            if hasCapital {
                lowered.removeAll(keepingCapacity: true)
                for byte in bytes[wordStart..<end] { lowered.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
                hashedWord = lowered.withUnsafeBufferPointer { hashed($0, scalars: scalars) }
            } else {
                hashedWord = hashed(UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), scalars: scalars)
            }
            result.append(hashedWord)
            wordStart = -1
            scalars = 0
            hasCapital = false
        }
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            let length: Int
            let value: UInt32
            if lead < 0x80 {
                length = 1
                value = UInt32(lead)
            } else if lead < 0xE0 {
                length = 2
                value = (UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
            } else if lead < 0xF0 {
                length = 3
                value = 0xFFFF
            } else {
                length = 4
                value = 0x10FFFF
            }
            if isWordValue(value) {
                if wordStart < 0 { wordStart = index }
                if lead >= 0x41 && lead <= 0x5A { hasCapital = true }
                scalars += 1
            } else if wordStart >= 0 {
                flush(index)
                if result.count >= limit { return result }
            }
            index += length
        }
        if wordStart >= 0 { flush(count) }
        return result
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        isWordValue(scalar.value)
    }

    @inline(__always)
    static func isWordValue(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x0621...0x063A, 0x0641...0x064A, 0x0660...0x0669, 0x0671...0x06D3, 0x06F0...0x06F9: return true
        case 0x00C0...0x024F: return true
        default: return false
        }
    }

    static func hashed(_ bytes: UnsafeBufferPointer<UInt8>, scalars: Int) -> HashedWord {
        let whole = StableHash.fnv1a(bytes)
        let stem = ArabicLightStemmer.stem(bytes, scalars: scalars)
        let isNumber = scalars < 2 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let isContent = stem.scalars >= 2 && !isNumber && !StopWords.hashes.contains(whole)
        return HashedWord(
            hash: whole, stemHash: StableHash.fnv1a(UnsafeBufferPointer(rebasing: bytes[stem.range])), isContent: isContent
        )
    }
}

/// A light Arabic stemmer for matching: strips the article and its fused
/// prepositions, and a few common suffixes, so that «السياسية» and «سياسي»
/// meet. It never strips below three letters. Affixes are Arabic letters,
/// two UTF-8 bytes each.
///
/// It is not the search index's `LightStemmer` (MarsadText), on purpose: comparing two
/// reports wants adjectives and their nouns to meet (the nisba ي and يه
/// go), while a search for سوري must not find سور; and the story thresholds
/// were set with these stems.
enum ArabicLightStemmer {
    // Match-key forms (alef folded, ta marbuta as ha).
    static let prefixes: [[UInt8]] = ["وال", "بال", "كال", "فال", "لل", "ال"].map { Array($0.utf8) }
    static let suffixes: [[UInt8]] = ["يه", "ات", "ون", "ين", "ان", "ها", "ه", "ي"].map { Array($0.utf8) }

    static func stem(_ word: UnsafeBufferPointer<UInt8>, scalars: Int) -> (range: Range<Int>, scalars: Int) {
        var start = 0
        var end = word.count
        var remaining = scalars
        for prefix in prefixes where remaining - prefix.count / 2 >= 3 && matches(word, prefix, at: start) {
            start += prefix.count
            remaining -= prefix.count / 2
            break
        }
        for suffix in suffixes
        where remaining - suffix.count / 2 >= 3 && end - suffix.count >= start && matches(word, suffix, at: end - suffix.count) {
            end -= suffix.count
            remaining -= suffix.count / 2
            break
        }
        return (start..<end, remaining)
    }

    @inline(__always)
    private static func matches(_ word: UnsafeBufferPointer<UInt8>, _ affix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + affix.count <= word.count else { return false }
        for index in 0..<affix.count where word[offset + index] != affix[index] { return false }
        return true
    }
}

/// Arabic and English function words, in match-key form.
enum StopWords {
    static let words: [String] = [
        "في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "أو", "ثم", "بل", "لا", "لم", "لن", "ما", "قد", "كان",
        "كانت", "يكون", "تكون", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "التي", "الذي", "الذين", "اللذين", "كما",
        "بعد", "قبل", "بين", "عند", "حتى", "منذ", "خلال", "حول", "دون", "ضد", "لدى", "نحو", "أمام", "وفق", "وفقا",
        "كل", "بعض", "غير", "أي", "هو", "هي", "هم", "نحن", "أنه", "أنها", "إنه", "إنها", "له", "لها", "لهم", "به",
        "بها", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "إليه", "وقد", "وقال", "قال", "قالت", "وأضاف",
        "أضاف", "وأكد", "أكد", "أكدت", "وأشار", "أشار", "أشارت", "وذكر", "ذكر", "ذكرت", "أوضح", "وأوضح", "وفي",
        "ومن", "وعلى", "وإلى", "وعن", "وهو", "وهي", "ولا", "وما", "وكان", "وكانت", "اليوم", "أمس", "الى", "يوم",
        "عام", "العام", "أيضا", "حيث", "إذ", "إذا", "لكن", "ولكن", "كذلك", "فقط", "جدا", "ذات", "وذلك", "وهذا",
        "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "صباح", "مساء", "وكالة", "وكالات",
        "مصدر", "مصادر", "بحسب", "حسب", "نقلا", "وفيما", "فيما", "بينما", "عبر", "تم", "يتم", "سوف", "عدد",
        "the", "a", "an", "of", "in", "on", "and", "or", "to", "for", "with", "by", "at", "from", "is", "are",
        "was", "were", "be", "that", "this", "it", "as", "said",
    ]
    static let hashes: Set<UInt64> = Set(words.map { StableHash.string(TextNormalizer.matchKey($0)) })
}
