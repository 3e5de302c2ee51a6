import Foundation
import GRDB
import MarsadCore
import MarsadTagging

/// A file taken from the inbox, identified by its unique claim name.
public struct ClaimedFile: Sendable, Equatable {
    public var claimName: String
    public var name: String
    public var size: Int
    public var sha256: String?
    public var firstSeen: Date
    public init(claimName: String, name: String, size: Int, sha256: String?, firstSeen: Date) {
        self.claimName = claimName
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.firstSeen = firstSeen
    }
}

/// What the pipeline made of one claimed file, ready to be recorded.
public enum IngestOutcome: Sendable {
    /// Articles with the digest day each belongs to.
    case processed(ClaimedFile, [(article: ProcessedArticle, day: String)], warnings: [String] = [])
    case failed(ClaimedFile, stage: String, message: String)

    public var file: ClaimedFile {
        switch self {
        case .processed(let file, _, _), .failed(let file, _, _): file
        }
    }
}

public struct StoreStatus: Codable, Sendable, Equatable {
    public var recordedToday: Int
    public var duplicatesToday: Int
    public var failedToday: Int
    public var failedTotal: Int
    public var articles: Int
    public var lastIngest: Date?
}

public struct SearchHit: Codable, Sendable, Equatable {
    public var id: Int64
    public var day: String
    public var title: String
    public var source: String?
    public var topics: [String]
}

/// MarsadStore owns the SQLite database: the schema and its migrations, the
/// file ledger that makes ingest exactly-once, articles with their tags,
/// full-text search and the record of digests written.
public final class Store: Sendable {
    public let writer: DatabasePool

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        writer = try DatabasePool(path: path, configuration: configuration)
        try Schema.migrator.migrate(writer)
    }

    /// Makes the entity table match the taxonomy's gazetteer.
    public func syncEntities(_ entities: [Entity]) throws {
        try writer.write { db in
            for entity in entities {
                try EntityRecord(id: entity.id, type: entity.type.rawValue, nameEn: entity.en, nameAr: entity.ar).upsert(db)
            }
        }
    }

    /// The ledger entry of a claim, if it was already decided (crash recovery).
    public func entry(claimName: String) throws -> LedgerEntry? {
        try writer.read { db in
            try LedgerEntry.filter(Column("claimName") == claimName).fetchOne(db)
        }
    }

    /// Records a batch of outcomes in one transaction and returns each file's
    /// ledger entry, in order. A claim already in the ledger is returned as it
    /// was decided, so recording again after a crash never records twice.
    public func record(_ outcomes: [IngestOutcome], now: Date = Date()) throws -> [LedgerEntry] {
        try writer.write { db in
            var entries: [LedgerEntry] = []
            for outcome in outcomes {
                entries.append(try record(outcome, now: now, db: db))
            }
            return entries
        }
    }

    private func record(_ outcome: IngestOutcome, now: Date, db: Database) throws -> LedgerEntry {
        let file = outcome.file
        if let existing = try LedgerEntry.filter(Column("claimName") == file.claimName).fetchOne(db) {
            return existing
        }
        var entry = LedgerEntry(
            id: nil, claimName: file.claimName, name: file.name, sha256: file.sha256, size: file.size,
            firstSeen: file.firstSeen, decidedAt: now, fate: .failed, stage: nil, error: nil, attempts: 1,
            duplicateOf: nil, articleCount: 0, notes: nil
        )
        switch outcome {
        case .failed(_, let stage, let message):
            entry.stage = stage
            entry.error = message
            if let sha = file.sha256 {
                entry.attempts += try LedgerEntry
                    .filter(Column("sha256") == sha && Column("fate") == Fate.failed.rawValue).fetchCount(db)
            }
            try entry.insert(db)
        case .processed(_, let articles, let warnings):
            entry.notes = warnings.isEmpty ? nil : warnings.joined(separator: "; ")
            if let sha = file.sha256,
               let original = try LedgerEntry
                   .filter(Column("sha256") == sha && Column("fate") == Fate.recorded.rawValue).fetchOne(db)
            {
                entry.fate = .duplicate
                entry.duplicateOf = original.id
                try entry.insert(db)
                return entry
            }
            entry.fate = .recorded
            try entry.insert(db)
            var inserted = 0
            var firstExisting: Int64?
            for (processed, day) in articles {
                let hash = SHA256.hex(Array((processed.titleKey + "\n" + processed.bodyKey).utf8))
                if let existing = try ArticleRecord.filter(Column("hash") == hash).fetchOne(db) {
                    firstExisting = firstExisting ?? existing.fileId
                    continue
                }
                try insert(processed, day: day, hash: hash, fileId: entry.id!, now: now, db: db)
                inserted += 1
            }
            if inserted == 0, let firstExisting {
                // Every article was already known from another file: the same news in other bytes.
                entry.fate = .duplicate
                entry.duplicateOf = firstExisting
            }
            entry.articleCount = inserted
            try entry.update(db)
        }
        return entry
    }

    private func insert(_ processed: ProcessedArticle, day: String, hash: String, fileId: Int64, now: Date, db: Database) throws {
        let read = processed.article
        var article = ArticleRecord(
            id: nil, fileId: fileId, recordIndex: read.recordIndex, hash: hash, title: read.title, body: read.body,
            titleKey: processed.titleKey, bodyKey: processed.bodyKey, source: read.source, site: read.siteName,
            author: read.author, url: read.url, publishedAt: read.published, day: day, ingestedAt: now,
            language: read.language.rawValue, format: read.format.rawValue, encoding: read.encoding
        )
        try article.insert(db)
        try writeTags(processed.tags, articleId: article.id!, db: db)
    }

    private func writeTags(_ tags: TaggingResult, articleId: Int64, db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for topic in tags.topics {
            let evidence = String(decoding: try encoder.encode(topic.evidence), as: UTF8.self)
            try ArticleTopicRecord(articleId: articleId, topicId: topic.id, score: topic.score, evidence: evidence).insert(db)
        }
        for mention in tags.entities {
            try EntityRecord(id: mention.id, type: mention.type.rawValue, nameEn: mention.name, nameAr: mention.nameAr)
                .insert(db, onConflict: .ignore)
            let forms = String(decoding: try encoder.encode(mention.forms), as: UTF8.self)
            try EntityMentionRecord(articleId: articleId, entityId: mention.id, count: mention.count, forms: forms).insert(db)
        }
        for date in tags.dates {
            try ArticleDateRecord(articleId: articleId, date: date.date, text: date.text).insert(db)
        }
    }

    /// Replaces the tags of stored articles (after the taxonomy changed) and
    /// returns the days whose digests changed.
    public func replaceTags(_ tagged: [(articleId: Int64, tags: TaggingResult)]) throws -> Set<String> {
        try writer.write { db in
            var days = Set<String>()
            for (articleId, tags) in tagged {
                try ArticleTopicRecord.filter(Column("articleId") == articleId).deleteAll(db)
                try EntityMentionRecord.filter(Column("articleId") == articleId).deleteAll(db)
                try ArticleDateRecord.filter(Column("articleId") == articleId).deleteAll(db)
                try writeTags(tags, articleId: articleId, db: db)
                if let day = try String.fetchOne(db, sql: "SELECT day FROM article WHERE id = ?", arguments: [articleId]) {
                    days.insert(day)
                }
            }
            return days
        }
    }

    /// Articles in id order, a page at a time, for re-tagging.
    public func articles(after id: Int64, limit: Int) throws -> [ArticleRecord] {
        try writer.read { db in
            try ArticleRecord.filter(Column("id") > id).order(Column("id")).limit(limit).fetchAll(db)
        }
    }

    public func article(id: Int64) throws -> ArticleRecord? {
        try writer.read { db in try ArticleRecord.fetchOne(db, key: id) }
    }

    public func articleCount() throws -> Int {
        try writer.read { db in try ArticleRecord.fetchCount(db) }
    }

    public func status(since startOfDay: Date) throws -> StoreStatus {
        try writer.read { db in
            func count(_ fate: Fate, since: Date?) throws -> Int {
                var request = LedgerEntry.filter(Column("fate") == fate.rawValue)
                if let since { request = request.filter(Column("decidedAt") >= since) }
                return try request.fetchCount(db)
            }
            return StoreStatus(
                recordedToday: try count(.recorded, since: startOfDay),
                duplicatesToday: try count(.duplicate, since: startOfDay),
                failedToday: try count(.failed, since: startOfDay),
                failedTotal: try count(.failed, since: nil),
                articles: try ArticleRecord.fetchCount(db),
                lastIngest: try Date.fetchOne(db, sql: "SELECT MAX(decidedAt) FROM file WHERE fate != 'failed'")
            )
        }
    }

    /// Full-text search over match keys; `matchKeyQuery` is already normalised.
    public func search(matchKeyQuery: String, limit: Int = 50) throws -> [SearchHit] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: matchKeyQuery) else { return [] }
        return try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT article.id, article.day, article.title, article.source,
                       (SELECT group_concat(topicId, ',') FROM articleTopic WHERE articleId = article.id) AS topics
                FROM article
                JOIN articleSearch ON articleSearch.rowid = article.id
                WHERE articleSearch MATCH ?
                ORDER BY article.day DESC, bm25(articleSearch)
                LIMIT ?
                """, arguments: [pattern, limit])
            return rows.map { row in
                SearchHit(
                    id: row["id"], day: row["day"], title: row["title"], source: row["source"],
                    topics: (row["topics"] as String?)?.split(separator: ",").map(String.init).sorted() ?? []
                )
            }
        }
    }

    /// Topic ids with their article counts for a day.
    public func topicCounts(day: String) throws -> [String: Int] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT topicId, COUNT(*) AS n FROM articleTopic JOIN article ON article.id = articleTopic.articleId
                WHERE article.day = ? GROUP BY topicId
                """, arguments: [day])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["topicId"] as String, $0["n"] as Int) })
        }
    }

    /// The articles of one topic and day, with what a digest needs of them.
    public func digestArticles(day: String, topicId: String) throws -> [StoredTaggedArticle] {
        try writer.read { db in
            let articles = try ArticleRecord.fetchAll(db, sql: """
                SELECT article.* FROM article JOIN articleTopic ON articleTopic.articleId = article.id
                WHERE article.day = ? AND articleTopic.topicId = ? ORDER BY article.id
                """, arguments: [day, topicId])
            return try articles.map { article in
                let id = article.id!
                let score = try Double.fetchOne(db, sql: "SELECT score FROM articleTopic WHERE articleId = ? AND topicId = ?", arguments: [id, topicId]) ?? 0
                let entities = try Row.fetchAll(db, sql: """
                    SELECT entity.id, entity.type, entity.nameEn, entity.nameAr, entityMention.count, entityMention.forms
                    FROM entityMention JOIN entity ON entity.id = entityMention.entityId
                    WHERE entityMention.articleId = ? ORDER BY entity.id
                    """, arguments: [id]).map {
                    let forms = (($0["forms"] as String?)?.data(using: .utf8))
                        .flatMap { try? JSONDecoder().decode([String].self, from: $0) } ?? []
                    return StoredTaggedArticle.Entity(
                        id: $0["id"], type: $0["type"], nameEn: $0["nameEn"], nameAr: $0["nameAr"], count: $0["count"], forms: forms
                    )
                }
                let dates = try ArticleDateRecord.filter(Column("articleId") == id).order(Column("date")).fetchAll(db)
                let fileName = try String.fetchOne(db, sql: "SELECT name FROM file WHERE id = ?", arguments: [article.fileId]) ?? ""
                return StoredTaggedArticle(article: article, fileName: fileName, topicScore: score, entities: entities, dates: dates)
            }
        }
    }

    public func recordDigest(day: String, topicId: String, articleCount: Int, at date: Date = Date()) throws {
        try writer.write { db in
            try DigestRecord(day: day, topicId: topicId, articleCount: articleCount, writtenAt: date).upsert(db)
        }
    }

    /// Days that have at least one article.
    public func days() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT day FROM article ORDER BY day") }
    }

    /// `PRAGMA integrity_check`: "ok" when the database is sound.
    public func integrityCheck() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    public func ledger() throws -> [LedgerEntry] {
        try writer.read { db in try LedgerEntry.order(Column("id")).fetchAll(db) }
    }
}

/// An article with the tags a digest shows.
public struct StoredTaggedArticle: Sendable {
    public struct Entity: Sendable {
        public var id: String
        public var type: String
        public var nameEn: String
        public var nameAr: String
        public var count: Int
        /// The words the article names it by.
        public var forms: [String] = []
    }
    public var article: ArticleRecord
    public var fileName: String
    public var topicScore: Double
    public var entities: [Entity]
    public var dates: [ArticleDateRecord]
}
