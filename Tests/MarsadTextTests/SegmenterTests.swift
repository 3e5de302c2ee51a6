import Testing

@testable import MarsadText

@Suite("Sentences and paragraphs")
struct SegmenterTests {
    private func sentences(_ text: String) -> [String] { TextSegmenter.sentences(in: text).map(String.init) }

    @Test("Arabic punctuation: ؟ ! . end sentences, ، and ؛ do not")
    func arabicPunctuation() {
        #expect(
            sentences("هل يتحقق الحلم؟ نعم، سيتحقق؛ قال ذلك الوزير. وأضاف: لن نتراجع!")
                == ["هل يتحقق الحلم؟", "نعم، سيتحقق؛ قال ذلك الوزير.", "وأضاف: لن نتراجع!"])
        #expect(sentences("ماذا حدث؟! لا أحد يعرف") == ["ماذا حدث؟!", "لا أحد يعرف"])
    }

    @Test("Decimals do not end sentences")
    func decimals() {
        #expect(sentences("بلغ العدد 1.1 ألف شخص. ثم ارتفع 3,5 بالمئة.") == ["بلغ العدد 1.1 ألف شخص.", "ثم ارتفع 3,5 بالمئة."])
        #expect(sentences("Growth was 2.5 percent. It fell.") == ["Growth was 2.5 percent.", "It fell."])
    }

    @Test("Abbreviations: Arabic titles, English titles, acronyms, initials")
    func abbreviations() {
        #expect(sentences("قال د. أحمد إن الوضع مستقر. وأكد م. خالد ذلك.") == ["قال د. أحمد إن الوضع مستقر.", "وأكد م. خالد ذلك."])
        #expect(sentences("حضر أ.د. محمد الندوة.") == ["حضر أ.د. محمد الندوة."])
        #expect(sentences("وقع ذلك عام 2015 م. ثم تغير كل شيء.") == ["وقع ذلك عام 2015 م.", "ثم تغير كل شيء."])
        #expect(
            sentences("Mr. Smith met Dr. Jones in the U.S. capital. J. Doe was there.")
                == ["Mr. Smith met Dr. Jones in the U.S. capital.", "J. Doe was there."])
        #expect(sentences("The deal, worth 5 bn. dollars, was signed.") == ["The deal, worth 5 bn. dollars, was signed."])
        #expect(sentences("روسيا تعلن عن قمة أستانا بشأن سوريا..التفاصيل كاملة") == ["روسيا تعلن عن قمة أستانا بشأن سوريا..التفاصيل كاملة"])
    }

    @Test("Short quotations are not split; the sentence ends after the closing quote")
    func quotations() {
        #expect(
            sentences("قال الوزير: «لن نتراجع. سنواصل العمل.» وأضاف أن الخطة جاهزة.")
                == ["قال الوزير: «لن نتراجع. سنواصل العمل.»", "وأضاف أن الخطة جاهزة."])
        #expect(
            sentences("He said “We will stay. We will fight.” Then he left.")
                == ["He said “We will stay. We will fight.”", "Then he left."])
        #expect(sentences("وصف «الاتفاق» بأنه تاريخي. وانتهى.") == ["وصف «الاتفاق» بأنه تاريخي.", "وانتهى."])
        // An unclosed quotation is split like ordinary text.
        #expect(sentences("قال: «لن نتراجع. سنواصل") == ["قال: «لن نتراجع.", "سنواصل"])
    }

    @Test("Newlines end sentences; paragraphs are the non-blank lines")
    func paragraphs() {
        let text = "  العنوان الرئيسي \n\n الفقرة الأولى. جملة ثانية\r\nالفقرة الثانية\n \n"
        #expect(
            TextSegmenter.paragraphs(in: text).map(String.init) == ["العنوان الرئيسي", "الفقرة الأولى. جملة ثانية", "الفقرة الثانية"])
        #expect(sentences(text) == ["العنوان الرئيسي", "الفقرة الأولى.", "جملة ثانية", "الفقرة الثانية"])
    }

    @Test("Empty and whitespace-only input")
    func empty() {
        #expect(sentences("").isEmpty)
        #expect(sentences(" \n\t ").isEmpty)
        #expect(TextSegmenter.paragraphs(in: "\n\n").isEmpty)
        #expect(sentences("...") == ["..."])
    }
}

@Suite("Language identification")
struct LanguageTests {
    @Test("Arabic, English and other texts")
    func basic() {
        #expect(LanguageIdentifier.identify("أعلنت وزارة الدفاع الروسية عن اجتماع قريب") == .arabic)
        #expect(LanguageIdentifier.identify("The Russian defence ministry announced a meeting") == .english)
        #expect(LanguageIdentifier.identify("Le ministère de la défense a annoncé une réunion") == .other)
        #expect(LanguageIdentifier.identify("El ministerio de defensa anunció una reunión con los aliados") == .other)
        #expect(LanguageIdentifier.identify("Министерство обороны России") == .other)
        #expect(LanguageIdentifier.identify("وزارت دفاع روسیه اعلام کرد که این نشست برگزار می شود") == .other)
    }

    @Test("Short texts")
    func short() {
        #expect(LanguageIdentifier.identify("سوريا") == .arabic)
        #expect(LanguageIdentifier.identify("Putin") == .english)
        #expect(LanguageIdentifier.identify("") == .other)
        #expect(LanguageIdentifier.identify("2015 — 12:30 !!") == .other)
    }

    @Test("Mixed texts go to the language of the prose, not of links and names")
    func mixed() {
        #expect(
            LanguageIdentifier.identify("المصدر: https://www.example.com/news/politics/article-12345 وكالة SANA") == .arabic)
        #expect(LanguageIdentifier.identify("قال Vladimir Putin إن Moscow سترد") == .arabic)
        #expect(LanguageIdentifier.identify("The meeting with بشار الأسد took place in Damascus on Monday") == .english)
        #expect(LanguageIdentifier.identify("Contact: editor@example.com — وزارة الخارجية") == .arabic)
    }

    @Test("The function-word table finds each list's words in that list only, and no other word")
    func functionWords() {
        typealias Counts = LanguageIdentifier.ScriptCounts
        let table = LanguageIdentifier.FunctionWords.all
        let lists: [(LanguageIdentifier.FunctionWords.Lists, [LanguageIdentifier.PackedWord])] = [
            (.persian, Counts.persianWords), (.arabic, Counts.arabicWords), (.english, Counts.englishWords),
            (.otherLatin, Counts.otherLatinWords),
        ]
        for (list, words) in lists {
            for word in words {
                let expected = lists.filter { $0.1.contains(word) }.reduce(into: LanguageIdentifier.FunctionWords.Lists()) { $0.insert($1.0) }
                #expect(table.lists(of: word) == expected)
                #expect(table.lists(of: word).contains(list))
            }
        }
        for word in ["وزارة", "ministry", "the2", "ال", "zu0", "a".padding(toLength: 16, withPad: "b", startingAt: 0)] {
            #expect(table.lists(of: LanguageIdentifier.PackedWord(word)!).isEmpty, "\(word)")
        }
    }
}
