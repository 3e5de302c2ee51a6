import Foundation
import MarsadText
import Yams

/// One taxonomy file's text and the name errors should carry.
public struct TaxonomySource: Sendable {
    public var path: String
    public var text: String
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// A problem in a taxonomy file, naming the file, line and problem.
public struct TaxonomyError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var problem: String
    public init(path: String, line: Int?, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }
    public var description: String {
        if let line { return "\(path):\(line): \(problem)" }
        return "\(path): \(problem)"
    }
}

public enum EntityType: String, Sendable, Codable, Hashable, CaseIterable {
    case person, country, place, organization, group
}

/// One gazetteer entry: the names an entity goes by and what it belongs to.
public struct Entity: Sendable, Codable, Hashable {
    public var id: String
    public var type: EntityType
    public var en: String
    public var ar: String
    public var variants: [String]
    public var relations: [String]
    public var roles: [String]
    /// Forms that are also common words or other people's names: they count only when context confirms.
    public var ambiguous: [String]
    /// Words that confirm an ambiguous form.
    public var context: [String]
    /// Longer phrases containing a form that mean something else.
    public var exclude: [String]

    public init(
        id: String, type: EntityType, en: String, ar: String, variants: [String] = [], relations: [String] = [],
        roles: [String] = [], ambiguous: [String] = [], context: [String] = [], exclude: [String] = []
    ) {
        self.id = id
        self.type = type
        self.en = en
        self.ar = ar
        self.variants = variants
        self.relations = relations
        self.roles = roles
        self.ambiguous = ambiguous
        self.context = context
        self.exclude = exclude
    }

    /// Every name the matcher looks for: the canonical names first, then the variants.
    public var forms: [String] { [ar, en] + variants }
}

public struct Topic: Sendable, Codable, Hashable {
    public var id: String
    public var ar: String
    public var en: String
    public var description: String
    /// The score an article must reach for the topic to be assigned.
    public var threshold: Double
    /// Topics that must be assigned before this one can be.
    public var requires: [String]

    public init(id: String, ar: String, en: String, description: String, threshold: Double = 1, requires: [String] = []) {
        self.id = id
        self.ar = ar
        self.en = en
        self.description = description
        self.threshold = threshold
        self.requires = requires
    }
}

/// The entity gazetteer and the topic definitions, validated together, and
/// the outlets of the sources file.
public struct Taxonomy: Sendable {
    public var entities: [Entity]
    public var topics: [Topic]
    /// From `sources.yaml` beside `gazetteer/` and `topics/`; empty without one.
    public var outlets: [Outlet] = []
    /// The scoring rules of each topic, in the order `topics` lists them.
    var definitions: [TopicDefinition]
    /// The weights file read with the taxonomy, if any; topics it does not fit keep their rule weights.
    public private(set) var weights: TopicWeights?
    /// Fitted weights that still match their topic file, by topic id.
    private(set) var fitted: [String: TopicWeights.FittedTopic] = [:]

    init(entities: [Entity], topics: [Topic], definitions: [TopicDefinition]) {
        self.entities = entities
        self.topics = topics
        self.definitions = definitions
    }

    /// The same taxonomy with `weights` in force (nil: every topic on its rule weights).
    /// Weights for a topic whose file changed since they were fitted, or for a
    /// topic that no longer exists, are left out.
    public func applying(_ weights: TopicWeights?) -> Taxonomy {
        var copy = self
        copy.weights = weights
        copy.fitted = [:]
        let definitions = Dictionary(self.definitions.map { ($0.topic.id, $0) }, uniquingKeysWith: { first, _ in first })
        for topic in weights?.topics ?? [] {
            guard let definition = definitions[topic.id], definition.fingerprint == topic.fingerprint,
                  topic.features.map(\.name) == TopicFeatureLayout(definition).names
            else { continue }
            copy.fitted[topic.id] = topic
        }
        return copy
    }

    /// Whether the topic is decided by fitted weights, and on how many examples they were fitted.
    public func fit(of topicID: String) -> TopicFit {
        if let topic = fitted[topicID] { return .fitted(examples: topic.examples, positives: topic.positives) }
        return weights?.topics.contains { $0.id == topicID } == true ? .stale : .rules
    }

    /// Where the taxonomy shipped with Marsad lives: `gazetteer/*.yaml` and `topics/*.yaml`.
    public static var bundledDirectory: URL {
        Bundle.module.url(forResource: "Taxonomy", withExtension: nil)!
    }

    /// Parses and validates gazetteer and topic files; paths under `gazetteer/`
    /// are entity lists, paths under `topics/` are one topic each, a
    /// `sources.yaml` outside them lists outlets, and a `weights.json` outside
    /// them holds fitted weights (see ``TopicWeights``).
    public static func parse(_ sources: [TaxonomySource]) throws(TaxonomyError) -> Taxonomy {
        var reader = TaxonomyReader()
        let ordered = sources.sorted { $0.path < $1.path }
        // Each file is read on its own, on every core (loading is most of a short command's
        // time), then added in path order, where ids are compared across files: the first
        // file with a problem is the one reported, its own problems before a clash of ids.
        let gazetteers = Parallel.map(ordered.filter { isGazetteer($0.path) }) { source in
            Result { () throws(TaxonomyError) in try TaxonomyReader.gazetteer(source) }
        }
        for gazetteer in gazetteers { try reader.add(gazetteer.get()) }
        let topics = Parallel.map(ordered.filter { !isGazetteer($0.path) && isTopic($0.path) }) { source in
            Result { () throws(TaxonomyError) in try TaxonomyReader.topic(source) }
        }
        for topic in topics { try reader.add(topic.get()) }
        var weights: TopicWeights?
        for source in ordered where isWeights(source.path) {
            weights = try TopicWeights.parse(source)
        }
        var taxonomy = try reader.finish().applying(weights)
        for source in ordered where isOutletList(source.path) {
            taxonomy.outlets += try OutletReader.read(source)
        }
        return taxonomy
    }

    /// The name of the sources file in a taxonomy folder.
    public static let outletFileName = "sources.yaml"

    static func isOutletList(_ path: String) -> Bool {
        !isGazetteer(path) && !isTopic(path) && path.split(separator: "/").last.map(String.init) == outletFileName
    }

    /// The name of the fitted weights file, beside `gazetteer/` and `topics/`.
    public static let weightsFileName = "weights.json"

    static func isWeights(_ path: String) -> Bool {
        !isGazetteer(path) && !isTopic(path) && path.split(separator: "/").last.map(String.init) == weightsFileName
    }

    /// The folder a file sits in decides its kind; folders further up (a build
    /// folder named after a gazetteer, say) have no say.
    static func isGazetteer(_ path: String) -> Bool { parentFolder(path) == "gazetteer" }
    static func isTopic(_ path: String) -> Bool { parentFolder(path) == "topics" }

    static func parentFolder(_ path: String) -> Substring? {
        let parts = path.split(separator: "/")
        return parts.count >= 2 ? parts[parts.count - 2] : nil
    }
}
