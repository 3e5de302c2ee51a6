/// The named features a topic's fitted model weighs: how often each rule of
/// the topic file fired in the headline, the lead and the rest of the body,
/// and the salience of the evidence as the labelling guide reads it (where it
/// sits, how much of the article it covers, whether it is a list of names or
/// an actor doing something). Every value is small and bounded, so weights
/// compare across features.
struct TopicFeatureLayout: Sendable, Hashable {
    enum Zone: Int, Sendable, CaseIterable {
        case headline, lead, body
        var label: String {
            switch self {
            case .headline: return "in the headline"
            case .lead: return "in the lead"
            case .body: return "in the body"
            }
        }
    }

    /// Salience features, after the rule features, in this order.
    enum Salience: Int, Sendable, CaseIterable {
        case margin, tooFewSentences, requiredMissing, requiredNearlyMet, requiredReached, requiredMargin, headline, lead, coverage, densestPassage, densestParagraph, onlyAtTheEnd, listed, actors, length, singleSentence, headlineAndSentence
        var name: String {
            switch self {
            case .margin: return "rule score against threshold"
            case .tooFewSentences: return "fewer evidence sentences than the topic requires"
            case .requiredMissing: return "a required topic not assigned"
            case .requiredNearlyMet: return "a required topic not assigned, its evidence near its threshold"
            case .requiredReached: return "a required topic not assigned, its rule score at its threshold"
            case .requiredMargin: return "required topics' rule score against threshold"
            case .headline: return "evidence in the headline"
            case .lead: return "evidence in the lead"
            case .coverage: return "share of body sentences holding evidence"
            case .densestPassage: return "share of the densest passage holding evidence"
            case .densestParagraph: return "share of a paragraph of its own holding evidence"
            case .onlyAtTheEnd: return "evidence only in the closing sentences"
            case .listed: return "share of the topic's names that stand in lists"
            case .actors: return "share of evidence naming a person or body"
            case .length: return "article length"
            case .singleSentence: return "evidence in one sentence only"
            case .headlineAndSentence: return "evidence in the headline and a body sentence"
            }
        }
    }

    /// For each rule, the index of its first feature; sentence and paragraph
    /// rules have one per zone, article rules one.
    let ruleOffsets: [Int]
    let names: [String]
    /// Whether the topic requires others: only then does their absence weigh against it.
    let hasRequirements: Bool
    var salienceOffset: Int { names.count - Salience.allCases.count }

    init(_ definition: TopicDefinition) {
        var names: [String] = []
        var offsets: [Int] = []
        for rule in definition.rules {
            offsets.append(names.count)
            if rule.scope == .article {
                names.append(rule.name)
            } else {
                names += Zone.allCases.map { "\(rule.name), \($0.label)" }
            }
        }
        names += Salience.allCases.map(\.name)
        ruleOffsets = offsets
        hasRequirements = !definition.topic.requires.isEmpty
        self.names = names
    }

    func index(_ salience: Salience) -> Int { salienceOffset + salience.rawValue }

    /// Which features a fit may move; the rule score and the sentence requirement always.
    func kept(_ groups: TopicFeatureGroups) -> [Bool] {
        names.indices.map { index in
            if [Salience.margin, .tooFewSentences, .requiredMissing, .requiredNearlyMet, .requiredReached].contains(where: { index == self.index($0) }) { return true }
            return index < salienceOffset ? groups.contains(.ruleFirings) : groups.contains(.salience)
        }
    }

    /// The model the rules alone amount to, which fitting starts from and is pulled back toward:
    /// assigned at the threshold, not assigned when the evidence is spread too thin.
    var prior: LogisticRegression.Model {
        var weights = [Double](repeating: 0, count: names.count)
        weights[index(.margin)] = Self.marginWeight
        // Outweighs the largest margin, as the rules' sentence requirement overrides any score.
        weights[index(.tooFewSentences)] = -(Self.largestMargin * Self.marginWeight + 1)
        if hasRequirements {
            weights[index(.requiredMissing)] = -(Self.largestMargin * Self.marginWeight + 1)
            // The umbrella holds every story of its sub-topics: where its own evidence nearly
            // reached it, strong evidence of the sub-topic may carry both.
            weights[index(.requiredNearlyMet)] = Self.nearlyMetWeight
            // Its rule score reached the threshold and it fell short only of its sentence requirement
            // (or of its own fitted model): the sub-topic's evidence decides, as for any assigned umbrella.
            weights[index(.requiredReached)] = 0
        }
        return LogisticRegression.Model(weights: weights, bias: 0)
    }

    static let marginWeight = 4.0
    static let largestMargin = 3.0
    /// A required topic whose rule score is at least 70% of its threshold counts as nearly met; the
    /// prior then weighs its absence as half a threshold's margin instead of as a gate. Both chosen by
    /// 5-fold cross-validation on the development set (seeds 8, 9, 10) among margins -0.1 to -0.5 and
    /// weights 0 to -4; a hard gate everywhere scored 0.01 lower. A required topic whose rule score reached
    /// its threshold weighs nothing: that raised the mean over those seeds from 0.871 to 0.877.
    static let nearlyMetMargin = -0.3
    static let nearlyMetWeight = -2.0

    /// The margin feature: the rule score's distance from the threshold, in thresholds, bounded.
    static func margin(score: Double, threshold: Double) -> Double {
        min(largestMargin, max(-1, (score - threshold) / max(threshold, 0.5)))
    }

    /// Firing counts grow slower than linearly: the fifth mention adds less than the first.
    static func damped(_ count: Double) -> Double { (1 + count).squareRoot() - 1 }
}

/// What one topic's rules found in one article, reduced to its feature vector.
struct EvidenceProfile {
    struct Firing {
        var rule: Int
        /// -1 for article-scope rules.
        var sentence: Int
        /// How many mentions counted in this firing, relative to the rule's `mentions`.
        var strength: Double
        var positive: Bool
        var namesActor: Bool
    }

    var firings: [Firing]
    var score: Double
    var threshold: Double
    var spreadEnough: Bool
    var headlineSentences: Int
    /// Sentences of the body, with their paragraph.
    var bodyParagraphs: [Int]
    var window: Int
    var listedNames: Int
    var unlistedNames: Int

    func features(_ layout: TopicFeatureLayout, requiredMissing: Bool, requiredMargin: Double) -> [Double] {
        var values = [Double](repeating: 0, count: layout.names.count)
        let bodyCount = bodyParagraphs.count
        for firing in firings {
            let offset = layout.ruleOffsets[firing.rule]
            if firing.sentence < 0 {
                values[offset] = 1
                continue
            }
            let zone: TopicFeatureLayout.Zone = firing.sentence < headlineSentences ? .headline
                : firing.sentence - headlineSentences < TopicDefinition.leadSentences ? .lead : .body
            values[offset + zone.rawValue] += firing.strength
        }
        for rule in layout.ruleOffsets.indices {
            let offset = layout.ruleOffsets[rule]
            let end = rule + 1 < layout.ruleOffsets.count ? layout.ruleOffsets[rule + 1] : layout.salienceOffset
            for index in offset..<end { values[index] = TopicFeatureLayout.damped(values[index]) }
        }

        let positive = firings.filter { $0.positive && $0.sentence >= 0 }
        var evidence = [Bool](repeating: false, count: bodyCount)
        var headlineEvidence = false
        for firing in positive {
            if firing.sentence < headlineSentences { headlineEvidence = true } else { evidence[firing.sentence - headlineSentences] = true }
        }
        let evidenceCount = evidence.filter { $0 }.count
        values[layout.index(.margin)] = TopicFeatureLayout.margin(score: score, threshold: threshold)
        values[layout.index(.tooFewSentences)] = spreadEnough ? 0 : 1
        let reached = requiredMissing && requiredMargin >= 0
        let nearly = requiredMissing && !reached && requiredMargin >= TopicFeatureLayout.nearlyMetMargin
        values[layout.index(.requiredMissing)] = requiredMissing && !nearly && !reached ? 1 : 0
        values[layout.index(.requiredNearlyMet)] = nearly ? 1 : 0
        values[layout.index(.requiredReached)] = reached ? 1 : 0
        values[layout.index(.requiredMargin)] = requiredMargin
        values[layout.index(.headline)] = headlineEvidence ? 1 : 0
        values[layout.index(.lead)] = evidence.prefix(TopicDefinition.leadSentences).contains(true) ? 1 : 0
        if bodyCount > 0 {
            values[layout.index(.coverage)] = Double(evidenceCount) / Double(bodyCount)
            let span = min(window, bodyCount)
            var running = evidence.prefix(span).filter { $0 }.count
            var best = running
            for end in span..<bodyCount {
                running += (evidence[end] ? 1 : 0) - (evidence[end - span] ? 1 : 0)
                best = max(best, running)
            }
            values[layout.index(.densestPassage)] = Double(best) / Double(span)
            // A paragraph of its own: two sentences or more, in an article that has several paragraphs
            // (sentences come in order, so a paragraph's sentences are consecutive).
            if let first = bodyParagraphs.first, bodyParagraphs.last != first {
                var densest = 0.0
                var start = 0
                while start < bodyCount {
                    var end = start
                    while end < bodyCount && bodyParagraphs[end] == bodyParagraphs[start] { end += 1 }
                    if end - start >= 2 {
                        densest = max(densest, Double(evidence[start..<end].filter { $0 }.count) / Double(end - start))
                    }
                    start = end
                }
                values[layout.index(.densestParagraph)] = densest
            }
            let closing = max(0, bodyCount - 2)
            if bodyCount >= 4, evidenceCount > 0, !evidence[..<closing].contains(true), !headlineEvidence {
                values[layout.index(.onlyAtTheEnd)] = 1
            }
        }
        let names = listedNames + unlistedNames
        values[layout.index(.listed)] = names == 0 ? 0 : Double(listedNames) / Double(names)
        values[layout.index(.actors)] = positive.isEmpty ? 0 : Double(positive.filter(\.namesActor).count) / Double(positive.count)
        values[layout.index(.length)] = min(1, Double(bodyCount) / 40)
        values[layout.index(.singleSentence)] = evidenceCount + (headlineEvidence ? 1 : 0) == 1 ? 1 : 0
        values[layout.index(.headlineAndSentence)] = headlineEvidence && evidenceCount > 0 ? 1 : 0
        return values
    }
}

/// Groups of features a fit may use, for choosing the feature set by cross-validation.
public struct TopicFeatureGroups: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Each rule's firings by position.
    public static let ruleFirings = TopicFeatureGroups(rawValue: 1)
    /// Where the evidence sits and how much of the article it covers.
    public static let salience = TopicFeatureGroups(rawValue: 2)
    public static let all: TopicFeatureGroups = [.ruleFirings, .salience]
}
