import GRDB

/// The database schema as an ordered list of migrations. Never edit a
/// shipped migration: append a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ledger, articles, tags, digests, search") { db in
            // Every file ever claimed from the inbox and what became of it.
            try db.create(table: "file") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("claimName", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("sha256", .text)
                t.column("size", .integer).notNull()
                t.column("firstSeen", .datetime).notNull()
                t.column("decidedAt", .datetime).notNull()
                t.column("fate", .text).notNull()
                    .check { ["recorded", "duplicate", "failed"].contains($0) }
                t.column("stage", .text)
                t.column("error", .text)
                t.column("attempts", .integer).notNull().defaults(to: 1)
                t.column("duplicateOf", .integer).references("file", onDelete: .setNull)
                t.column("articleCount", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "file_sha256", on: "file", columns: ["sha256"])
            // One recorded file per content: the guarantee against double recording.
            try db.execute(sql: "CREATE UNIQUE INDEX file_recorded_once ON file(sha256) WHERE fate = 'recorded'")
            try db.create(index: "file_decidedAt", on: "file", columns: ["decidedAt"])

            try db.create(table: "article") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fileId", .integer).notNull().references("file", onDelete: .cascade)
                t.column("recordIndex", .integer)
                t.column("hash", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("titleKey", .text).notNull()
                t.column("bodyKey", .text).notNull()
                t.column("source", .text)
                t.column("site", .text)
                t.column("author", .text)
                t.column("url", .text)
                t.column("publishedAt", .text)
                t.column("day", .text).notNull()
                t.column("ingestedAt", .datetime).notNull()
                t.column("language", .text).notNull()
                t.column("format", .text).notNull()
                t.column("encoding", .text).notNull()
            }
            try db.create(index: "article_day", on: "article", columns: ["day"])
            try db.create(index: "article_fileId", on: "article", columns: ["fileId"])

            try db.create(table: "articleTopic") { t in
                t.column("articleId", .integer).notNull().references("article", onDelete: .cascade)
                t.column("topicId", .text).notNull()
                t.column("score", .double).notNull()
                t.column("evidence", .jsonText).notNull()
                t.primaryKey(["articleId", "topicId"])
            }
            try db.create(index: "articleTopic_topic", on: "articleTopic", columns: ["topicId"])

            try db.create(table: "entity") { t in
                t.primaryKey("id", .text)
                t.column("type", .text).notNull()
                t.column("nameEn", .text).notNull()
                t.column("nameAr", .text).notNull()
            }
            try db.create(table: "entityMention") { t in
                t.column("articleId", .integer).notNull().references("article", onDelete: .cascade)
                t.column("entityId", .text).notNull().references("entity")
                t.column("count", .integer).notNull()
                t.column("forms", .jsonText).notNull()
                t.primaryKey(["articleId", "entityId"])
            }
            try db.create(index: "entityMention_entity", on: "entityMention", columns: ["entityId"])

            try db.create(table: "articleDate") { t in
                t.column("articleId", .integer).notNull().references("article", onDelete: .cascade)
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
            }
            try db.create(index: "articleDate_article", on: "articleDate", columns: ["articleId"])

            try db.create(table: "digest") { t in
                t.column("day", .text).notNull()
                t.column("topicId", .text).notNull()
                t.column("articleCount", .integer).notNull()
                t.column("writtenAt", .datetime).notNull()
                t.primaryKey(["day", "topicId"])
            }

            // Search runs over the match keys, so queries are normalised the same way.
            // (As first shipped; v3 replaced it with `SearchIndex.create`.)
            try db.create(virtualTable: "articleSearch", using: FTS5()) { t in
                t.synchronize(withTable: "article")
                t.tokenizer = .unicode61()
                t.column("titleKey")
                t.column("bodyKey")
            }
        }
        migrator.registerMigration("v2: notes on files that were read only in part") { db in
            try db.alter(table: "file") { t in
                t.add(column: "notes", .text)
            }
        }
        migrator.registerMigration("v3-lean-tags-and-search") { db in
            // Evidence was written for every topic of every article and never read:
            // `marsad explain` recomputes it from the text.
            try db.alter(table: "articleTopic") { t in t.drop(column: "evidence") }
            try SearchIndex.recreate(db)
        }
        migrator.registerMigration("v4-digests-due") { db in
            // Days whose digests must be written, set in the transaction that recorded their
            // articles, cleared once digests including `throughArticle` are on disk.
            try db.create(table: "digestDue") { t in
                t.primaryKey("day", .text)
                t.column("throughArticle", .integer).notNull()
            }
        }
        migrator.registerMigration("v5-stemmed-search") { db in
            // Words are now found with or without the article, proclitics and common suffixes.
            try SearchIndex.recreate(db)
        }
        migrator.registerMigration("v6-site-templates: fingerprints of lines repeated across a site's pages") { db in
            // Pages seen per site; a line's lastSeen is the site's page count when it last appeared.
            try db.create(table: "site") { t in
                t.primaryKey("name", .text)
                t.column("pages", .integer).notNull()
            }
            try db.create(table: "siteLine", options: [.withoutRowID]) { t in
                t.column("site", .text).notNull()
                t.column("hash", .integer).notNull()
                t.column("pages", .integer).notNull()
                t.column("lastSeen", .integer).notNull()
                t.primaryKey(["site", "hash"])
            }
            try db.create(index: "siteLine_recency", on: "siteLine", columns: ["site", "lastSeen"])
        }
        migrator.registerMigration("v7-article-credit: the wire service credited, apart from the outlet") { db in
            // Articles recorded before keep no credit: their source may still hold one, which the digest
            // tells from an outlet as it did before.
            try db.alter(table: "article") { t in t.add(column: "credit", .text) }
        }
        migrator.registerMigration("v8-search-fed-by-recording") { db in
            // Recording inserts the stems its readers worked out; the index itself is unchanged.
            try SearchIndex.feedFromRecording(db)
        }
        migrator.registerMigration("v9-failed-files-indexed-apart") { db in
            // A file's hash is looked up among recorded files (file_recorded_once) and among failed ones
            // (to count attempts), never among all: an index of every file's hash was one more random-key
            // B-tree that each recording transaction dirtied all over, for no query.
            try db.execute(sql: "DROP INDEX file_sha256")
            try db.execute(sql: "CREATE INDEX file_failed_sha256 ON file(sha256) WHERE fate = 'failed'")
        }
        return migrator
    }
}

/// The one definition of the full-text index: an FTS5 table over the match
/// keys of title and body (its content is `article`), tokenized by
/// ``ArabicSearchTokenizer`` so that a word is found with or without its
/// article, proclitics and common suffixes. Recording inserts each article's
/// rows itself, with the stems the readers worked out (``SearchTerms``);
/// triggers keep it in step when an article is updated or deleted, and
/// tokenize the match keys to the same stems. A migration that changes it
/// calls `recreate`, which drops the old index and builds the new one from the
/// articles, then `feedFromRecording`.
enum SearchIndex {
    static let name = "articleSearch"

    /// Title words weigh more than body words in bm25.
    static let bm25 = "bm25(articleSearch, 4.0, 1.0)"

    static func recreate(_ db: Database) throws {
        try db.dropFTS5SynchronizationTriggers(forTable: name)
        try db.drop(table: name)
        try create(db)
    }

    static func create(_ db: Database) throws {
        // Searches are prefix and whole-word terms with AND and OR, never
        // phrases or NEAR: positions are not needed, and `detail=column`
        // (which still ranks by column) makes recording cheaper and the index
        // smaller than the default `detail=full`. Colocated stems need no
        // positions either.
        try db.create(virtualTable: name, using: FTS5()) { t in
            t.synchronize(withTable: "article")
            t.tokenizer = ArabicSearchTokenizer.tokenizerDescriptor()
            t.detail = "column"
            t.column("titleKey")
            t.column("bodyKey")
        }
    }

    /// Leaves the insertion of an article's rows to recording (``RecordingBatch``), which
    /// inserts them already stemmed, and sets how the index merges its segments.
    static func feedFromRecording(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS \("__\(name)_ai".quotedDatabaseIdentifier)")
        try tuneMerging(db)
    }

    /// Each recording transaction adds a segment to the index; FTS5 merges 4 of a level by default
    /// and rewrites the same entries again and again during a burst. Merging 8 at a time rewrites
    /// them about half as often, for a few more segments for a query to read.
    static func tuneMerging(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO \(name)(\(name), rank) VALUES ('automerge', 8)")
    }

    /// Makes the tokenizer known to a connection; every connection needs it before touching the index.
    static func register(_ db: Database) {
        db.add(tokenizer: ArabicSearchTokenizer.self)
    }
}
