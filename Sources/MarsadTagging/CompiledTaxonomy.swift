/// The taxonomy turned into what tagging needs at speed: one phrase matcher
/// for names, exclusions, keywords and context words, the transitive
/// relations of every entity, and each rule term as a membership table.
final class CompiledTaxonomy: Sendable {
    /// A term as membership tables; an `any` term is the union of its alternatives.
    /// Terms, rules and plans are classes: scoring reads them for every topic of every
    /// article, and a struct copy retained each of their arrays on every read.
    final class Term: Sendable {
        /// Indexed by entity: whether a mention of it meets the term.
        let entities: [Bool]
        /// Indexed by keyword id.
        let keywords: [Bool]
        /// Indices into `topics` whose assignment meets the term.
        let topics: [Int]

        init(entities: [Bool], keywords: [Bool], topics: [Int]) {
            self.entities = entities
            self.keywords = keywords
            self.topics = topics
        }
    }

    final class Rule: Sendable {
        let source: TopicRule
        let terms: [Term]
        let unless: [Term]
        /// Whether a scope without hits can never fire it: a term that no assigned topic meets needs a hit.
        let needsAHit: Bool

        init(source: TopicRule, terms: [Term], unless: [Term]) {
            self.source = source
            self.terms = terms
            self.unless = unless
            needsAHit = terms.contains { $0.topics.isEmpty }
        }
    }

    final class TopicPlan: Sendable {
        let definition: TopicDefinition
        let rules: [Rule]
        let requires: [Int]
        let layout: TopicFeatureLayout
        /// Indexed by entity: whether it meets a term of one of the topic's positive rules (the topic's names).
        let names: [Bool]
        /// Fitted weights in `layout` order; nil when the rule weights decide.
        let model: LogisticRegression.Model?

        init(
            definition: TopicDefinition, rules: [Rule], requires: [Int], layout: TopicFeatureLayout, names: [Bool],
            model: LogisticRegression.Model?
        ) {
            self.definition = definition
            self.rules = rules
            self.requires = requires
            self.layout = layout
            self.names = names
            self.model = model
        }

        func replacingModel(_ model: LogisticRegression.Model?) -> TopicPlan {
            TopicPlan(definition: definition, rules: rules, requires: requires, layout: layout, names: names, model: model)
        }
    }

    let entities: [Entity]
    let matcher: PhraseMatcher
    /// For each entity, itself and every entity it belongs to, directly or through others.
    let belongsTo: [[Int32]]
    let keywordCount: Int
    let topics: [TopicPlan]

    /// The same compiled taxonomy with other fitted models (one per topic, nil for the rule weights):
    /// the matcher, and so every hit found with it, stays valid.
    func replacingModels(_ models: [LogisticRegression.Model?]) -> CompiledTaxonomy {
        CompiledTaxonomy(copying: self, topics: zip(topics, models).map { plan, model in plan.replacingModel(model) })
    }

    private init(copying other: CompiledTaxonomy, topics: [TopicPlan]) {
        entities = other.entities
        matcher = other.matcher
        belongsTo = other.belongsTo
        keywordCount = other.keywordCount
        self.topics = topics
    }

    init(_ taxonomy: Taxonomy) {
        entities = taxonomy.entities
        var index: [String: Int32] = [:]
        for (position, entity) in entities.enumerated() { index[entity.id] = Int32(position) }

        var matcher = PhraseMatcher()
        for (position, entity) in entities.enumerated() {
            let ambiguous = Set(entity.ambiguous.map(PhraseKey.init))
            var seen: Set<PhraseKey> = []
            for form in entity.forms where seen.insert(PhraseKey(form)).inserted {
                guard let node = matcher.insert(form) else { continue }
                let isAmbiguous = ambiguous.contains(PhraseKey(form))
                matcher.update(node) { payload in
                    if let existing = payload.entities.firstIndex(where: { $0.entity == Int32(position) }) {
                        payload.entities[existing].ambiguous = payload.entities[existing].ambiguous && isAmbiguous
                    } else {
                        payload.entities.append((Int32(position), isAmbiguous))
                    }
                }
            }
            for phrase in entity.exclude {
                guard let node = matcher.insert(phrase) else { continue }
                matcher.update(node) { $0.blocks = true }
            }
            for word in entity.context {
                guard let node = matcher.insert(word) else { continue }
                matcher.update(node) { $0.contextFor.append(Int32(position)) }
            }
        }

        var belongsTo: [[Int32]] = []
        for position in entities.indices {
            var reached: [Int32] = [Int32(position)]
            var queue = [position]
            while let current = queue.popLast() {
                for relation in entities[current].relations {
                    guard let target = index[relation], !reached.contains(target) else { continue }
                    reached.append(target)
                    queue.append(Int(target))
                }
            }
            belongsTo.append(reached)
        }
        self.belongsTo = belongsTo

        var keywordByNode: [Int32: Int32] = [:]
        var termKeywords: [RuleTerm: [Int32]] = [:]
        for definition in taxonomy.definitions {
            for rule in definition.rules {
                for term in (rule.terms + rule.unless).flatMap(\.flattened) where term.kind == .keyword {
                    var ids: [Int32] = []
                    for phrase in term.keywords {
                        guard let node = matcher.insert(phrase) else { continue }
                        if let id = keywordByNode[node] {
                            ids.append(id)
                        } else {
                            let id = Int32(keywordByNode.count)
                            keywordByNode[node] = id
                            matcher.update(node) { $0.keywords.append(id) }
                            ids.append(id)
                        }
                    }
                    termKeywords[term] = ids
                }
            }
        }
        self.matcher = matcher
        keywordCount = keywordByNode.count

        let topicIndex = Dictionary(
            taxonomy.definitions.enumerated().map { ($0.element.topic.id, $0.offset) }, uniquingKeysWith: { first, _ in first }
        )
        let entities = self.entities
        let keywordCount = self.keywordCount
        func compile(_ term: RuleTerm) -> Term {
            var entityMask = [Bool](repeating: false, count: entities.count)
            var keywordMask = [Bool](repeating: false, count: keywordCount)
            if term.kind == .entity {
                let ids = Set(term.entityIDs)
                let related = Set(term.related.compactMap { index[$0] })
                let roles = Set(term.roles)
                let types = Set(term.types)
                for (position, entity) in entities.enumerated() {
                    entityMask[position] = (ids.isEmpty || ids.contains(entity.id))
                        && (related.isEmpty || belongsTo[position].contains(where: related.contains))
                        && (roles.isEmpty || entity.roles.contains(where: roles.contains))
                        && (types.isEmpty || types.contains(entity.type))
                }
            }
            for id in termKeywords[term] ?? [] { keywordMask[Int(id)] = true }
            var topics = term.topics.compactMap { topicIndex[$0] }
            for alternative in term.alternatives.map(compile) {
                for position in entityMask.indices where alternative.entities[position] { entityMask[position] = true }
                for position in keywordMask.indices where alternative.keywords[position] { keywordMask[position] = true }
                topics += alternative.topics
            }
            return Term(entities: entityMask, keywords: keywordMask, topics: topics)
        }
        topics = taxonomy.definitions.map { definition in
            let rules = definition.rules.map { Rule(source: $0, terms: $0.terms.map(compile), unless: $0.unless.map(compile)) }
            var names = [Bool](repeating: false, count: entities.count)
            for rule in rules where rule.source.weight > 0 {
                for term in rule.terms { for entity in names.indices where term.entities[entity] { names[entity] = true } }
            }
            return TopicPlan(
                definition: definition,
                rules: rules,
                requires: definition.topic.requires.compactMap { topicIndex[$0] },
                layout: TopicFeatureLayout(definition),
                names: names,
                model: taxonomy.fitted[definition.topic.id].map {
                    LogisticRegression.Model(weights: $0.features.map(\.weight), bias: $0.bias)
                }
            )
        }
    }
}
