import Testing

@testable import MarsadText

@Suite("Light stemming for search")
struct LightStemmerTests {
    /// Stems of words as they come out of the match key.
    func stem(_ word: String) -> String { LightStemmer.stem(TextNormalizer.matchKey(word)) }

    @Test("Singular, plurals, feminine and the article meet in one stem")
    func inflectionsMeet() {
        let forms = ["لاجئ", "لاجئون", "لاجئين", "اللاجئين", "لاجئة", "لاجئات", "اللاجئات", "واللاجئين", "باللاجئين"]
        #expect(Set(forms.map(stem)) == ["لاجي"])
        #expect(stem("الانتخابات") == stem("انتخاب"))
        #expect(stem("سياراته") == stem("السيارة"))
        #expect(stem("اتفاقياتها") == stem("الاتفاقية"))
        #expect(stem("السوريين") == stem("سوري"))
    }

    @Test("Names and short words keep what makes them")
    func namesSurvive() {
        #expect(stem("لبنان") == "لبنان")
        #expect(stem("روسيا") == "روسيا")
        #expect(stem("روسيا") != stem("روسي"))
        #expect(stem("وزير") == "وزير")
        #expect(stem("بلد") == "بلد")
        #expect(stem("قوات") == "قوات")
        #expect(stem("والد") == "والد")
        #expect(stem("وكالات") == "وكال")
        #expect(stem("الدين") == "دين")
    }

    @Test("Latin words, digits and mixed tokens are their own stems")
    func nonArabic() {
        #expect(stem("Russia") == "russia")
        #expect(stem("2015") == "2015")
        #expect(stem("f16ات") == "f16ات")
        #expect(LightStemmer.documentStems("ع") == ["ع"])
    }

    @Test("A document word stands for itself and for itself without a lone proclitic")
    func documentAlternatives() {
        func stems(_ word: String) -> [String] { LightStemmer.documentStems(TextNormalizer.matchKey(word)) }
        #expect(stems("وروسيا") == ["وروسيا", "روسيا"])
        #expect(stems("بموسكو") == ["بموسكو", "موسكو"])
        #expect(stems("وبدمشق") == ["وبدمشق", "بدمشق", "دمشق"])
        #expect(stems("للاجئين") == ["للاجي", "لاجي", "اجي"])
        #expect(stems("للمؤتمر") == ["للموتمر", "لموتمر", "موتمر"])
        // The article is certain: no alternatives.
        #expect(stems("والحكومة") == ["حكوم"])
        // Too short to carry a proclitic.
        #expect(stems("بلد") == ["بلد"])
    }

    @Test("A query word after لل stands for both readings; other query words only for themselves")
    func queryAlternatives() {
        func stems(_ word: String) -> [String] { LightStemmer.queryStems(TextNormalizer.matchKey(word)) }
        #expect(stems("للاجئين") == ["للاجي", "لاجي", "اجي"])
        #expect(stems("وللمؤتمر") == ["وللموتمر", "لموتمر", "موتمر"])
        #expect(stems("وروسيا") == ["وروسيا"])
        #expect(stems("اللاجئين") == ["لاجي"])
    }

    @Test("Every stem is a slice of the word's bytes")
    func stemsAreSlices() {
        for word in ["اللاجئين", "وروسيا", "Syria", "للمؤتمر", "ها"] {
            let key = TextNormalizer.matchKey(word)
            for stem in LightStemmer.documentStems(key) {
                #expect(key.contains(stem))
            }
        }
    }
}
