import Foundation
import GRDB
import MarsadCore
import MarsadReading
import MarsadTagging
import MarsadText
import Testing

@testable import MarsadStore

/// Recording inserts search terms stemmed by the readers: the index must be the one the match keys give.
struct SearchIndexTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-search-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("test.sqlite").path }

    func article(_ title: String, _ body: String) -> ProcessedArticle {
        ProcessedArticle(
            article: ReadArticle(title: title, body: body, source: "سانا", language: .arabic, format: .text, encoding: "UTF-8"),
            tags: try! JSONDecoder().decode(TaggingResult.self, from: Data(#"{"topics":[],"entities":[],"dates":[]}"#.utf8)),
            titleKey: TextNormalizer.matchKey(title), bodyKey: TextNormalizer.matchKey(body)
        )
    }

    func outcome(_ name: String, _ title: String, _ body: String) -> IngestOutcome {
        .processed(
            ClaimedFile(claimName: name, name: name, size: 1, sha256: name, firstSeen: Date()),
            [(article(title, body), "2015-07-21")]
        )
    }

    let texts = [
        ("لافروف يلتقي المعلم", "بحث الوزيران أوضاع اللاجئين في سوريا وللمؤتمر القادم"),
        ("اللاجئون يعودون", "عاد اللاجئون وقال لاجئ إن اللاجئين كثر، وروسيا تدعم الاتفاقيات"),
        ("مخيمات", "أقيمت ثلاثة مخيمات للنازحين بـ 1.5 مليون Russia's aid"),
        ("عودة", "بدأت عودة لاجئي سوريا والسوريين فلبنان كتاب"),
    ]
    let queries = ["لاجئين", "روسيا", "اتفاق*", "مؤتمر", "لبنان OR مخيم", "سوري", "\"اللاجئين سوريا\"", "russia", "1.5", "كتاب"]

    /// Titles, snippets and the order of the hits of every query.
    func answers(_ store: Store) throws -> [[String]] {
        try queries.map { query in
            try store.search(try SearchQuery.parse(query)).hits.map { "\($0.title) | \($0.snippet ?? "")" }
        }
    }

    func checkIndex(_ store: Store) throws {
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO articleSearch(articleSearch, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func searchFindsTheSameAsAnIndexBuiltFromTheMatchKeys() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store(path: path)
        _ = try store.record(texts.enumerated().map { outcome("f\($0.offset)", $0.element.0, $0.element.1) })
        let recorded = try answers(store)
        #expect(recorded.allSatisfy { !$0.isEmpty })
        try checkIndex(store)
        try store.writer.write { db in try db.execute(sql: "INSERT INTO articleSearch(articleSearch) VALUES ('rebuild')") }
        #expect(try answers(store) == recorded)
        // Deleting an article takes its words out of the index (the trigger tokenizes the match keys).
        try store.writer.write { db in try db.execute(sql: "DELETE FROM article WHERE title = 'مخيمات'") }
        try checkIndex(store)
        #expect(try store.search(try SearchQuery.parse("مخيم")).total == 0)
    }

    /// An article with a topic, an entity and a date: its tags are inserted with foreign keys.
    func taggedOutcome(_ name: String, _ title: String, _ body: String) -> IngestOutcome {
        var processed = article(title, body)
        processed.tags = try! JSONDecoder().decode(TaggingResult.self, from: Data(#"""
            {"topics":[{"id":"syrian-refugees","score":3,"threshold":1,"evidence":[]}],
             "entities":[{"id":"syria","type":"country","name":"Syria","nameAr":"سوريا","count":1,"forms":["سوريا"],"spans":[]}],
             "dates":[{"date":"2015-07-21","text":"21 تموز"}]}
            """#.utf8))
        return .processed(
            ClaimedFile(claimName: name, name: name, size: 1, sha256: name, firstSeen: Date()), [(processed, "2015-07-21")]
        )
    }

    /// Search rows are inserted after the batch's tags: every article of the batch is indexed, as the
    /// match keys give it, and the batch's terms are written out as one segment at the commit.
    @Test func aBatchOfTaggedArticlesIsIndexedWholeAsOneSegment() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store(path: path)
        _ = try store.record(texts.enumerated().map { taggedOutcome("f\($0.offset)", $0.element.0, $0.element.1) })
        let segments = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT segid) FROM articleSearch_idx")
        }
        #expect(segments == 1)
        try checkIndex(store)
        #expect(try answers(store).allSatisfy { !$0.isEmpty })
        #expect(try store.search(try SearchQuery.parse("لاجئين")).total == 3)
    }

    @Test func theCheckCatchesTermsThatAreNotTheMatchKeys() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store(path: path)
        _ = try store.record([outcome("a", "روسيا", "اللاجئين")])
        try checkIndex(store)
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM articleSearch WHERE rowid = 1")
            try db.execute(
                sql: "INSERT INTO articleSearch(rowid, titleKey, bodyKey) VALUES (1, ?, ?)",
                arguments: [SearchTerms.document("روسيا"), SearchTerms.document("مخيمات")])
        }
        #expect(throws: DatabaseError.self) { try checkIndex(store) }
    }

    @Test func aDatabaseIndexedByTriggerMigratesAndKeepsItsArticlesFound() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.prepareDatabase { db in SearchIndex.register(db) }
        do {
            let old = try DatabaseQueue(path: path, configuration: configuration)
            try Schema.migrator.migrate(old, upTo: "v6-site-templates: fingerprints of lines repeated across a site's pages")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO file (claimName, name, size, firstSeen, decidedAt, fate) VALUES ('old', 'old', 1, 0, 0, 'recorded');
                    INSERT INTO article (fileId, hash, title, body, titleKey, bodyKey, day, ingestedAt, language, format, encoding)
                    VALUES (1, 'h', 'قديم', 'وروسيا تدعم اللاجئين', 'قديم', ?, '2015-07-20', 0, 'ar', 'text', 'UTF-8');
                    """, arguments: [TextNormalizer.matchKey("وروسيا تدعم اللاجئين")])
            }
        }
        let store = try Store(path: path)
        _ = try store.record(texts.enumerated().map { outcome("f\($0.offset)", $0.element.0, $0.element.1) })
        try checkIndex(store)
        #expect(Set(try store.search(try SearchQuery.parse("روسيا")).hits.map(\.title)) == ["قديم", "اللاجئون يعودون"])
        let triggers = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        }
        #expect(triggers == ["__articleSearch_ad", "__articleSearch_au"])
    }

    /// A newer Marsad feeds the index differently: this one must not record into its database.
    @Test func aDatabaseMigratedByANewerMarsadIsRefused() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            let store = try Store(path: path)
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
        }
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            (error as? StoreTooNew)?.unknownMigrations == ["v99-from-the-future"]
        }
    }
}
