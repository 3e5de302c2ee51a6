/// Weighs each topic's rules over one article.
///
/// A rule fires in a scope (sentence, paragraph, article) where all of its
/// terms are met and none of its `unless` terms. Firings in the headline and
/// lead are multiplied. The score is the headline's evidence, plus the best
/// passage of `window` consecutive body sentences, plus only a `spread` share
/// of the evidence elsewhere: an article must be about a topic somewhere, and
/// scattered passing mentions in a long article add up to little.
///
/// A topic with fitted weights is decided by its model instead: the rule
/// firings and the salience of the evidence become a feature vector, and the
/// topic is assigned when the fitted log-odds are positive. A topic without
/// fitted weights keeps the rule score against the threshold.
struct TopicScorer {
    let compiled: CompiledTaxonomy
    let text: ScannedText
    let hits: FoundHits

    struct Scored {
        var assignment: TopicAssignment
        var assigned: Bool
        /// The fitted model's reading, for topics that have one (and for explanations).
        var model: ModelScore?
    }

    /// What training needs of one topic in one article.
    struct TrainingView {
        var features: [Double]
        /// Whether the topic could be assigned at all: evidence found, required topics assigned.
        var eligible: Bool
    }

    private struct Firing {
        var sentence: Int
        var weight: Double
        var rule: Int
        var matched: [FoundHits.Hit]
        var strength: Double
    }

    /// Scores every topic. Evidence text is written out for assigned topics, and
    /// for the others only when `keepShortfalls` asks for them (explanations).
    func score(keepShortfalls: Bool) -> [Scored] {
        score(keepShortfalls: keepShortfalls, trainingTopic: nil).scored
    }

    /// Scores every topic and, for `trainingTopic`, also returns its features
    /// (computed with the topics before it decided as the current weights decide them).
    func score(keepShortfalls: Bool, trainingTopic: Int?) -> (scored: [Scored], training: TrainingView?) {
        var training: TrainingView?
        let sentenceCount = text.sentences.count
        var hitsBySentence = [[Int]](repeating: [], count: sentenceCount)
        for (index, hit) in hits.hits.enumerated() where !hit.listed { hitsBySentence[hit.sentence].append(index) }
        var sentencesByParagraph = [[Int]](repeating: [], count: text.paragraphCount)
        for (index, sentence) in text.sentences.enumerated() { sentencesByParagraph[sentence.paragraph].append(index) }
        // Gathered once per article, not once per rule of every topic.
        let hitsByParagraph = sentencesByParagraph.map { $0.flatMap { hitsBySentence[$0] } }
        let unlistedHits = hits.hits.indices.filter { !hits.hits[$0].listed }
        let firstBodySentence = text.sentences.firstIndex { !$0.inHeadline } ?? sentenceCount
        let finder = EntityFinder(compiled: compiled, text: text)

        var assigned = [Bool](repeating: false, count: compiled.topics.count)
        var pending = [Scored?](repeating: nil, count: compiled.topics.count)
        /// Each topic's rule score against its threshold, for the topics that require it.
        var margins = [Double](repeating: -1, count: compiled.topics.count)
        /// Each topic's firings, written out as evidence only for the topics returned: most topics
        /// with evidence fall short, and `tag` drops them.
        var firingsOfTopic = [[Firing]](repeating: [], count: compiled.topics.count)
        for (topicIndex, plan) in compiled.topics.enumerated() {
            var firings: [Firing] = []
            var articleScore = 0.0

            func factor(forSentence sentence: Int) -> Double {
                if text.sentences[sentence].inHeadline { return plan.definition.headlineFactor }
                if sentence - firstBodySentence < TopicDefinition.leadSentences { return plan.definition.leadFactor }
                return 1
            }
            /// The first hit in `hitIndices` meeting `term`, or nil when none does.
            /// The first hit in `hitIndices` meeting `term` (nil inside when a topic meets it), or nil when none does.
            func firstHit(_ term: CompiledTaxonomy.Term, in hitIndices: [Int]) -> FoundHits.Hit?? {
                for index in hitIndices {
                    let hit = hits.hits[index]
                    switch hit.kind {
                    case .entity(let entity) where term.entities[Int(entity)]: return .some(hit)
                    case .keyword(let keyword) where term.keywords[Int(keyword)]: return .some(hit)
                    default: continue
                    }
                }
                return term.topics.contains { assigned[$0] } ? .some(nil) : nil
            }
            /// The hits that make the rule fire in a scope, or nil when it does not.
            func fire(_ rule: CompiledTaxonomy.Rule, in hitIndices: [Int]) -> [FoundHits.Hit]? {
                var matched: [FoundHits.Hit] = []
                for term in rule.terms {
                    guard let hit = firstHit(term, in: hitIndices) else { return nil }
                    if let hit { matched.append(hit) }
                }
                for term in rule.unless where firstHit(term, in: hitIndices) != nil { return nil }
                if rule.source.mentionsPerScope > 1, let term = rule.terms.first {
                    for index in hitIndices where matched.count < rule.source.mentionsPerScope {
                        let hit = hits.hits[index]
                        guard !matched.contains(where: { $0.firstToken == hit.firstToken }) else { continue }
                        switch hit.kind {
                        case .entity(let entity) where term.entities[Int(entity)]: matched.append(hit)
                        case .keyword(let keyword) where term.keywords[Int(keyword)]: matched.append(hit)
                        default: continue
                        }
                    }
                }
                return matched
            }
            /// How many times the rule's weight counts for one firing.
            func multiplicity(_ rule: CompiledTaxonomy.Rule, _ matched: [FoundHits.Hit]) -> Double {
                rule.source.mentionsPerScope > 1 ? Double(max(1, min(matched.count, rule.source.mentionsPerScope))) : 1
            }
            for (ruleIndex, rule) in plan.rules.enumerated() {
                var count = 0
                switch rule.source.scope {
                case .sentence:
                    for sentence in 0..<sentenceCount where count < rule.source.maxFirings {
                        if rule.needsAHit && hitsBySentence[sentence].isEmpty { continue }
                        guard let matched = fire(rule, in: hitsBySentence[sentence]) else { continue }
                        let strength = multiplicity(rule, matched)
                        let weight = rule.source.weight * factor(forSentence: sentence) * strength
                        firings.append(Firing(sentence: sentence, weight: weight, rule: ruleIndex, matched: matched, strength: strength / Double(rule.source.mentionsPerScope)))
                        count += 1
                    }
                case .paragraph:
                    for (paragraph, sentences) in sentencesByParagraph.enumerated() where count < rule.source.maxFirings && !sentences.isEmpty {
                        let hitIndices = hitsByParagraph[paragraph]
                        if rule.needsAHit && hitIndices.isEmpty { continue }
                        guard let matched = fire(rule, in: hitIndices) else { continue }
                        let anchor = matched.map(\.sentence).min() ?? sentences[0]
                        let strength = multiplicity(rule, matched)
                        let weight = rule.source.weight * factor(forSentence: anchor) * strength
                        firings.append(Firing(sentence: anchor, weight: weight, rule: ruleIndex, matched: matched, strength: strength / Double(rule.source.mentionsPerScope)))
                        count += 1
                    }
                case .article:
                    guard let matched = fire(rule, in: unlistedHits) else { continue }
                    articleScore += rule.source.weight
                    firings.append(Firing(sentence: -1, weight: rule.source.weight, rule: ruleIndex, matched: matched, strength: 1))
                }
            }

            // Negative evidence counts in full wherever it is; positive evidence by passage.
            var headline = 0.0
            var negative = 0.0
            var body = [Double](repeating: 0, count: max(0, sentenceCount - firstBodySentence))
            for firing in firings where firing.sentence >= 0 {
                if firing.weight < 0 {
                    negative += firing.weight
                } else if firing.sentence < firstBodySentence {
                    headline += firing.weight
                } else {
                    body[firing.sentence - firstBodySentence] += firing.weight
                }
            }
            var best = 0.0
            var running = 0.0
            for (index, value) in body.enumerated() {
                running += value
                if index >= plan.definition.window { running -= body[index - plan.definition.window] }
                best = max(best, running)
            }
            let total = body.reduce(0, +)
            let score = headline + best + plan.definition.spread * max(0, total - best) + articleScore + negative
            let rounded = (score * 100).rounded() / 100
            let requirementsMet = plan.requires.allSatisfy { assigned[$0] }
            var headlineHasEvidence = false
            var evidenceSentences = Set<Int>()
            for firing in firings where firing.weight > 0 && firing.sentence >= 0 {
                if firing.sentence < firstBodySentence { headlineHasEvidence = true } else { evidenceSentences.insert(firing.sentence) }
            }
            // A short article may be about its topic in a single sentence.
            let bodySentences = sentenceCount - firstBodySentence
            let required = min(plan.definition.minimumSentences, max(1, (bodySentences + 1) / 2))
            let spreadEnough = evidenceSentences.count + (headlineHasEvidence ? 1 : 0) >= required
            if !firings.isEmpty { margins[topicIndex] = TopicFeatureLayout.margin(score: score, threshold: plan.definition.topic.threshold) }
            // A fitted model weighs the required topics as evidence instead of waiting for them.
            let decidedByModel = plan.model != nil || topicIndex == trainingTopic
            var isAssigned = !firings.isEmpty && requirementsMet && spreadEnough && score >= plan.definition.topic.threshold
            var model: ModelScore?
            if !firings.isEmpty && decidedByModel {
                let features = profile(plan, firings, score: score, spreadEnough: spreadEnough, firstBodySentence: firstBodySentence)
                    .features(plan.layout, requiredMissing: !requirementsMet, requiredMargin: plan.requires.map { margins[$0] }.min() ?? 0)
                if topicIndex == trainingTopic { training = TrainingView(features: features, eligible: true) }
                if let fitted = plan.model {
                    model = ModelScore(names: plan.layout.names, values: features, weights: fitted.weights, bias: fitted.bias, ruleScore: rounded)
                    isAssigned = model!.logit >= 0
                }
            } else if topicIndex == trainingTopic {
                training = TrainingView(features: [], eligible: false)
            }
            assigned[topicIndex] = isAssigned
            if !firings.isEmpty {
                firingsOfTopic[topicIndex] = firings
                pending[topicIndex] = Scored(
                    assignment: TopicAssignment(
                        id: plan.definition.topic.id, score: model.map { ($0.logit * 100).rounded() / 100 } ?? rounded,
                        evidence: [],
                        threshold: model == nil ? plan.definition.topic.threshold : 0
                    ),
                    assigned: isAssigned,
                    model: model
                )
            }
        }
        // A fitted sub-topic brings the topics it requires, as the umbrella holds every story of its
        // sub-topics; going from the last topic back, chains of requirements follow.
        for topicIndex in compiled.topics.indices.reversed() where assigned[topicIndex] && compiled.topics[topicIndex].model != nil {
            for required in compiled.topics[topicIndex].requires where !assigned[required] {
                assigned[required] = true
                let implied = Evidence(rule: "implied by topic \(compiled.topics[topicIndex].definition.topic.id)", text: "", weight: 0)
                let definition = compiled.topics[required].definition
                var scored = pending[required] ?? Scored(
                    assignment: TopicAssignment(id: definition.topic.id, score: 0, evidence: [], threshold: definition.topic.threshold),
                    assigned: true, model: nil
                )
                scored.assigned = true
                scored.assignment.evidence.insert(implied, at: 0)
                pending[required] = scored
            }
        }
        var results: [Scored] = []
        for (topicIndex, scored) in pending.enumerated() {
            guard var scored, scored.assigned || keepShortfalls else { continue }
            // After the evidence of an implication, if any, as the topic's own firings come second.
            let rules = compiled.topics[topicIndex].rules
            scored.assignment.evidence += firingsOfTopic[topicIndex]
                .sorted { ($0.sentence, -$0.weight) < ($1.sentence, -$1.weight) }
                .map { evidence(rules[$0.rule], $0.matched, weight: $0.weight, finder: finder) }
            results.append(scored)
        }
        return (results, training)
    }

    /// A firing written out: the rule, the words that met it, and where they stand.
    private func evidence(_ rule: CompiledTaxonomy.Rule, _ matched: [FoundHits.Hit], weight: Double, finder: EntityFinder) -> Evidence {
        let ordered = matched.sorted { $0.firstToken < $1.firstToken }
        var spans: [TextSpan] = []
        var parts: [String] = []
        for hit in ordered where !spans.contains(finder.span(hit.firstToken, hit.endToken)) {
            spans.append(finder.span(hit.firstToken, hit.endToken))
            parts.append(text.text(from: Int(text.tokenStart[hit.firstToken]), to: Int(text.tokenEnd[hit.endToken - 1])))
        }
        return Evidence(rule: rule.source.name, text: parts.joined(separator: " … "), weight: weight, spans: spans)
    }

    /// The evidence of one topic laid out for its features.
    private func profile(
        _ plan: CompiledTaxonomy.TopicPlan, _ firings: [Firing], score: Double, spreadEnough: Bool, firstBodySentence: Int
    ) -> EvidenceProfile {
        func namesActor(_ matched: [FoundHits.Hit]) -> Bool {
            matched.contains { hit in
                guard case .entity(let entity) = hit.kind else { return false }
                switch compiled.entities[Int(entity)].type {
                case .person, .organization, .group: return true
                case .country, .place: return false
                }
            }
        }
        // The topic's names: hits that would meet a term of one of its positive rules, listed or not.
        var listed = 0
        var unlisted = 0
        for hit in hits.hits {
            guard case .entity(let entity) = hit.kind, plan.names[Int(entity)] else { continue }
            if hit.listed { listed += 1 } else { unlisted += 1 }
        }
        return EvidenceProfile(
            firings: firings.map {
                EvidenceProfile.Firing(rule: $0.rule, sentence: $0.sentence, strength: $0.strength, positive: $0.weight > 0, namesActor: namesActor($0.matched))
            },
            score: score, threshold: plan.definition.topic.threshold, spreadEnough: spreadEnough,
            headlineSentences: firstBodySentence,
            bodyParagraphs: text.sentences[firstBodySentence...].map(\.paragraph),
            window: plan.definition.window, listedNames: listed, unlistedNames: unlisted
        )
    }
}
