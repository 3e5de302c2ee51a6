import Foundation
import MarsadText

/// An entity as a digest shows it.
public struct DigestEntity: Sendable, Codable, Hashable {
    public var id: String
    public var nameEn: String
    public var nameAr: String
    public var type: String
    public var count: Int
    /// The words the article names it by («لافروف», «الوزير الروسي»); the Arabic name stands in when empty.
    public var forms: [String]
    public init(id: String, nameEn: String, nameAr: String, type: String, count: Int, forms: [String] = []) {
        self.id = id
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.type = type
        self.count = count
        self.forms = forms
    }

    private enum CodingKeys: String, CodingKey { case id, nameEn, nameAr, type, count, forms }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        nameEn = try container.decode(String.self, forKey: .nameEn)
        nameAr = try container.decode(String.self, forKey: .nameAr)
        type = try container.decode(String.self, forKey: .type)
        count = try container.decode(Int.self, forKey: .count)
        // Older encodings predate the forms.
        forms = try container.decodeIfPresent([String].self, forKey: .forms) ?? []
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
    /// The record's source field, or an attribution the reader found.
    public var source: String?
    /// The site name the page or record gives.
    public var site: String?
    /// A wire credit («وكالات», «رويترز»): where the text came from, not who published it.
    public var credit: String?
    public var url: String?
    public var fileName: String
    /// Position in a file of several records (0 for the first); nil for a file of one article.
    public var recordIndex: Int?
    /// Publication time, else ingest time.
    public var time: Date
    public var topicScore: Double
    public var entities: [DigestEntity]
    public var dates: [DigestDate]
    /// False when only the publication date is known: the time of day is then not shown.
    public var hasTimeOfDay: Bool
    /// The body's lead, kept when the body itself is dropped (by `StoryIndex`).
    var lead: String?

    public init(
        id: Int64, title: String, body: String, matchText: String, source: String?, url: String?,
        fileName: String, time: Date, topicScore: Double, entities: [DigestEntity], dates: [DigestDate],
        hasTimeOfDay: Bool = true, site: String? = nil, credit: String? = nil, recordIndex: Int? = nil
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
        self.hasTimeOfDay = hasTimeOfDay
        self.site = site
        self.credit = credit
        self.recordIndex = recordIndex
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, body, matchText, source, site, credit, url, fileName, recordIndex, time, topicScore, entities, dates
        case hasTimeOfDay
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        body = try container.decode(String.self, forKey: .body)
        matchText = try container.decode(String.self, forKey: .matchText)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        site = try container.decodeIfPresent(String.self, forKey: .site)
        credit = try container.decodeIfPresent(String.self, forKey: .credit)
        recordIndex = try container.decodeIfPresent(Int.self, forKey: .recordIndex)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        fileName = try container.decode(String.self, forKey: .fileName)
        time = try container.decode(Date.self, forKey: .time)
        topicScore = try container.decode(Double.self, forKey: .topicScore)
        entities = try container.decode([DigestEntity].self, forKey: .entities)
        dates = try container.decode([DigestDate].self, forKey: .dates)
        // Older encodings predate the flag; they always carried a time of day.
        hasTimeOfDay = try container.decodeIfPresent(Bool.self, forKey: .hasTimeOfDay) ?? true
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

    public init(files: [String: String]) {
        self.files = files
    }
}

/// One topic's articles for a day, for building all of a day's digests at once.
public struct DigestTopicDay: Sendable {
    public var topic: DigestTopic
    public var articles: [DigestArticle]
    /// The same topic's articles the day before, for the change in who and where.
    public var previousDay: [DigestArticle]

    public init(topic: DigestTopic, articles: [DigestArticle], previousDay: [DigestArticle] = []) {
        self.topic = topic
        self.articles = articles
        self.previousDay = previousDay
    }
}

/// MarsadDigest owns the daily briefing: grouping a day's articles into
/// stories, choosing summaries, counting who and where, the timeline, and
/// rendering it all as Markdown, HTML and JSON. It does no I/O and reads no
/// clock: the same articles give byte-identical files, in any input order.
public struct DigestBuilder: Sendable {
    /// The zone report times are shown in; the day itself is chosen by the caller.
    public var timeZone: TimeZone
    public var thresholds: ClusteringThresholds
    /// Readers' names of outlets, from the sources file.
    public var outlets: OutletDirectory

    public init(
        timeZone: TimeZone = TimeZone(identifier: "UTC")!, thresholds: ClusteringThresholds = ClusteringThresholds(),
        outlets: OutletDirectory = OutletDirectory()
    ) {
        self.timeZone = timeZone
        self.thresholds = thresholds
        self.outlets = outlets
    }

    private var composer: DigestComposer {
        DigestComposer(timeZone: timeZone, clusterer: StoryClusterer(thresholds: thresholds), outlets: outlets)
    }

    /// The digest model of one topic for one day (`day` is `YYYY-MM-DD`).
    public func build(
        topic: DigestTopic, day: String, articles: [DigestArticle], previousDay: [DigestArticle] = []
    ) -> DayDigest {
        composer.compose(topic: topic, day: day, articles: articles, previousDay: previousDay, fingerprints: [:])
    }

    /// The digest model of one topic for one day from stories kept up as
    /// articles arrived: the same result as `build(topic:day:articles:)`
    /// with the index's articles.
    public func build(topic: DigestTopic, day: String, stories: StoryIndex, previousDay: [DigestArticle] = []) -> DayDigest {
        composer.compose(topic: topic, day: day, stories: stories, previousDay: previousDay)
    }

    /// Builds every topic's digest of a day, fingerprinting each article once
    /// however many topics it is in, and building topics in parallel. Topics
    /// without articles are skipped; the rest come in topic id order.
    public func buildDay(day: String, topics: [DigestTopicDay]) -> [DayDigest] {
        var unique: [DigestArticle] = []
        var seen = Set<Int64>()
        for entry in topics {
            for article in entry.articles where seen.insert(article.id).inserted { unique.append(article) }
        }
        let fingerprinter = Fingerprinter()
        let prints = Parallel.map(unique) { fingerprinter.fingerprint($0) }
        let fingerprints = Dictionary(uniqueKeysWithValues: zip(unique.map(\.id), prints))
        let composer = self.composer
        let entries = topics
            .filter { !$0.articles.isEmpty }
            .sorted { $0.topic.id < $1.topic.id }
        return Parallel.map(entries) {
            composer.compose(
                topic: $0.topic, day: day, articles: $0.articles, previousDay: $0.previousDay, fingerprints: fingerprints
            )
        }
    }

    /// Renders every digest of a day in all three formats, topics in parallel.
    public func render(_ digests: [DayDigest]) -> [RenderedDigest] {
        Parallel.map(digests) { render($0) }
    }

    /// Renders one topic's digest for one day: `<topic>.md`, `<topic>.html` and `<topic>.json`.
    public func render(
        topic: DigestTopic, day: String, articles: [DigestArticle], previousDay: [DigestArticle] = []
    ) -> RenderedDigest {
        render(build(topic: topic, day: day, articles: articles, previousDay: previousDay))
    }

    /// Renders a built digest in all three formats.
    public func render(_ digest: DayDigest) -> RenderedDigest {
        let id = digest.topic.id
        return RenderedDigest(files: [
            "\(id).md": MarkdownRenderer().render(digest),
            "\(id).html": HTMLRenderer().render(digest),
            "\(id).json": Self.json(digest),
        ])
    }

    /// All of a day's digests and its index, as one set of files.
    public func renderDay(day: String, topics: [DigestTopicDay]) -> RenderedDigest {
        renderDay(day: day, digests: buildDay(day: day, topics: topics))
    }

    /// All of a day's built digests and its index, as one set of files.
    public func renderDay(day: String, digests: [DayDigest]) -> RenderedDigest {
        var files: [String: String] = [:]
        for rendered in render(digests) {
            files.merge(rendered.files) { first, _ in first }
        }
        files.merge(renderIndex(day: day, entries: digests.map(DigestIndexEntry.init)).files) { first, _ in first }
        return RenderedDigest(files: files)
    }

    /// Renders the day's index of topics with their article counts: `index.md` and `index.html`.
    public func renderIndex(day: String, topics: [(topic: DigestTopic, count: Int)]) -> RenderedDigest {
        renderIndex(day: day, entries: topics.map { DigestIndexEntry(topic: $0.topic, articleCount: $0.count) })
    }

    /// Renders the day's index. `linkPrefix` goes before each digest's file
    /// name: empty for the day's own folder, `"2026-11-24/"` for an index
    /// beside the day folders, `"../2026-11-24/"` for one in a sibling folder.
    public func renderIndex(day: String, entries: [DigestIndexEntry], linkPrefix: String = "") -> RenderedDigest {
        IndexRenderer().render(day: day, entries: entries, linkPrefix: linkPrefix)
    }

    /// A topic's Atom feed: one entry per story of `digests` (the topic's
    /// digests of the days the feed covers), newest day first. Written as
    /// `feeds/<topic>.xml` beside the day folders.
    public func renderFeed(topic: DigestTopic, digests: [DayDigest]) -> String {
        AtomRenderer().render(topic: topic, digests: digests.filter { $0.topic.id == topic.id })
    }

    /// The "latest" pointer as a file's contents, for systems where a symlink
    /// will not do: the newest day among `days`, and a newline.
    public func latestPointer(days: [String]) -> String? {
        days.filter { ArabicFormatting.components(of: $0) != nil }.max().map { $0 + "\n" }
    }

    /// The JSON form: sorted keys, two-space indentation, a final newline.
    public static func json(_ digest: DayDigest) -> String {
        JSONRenderer.render(digest)
    }

    /// Reads a digest back from its JSON form.
    public static func decode(json: String) throws -> DayDigest {
        try JSONDecoder().decode(DayDigest.self, from: Data(json.utf8))
    }
}
