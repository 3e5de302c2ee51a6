import MarsadText

/// Stable 64-bit hashing. Swift's `Hasher` is seeded per process, which would
/// make story ids and tie-breaks differ between runs; digests must not.
enum StableHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = offset) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    static func string(_ text: String) -> UInt64 { fnv1a(text.utf8) }

    /// SplitMix64's finaliser: spreads FNV's weak low bits over the whole word.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
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
    /// Sorted entity ids.
    var entityIds: [String]
    var shingleCount: Int
}

/// Turns articles into fingerprints. Works on the match key (already folded:
/// alef forms, ya, ta marbuta, digits), in Unicode scalars.
struct Fingerprinter: Sendable {
    static let shingleHasher = MinHasher(count: 64, seed: 0x4d61_7273_6164_0001)
    static let eventHasher = MinHasher(count: 64, seed: 0x4d61_7273_6164_0002)
    /// How many body words after the headline count as the lead.
    static let leadWords = 60
    /// Long articles are fingerprinted on their beginning; copies share it.
    static let maximumShingleWords = 800
    /// How many closing words are checked for a site's furniture.
    static let tailWords = 30
    static let tailScalars = 400

    func fingerprint(_ article: DigestArticle) -> ArticleFingerprint {
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
        return ArticleFingerprint(
            shingleSignature: Self.shingleHasher.signature(of: shingles),
            eventTerms: eventTerms,
            eventSignature: Self.eventHasher.signature(of: eventTerms),
            edgeTerms: edges.sorted(),
            entityIds: Array(Set(article.entities.map(\.id))).sorted(),
            shingleCount: shingles.count
        )
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
    /// Splits match-key text into words: runs of letters and digits.
    static func words(_ text: String, limit: Int = .max) -> [HashedWord] {
        var result: [HashedWord] = []
        var current: [Unicode.Scalar] = []
        func flush() {
            guard !current.isEmpty else { return }
            result.append(hashed(current))
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if result.count >= limit { break }
            if isWordScalar(scalar) {
                current.append(lowercased(scalar))
            } else {
                flush()
            }
        }
        if result.count < limit { flush() }
        return result
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x0621...0x063A, 0x0641...0x064A, 0x0660...0x0669, 0x0671...0x06D3, 0x06F0...0x06F9: return true
        case 0x00C0...0x024F: return true
        default: return false
        }
    }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if (0x41...0x5A).contains(scalar.value) { return Unicode.Scalar(scalar.value + 0x20)! }
        return scalar
    }

    static func hashed(_ scalars: [Unicode.Scalar]) -> HashedWord {
        let whole = hash(scalars[...])
        let stem = ArabicLightStemmer.stem(scalars)
        let isContent = stem.count >= 2 && !StopWords.hashes.contains(whole) && !isNumberOnly(scalars)
        return HashedWord(hash: whole, stemHash: hash(stem), isContent: isContent)
    }

    /// FNV-1a over the scalars' UTF-8, without building a string.
    static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash = StableHash.offset
        for index in scalars.indices {
            let value = scalars[index].value
            // UTF-8 by hand: the generic encoder is not specialised across modules.
            if value < 0x80 {
                hash = (hash ^ UInt64(value)) &* StableHash.prime
            } else if value < 0x800 {
                hash = (hash ^ UInt64(0xC0 | (value >> 6))) &* StableHash.prime
                hash = (hash ^ UInt64(0x80 | (value & 0x3F))) &* StableHash.prime
            } else if value < 0x10000 {
                hash = (hash ^ UInt64(0xE0 | (value >> 12))) &* StableHash.prime
                hash = (hash ^ UInt64(0x80 | ((value >> 6) & 0x3F))) &* StableHash.prime
                hash = (hash ^ UInt64(0x80 | (value & 0x3F))) &* StableHash.prime
            } else {
                hash = (hash ^ UInt64(0xF0 | (value >> 18))) &* StableHash.prime
                hash = (hash ^ UInt64(0x80 | ((value >> 12) & 0x3F))) &* StableHash.prime
                hash = (hash ^ UInt64(0x80 | ((value >> 6) & 0x3F))) &* StableHash.prime
                hash = (hash ^ UInt64(0x80 | (value & 0x3F))) &* StableHash.prime
            }
        }
        return hash
    }

    static func isNumberOnly(_ scalars: [Unicode.Scalar]) -> Bool {
        // Small numbers (days, counts) are too common to tell events apart; years and tolls are not.
        let digits = scalars.allSatisfy { (0x30...0x39).contains($0.value) }
        return digits && scalars.count < 2
    }
}

/// A light Arabic stemmer for matching: strips the article and its fused
/// prepositions, and a few common suffixes, so that «السياسية» and «سياسي»
/// meet. It never strips below three letters.
enum ArabicLightStemmer {
    // Match-key forms (alef folded, ta marbuta as ha).
    static let prefixes: [[Unicode.Scalar]] = ["وال", "بال", "كال", "فال", "لل", "ال"].map { Array($0.unicodeScalars) }
    static let suffixes: [[Unicode.Scalar]] = ["يه", "ات", "ون", "ين", "ان", "ها", "ه", "ي"].map { Array($0.unicodeScalars) }

    static func stem(_ word: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var start = 0
        var end = word.count
        for prefix in prefixes where end - start - prefix.count >= 3 && matches(word, prefix, at: start) {
            start += prefix.count
            break
        }
        for suffix in suffixes where end - start - suffix.count >= 3 && matches(word, suffix, at: end - suffix.count) {
            end -= suffix.count
            break
        }
        return word[start..<end]
    }

    @inline(__always)
    private static func matches(_ word: [Unicode.Scalar], _ affix: [Unicode.Scalar], at offset: Int) -> Bool {
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
