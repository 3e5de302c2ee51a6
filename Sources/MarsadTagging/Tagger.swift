import Foundation

public struct TaggingInput: Sendable {
    public var title: String
    public var body: String
    /// ISO 8601 date the article was published, the anchor for relative dates.
    public var published: String?
    public init(title: String, body: String, published: String? = nil) {
        self.title = title
        self.body = body
        self.published = published
    }
}

/// Where a match sits: UTF-8 byte offsets into the title (`inHeadline`) or the body.
public struct TextSpan: Sendable, Codable, Hashable {
    public var inHeadline: Bool
    public var start: Int
    public var end: Int
    public init(inHeadline: Bool, start: Int, end: Int) {
        self.inHeadline = inHeadline
        self.start = start
        self.end = end
    }
}

/// Why a topic was assigned: which rule fired on which text.
public struct Evidence: Sendable, Codable, Hashable {
    public var rule: String
    public var text: String
    public var weight: Double
    /// Where the rule's terms matched.
    public var spans: [TextSpan]
    public init(rule: String, text: String, weight: Double, spans: [TextSpan] = []) {
        self.rule = rule
        self.text = text
        self.weight = weight
        self.spans = spans
    }
}

public struct TopicAssignment: Sendable, Codable, Hashable {
    public var id: String
    public var score: Double
    public var evidence: [Evidence]
    /// The score the topic needed.
    public var threshold: Double
    public init(id: String, score: Double, evidence: [Evidence], threshold: Double) {
        self.id = id
        self.score = score
        self.evidence = evidence
        self.threshold = threshold
    }
}

public struct EntityMention: Sendable, Codable, Hashable {
    public var id: String
    public var type: EntityType
    /// The canonical English name.
    public var name: String
    public var nameAr: String
    public var count: Int
    /// The surface forms as they appeared in the text.
    public var forms: [String]
    /// Every place the entity was named.
    public var spans: [TextSpan]
}

/// A date the article's text refers to, resolved to a calendar day.
public struct MentionedDate: Sendable, Codable, Hashable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var text: String
    public init(date: String, text: String) {
        self.date = date
        self.text = text
    }
}

public struct TaggingResult: Sendable, Codable, Hashable {
    public var topics: [TopicAssignment]
    public var entities: [EntityMention]
    public var dates: [MentionedDate]
}

/// A tagging result together with the topics that gathered evidence but fell
/// short, for explanations.
public struct TaggingAnalysis: Sendable {
    public var result: TaggingResult
    /// Every topic with any evidence, assigned or not, in taxonomy order.
    public var candidates: [TopicAssignment]
    /// Ambiguous names that were found but not confirmed by their context.
    public var unconfirmed: [EntityMention]
    /// The fitted models' readings of the candidates that have fitted weights, by topic id.
    public var models: [String: ModelScore]
}

/// MarsadTagging owns understanding what an article is about: the entity
/// gazetteer and its clitic-aware matcher, the topic rules with their
/// evidence, the dates an article mentions, and explanations of all three.
/// It does no I/O.
public struct Tagger: Sendable {
    public let taxonomy: Taxonomy
    let compiled: CompiledTaxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        compiled = CompiledTaxonomy(taxonomy)
    }

    public func tag(_ input: TaggingInput) -> TaggingResult {
        analyze(input, keepShortfalls: false).result
    }

    /// Tags the article and keeps, for explanations, the topics that fell short.
    public func analyze(_ input: TaggingInput) -> TaggingAnalysis {
        analyze(input, keepShortfalls: true)
    }

    private func analyze(_ input: TaggingInput, keepShortfalls: Bool) -> TaggingAnalysis {
        let text = ScannedText(headline: input.title, body: input.body)
        let found = EntityFinder(compiled: compiled, text: text).find()
        let scored = TopicScorer(compiled: compiled, text: text, hits: found).score(keepShortfalls: keepShortfalls)
        let dates = DateExtractor.extract(text, published: input.published)
        return TaggingAnalysis(
            result: TaggingResult(topics: scored.filter(\.assigned).map(\.assignment), entities: found.mentions, dates: dates),
            candidates: scored.map(\.assignment),
            unconfirmed: found.unconfirmed,
            models: Dictionary(scored.compactMap { item in item.model.map { (item.assignment.id, $0) } }, uniquingKeysWith: { first, _ in first })
        )
    }
}

/// What the matcher found in one article: confirmed entity mentions, the
/// keyword hits, and every hit's sentence for the topic rules.
struct FoundHits {
    struct Hit {
        enum Kind { case entity(Int32), keyword(Int32) }
        var kind: Kind
        var firstToken: Int
        var endToken: Int
        var sentence: Int
        /// One of several names in a row: a list, not the subject.
        var listed = false
    }
    var hits: [Hit]
    var mentions: [EntityMention]
    var unconfirmed: [EntityMention]
}

struct EntityFinder {
    let compiled: CompiledTaxonomy
    let text: ScannedText

    func span(_ first: Int, _ end: Int) -> TextSpan {
        let start = Int(text.tokenStart[first])
        let stop = Int(text.tokenEnd[end - 1])
        if start < text.headlineEnd { return TextSpan(inHeadline: true, start: start, end: min(stop, text.headlineEnd)) }
        let offset = text.headlineEnd == 0 ? 0 : text.headlineEnd + 2
        return TextSpan(inHeadline: false, start: start - offset, end: stop - offset)
    }

    func find() -> FoundHits {
        let (names, nested, others) = compiled.matcher.matches(in: text)
        struct Candidate {
            var entity: Int32
            var ambiguous: Bool
            var match: PhraseMatcher.Match
        }
        var candidates: [Candidate] = []
        for match in names {
            for (entity, ambiguous) in compiled.matcher.payloads[Int(match.node)].entities {
                candidates.append(Candidate(entity: entity, ambiguous: ambiguous, match: match))
            }
        }
        // A country named inside a longer name ("وزارة الدفاع الروسية") is mentioned too.
        var nestedCandidates: [Candidate] = []
        for match in nested {
            for (entity, ambiguous) in compiled.matcher.payloads[Int(match.node)].entities
            where !ambiguous && compiled.entities[Int(entity)].type == .country {
                nestedCandidates.append(Candidate(entity: entity, ambiguous: false, match: match))
            }
        }
        var hits: [FoundHits.Hit] = []
        for match in others {
            let payload = compiled.matcher.payloads[Int(match.node)]
            let sentence = Int(text.tokenSentence[match.firstToken])
            for keyword in payload.keywords {
                hits.append(.init(kind: .keyword(keyword), firstToken: match.firstToken, endToken: match.endToken, sentence: sentence))
            }
        }
        // Where context words stand, and which entities are named plainly, are needed only to
        // confirm an ambiguous form.
        var contextSentences: [Int32: Set<Int>] = [:]
        var plain = Set<Int32>()
        var plainRelatedTo = Set<Int32>()
        if candidates.contains(where: \.ambiguous) {
            for match in others {
                let sentence = Int(text.tokenSentence[match.firstToken])
                for entity in compiled.matcher.payloads[Int(match.node)].contextFor {
                    contextSentences[entity, default: []].insert(sentence)
                }
            }
            // Entities named plainly; an ambiguous form leans on them.
            for candidate in candidates where !candidate.ambiguous {
                plain.insert(candidate.entity)
                for owner in compiled.belongsTo[Int(candidate.entity)] { plainRelatedTo.insert(owner) }
            }
        }
        var confirmed: [Candidate] = []
        var rejected: [Candidate] = []
        for candidate in candidates {
            let sentence = Int(text.tokenSentence[candidate.match.firstToken])
            if !candidate.ambiguous || confirms(candidate.entity, sentence: sentence, plain: plain, plainRelatedTo: plainRelatedTo, contextSentences: contextSentences) {
                confirmed.append(candidate)
                hits.append(.init(kind: .entity(candidate.entity), firstToken: candidate.match.firstToken, endToken: candidate.match.endToken, sentence: sentence))
            } else {
                rejected.append(candidate)
            }
        }
        hits.sort { ($0.firstToken, $0.endToken) < ($1.firstToken, $1.endToken) }
        markLists(&hits)
        func mentions(_ list: [Candidate]) -> [EntityMention] {
            // Mentions are grown in place in an array: a copy taken out of a dictionary and put back
            // would copy its spans at every mention, quadratic for a name repeated through a long text.
            var found: [EntityMention] = []
            var position: [Int32: Int] = [:]
            for candidate in list {
                let span = span(candidate.match.firstToken, candidate.match.endToken)
                let surface = text.text(from: Int(text.tokenStart[candidate.match.firstToken]), to: Int(text.tokenEnd[candidate.match.endToken - 1]))
                if let index = position[candidate.entity] {
                    found[index].count += 1
                    if !found[index].forms.contains(surface) { found[index].forms.append(surface) }
                    found[index].spans.append(span)
                } else {
                    let entity = compiled.entities[Int(candidate.entity)]
                    position[candidate.entity] = found.count
                    found.append(EntityMention(
                        id: entity.id, type: entity.type, name: entity.en, nameAr: entity.ar, count: 1, forms: [surface], spans: [span]
                    ))
                }
            }
            return found
        }
        let ordered = (confirmed + nestedCandidates).sorted { $0.match.firstToken < $1.match.firstToken }
        return FoundHits(hits: hits, mentions: mentions(ordered), unconfirmed: mentions(rejected))
    }

    /// Names run together ("اليمن وسوريا وليبيا") are a list: each is a passing
    /// mention, so three or more adjacent names in one sentence give no topic evidence.
    private func markLists(_ hits: inout [FoundHits.Hit]) {
        var index = 0
        while index < hits.count {
            var end = index
            var lastEnd = hits[index].endToken
            while end + 1 < hits.count, hits[end + 1].sentence == hits[index].sentence,
                  hits[end + 1].firstToken <= lastEnd {
                end += 1
                lastEnd = max(lastEnd, hits[end].endToken)
            }
            // Fewer than three hits cannot name three entities: no set to build for them.
            let names = end - index < 2 ? [] : Set(hits[index...end].compactMap { hit -> Int? in
                if case .entity(let entity) = hit.kind { return Int(entity) }
                return nil
            })
            if names.count >= 3 {
                for member in index...end { hits[member].listed = true }
            }
            index = end + 1
        }
    }

    /// An ambiguous form counts when a context word shares its sentence, when the
    /// entity is also named plainly, or when the article plainly names something
    /// of the same allegiance (another Syrian entity for "الأسد").
    private func confirms(
        _ entity: Int32, sentence: Int, plain: Set<Int32>, plainRelatedTo: Set<Int32>, contextSentences: [Int32: Set<Int>]
    ) -> Bool {
        if contextSentences[entity]?.contains(sentence) == true { return true }
        if plain.contains(entity) { return true }
        let relations = compiled.belongsTo[Int(entity)].dropFirst()
        return relations.contains { plainRelatedTo.contains($0) }
    }
}
