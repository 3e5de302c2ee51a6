import GRDB
import MarsadText

/// Splits match keys into words as ``MatchKeyTokenizer`` does and indexes
/// their light stems (``LightStemmer``): a document word gives its stem and,
/// at the same position, its stems without a lone proclitic; a query word
/// gives its stem (and, after لل, the stems that reading allows), which the
/// query matches as a prefix of the indexed stems. Text already in the form of
/// ``SearchTerms/document(_:)`` (what recording inserts) is only split.
final class ArabicSearchTokenizer: FTS5CustomTokenizer {
    static let name = "marsad_arabic"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        return pText.withMemoryRebound(to: UInt8.self, capacity: Int(nText)) { start in
            let text = UnsafeBufferPointer(start: start, count: Int(nText))
            let isQuery = tokenization.contains(.query)
            if !isQuery, SearchTerms.isDocumentForm(text) {
                // Stemmed by the reader: only split. Offsets are never used for inserted text.
                return SearchTerms.forEachStem(text) { stem, isAlternative in
                    let pointer = UnsafeRawPointer(start + stem.lowerBound).assumingMemoryBound(to: CChar.self)
                    return tokenCallback(
                        context, isAlternative ? FTS5TokenFlags.colocated.rawValue : 0, pointer, CInt(stem.count),
                        CInt(stem.lowerBound), CInt(stem.upperBound)
                    )
                }
            }
            for range in MatchKeyTokenizer.tokenRanges(text) {
                let word = UnsafeBufferPointer(rebasing: text[range])
                func emit(_ stem: Range<Int>, colocated: Bool) -> CInt {
                    let pointer = UnsafeRawPointer(word.baseAddress! + stem.lowerBound).assumingMemoryBound(to: CChar.self)
                    return tokenCallback(
                        context, colocated ? FTS5TokenFlags.colocated.rawValue : 0, pointer, CInt(stem.count),
                        CInt(range.lowerBound), CInt(range.upperBound)
                    )
                }
                var code: CInt = 0
                var first = true
                // Colocated stems are alternatives: in a document, one position; in a query, either one matches.
                func emitAlternative(_ stem: Range<Int>) {
                    guard code == 0 else { return }
                    code = emit(stem, colocated: !first)
                    first = false
                }
                if isQuery {
                    LightStemmer.forEachQueryStem(word, emitAlternative)
                } else {
                    LightStemmer.forEachDocumentStem(word, emitAlternative)
                }
                if code != 0 { return code }
            }
            return 0
        }
    }
}
