import Benchmark
import Foundation
import MarsadText
import SaudiNewsNet

/// Normalization speed on real Arabic news text: the articles of two days of
/// SaudiNewsNet (`../shared/corpora/saudinewsnet` beside the repository), on
/// one core. The match-key benchmark reports MB/s (10^6 bytes of UTF-8 input
/// per second) as custom metrics, beside pyarabic's speed on the same text,
/// measured once in the same run by `Tests/Differential/pyarabic_throughput.py`,
/// and the ratio of the two. Without the corpus the benchmarks are skipped.
enum Corpus {
    static let repository = SaudiNewsNet.repository

    static let articles: [String] = {
        let articles = SaudiNewsNet.records(days: ["2015-07-21", "2015-07-22"], label: "TextBenchmarks")
            .compactMap { $0.content }.filter { !$0.isEmpty }
        if articles.isEmpty { print("TextBenchmarks: no SaudiNewsNet corpus at \(SaudiNewsNet.folder.path); skipping") }
        return articles
    }()

    static let bytes = articles.reduce(0) { $0 + $1.utf8.count }
    static let megabytes = Double(bytes) / 1e6

    /// pyarabic's MB/s on the same articles, or nil when Python or pyarabic is missing.
    static let pyarabicMegabytesPerSecond: Double? = {
        guard !articles.isEmpty else { return nil }
        let differential = repository.appendingPathComponent("Tests/Differential")
        let textFile = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-bench-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: textFile) }
        do {
            try Data(articles.joined(separator: "\u{1E}").utf8).write(to: textFile)
            let python = try run("/bin/bash", [differential.appendingPathComponent("peers-venv.sh").path])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let output = try run(
                python, [differential.appendingPathComponent("pyarabic_throughput.py").path, textFile.path, "3"])
            let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            let speed = result?["mb_per_s"] as? Double
            print("TextBenchmarks: pyarabic on \(bytes) bytes: \(speed.map { String(format: "%.2f", $0) } ?? "?") MB/s")
            return speed
        } catch {
            print("TextBenchmarks: pyarabic unavailable (\(error)); no ratio")
            return nil
        }
    }()

    struct CommandFailed: Error { var command: String }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailed(command: executable) }
        return String(decoding: data, as: UTF8.self)
    }
}

let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
let pyarabicMegabytesPerSecond = BenchmarkMetric.custom(
    "pyarabic MB/s", polarity: .prefersLarger, useScalingFactor: false)
let speedupOverPyarabic = BenchmarkMetric.custom(
    "x pyarabic", polarity: .prefersLarger, useScalingFactor: false)

/// Runs `body` over every article once, timing it, and records MB/s.
@inline(__always)
func measureCorpus(_ benchmark: Benchmark, _ body: (String) -> Int) -> Double {
    let clock = ContinuousClock()
    var sink = 0
    let elapsed = clock.measure {
        for article in Corpus.articles { sink &+= body(article) }
    }
    blackHole(sink)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let speed = Corpus.megabytes / seconds
    benchmark.measurement(megabytesPerSecond, Int(speed.rounded()))
    return speed
}

let benchmarks: @Sendable () -> Void = {
    let skip = Corpus.articles.isEmpty
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .instructions, .mallocCountTotal, megabytesPerSecond],
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20, skip: skip)

    Benchmark(
        "matchKey SaudiNewsNet",
        configuration: Benchmark.Configuration(
            metrics: configuration.metrics + [pyarabicMegabytesPerSecond, speedupOverPyarabic],
            warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20, skip: skip)
    ) { benchmark in
        let speed = measureCorpus(benchmark) { TextNormalizer.matchKey($0).utf8.count }
        if let pyarabic = Corpus.pyarabicMegabytesPerSecond {
            benchmark.measurement(pyarabicMegabytesPerSecond, Int(pyarabic.rounded()))
            benchmark.measurement(speedupOverPyarabic, Int((speed / pyarabic).rounded()))
        }
    }

    Benchmark("displayForm SaudiNewsNet", configuration: configuration) { benchmark in
        _ = measureCorpus(benchmark) { TextNormalizer.displayForm($0).utf8.count }
    }

    Benchmark("matchKey + tokens SaudiNewsNet", configuration: configuration) { benchmark in
        _ = measureCorpus(benchmark) { MatchKeyTokenizer.tokens(in: TextNormalizer.matchKey($0)).count }
    }

    Benchmark("sentences SaudiNewsNet", configuration: configuration) { benchmark in
        _ = measureCorpus(benchmark) { TextSegmenter.sentences(in: $0).count }
    }

    Benchmark("language SaudiNewsNet", configuration: configuration) { benchmark in
        _ = measureCorpus(benchmark) { LanguageIdentifier.identify($0) == .arabic ? 1 : 0 }
    }
}
