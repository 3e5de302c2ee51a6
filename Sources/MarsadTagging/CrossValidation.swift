import MarsadText

/// An article with the topics a reader gave it: the unit of training and evaluation.
public struct LabelledArticle: Sendable {
    public var id: String
    public var input: TaggingInput
    public var topics: Set<String>
    public init(id: String, input: TaggingInput, topics: Set<String>) {
        self.id = id
        self.input = input
        self.topics = topics
    }

    /// Reads the development-set layout: the headline on the first line, a blank line, then the body.
    public init(id: String, text: String, topics: Set<String>) {
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let title = parts.first.map(String.init) ?? ""
        let body = parts.count > 1 ? String(parts[1]) : ""
        self.init(id: id, input: TaggingInput(title: title, body: body), topics: topics)
    }
}

/// True and false positives and negatives of one topic.
public struct TopicCounts: Sendable, Hashable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public init() {}

    public var gold: Int { truePositives + falseNegatives }
    /// An empty denominator counts as perfect: no prediction made, none wrong.
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    mutating func add(predicted: Bool, expected: Bool) {
        switch (predicted, expected) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, true): falseNegatives += 1
        case (false, false): break
        }
    }
}

/// Per-topic counts over a set of predictions, scored the way the evaluation
/// script scores topics: only the topics the gold uses count.
public struct TopicEvaluation: Sendable {
    public private(set) var counts: [String: TopicCounts]
    /// The articles whose predicted topics differ from the gold, in the order scored.
    public private(set) var misses: [Miss] = []

    /// One article tagged differently from its gold: the topics it lacks and those it got wrongly.
    public struct Miss: Sendable, Hashable {
        public var id: String
        public var missing: Set<String>
        public var extra: Set<String>
    }

    public init(topics: some Sequence<String>) {
        counts = Dictionary(uniqueKeysWithValues: topics.map { ($0, TopicCounts()) })
    }

    public mutating func add(predicted: Set<String>, expected: Set<String>, id: String? = nil) {
        for topic in counts.keys { counts[topic]!.add(predicted: predicted.contains(topic), expected: expected.contains(topic)) }
        let missing = expected.subtracting(predicted).intersection(counts.keys)
        let extra = predicted.subtracting(expected).intersection(counts.keys)
        if let id, !missing.isEmpty || !extra.isEmpty { misses.append(Miss(id: id, missing: missing, extra: extra)) }
    }

    /// One line per miss: the article, then `-topic` for each topic it lacks and `+topic` for each it got wrongly.
    public var missList: String {
        misses.map { miss in
            ([miss.id] + miss.missing.sorted().map { "-" + $0 } + miss.extra.sorted().map { "+" + $0 }).joined(separator: " ") + "\n"
        }.joined()
    }

    public var macroF1: Double {
        counts.isEmpty ? 0 : counts.values.map(\.f1).reduce(0, +) / Double(counts.count)
    }

    /// A per-topic table (gold, P, R, F1) and the macro-F1 under it.
    public var table: String {
        var lines = ["topic                  gold   TP   FP   FN      P      R     F1"]
        for topic in counts.keys.sorted() {
            let count = counts[topic]!
            lines.append(
                pad(topic, 21) + pad(String(count.gold), 5, left: true) + pad(String(count.truePositives), 5, left: true)
                    + pad(String(count.falsePositives), 5, left: true) + pad(String(count.falseNegatives), 5, left: true)
                    + pad(fixed(count.precision), 7, left: true) + pad(fixed(count.recall), 7, left: true) + pad(fixed(count.f1), 7, left: true)
            )
        }
        lines.append("macro-F1 \(fixed(macroF1))")
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }

    private func fixed(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

/// k-fold cross-validation over labelled articles: each article is scored by a
/// tagger fitted without it, so the figure says how tagging does on articles
/// it has not seen.
public enum CrossValidation {
    /// Assigns each article a fold in `0..<k`, stratified by its rarest topic
    /// (articles without topics form their own stratum) so that every fold gets
    /// its share of each topic; the order within a stratum is shuffled with `seed`.
    public static func stratifiedFolds(_ labels: [Set<String>], k: Int, seed: UInt64) -> [Int] {
        precondition(k >= 2, "cross-validation needs at least two folds")
        var frequency: [String: Int] = [:]
        for topics in labels { for topic in topics { frequency[topic, default: 0] += 1 } }
        func stratum(_ topics: Set<String>) -> String {
            topics.min { (frequency[$0]!, $0) < (frequency[$1]!, $1) } ?? ""
        }
        let strata = Dictionary(grouping: labels.indices, by: { stratum(labels[$0]) })
        var generator = SeededGenerator(seed: seed)
        var folds = [Int](repeating: 0, count: labels.count)
        var next = 0
        // Rarest strata first, dealt on from where the last one stopped, so fold sizes stay even.
        for key in strata.keys.sorted(by: { (strata[$0]!.count, $0) < (strata[$1]!.count, $1) }) {
            var members = strata[key]!
            members.shuffle(using: &generator)
            for member in members {
                folds[member] = next
                next = (next + 1) % k
            }
        }
        return folds
    }

    /// Fits on all folds but one and predicts the held-out one, for each fold in
    /// turn; returns the held-out predictions scored against the gold.
    public static func evaluate(
        _ articles: [LabelledArticle], k: Int, seed: UInt64,
        topics: Set<String>? = nil,
        fit: ([LabelledArticle]) throws -> Tagger
    ) rethrows -> TopicEvaluation {
        let folds = stratifiedFolds(articles.map(\.topics), k: k, seed: seed)
        var evaluation = TopicEvaluation(topics: topics ?? Set(articles.flatMap(\.topics)))
        for fold in 0..<k {
            let training = articles.indices.filter { folds[$0] != fold }.map { articles[$0] }
            let tagger = try fit(training)
            for index in articles.indices where folds[index] == fold {
                let predicted = Set(tagger.tag(articles[index].input).topics.map(\.id))
                evaluation.add(predicted: predicted, expected: articles[index].topics, id: articles[index].id)
            }
        }
        return evaluation
    }
}
