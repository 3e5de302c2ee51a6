import Foundation
import GRDB
import MarsadCore
import MarsadReading
import MarsadStore
import MarsadTagging
import MarsadText
import Testing

struct StoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-store-\(UUID().uuidString)")

    func makeStore() throws -> Store {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try Store(path: folder.appendingPathComponent("test.sqlite").path)
    }

    func processed(_ title: String, _ body: String, topics: [String] = ["russia-syria"]) -> ProcessedArticle {
        ProcessedArticle(
            article: ReadArticle(title: title, body: body, source: "سانا", language: .arabic, format: .text, encoding: "UTF-8"),
            tags: tagging(topics: topics, entities: true),
            titleKey: TextNormalizer.matchKey(title), bodyKey: TextNormalizer.matchKey(body)
        )
    }

    /// A tagging result as the tagger would give it, built through its Codable form.
    func tagging(topics: [String], entities: Bool) -> TaggingResult {
        let topicJSON = topics.map {
            #"{"id":"\#($0)","score":3,"threshold":1,"evidence":[{"rule":"entity russia","text":"روسيا","weight":1,"spans":[]}]}"#
        }.joined(separator: ",")
        let entityJSON = entities
            ? #"{"id":"russia","type":"country","name":"Russia","nameAr":"روسيا","count":2,"forms":["روسيا"],"spans":[]}"#
            : ""
        let dateJSON = entities ? #"{"date":"2015-07-21","text":"21 تموز"}"# : ""
        let json = #"{"topics":[\#(topicJSON)],"entities":[\#(entityJSON)],"dates":[\#(dateJSON)]}"#
        return try! JSONDecoder().decode(TaggingResult.self, from: Data(json.utf8))
    }

    func file(_ claim: String, sha: String?) -> ClaimedFile {
        ClaimedFile(claimName: claim, name: claim + ".txt", size: 10, sha256: sha, firstSeen: Date())
    }

    @Test func recordingTheSameClaimTwiceReturnsTheFirstDecision() throws {
        let store = try makeStore()
        let outcome = IngestOutcome.processed(file("a", sha: "aa"), [(processed("عنوان", "نص"), "2015-07-21")])
        let first = try store.record([outcome])
        let again = try store.record([outcome])
        #expect(again.map(\.id) == first.map(\.id))
        #expect(again.map(\.fate) == [.recorded])
        #expect(try store.ledger().count == 1)
        #expect(try store.articleCount() == 1)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func sameBytesUnderAnotherClaimAreADuplicate() throws {
        let store = try makeStore()
        let article = [(processed("عنوان", "نص"), "2015-07-21")]
        let entries = try store.record([
            .processed(file("a", sha: "aa"), article),
            .processed(file("b", sha: "aa"), article),
        ])
        #expect(entries.map(\.fate) == [.recorded, .duplicate])
        #expect(entries[1].duplicateOf == entries[0].id)
        #expect(try store.articleCount() == 1)
    }

    @Test func knownArticlesInNewBytesMakeADuplicateWithoutRetagging() throws {
        let store = try makeStore()
        _ = try store.record([.processed(file("a", sha: "aa"), [(processed("عنوان", "نص"), "2015-07-21")])])
        let entries = try store.record([.processed(file("b", sha: "bb"), [(processed("عنوان", "نص"), "2015-07-21")])])
        #expect(entries[0].fate == .duplicate)
        #expect(try store.topicCounts(day: "2015-07-21") == ["russia-syria": 1])
    }

    @Test func failuresCountAttemptsPerContent() throws {
        let store = try makeStore()
        let first = try store.record([.failed(file("a", sha: "cc"), stage: "parse", message: "the file is empty")])
        let second = try store.record([.failed(file("b", sha: "cc"), stage: "parse", message: "the file is empty")])
        #expect(first[0].attempts == 1)
        #expect(second[0].attempts == 2)
        #expect(second[0].error == "the file is empty")
    }

    @Test func fileHashesAreIndexedOnlyAmongRecordedAndAmongFailedFiles() throws {
        let store = try makeStore()
        let indexes = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'file' AND sql LIKE '%sha256%'")
                .map { [$0["name"] as String, $0["sql"] as String] }
        }
        #expect(indexes.map { $0[0] }.sorted() == ["file_failed_sha256", "file_recorded_once"])
        #expect(indexes.allSatisfy { $0[1].contains("WHERE fate = ") })
        // Both lookups by hash still find their rows through those indexes.
        _ = try store.record([.failed(file("a", sha: "cc"), stage: "parse", message: "the file is empty")])
        _ = try store.record([.processed(file("b", sha: "cc"), [(processed("عنوان", "نص"), "2015-07-21")])])
        let third = try store.record([
            .failed(file("c", sha: "cc"), stage: "parse", message: "the file is empty"),
            .processed(file("d", sha: "cc"), [(processed("عنوان", "نص"), "2015-07-21")]),
        ])
        #expect(third[0].attempts == 2)
        #expect(third[1].fate == .duplicate)
        let plans = try store.writer.read { db in
            try [
                "SELECT COUNT(*) FROM file WHERE sha256 = 'cc' AND fate = 'failed'",
                "SELECT id FROM file WHERE sha256 = 'cc' AND fate = 'recorded'",
            ].map { sql in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined() }
        }
        #expect(plans[0].contains("file_failed_sha256"))
        #expect(plans[1].contains("file_recorded_once"))
    }

    func search(_ store: Store, _ text: String, filters: SearchFilters = SearchFilters()) throws -> [String] {
        try store.search(try SearchQuery.parse(text), filters: filters).hits.map(\.title)
    }

    @Test func searchFindsWordsWithOrWithoutArticleProcliticsAndSuffixes() throws {
        let store = try makeStore()
        _ = try store.record([
            .processed(file("a", sha: "aa"), [(processed("لافروف يلتقي المعلم", "بحث الوزيران أوضاع اللاجئين في سوريا"), "2015-07-21")]),
            .processed(file("b", sha: "bb"), [(processed("مباراة كرة القدم", "فاز الفريق وعاد للاجئين بالخبر"), "2015-07-22")]),
            .processed(file("c", sha: "cc"), [(processed("مخيمات", "أقيمت ثلاثة مخيمات للنازحين"), "2015-07-23")]),
            // Only the construct plural: لاجئي, whose stem keeps its final ي.
            .processed(file("d", sha: "dd"), [(processed("عودة", "بدأت عودة لاجئي سوريا"), "2015-07-24")]),
        ])
        let both = ["لافروف يلتقي المعلم", "مباراة كرة القدم", "عودة"]
        #expect(Set(try search(store, "لاجئين")) == Set(both))
        #expect(Set(try search(store, "اللاجئين")) == Set(both))
        #expect(Set(try search(store, "لاجئ*")) == Set(both))
        #expect(Set(try search(store, "لاجئة")) == Set(both))
        #expect(Set(try search(store, "لاجئ")) == Set(both))
        #expect(try search(store, "الفريق") == ["مباراة كرة القدم"])
        #expect(try search(store, "فريق") == ["مباراة كرة القدم"])
        #expect(try search(store, "مخيم") == ["مخيمات"])
        #expect(try search(store, "نازح") == ["مخيمات"])
        #expect(try search(store, "غائب").isEmpty)
        #expect(try search(store, "لاجئين فريق") == ["مباراة كرة القدم"])
        #expect(Set(try search(store, "لافروف OR مخيمات")) == ["لافروف يلتقي المعلم", "مخيمات"])
        #expect(Set(try search(store, "\"اللاجئين في سوريا\"")) == ["لافروف يلتقي المعلم"])
        // A quoted name needs all its words, wherever they are.
        #expect(Set(try search(store, "\"سوريا اللاجئين\"")) == ["لافروف يلتقي المعلم", "عودة"])
        #expect(try search(store, "\"سوريا الفريق\"").isEmpty)
    }

    @Test func searchRanksFiltersAndHighlights() throws {
        let store = try makeStore()
        _ = try store.record([
            .processed(file("a", sha: "aa"), [(processed("اجتماع", "ذكر التقرير اللاجئين مرة"), "2015-07-21")]),
            .processed(file("b", sha: "bb"), [(processed("اللاجئون يعودون", "عاد اللاجئون وقال لاجئ إن اللاجئين كثر"), "2015-07-22")]),
            .processed(file("c", sha: "cc"), [(processed("خبر رياضي", "لا شيء عن الموضوع", topics: ["sport"]), "2015-07-23")]),
        ])
        let results = try store.search(try SearchQuery.parse("لاجئين"), highlight: ("<", ">"))
        #expect(results.total == 2)
        #expect(results.hits.map(\.title) == ["اللاجئون يعودون", "اجتماع"])
        // The passage is the stored text, hamza and all, not the index's match key.
        #expect(results.hits.last?.snippet == "ذكر التقرير <اللاجئين> مرة")
        #expect(try store.search(try SearchQuery.parse("لاجئين"), limit: 1).hits.count == 1)
        #expect(try store.search(try SearchQuery.parse("لاجئين"), limit: 1).total == 2)
        #expect(try search(store, "لاجئين", filters: SearchFilters(since: "2015-07-22")) == ["اللاجئون يعودون"])
        #expect(try search(store, "لاجئين", filters: SearchFilters(until: "2015-07-21")) == ["اجتماع"])
        #expect(try search(store, "", filters: SearchFilters(topic: "sport")) == ["خبر رياضي"])
        // Every stored article is tagged with Russia by `tagging`; an English name finds them without the word.
        #expect(try store.search(try SearchQuery.parse("Russia")).total == 3)
        #expect(try store.search(try SearchQuery.parse("روسيا")).total == 3)
        #expect(try store.search(SearchQuery.parse(""), filters: SearchFilters(entities: ["russia"])).total == 3)
        #expect(try store.search(SearchQuery.parse(""), filters: SearchFilters(entities: ["turkey"])).total == 0)
        let names = try store.entityNames()
        #expect(names.ids(named: "RUSSIA") == ["russia"])
        #expect(names.ids(named: "روسيا") == ["russia"])
        #expect(names.ids(named: "russ").isEmpty)
    }

    @Test func passagesShowWhereAnEntityFoundByItsOtherNameIsNamed() throws {
        let store = try makeStore()
        _ = try store.record([
            .processed(file("a", sha: "aa"), [(processed("اجتماع", "قال الوزير إن وفد روسيا وصل أمس\nولم يذكر غير ذلك"), "2015-07-21")])
        ])
        // "Russia" is not a word of the text: the article is found through the entity, and its Arabic name is shown.
        let hit = try #require(try store.search(try SearchQuery.parse("Russia"), highlight: ("<", ">")).hits.first)
        #expect(hit.snippet == "قال الوزير إن وفد <روسيا> وصل أمس\nولم يذكر غير ذلك")
        // A query the text does not hold at all shows the text's opening line.
        let listed = try #require(try store.search(SearchQuery.parse(""), filters: SearchFilters(entities: ["russia"])).hits.first)
        #expect(listed.snippet == "قال الوزير إن وفد روسيا وصل أمس …")
    }

    @Test func digestPagesCarryTopicsEntitiesDatesAndFileNames() throws {
        let store = try makeStore()
        _ = try store.record([
            .processed(file("a", sha: "aa"), [(processed("عنوان", "نص"), "2015-07-21")]),
            .processed(file("b", sha: "bb"), [(processed("عنوان آخر", "نص آخر", topics: ["syria", "russia-syria"]), "2015-07-22")]),
            .processed(file("c", sha: "cc"), [(processed("عنوان ثالث", "نص ثالث", topics: []), "2015-07-21")]),
        ])
        _ = try store.record([
            .processed(file("d", sha: "dd"), [(processed("عنوان رابع", "نص رابع"), "2015-07-21")]),
            .processed(file("e", sha: "ee"), [(processed("عنوان خامس", "نص خامس", topics: []), "2015-07-22")]),
        ])
        // An article without topics is in no digest: not read, but passed over.
        let page = try store.digestPage(day: "2015-07-21", after: 0, limit: 10)
        let articles = page.articles
        #expect(articles.map(\.fileName) == ["a.txt", "d.txt"])
        #expect(articles[0].topicScores == ["russia-syria": 3])
        #expect(articles[0].entities.map(\.nameEn) == ["Russia"])
        #expect(articles[0].entities.map(\.forms) == [["روسيا"]])
        #expect(articles[0].dates.map(\.date) == ["2015-07-21"])
        #expect(articles[1].entities.map(\.nameEn) == ["Russia"])
        #expect(page.through == articles[1].article.id!)
        // A full page ends at its last article; the next continues after it; the last ends at the day's newest.
        let first = try store.digestPage(day: "2015-07-21", after: 0, limit: 1)
        #expect(first.articles.map(\.fileName) == ["a.txt"])
        #expect(first.through == first.articles[0].article.id!)
        let rest = try store.digestPage(day: "2015-07-21", after: first.through, limit: 1)
        #expect(rest.articles.map(\.fileName) == ["d.txt"])
        #expect(try store.digestPage(day: "2015-07-21", after: rest.through, limit: 1).articles.isEmpty)
        // The newest article of a day may have no topic: the page still goes past it.
        let other = try store.digestPage(day: "2015-07-22", after: 0, limit: 10)
        #expect(other.articles.map(\.fileName) == ["b.txt"])
        #expect(other.articles.first?.topicScores.keys.sorted() == ["russia-syria", "syria"])
        #expect(other.through > other.articles[0].article.id!)
        #expect(try store.digestPage(day: "2015-07-22", after: other.through, limit: 10).articles.isEmpty)
    }

    @Test func daysWithNewArticlesAreDueUntilWrittenThroughTheirNewestArticle() throws {
        let store = try makeStore()
        _ = try store.record([.processed(file("a", sha: "aa"), [(processed("عنوان", "نص"), "2015-07-21")])])
        #expect(try store.dueDigestDays() == ["2015-07-21"])
        // A failed file or a duplicate makes nothing due.
        _ = try store.record([.failed(file("f", sha: "ff"), stage: "parse", message: "empty")])
        #expect(try store.dueDigestDays() == ["2015-07-21"])
        let first = try store.digestPage(day: "2015-07-21", after: 0, limit: 10).articles[0].article.id!
        _ = try store.record([.processed(file("b", sha: "bb"), [(processed("عنوان آخر", "نص آخر"), "2015-07-21")])])
        // Written through the first article only: the second keeps the day due.
        try store.digestsWritten(day: "2015-07-21", throughArticle: first)
        #expect(try store.dueDigestDays() == ["2015-07-21"])
        try store.digestsWritten(day: "2015-07-21", throughArticle: first + 1)
        #expect(try store.dueDigestDays().isEmpty)
    }

    @Test func retaggingReplacesTagsAndReportsTheDays() throws {
        let store = try makeStore()
        let entries = try store.record([.processed(file("a", sha: "aa"), [(processed("عنوان", "نص"), "2015-07-21")])])
        let article = try #require(try store.articles(after: 0, limit: 10).first)
        #expect(article.fileId == entries[0].id)
        let days = try store.replaceTags([(article.id!, tagging(topics: ["syria"], entities: false))])
        #expect(days == ["2015-07-21"])
        #expect(try store.topicCounts(day: "2015-07-21") == ["syria": 1])
        #expect(try store.integrityCheck() == ["ok"])
    }
}

/// The reader's notes on a file (here, UTF-8 damage it repaired) are what the ledger keeps for that file.
struct ReaderNotesInTheLedgerTests {
    @Test func aRepairedFileIsRecordedWithTheReadersNote() throws {
        let helper = StoreTests()
        let store = try helper.makeStore()
        let title = "عنوان الخبر\n\n"
        var bytes = Array((title + "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة القيروان.").utf8)
        bytes.insert(0xC0, at: title.utf8.count)
        let document = try ArticleReader().readDocument(bytes, fileName: "a.txt")
        let read = try #require(document.articles.first)
        let article = ProcessedArticle(
            article: read, tags: helper.tagging(topics: [], entities: false),
            titleKey: TextNormalizer.matchKey(read.title), bodyKey: TextNormalizer.matchKey(read.body)
        )
        _ = try store.record([.processed(helper.file("a", sha: "dd"), [(article, "2015-07-21")], warnings: document.warnings)])
        let entry = try #require(try store.ledger().first)
        #expect(entry.fate == .recorded)
        #expect(entry.notes == "the file is UTF-8 but for 1 damaged byte, replaced by the replacement character \u{FFFD}; the first at byte offset \(title.utf8.count)")
    }
}
