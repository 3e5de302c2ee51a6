#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import MarsadCore
import MarsadDigest
import MarsadStore
import MarsadTagging
import MarsadText
import Synchronization

/// Writes a day's digests from the store into `digests/YYYY-MM-DD/`: one set
/// of files per topic with articles, the day's index, and `latest`.
///
/// It keeps the stories of the days it wrote last (a `StoryIndex` per topic)
/// and, on the next write, adds only the articles recorded since: a day's
/// clustering is built whole only the first time the day is written by this
/// writer (at start-up, or by a command), streaming its articles in pages.
/// Only files whose contents changed are rewritten.
public final class DigestWriter: Sendable {
    public let store: Store
    public let topics: [Topic]
    public let directory: String
    public let timeZone: TimeZone
    let builder: DigestBuilder
    let logger: Logger
    /// Days kept in memory at most, and their story index entries (an article counts once per topic)
    /// at most; a day written again after it was dropped is built whole. The day in use is never
    /// dropped, so that a burst spread over many days does not rebuild its biggest one again and again.
    /// A burst of dated records touches its days in turn, least recently used first: with fewer days
    /// kept than it spans, every turn would cluster each day whole again (81 times for 18 days).
    /// Memory is bounded by the entries, and days left alone for `idleDayLife` are dropped, except
    /// the `idleDaysSpared` used last: a running daemon keeps the few days it writes to, so that a
    /// late article for yesterday joins its stories instead of clustering the day again.
    static let keptDays = 40
    static let keptIndexEntries = 120_000
    static let idleDayLife = Duration.seconds(600)
    static let idleDaysSpared = 8
    /// Topics whose digests are built and rendered together (in parallel), at most.
    static let topicsRenderedAtOnce = 4
    /// Articles read from the store at once.
    static let pageSize = 250

    struct DayState: Sendable {
        var indexes: [String: StoryIndex] = [:]
        /// Articles of the day up to this id are in the indexes.
        var through: Int64 = 0
        /// Topics whose index changed since their files were written.
        var changed = Set<String>()
        /// A hash of each file as last written, by file name.
        var written: [String: UInt64] = [:]
        var lastUsed = ContinuousClock.now
    }

    private let days = Mutex<[String: DayState]>([:])
    private let counters = Mutex<(full: Int, incremental: Int)>((0, 0))

    /// Stopped work leaves its day due; the reason says why.
    public struct Stopped: Error, CustomStringConvertible {
        public var description: String { "the daemon is stopping" }
    }

    public init(
        store: Store, topics: [Topic], directory: String, timeZone: TimeZone, outlets: [Outlet] = [],
        logger: Logger = Logger(label: "marsad.digests")
    ) {
        self.logger = logger
        self.store = store
        self.topics = topics
        self.directory = directory
        self.timeZone = timeZone
        builder = DigestBuilder(timeZone: timeZone, outlets: OutletDirectory(outlets.map {
            DigestOutlet(id: $0.id, nameAr: $0.ar, nameEn: $0.en, domains: $0.domains, names: $0.names)
        }))
    }

    /// How many days were clustered whole, and how many were updated with new articles only.
    public var builds: (full: Int, incremental: Int) { counters.withLock { $0 } }

    /// Whether the stories of `day` are held in memory, so that new articles only are added to them.
    public func holds(day: String) -> Bool { days.withLock { $0[day] != nil } }

    /// Brings the stories of `day` up to date (without writing files): what
    /// the daemon does while a burst goes on, so that the final write has
    /// little left to do.
    public func absorb(day: String, shouldStop: @Sendable () -> Bool = { false }) throws {
        var state = days.withLock { $0.removeValue(forKey: day) } ?? DayState()
        defer { keep(day: day, state: state) }
        try update(&state, day: day, shouldStop: shouldStop)
    }

    /// Rewrites the digests of `day` (all topics, or only `only`) and returns topic → article count.
    @discardableResult
    public func write(day: String, only: Set<String>? = nil, shouldStop: @Sendable () -> Bool = { false }) throws -> [String: Int] {
        // The day becomes a folder name: anything but a real date could point outside the digests folder.
        guard ArticleDay.isDay(day) else { throw QueueError(message: "'\(day)' is not a YYYY-MM-DD date") }
        var state = days.withLock { $0.removeValue(forKey: day) } ?? DayState()
        defer { keep(day: day, state: state) }
        try update(&state, day: day, shouldStop: shouldStop)
        let folder = directory + "/" + day
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        var counts: [String: Int] = [:]
        for (topicId, index) in state.indexes where index.count > 0 { counts[topicId] = index.count }
        let previousDay = try ArticleDay.previous(day).map { try previousDayArticles(day: $0) } ?? [:]
        var toWrite: [(topic: Topic, index: StoryIndex)] = []
        for topic in topics where only?.contains(topic.id) ?? true {
            guard let index = state.indexes[topic.id], index.count > 0 else {
                // A re-tagged day may have lost a topic: its old files must not linger.
                for ext in ["md", "html", "json"] {
                    let name = topic.id + "." + ext
                    if unlink(folder + "/" + name) == 0 { state.written[name] = nil }
                }
                continue
            }
            // A topic whose articles did not change keeps its files, unless they were never written.
            if !state.changed.contains(topic.id) && state.written[topic.id + ".json"] != nil { continue }
            toWrite.append((topic, index))
        }
        // A few topics at a time are built, rendered and written: a day of tens of thousands of
        // articles renders to tens of megabytes, which need not all be held at once.
        var written: [(topicId: String, articleCount: Int)] = []
        for group in toWrite.chunks(of: Self.topicsRenderedAtOnce) {
            if shouldStop() { throw Stopped() }
            // Each topic is built and rendered on a core of its own: building (reading the stories
            // out of the index, choosing reports) took as long as rendering, and ran one topic after
            // another while the rendering alone was shared out.
            let builder = builder
            let built = Parallel.map(Array(group)) { topic, index in
                let digest = builder.build(
                    topic: DigestTopic(id: topic.id, nameAr: topic.ar, nameEn: topic.en), day: day, stories: index,
                    previousDay: previousDay[topic.id] ?? []
                )
                return (digest: digest, rendered: builder.render(digest))
            }
            let digests = built.map(\.digest)
            for (_, rendered) in built {
                try writeChanged(rendered, folder: folder, state: &state)
            }
            try writeFeeds(digests, day: day)
            for digest in digests { written.append((digest.topic.id, digest.articleCount)) }
        }
        let listed = topics.compactMap { topic -> (topic: DigestTopic, count: Int)? in
            guard let count = counts[topic.id], count > 0 else { return nil }
            return (DigestTopic(id: topic.id, nameAr: topic.ar, nameEn: topic.en), count)
        }
        try writeChanged(builder.renderIndex(day: day, topics: listed), folder: folder, state: &state)
        try pointLatest()
        try store.digestsWritten(
            day: day, throughArticle: only == nil ? state.through : nil,
            topics: written
        )
        // Only now: had anything above failed, these topics would be written, and recorded, again.
        for (topicId, _) in written { state.changed.remove(topicId) }
        return counts
    }

    /// Adds the day's articles recorded since the last update to the topics' story indexes.
    private func update(_ state: inout DayState, day: String, shouldStop: @Sendable () -> Bool) throws {
        let full = state.through == 0
        var added = 0
        while true {
            if shouldStop() { throw Stopped() }
            let page = try store.digestPage(day: day, after: state.through, limit: Self.pageSize)
            var byTopic: [String: [DigestArticle]] = [:]
            for stored in page.articles {
                let article = Self.digestArticle(stored, timeZone: timeZone)
                for (topicId, score) in stored.topicScores {
                    var scored = article
                    scored.topicScore = score
                    byTopic[topicId, default: []].append(scored)
                }
            }
            // Taken out of the state, so that each index is changed in place, not copied.
            let topicIds = byTopic.keys.sorted()
            var indexes = topicIds.map { state.indexes.removeValue(forKey: $0) ?? StoryIndex(thresholds: builder.thresholds) }
            let accepted = StoryIndex.add(topicIds.map { byTopic[$0] ?? [] }, to: &indexes)
            guard !accepted.contains(false) else {
                // Not recorded after the index's newest article (a re-tagged topic): start the day over.
                state = DayState()
                return try update(&state, day: day, shouldStop: shouldStop)
            }
            for (topicId, index) in zip(topicIds, indexes) {
                state.indexes[topicId] = index
                state.changed.insert(topicId)
            }
            state.through = max(state.through, page.through)
            added += page.articles.count
            if page.articles.count < Self.pageSize { break }
        }
        guard added > 0 else { return }
        counters.withLock { full ? ($0.full += 1) : ($0.incremental += 1) }
        if full {
            logger.notice("clustered \(day) whole: \(added) article(s) with topics")
        } else {
            logger.debug("added \(added) article(s) with topics to the stories of \(day)")
        }
    }

    private func keep(day: String, state: DayState) {
        var state = state
        state.lastUsed = .now
        days.withLock { days in
            days[day] = state
            func entries() -> Int { days.values.reduce(0) { $0 + $1.indexes.values.reduce(0) { $0 + $1.count } } }
            let now = ContinuousClock.now
            let spared = Set(days.sorted { $0.value.lastUsed > $1.value.lastUsed }.prefix(Self.idleDaysSpared).map(\.key))
            for (other, kept) in days where !spared.contains(other) && now - kept.lastUsed > Self.idleDayLife { days[other] = nil }
            while days.count > Self.keptDays || (days.count > 1 && entries() > Self.keptIndexEntries),
                  let oldest = days.filter({ $0.key != day }).min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
                days[oldest] = nil
            }
        }
    }

    /// The previous day's articles per topic, for the change in who and where: their entities only.
    private func previousDayArticles(day: String) throws -> [String: [DigestArticle]] {
        var result: [String: [DigestArticle]] = [:]
        for (articleId, topicId, entities) in try store.topicEntities(day: day) {
            result[topicId, default: []].append(DigestArticle(
                id: articleId, title: "", body: "", matchText: "", source: nil, url: nil, fileName: "",
                time: Date(timeIntervalSince1970: 0), topicScore: 0,
                entities: entities.map { DigestEntity(id: $0.id, nameEn: $0.nameEn, nameAr: $0.nameAr, type: $0.type, count: $0.count) },
                dates: []
            ))
        }
        return result
    }

    private func writeChanged(_ rendered: RenderedDigest, folder: String, state: inout DayState) throws {
        for (name, contents) in rendered.files.sorted(by: { $0.key < $1.key }) {
            let hash = StableHasher.hash(contents.utf8)
            if state.written[name] == hash { continue }
            if state.written[name] == nil, let onDisk = FileManager.default.contents(atPath: folder + "/" + name),
               onDisk.count == contents.utf8.count, onDisk == Data(contents.utf8) {
                state.written[name] = hash
                continue
            }
            try AtomicFile.write(Data(contents.utf8), to: folder + "/" + name)
            state.written[name] = hash
        }
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
            .filter(ArticleDay.isDay)
            .sorted()
    }

    /// `digests/latest` is a relative symlink to the newest day's folder, replaced atomically.
    func pointLatest() throws {
        guard let newest = dayFolders().last else { return }
        let link = directory + "/latest"
        var buffer = [CChar](repeating: 0, count: 64)
        let length = readlink(link, &buffer, buffer.count - 1)
        if length > 0, String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) == newest { return }
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
            url: article.url, fileName: stored.fileName, time: time, topicScore: 0,
            entities: stored.entities.map {
                DigestEntity(id: $0.id, nameEn: $0.nameEn, nameAr: $0.nameAr, type: $0.type, count: $0.count, forms: $0.forms)
            },
            dates: stored.dates.map { DigestDate(date: $0.date, text: $0.text) },
            // A bare date (or no date: the ingest time) says nothing about the hour of the report.
            hasTimeOfDay: (article.publishedAt?.count ?? 0) > 10,
            site: article.site, credit: article.credit, recordIndex: article.recordIndex
        )
    }
}
