import MarsadText

/// The stories of one topic's day, kept up as articles arrive: a new article
/// is compared only with the articles it meets in LSH buckets, so adding
/// articles costs in proportion to the new ones, not to the day.
///
/// Articles are taken in id order (the order they were recorded), and the
/// result depends only on the set of articles: adding them all at once (a
/// full rebuild) or in any number of batches gives the same stories. Each
/// article is compared, when it is added, with the last `bucketWindow`
/// members of each bucket it falls in, with the event words the day's
/// statistics so far call a source's furniture or the topic's common words
/// set aside. Because those statistics grow, the pairs judged the same story
/// are judged again, with the statistics of the whole day, whenever the
/// stories are read. Both judgements are `StoryClusterer.sameStory`.
///
/// Only what clustering and the digest need is kept of an article: its body
/// is replaced by its lead, and its match text dropped once fingerprinted.
public struct StoryIndex: Sendable {
    let clusterer: StoryClusterer
    /// Members in id order, without body or match text.
    private(set) var members: [DigestArticle] = []
    /// Unfocused fingerprints; their event signatures and edge words are
    /// dropped once used, as nothing later needs them.
    private(set) var fingerprints: [ArticleFingerprint] = []
    private var positionOfId: [Int64: Int32] = [:]
    /// Buckets as chains: the newest member with each band key, and for each
    /// member and band the previous member with the same key (-1: none).
    /// Most buckets hold one article; this keeps them at a few bytes each.
    private var newestInBucket: [UInt64: Int32] = [:]
    private var previousInBucket: [Int32] = []
    static let bandSlots = StoryClusterer.shingleBands + StoryClusterer.eventBands + StoryClusterer.ledeBands
    /// Pairs (lower position, higher position) judged the same story when the later one was added.
    private var candidateEdges: [(Int32, Int32)] = []
    private var statistics = FocusStatistics()
    private var sourceOfMember: [Int32] = []

    public init(thresholds: ClusteringThresholds = ClusteringThresholds()) {
        clusterer = StoryClusterer(thresholds: thresholds)
    }

    public var count: Int { members.count }
    public var newestId: Int64? { members.last?.id }

    /// Adds articles recorded after every member (ids above `newestId`), in
    /// any order; articles already in the index are skipped. Returns false,
    /// adding nothing, when an article is older than the newest member: the
    /// caller must then build a new index from the whole set.
    @discardableResult
    public mutating func add(_ articles: [DigestArticle]) -> Bool {
        add(articles, fingerprints: [:])
    }

    /// Adds each batch of articles to the index at the same position, the
    /// indexes side by side on every core and each article fingerprinted once
    /// however many batches it is in (a day's articles by topic). Returns for
    /// each index what ``add(_:)`` returns; an index that returns false is left as it was.
    public static func add(_ batches: [[DigestArticle]], to indexes: inout [StoryIndex]) -> [Bool] {
        precondition(batches.count == indexes.count, "one batch of articles per index")
        var unique: [DigestArticle] = []
        var seen = Set<Int64>()
        for batch in batches {
            for article in batch where seen.insert(article.id).inserted { unique.append(article) }
        }
        let fingerprinter = Fingerprinter()
        // The lead too is worked out once per article, not once per topic it is in.
        let prepared = Parallel.map(unique) { article in
            // The body's opening sentences are split once, for both.
            let opening = LeadSentences.opening(of: article.body)
            return (fingerprinter.fingerprint(article, opening: opening), article.lead ?? LeadSentences.lead(opening: opening))
        }
        let cache = Dictionary(uniqueKeysWithValues: zip(unique.map(\.id), prepared.map(\.0)))
        let leads = Dictionary(uniqueKeysWithValues: zip(unique.map(\.id), prepared.map(\.1)))
        let batches = batches.map { batch in
            batch.map { article in
                var article = article
                if article.lead == nil { article.lead = leads[article.id] }
                return article
            }
        }
        // Each index moves into a slot of its own, so that adding to it changes it in place
        // rather than copying it (the array would otherwise still share its storage).
        let slots = indexes.map(IndexSlot.init)
        indexes.removeAll()
        let added = Parallel.map(Array(slots.indices)) { position in
            slots[position].index.add(batches[position], fingerprints: cache)
        }
        indexes = slots.map(\.index)
        return added
    }

    /// `add`, with fingerprints already computed for some articles (an article in several topics).
    @discardableResult
    mutating func add(_ articles: [DigestArticle], fingerprints cache: [Int64: ArticleFingerprint]) -> Bool {
        var fresh: [DigestArticle] = []
        var seen = Set<Int64>()
        for article in articles where positionOfId[article.id] == nil && seen.insert(article.id).inserted {
            fresh.append(article)
        }
        guard !fresh.isEmpty else { return true }
        fresh.sort { $0.id < $1.id }
        if let newest = newestId, fresh[0].id < newest { return false }
        let fingerprinter = Fingerprinter()
        let prints = Parallel.map(fresh) { cache[$0.id] ?? fingerprinter.fingerprint($0) }
        for (article, print) in zip(fresh, prints) { insert(article, print) }
        return true
    }

    private mutating func insert(_ article: DigestArticle, _ raw: ArticleFingerprint) {
        let position = Int32(members.count)
        let source = DigestComposer.sourceName(article)
        let sourceIndex = statistics.add(
            source: source, edgeTerms: raw.edgeTerms, eventTerms: raw.eventTerms, ledeTerms: raw.ledeTerms
        )

        var compact = article
        if compact.lead == nil { compact.lead = LeadSentences.lead(of: article.body) }
        compact.body = ""
        compact.matchText = ""
        var kept = raw
        kept.edgeTerms = []
        kept.eventSignature = []
        kept.ledeSignature = []
        members.append(compact)
        fingerprints.append(kept)
        sourceOfMember.append(sourceIndex)
        positionOfId[article.id] = position

        // Band keys with the event words the statistics so far set aside.
        var dropped = DroppedWords(statistics)
        let focused = focus(position, &dropped)
        let eventSignature = focused.eventTerms.count == raw.eventTerms.count
            ? raw.eventSignature : Fingerprinter.eventHasher.signature(of: focused.eventTerms)
        let ledeSignature = focused.ledeTerms.count == raw.ledeTerms.count
            ? raw.ledeSignature : Fingerprinter.ledeHasher.signature(of: focused.ledeTerms)
        var compared = Set<Int32>()
        previousInBucket.append(contentsOf: repeatElement(-1, count: Self.bandSlots))
        var slot = 0
        let families = [
            (raw.shingleSignature, StoryClusterer.shingleBands), (eventSignature, StoryClusterer.eventBands),
            (ledeSignature, StoryClusterer.ledeBands),
        ]
        for (signature, bands) in families {
            let rows = signature.count / bands
            defer { slot += bands }
            guard rows > 0 else { continue }
            for band in 0..<bands {
                // An empty feature set leaves every slot at .max; it matches nothing.
                if signature[band * rows] == .max { continue }
                var key = StableHash.mix(UInt64(slot + band) &+ 0x51)
                for row in 0..<rows { key = StableHash.mix(key ^ signature[band * rows + row]) }
                var other = newestInBucket[key] ?? -1
                var steps = 0
                while other >= 0 && steps < StoryClusterer.bucketWindow {
                    if compared.insert(other).inserted,
                       clusterer.sameStory(members[Int(other)], focus(other, &dropped), compact, focused) {
                        candidateEdges.append((other, position))
                    }
                    other = previousInBucket[Int(other) * Self.bandSlots + slot + band]
                    steps += 1
                }
                previousInBucket[Int(position) * Self.bandSlots + slot + band] = newestInBucket[key] ?? -1
                newestInBucket[key] = position
            }
        }
    }

    /// A member's fingerprint with the words the current statistics set aside:
    /// its source's furniture and the topic's common event words from its event
    /// and lede words, the topic's common lede words from its lede words.
    private func focus(_ position: Int32, _ cache: inout DroppedWords) -> ArticleFingerprint {
        var print = fingerprints[Int(position)]
        let dropped = cache.of(source: sourceOfMember[Int(position)])
        if !dropped.event.isEmpty {
            print.eventTerms = print.eventTerms.filter { !dropped.event.contains($0) }
        }
        if !dropped.event.isEmpty || !dropped.lede.isEmpty {
            print.ledeTerms = print.ledeTerms.filter { !dropped.event.contains($0) && !dropped.lede.contains($0) }
        }
        return print
    }

    /// The stories: groups of member positions, each in id order, in order of
    /// their first member; and every member's fingerprint under the whole
    /// day's statistics, for choosing central reports.
    func stories() -> (groups: [[Int]], fingerprints: [ArticleFingerprint]) {
        var dropped = DroppedWords(statistics)
        let focused = (0..<Int32(members.count)).map { focus($0, &dropped) }
        var unionFind = UnionFind(count: members.count)
        for (low, high) in candidateEdges
        where clusterer.sameStory(members[Int(low)], focused[Int(low)], members[Int(high)], focused[Int(high)]) {
            unionFind.union(Int(low), Int(high))
        }
        var groups: [Int: [Int]] = [:]
        for index in members.indices { groups[unionFind.find(index), default: []].append(index) }
        return (groups.values.sorted { $0[0] < $1[0] }, focused)
    }
}

/// The words set aside per source under one state of the statistics,
/// computed once per source rather than once per comparison.
struct DroppedWords {
    let statistics: FocusStatistics
    private var bySource: [Int32: (event: Set<UInt64>, lede: Set<UInt64>)] = [:]

    init(_ statistics: FocusStatistics) {
        self.statistics = statistics
    }

    mutating func of(source: Int32) -> (event: Set<UInt64>, lede: Set<UInt64>) {
        if let known = bySource[source] { return known }
        let words = statistics.dropped(source: source)
        bySource[source] = words
        return words
    }
}

/// What the day has shown so far of each source's furniture and of the
/// topic's common words, kept up one article at a time. A word enters a set
/// only through an article that contains it, and the thresholds never fall,
/// so each update looks only at the set and the new article's words.
struct FocusStatistics: Sendable {
    struct Source: Sendable {
        var articles = 0
        var edgeFrequency: [UInt64: Int] = [:]
        /// Words at the edges of at least `boilerplateShare` of this source's articles.
        var frequentEdges = Set<UInt64>()

        mutating func add(edgeTerms: [UInt64]) {
            articles += 1
            for term in edgeTerms { edgeFrequency[term, default: 0] += 1 }
            let edgeLimit = Int((Double(articles) * StoryClusterer.boilerplateShare).rounded(.up))
            frequentEdges = frequentEdges.union(edgeTerms).filter { edgeFrequency[$0, default: 0] >= edgeLimit }
        }
    }

    private var sources: [Source] = []
    private var indexOfSource: [String: Int32] = [:]
    private var articles = 0
    private var termFrequency: [UInt64: Int] = [:]
    /// Event words in more than the common limit of the topic's articles.
    private var frequentTerms = Set<UInt64>()
    private var ledeFrequency: [UInt64: Int] = [:]
    /// Lede words in more than the common limit of the topic's articles.
    private var frequentLedeTerms = Set<UInt64>()
    /// The common limit the sets were last filtered with.
    private var filteredAtLimit = 0

    var commonLimit: Int { max(StoryClusterer.commonTermMinimumArticles, Int(Double(articles) * StoryClusterer.commonTermShare)) }

    /// Counts an article; returns its source's index, or -1 for pages of unknown origin.
    mutating func add(source: String?, edgeTerms: [UInt64], eventTerms: [UInt64], ledeTerms: [UInt64]) -> Int32 {
        articles += 1
        for term in eventTerms { termFrequency[term, default: 0] += 1 }
        for term in ledeTerms { ledeFrequency[term, default: 0] += 1 }
        // The limit never falls: the sets are filtered again only when it rose, and otherwise
        // only this article's words can join them (a set rebuilt per article rehashed it whole).
        let limit = commonLimit
        if limit != filteredAtLimit {
            frequentTerms = frequentTerms.filter { termFrequency[$0, default: 0] > limit }
            frequentLedeTerms = frequentLedeTerms.filter { ledeFrequency[$0, default: 0] > limit }
            filteredAtLimit = limit
        }
        for term in eventTerms where termFrequency[term, default: 0] > limit { frequentTerms.insert(term) }
        for term in ledeTerms where ledeFrequency[term, default: 0] > limit { frequentLedeTerms.insert(term) }

        // Pages of unknown origin may come from any number of sites: no furniture is inferred for them.
        guard let source else { return -1 }
        let index: Int32
        if let known = indexOfSource[source] {
            index = known
        } else {
            index = Int32(sources.count)
            indexOfSource[source] = index
            sources.append(Source())
        }
        // Changed in place: a copy taken out and put back would copy the source's word counts every time.
        sources[Int(index)].add(edgeTerms: edgeTerms)
        return index
    }

    /// The words set aside for an article of this source: from its event (and
    /// lede) words, the source's furniture and the common event words; from
    /// its lede words also the common lede words.
    func dropped(source: Int32) -> (event: Set<UInt64>, lede: Set<UInt64>) {
        let common = articles > commonLimit
        var event = common ? frequentTerms : []
        if source >= 0 {
            let entry = sources[Int(source)]
            if entry.articles >= StoryClusterer.boilerplateMinimumArticles { event.formUnion(entry.frequentEdges) }
        }
        return (event, common ? frequentLedeTerms : [])
    }
}

/// One index, owned by one parallel task at a time: `StoryIndex.add(_:to:)`
/// hands each slot to exactly one iteration and reads it only after all have
/// returned, which is what makes the unchecked `Sendable` sound.
private final class IndexSlot: @unchecked Sendable {
    var index: StoryIndex

    init(_ index: StoryIndex) {
        self.index = index
    }
}
