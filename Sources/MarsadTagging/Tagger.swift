import Foundation
import MarsadText

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

/// Why a topic was assigned: which rule fired on which text.
public struct Evidence: Sendable, Codable, Hashable {
    public var rule: String
    public var text: String
    public var weight: Double
    public init(rule: String, text: String, weight: Double) {
        self.rule = rule
        self.text = text
        self.weight = weight
    }
}

public struct TopicAssignment: Sendable, Codable, Hashable {
    public var id: String
    public var score: Double
    public var evidence: [Evidence]
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
}

/// A date the article's text refers to, resolved to a calendar day.
public struct MentionedDate: Sendable, Codable, Hashable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var text: String
}

public struct TaggingResult: Sendable, Codable, Hashable {
    public var topics: [TopicAssignment]
    public var entities: [EntityMention]
    public var dates: [MentionedDate]
}

/// MarsadTagging owns understanding what an article is about: the entity
/// gazetteer and its matcher, the topic rules with their evidence, and the
/// dates an article mentions. It does no I/O.
public struct Tagger: Sendable {
    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    public func tag(_ input: TaggingInput) -> TaggingResult {
        let text = " " + TextNormalizer.matchKey(input.title + "\n" + input.body) + " "
        var mentions: [EntityMention] = []
        for entity in taxonomy.entities {
            var count = 0
            var forms: [String] = []
            for name in [entity.ar] + entity.variants {
                let key = TextNormalizer.matchKey(name)
                guard !key.isEmpty else { continue }
                let found = text.components(separatedBy: key).count - 1
                if found > 0 {
                    count += found
                    forms.append(name)
                }
            }
            if count > 0 {
                mentions.append(EntityMention(
                    id: entity.id, type: entity.type, name: entity.en, nameAr: entity.ar, count: count, forms: forms
                ))
            }
        }
        var topics: [TopicAssignment] = []
        for topic in taxonomy.topics {
            let weights = taxonomy.topicRules[topic.id] ?? [:]
            var evidence: [Evidence] = []
            for mention in mentions {
                if let weight = weights[mention.id] {
                    evidence.append(Evidence(rule: "entity \(mention.id)", text: mention.forms[0], weight: weight))
                }
            }
            let score = evidence.reduce(0) { $0 + $1.weight }
            if score >= (taxonomy.thresholds[topic.id] ?? 1) {
                topics.append(TopicAssignment(id: topic.id, score: score, evidence: evidence))
            }
        }
        return TaggingResult(topics: topics, entities: mentions, dates: [])
    }
}
