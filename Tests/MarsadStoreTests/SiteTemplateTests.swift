import Foundation
import MarsadReading
import MarsadStore
import Testing

@Suite("Site templates")
struct SiteTemplateTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-templates-\(UUID().uuidString)")
    let reader = ArticleReader()

    /// Chrome no lexicon knows: the site's slogan, its own section names
    /// and a promotion line, around a different article on every page.
    static let chrome = [
        "بوابة الوادي الأخضر الإخبارية", "نافذتكم على أخبار المحافظة والقرى المجاورة كل صباح",
        "حمّلوا تطبيق الوادي الأخضر على هواتفكم، واحصلوا على أخبار المحافظة والقرى أولا بأول، مجانا ودون إعلانات.",
        "الرئيسية محليات رياضة ثقافة",
    ]

    static func page(_ number: Int) -> String {
        let title = "المجلس البلدي يناقش مشروع الطريق رقم \(number) في اجتماعه الدوري"
        let paragraphs = (1...3).map { part in
            "ناقش المجلس البلدي في جلسته رقم \(number * 10 + part)، برئاسة رئيس المجلس، مشروع تطوير الطريق وتوسعته، "
                + "وأكد الأعضاء أهمية المشروع لسكان الحي رقم \(number + part) وضرورة إنجازه قبل نهاية العام."
        }
        return ([chrome[0], chrome[3], chrome[1], title] + paragraphs + [chrome[2]]).joined(separator: "\n\n")
    }

    func makeStore(_ name: String = "test.sqlite") throws -> Store {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try Store(path: folder.appendingPathComponent(name).path)
    }

    func learnPages(_ range: ClosedRange<Int>, into templates: SiteTemplateStore) throws {
        var pages: [SiteEvidence] = []
        for number in range {
            let document = try reader.readDocument(Array(Self.page(number).utf8), fileName: "page\(number).txt", templates: try templates.book())
            pages.append(try #require(document.siteEvidence))
        }
        try templates.learn(pages)
    }

    @Test func chromeUnknownToTheLexiconIsRemovedAfterTwentyPagesAndSurvivesARestart() throws {
        let unaided = try #require(try reader.read(Array(Self.page(21).utf8), fileName: "page21.txt").first)
        #expect(unaided.body.contains(Self.chrome[2]), "without a template the promotion line reads like prose")

        try learnPages(1...20, into: SiteTemplateStore(store: try makeStore()))
        // A new process: the store is opened again from the file.
        let reopened = SiteTemplateStore(store: try makeStore())
        let book = try reopened.book()
        let document = try reader.readDocument(Array(Self.page(21).utf8), fileName: "page21.txt", templates: book)
        let article = try #require(document.articles.first)
        #expect(article.title == "المجلس البلدي يناقش مشروع الطريق رقم 21 في اجتماعه الدوري")
        for line in Self.chrome { #expect(!article.body.contains(line)) }
        #expect(article.body.contains("جلسته رقم 211"))
        #expect(article.body.contains("جلسته رقم 213"))
    }

    @Test func anArticleSentAgainKeepsItsText() throws {
        let templates = SiteTemplateStore(store: try makeStore())
        // The same page five times: its own paragraphs repeat as often as the chrome.
        try learnPages(1...20, into: templates)
        try templates.learn(Array(repeating: try #require(try reader.readDocument(Array(Self.page(7).utf8), fileName: "p.txt").siteEvidence), count: 5))
        let article = try #require(try reader.readDocument(Array(Self.page(7).utf8), fileName: "p.txt", templates: try templates.book()).articles.first)
        #expect(article.body.contains("جلسته رقم 71"))
    }

    @Test func eachSiteKeepsAtMostItsBoundOfLinesDroppingTheLeastRecentlySeen() throws {
        let templates = SiteTemplateStore(store: try makeStore(), linesPerSite: 50)
        let old = SiteEvidence(site: "example.com", lineFingerprints: (0..<40).map { UInt64($0) })
        let recent = SiteEvidence(site: "example.com", lineFingerprints: (1000..<1040).map { UInt64($0) })
        try templates.learn([old, old, old])
        try templates.learn([recent, recent, recent])
        #expect(try templates.lineCount(site: "example.com") == 50)
        let kept = try #require(try templates.book().templates["example.com"]).chromeLines
        #expect((1000..<1040).allSatisfy { kept.contains(UInt64($0)) })
        #expect((0..<30).allSatisfy { !kept.contains(UInt64($0)) })
    }
}
