import Foundation
import Testing
@testable import MarsadDigest

/// Outlets as readers know them, wire credits beside them, records told apart.
@Suite("Outlets and reports")
struct OutletTests {
    static let outlets = OutletDirectory([
        DigestOutlet(id: "aawsat", nameAr: "الشرق الأوسط", nameEn: "Asharq Al-Awsat", domains: ["aawsat.com"]),
        DigestOutlet(id: "3alyoum", nameAr: "عين اليوم", nameEn: "Ain Alyoum", domains: ["3alyoum.com"]),
        DigestOutlet(id: "jawharafm", nameAr: "إذاعة جوهرة أف أم", nameEn: "Jawhara FM", domains: ["jawharafm.net"], names: ["Jawhara FM"]),
    ])

    @Test("an outlet is found by id, by other name, or by its domain and subdomains")
    func lookup() {
        let outlets = Self.outlets
        #expect(outlets.outlet(source: "aawsat", site: nil, url: nil)?.nameAr == "الشرق الأوسط")
        #expect(outlets.outlet(source: " AAWSAT ", site: nil, url: nil)?.id == "aawsat")
        #expect(outlets.outlet(source: nil, site: "Jawhara FM", url: nil)?.id == "jawharafm")
        #expect(outlets.outlet(source: nil, site: nil, url: "http://www.3alyoum.com/news/a/1")?.id == "3alyoum")
        #expect(outlets.outlet(source: nil, site: nil, url: "https://m.news.aawsat.com/x")?.id == "aawsat")
        // A domain that only ends like a known one is not that outlet.
        #expect(outlets.outlet(source: nil, site: nil, url: "https://notaawsat.com/x") == nil)
        // An unknown source field does not hide a known address.
        #expect(outlets.outlet(source: "وكالات", site: nil, url: "http://aawsat.com/1")?.id == "aawsat")
        #expect(outlets.outlet(source: "sabq", site: nil, url: nil) == nil)
    }

    func digest(_ articles: [DigestArticle]) -> DayDigest {
        DigestBuilder(outlets: Self.outlets).build(topic: Fixtures.topic, day: Fixtures.day, articles: articles)
    }

    @Test("reports show Arabic outlet names, unknown ones as written, and «مصدر غير معروف» when nothing tells")
    func names() throws {
        var listed = Fixtures.lavrovMeetsMuallemRT
        listed.source = "aawsat"
        var unlisted = Fixtures.lavrovOnArms
        unlisted.source = "okaz"
        var unknown = Fixtures.migrantsRescued
        unknown.source = nil
        unknown.url = nil
        let built = digest([listed, unlisted, unknown])
        let reports = built.stories.flatMap(\.reports)
        #expect(reports.first { $0.articleId == listed.id }?.source == "الشرق الأوسط")
        #expect(reports.first { $0.articleId == listed.id }?.outletId == "aawsat")
        #expect(reports.first { $0.articleId == unlisted.id }?.source == "okaz")
        #expect(reports.first { $0.articleId == unknown.id }?.source == nil)
        #expect(Set(built.sources.map(\.name)) == ["الشرق الأوسط", "okaz"])
        let markdown = DigestBuilder(outlets: Self.outlets).render(built).files["russia-syria.md"] ?? ""
        #expect(markdown.contains("— الشرق الأوسط"))
        #expect(markdown.contains("مصدر غير معروف"))
        #expect(!markdown.contains("لا مصادر"))
    }

    @Test("a wire credit is shown beside the outlet, never as the outlet")
    func credit() throws {
        var article = Fixtures.lavrovMeetsMuallemRT
        article.source = "aawsat"
        article.credit = "رويترز"
        let built = digest([article])
        let report = try #require(built.stories.first?.reports.first)
        #expect(report.source == "الشرق الأوسط")
        #expect(report.credit == "رويترز")
        let files = DigestBuilder(outlets: Self.outlets).render(built).files
        #expect(files["russia-syria.md"]?.contains("— الشرق الأوسط (نقلًا عن رويترز)") == true)
        #expect(files["russia-syria.html"]?.contains("<span class=\"credit\">(نقلًا عن <bdi>رويترز</bdi>)</span>") == true)
    }

    @Test("«وكالات» in the source field is a credit, not an outlet")
    func genericCreditIsNoOutlet() throws {
        var wires = Fixtures.lavrovMeetsMuallemRT
        wires.source = "وكالات"
        wires.url = nil
        var named = Fixtures.lavrovOnArms
        named.source = "رويترز"
        let built = digest([wires, named])
        let reports = built.stories.flatMap(\.reports)
        let wiresReport = try #require(reports.first { $0.articleId == wires.id })
        #expect(wiresReport.source == nil)
        #expect(wiresReport.credit == "وكالات")
        #expect(reports.first { $0.articleId == named.id }?.source == "رويترز")
        #expect(built.unknownSourceArticles == 1)
        let markdown = DigestBuilder(outlets: Self.outlets).render(built).files["russia-syria.md"] ?? ""
        #expect(markdown.contains("— مصدر غير معروف (نقلًا عن وكالات)"))
        #expect(!markdown.contains("المصادر: وكالات"))
    }

    @Test("a record of a many-record file shows its own link, or its record number, not just the file name")
    func records() throws {
        var linked = Fixtures.lavrovMeetsMuallemRT
        linked.fileName = "2015-07-31.json"
        linked.recordIndex = 0
        var unlinked = Fixtures.lavrovMeetsMuallemSANA
        unlinked.fileName = "2015-07-31.json"
        unlinked.recordIndex = 41
        unlinked.url = nil
        let built = digest([linked, unlinked])
        let markdown = DigestBuilder().render(built).files["russia-syria.md"] ?? ""
        let lines = markdown.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        let linkedLine = try #require(lines.first { $0.contains("example.org/news/101") })
        #expect(!linkedLine.contains("2015-07-31.json"))
        let unlinkedLine = try #require(lines.first { !$0.contains("example.org") })
        #expect(unlinkedLine.contains("`2015-07-31.json` (السجل ٤٢)"))
        #expect(built.stories.flatMap(\.reports).map(\.record).sorted { ($0 ?? 0) < ($1 ?? 0) } == [1, 42])
    }
}
