import Foundation

/// When two reports are the same story. The defaults were set on hand-made
/// pairs of Arabic reports (same event from two outlets, one wire story
/// re-posted, two events with the same actors) and are covered by tests.
public struct ClusteringThresholds: Sendable, Hashable {
    /// Estimated Jaccard similarity of word 3-gram shingles above which two
    /// reports are copies of one text, whoever is named in them.
    public var nearDuplicate: Double = 0.45
    /// Copies must also share this much of their headline-and-lead words.
    public var minimumCopyEventTerms: Double = 0.12
    /// Minimum share of headline-and-lead content words two reports of one
    /// event must have in common.
    public var minimumEventTerms: Double = 0.2
    /// Two short headlines can overlap by a third on two words («رمضان في ليبيا»,
    /// «رمضان في فلسطين»); one event's reports share more than that.
    public var minimumSharedEventTerms = 4
    /// Minimum combined score: event-term overlap, plus a bonus for shared
    /// entities, minus a penalty for time apart.
    public var minimumScore: Double = 0.3
    /// Weight of entity overlap (Jaccard of entity ids) in the score.
    public var entityWeight: Double = 0.2
    /// Penalty for reports a full `timeWindow` apart, scaled linearly.
    public var timePenalty: Double = 0.12
    /// Reports further apart than this are never one story, unless copies.
    /// Time apart counts only when both reports carry a time of day.
    public var timeWindow: TimeInterval = 36 * 3600
    /// Two ledes (headline and first real sentence, names included) sharing
    /// this much tell one event in other words: «ناقش مبعوث الرئيس الروسي
    /// لافرنتييف الأسد» and «بحث الأسد مع المبعوث الخاص للرئيس الروسي
    /// لافرينتيف». Two meetings of one minister share about a seventh.
    public var minimumLedeTerms: Double = 0.17
    /// … and at least this many words …
    public var minimumSharedLedeTerms = 6
    /// … and name the same people, places and groups this much (Jaccard of
    /// entity ids): reports that name no one known are never joined on
    /// their ledes alone, as a day of market or weather briefs would chain.
    public var minimumLedeEntities: Double = 0.2

    public init() {}
}

/// Decides whether two reports are one story. `StoryIndex` finds the pairs
/// worth asking about (locality-sensitive hashing: banding of MinHash
/// signatures); stories are the connected components of the pairs judged the same.
/// The decision may use an article's fingerprint and metadata, never its body:
/// the index keeps only the lead.
struct StoryClusterer: Sendable {
    var thresholds = ClusteringThresholds()
    /// Shingle signature: 16 bands of 4 rows, likely to meet at J ≥ ~0.5.
    static let shingleBands = 16
    /// Event-term signature: 32 bands of 2 rows; pairs at J = 0.3 meet with
    /// probability 0.95, at 0.2 with 0.73 (and stories need only a chain of them).
    static let eventBands = 32
    /// Lede signature: 32 bands of 1 row; ledes at J = 0.17 meet with
    /// probability 0.997. Ledes are short, so buckets stay small.
    static let ledeBands = 32
    /// Members of one bucket compared with each other at most this far apart
    /// in time order, so a pathological bucket stays linear.
    static let bucketWindow = 48

    /// A source's own furniture («رابط الخبر بصحيفة الوئام») opens or closes
    /// all its pages, and in a short page it falls in the lead, making any two
    /// such pages look alike. A word at the start or end of most of one
    /// source's articles (at least `boilerplateMinimumArticles` of them) is
    /// dropped from that source's event words.
    static let boilerplateMinimumArticles = 5
    static let boilerplateShare = 0.6

    /// A word in more of the topic's articles than any one story has reports
    /// («قوات», «النظام» in a Syria topic) tells no event from another; it
    /// only makes unrelated reports meet in the same LSH buckets.
    static let commonTermMinimumArticles = 40
    static let commonTermShare = 0.03

    func sameStory(_ a: DigestArticle, _ fa: ArticleFingerprint, _ b: DigestArticle, _ fb: ArticleFingerprint) -> Bool {
        pairScore(a, fa, b, fb).same
    }

    /// The verdict on one pair, and the similarity used to pick a story's most central report.
    func pairScore(
        _ a: DigestArticle, _ fa: ArticleFingerprint, _ b: DigestArticle, _ fb: ArticleFingerprint
    ) -> (same: Bool, similarity: Double) {
        let shingles = MinHasher.similarity(fa.shingleSignature, fb.shingleSignature)
        let (events, sharedTerms) = Self.overlap(fa.eventTerms, fb.eventTerms)
        let similarity = max(shingles, events)
        // Copies share their headline-and-lead words too; pages that share only
        // a site's boilerplate (photo galleries, short briefs) do not.
        if shingles >= thresholds.nearDuplicate && min(fa.shingleCount, fb.shingleCount) >= 3
            && events >= thresholds.minimumCopyEventTerms && sharedTerms >= thresholds.minimumSharedEventTerms {
            return (true, similarity)
        }
        // An undated report's time is when it was read, which says nothing of the event.
        let apart = a.hasTimeOfDay && b.hasTimeOfDay ? abs(a.time.timeIntervalSince(b.time)) : 0
        guard apart <= thresholds.timeWindow else { return (false, similarity) }
        guard !Self.ledesDisagree(fa, fb) else { return (false, similarity) }
        let entities = Self.jaccard(fa.entityIds, fb.entityIds)
        let (lede, sharedLede) = Self.overlap(fa.ledeTerms, fb.ledeTerms)
        if lede >= thresholds.minimumLedeTerms && sharedLede >= thresholds.minimumSharedLedeTerms
            && entities >= thresholds.minimumLedeEntities {
            return (true, max(similarity, lede))
        }
        guard events >= thresholds.minimumEventTerms, sharedTerms >= thresholds.minimumSharedEventTerms
        else { return (false, similarity) }
        let score = events + thresholds.entityWeight * entities - thresholds.timePenalty * (apart / thresholds.timeWindow)
        return (score >= thresholds.minimumScore, similarity)
    }

    /// Each lede names a person the other report never mentions: Lavrov
    /// meeting Çavuşoğlu and Lavrov meeting Muallem are two events however
    /// alike their wording. One lede naming more people than the other (a
    /// delegation's members) is no disagreement; places and countries are not
    /// counted, as reports of one event name them at different depths.
    static func ledesDisagree(_ fa: ArticleFingerprint, _ fb: ArticleFingerprint) -> Bool {
        func namesMissing(_ lede: [String], from entities: [String]) -> Bool {
            lede.contains { !entities.contains($0) }
        }
        return namesMissing(fa.ledePersonIds, from: fb.entityIds) && namesMissing(fb.ledePersonIds, from: fa.entityIds)
    }

    /// Jaccard similarity of two sorted, unique arrays.
    static func jaccard<T: Comparable>(_ lhs: [T], _ rhs: [T]) -> Double {
        overlap(lhs, rhs).jaccard
    }

    /// Jaccard similarity of two sorted, unique arrays, and how many elements they share.
    static func overlap<T: Comparable>(_ lhs: [T], _ rhs: [T]) -> (jaccard: Double, shared: Int) {
        if lhs.isEmpty || rhs.isEmpty { return (0, 0) }
        var i = 0, j = 0, shared = 0
        while i < lhs.count && j < rhs.count {
            if lhs[i] == rhs[j] {
                shared += 1; i += 1; j += 1
            } else if lhs[i] < rhs[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return (Double(shared) / Double(lhs.count + rhs.count - shared), shared)
    }
}

struct UnionFind {
    var parent: [Int]
    var rank: [UInt8]

    init(count: Int) {
        parent = Array(0..<count)
        rank = Array(repeating: 0, count: count)
    }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return }
        if rank[rootA] < rank[rootB] {
            parent[rootA] = rootB
        } else if rank[rootA] > rank[rootB] {
            parent[rootB] = rootA
        } else {
            parent[rootB] = rootA
            rank[rootA] += 1
        }
    }
}
