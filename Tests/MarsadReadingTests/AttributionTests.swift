import Testing
@testable import MarsadReading

@Suite("Outlets, credits and authors")
struct AttributionTests {
    let reader = ArticleReader(outletNames: ["هيومن فويس", "Human Voice"])

    func read(_ lines: [String]) throws -> ReadArticle {
        try #require(try reader.read(Array(lines.joined(separator: "\n\n").utf8), fileName: "page.txt").first)
    }

    @Test(arguments: ["المصدر: وكالات", "المصدر: (وكالات)", "المصدر: رويترز", "المصدر: أ ف ب"])
    func wireCreditIsNotTheOutlet(_ line: String) throws {
        let article = try read([Fixtures.title] + Fixtures.paragraphs + [line])
        #expect(article.source == nil)
        #expect(article.credit.map { !$0.isEmpty } == true)
        #expect(!article.body.contains(line))
    }

    @Test func outletAttributionStaysTheSource() throws {
        let article = try read([Fixtures.title] + Fixtures.paragraphs + ["المصدر: الجزيرة نت"])
        #expect(article.source == "الجزيرة نت")
        #expect(article.credit == nil)
    }

    @Test func anOutletsNameUnderTheTitleIsTheSourceNotTheAuthor() throws {
        let article = try read(["سياسة", Fixtures.title, "هيومن فويس"] + Fixtures.paragraphs)
        #expect(article.author == nil)
        #expect(article.source == "هيومن فويس")
    }

    @Test func aWriterUnderTheTitleStaysTheAuthor() throws {
        let article = try read([Fixtures.title, "سامي الحاج"] + Fixtures.paragraphs)
        #expect(article.author == "سامي الحاج")
    }

    @Test(arguments: [("دمشق - سانا", "سانا"), ("(وكالات)", "وكالات"), ("رويترز، أ ف ب", "رويترز، أ ف ب"), ("Reuters", "Reuters")])
    func wireCredits(_ text: String, _ credit: String) {
        #expect(Attribution.wireCredit(text) == credit)
    }

    @Test func outletBesideAgencies() {
        #expect(Attribution.splitOutletAndWires("الجزيرة + وكالات")?.outlet == "الجزيرة")
        #expect(Attribution.splitOutletAndWires("الجزيرة + وكالات")?.credit == "وكالات")
        #expect(Attribution.splitOutletAndWires("الجزيرة نت") == nil)
    }

    @Test(arguments: ["فارس الأحمد", "الجزيرة وكالات", "سامي الحاج", "وزارة الدفاع الروسية", "الجزيرة نت"])
    func namesThatAreNotWireCredits(_ text: String) {
        #expect(Attribution.wireCredit(text) == nil)
    }
}
