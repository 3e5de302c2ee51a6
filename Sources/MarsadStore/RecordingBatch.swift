import Foundation
import GRDB
import MarsadCore
import MarsadTagging

/// The writes of one recording transaction, through prepared statements kept
/// for the whole batch: the ledger, articles with their search terms (stemmed
/// by the readers, see ``SearchIndex``), their tags, and the days whose
/// digests become due.
///
/// The articles' search rows are inserted last, one after another, by
/// ``finish()``: FTS5 gathers a transaction's terms in an in-memory hash of
/// about a megabyte, and with each article's search row inserted between its
/// own row and its tags the writer spent more CPU on the same rows (likely
/// that hash's look-ups missing the cache more often).
struct RecordingBatch {
    let db: Database
    let now: Date
    /// `now` as stored, formatted once per batch rather than once per row: GRDB formats a date
    /// with a `DateFormatter`, which cost more than the rest of the ledger row.
    private let storedNow: DatabaseValue
    /// The last first-seen date and its stored form: a chunk's files share one.
    private var storedFirstSeen: (date: Date, value: DatabaseValue)?
    private var knownEntities: Set<String>
    private(set) var addedEntities: Set<String> = []
    /// Per day, the highest article id recorded in this batch.
    private(set) var newestArticleOfDay: [String: Int64] = [:]
    /// Articles recorded in this batch whose search rows ``finish()`` inserts, in id order.
    private var unindexed: [(id: Int64, article: ProcessedArticle)] = []

    private let entryOfClaim: Statement
    private let failedAttempts: Statement
    private let recordedWithSHA: Statement
    private let fileOfArticleHash: Statement
    private let insertFile: Statement
    private let insertArticle: Statement
    private let indexArticle: Statement
    private let insertTopic: Statement
    private let insertMention: Statement
    private let insertEntity: Statement
    private let insertDate: Statement

    init(db: Database, now: Date, knownEntities: Set<String>) throws {
        self.db = db
        self.now = now
        storedNow = now.databaseValue
        self.knownEntities = knownEntities
        entryOfClaim = try db.cachedStatement(sql: "SELECT * FROM file WHERE claimName = ?")
        failedAttempts = try db.cachedStatement(sql: "SELECT COUNT(*) FROM file WHERE sha256 = ? AND fate = 'failed'")
        recordedWithSHA = try db.cachedStatement(sql: "SELECT id FROM file WHERE sha256 = ? AND fate = 'recorded'")
        fileOfArticleHash = try db.cachedStatement(sql: "SELECT fileId FROM article WHERE hash = ?")
        insertFile = try db.cachedStatement(sql: """
            INSERT INTO file (claimName, name, sha256, size, firstSeen, decidedAt, fate, stage, error, attempts,
                              duplicateOf, articleCount, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertArticle = try db.cachedStatement(sql: """
            INSERT INTO article (fileId, recordIndex, hash, title, body, titleKey, bodyKey, source, site, author, url,
                                 publishedAt, day, ingestedAt, language, format, encoding, credit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        indexArticle = try db.cachedStatement(sql: "INSERT INTO \(SearchIndex.name) (rowid, titleKey, bodyKey) VALUES (?, ?, ?)")
        insertTopic = try db.cachedStatement(sql: "INSERT INTO articleTopic (articleId, topicId, score) VALUES (?, ?, ?)")
        insertMention = try db.cachedStatement(
            sql: "INSERT INTO entityMention (articleId, entityId, count, forms) VALUES (?, ?, ?, ?)"
        )
        insertEntity = try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity (id, type, nameEn, nameAr) VALUES (?, ?, ?, ?)")
        insertDate = try db.cachedStatement(sql: "INSERT INTO articleDate (articleId, date, text) VALUES (?, ?, ?)")
    }

    mutating func record(_ outcome: IngestOutcome) throws -> LedgerEntry {
        let file = outcome.file
        if let existing = try LedgerEntry.fetchOne(entryOfClaim, arguments: [file.claimName]) {
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
                entry.attempts += try Int.fetchOne(failedAttempts, arguments: [sha]) ?? 0
            }
            try insert(&entry)
        case .processed(_, let articles, let warnings):
            entry.notes = warnings.isEmpty ? nil : warnings.joined(separator: "; ")
            if let sha = file.sha256, let original = try Int64.fetchOne(recordedWithSHA, arguments: [sha]) {
                entry.fate = .duplicate
                entry.duplicateOf = original
                try insert(&entry)
                return entry
            }
            // Which articles are new is settled before the file row is written, so it is written once.
            var fresh: [(article: ProcessedArticle, day: String)] = []
            var hashesInFile = Set<String>()
            var firstExisting: Int64?
            for (processed, day) in articles where hashesInFile.insert(processed.contentHash).inserted {
                if let existing = try Int64.fetchOne(fileOfArticleHash, arguments: [processed.contentHash]) {
                    firstExisting = firstExisting ?? existing
                } else {
                    fresh.append((processed, day))
                }
            }
            if fresh.isEmpty, let firstExisting {
                // Every article was already known from another file: the same news in other bytes.
                entry.fate = .duplicate
                entry.duplicateOf = firstExisting
            } else {
                entry.fate = .recorded
            }
            entry.articleCount = fresh.count
            try insert(&entry)
            for (processed, day) in fresh {
                try insert(processed, day: day, fileId: entry.id!)
            }
        }
        return entry
    }

    private mutating func insert(_ entry: inout LedgerEntry) throws {
        if storedFirstSeen?.date != entry.firstSeen { storedFirstSeen = (entry.firstSeen, entry.firstSeen.databaseValue) }
        let decidedAt = entry.decidedAt == now ? storedNow : entry.decidedAt.databaseValue
        try insertFile.execute(arguments: [
            entry.claimName, entry.name, entry.sha256, entry.size, storedFirstSeen!.value, decidedAt, entry.fate.rawValue,
            entry.stage, entry.error, entry.attempts, entry.duplicateOf, entry.articleCount, entry.notes,
        ])
        entry.id = db.lastInsertedRowID
    }

    private mutating func insert(_ processed: ProcessedArticle, day: String, fileId: Int64) throws {
        let read = processed.article
        try insertArticle.execute(arguments: [
            fileId, read.recordIndex, processed.contentHash, read.title, read.body, processed.titleKey, processed.bodyKey,
            read.source, read.siteName, read.author, read.url, read.published, day, storedNow, read.language.rawValue,
            read.format.rawValue, read.encoding, read.credit,
        ])
        let articleId = db.lastInsertedRowID
        unindexed.append((articleId, processed))
        newestArticleOfDay[day] = max(newestArticleOfDay[day] ?? 0, articleId)
        try writeTags(processed.tags, articleId: articleId)
    }

    /// Topics with their scores, entity mentions with their counts and the words
    /// naming them, and dates. The evidence behind a topic is not stored:
    /// `marsad explain` recomputes it from the text.
    mutating func writeTags(_ tags: TaggingResult, articleId: Int64) throws {
        for topic in tags.topics {
            try insertTopic.execute(arguments: [articleId, topic.id, topic.score])
        }
        for mention in tags.entities {
            if !knownEntities.contains(mention.id) {
                try insertEntity.execute(arguments: [mention.id, mention.type.rawValue, mention.name, mention.nameAr])
                knownEntities.insert(mention.id)
                addedEntities.insert(mention.id)
            }
            try insertMention.execute(arguments: [articleId, mention.id, mention.count, Self.jsonArray(mention.forms)])
        }
        for date in tags.dates {
            try insertDate.execute(arguments: [articleId, date.date, date.text])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON array of strings, written directly over UTF-8: an encoder per mention cost more than the insert.
    static func jsonArray(_ strings: [String]) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, string) in strings.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            // Multi-byte sequences never contain bytes below 0x80, so escaping byte by byte is exact.
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""): json += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): json += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: json += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: json += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: json += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0..<0x20:
                    json += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                             Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]]
                default: json.append(byte)
                }
            }
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    /// The strings of a JSON array as `jsonArray` writes it, read without a `JSONDecoder` (one per
    /// mention cost more than its query when digests page through a day); nil for any other JSON,
    /// which the caller then decodes in full.
    static func strings(fromJSONArray json: String) -> [String]? {
        var utf8 = json.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "[") else { return nil }
        var strings: [String] = []
        var byte = utf8.next()
        if byte == UInt8(ascii: "]") { return utf8.next() == nil ? strings : nil }
        while true {
            guard byte == UInt8(ascii: "\"") else { return nil }
            var bytes: [UInt8] = []
            while true {
                guard let next = utf8.next() else { return nil }
                if next == UInt8(ascii: "\"") { break }
                guard next == UInt8(ascii: "\\") else {
                    bytes.append(next)
                    continue
                }
                switch utf8.next() {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "/"))
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    var value: UInt32 = 0
                    for _ in 0..<4 {
                        guard let digit = utf8.next(), let nibble = Self.hexValue(digit) else { return nil }
                        value = value << 4 | nibble
                    }
                    // Surrogate pairs are left to the decoder; `jsonArray` escapes only control characters.
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    bytes.append(contentsOf: String(scalar).utf8)
                default: return nil
                }
            }
            strings.append(String(decoding: bytes, as: UTF8.self))
            switch utf8.next() {
            case UInt8(ascii: ","): byte = utf8.next()
            case UInt8(ascii: "]"): return utf8.next() == nil ? strings : nil
            default: return nil
            }
        }
    }

    private static func hexValue(_ digit: UInt8) -> UInt32? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(digit - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(digit - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(digit - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Ends the batch's writes: marks the days that received articles as due for digests, in the
    /// recording transaction itself, then inserts the articles' search rows, in id order, after
    /// every other row of the transaction.
    mutating func finish() throws {
        for (day, newest) in newestArticleOfDay {
            try DigestDue.mark(day: day, throughArticle: newest, db: db)
        }
        for (articleId, processed) in unindexed {
            try indexArticle.execute(arguments: [articleId, processed.titleTerms, processed.bodyTerms])
        }
        unindexed = []
    }
}

/// Days whose digests must be (re)written, kept in the database so that work
/// decided before a crash is finished after it. A day stays due until digests
/// including its newest article have been written.
enum DigestDue {
    static func mark(day: String, throughArticle articleId: Int64, db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO digestDue (day, throughArticle) VALUES (?, ?)
                ON CONFLICT(day) DO UPDATE SET throughArticle = max(throughArticle, excluded.throughArticle)
                """,
            arguments: [day, articleId])
    }
}
