import Benchmark
import Foundation
import MarsadTagging
import SaudiNewsNet

/// Tagging speed with the full shipped gazetteer and taxonomy, over real
/// articles from SaudiNewsNet (`../shared/corpora/saudinewsnet` beside the
/// repository), reported as kilobytes of article text per second on one core.
enum Corpus {
    /// About 8 MB of articles from the first two days of the corpus.
    static let articles: [TaggingInput] = SaudiNewsNet.records(days: ["2015-07-21", "2015-07-22"], label: "TaggingBenchmarks")
        .map { record in
            TaggingInput(
                title: record.title ?? "", body: record.content ?? "",
                published: record.date_extracted.map { String($0.prefix(10)) }
            )
        }

    static let bytes = articles.reduce(0) { $0 + $1.title.utf8.count + $1.body.utf8.count }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func loadTaxonomy() throws -> Taxonomy {
        let root = Taxonomy.bundledDirectory
        var sources: [TaxonomySource] = []
        for folder in ["gazetteer", "topics"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".yaml") {
                sources.append(TaxonomySource(
                    path: "\(folder)/\(name)",
                    text: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                ))
            }
        }
        let weights = root.appendingPathComponent(Taxonomy.weightsFileName)
        if FileManager.default.fileExists(atPath: weights.path) {
            sources.append(TaxonomySource(path: Taxonomy.weightsFileName, text: try String(contentsOf: weights, encoding: .utf8)))
        }
        return try Taxonomy.parse(sources)
    }
}

let benchmarks: @Sendable () -> Void = {
    let tagger: Tagger
    do {
        tagger = Tagger(taxonomy: try Corpus.loadTaxonomy())
    } catch {
        print("TaggingBenchmarks: the shipped taxonomy does not load: \(error)")
        return
    }
    let articles = Corpus.articles
    guard !articles.isEmpty else {
        print("TaggingBenchmarks: skipped, no SaudiNewsNet corpus at ../shared/corpora/saudinewsnet")
        return
    }
    // Throughput by the thread's CPU time is the one-core figure; by wall clock it
    // also counts time the thread waited for a core on a busy machine.
    let kilobytes = BenchmarkMetric.custom("KB of text per CPU second", polarity: .prefersLarger, useScalingFactor: false)
    let kilobytesWall = BenchmarkMetric.custom("KB of text per wall second", polarity: .prefersLarger, useScalingFactor: false)

    Benchmark(
        "Tag SaudiNewsNet articles (full gazetteer and taxonomy)",
        configuration: .init(metrics: [.wallClock, .cpuTotal, kilobytes, kilobytesWall], maxDuration: .seconds(30), maxIterations: 5)
    ) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Corpus.threadCPUSeconds()
        var topics = 0
        for article in articles {
            topics &+= tagger.tag(article).topics.count
        }
        let cpuSeconds = Corpus.threadCPUSeconds() - cpuStart
        let elapsed = start.duration(to: clock.now)
        blackHole(topics)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        benchmark.measurement(kilobytes, Int(Double(Corpus.bytes) / 1024 / cpuSeconds))
        benchmark.measurement(kilobytesWall, Int(Double(Corpus.bytes) / 1024 / seconds))
    }

    Benchmark(
        "Compile the shipped taxonomy into a tagger",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 10)
    ) { _ in
        blackHole(Tagger(taxonomy: tagger.taxonomy))
    }
}
