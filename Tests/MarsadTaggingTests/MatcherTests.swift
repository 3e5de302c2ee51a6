import Testing
@testable import MarsadTagging

@Suite struct MatcherTests {
    let tagger: Tagger
    init() throws { tagger = try Fixtures.tagger() }

    func ids(_ text: String) -> Set<String> { Fixtures.entityIDs(text, tagger: tagger) }

    @Test(arguments: ["لافرنتييف", "لافرنتيف", "لافرينتيف", "ألكسندر لافرنتييف"])
    func spellingVariantsOfOnePerson(_ form: String) {
        #expect(ids("قال المبعوث \(form) للصحفيين") == ["alexander-lavrentiev"])
    }

    @Test(arguments: ["أستانا", "استانا", "نور سلطان", "نور السلطان"])
    func placeVariants(_ form: String) {
        #expect(ids("عقدت الجولة في \(form) أمس") == ["astana"])
    }

    @Test(arguments: ["داعش", "تنظيم الدولة", "الدولة الإسلامية", "تنظيم الدولة الإسلامية", "الدولة الاسلامية"])
    func isisNames(_ form: String) {
        #expect(ids("هاجم \(form) القرية") == ["isis"])
    }

    @Test(arguments: [
        "روسيا", "وروسيا", "فروسيا", "بروسيا", "لروسيا", "كروسيا", "وبروسيا", "ولروسيا", "فبروسيا", "فلروسيا",
    ])
    func conjunctionsAndPrepositions(_ form: String) {
        #expect(ids("\(form) اليوم") == ["russia"])
    }

    @Test(arguments: [
        "العراق", "والعراق", "فالعراق", "بالعراق", "كالعراق", "للعراق", "وبالعراق", "وكالعراق", "فبالعراق", "وللعراق", "فللعراق",
    ])
    func articleCombinations(_ form: String) {
        #expect(ids("جاء \(form) اليوم") == ["iraq"])
    }

    @Test(arguments: ["روسي", "روسية", "الروسية", "والروسية", "الروس", "للروس", "روسيّة"])
    func nisbaFormsCountForTheCountry(_ form: String) {
        #expect(ids("قالت المصادر \(form)") == ["russia"])
    }

    @Test func diacriticsAndHamzaAreFolded() {
        #expect(ids("سُورِيَّة") == ["syria"])
        #expect(ids("امريكا") == ["united-states"])
        #expect(ids("أمريكا") == ["united-states"])
    }

    @Test func presentationFormsAndLookalikeLettersAreFolded() {
        // روسيا in presentation forms, and with a Persian yeh.
        #expect(ids("\u{FEAE}\u{FEED}\u{FEB3}\u{FEF4}\u{FE8E} اليوم") == ["russia"])
        #expect(ids("روس\u{06CC}ا اليوم") == ["russia"])
    }

    @Test func multiWordNamesPreferTheLongestMatch() {
        let result = tagger.tag(TaggingInput(title: "", body: "وفد الجمهورية العربية السورية وصل"))
        #expect(result.entities.map(\.id) == ["syria"])
        #expect(result.entities.first?.forms == ["الجمهورية العربية السورية"])
        #expect(result.entities.first?.count == 1)
    }

    @Test func mentionsAreCountedWithFormsAndSpans() throws {
        let body = "التقى لافروف نظيره. وقال لافروف إن روسيا مستعدة."
        let result = tagger.tag(TaggingInput(title: "", body: body))
        let lavrov = try #require(result.entities.first { $0.id == "sergey-lavrov" })
        #expect(lavrov.count == 2)
        #expect(lavrov.forms == ["لافروف"])
        let bytes = Array(body.utf8)
        for span in lavrov.spans {
            #expect(!span.inHeadline)
            #expect(String(decoding: bytes[span.start..<span.end], as: UTF8.self) == "لافروف")
        }
    }

    @Test func headlineSpansPointIntoTheTitle() throws {
        let result = tagger.tag(TaggingInput(title: "لافروف في دمشق", body: "وصل الوزير."))
        let damascus = try #require(result.entities.first { $0.id == "damascus" })
        #expect(damascus.spans == [TextSpan(inHeadline: true, start: "لافروف في ".utf8.count, end: "لافروف في دمشق".utf8.count)])
    }

    @Test func englishFormsMatchCaseInsensitivelyOnWordBoundaries() {
        #expect(ids("Lavrov met Syrian officials") == ["sergey-lavrov", "syria"])
        #expect(ids("RUSSIAN troops") == ["russia"])
        #expect(ids("Russianness is a word") == [])
    }

    @Test func excludedPhrasesHideTheNameInside() {
        #expect(ids("زار أمريكا اللاتينية") == [])
        #expect(ids("زار أمريكا الشمالية") == ["united-states"])
        #expect(ids("توفي حافظ الأسد عام 2000 في دمشق") == ["damascus"])
    }

    @Test func aCountryInsideALongerNameIsMentionedToo() throws {
        let tagger = Tagger(taxonomy: try Taxonomy.parse([
            TaxonomySource(path: "gazetteer/test.yaml", text: Fixtures.gazetteer + """

            - id: russian-ministry-of-defense
              type: organization
              en: Russian Ministry of Defense
              ar: وزارة الدفاع الروسية
              relations: [russia]
            """),
        ]))
        let result = tagger.tag(TaggingInput(title: "", body: "أعلنت وزارة الدفاع الروسية اليوم"))
        #expect(result.entities.map(\.id) == ["russian-ministry-of-defense", "russia"])
        // An exclusion hides the names inside it.
        #expect(Fixtures.entityIDs("زار أمريكا اللاتينية", tagger: tagger).isEmpty)
    }

    @Test(arguments: ["ألمانيا", "المانيا", "وألمانيا", "لألمانيا", "الألماني", "والألمانية", "بالألمانية", "للألمان"])
    func namesBeginningWithAlefLamKeepTheirProclitics(_ form: String) throws {
        let tagger = Tagger(taxonomy: try Taxonomy.parse([
            TaxonomySource(path: "gazetteer/test.yaml", text: "- {id: germany, type: country, en: Germany, ar: ألمانيا, variants: [ألماني, ألمانية, ألمان]}\n"),
        ]))
        #expect(Fixtures.entityIDs("قالت \(form) اليوم", tagger: tagger) == ["germany"])
    }

    @Test func unrelatedWordsStayUnmatched() {
        #expect(ids("كان الجو جميلا والبحر هادئا") == [])
    }
}

@Suite struct AmbiguityTests {
    let tagger: Tagger
    init() throws { tagger = try Fixtures.tagger() }

    func ids(_ text: String) -> Set<String> { Fixtures.entityIDs(text, tagger: tagger) }

    @Test func assadNeedsContext() {
        #expect(ids("هرب الأسد من حديقة الحيوان") == [])
        #expect(ids("قال الرئيس الأسد إن الحرب طويلة") == ["bashar-al-assad"])
        #expect(ids("اتهم المعارضون نظام الأسد بالقصف") == ["bashar-al-assad"])
    }

    @Test func assadConfirmedByOtherSyrianNamesInTheArticle() {
        #expect(ids("وصل الوفد إلى دمشق. ثم التقى الأسد بالوفد") == ["damascus", "bashar-al-assad"])
    }

    @Test func assadConfirmedByHisFullNameElsewhere() {
        #expect(ids("بشار الأسد يلقي كلمة. وأضاف الأسد أن") == ["bashar-al-assad"])
    }

    @Test func excludedPhraseBeatsContext() {
        #expect(ids("فاز الفيلم بجائزة الأسد الذهبي في دمشق") == ["damascus"])
    }

    @Test func hamaAsCityOrAsProtectors() {
        #expect(ids("قصف ريف حماة الشمالي") == ["hama"])
        #expect(ids("هم حماة الوطن والديار") == [])
    }

    @Test func unconfirmedFormsAreReportedForExplanations() {
        let analysis = tagger.analyze(TaggingInput(title: "", body: "هرب الأسد من القفص"))
        #expect(analysis.result.entities.isEmpty)
        #expect(analysis.unconfirmed.map(\.id) == ["bashar-al-assad"])
    }
}

@Suite struct ArticleOnlyNameTests {
    @Test func aNameWhoseStemIsAWordKeepsItsArticle() throws {
        let taxonomy = try Taxonomy.parse([TaxonomySource(path: "gazetteer/groups.yaml", text: """
            - id: hezbollah
              type: organization
              en: Hezbollah
              ar: حزب الله
            """)])
        let tagger = Tagger(taxonomy: taxonomy)
        #expect(Fixtures.entityIDs("قال إن الحزب له موقف واضح", tagger: tagger).isEmpty)
        #expect(Fixtures.entityIDs("أعلن حزب الله موقفه", tagger: tagger) == ["hezbollah"])
        #expect(Fixtures.entityIDs("وقال مسؤول في لحزب الله", tagger: tagger) == ["hezbollah"])
    }
}
