import Foundation
import Testing
@testable import MarsadTagging

/// Scores the shipped taxonomy on the development gold beside the repository
/// (`../shared/eval/dev`), the way the evaluation script does, on the plain
/// articles (headline, blank line, body). The whole seed pages (`s…`) need the
/// reader to strip their site chrome first, so the end-to-end scorer covers
/// them. Skips when the shared material is absent.
@Suite struct DevelopmentSetTests {
    static let devFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/eval/dev")

    struct Gold: Decodable {
        var id: String
        var topics: [String]
        var entities: [String]
    }

    @Test func developmentGoldScores() throws {
        let goldURL = Self.devFolder.appendingPathComponent("gold.jsonl")
        guard FileManager.default.fileExists(atPath: goldURL.path) else {
            print("skipping: no development gold at ../shared/eval/dev")
            return
        }
        let universeURL = Self.devFolder.deletingLastPathComponent().appendingPathComponent("entities.json")
        let universe = Set(try JSONDecoder().decode([String: [String: String]].self, from: Data(contentsOf: universeURL)).keys)
        let tagger = Tagger(taxonomy: try BundledTaxonomyTests.loadBundled())
        let golds = try String(contentsOf: goldURL, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Gold.self, from: Data($0.utf8))
        }.filter { !$0.id.hasPrefix("s") }
        let topicIDs = Set(golds.flatMap(\.topics))
        var perTopic: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var entityCounts = (tp: 0, fp: 0, fn: 0)
        var report: [String] = []
        for gold in golds {
            let text = try String(contentsOf: Self.devFolder.appendingPathComponent("articles/\(gold.id).txt"), encoding: .utf8)
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let result = tagger.tag(TaggingInput(title: String(parts[0]), body: parts.count > 1 ? String(parts[1]) : ""))
            let predicted = Set(result.topics.map(\.id)).intersection(topicIDs)
            let expected = Set(gold.topics)
            for topic in topicIDs {
                var counts = perTopic[topic] ?? (0, 0, 0)
                switch (predicted.contains(topic), expected.contains(topic)) {
                case (true, true): counts.tp += 1
                case (true, false): counts.fp += 1
                case (false, true): counts.fn += 1
                default: break
                }
                perTopic[topic] = counts
            }
            let entities = Set(result.entities.map(\.id)).intersection(universe)
            let goldEntities = Set(gold.entities)
            entityCounts.tp += entities.intersection(goldEntities).count
            entityCounts.fp += entities.subtracting(goldEntities).count
            entityCounts.fn += goldEntities.subtracting(entities).count
            let scores = result.topics.map { "\($0.id)=\($0.score)" }.joined(separator: " ")
            if predicted != expected || entities != goldEntities {
                report.append("\(gold.id): topics +\(predicted.subtracting(expected).sorted()) -\(expected.subtracting(predicted).sorted()) [\(scores)] entities +\(entities.subtracting(goldEntities).sorted()) -\(goldEntities.subtracting(entities).sorted())")
            }
        }
        func f1(_ counts: (tp: Int, fp: Int, fn: Int)) -> Double {
            let precision = counts.tp + counts.fp == 0 ? 1 : Double(counts.tp) / Double(counts.tp + counts.fp)
            let recall = counts.tp + counts.fn == 0 ? 1 : Double(counts.tp) / Double(counts.tp + counts.fn)
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        let macro = topicIDs.map { f1(perTopic[$0]!) }.reduce(0, +) / Double(topicIDs.count)
        let entityF1 = f1(entityCounts)
        print(report.joined(separator: "\n"))
        for topic in topicIDs.sorted() { print("\(topic): \(perTopic[topic]!) F1 \(f1(perTopic[topic]!))") }
        print("development set: topics macro-F1 \(macro), entities micro-F1 \(entityF1) \(entityCounts)")
        #expect(macro >= 0.85)
        #expect(entityF1 >= 0.95)
    }
}
