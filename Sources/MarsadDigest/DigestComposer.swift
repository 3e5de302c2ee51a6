import Foundation
import MarsadText

/// Builds the `DayDigest` model from a topic's articles: stories, who and
/// where, timeline. Everything is ordered by stable keys so that the same
/// articles, in any order, give the same digest.
struct DigestComposer: Sendable {
    var timeZone: TimeZone
    var clusterer: StoryClusterer
    var outlets = OutletDirectory()
    static let storyEntityLimit = 6
    static let whoAndWhereLimit = 15
    static let timelineLimit = 40
    static let timelineTextsPerDate = 3
    static let timelineStoriesPerDate = 3
    /// Stories bigger than this pick their central report among their first members only.
    static let centralityLimit = 60

    func compose(
        topic: DigestTopic, day: String, articles input: [DigestArticle], previousDay: [DigestArticle],
        fingerprints cache: [Int64: ArticleFingerprint]
    ) -> DayDigest {
        var index = StoryIndex(thresholds: clusterer.thresholds)
        index.add(input, fingerprints: cache)
        return compose(topic: topic, day: day, stories: index, previousDay: previousDay)
    }

    func compose(topic: DigestTopic, day: String, stories index: StoryIndex, previousDay: [DigestArticle]) -> DayDigest {
        let found = index.stories()
        // Everything after clustering works in time order.
        let order = index.members.indices.sorted { lhs, rhs in
            let left = index.members[lhs], right = index.members[rhs]
            return (left.time, left.id) < (right.time, right.id)
        }
        var canonicalPosition = [Int](repeating: 0, count: order.count)
        for (position, member) in order.enumerated() { canonicalPosition[member] = position }
        let articles = order.map { index.members[$0] }
        let fingerprints = order.map { found.fingerprints[$0] }
        let groups = found.groups
            .map { $0.map { canonicalPosition[$0] }.sorted() }
            .sorted { $0[0] < $1[0] }

        let dayStart = ArabicFormatting.noon(of: day).map { $0.addingTimeInterval(-12 * 3600) }
        var stories = groups.map { group in
            story(group, articles: articles, fingerprints: fingerprints, dayStart: dayStart)
        }
        stories.sort { lhs, rhs in
            if lhs.weight != rhs.weight { return lhs.weight > rhs.weight }
            if lhs.story.lastTime != rhs.story.lastTime { return lhs.story.lastTime > rhs.story.lastTime }
            return lhs.story.id < rhs.story.id
        }
        var ranked: [Story] = []
        var storyOfArticle: [Int64: String] = [:]
        for (index, entry) in stories.enumerated() {
            var story = entry.story
            story.rank = index + 1
            ranked.append(story)
            for report in story.reports { storyOfArticle[report.articleId] = story.id }
        }
        let rankOfStory = Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0.rank) })

        var sourceCounts: [String: Int] = [:]
        var unknownSourceArticles = 0
        for article in articles {
            if let source = outletName(article).name { sourceCounts[source, default: 0] += 1 } else { unknownSourceArticles += 1 }
        }
        let sources = sourceCounts.map { SourceTally(name: $0.key, articles: $0.value) }
            .sorted { ($1.articles, $0.name) < ($0.articles, $1.name) }

        let previous = Self.canonical(previousDay)
        return DayDigest(
            day: day, calendar: ArabicFormatting.calendarDay(day), timeZone: timeZone.identifier, topic: topic,
            articleCount: articles.count, sourceCount: sources.count, sources: sources,
            unknownSourceArticles: unknownSourceArticles,
            previousDayArticleCount: previous.count, stories: ranked,
            whoAndWhere: whoAndWhere(articles, previous: previous),
            timeline: timeline(articles, storyOfArticle: storyOfArticle, rankOfStory: rankOfStory)
        )
    }

    /// One article per id, in time order: the order every later step relies on.
    static func canonical(_ articles: [DigestArticle]) -> [DigestArticle] {
        var seen = Set<Int64>()
        return articles
            .sorted { lhs, rhs in
                if lhs.time != rhs.time { return lhs.time < rhs.time }
                if lhs.id != rhs.id { return lhs.id < rhs.id }
                // Same id twice: keep one deterministically.
                return (lhs.fileName, lhs.title) < (rhs.fileName, rhs.title)
            }
            .filter { seen.insert($0.id).inserted }
    }

    /// The outlet as readers know it: its Arabic name in the sources file,
    /// else as the article names it; nil when nothing tells.
    func outletName(_ article: DigestArticle) -> (name: String?, id: String?) {
        if let outlet = outlets.outlet(source: article.source, site: article.site, url: article.url) {
            return (outlet.nameAr, outlet.id)
        }
        return (Self.sourceName(article), nil)
    }

    /// The source as the article gives it, else its site, else the address's host; nil when none is known.
    static func sourceName(_ article: DigestArticle) -> String? {
        if let source = article.source?.trimmingWhitespace(), !source.isEmpty, !isGenericCredit(source) { return source }
        if let site = article.site?.trimmingWhitespace(), !site.isEmpty { return site }
        if let url = article.url, let host = URLComponents(string: url)?.host, !host.isEmpty {
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        return nil
    }

    /// «المصدر: وكالات» says the text came from the wires, not who published
    /// it: shown as a credit, never as the outlet. A named agency («رويترز»,
    /// «واس») may well be the publisher and is left as the source.
    static func isGenericCredit(_ name: String) -> Bool {
        let trimmed = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0 != "(" && $0 != ")" }))
        return genericCredits.contains(TextNormalizer.matchKey(trimmed.trimmingWhitespace()))
    }

    static let genericCredits: Set<String> = Set(["وكالات", "وكالات الأنباء", "وكالات أنباء", "الوكالات"].map { TextNormalizer.matchKey($0) })

    /// The article's wire credit, or its source field when that is only a generic credit.
    static func credit(_ article: DigestArticle) -> String? {
        if let credit = article.credit?.trimmingWhitespace(), !credit.isEmpty { return credit }
        guard let source = article.source?.trimmingWhitespace(), isGenericCredit(source) else { return nil }
        return source
    }

    private func story(
        _ members: [Int], articles: [DigestArticle], fingerprints: [ArticleFingerprint], dayStart: Date?
    ) -> (story: Story, weight: Double) {
        let central = centralMember(members, articles: articles, fingerprints: fingerprints)
        let centralArticle = articles[central]
        let reports = members.map { index -> StoryReport in
            let article = articles[index]
            let outlet = outletName(article)
            let credit = Self.credit(article)
            return StoryReport(
                articleId: article.id, source: outlet.name, outletId: outlet.id,
                credit: credit != outlet.name ? credit : nil, url: Self.safeURL(article.url),
                time: ArabicFormatting.isoTime(article.time),
                localTime: article.hasTimeOfDay ? ArabicFormatting.clockTime(article.time, timeZone: timeZone) : nil,
                title: article.title.trimmingWhitespace(), fileName: article.fileName,
                record: article.recordIndex.map { $0 + 1 }, isCentral: index == central
            )
        }
        let sourceCount = Set(reports.compactMap(\.source)).count

        var tallies: [String: StoryEntity] = [:]
        for index in members {
            for entity in Self.mergedEntities(articles[index]) {
                if var tally = tallies[entity.id] {
                    tally.reports += 1
                    tally.mentions += entity.count
                    tallies[entity.id] = tally
                } else {
                    tallies[entity.id] = StoryEntity(
                        id: entity.id, nameAr: entity.nameAr, nameEn: entity.nameEn, type: entity.type,
                        reports: 1, mentions: entity.count
                    )
                }
            }
        }
        let entities = tallies.values
            .sorted { ($1.reports, $1.mentions, $0.id) < ($0.reports, $0.mentions, $1.id) }
            .prefix(Self.storyEntityLimit)

        let summary = centralArticle.lead ?? LeadSentences.lead(of: centralArticle.body)
        var headline = centralArticle.title.trimmingWhitespace()
        if headline.isEmpty { headline = LeadSentences.truncated(summary, to: 120) }
        let ids = members.map { articles[$0].id }.sorted()
        let id = "s" + StableHash.hex(StableHash.fnv1a(ids.map(String.init).joined(separator: ",").utf8))
        let firstTime = members.map { articles[$0].time }.min() ?? centralArticle.time
        let lastTime = members.map { articles[$0].time }.max() ?? centralArticle.time

        // Weight: reports, then independent outlets count more, then recency within the day.
        var recency = 0.0
        if let dayStart {
            recency = min(1, max(0, lastTime.timeIntervalSince(dayStart) / 86_400))
        }
        let weight = Double(members.count) + 2 * Double(sourceCount) + recency

        let story = Story(
            id: id, rank: 0, headline: headline, summary: summary, reportCount: members.count,
            sourceCount: sourceCount, firstTime: ArabicFormatting.isoTime(firstTime),
            lastTime: ArabicFormatting.isoTime(lastTime), centralArticleId: centralArticle.id,
            entities: Array(entities), reports: reports
        )
        return (story, weight)
    }

    /// The report most similar to the others; ties go to the fuller, then earlier, report.
    private func centralMember(_ members: [Int], articles: [DigestArticle], fingerprints: [ArticleFingerprint]) -> Int {
        guard members.count > 1 else { return members[0] }
        let considered = Array(members.prefix(Self.centralityLimit))
        var best = considered[0]
        var bestScore = -1.0
        for candidate in considered {
            var score = 0.0
            for other in considered where other != candidate {
                score += clusterer.pairScore(
                    articles[candidate], fingerprints[candidate], articles[other], fingerprints[other]
                ).similarity
            }
            // Prefer a report with a real lead and headline over a stub.
            if articles[candidate].title.isEmpty { score -= 0.5 }
            if fingerprints[candidate].shingleCount < 30 { score -= 0.25 }
            let better = score > bestScore + 1e-9
                || (abs(score - bestScore) <= 1e-9
                    && fingerprints[candidate].shingleCount > fingerprints[best].shingleCount)
            if better {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// An article's entities with duplicates (same id twice) summed.
    static func mergedEntities(_ article: DigestArticle) -> [DigestEntity] {
        var merged: [String: DigestEntity] = [:]
        for entity in article.entities {
            if var existing = merged[entity.id] {
                existing.count += entity.count
                merged[entity.id] = existing
            } else {
                merged[entity.id] = entity
            }
        }
        return merged.values.sorted { $0.id < $1.id }
    }

    private func whoAndWhere(_ articles: [DigestArticle], previous: [DigestArticle]) -> [EntityTally] {
        var today: [String: EntityTally] = [:]
        for article in articles {
            for entity in Self.mergedEntities(article) {
                if var tally = today[entity.id] {
                    tally.articles += 1
                    tally.mentions += max(1, entity.count)
                    today[entity.id] = tally
                } else {
                    today[entity.id] = EntityTally(
                        id: entity.id, nameAr: entity.nameAr, nameEn: entity.nameEn, type: entity.type,
                        articles: 1, mentions: max(1, entity.count), previousArticles: 0, change: 0
                    )
                }
            }
        }
        var before: [String: Int] = [:]
        for article in previous {
            for entity in Self.mergedEntities(article) { before[entity.id, default: 0] += 1 }
        }
        return today.values
            .map { tally -> EntityTally in
                var tally = tally
                tally.previousArticles = before[tally.id] ?? 0
                tally.change = tally.articles - tally.previousArticles
                return tally
            }
            .sorted { ($1.articles, $1.mentions, $0.id) < ($0.articles, $0.mentions, $1.id) }
            .prefix(Self.whoAndWhereLimit)
            .map { $0 }
    }

    /// One entry per date mentioned, earliest first, with the stories that mention it.
    private func timeline(
        _ articles: [DigestArticle], storyOfArticle: [Int64: String], rankOfStory: [String: Int]
    ) -> [TimelineEntry] {
        var articlesOfDate: [String: Set<Int64>] = [:]
        var articlesOfText: [String: [String: Set<Int64>]] = [:]
        for article in articles {
            for mention in article.dates where ArabicFormatting.components(of: mention.date) != nil {
                articlesOfDate[mention.date, default: []].insert(article.id)
                let text = Escaping.neutralized(mention.text)
                if !text.isEmpty { articlesOfText[mention.date, default: [:]][text, default: []].insert(article.id) }
            }
        }
        var entries = articlesOfDate.keys.sorted().map { date -> TimelineEntry in
            let ids = articlesOfDate[date]!.sorted()
            let texts = (articlesOfText[date] ?? [:])
                .sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
                .prefix(Self.timelineTextsPerDate)
                .map(\.key)
            let storyIds = Set(ids.compactMap { storyOfArticle[$0] })
                .sorted { (rankOfStory[$0] ?? .max, $0) < (rankOfStory[$1] ?? .max, $1) }
            return TimelineEntry(
                date: date, dateArabic: ArabicFormatting.gregorianDate(date), texts: Array(texts),
                articleIds: ids, storyIds: storyIds
            )
        }
        // Too many dates: keep those most articles mention, still in date order.
        if entries.count > Self.timelineLimit {
            let kept = Set(entries.indices
                .sorted { (entries[$1].articleIds.count, $0) < (entries[$0].articleIds.count, $1) }
                .prefix(Self.timelineLimit))
            entries = entries.indices.filter { kept.contains($0) }.map { entries[$0] }
        }
        return entries
    }

    /// Only web addresses become links; anything else (javascript:, data:) is dropped.
    static func safeURL(_ url: String?) -> String? {
        guard let url = url?.trimmingWhitespace(), !url.isEmpty,
              let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              components.host?.isEmpty == false
        else { return nil }
        return url
    }
}
