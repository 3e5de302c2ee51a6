import Foundation
import Testing
@testable import MarsadTagging

/// Scores tagging on the development gold beside the repository
/// (`../shared/eval/dev`), on the plain articles (headline, blank line, body).
/// The whole seed pages (`s…`) need the reader to strip their site chrome
/// first, so the end-to-end scorer covers them. Skips when the shared
/// material is absent.
///
/// Topics are scored by cross-validation (five stratified folds, fixed seed):
/// each article is tagged by a tagger fitted without it, which is the honest
/// estimate for articles never seen. Entities are not fitted, so they are
/// scored on the whole set.
@Suite struct DevelopmentSetTests {
    static let devFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/eval/dev")

    struct Gold: Decodable {
        var id: String
        var topics: [String]
        var entities: [String]
    }

    /// The plain articles with their gold, or nil when the shared material is absent.
    static func load() throws -> [(article: LabelledArticle, entities: Set<String>)]? {
        let goldURL = devFolder.appendingPathComponent("gold.jsonl")
        guard FileManager.default.fileExists(atPath: goldURL.path) else { return nil }
        let golds = try String(contentsOf: goldURL, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Gold.self, from: Data($0.utf8))
        }.filter { !$0.id.hasPrefix("s") }
        return try golds.map { gold in
            let text = try String(contentsOf: devFolder.appendingPathComponent("articles/\(gold.id).txt"), encoding: .utf8)
            return (LabelledArticle(id: gold.id, text: text, topics: Set(gold.topics)), Set(gold.entities))
        }
    }

    @Test func crossValidatedTopicsScore() throws {
        guard let development = try Self.load() else {
            print("skipping: no development gold at ../shared/eval/dev")
            return
        }
        let taxonomy = try BundledTaxonomyTests.loadBundled()
        let evaluation = CrossValidation.evaluate(development.map(\.article), k: 5, seed: 8) {
            TopicTrainer().fittedTagger(taxonomy, on: $0)
        }
        print("development set, 5-fold cross-validated topics:\n" + evaluation.table, terminator: "")
        #expect(evaluation.macroF1 >= 0.86)
        // The acceptance floor for every reference topic; each measures 0.80 or more today.
        for (topic, counts) in evaluation.counts { #expect(counts.f1 >= 0.75, "\(topic): F1 \(counts.f1)") }
    }

    @Test func entitiesScore() throws {
        guard let development = try Self.load() else {
            print("skipping: no development gold at ../shared/eval/dev")
            return
        }
        let universeURL = Self.devFolder.deletingLastPathComponent().appendingPathComponent("entities.json")
        let universe = Set(try JSONDecoder().decode([String: [String: String]].self, from: Data(contentsOf: universeURL)).keys)
        let tagger = Tagger(taxonomy: try BundledTaxonomyTests.loadBundled())
        var counts = TopicCounts()
        var misses: [String] = []
        for (article, gold) in development {
            let found = Set(tagger.tag(article.input).entities.map(\.id)).intersection(universe)
            for entity in found.union(gold) { counts.add(predicted: found.contains(entity), expected: gold.contains(entity)) }
            if found != gold { misses.append("\(article.id): +\(found.subtracting(gold).sorted()) -\(gold.subtracting(found).sorted())") }
        }
        print(misses.joined(separator: "\n"))
        print("development set: entities micro-F1 \(counts.f1) (TP \(counts.truePositives), FP \(counts.falsePositives), FN \(counts.falseNegatives))")
        #expect(counts.f1 >= 0.95)
    }

    @Test func missesNameTheArticleAndItsWrongTopics() {
        var evaluation = TopicEvaluation(topics: ["syria", "russia-syria"])
        evaluation.add(predicted: ["syria"], expected: ["syria"], id: "a1")
        evaluation.add(predicted: ["syria", "lebanon"], expected: ["syria", "russia-syria"], id: "a2")
        evaluation.add(predicted: ["russia-syria"], expected: [], id: "a3")
        // Only the topics being scored count: a topic the gold never uses is no miss.
        #expect(evaluation.missList == "a2 -russia-syria\na3 +russia-syria\n")
        #expect(evaluation.counts["russia-syria"]!.falsePositives == 1)
        #expect(evaluation.counts["russia-syria"]!.falseNegatives == 1)
    }

    @Test func foldsAreStratifiedAndSeeded() {
        var labels: [Set<String>] = Array(repeating: [], count: 20)
        for _ in 0..<10 { labels.append(["common"]) }
        for _ in 0..<5 { labels.append(["rare", "common"]) }
        let folds = CrossValidation.stratifiedFolds(labels, k: 5, seed: 1)
        #expect(folds == CrossValidation.stratifiedFolds(labels, k: 5, seed: 1))
        #expect(folds != CrossValidation.stratifiedFolds(labels, k: 5, seed: 2))
        for fold in 0..<5 {
            let members = labels.indices.filter { folds[$0] == fold }
            #expect(members.count == 7)
            #expect(members.filter { labels[$0].contains("rare") }.count == 1)
        }
    }
}
