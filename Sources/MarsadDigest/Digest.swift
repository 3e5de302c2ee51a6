import Foundation

/// An entity as a digest shows it.
public struct DigestEntity: Sendable, Codable, Hashable {
    public var id: String
    public var nameEn: String
    public var nameAr: String
    public var type: String
    public var count: Int
    public init(id: String, nameEn: String, nameAr: String, type: String, count: Int) {
        self.id = id
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.type = type
        self.count = count
    }
}

/// A dated event an article mentions.
public struct DigestDate: Sendable, Codable, Hashable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var text: String
    public init(date: String, text: String) {
        self.date = date
        self.text = text
    }
}

/// One stored article as the digest needs it.
public struct DigestArticle: Sendable, Codable, Hashable {
    public var id: Int64
    public var title: String
    /// Display-form body, paragraphs separated by a blank line.
    public var body: String
    /// Match-key text of title and body, used for near-duplicate detection.
    public var matchText: String
    public var source: String?
    public var url: String?
    public var fileName: String
    /// Publication time, else ingest time.
    public var time: Date
    public var topicScore: Double
    public var entities: [DigestEntity]
    public var dates: [DigestDate]

    public init(
        id: Int64, title: String, body: String, matchText: String, source: String?, url: String?,
        fileName: String, time: Date, topicScore: Double, entities: [DigestEntity], dates: [DigestDate]
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.matchText = matchText
        self.source = source
        self.url = url
        self.fileName = fileName
        self.time = time
        self.topicScore = topicScore
        self.entities = entities
        self.dates = dates
    }
}

public struct DigestTopic: Sendable, Codable, Hashable {
    public var id: String
    public var nameAr: String
    public var nameEn: String
    public init(id: String, nameAr: String, nameEn: String) {
        self.id = id
        self.nameAr = nameAr
        self.nameEn = nameEn
    }
}

/// The files a digest is written as, by file name relative to the day's folder.
public struct RenderedDigest: Sendable, Equatable {
    public var files: [String: String]
}

/// MarsadDigest owns the daily briefing: grouping a day's articles into
/// stories, choosing summaries, counting who and where, the timeline, and
/// rendering it all as Markdown, HTML and JSON. It does no I/O.
public struct DigestBuilder: Sendable {
    public init() {}

    /// Renders one topic's digest for one day (`day` is `YYYY-MM-DD`).
    public func render(
        topic: DigestTopic, day: String, articles: [DigestArticle], previousDay: [DigestArticle] = []
    ) -> RenderedDigest {
        let sorted = articles.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        var markdown = "# \(topic.nameAr) — \(topic.nameEn)\n\n\(day) · \(sorted.count) articles\n\n"
        for article in sorted {
            markdown += "- \(article.title) (\(article.source ?? article.fileName))\n"
        }
        return RenderedDigest(files: ["\(topic.id).md": markdown])
    }

    /// Renders the day's index of topics with their article counts.
    public func renderIndex(day: String, topics: [(topic: DigestTopic, count: Int)]) -> RenderedDigest {
        var markdown = "# \(day)\n\n"
        for entry in topics {
            markdown += "- [\(entry.topic.nameAr)](\(entry.topic.id).md): \(entry.count)\n"
        }
        return RenderedDigest(files: ["index.md": markdown])
    }
}
