import Foundation
import Testing
@testable import MarsadDigest

@Suite("Rendering")
struct RenderingTests {
    static let hostileTitle = "<script>alert('x')</script> عاجل: *تصعيد* _خطير_ [رابط](javascript:alert(1)) # | `كود` \u{202E}مقلوب\u{202C} \u{2067}معزول\u{2069} &#x202E; &amp;"

    static func hostile() -> DigestArticle {
        var article = Fixtures.migrantsRescued
        article.title = Self.hostileTitle
        article.source = "<b>موقع</b>\u{202D}"
        article.fileName = "evil`name\u{202E}.txt"
        article.url = "javascript:alert(document.cookie)"
        article.body = "1. <img src=x onerror=alert(1)> \u{202E}" + article.body
        return article
    }

    func rendered(_ articles: [DigestArticle]) -> RenderedDigest {
        DigestBuilder().render(topic: Fixtures.topic, day: Fixtures.day, articles: articles, previousDay: Fixtures.previousDay)
    }

    static let bidiControls: [Unicode.Scalar] = (0x202A...0x202E).map { Unicode.Scalar($0)! } + (0x2066...0x2069).map { Unicode.Scalar($0)! }

    @Test("HTML escapes hostile titles, drops bidi overrides and unsafe links")
    func htmlEscapesHostileText() throws {
        let html = try #require(rendered([Self.hostile()]).files["russia-syria.html"])
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("javascript:alert(document"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&amp;#x202E;"))
        #expect(html.contains("<bdi>&lt;script&gt;"))
        for control in Self.bidiControls { #expect(!html.unicodeScalars.contains(control)) }
        #expect(html.contains("مقلوب"))
        // No element or attribute came from the article: every tag is one the renderer writes.
        let tags = Set(html.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)/).map { String($0.output.1).lowercased() })
        #expect(tags.isSubset(of: [
            "html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "h2", "h3", "span", "time", "ul", "li",
            "nav", "a", "section", "article", "div", "bdi", "ol", "code", "table", "thead", "tbody", "tr", "th", "td", "footer",
        ]))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\">"))
        #expect(!html.contains("http://") && !html.contains("<img src"))
    }

    @Test("Markdown escapes control characters and bidi overrides")
    func markdownEscapesHostileText() throws {
        let markdown = try #require(rendered([Self.hostile()]).files["russia-syria.md"])
        #expect(markdown.contains("\\<script\\>alert('x')\\</script\\> عاجل: \\*تصعيد\\* \\_خطير\\_ \\[رابط\\](javascript:alert(1)) \\# \\| \\`كود\\`"))
        #expect(markdown.contains("\\&\\#x202E;"))
        for control in Self.bidiControls { #expect(!markdown.unicodeScalars.contains(control)) }
        // The unsafe address is not a link; the file name survives its backtick in a longer code span.
        #expect(!markdown.contains("](javascript:alert(document"))
        #expect(markdown.contains("``evil`name.txt``"))
        #expect(markdown.contains("\\<b\\>موقع\\</b\\>"))
    }

    @Test("Markdown escapes a line start that would open a list", arguments: [
        ("1. أولا", "1\\. أولا"), ("- بند", "\\- بند"), ("+ بند", "\\+ بند"), ("2015) عام", "2015\\) عام"),
        ("عادي 1. داخل", "عادي 1. داخل"), ("سطر\nثان", "سطر ثان"),
    ])
    func markdownLineStarts(input: String, expected: String) {
        #expect(Escaping.markdown(input) == expected)
    }

    @Test("an English title gets a right-to-left mark so its line stays right to left")
    func rightToLeftMark() {
        #expect(Escaping.rightToLeftLine("Reuters: talks") == "\u{200F}Reuters: talks")
        #expect(Escaping.rightToLeftLine("«رويترز» Reuters") == "«رويترز» Reuters")
        #expect(Escaping.rightToLeftLine("20 قتيلا") == "20 قتيلا")
    }

    @Test("JSON follows the schema and round-trips")
    func jsonRoundTrip() throws {
        let builder = DigestBuilder(timeZone: TimeZone(identifier: "Asia/Riyadh")!)
        let digest = builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: Fixtures.all + [Self.hostile()], previousDay: Fixtures.previousDay)
        let json = try #require(builder.render(digest).files["russia-syria.json"])
        let decoded = try DigestBuilder.decode(json: json)
        #expect(decoded == digest)
        #expect(DigestBuilder.json(decoded) == json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "marsad.digest/1")
        #expect(Set(object.keys) == [
            "schema", "day", "calendar", "timeZone", "topic", "articleCount", "sourceCount", "sources",
            "unknownSourceArticles", "previousDayArticleCount", "stories", "whoAndWhere", "timeline",
        ])
        let story = try #require((object["stories"] as? [[String: Any]])?.first)
        #expect(Set(story.keys) == [
            "id", "rank", "headline", "summary", "reportCount", "sourceCount", "firstTime", "lastTime",
            "centralArticleId", "entities", "reports",
        ])
        // Keys are sorted, so the file diffs cleanly.
        #expect(json.range(of: "\"articleCount\"")!.lowerBound < json.range(of: "\"calendar\"")!.lowerBound)
        #expect(digest.timeZone == "Asia/Riyadh")
        #expect(digest.stories.flatMap(\.reports).allSatisfy { $0.url == nil || $0.url!.hasPrefix("https://") })
    }

    @Test("the hand-written JSON is byte for byte what Foundation's encoder writes")
    func jsonMatchesFoundation() throws {
        let builder = DigestBuilder(timeZone: TimeZone(identifier: "Asia/Riyadh")!)
        var withoutTime = Self.hostile()
        withoutTime.hasTimeOfDay = false
        withoutTime.url = nil
        let digests = [
            builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: Fixtures.all + [withoutTime], previousDay: Fixtures.previousDay),
            builder.build(topic: Fixtures.topic, day: "not-a-day", articles: [Fixtures.migrantsRescued]),
            builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: []),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for digest in digests {
            let foundation = String(decoding: try encoder.encode(digest), as: UTF8.self) + "\n"
            #expect(DigestBuilder.json(digest) == foundation)
        }
    }

    @Test("times are written in UTC and in the digest's zone", arguments: [
        (0.0, "1970-01-01T00:00:00Z", "03:00"), (1_437_459_300.0, "2015-07-21T06:15:00Z", "09:15"),
        (951_825_599.0, "2000-02-29T11:59:59Z", "14:59"), (-1.0, "1969-12-31T23:59:59Z", "02:59"),
        (4_102_444_800.0, "2100-01-01T00:00:00Z", "03:00"),
    ])
    func times(seconds: Double, iso: String, riyadh: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(ArabicFormatting.isoTime(date) == iso)
        #expect(ArabicFormatting.clockTime(date, timeZone: TimeZone(identifier: "Asia/Riyadh")!) == riyadh)
    }

    @Test("a report with no known source is not counted as a source")
    func unknownSource() throws {
        var anonymous = Fixtures.erdoganOnManbij
        anonymous.source = nil
        anonymous.url = nil
        var hostOnly = Fixtures.migrantsRescued
        hostOnly.source = "  "
        hostOnly.url = "https://www.enabbaladi.net/archives/1"
        let builder = DigestBuilder()
        let digest = builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: [anonymous, hostOnly])
        #expect(digest.sourceCount == 1)
        #expect(digest.sources == [SourceTally(name: "enabbaladi.net", articles: 1)])
        #expect(digest.unknownSourceArticles == 1)
        let story = try #require(digest.stories.first { $0.centralArticleId == anonymous.id })
        #expect(story.sourceCount == 0)
        #expect(story.reports.first?.source == nil)
        let markdown = try #require(builder.render(digest).files["russia-syria.md"])
        #expect(markdown.contains("\nمقالان في قصتين.\n"))
        #expect(markdown.contains("المصادر: enabbaladi.net (١)، مصدر غير معروف (١)"))
        #expect(markdown.contains("- تقرير واحد، "))
        #expect(markdown.contains(" — مصدر غير معروف، "))
        let json = try #require(builder.render(digest).files["russia-syria.json"])
        #expect(try DigestBuilder.decode(json: json) == digest)
    }

    @Test("the day is given in both calendars with Arabic numerals")
    func calendars() {
        let day = ArabicFormatting.calendarDay("2024-03-11")
        #expect(day.gregorianArabic == "الاثنين ١١ مارس ٢٠٢٤")
        #expect(day.hijri == "1445-09-01")
        #expect(day.hijriArabic == "١ رمضان ١٤٤٥ هـ")
        #expect(ArabicFormatting.calendarDay("2015-07-21").hijriArabic == "٥ شوال ١٤٣٦ هـ")
        #expect(ArabicFormatting.calendarDay("not-a-day").hijri == nil)
        #expect(ArabicFormatting.calendarDay("2026-02-30").hijri == nil)
    }

    @Test("counted nouns agree with their number", arguments: [
        (0, "لا مقالات"), (1, "مقال واحد"), (2, "مقالان"), (3, "٣ مقالات"), (10, "١٠ مقالات"), (11, "١١ مقالًا"),
        (99, "٩٩ مقالًا"), (100, "١٠٠ مقال"), (102, "١٠٢ مقال"), (105, "١٠٥ مقالات"), (1_250, "١٢٥٠ مقالًا"),
    ])
    func agreement(number: Int, expected: String) {
        #expect(ArabicFormatting.count(number, .article) == expected)
    }

    @Test("after a preposition the dual takes its genitive form")
    func genitiveDual() {
        #expect(ArabicFormatting.count(2, .source, genitive: true) == "مصدرين")
        #expect(ArabicFormatting.count(2, .story, genitive: true) == "قصتين")
        #expect(ArabicFormatting.count(5, .source, genitive: true) == "٥ مصادر")
    }

    @Test("content runs from names and date through stories to who-and-where and the timeline")
    func markdownContent() throws {
        let markdown = try #require(rendered(Fixtures.all).files["russia-syria.md"])
        #expect(markdown.hasPrefix("# روسيا وسوريا — Russia–Syria\n\n**الاثنين ٢٣ نوفمبر ٢٠٢٦** — "))
        #expect(markdown.contains("٨ مقالات من ٧ مصادر في ٥ قصص."))
        #expect(markdown.contains("- تقريران من مصدرين، من "))
        #expect(markdown.contains("**دمشق** (Damascus)، مكان: في مقالين، جديد اليوم"))
        let order = ["## القصص", "## من وأين", "## الخط الزمني"].map { markdown.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(markdown.contains("### ١. مقتل 20 مدنيا في غارات جوية على سوق في ريف إدلب"))
        #expect(markdown.contains("- ٣ تقارير من ٣ مصادر، من ٠٧:٣٠ إلى ٠٩:٠٠:"))
        #expect(markdown.contains("**سيرغي لافروف** (Sergey Lavrov)، شخصية: في ٣ مقالات، ▲ ٢ عن أمس"))
        #expect(markdown.contains("**إدلب** (Idlib)، مكان: في ٣ مقالات، ▲ ٢ عن أمس"))
        #expect(markdown.contains("**منبج** (Manbij)، مكان: في مقال واحد، جديد اليوم"))
        #expect(markdown.contains("- **١ ديسمبر ٢٠٢٦**: «الأول من كانون الأول»، «مطلع كانون الأول»، في: لافروف يبحث مع المعلم"))
        // The summary is the lead without its dateline.
        #expect(markdown.contains("\nبحث وزير الخارجية الروسي سيرغي لافروف مع نظيره السوري"))
    }

    @Test("the index lists topics with counts and links to their files")
    func index() throws {
        let builder = DigestBuilder()
        let other = DigestTopic(id: "turkey-syria", nameAr: "تركيا وسوريا", nameEn: "Turkey–Syria")
        let plain = builder.renderIndex(day: Fixtures.day, topics: [(Fixtures.topic, 7), (other, 12), (DigestTopic(id: "x", nameAr: "س", nameEn: "X"), 0)])
        let markdown = try #require(plain.files["index.md"])
        let html = try #require(plain.files["index.html"])
        #expect(markdown.contains("- [تركيا وسوريا](turkey-syria.md) (Turkey–Syria): ١٢ مقالًا\n- [روسيا وسوريا](russia-syria.md)"))
        #expect(!markdown.contains("(x.md)"))
        #expect(html.contains("href=\"turkey-syria.html\""))
        #expect(html.contains("<html dir=\"rtl\" lang=\"ar\">"))
        let latest = builder.renderIndex(day: Fixtures.day, entries: [DigestIndexEntry(topic: other, articleCount: 2)], linkPrefix: "2026-11-23/")
        #expect(latest.files["index.md"]?.contains("(2026-11-23/turkey-syria.md) (Turkey–Syria): مقالان") == true)
        #expect(builder.latestPointer(days: ["2026-11-22", "2026-11-23", "latest", "2026-01-05"]) == "2026-11-23\n")
        #expect(builder.latestPointer(days: []) == nil)
    }
}

@Suite("Lead sentences")
struct LeadSentenceTests {
    @Test("sentences end at Arabic and Latin punctuation, not inside numbers or initials")
    func splitting() {
        let text = "هل تنجح المحادثات؟ يرى مراقبون ذلك لكن الشكوك قائمة. ارتفع المؤشر 3.5 بالمئة! قال د. أحمد إن U.S. تدعم"
        #expect(LeadSentences.sentences(text) == [
            "هل تنجح المحادثات؟", "يرى مراقبون ذلك لكن الشكوك قائمة.", "ارتفع المؤشر 3.5 بالمئة!", "قال د. أحمد إن U.S. تدعم",
        ])
        #expect(LeadSentences.sentences(text, limit: 2).count == 2)
    }

    @Test("only the opening of a long report is split")
    func longReport() {
        let sentence = "وقال المسؤول إن المحادثات ستستمر خلال الأيام المقبلة في العاصمة. "
        let body = String(repeating: sentence, count: 400)
        let sentences = LeadSentences.sentences(body)
        #expect(sentences.count < 60)
        #expect(sentences.first == sentence.trimmingWhitespace())
        // A short first sentence brings the second with it.
        #expect(LeadSentences.lead(of: body) == sentence + sentence.trimmingWhitespace())
    }

    @Test("the lead skips a short dateline and strips a leading one", arguments: [
        ("دمشق\n\nأعلنت وزارة الخارجية السورية اليوم عن زيارة مرتقبة لوفد روسي رفيع إلى العاصمة.", "أعلنت وزارة الخارجية السورية اليوم عن زيارة مرتقبة لوفد روسي رفيع إلى العاصمة."),
        ("موسكو-سانا: التقى وزير الخارجية نظيره الروسي في موسكو اليوم وبحثا سبل التعاون بين البلدين في مجالات عديدة ومتنوعة تشمل الطاقة والنقل والتعليم والصحة والزراعة.", "التقى وزير الخارجية نظيره الروسي في موسكو اليوم وبحثا سبل التعاون بين البلدين في مجالات عديدة ومتنوعة تشمل الطاقة والنقل والتعليم والصحة والزراعة."),
        ("محادثات روسية-سورية في موسكو تتناول ملفات الطاقة والنقل والتعليم والصحة والزراعة والصناعة والتجارة والاستثمار.", "محادثات روسية-سورية في موسكو تتناول ملفات الطاقة والنقل والتعليم والصحة والزراعة والصناعة والتجارة والاستثمار."),
    ])
    func lead(body: String, expected: String) {
        #expect(LeadSentences.lead(of: body) == expected)
    }

    @Test("a short first sentence takes the next one with it")
    func twoSentences() {
        let lead = LeadSentences.lead(of: "قتل خمسة مدنيين في قصف على حلب. وأصيب عشرة آخرون بجروح متفاوتة في القصف نفسه. وقال شهود إن الطائرات عادت مساء.")
        #expect(lead == "قتل خمسة مدنيين في قصف على حلب. وأصيب عشرة آخرون بجروح متفاوتة في القصف نفسه.")
    }
}
