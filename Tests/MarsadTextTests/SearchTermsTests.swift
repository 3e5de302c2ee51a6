import Testing

@testable import MarsadText

/// Each word's document stems, a list per position, worked out word by word.
func documentStemsByPosition(_ key: String) -> [[String]] {
    MatchKeyTokenizer.tokens(in: key).map { LightStemmer.documentStems($0.text) }
}

/// What the search index's tokenizer reads back from ``SearchTerms/document(_:)``.
func searchTermsByPosition(_ terms: String) -> [[String]] {
    var bytes = Array(terms.utf8)
    return bytes.withUnsafeMutableBufferPointer { mutable in
        let bytes = UnsafeBufferPointer(mutable)
        var positions: [[String]] = []
        #expect(SearchTerms.isDocumentForm(bytes))
        _ = SearchTerms.forEachStem(bytes) { stem, isAlternative in
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[stem]), as: UTF8.self)
            if isAlternative, !positions.isEmpty { positions[positions.count - 1].append(text) } else { positions.append([text]) }
            return 0
        }
        return positions
    }
}

@Suite("Search terms worked out ahead of time")
struct SearchTermsTests {
    @Test("They are each word's document stems, alternatives at one position, in order")
    func sameAsStemmingWordByWord() {
        for text in [
            "وروسيا تدعم اللاجئين وللمؤتمر", "ارتفع المؤشر 1.5٪ في الرياض", "Russia don't f16ات", "ع", "",
            "  ، ؟ !", "بالاتفاقيات والسوريين فلبنان كتاب",
        ] {
            let key = TextNormalizer.matchKey(text)
            #expect(searchTermsByPosition(SearchTerms.document(key)) == documentStemsByPosition(key), "\(text)")
        }
        #expect(searchTermsByPosition(SearchTerms.document(TextNormalizer.matchKey("وروسيا اللاجئين"))) == [["وروسيا", "روسيا"], ["لاجي"]])
    }

    @Test("No match key is mistaken for them")
    func matchKeysAreNotTheForm() {
        for text in ["\u{1}روسيا", "\u{1}", "a\u{1}b"] {
            let key = TextNormalizer.matchKey(text)
            #expect(key.utf8.first != 0x01)
            #expect(SearchTerms.document(key).utf8.first == 0x01)
        }
    }

    @Test("A non-zero result stops the walk and is returned")
    func stopsOnError() {
        var bytes = Array(SearchTerms.document("روسيا تدعم لبنان").utf8)
        var seen = 0
        let code = bytes.withUnsafeMutableBufferPointer { mutable in
            SearchTerms.forEachStem(UnsafeBufferPointer(mutable)) { _, _ in
                seen += 1
                return seen == 2 ? 7 : 0
            }
        }
        #expect(code == 7)
        #expect(seen == 2)
    }
}
