import MarsadText

/// Where a rule looks for all of its terms together.
enum RuleScope: String, Sendable, CaseIterable {
    case sentence, paragraph, article
}

/// One condition of a rule. An entity term is met by a mention of an entity
/// that passes every filter it names (ids, relation, role, type); a keyword
/// term by one of its phrases; a topic term by the topic being assigned; an
/// `any` term by one of its alternatives.
struct RuleTerm: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case entity, keyword, topic, any }
    var kind: Kind
    var entityIDs: [String] = []
    var related: [String] = []
    var roles: [String] = []
    var types: [EntityType] = []
    var keywords: [String] = []
    var topics: [String] = []
    /// For `any`: met when one of these is.
    var alternatives: [RuleTerm] = []
    var line: Int?

    /// How the term reads in an explanation.
    var label: String {
        switch kind {
        case .keyword: return "keyword"
        case .topic: return "topic " + topics.joined(separator: "|")
        case .any: return "(" + alternatives.map(\.label).joined(separator: " or ") + ")"
        case .entity:
            var parts: [String] = []
            if !entityIDs.isEmpty { parts.append(entityIDs.joined(separator: "|")) }
            if !related.isEmpty { parts.append("related " + related.joined(separator: "|")) }
            if !roles.isEmpty { parts.append("role " + roles.joined(separator: "|")) }
            if !types.isEmpty { parts.append("type " + types.map(\.rawValue).joined(separator: "|")) }
            return parts.joined(separator: " ")
        }
    }
}

extension RuleTerm {
    /// The term itself and every alternative nested in it.
    var flattened: [RuleTerm] { [self] + alternatives.flatMap(\.flattened) }
}

/// A weighted piece of evidence: all `terms` within one `scope`, and none of `unless` there.
struct TopicRule: Sendable, Hashable {
    var name: String
    var terms: [RuleTerm]
    var unless: [RuleTerm]
    var scope: RuleScope
    var weight: Double
    /// How many scopes (sentences, paragraphs) may count for this rule in one article.
    var maxFirings: Int
    /// How many hits of the first term count within one scope (each adds the weight).
    var mentionsPerScope: Int
    var line: Int?
}

/// A topic with its scoring: how evidence is weighed by position and how it adds up.
struct TopicDefinition: Sendable, Hashable {
    var topic: Topic
    var path: String
    /// Multiplies evidence found in the headline.
    var headlineFactor: Double
    /// Multiplies evidence found in the lead (the first body sentences).
    var leadFactor: Double
    /// How many consecutive body sentences make the best passage.
    var window: Int
    /// The share of evidence outside the best passage that still counts.
    var spread: Double
    /// How many distinct sentences (the headline counting as one) must hold positive evidence.
    var minimumSentences: Int
    var rules: [TopicRule]

    static let defaultHeadlineFactor = 2.0
    static let defaultLeadFactor = 1.5
    static let defaultWindow = 4
    static let defaultSpread = 0.3
    static let defaultMaxFirings = 3
    /// How many body sentences form the lead.
    static let leadSentences = 2
}

extension TopicDefinition {
    /// A digest of everything in the topic file that shapes its features and
    /// rule score (not comments or line numbers), so that fitted weights can
    /// tell when the file they were fitted for has changed.
    var fingerprint: String {
        var text = "\(topic.id)|\(topic.threshold)|\(topic.requires)|\(headlineFactor)|\(leadFactor)|\(window)|\(spread)|\(minimumSentences)"
        func describe(_ term: RuleTerm) -> String {
            "\(term.kind)(\(term.entityIDs),\(term.related),\(term.roles),\(term.types.map(\.rawValue)),\(term.keywords),\(term.topics),[\(term.alternatives.map(describe).joined(separator: ";"))])"
        }
        for rule in rules {
            text += "\n\(rule.name)|\(rule.scope.rawValue)|\(rule.weight)|\(rule.maxFirings)|\(rule.mentionsPerScope)|"
            text += rule.terms.map(describe).joined(separator: "&") + "|unless " + rule.unless.map(describe).joined(separator: "&")
        }
        let hash = StableHasher.hash(text.utf8)
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
