import MarsadText

/// What a phrase in the matcher stands for.
struct PhrasePayload: Sendable {
    /// Entities this phrase names, and whether the form needs context to count.
    var entities: [(entity: Int32, ambiguous: Bool)] = []
    /// A phrase that contains a name but means something else: it hides the names inside it.
    var blocks = false
    var keywords: [Int32] = []
    /// Entities whose ambiguous forms this phrase confirms.
    var contextFor: [Int32] = []

    var namesSomething: Bool { !entities.isEmpty || blocks }
}

/// Folded token keys to small integer ids, without building a `String` per token.
struct TokenTable: Sendable {
    private var slots: [Int32]
    private var mask: Int
    private var hashes: [UInt64] = []
    private var offsets: [Int32] = [0]
    private var storage: [UInt8] = []

    /// Bits per signature of how keys end: their last six bytes (three Arabic
    /// letters), or the last four for two-letter keys. A token and all of its
    /// stems end alike, so one test turns most words of a text away unhashed.
    private var endings = [UInt64](repeating: 0, count: 1 << 10)
    private var shortEndings = [UInt64](repeating: 0, count: 1 << 10)

    init() {
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
    }

    @inline(__always)
    static func endingBit(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) -> Int {
        let count = bytes.count
        var tail: UInt64 = 0
        for index in (count - length)..<count { tail = tail << 8 | UInt64(bytes[index]) }
        return Int(truncatingIfNeeded: (tail &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    @inline(__always)
    private static func test(_ bits: [UInt64], _ bit: Int) -> Bool {
        bits.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
    }

    /// False when no key of four bytes or more can end like `bytes` (at least four bytes long).
    @inline(__always)
    func mayEndLikeAKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 6 && Self.test(endings, Self.endingBit(bytes, length: 6)) { return true }
        return Self.test(shortEndings, Self.endingBit(bytes, length: 4))
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = StableHasher()
        var index = bytes.count
        while index > 0 {
            index -= 1
            hasher.combine(bytes[index])
        }
        return hasher.value
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        lookup(bytes, hash: Self.hash(bytes))
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                offsets.withUnsafeBufferPointer { offsets in
                    storage.withUnsafeBufferPointer { stored in
                        while true {
                            let id = slots[slot]
                            if id < 0 { return -1 }
                            if hashes[Int(id)] == hash {
                                let start = Int(offsets[Int(id)])
                                let end = Int(offsets[Int(id) + 1])
                                if end - start == bytes.count && memoryEqual(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) {
                                    return id
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    func lookup(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { lookup($0) }
    }

    mutating func insert(_ bytes: [UInt8]) -> Int32 {
        let existing = lookup(bytes)
        if existing >= 0 { return existing }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let id = Int32(hashes.count)
        let hash = bytes.withUnsafeBufferPointer { Self.hash($0) }
        if bytes.count >= 6 {
            let bit = bytes.withUnsafeBufferPointer { Self.endingBit($0, length: 6) }
            endings[bit >> 6] |= 1 << UInt64(bit & 63)
        } else if bytes.count >= 4 {
            let bit = bytes.withUnsafeBufferPointer { Self.endingBit($0, length: 4) }
            shortEndings[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        hashes.append(hash)
        storage.append(contentsOf: bytes)
        offsets.append(Int32(storage.count))
        place(id: id, hash: hash)
        return id
    }

    private mutating func place(id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (id, hash) in hashes.enumerated() { place(id: Int32(id), hash: hash) }
    }
}

/// The trie's edges, (node, token) packed in 64 bits to the child node, in an
/// open-addressing table with a multiplicative hash: every token of every
/// article is looked up here, and a `Dictionary` spent more on SipHash than on
/// the lookup itself.
struct EdgeTable: Sendable {
    /// A key no edge has: node and token ids are non-negative `Int32`s, so packed keys stay below 2⁶³.
    private static let vacant = UInt64.max
    private var keys = [UInt64](repeating: vacant, count: 1024)
    private var children = [Int32](repeating: -1, count: 1024)
    private var count = 0
    private var shift: UInt64 = 54

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The child at the end of the edge, or -1 when there is none.
    @inline(__always)
    func child(_ key: UInt64) -> Int32 {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = slot(key)
            while true {
                let found = keys[slot]
                if found == key { return children[slot] }
                if found == Self.vacant { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, child: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        place(key, child)
        count += 1
    }

    private mutating func place(_ key: UInt64, _ child: Int32) {
        let mask = keys.count - 1
        var slot = slot(key)
        while keys[slot] != Self.vacant && keys[slot] != key { slot = (slot + 1) & mask }
        keys[slot] = key
        children[slot] = child
    }

    private mutating func grow() {
        let old = zip(keys, children).filter { $0.0 != Self.vacant }
        keys = [UInt64](repeating: Self.vacant, count: keys.count * 2)
        children = [Int32](repeating: -1, count: keys.count)
        shift -= 1
        for (key, child) in old { place(key, child) }
    }
}

@inline(__always)
private func memoryEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for index in 0..<count where lhs[index] != rhs[index] { return false }
    return true
}

/// Arabic proclitics a token may carry before a name: conjunctions و ف, prepositions
/// ب ك ل, the article ال, and their combinations (ل with the article is written لل).
enum Proclitics {
    private static let waw: [UInt8] = [0xD9, 0x88]
    private static let fa: [UInt8] = [0xD9, 0x81]
    private static let ba: [UInt8] = [0xD8, 0xA8]
    private static let kaf: [UInt8] = [0xD9, 0x83]
    private static let lam: [UInt8] = [0xD9, 0x84]
    static let article: [UInt8] = [0xD8, 0xA7, 0xD9, 0x84]

    /// The furthest a stem may start: after وبال (four letters) and an article that is part of the name.
    static let longestPrefixBytes = 12

    /// A bit per byte offset where a stem may start: 0 (the whole token) always;
    /// after و ف; after ب ك ل; after the article ال, or after the ل that stands
    /// for it in لل. Only stems of two letters or more.
    @inline(__always)
    static func stemStarts(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var starts: UInt32 = 1
        let count = key.count
        guard count >= minimumStemBytes + 2, key[0] == 0xD8 || key[0] == 0xD9 else { return starts }
        @inline(__always) func letter(_ offset: Int) -> UInt16 {
            offset + 1 < count ? UInt16(key[offset]) << 8 | UInt16(key[offset + 1]) : 0
        }
        let waw: UInt16 = 0xD988, fa: UInt16 = 0xD981, ba: UInt16 = 0xD8A8, kaf: UInt16 = 0xD983
        let lam: UInt16 = 0xD984, alef: UInt16 = 0xD8A7
        let first = letter(0)
        let lastConjunctionEnd = first == waw || first == fa ? 2 : 0
        for conjunctionEnd in stride(from: 0, through: lastConjunctionEnd, by: 2) {
            let preposition = letter(conjunctionEnd)
            let lastPrepositionEnd = preposition == ba || preposition == kaf || preposition == lam
                ? conjunctionEnd + 2 : conjunctionEnd
            for stemStart in stride(from: conjunctionEnd, through: lastPrepositionEnd, by: 2) {
                starts |= 1 << stemStart
                if letter(stemStart) == alef && letter(stemStart + 2) == lam {
                    starts |= 1 << (stemStart + 4)
                } else if stemStart > conjunctionEnd && letter(stemStart - 2) == lam && letter(stemStart) == lam {
                    starts |= 1 << (stemStart + 2)
                }
            }
        }
        // Every stem is also tried without a leading article, as names are stored
        // that way: الألماني → ألماني → ماني, the key of ألمانيا's nisba.
        for stemStart in stride(from: 0, through: 8, by: 2) where starts & (1 << stemStart) != 0 {
            if letter(stemStart) == alef && letter(stemStart + 2) == lam { starts |= 1 << (stemStart + 4) }
        }
        // Keep only starts that leave a stem of two letters or more.
        let longest = count - minimumStemBytes
        if longest < 31 { starts &= (UInt32(1) << (longest + 1)) - 1 }
        return starts | 1
    }

    /// Stems shorter than two letters are not names.
    static let minimumStemBytes = 4

    /// A name keeps its article when dropping it would leave two letters or fewer:
    /// الله without its article is the pronoun له, which must not read as حزب الله.
    static let minimumStemAfterArticleBytes = 6

    /// A leading article dropped, so that العراق, للعراق and عراق meet on one key.
    @inline(__always)
    static func withoutArticle(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if bytes.count >= article.count + minimumStemAfterArticleBytes, bytes[0] == 0xD8, bytes[1] == 0xA7, bytes[2] == 0xD9, bytes[3] == 0x84 {
            return UnsafeBufferPointer(rebasing: bytes[article.count...])
        }
        return bytes
    }

    static func canonical(_ key: [UInt8]) -> [UInt8] {
        key.withUnsafeBufferPointer { Array(withoutArticle($0)) }
    }
}

/// A token trie over every name, exclusion, keyword and context phrase of the
/// taxonomy. Matching walks it from each token of the text, so the cost
/// grows with the text and the longest phrase, not with the gazetteer's size.
struct PhraseMatcher: Sendable {
    private(set) var table = TokenTable()
    private var edges = EdgeTable()
    private(set) var payloads: [PhrasePayload] = [PhrasePayload()]
    /// Per node: bit 0 when it ends a name or exclusion, bit 1 when it ends a keyword or context phrase.
    private var nodeFlags: [UInt8] = [0]
    private var longestPhrase = 0

    /// Adds a phrase and returns its trie node, so callers can attach what it means.
    mutating func insert(_ phrase: String) -> Int32? {
        let keys = ScannedText.keys(of: phrase)
        guard !keys.isEmpty else { return nil }
        var node: Int32 = 0
        for key in keys {
            let token = table.insert(Proclitics.canonical(key))
            let edge = (UInt64(UInt32(node)) << 32) | UInt64(UInt32(token))
            let existing = edges.child(edge)
            if existing >= 0 {
                node = existing
            } else {
                let next = Int32(payloads.count)
                payloads.append(PhrasePayload())
                nodeFlags.append(0)
                edges.insert(edge, child: next)
                node = next
            }
        }
        longestPhrase = max(longestPhrase, keys.count)
        return node
    }

    mutating func update(_ node: Int32, _ change: (inout PhrasePayload) -> Void) {
        change(&payloads[Int(node)])
        let payload = payloads[Int(node)]
        nodeFlags[Int(node)] = (payload.namesSomething ? 1 : 0) | (payload.keywords.isEmpty && payload.contextFor.isEmpty ? 0 : 2)
    }

    /// Every key a text token may stand for: the whole token first, then its stems
    /// with proclitics removed (و ف, then ب ك ل, then ال or the ل of لل), each also
    /// without a leading article.
    func readings(of key: UnsafeBufferPointer<UInt8>, into readings: inout [Int32]) {
        readings.removeAll(keepingCapacity: true)
        let count = key.count
        guard count > 0 else { return }
        if count >= 4 && !table.mayEndLikeAKey(key) { return }
        let starts = Proclitics.stemStarts(key)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Proclitics.longestPrefixBytes + 1) { stemHashes in
            // One backward pass hashes every suffix; keep those where a stem may start.
            var hasher = StableHasher()
            var position = count
            while position > 0 {
                position -= 1
                hasher.combine(key[position])
                if position <= Proclitics.longestPrefixBytes { stemHashes[position] = hasher.value }
            }
            var offset = 0
            while offset <= Proclitics.longestPrefixBytes && offset < count {
                if starts & (1 << offset) != 0 {
                    let id = table.lookup(UnsafeBufferPointer(rebasing: key[offset...]), hash: stemHashes[offset])
                    if id >= 0 && !readings.contains(id) { readings.append(id) }
                }
                offset += 2
            }
        }
    }

    func next(_ node: Int32, _ token: Int32) -> Int32? {
        let child = edges.child((UInt64(UInt32(node)) << 32) | UInt64(UInt32(token)))
        return child >= 0 ? child : nil
    }

    struct Match {
        var node: Int32
        var firstToken: Int
        var endToken: Int
    }

    /// Finds names (leftmost, longest, not overlapping), the names nested inside
    /// those (not inside exclusions), and every keyword or context phrase.
    func matches(in text: ScannedText) -> (names: [Match], nested: [Match], others: [Match]) {
        var names: [Match] = []
        var nested: [Match] = []
        var others: [Match] = []
        let count = text.tokenCount
        guard count > 0 else { return ([], [], []) }
        // Readings per token, flattened: token i's readings are readingIDs[readingStart[i]..<readingStart[i+1]].
        var readingIDs: [Int32] = []
        var readingStart = [Int32](repeating: 0, count: count + 1)
        var scratch: [Int32] = []
        scratch.reserveCapacity(8)
        text.keyBytes.withUnsafeBufferPointer { keys in
            for token in 0..<count {
                let start = Int(text.keyOffset[token])
                let end = Int(text.keyOffset[token + 1])
                readings(of: UnsafeBufferPointer(rebasing: keys[start..<end]), into: &scratch)
                readingIDs.append(contentsOf: scratch)
                readingStart[token + 1] = Int32(readingIDs.count)
            }
        }
        var nameFrontier = 0
        var stack: [(node: Int32, nextToken: Int)] = []
        for first in 0..<count where readingStart[first] != readingStart[first + 1] {
            var bestNameEnd = -1
            var bestNameNode: Int32 = 0
            stack.removeAll(keepingCapacity: true)
            stack.append((0, first))
            while let (node, token) = stack.popLast() {
                guard token < count, token - first < longestPhrase else { continue }
                // The whole-token reading comes first, so it wins a tie.
                for reading in Int(readingStart[token])..<Int(readingStart[token + 1]) {
                    guard let child = next(node, readingIDs[reading]) else { continue }
                    let flags = nodeFlags[Int(child)]
                    if flags & 1 != 0 && token + 1 > bestNameEnd {
                        bestNameEnd = token + 1
                        bestNameNode = child
                    }
                    if flags & 2 != 0 {
                        others.append(Match(node: child, firstToken: first, endToken: token + 1))
                    }
                    stack.append((child, token + 1))
                }
            }
            if bestNameEnd > 0 {
                if first >= nameFrontier {
                    names.append(Match(node: bestNameNode, firstToken: first, endToken: bestNameEnd))
                    nameFrontier = bestNameEnd
                } else if bestNameEnd <= nameFrontier, let outer = names.last {
                    let outerEntities = payloads[Int(outer.node)].entities.map(\.entity)
                    let innerEntities = payloads[Int(bestNameNode)].entities.map(\.entity)
                    // Inside an exclusion nothing counts; inside a name, only other entities do.
                    if !outerEntities.isEmpty && !innerEntities.contains(where: outerEntities.contains) {
                        nested.append(Match(node: bestNameNode, firstToken: first, endToken: bestNameEnd))
                    }
                }
            }
        }
        return (names, nested, others)
    }
}
