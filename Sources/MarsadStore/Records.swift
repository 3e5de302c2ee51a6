import Foundation
import GRDB

/// What became of a claimed file.
public enum Fate: String, Codable, Sendable, DatabaseValueConvertible {
    case recorded, duplicate, failed
}

/// A row of the file ledger.
public struct LedgerEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "file"
    public var id: Int64?
    /// The unique name the file had in `processing/`; identifies one claim across crashes.
    public var claimName: String
    /// The name the user gave the file.
    public var name: String
    public var sha256: String?
    public var size: Int
    public var firstSeen: Date
    public var decidedAt: Date
    public var fate: Fate
    public var stage: String?
    public var error: String?
    public var attempts: Int
    public var duplicateOf: Int64?
    public var articleCount: Int
    /// What the reader noted about a file: a part it could not use, or damaged bytes it replaced.
    public var notes: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

public struct ArticleRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "article"
    public var id: Int64?
    public var fileId: Int64
    public var recordIndex: Int?
    public var hash: String
    public var title: String
    public var body: String
    public var titleKey: String
    public var bodyKey: String
    public var source: String?
    /// A wire service credited for the text («وكالات», «رويترز»), never the outlet.
    public var credit: String?
    public var site: String?
    public var author: String?
    public var url: String?
    public var publishedAt: String?
    public var day: String
    public var ingestedAt: Date
    public var language: String
    public var format: String
    public var encoding: String

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Read by column name rather than through `Decodable`, which cost more than the query
    /// when digests page through a day's articles; a NULL or a value of the wrong type
    /// throws, as decoding did, rather than stopping the process.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        fileId = try row.decode(forColumn: "fileId")
        recordIndex = try row.decode(forColumn: "recordIndex")
        hash = try row.decode(forColumn: "hash")
        title = try row.decode(forColumn: "title")
        body = try row.decode(forColumn: "body")
        titleKey = try row.decode(forColumn: "titleKey")
        bodyKey = try row.decode(forColumn: "bodyKey")
        source = try row.decode(forColumn: "source")
        credit = try row.decode(forColumn: "credit")
        site = try row.decode(forColumn: "site")
        author = try row.decode(forColumn: "author")
        url = try row.decode(forColumn: "url")
        publishedAt = try row.decode(forColumn: "publishedAt")
        day = try row.decode(forColumn: "day")
        ingestedAt = try row.decode(forColumn: "ingestedAt")
        language = try row.decode(forColumn: "language")
        format = try row.decode(forColumn: "format")
        encoding = try row.decode(forColumn: "encoding")
    }
}

public struct ArticleTopicRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "articleTopic"
    public var articleId: Int64
    public var topicId: String
    public var score: Double
}

public struct EntityRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "entity"
    public var id: String
    public var type: String
    public var nameEn: String
    public var nameAr: String
}

public struct EntityMentionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "entityMention"
    public var articleId: Int64
    public var entityId: String
    public var count: Int
    /// JSON array of the surface forms.
    public var forms: String
}

public struct ArticleDateRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "articleDate"
    public var articleId: Int64
    public var date: String
    public var text: String
}

public struct DigestRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "digest"
    public var day: String
    public var topicId: String
    public var articleCount: Int
    public var writtenAt: Date
}
