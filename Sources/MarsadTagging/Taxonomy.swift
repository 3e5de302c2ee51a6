import Foundation
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

public struct Entity: Sendable, Codable, Hashable {
    public var id: String
    public var type: EntityType
    public var en: String
    public var ar: String
    public var variants: [String]
    public var relations: [String]
}

public struct Topic: Sendable, Codable, Hashable {
    public var id: String
    public var ar: String
    public var en: String
    public var description: String
}

/// The entity gazetteer and the topic definitions, validated together.
public struct Taxonomy: Sendable {
    public var entities: [Entity]
    public var topics: [Topic]
    var topicRules: [String: [String: Double]]
    var thresholds: [String: Double]

    /// Where the taxonomy shipped with Marsad lives: `gazetteer/*.yaml` and `topics/*.yaml`.
    public static var bundledDirectory: URL {
        Bundle.module.url(forResource: "Taxonomy", withExtension: nil)!
    }

    /// Parses and validates gazetteer and topic files; paths under `gazetteer/`
    /// are entity lists, paths under `topics/` are one topic each.
    public static func parse(_ sources: [TaxonomySource]) throws(TaxonomyError) -> Taxonomy {
        var entities: [Entity] = []
        var topics: [Topic] = []
        var rules: [String: [String: Double]] = [:]
        var thresholds: [String: Double] = [:]
        for source in sources.sorted(by: { $0.path < $1.path }) {
            let node: Node?
            do { node = try Yams.compose(yaml: source.text) } catch {
                throw TaxonomyError(path: source.path, line: nil, problem: "not valid YAML: \(error)")
            }
            guard let node else { continue }
            if source.path.contains("gazetteer") {
                guard let list = node.sequence else {
                    throw TaxonomyError(path: source.path, line: node.mark?.line, problem: "expected a list of entities")
                }
                for item in list {
                    let line = item.mark?.line
                    func field(_ key: String) throws(TaxonomyError) -> String {
                        guard let value = item[key]?.string, !value.isEmpty else {
                            throw TaxonomyError(path: source.path, line: line, problem: "entity lacks '\(key)'")
                        }
                        return value
                    }
                    let typeName = try field("type")
                    guard let type = EntityType(rawValue: typeName) else {
                        throw TaxonomyError(path: source.path, line: line, problem: "unknown entity type '\(typeName)'")
                    }
                    entities.append(Entity(
                        id: try field("id"), type: type, en: try field("en"), ar: try field("ar"),
                        variants: item["variants"]?.sequence?.compactMap(\.string) ?? [],
                        relations: item["relations"]?.sequence?.compactMap(\.string) ?? []
                    ))
                }
            } else if source.path.contains("topics") {
                guard let id = node["id"]?.string else {
                    throw TaxonomyError(path: source.path, line: node.mark?.line, problem: "topic lacks 'id'")
                }
                topics.append(Topic(
                    id: id, ar: node["ar"]?.string ?? id, en: node["en"]?.string ?? id,
                    description: node["description"]?.string ?? ""
                ))
                var weights: [String: Double] = [:]
                for rule in node["rules"]?.sequence ?? [] {
                    if let entity = rule["entity"]?.string {
                        weights[entity] = rule["weight"]?.float ?? 1
                    }
                }
                rules[id] = weights
                thresholds[id] = node["threshold"]?.float ?? 1
            }
        }
        return Taxonomy(entities: entities, topics: topics, topicRules: rules, thresholds: thresholds)
    }
}
