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
}
