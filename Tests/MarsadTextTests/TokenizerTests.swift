import Testing

@testable import MarsadText

@Suite("Match-key tokens and alignment")
struct TokenizerTests {
    @Test("Tokens are runs of letters and digits, with byte ranges into the key")
    func tokensAndRanges() {
        let key = TextNormalizer.matchKey("ارتفع المؤشر 1.5٪ في الرياض، وقال Mr. Smith: «نعم»")
        let tokens = MatchKeyTokenizer.tokens(in: key)
        #expect(tokens.map(\.text) == ["ارتفع", "الموشر", "1.5", "في", "الرياض", "وقال", "mr", "smith", "نعم"])
        let utf8 = Array(key.utf8)
        for token in tokens {
            #expect(String(decoding: utf8[token.utf8Range], as: UTF8.self) == String(token.text))
        }
    }

    @Test("Numbers keep inner separators; apostrophes join only Latin letters")
    func joiners() {
        let tokens = MatchKeyTokenizer.tokens(in: "1,000 3.5. don't 'x' 12.07.2015 ا.ب").map(\.text)
        #expect(tokens == ["1,000", "3.5", "don't", "x", "12.07.2015", "ا", "ب"])
    }

    @Test("Empty, separator-only and supplementary-plane text")
    func edges() {
        #expect(MatchKeyTokenizer.tokens(in: "").isEmpty)
        #expect(MatchKeyTokenizer.tokens(in: " ,.-«» \n").isEmpty)
        #expect(MatchKeyTokenizer.tokens(in: "a😀b 𝐀").map(\.text) == ["a", "b", "𝐀"])
    }

    @Test("The aligned key equals the match key, and maps back to the display form")
    func alignment() {
        let text = "قالَ الرئيسُ  «بشار الأسد» ﻻ يتراجع، Mr. PUTIN"
        let aligned = AlignedText(text)
        #expect(aligned.display == TextNormalizer.displayForm(text))
        #expect(aligned.matchKey == TextNormalizer.matchKey(text))
        let byKey = Dictionary(aligned.tokens.map { (String($0.text), $0) }, uniquingKeysWith: { first, _ in first })
        #expect(aligned.displayText(of: byKey["قال"]!) == "قالَ")
        #expect(aligned.displayText(of: byKey["الرييس"]!) == "الرئيسُ")
        #expect(aligned.displayText(of: byKey["الاسد"]!) == "الأسد")
        #expect(aligned.displayText(of: byKey["لا"]!) == "لا")
        #expect(aligned.displayText(of: byKey["putin"]!) == "PUTIN")
        // A phrase across a space.
        let bashar = byKey["بشار"]!.utf8Range.lowerBound
        let assad = byKey["الاسد"]!.utf8Range.upperBound
        #expect(aligned.displayUTF8Range(forKeyUTF8: bashar..<assad).count == "بشار الأسد".utf8.count)
    }

    @Test("Alignment agrees with the match key on generated inputs")
    func alignmentOnGeneratedInputs() {
        for sample in EquivalenceSamples.all {
            let aligned = AlignedText(sample)
            #expect(aligned.matchKey == TextNormalizer.matchKey(sample))
            for token in aligned.tokens {
                let range = aligned.displayUTF8Range(forKeyUTF8: token.utf8Range)
                #expect(range.upperBound <= aligned.display.utf8.count)
                #expect(TextNormalizer.matchKey(String(aligned.displayText(of: token))).contains(token.text))
            }
        }
    }
}
