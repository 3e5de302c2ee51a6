import Testing

@testable import MarsadText

@Suite struct SearchSnippetTests {
    func snippet(_ query: String, in text: String, words: Int = 16) throws -> String? {
        try SearchQuery.parse(query).snippet(of: text, words: words, highlight: ("<", ">"))
    }

    @Test func matchedWordsAreShownAsTheTextSpellsThem() throws {
        // The index matches on the match key (اللاجيين, ماساه); the reader sees the stored spelling.
        #expect(try snippet("لاجئين", in: "وصلت مأساة اللاجئين إلى أوروبا") == "وصلت مأساة <اللاجئين> إلى أوروبا")
        #expect(try snippet("مأساة", in: "وصلت مأساة اللاجئين إلى أوروبا") == "وصلت <مأساة> اللاجئين إلى أوروبا")
    }

    @Test func everyFormTheIndexMatchesIsHighlighted() throws {
        let text = "عاد اللاجئون، وقال لاجئ إن للاجئين حقوقا. والمخيمات مكتظة."
        #expect(try snippet("لاجئين", in: text) == "عاد <اللاجئون>، وقال <لاجئ> إن <للاجئين> حقوقا. والمخيمات مكتظة")
        #expect(try snippet("مخيم*", in: text) == "عاد اللاجئون، وقال لاجئ إن للاجئين حقوقا. <والمخيمات> مكتظة")
        #expect(try snippet("Russia OR روسيا", in: "Russia و روسيا") == "<Russia> و <روسيا>")
    }

    @Test func thePassageIsTheWindowWithMostQueryWords() throws {
        let filler = (1...30).map { "كلمة\($0)" }.joined(separator: " ")
        let text = "دمشق في البداية " + filler + " ثم اجتمع لافروف في دمشق اليوم " + filler
        let passage = try #require(try snippet("لافروف دمشق", in: text, words: 6))
        #expect(passage.contains("<لافروف> في <دمشق>"))
        #expect(passage.hasPrefix("… "))
        #expect(passage.hasSuffix(" …"))
        // The text's opening words are not cut.
        #expect(try snippet("دمشق", in: "دمشق في البداية", words: 6) == "<دمشق> في البداية")
    }

    @Test func namesAreShownOnlyWhereTheirWordsStandSideBySide() throws {
        let names = [["باراك", "اوباما"], ["الرييس", "اوباما"]]
        let text = "قال الرئيس الأمريكي باراك أوباما إن رئيس الوزراء التقى الرئيس أوباما"
        #expect(try SearchQuery.parse("Obama").snippet(of: text, names: names, highlight: ("<", ">"))
            == "قال الرئيس الأمريكي <باراك> <أوباما> إن رئيس الوزراء التقى <الرئيس> <أوباما>")
        #expect(try SearchQuery.parse("Obama").snippet(of: "قال الرئيس إن رئيس الوزراء", names: names) == nil)
    }

    @Test func onlyTheOpeningOfAHugeTextIsSearched() throws {
        let filler = String(repeating: "كلمة ", count: SearchQuery.searchedBytes / 8)  // 9 bytes each
        #expect(try snippet("دمشق", in: "دمشق " + filler)?.hasPrefix("<دمشق>") == true)
        #expect(try snippet("دمشق", in: filler + "دمشق") == nil)
        // Cut between scalars: two-byte letters cut at an odd offset lose their first byte's letter whole.
        #expect(SearchQuery.opening(of: "دمشق", maxBytes: 3) == "د")
    }

    @Test func noMatchedWordMeansNoPassage() throws {
        #expect(try snippet("موسكو", in: "اجتماع في دمشق") == nil)
        #expect(try SearchQuery.parse("").snippet(of: "اجتماع في دمشق") == nil)
    }
}
