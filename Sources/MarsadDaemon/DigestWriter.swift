#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadCore
import MarsadDigest
import MarsadStore
import MarsadTagging

/// Writes a day's digests from the store into `digests/YYYY-MM-DD/`:
/// one set of files per topic with articles, the day's index, and `latest`.
public struct DigestWriter: Sendable {
    public let store: Store
    public let topics: [Topic]
    public let directory: String
    public let timeZone: TimeZone
    let builder: DigestBuilder

    public init(store: Store, topics: [Topic], directory: String, timeZone: TimeZone, outlets: [Outlet] = []) {
        self.store = store
        self.topics = topics
        self.directory = directory
        self.timeZone = timeZone
        builder = DigestBuilder(timeZone: timeZone, outlets: OutletDirectory(outlets.map {
            DigestOutlet(id: $0.id, nameAr: $0.ar, nameEn: $0.en, domains: $0.domains, names: $0.names)
        }))
    }

    /// Rewrites the digests of `day` (all topics, or only `only`) and returns topic → article count.
    @discardableResult
    public func write(day: String, only: Set<String>? = nil) throws -> [String: Int] {
        let counts = try store.topicCounts(day: day)
        let folder = directory + "/" + day
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let previous = ArticleDay.previous(day)
        var entries: [DigestTopicDay] = []
        for topic in topics where only?.contains(topic.id) ?? true {
            guard let count = counts[topic.id], count > 0 else {
                // A re-tagged day may have lost a topic: its old files must not linger.
                for ext in ["md", "html", "json"] { unlink(folder + "/" + topic.id + "." + ext) }
                continue
            }
            let articles = try store.digestArticles(day: day, topicId: topic.id).map { Self.digestArticle($0, timeZone: timeZone) }
            let before = try previous.map { try store.digestArticles(day: $0, topicId: topic.id).map { Self.digestArticle($0, timeZone: timeZone) } } ?? []
            entries.append(DigestTopicDay(
                topic: DigestTopic(id: topic.id, nameAr: topic.ar, nameEn: topic.en), articles: articles, previousDay: before
            ))
        }
        // Each article is fingerprinted once, topics are built in parallel.
        let digests = builder.buildDay(day: day, topics: entries)
        if only == nil {
            try writeFiles(builder.renderDay(day: day, digests: digests), folder: folder)
        } else {
            for rendered in builder.render(digests) {
                try writeFiles(rendered, folder: folder)
            }
            let listed = topics.compactMap { topic -> (topic: DigestTopic, count: Int)? in
                guard let count = counts[topic.id], count > 0 else { return nil }
                return (DigestTopic(id: topic.id, nameAr: topic.ar, nameEn: topic.en), count)
            }
            try writeFiles(builder.renderIndex(day: day, topics: listed), folder: folder)
        }
        for entry in entries {
            try store.recordDigest(day: day, topicId: entry.topic.id, articleCount: entry.articles.count)
        }
        try pointLatest()
        try writeFeeds(digests, day: day)
        return counts
    }

    /// `feeds/<topic>.xml` for each topic of `day` when it is the newest day:
    /// its stories and the day before's (read back from that day's JSON).
    /// Each feed is replaced whole; rewriting an older day leaves feeds alone.
    func writeFeeds(_ digests: [DayDigest], day: String) throws {
        guard !digests.isEmpty, day >= (dayFolders().last ?? day) else { return }
        let folder = directory + "/feeds"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let previous = ArticleDay.previous(day)
        for digest in digests {
            var days = [digest]
            if let previous, let data = FileManager.default.contents(atPath: "\(directory)/\(previous)/\(digest.topic.id).json"),
               let earlier = try? DigestBuilder.decode(json: String(decoding: data, as: UTF8.self)) {
                days.append(earlier)
            }
            let feed = builder.renderFeed(topic: digest.topic, digests: days)
            try AtomicFile.write(Data(feed.utf8), to: folder + "/" + digest.topic.id + ".xml")
        }
    }

    /// The day folders (`YYYY-MM-DD`), oldest first.
    func dayFolders() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.count == 10 && $0.first?.isNumber == true }
            .sorted()
    }

    func writeFiles(_ rendered: RenderedDigest, folder: String) throws {
        for (name, contents) in rendered.files.sorted(by: { $0.key < $1.key }) {
            try AtomicFile.write(Data(contents.utf8), to: folder + "/" + name)
        }
    }

    /// `digests/latest` is a relative symlink to the newest day's folder, replaced atomically.
    func pointLatest() throws {
        guard let newest = dayFolders().last else { return }
        let link = directory + "/latest"
        let temp = directory + "/.latest.\(getpid()).tmp"
        unlink(temp)
        guard symlink(newest, temp) == 0, rename(temp, link) == 0 else {
            unlink(temp)
            throw QueueError(message: "cannot point \(link) at \(newest): \(String(cString: strerror(errno)))")
        }
    }

    static func digestArticle(_ stored: StoredTaggedArticle, timeZone: TimeZone) -> DigestArticle {
        let article = stored.article
        // A zoneless timestamp is a clock time where the article was published: read in the configured zone.
        let time = article.publishedAt.flatMap { ArticleDay.instant($0, timeZone: timeZone) } ?? article.ingestedAt
        return DigestArticle(
            id: article.id ?? 0, title: article.title, body: article.body,
            matchText: article.titleKey + "\n" + article.bodyKey, source: article.source,
            url: article.url, fileName: stored.fileName, time: time, topicScore: stored.topicScore,
            entities: stored.entities.map {
                DigestEntity(id: $0.id, nameEn: $0.nameEn, nameAr: $0.nameAr, type: $0.type, count: $0.count, forms: $0.forms)
            },
            dates: stored.dates.map { DigestDate(date: $0.date, text: $0.text) },
            // A bare date (or no date: the ingest time) says nothing about the hour of the report.
            hasTimeOfDay: (article.publishedAt?.count ?? 0) > 10,
            site: article.site, recordIndex: article.recordIndex
        )
    }
}
