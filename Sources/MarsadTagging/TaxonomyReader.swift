import Yams

/// Reads gazetteer and topic files through Yams' node API, so that every
/// problem can name the line it sits on, and validates the references
/// between them once all files are read.
struct TaxonomyReader {
    private var entities: [Entity] = []
    private var entityOrigins: [String: (path: String, line: Int?)] = [:]
    private var definitions: [TopicDefinition] = []
    private var topicOrigins: [String: (path: String, line: Int?)] = [:]

    static let entityKeys: Set<String> = [
        "id", "type", "en", "ar", "variants", "relations", "roles", "ambiguous", "context", "exclude",
    ]
    static let topicKeys: Set<String> = [
        "id", "ar", "en", "description", "threshold", "requires", "headline", "lead", "window", "spread", "sentences", "rules",
    ]
    static let ruleKeys: Set<String> = ["name", "weight", "within", "max", "mentions", "all", "unless"]
    static let termKeys: Set<String> = ["entity", "related", "role", "type", "keywords", "topic", "any"]

    /// What one file holds, read on its own: files are read side by side,
    /// then added in path order, where ids are checked across files.
    struct FileContents<Item: Sendable>: Sendable {
        var path: String
        var items: [(item: Item, idLine: Int?, line: Int?)] = []
    }

    // MARK: Gazetteer

    /// The entities of one gazetteer file.
    static func gazetteer(_ source: TaxonomySource) throws(TaxonomyError) -> FileContents<Entity> {
        var contents = FileContents<Entity>(path: source.path)
        guard let root = try Self.compose(source) else { return contents }
        guard let list = root.sequence else {
            throw TaxonomyError(path: source.path, line: root.mark?.line, problem: "expected a list of entities")
        }
        for item in list {
            let file = NodeFile(path: source.path)
            let fields = try file.mapping(item, allowed: Self.entityKeys, what: "entity")
            let id = try file.requiredString(fields, "id", in: item)
            try Self.checkIdentifier(id, file: file, node: fields["id"])
            let typeName = try file.requiredString(fields, "type", in: item)
            guard let type = EntityType(rawValue: typeName) else {
                let known = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                throw file.error(fields["type"], "unknown entity type '\(typeName)' (expected one of \(known))")
            }
            let entity = Entity(
                id: id, type: type,
                en: try file.requiredString(fields, "en", in: item),
                ar: try file.requiredString(fields, "ar", in: item),
                variants: try file.strings(fields["variants"], "variants"),
                relations: try file.strings(fields["relations"], "relations"),
                roles: try file.strings(fields["roles"], "roles"),
                ambiguous: try file.strings(fields["ambiguous"], "ambiguous"),
                context: try file.strings(fields["context"], "context"),
                exclude: try file.strings(fields["exclude"], "exclude")
            )
            let formKeys = Set(entity.forms.map(PhraseKey.init))
            for form in entity.ambiguous where !formKeys.contains(PhraseKey(form)) {
                throw file.error(fields["ambiguous"], "ambiguous form '\(form)' of '\(id)' is not among its names (ar, en, variants)")
            }
            for form in entity.forms + entity.exclude + entity.context where PhraseKey(form).tokens.isEmpty {
                throw file.error(item, "'\(id)' has a name or phrase with no letters: '\(form)'")
            }
            contents.items.append((entity, fields["id"]?.mark?.line, item.mark?.line))
        }
        return contents
    }

    mutating func add(_ gazetteer: FileContents<Entity>) throws(TaxonomyError) {
        for (entity, idLine, line) in gazetteer.items {
            if let earlier = entityOrigins[entity.id] {
                throw TaxonomyError(
                    path: gazetteer.path, line: idLine,
                    problem: "duplicate entity id '\(entity.id)' (first defined at \(earlier.path):\(earlier.line ?? 0))"
                )
            }
            entityOrigins[entity.id] = (gazetteer.path, line)
            entities.append(entity)
        }
    }

    // MARK: Topics

    /// The topic of one topic file.
    static func topic(_ source: TaxonomySource) throws(TaxonomyError) -> FileContents<TopicDefinition> {
        guard let root = try Self.compose(source) else {
            throw TaxonomyError(path: source.path, line: nil, problem: "the topic file is empty")
        }
        let file = NodeFile(path: source.path)
        let fields = try file.mapping(root, allowed: Self.topicKeys, what: "topic")
        let id = try file.requiredString(fields, "id", in: root)
        try Self.checkIdentifier(id, file: file, node: fields["id"])
        guard let threshold = try file.number(fields["threshold"], "threshold") else {
            throw file.error(root, "topic lacks 'threshold'")
        }
        guard threshold > 0 else { throw file.error(fields["threshold"], "'threshold' must be positive") }
        let topic = Topic(
            id: id,
            ar: try file.requiredString(fields, "ar", in: root),
            en: try file.requiredString(fields, "en", in: root),
            description: try file.optionalString(fields["description"], "description") ?? "",
            threshold: threshold,
            requires: try file.strings(fields["requires"], "requires")
        )
        guard let ruleList = fields["rules"]?.sequence, !ruleList.isEmpty else {
            throw file.error(fields["rules"] ?? root, "topic needs a non-empty list of 'rules'")
        }
        var rules: [TopicRule] = []
        for (index, ruleNode) in ruleList.enumerated() {
            rules.append(try Self.readRule(ruleNode, index: index, file: file))
        }
        let window = try file.number(fields["window"], "window") ?? Double(TopicDefinition.defaultWindow)
        guard window >= 1, window == window.rounded() else {
            throw file.error(fields["window"], "'window' must be a whole number of sentences, at least 1")
        }
        let spread = try file.number(fields["spread"], "spread") ?? TopicDefinition.defaultSpread
        guard (0...1).contains(spread) else { throw file.error(fields["spread"], "'spread' must lie between 0 and 1") }
        let sentences = try file.number(fields["sentences"], "sentences") ?? 1
        guard sentences >= 1, sentences == sentences.rounded() else {
            throw file.error(fields["sentences"], "'sentences' must be a whole number, at least 1")
        }
        let definition = TopicDefinition(
            topic: topic, path: source.path,
            headlineFactor: try file.number(fields["headline"], "headline") ?? TopicDefinition.defaultHeadlineFactor,
            leadFactor: try file.number(fields["lead"], "lead") ?? TopicDefinition.defaultLeadFactor,
            window: Int(window), spread: spread, minimumSentences: Int(sentences), rules: rules
        )
        return FileContents(path: source.path, items: [(definition, fields["id"]?.mark?.line, root.mark?.line)])
    }

    mutating func add(_ topicFile: FileContents<TopicDefinition>) throws(TaxonomyError) {
        for (definition, idLine, line) in topicFile.items {
            if let earlier = topicOrigins[definition.topic.id] {
                throw TaxonomyError(
                    path: topicFile.path, line: idLine,
                    problem: "duplicate topic id '\(definition.topic.id)' (first defined in \(earlier.path))"
                )
            }
            topicOrigins[definition.topic.id] = (topicFile.path, line)
            definitions.append(definition)
        }
    }

    private static func readRule(_ node: Node, index: Int, file: NodeFile) throws(TaxonomyError) -> TopicRule {
        let fields = try file.mapping(node, allowed: ruleKeys.union(termKeys), what: "rule")
        let inlineTerm = fields.keys.contains { termKeys.contains($0) }
        var terms: [RuleTerm] = []
        if let all = fields["all"] {
            if inlineTerm { throw file.error(node, "a rule has either 'all' or one inline term, not both") }
            guard let list = all.sequence, !list.isEmpty else { throw file.error(all, "'all' must be a non-empty list of terms") }
            for termNode in list { terms.append(try readTerm(termNode, file: file)) }
        } else if inlineTerm {
            let termFields = fields.filter { termKeys.contains($0.key) }
            terms.append(try readTerm(termFields, node: node, file: file))
        } else {
            throw file.error(node, "a rule needs a term (entity, related, role, type, keywords, topic, any) or 'all'")
        }
        var unless: [RuleTerm] = []
        if let list = fields["unless"] {
            guard let items = list.sequence else { throw file.error(list, "'unless' must be a list of terms") }
            for termNode in items { unless.append(try readTerm(termNode, file: file)) }
        }
        let scopeName = try file.optionalString(fields["within"], "within") ?? RuleScope.sentence.rawValue
        guard let scope = RuleScope(rawValue: scopeName) else {
            throw file.error(fields["within"], "unknown scope '\(scopeName)' (expected sentence, paragraph or article)")
        }
        let weight = try file.number(fields["weight"], "weight") ?? 1
        guard weight != 0 else { throw file.error(fields["weight"], "'weight' must not be zero") }
        let maxFirings = try file.number(fields["max"], "max") ?? Double(TopicDefinition.defaultMaxFirings)
        guard maxFirings >= 1, maxFirings == maxFirings.rounded() else {
            throw file.error(fields["max"], "'max' must be a whole number, at least 1")
        }
        let mentions = try file.number(fields["mentions"], "mentions") ?? 1
        guard mentions >= 1, mentions == mentions.rounded() else {
            throw file.error(fields["mentions"], "'mentions' must be a whole number, at least 1")
        }
        let name = try file.optionalString(fields["name"], "name")
            ?? terms.map(\.label).joined(separator: " + ")
        return TopicRule(
            name: name, terms: terms, unless: unless, scope: scope, weight: weight,
            maxFirings: Int(maxFirings), mentionsPerScope: Int(mentions), line: node.mark?.line ?? index
        )
    }

    private static func readTerm(_ node: Node, file: NodeFile) throws(TaxonomyError) -> RuleTerm {
        let fields = try file.mapping(node, allowed: termKeys, what: "term")
        return try readTerm(fields, node: node, file: file)
    }

    private static func readTerm(_ fields: [String: Node], node: Node, file: NodeFile) throws(TaxonomyError) -> RuleTerm {
        let line = node.mark?.line
        if let any = fields["any"] {
            guard fields.count == 1 else { throw file.error(node, "'any' stands alone in its term") }
            guard let list = any.sequence, !list.isEmpty else { throw file.error(any, "'any' must be a non-empty list of terms") }
            var alternatives: [RuleTerm] = []
            for item in list { alternatives.append(try readTerm(item, file: file)) }
            return RuleTerm(kind: .any, alternatives: alternatives, line: line)
        }
        let keywords = try file.strings(fields["keywords"], "keywords")
        let topics = try file.strings(fields["topic"], "topic")
        let entityIDs = try file.strings(fields["entity"], "entity")
        let related = try file.strings(fields["related"], "related")
        let roles = try file.strings(fields["role"], "role")
        var types: [EntityType] = []
        for name in try file.strings(fields["type"], "type") {
            guard let type = EntityType(rawValue: name) else {
                throw file.error(fields["type"], "unknown entity type '\(name)'")
            }
            types.append(type)
        }
        let entityKinds = !(entityIDs.isEmpty && related.isEmpty && roles.isEmpty && types.isEmpty)
        let kinds = [entityKinds, !keywords.isEmpty, !topics.isEmpty].filter { $0 }.count
        guard kinds == 1 else {
            throw file.error(node, kinds == 0
                ? "a term needs entity, related, role, type, keywords, topic or any"
                : "a term mixes entity conditions, keywords and topics; split it into separate terms")
        }
        for keyword in keywords where PhraseKey(keyword).tokens.isEmpty {
            throw file.error(fields["keywords"], "keyword '\(keyword)' has no letters")
        }
        if !keywords.isEmpty { return RuleTerm(kind: .keyword, keywords: keywords, line: line) }
        if !topics.isEmpty { return RuleTerm(kind: .topic, topics: topics, line: line) }
        return RuleTerm(kind: .entity, entityIDs: entityIDs, related: related, roles: roles, types: types, line: line)
    }

    // MARK: Cross references

    func finish() throws(TaxonomyError) -> Taxonomy {
        let ids = Set(entities.map(\.id))
        for entity in entities {
            for relation in entity.relations where !ids.contains(relation) {
                let origin = entityOrigins[entity.id]
                throw TaxonomyError(
                    path: origin?.path ?? "gazetteer", line: origin?.line,
                    problem: "'\(entity.id)' names unknown relation '\(relation)'"
                )
            }
        }
        let roles = Set(entities.flatMap(\.roles))
        let topicIDs = Set(definitions.map(\.topic.id))
        for definition in definitions {
            let path = definition.path
            for required in definition.topic.requires where !topicIDs.contains(required) {
                throw TaxonomyError(path: path, line: nil, problem: "'requires' names unknown topic '\(required)'")
            }
            for rule in definition.rules {
                for term in (rule.terms + rule.unless).flatMap(\.flattened) {
                    for id in term.entityIDs + term.related where !ids.contains(id) {
                        throw TaxonomyError(path: path, line: term.line ?? rule.line, problem: "rule '\(rule.name)' names unknown entity '\(id)'")
                    }
                    for role in term.roles where !roles.contains(role) {
                        throw TaxonomyError(path: path, line: term.line ?? rule.line, problem: "rule '\(rule.name)' names role '\(role)', which no entity has")
                    }
                    for topic in term.topics where !topicIDs.contains(topic) {
                        throw TaxonomyError(path: path, line: term.line ?? rule.line, problem: "rule '\(rule.name)' names unknown topic '\(topic)'")
                    }
                }
            }
        }
        let ordered = try Self.dependencyOrder(definitions)
        return Taxonomy(entities: entities, topics: ordered.map(\.topic), definitions: ordered)
    }

    /// Orders topics so that every topic comes after those it requires or
    /// whose assignment its rules test, and rejects cycles.
    private static func dependencyOrder(_ definitions: [TopicDefinition]) throws(TaxonomyError) -> [TopicDefinition] {
        let byID = Dictionary(definitions.map { ($0.topic.id, $0) }, uniquingKeysWith: { first, _ in first })
        func dependencies(_ definition: TopicDefinition) -> [String] {
            definition.topic.requires + definition.rules.flatMap { ($0.terms + $0.unless).flatMap(\.flattened).flatMap(\.topics) }
        }
        var state: [String: Bool] = [:]  // false: visiting, true: done
        var ordered: [TopicDefinition] = []
        func visit(_ id: String, chain: [String]) throws(TaxonomyError) {
            if state[id] == true { return }
            guard let definition = byID[id] else { return }
            if state[id] == false {
                throw TaxonomyError(path: definition.path, line: nil, problem: "topics depend on each other in a cycle: \((chain + [id]).joined(separator: " → "))")
            }
            state[id] = false
            for dependency in dependencies(definition) { try visit(dependency, chain: chain + [id]) }
            state[id] = true
            ordered.append(definition)
        }
        for definition in definitions { try visit(definition.topic.id, chain: []) }
        return ordered
    }

    // MARK: Helpers

    static func compose(_ source: TaxonomySource) throws(TaxonomyError) -> Node? {
        do {
            // Every value is read as text (numbers are parsed by the readers), so no implicit type
            // is resolved: resolving one runs regular expressions on every scalar, and the key
            // check hashes each key with its type, which was most of the cost of loading the gazetteer.
            return try Yams.compose(yaml: source.text, .basic)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw TaxonomyError(path: source.path, line: mark.line, problem: "not valid YAML: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                throw TaxonomyError(path: source.path, line: context.mark.line, problem: "duplicate keys: \(duplicates.joined(separator: ", "))")
            default:
                throw TaxonomyError(path: source.path, line: nil, problem: "not valid YAML: \(error)")
            }
        } catch {
            throw TaxonomyError(path: source.path, line: nil, problem: "not valid YAML: \(error)")
        }
    }

    static func checkIdentifier(_ id: String, file: NodeFile, node: Node?) throws(TaxonomyError) {
        let valid = !id.isEmpty && id.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
        } && id.first != "-" && id.last != "-"
        guard valid else { throw file.error(node, "id '\(id)' must be lowercase letters, digits and hyphens") }
    }
}

/// Typed access to one file's nodes, turning every mismatch into an error with its line.
struct NodeFile {
    let path: String

    func error(_ node: Node?, _ problem: String) -> TaxonomyError {
        TaxonomyError(path: path, line: node?.mark?.line, problem: problem)
    }

    func mapping(_ node: Node, allowed: Set<String>, what: String) throws(TaxonomyError) -> [String: Node] {
        guard let mapping = node.mapping else { throw error(node, "expected a mapping for the \(what)") }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error(key, "a key of the \(what) is not text") }
            guard allowed.contains(name) else {
                throw error(key, "unknown key '\(name)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard fields[name] == nil else { throw error(key, "duplicate key '\(name)' in \(what)") }
            fields[name] = value
        }
        return fields
    }

    func requiredString(_ fields: [String: Node], _ key: String, in node: Node) throws(TaxonomyError) -> String {
        guard let value = try optionalString(fields[key], key), !value.isEmpty else {
            throw error(fields[key] ?? node, "lacks '\(key)'")
        }
        return value
    }

    func optionalString(_ node: Node?, _ key: String) throws(TaxonomyError) -> String? {
        guard let node else { return nil }
        guard node.scalar != nil, let value = node.string else { throw error(node, "'\(key)' must be text") }
        return value.trimmingCharactersInWhitespace()
    }

    /// A list of strings; a single scalar is read as a one-item list.
    func strings(_ node: Node?, _ key: String) throws(TaxonomyError) -> [String] {
        guard let node else { return [] }
        if node.scalar != nil, let single = node.string {
            let value = single.trimmingCharactersInWhitespace()
            return value.isEmpty ? [] : [value]
        }
        guard let list = node.sequence else { throw error(node, "'\(key)' must be a list of text") }
        var values: [String] = []
        for item in list {
            guard item.scalar != nil, let value = item.string else { throw error(item, "'\(key)' must hold text only") }
            let trimmed = value.trimmingCharactersInWhitespace()
            guard !trimmed.isEmpty else { throw error(item, "'\(key)' holds an empty item") }
            values.append(trimmed)
        }
        return values
    }

    func number(_ node: Node?, _ key: String) throws(TaxonomyError) -> Double? {
        guard let node else { return nil }
        guard node.scalar != nil, let text = node.string, let value = Double(text), value.isFinite else {
            throw error(node, "'\(key)' must be a number")
        }
        return value
    }
}

extension String {
    func trimmingCharactersInWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        // Most names have nothing to trim: they are returned as they are, not copied.
        return start == scalars.startIndex && end == scalars.endIndex ? self : String(self[start..<end])
    }
}
