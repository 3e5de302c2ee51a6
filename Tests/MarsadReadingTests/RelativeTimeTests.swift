import Testing
@testable import MarsadReading

@Suite("Relative timestamps")
struct RelativeTimeTests {
    /// 2024-11-12T12:00:00Z.
    static let noon: Int = 1_731_412_800

    @Test(arguments: [
        ("منذ 3 ساعات", "2024-11-12T09:00:00Z"),
        ("قبل ساعتين", "2024-11-12T10:00:00Z"),
        ("3 hours ago", "2024-11-12T09:00:00Z"),
        ("Updated 5 min ago", "2024-11-12T11:55:00Z"),
        ("منذ ٥ دقائق", "2024-11-12T11:55:00Z"),
        ("an hour ago", "2024-11-12T11:00:00Z"),
        ("منذ ساعة", "2024-11-12T11:00:00Z"),
        ("منذ يومين", "2024-11-10"),
        ("منذ 3 أيام", "2024-11-09"),
        ("أمس 10:30", "2024-11-11"),
        ("Yesterday at 09:15", "2024-11-11"),
        ("منذ أسبوعين", "2024-10-29"),
    ])
    func resolvesAgainstTheSavingTime(line: String, expected: String) {
        #expect(RelativeTime.resolve(keyWords: BoilerplateLexicon.keyWords(line), reference: Self.noon) == expected)
    }

    /// Months and years are too loose to name a day; headlines are no timestamps.
    @Test(arguments: ["منذ شهرين", "2 years ago", "وزارة الصحة تفتتح مستشفى جديدا", "قبل الانتخابات",
                      "منذ 9223372036854775807 ساعتين", "منذ 99999999999999999999 ساعات"])
    func leavesTheRestUnresolved(line: String) {
        #expect(RelativeTime.resolve(keyWords: BoilerplateLexicon.keyWords(line), reference: Self.noon) == nil)
    }

    @Test func aPageSavedAtAKnownTimeGetsItsPublicationTime() throws {
        let text = [Fixtures.title, "منذ 3 ساعات", Fixtures.paragraphs[0], Fixtures.paragraphs[1]].joined(separator: "\n")
        let reader = ArticleReader()
        let dated = try #require(try reader.readDocument(Array(text.utf8), fileName: "p.txt", savedAt: Self.noon).articles.first)
        #expect(dated.title == Fixtures.title)
        #expect(dated.published == "2024-11-12T09:00:00Z")
        #expect(dated.body == Fixtures.paragraphs[0] + "\n\n" + Fixtures.paragraphs[1])
        let undated = try #require(try reader.read(Array(text.utf8), fileName: "p.txt").first)
        #expect(undated.title == Fixtures.title)
        #expect(undated.published == nil)
    }

    /// 2024-11-12T21:30:00Z: 00:30 on the 13th in Damascus (UTC+3), still the 12th in UTC.
    static let justAfterDamascusMidnight: Int = 1_731_447_000
    static let damascus = 3 * 3600

    /// Days are counted on the configured zone's calendar: just after local
    /// midnight east of UTC, "أمس" is the local day before, not the UTC one.
    @Test(arguments: [
        ("أمس", "2024-11-12", "2024-11-11"),
        ("Yesterday at 09:15", "2024-11-12", "2024-11-11"),
        ("منذ يومين", "2024-11-11", "2024-11-10"),
        ("منذ أسبوع", "2024-11-06", "2024-11-05"),
        ("منذ 3 أيام", "2024-11-10", "2024-11-09"),
    ])
    func daysAreDaysOfTheConfiguredZone(line: String, local: String, utc: String) {
        let words = BoilerplateLexicon.keyWords(line)
        #expect(RelativeTime.resolve(keyWords: words, reference: Self.justAfterDamascusMidnight, utcOffset: Self.damascus) == local)
        #expect(RelativeTime.resolve(keyWords: words, reference: Self.justAfterDamascusMidnight) == utc)
    }

    /// Hours name an instant, the same whatever the zone.
    @Test func hoursStayInstants() {
        let words = BoilerplateLexicon.keyWords("منذ 3 ساعات")
        #expect(RelativeTime.resolve(keyWords: words, reference: Self.justAfterDamascusMidnight, utcOffset: Self.damascus)
            == "2024-11-12T18:30:00Z")
    }

    @Test func aPageSavedJustAfterLocalMidnightIsDatedOnTheLocalCalendar() throws {
        let text = [Fixtures.title, "أمس", Fixtures.paragraphs[0], Fixtures.paragraphs[1]].joined(separator: "\n")
        let reader = ArticleReader()
        let article = try #require(try reader.readDocument(
            Array(text.utf8), fileName: "p.txt", savedAt: Self.justAfterDamascusMidnight, utcOffset: Self.damascus
        ).articles.first)
        #expect(article.title == Fixtures.title)
        #expect(article.published == "2024-11-12")
        // A page without article markup, read line by line.
        let html = "<html><head><title>\(Fixtures.title)</title></head><body><div>\(Fixtures.title)</div><div>منذ يومين</div>"
            + "<div>\(Fixtures.paragraphs[0])</div><div>\(Fixtures.paragraphs[1])</div></body></html>"
        let page = try #require(try reader.readDocument(
            Array(html.utf8), fileName: "p.html", savedAt: Self.justAfterDamascusMidnight, utcOffset: Self.damascus
        ).articles.first)
        #expect(page.published == "2024-11-11")
    }
}
