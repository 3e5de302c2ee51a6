import Foundation

/// The fitted weights of the topics, as `weights.json` beside `topics/` holds them.
///
/// The format (version 1) is a JSON object:
///
/// ```json
/// {
///   "format": 1,
///   "trainingArticles": 160,
///   "regularization": 1,
///   "positiveWeight": 1,
///   "topics": [
///     { "id": "russia-syria", "fingerprint": "9c1d…", "examples": 131, "positives": 30,
///       "bias": -0.41, "features": [ { "name": "rule score against threshold", "weight": 3.2 }, … ] }
///   ]
/// }
/// ```
///
/// `examples` counts the articles the topic's model was fitted on (those that
/// gathered evidence and whose required topics were assigned), `positives`
/// those the readers gave the topic. The `fingerprint` is taken from the topic
/// file's rules and settings: when the file changes, its weights no longer
/// describe its features, and the topic falls back to its rule weights until
/// `marsad train` runs again.
public struct TopicWeights: Sendable, Codable, Hashable {
    public static let currentFormat = 1

    public struct Feature: Sendable, Codable, Hashable {
        public var name: String
        public var weight: Double
    }

    public struct FittedTopic: Sendable, Codable, Hashable {
        public var id: String
        public var fingerprint: String
        public var examples: Int
        public var positives: Int
        public var bias: Double
        public var features: [Feature]
    }

    public var format: Int
    public var trainingArticles: Int
    public var regularization: Double
    public var positiveWeight: Double
    public var topics: [FittedTopic]

    public init(trainingArticles: Int, regularization: Double, positiveWeight: Double, topics: [FittedTopic]) {
        format = Self.currentFormat
        self.trainingArticles = trainingArticles
        self.regularization = regularization
        self.positiveWeight = positiveWeight
        self.topics = topics
    }

    /// Reads and checks a weights file; errors name the file and the problem.
    public static func parse(_ source: TaxonomySource) throws(TaxonomyError) -> TopicWeights {
        let weights: TopicWeights
        do {
            weights = try JSONDecoder().decode(TopicWeights.self, from: Data(source.text.utf8))
        } catch let error as DecodingError {
            throw TaxonomyError(path: source.path, line: nil, problem: Self.describe(error))
        } catch {
            throw TaxonomyError(path: source.path, line: nil, problem: "not a weights file: \(error)")
        }
        guard weights.format == currentFormat else {
            throw TaxonomyError(
                path: source.path, line: nil,
                problem: "format \(weights.format) is not one this Marsad reads (it reads \(currentFormat)); run `marsad train` again"
            )
        }
        var seen = Set<String>()
        for topic in weights.topics {
            guard seen.insert(topic.id).inserted else {
                throw TaxonomyError(path: source.path, line: nil, problem: "topic \(topic.id) has weights twice")
            }
            let values = [topic.bias] + topic.features.map(\.weight)
            guard values.allSatisfy(\.isFinite) else {
                throw TaxonomyError(path: source.path, line: nil, problem: "topic \(topic.id) has a weight that is not a finite number")
            }
        }
        return weights
    }

    /// The file's text: pretty-printed with sorted keys, so that retraining on the same data gives the same bytes.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and finite numbers cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong kind of value\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "not valid JSON\(path(context)): \(context.debugDescription)"
        @unknown default: return "not a weights file"
        }
    }
}

/// Whether a topic is decided by fitted weights or by the rule weights of its file.
public enum TopicFit: Sendable, Hashable {
    /// Fitted on `examples` articles, `positives` of them labelled with the topic.
    case fitted(examples: Int, positives: Int)
    /// Weights exist but were fitted for an earlier version of the topic file.
    case stale
    /// No fitted weights: the rule weights decide.
    case rules
}

/// A fitted model's reading of one topic in one article: each feature's value,
/// its learned weight and so its contribution to the log-odds.
public struct ModelScore: Sendable, Hashable {
    public struct Contribution: Sendable, Hashable {
        public var feature: String
        public var value: Double
        public var weight: Double
        public var amount: Double { value * weight }
    }

    public var contributions: [Contribution]
    public var bias: Double
    /// What the rules alone would have scored, against the topic file's threshold.
    public var ruleScore: Double

    init(names: [String], values: [Double], weights: [Double], bias: Double, ruleScore: Double) {
        contributions = names.indices.map { Contribution(feature: names[$0], value: values[$0], weight: weights[$0]) }
        self.bias = bias
        self.ruleScore = ruleScore
    }

    /// The log-odds that the topic applies; assigned at zero or above.
    public var logit: Double { contributions.reduce(bias) { $0 + $1.amount } }
    public var probability: Double { LogisticRegression.sigmoid(logit) }
}
