/// Light stemming of match-key words for search, in the manner of Larkey's
/// light10 but tuned for names: the article and the proclitics before it are
/// stripped, then one pass of common suffixes (ها هم ه ات ون ين), never
/// leaving fewer than three letters. Final ي and ان are kept so that سوري
/// and لبنان survive, and a lone و ف ب ك ل is never stripped from a query
/// word, because it begins too many words (وزير, بلد, كتاب).
///
/// A document word may carry such a lone proclitic, so for documents the
/// stemmer gives alternatives: the word's own stem, then the stems without
/// each proclitic it may carry (وروسيا → وروسيا, روسيا; للاجئين →
/// للاجي, لاجي, اجي). Indexed at the same position, they let a query
/// word find the word with or without its proclitic while the query itself
/// stays as typed.
///
/// Works on the UTF-8 bytes of one match-key token (``MatchKeyTokenizer``);
/// every stem is a byte range of the token, so nothing is allocated. A token
/// with anything but Arabic letters (Latin, digits) is its own stem.
///
/// ```swift
/// LightStemmer.stem("اللاجيين")           // "لاجي"
/// LightStemmer.stem("لاجيات")             // "لاجي"
/// LightStemmer.documentStems("وروسيا")    // ["وروسيا", "روسيا"]
/// ```
public enum LightStemmer {
    /// The stem of a query word: the article (with any proclitic before it) and a suffix stripped.
    public static func stem(_ token: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard let letters = ArabicLetters(token) else { return 0..<token.count }
        return letters.byteRange(letters.strippingSuffix(from: letters.articleEnd(), to: letters.count))
    }

    /// The stems a query word stands for: its ``stem(_:)``, and for a word
    /// that starts with لل (ل with the article, or ل before a word that
    /// begins with ل) its stems without ل and without لل, since only the
    /// reader knows which: للاجئين is ل + اللاجئين, للمؤتمر is ل + المؤتمر.
    public static func forEachQueryStem(_ token: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        let own = stem(token)
        body(own)
        guard let letters = ArabicLetters(token), letters.count >= 5 else { return }
        let start = letters.isConjunction(at: 0) ? 1 : 0
        guard letters.count - start >= 5, letters[start] == Letter.lam, letters[start + 1] == Letter.lam else { return }
        for stripped in [start + 1, start + 2] {
            let range = letters.byteRange(letters.strippingSuffix(from: stripped, to: letters.count))
            if range != own { body(range) }
        }
    }

    /// The stems a document word may stand for, the word's own ``stem(_:)``
    /// first, without repeats; calls `body` once for each.
    public static func forEachDocumentStem(_ token: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        guard let letters = ArabicLetters(token) else { return body(0..<token.count) }
        let own = letters.strippingSuffix(from: letters.articleEnd(), to: letters.count)
        body(letters.byteRange(own))
        guard own.lowerBound == 0, letters.count >= 4 else { return }
        // No article: the word may still carry lone proclitics (و or ف, then ب ك or ل).
        // At most four stems; repeats are dropped without allocating.
        var emitted = (own, own, own)
        var emittedCount = 0
        func offer(_ start: Int) {
            let stem = letters.strippingSuffix(from: start, to: letters.count)
            if stem == own || (emittedCount > 0 && stem == emitted.0) || (emittedCount > 1 && stem == emitted.1) { return }
            switch emittedCount {
            case 0: emitted.0 = stem
            case 1: emitted.1 = stem
            default: emitted.2 = stem
            }
            emittedCount += 1
            body(letters.byteRange(stem))
        }
        func offerPrepositions(after start: Int) {
            guard letters.count - start >= 4, letters.isPreposition(at: start) else { return }
            offer(start + 1)
            // ل before the article loses the article's alef: للمؤتمر is ل + المؤتمر, للاجئين is ل + اللاجئين.
            if letters[start] == Letter.lam, letters[start + 1] == Letter.lam, letters.count - start >= 5 {
                offer(start + 2)
            }
        }
        if letters.isConjunction(at: 0) {
            offer(1)
            offerPrepositions(after: 0)
            offerPrepositions(after: 1)
        } else {
            offerPrepositions(after: 0)
        }
    }

    /// ``stem(_:)`` of a single word given as text.
    public static func stem(_ word: some StringProtocol) -> String {
        withBytes(word) { bytes in String(decoding: UnsafeBufferPointer(rebasing: bytes[stem(bytes)]), as: UTF8.self) }
    }

    /// The alternatives ``forEachQueryStem(_:_:)`` gives for one word given as text.
    public static func queryStems(_ word: some StringProtocol) -> [String] {
        withBytes(word) { bytes in
            var stems: [String] = []
            forEachQueryStem(bytes) { stems.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)) }
            return stems
        }
    }

    /// The alternatives ``forEachDocumentStem(_:_:)`` gives for one word given as text.
    public static func documentStems(_ word: some StringProtocol) -> [String] {
        withBytes(word) { bytes in
            var stems: [String] = []
            forEachDocumentStem(bytes) { stems.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)) }
            return stems
        }
    }

    private static func withBytes<Result>(_ word: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer(body)
    }
}

/// Match-key letters as their two UTF-8 bytes, big-endian.
enum Letter {
    static let alef: UInt16 = 0xD8A7
    static let beh: UInt16 = 0xD8A8
    static let teh: UInt16 = 0xD8AA
    static let feh: UInt16 = 0xD981
    static let kaf: UInt16 = 0xD983
    static let lam: UInt16 = 0xD984
    static let meem: UInt16 = 0xD985
    static let noon: UInt16 = 0xD986
    static let heh: UInt16 = 0xD987
    static let waw: UInt16 = 0xD988
    static let yeh: UInt16 = 0xD98A
}

/// A token made only of Arabic letters (U+0600–U+067F, two UTF-8 bytes each), indexed by letter.
struct ArabicLetters {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard lead == 0xD8 || lead == 0xD9, bytes[index + 1] & 0xC0 == 0x80 else { return nil }
            index += 2
        }
        self.bytes = bytes
        count = bytes.count / 2
    }

    subscript(_ index: Int) -> UInt16 {
        UInt16(bytes[2 * index]) << 8 | UInt16(bytes[2 * index + 1])
    }

    func byteRange(_ letters: Range<Int>) -> Range<Int> { 2 * letters.lowerBound..<2 * letters.upperBound }

    func isConjunction(at index: Int) -> Bool { self[index] == Letter.waw || self[index] == Letter.feh }

    func isPreposition(at index: Int) -> Bool {
        let letter = self[index]
        return letter == Letter.beh || letter == Letter.kaf || letter == Letter.lam
    }

    /// Where the word starts after the article: ال leaving two letters or
    /// more, or وال فال بال كال وبال … leaving three or more; otherwise 0.
    func articleEnd() -> Int {
        var start = 0
        if count > start, isConjunction(at: start) { start += 1 }
        if count > start, self[start] == Letter.beh || self[start] == Letter.kaf { start += 1 }
        let end = start + 2
        guard count >= end, self[start] == Letter.alef, self[start + 1] == Letter.lam else {
            return bareArticleEnd()
        }
        return count - end >= (start == 0 ? 2 : 3) ? end : bareArticleEnd()
    }

    private func bareArticleEnd() -> Int {
        count >= 4 && self[0] == Letter.alef && self[1] == Letter.lam ? 2 : 0
    }

    /// Strips suffixes in one pass, in this order, each at most once and only
    /// when three letters stay: ها, هم, ه (also teh marbuta, which the match
    /// key writes as heh), ات, ون, ين.
    func strippingSuffix(from start: Int, to end: Int) -> Range<Int> {
        var end = end
        func endsWith(_ last: UInt16, after previous: UInt16) -> Bool {
            end - start >= 5 && self[end - 1] == last && self[end - 2] == previous
        }
        if endsWith(Letter.alef, after: Letter.heh) { end -= 2 }
        if endsWith(Letter.meem, after: Letter.heh) { end -= 2 }
        if end - start >= 4, self[end - 1] == Letter.heh { end -= 1 }
        if endsWith(Letter.teh, after: Letter.alef) { end -= 2 }
        if endsWith(Letter.noon, after: Letter.waw) { end -= 2 }
        if endsWith(Letter.noon, after: Letter.yeh) { end -= 2 }
        return start..<end
    }
}
