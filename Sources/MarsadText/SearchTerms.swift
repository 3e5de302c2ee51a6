/// The words a match key gives the search index, worked out ahead of time:
/// each token of ``MatchKeyTokenizer`` as its ``LightStemmer`` document stems,
/// written out so that the index's tokenizer only has to split them. The
/// readers compute it on every core while the single writer only indexes.
///
/// The form starts with U+0001, which no match key contains (control
/// characters are dropped), so a tokenizer tells it from a match key by its
/// first byte. Positions are separated by a space, and the alternative stems
/// of one position (the word with and without its proclitics) by a tab;
/// stems never contain either.
///
/// ```swift
/// SearchTerms.document("وروسيا تدعم اللاجئين")  // "\u{1}وروسيا\tروسيا تدعم لاجي"
/// ```
public enum SearchTerms {
    static let marker: UInt8 = 0x01
    static let positionSeparator: UInt8 = 0x20
    static let alternativeSeparator: UInt8 = 0x09

    /// The document stems of every word of a match key, in the form above.
    public static func document(_ matchKey: String) -> String {
        var key = matchKey
        key.makeContiguousUTF8()
        return key.utf8.withContiguousStorageIfAvailable { bytes in
            var terms: [UInt8] = [marker]
            terms.reserveCapacity(bytes.count + bytes.count / 4)
            MatchKeyTokenizer.forEachTokenRange(bytes) { range in
                let word = UnsafeBufferPointer(rebasing: bytes[range])
                var first = true
                if terms.count > 1 { terms.append(positionSeparator) }
                LightStemmer.forEachDocumentStem(word) { stem in
                    if !first { terms.append(alternativeSeparator) }
                    terms.append(contentsOf: UnsafeBufferPointer(rebasing: word[stem]))
                    first = false
                }
            }
            return String(decoding: terms, as: UTF8.self)
        }!
    }

    /// Whether `bytes` are in the form ``document(_:)`` writes rather than a match key.
    public static func isDocumentForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.first == marker
    }

    /// Calls `body` with each stem of text in the form ``document(_:)`` writes, and whether it is
    /// an alternative of the stem before it (same position). Stops at the first non-zero result,
    /// which it returns.
    public static func forEachStem(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ stem: Range<Int>, _ isAlternative: Bool) -> Int32
    ) -> Int32 {
        var start = 1
        var isAlternative = false
        var index = 1
        while index <= bytes.count {
            let byte = index < bytes.count ? bytes[index] : positionSeparator
            if byte == positionSeparator || byte == alternativeSeparator {
                if index > start {
                    let code = body(start..<index, isAlternative)
                    if code != 0 { return code }
                }
                isAlternative = byte == alternativeSeparator
                start = index + 1
            }
            index += 1
        }
        return 0
    }
}
