import Foundation
import GRDB
import MarsadCore
import MarsadTagging
import MarsadText
import Synchronization

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

/// The ledger entries of a recorded batch, with the time its transaction held the writer.
public struct RecordingReport: Sendable {
    public var entries: [LedgerEntry]
    /// Articles newly stored.
    public var articles: Int
    /// From the start of the transaction to the end of its commit.
    public var transactionTime: Duration
    /// Of which the writer's thread was on a core: the rest it waited for a core or the disk.
    public var transactionCPUTime: Duration
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
    /// Where the words matched, cut from the stored text, with the matched words highlighted.
    public var snippet: String?
}

/// Entity ids by the names a user may type for them (id, English and Arabic
/// names, variants), compared as match keys so that case, hamza forms and
/// diacritics do not matter.
public struct EntityNames: Sendable {
    private var idsByKey: [String: [String]] = [:]
    /// Each entity's names as match-key tokens, for showing where an article names it.
    private var keysById: [String: [[String]]] = [:]

    public init(_ entries: [(id: String, names: [String])]) {
        for (id, names) in entries {
            for name in names {
                let key = Self.key(name)
                guard !key.isEmpty else { continue }
                if !(idsByKey[key]?.contains(id) ?? false) { idsByKey[key, default: []].append(id) }
                let tokens = key.split(separator: " ").map(String.init)
                if !(keysById[id]?.contains(tokens) ?? false) { keysById[id, default: []].append(tokens) }
            }
        }
    }

    /// The names of an entity, each as its match-key tokens.
    func names(of id: String) -> [[String]] {
        keysById[id] ?? []
    }

    /// From the taxonomy's gazetteer: names and variants, without the forms that need context.
    public init(_ entities: [Entity]) {
        self.init(entities.map { entity in
            let ambiguous = Set(entity.ambiguous.map(Self.key))
            let names = [entity.id, entity.en, entity.ar] + entity.variants.filter { !ambiguous.contains(Self.key($0)) }
            return (id: entity.id, names: names)
        })
    }

    /// The ids of the entities a name stands for, in gazetteer order.
    public func ids(named name: String) -> [String] {
        idsByKey[Self.key(name)] ?? []
    }

    static func key(_ name: String) -> String {
        MatchKeyTokenizer.tokens(in: TextNormalizer.matchKey(name)).map(\.text).joined(separator: " ")
    }
}

/// Conditions a search result must meet besides its words.
public struct SearchFilters: Sendable, Equatable {
    public var topic: String?
    /// Entity ids the article must be tagged with, all of them.
    public var entities: [String]
    /// Digest days, `YYYY-MM-DD`, both included.
    public var since: String?
    public var until: String?

    public init(topic: String? = nil, entities: [String] = [], since: String? = nil, until: String? = nil) {
        self.topic = topic
        self.entities = entities
        self.since = since
        self.until = until
    }
}

public struct SearchResults: Sendable, Equatable {
    /// How many articles match in all.
    public var total: Int
    /// The best of them, up to the limit asked for.
    public var hits: [SearchHit]
}

/// MarsadStore owns the SQLite database: the schema and its migrations, the
/// file ledger that makes ingest exactly-once, articles with their tags,
/// full-text search and the record of digests written.
public final class Store: Sendable {
    public let writer: DatabasePool
    /// Entity ids present in the entity table: a mention of any other (a
    /// taxonomy changed under a running writer) inserts its entity once.
    let knownEntities = Mutex<Set<String>>([])

    /// The page cache of the one connection that writes, in KiB (readers keep SQLite's default).
    static let writerCacheKiB = 4_096

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if !db.configuration.readonly {
                // A chunk's transaction dirties more pages than SQLite's default 2 MB cache holds: it
                // spilled them to the WAL mid-transaction, then read them back to write them again
                // at commit, and re-read evicted index pages. Measured on a 4,000-file ingest: with
                // 4 MB, 25,200 reads instead of 38,900 and 50,800 writes instead of 61,300; 8 MB
                // saves 5,000 reads and 3,000 writes more, but a burst of dated records peaks within
                // a few MB of the daemon's 150 MB memory budget, which the cache would take.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
            }
            SearchIndex.register(db)
        }
        writer = try DatabasePool(path: path, configuration: configuration)
        let migrator = Schema.migrator
        let unknown = try writer.read { db in try migrator.appliedIdentifiers(db).subtracting(migrator.migrations) }
        guard unknown.isEmpty else { throw StoreTooNew(path: path, unknownMigrations: unknown.sorted()) }
        try migrator.migrate(writer)
    }

    /// Makes the entity table match the taxonomy's gazetteer. Done once per
    /// taxonomy, so that recording never upserts an entity per mention.
    public func syncEntities(_ entities: [Entity]) throws {
        let ids = try writer.write { db in
            // Only what changed is written: every command starts here, and upserting the whole
            // gazetteer each time cost more than the rest of a small ingest's start-up.
            var stored: [String: EntityRecord] = [:]
            for record in try EntityRecord.fetchAll(db) { stored[record.id] = record }
            for entity in entities {
                let record = EntityRecord(id: entity.id, type: entity.type.rawValue, nameEn: entity.en, nameAr: entity.ar)
                if stored[entity.id] != record {
                    try record.upsert(db)
                    stored[entity.id] = record
                }
            }
            return Array(stored.keys)
        }
        knownEntities.withLock { $0 = Set(ids) }
    }

    /// The ledger entry of a claim, if it was already decided (crash recovery).
    public func entry(claimName: String) throws -> LedgerEntry? {
        try writer.read { db in
            try LedgerEntry.filter(Column("claimName") == claimName).fetchOne(db)
        }
    }

    /// The ledger entries of those claims that were already decided, by claim name.
    public func entries(claimNames: [String]) throws -> [String: LedgerEntry] {
        guard !claimNames.isEmpty else { return [:] }
        return try writer.read { db in
            var found: [String: LedgerEntry] = [:]
            let statement = try db.cachedStatement(sql: "SELECT * FROM file WHERE claimName = ?")
            for name in claimNames {
                if let entry = try LedgerEntry.fetchOne(statement, arguments: [name]) { found[name] = entry }
            }
            return found
        }
    }

    /// Records a batch of outcomes in one transaction and returns each file's
    /// ledger entry, in order. A claim already in the ledger is returned as it
    /// was decided, so recording again after a crash never records twice.
    /// The days that received articles are marked as due for digests in the
    /// same transaction, so that a restart writes them whatever happened after.
    public func record(_ outcomes: [IngestOutcome], now: Date = Date()) throws -> [LedgerEntry] {
        let known = knownEntities.withLock { $0 }
        let (entries, added) = try writer.write { db in try Self.record(outcomes, now: now, knownEntities: known, db: db) }
        if !added.isEmpty { knownEntities.withLock { $0.formUnion(added) } }
        return entries
    }

    /// `record`, on the store's writer queue: the caller's thread is free meanwhile. Also says how
    /// long the transaction held the writer, from its start to the end of its commit.
    public func recordInBackground(_ outcomes: [IngestOutcome], now: Date = Date()) async throws -> RecordingReport {
        let known = knownEntities.withLock { $0 }
        let report = try await writer.writeWithoutTransaction { db in
            let clock = ContinuousClock()
            let start = (clock.now, Self.threadCPUTime())
            var recorded: (entries: [LedgerEntry], addedEntities: Set<String>) = ([], [])
            try db.inTransaction(.immediate) {
                recorded = try Self.record(outcomes, now: now, knownEntities: known, db: db)
                return .commit
            }
            return (recorded, clock.now - start.0, Self.threadCPUTime() - start.1)
        }
        let ((entries, added), transactionTime, cpuTime) = report
        if !added.isEmpty { knownEntities.withLock { $0.formUnion(added) } }
        let articles = entries.reduce(0) { $0 + ($1.fate == .recorded ? $1.articleCount : 0) }
        return RecordingReport(entries: entries, articles: articles, transactionTime: transactionTime, transactionCPUTime: cpuTime)
    }

    private static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    private static func record(
        _ outcomes: [IngestOutcome], now: Date, knownEntities: Set<String>, db: Database
    ) throws -> (entries: [LedgerEntry], addedEntities: Set<String>) {
        var batch = try RecordingBatch(db: db, now: now, knownEntities: knownEntities)
        let entries = try outcomes.map { try batch.record($0) }
        try batch.finish()
        return (entries, batch.addedEntities)
    }

    /// Replaces the tags of stored articles (after the taxonomy changed) and
    /// returns the days whose digests changed.
    public func replaceTags(_ tagged: [(articleId: Int64, tags: TaggingResult)]) throws -> Set<String> {
        try writer.write { db in
            var days = Set<String>()
            var batch = try RecordingBatch(db: db, now: Date(), knownEntities: knownEntities.withLock { $0 })
            for (articleId, tags) in tagged {
                try ArticleTopicRecord.filter(Column("articleId") == articleId).deleteAll(db)
                try EntityMentionRecord.filter(Column("articleId") == articleId).deleteAll(db)
                try ArticleDateRecord.filter(Column("articleId") == articleId).deleteAll(db)
                try batch.writeTags(tags, articleId: articleId)
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

    /// A stored article with its topics, entities and the file it came from (`marsad show`).
    public func articleDetails(id: Int64) throws -> ArticleDetails? {
        try writer.read { db in
            guard let article = try ArticleRecord.fetchOne(db, key: id) else { return nil }
            let topics = try ArticleTopicRecord.filter(Column("articleId") == id).order(Column("score").desc, Column("topicId")).fetchAll(db)
            let entities = try Row.fetchAll(db, sql: """
                SELECT entity.id, entity.type, entity.nameEn, entity.nameAr, entityMention.count
                FROM entityMention JOIN entity ON entity.id = entityMention.entityId
                WHERE entityMention.articleId = ? ORDER BY entityMention.count DESC, entity.id
                """, arguments: [id]).map {
                StoredTaggedArticle.Entity(id: $0["id"], type: $0["type"], nameEn: $0["nameEn"], nameAr: $0["nameAr"], count: $0["count"])
            }
            let fileName = try String.fetchOne(db, sql: "SELECT name FROM file WHERE id = ?", arguments: [article.fileId]) ?? ""
            return ArticleDetails(
                article: article, fileName: fileName, topics: topics.map { (id: $0.topicId, score: $0.score) }, entities: entities
            )
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

    /// Articles that match a query and filters, best first (bm25, title words
    /// weighing more), with the total number that match. A query word that is
    /// an entity's id or English or Arabic name also finds the articles tagged
    /// with that entity. An empty query lists the filtered articles, newest first.
    public func search(
        _ query: SearchQuery, filters: SearchFilters = SearchFilters(), names: EntityNames? = nil, limit: Int = 50,
        highlight: (open: String, close: String) = ("[", "]")
    ) throws -> SearchResults {
        let names = try names ?? entityNames()
        return try writer.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            // A word that names an entity finds the entity's articles; their passages show its names.
            var entityNames: [[String]] = []
            if !query.isEmpty {
                var groups: [String] = []
                for group in query.alternatives {
                    var parts: [String] = []
                    for term in group {
                        var part = "article.id IN (SELECT rowid FROM articleSearch WHERE articleSearch MATCH ?)"
                        arguments.append(term.ftsExpression)
                        let named = term.isPrefix ? [] : names.ids(named: term.text)
                        if !named.isEmpty {
                            for id in named { entityNames += names.names(of: id).filter { !entityNames.contains($0) } }
                            part = "(\(part) OR article.id IN (SELECT articleId FROM entityMention WHERE entityId IN (\(Self.placeholders(named.count)))))"
                            arguments.append(contentsOf: named)
                        }
                        parts.append(part)
                    }
                    groups.append("(" + parts.joined(separator: " AND ") + ")")
                }
                conditions.append("(" + groups.joined(separator: " OR ") + ")")
            }
            if let topic = filters.topic {
                conditions.append("article.id IN (SELECT articleId FROM articleTopic WHERE topicId = ?)")
                arguments.append(topic)
            }
            for entity in filters.entities {
                conditions.append("article.id IN (SELECT articleId FROM entityMention WHERE entityId = ?)")
                arguments.append(entity)
            }
            if let since = filters.since {
                conditions.append("article.day >= ?")
                arguments.append(since)
            }
            if let until = filters.until {
                conditions.append("article.day <= ?")
                arguments.append(until)
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM article \(whereClause)", arguments: StatementArguments(arguments)
            ) ?? 0
            guard limit > 0, total > 0 else { return SearchResults(total: total, hits: []) }

            // Rank by every word of the query at once, so that articles matching more of them come first.
            let anyWord = query.terms.map(\.ftsExpression).joined(separator: " OR ")
            let ranked = anyWord.isEmpty
                ? "SELECT NULL AS rowid, NULL AS rank WHERE 0"
                : "SELECT rowid, \(SearchIndex.bm25) AS rank FROM articleSearch WHERE articleSearch MATCH ?"
            let rankArguments: [any DatabaseValueConvertible] = anyWord.isEmpty ? [] : [anyWord]
            let rows = try Row.fetchAll(db, sql: """
                SELECT article.id, article.day, article.title, article.source, article.site,
                       article.body,
                       (SELECT group_concat(topicId, ',') FROM articleTopic WHERE articleId = article.id) AS topics
                FROM article
                LEFT JOIN (\(ranked)) AS ranked ON ranked.rowid = article.id
                \(whereClause)
                ORDER BY ranked.rank IS NULL, ranked.rank, article.day DESC, article.id DESC
                LIMIT ?
                """, arguments: StatementArguments(rankArguments + arguments + [limit]))
            let hits = rows.map { row in
                SearchHit(
                    id: row["id"], day: row["day"], title: row["title"], source: row["source"] ?? row["site"],
                    topics: (row["topics"] as String?)?.split(separator: ",").map(String.init).sorted() ?? [],
                    // Cut from the stored text: the index holds match-key stems, not words to read.
                    snippet: query.snippet(of: row["body"], names: entityNames, highlight: highlight) ?? Self.opening(row["body"])
                )
            }
            return SearchResults(total: total, hits: hits)
        }
    }

    /// The names of the entities in the database (id, English and Arabic names),
    /// for searches without the taxonomy at hand.
    public func entityNames() throws -> EntityNames {
        try writer.read { db in
            EntityNames(try EntityRecord.fetchAll(db).map { (id: $0.id, names: [$0.id, $0.nameEn, $0.nameAr]) })
        }
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// The first words of a body (at most about 200 letters of its first line, cut
    /// between words), for hits found through an entity rather than a word.
    static func opening(_ text: String?) -> String? {
        guard let text else { return nil }
        let line = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        guard line.count > 200 else {
            return line.endIndex < text.unicodeScalars.endIndex ? String(line) + " …" : String(line)
        }
        let cut = line.prefix(200)
        let wordEnd = cut.lastIndex { $0.properties.isWhitespace } ?? cut.endIndex
        return String(text.unicodeScalars[cut.startIndex..<wordEnd]) + " …"
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

    /// A page of a day's articles with topics after `after`, in id order, with what a digest needs
    /// of them: the file name, every topic with its score, entities and dates (one query each per
    /// page). Articles without a topic are in no digest and are not read: on a day of news from
    /// everywhere they are most of it. `through` is the id the next page starts after: the last
    /// article of a full page, or else the day's newest article, with or without topics.
    public func digestPage(day: String, after: Int64, limit: Int) throws -> (articles: [StoredTaggedArticle], through: Int64) {
        try writer.read { db in
            let articles = try ArticleRecord.fetchAll(db, sql: """
                SELECT * FROM article WHERE day = ? AND id > ?
                AND EXISTS (SELECT 1 FROM articleTopic WHERE articleTopic.articleId = article.id)
                ORDER BY id LIMIT ?
                """, arguments: [day, after, limit])
            // In the same read as the page, so that no article recorded meanwhile is passed over.
            let through = articles.count == limit
                ? articles.last?.id ?? after
                : max(after, try Int64.fetchOne(db, sql: "SELECT max(id) FROM article WHERE day = ?", arguments: [day]) ?? after)
            return (try taggedArticles(articles, db: db), through)
        }
    }

    /// Articles with their file names, topics, entities and dates.
    private func taggedArticles(_ articles: [ArticleRecord], db: Database) throws -> [StoredTaggedArticle] {
        guard let first = articles.first?.id, let last = articles.last?.id else { return [] }
        let range: [any DatabaseValueConvertible] = [first, last]
        var topics: [Int64: [String: Double]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT articleId, topicId, score FROM articleTopic WHERE articleId BETWEEN ? AND ?
            """, arguments: StatementArguments(range)) {
            topics[row[0], default: [:]][row[1]] = row[2]
        }
        var entities: [Int64: [StoredTaggedArticle.Entity]] = [:]
        let wanted = Set(articles.compactMap(\.id))
        for row in try Row.fetchAll(db, sql: """
            SELECT entityMention.articleId, entity.id, entity.type, entity.nameEn, entity.nameAr, entityMention.count,
                   entityMention.forms
            FROM entityMention JOIN entity ON entity.id = entityMention.entityId
            WHERE entityMention.articleId BETWEEN ? AND ? ORDER BY entityMention.articleId, entity.id
            """, arguments: StatementArguments(range)) where wanted.contains(row[0]) {
            let json: String? = row[6]
            let forms = json.flatMap { RecordingBatch.strings(fromJSONArray: $0) }
                ?? (json?.data(using: .utf8)).flatMap { try? JSONDecoder().decode([String].self, from: $0) } ?? []
            entities[row[0], default: []].append(StoredTaggedArticle.Entity(
                id: row[1], type: row[2], nameEn: row[3], nameAr: row[4], count: row[5], forms: forms
            ))
        }
        var dates: [Int64: [ArticleDateRecord]] = [:]
        for date in try ArticleDateRecord.fetchAll(db, sql: """
            SELECT * FROM articleDate WHERE articleId BETWEEN ? AND ? ORDER BY articleId, date
            """, arguments: StatementArguments(range)) {
            dates[date.articleId, default: []].append(date)
        }
        var names: [Int64: String] = [:]
        let fileIds = Array(Set(articles.map(\.fileId)))
        for row in try Row.fetchAll(db, sql: """
            SELECT id, name FROM file WHERE id IN (\(fileIds.map { _ in "?" }.joined(separator: ",")))
            """, arguments: StatementArguments(fileIds)) {
            names[row[0]] = row[1]
        }
        return articles.map { article in
            let id = article.id!
            return StoredTaggedArticle(
                article: article, fileName: names[article.fileId] ?? "", topicScores: topics[id] ?? [:],
                entities: entities[id] ?? [], dates: dates[id] ?? []
            )
        }
    }

    /// Each article of a day with each of its topics and its entities: what
    /// the next day's digests compare their who and where with.
    public func topicEntities(day: String) throws -> [(articleId: Int64, topicId: String, entities: [StoredTaggedArticle.Entity])] {
        try writer.read { db in
            var entities: [Int64: [StoredTaggedArticle.Entity]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT entityMention.articleId, entity.id, entity.type, entity.nameEn, entity.nameAr, entityMention.count
                FROM article JOIN entityMention ON entityMention.articleId = article.id
                JOIN entity ON entity.id = entityMention.entityId
                WHERE article.day = ?
                """, arguments: [day]) {
                entities[row[0], default: []].append(
                    StoredTaggedArticle.Entity(id: row[1], type: row[2], nameEn: row[3], nameAr: row[4], count: row[5]))
            }
            return try Row.fetchAll(db, sql: """
                SELECT articleTopic.articleId, articleTopic.topicId FROM article
                JOIN articleTopic ON articleTopic.articleId = article.id WHERE article.day = ? ORDER BY article.id
                """, arguments: [day]).map { row in
                let id: Int64 = row[0]
                return (id, row[1], entities[id] ?? [])
            }
        }
    }

    /// Days whose digests are due: marked when their articles were recorded, not yet written.
    public func dueDigestDays() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT day FROM digestDue ORDER BY day") }
    }

    /// Digests of `day` are on disk: those of `topics` (each with its article count) were written and,
    /// with `throughArticle`, every article up to it is in them. One transaction, so that the digest
    /// writer waits for the recording writer once per day written, not once per topic.
    public func digestsWritten(
        day: String, throughArticle: Int64?, topics: [(topicId: String, articleCount: Int)] = [], at date: Date = Date()
    ) throws {
        try writer.write { db in
            for (topicId, articleCount) in topics {
                try DigestRecord(day: day, topicId: topicId, articleCount: articleCount, writtenAt: date).upsert(db)
            }
            if let throughArticle {
                try db.execute(sql: "DELETE FROM digestDue WHERE day = ? AND throughArticle <= ?", arguments: [day, throughArticle])
            }
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

/// An article with all its tags, as `marsad show` prints it.
public struct ArticleDetails: Sendable {
    public var article: ArticleRecord
    public var fileName: String
    /// Best first.
    public var topics: [(id: String, score: Double)]
    /// Most mentioned first.
    public var entities: [StoredTaggedArticle.Entity]
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
    /// Every topic of the article, with its score.
    public var topicScores: [String: Double]
    public var entities: [Entity]
    public var dates: [ArticleDateRecord]
}
