import Benchmark
import Foundation
import Logging
import MarsadCore
import MarsadDaemon
import MarsadStore
import MarsadTagging
import SaudiNewsNet

// End to end through the daemon's ingest engine: files in `processing/` are
// read, tagged and recorded into a fresh database (one chunk read while the
// previous one is recorded), then moved to the archive. Each run prints its
// articles per second; peak resident memory is the bound that must hold for
// any burst.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 0,
        maxDuration: .seconds(60),
        maxIterations: 3
    )

    let texts = IngestCorpus.texts(count: 3_000)
    if texts.isEmpty { print("IngestBenchmarks: no SaudiNewsNet corpus at \(SaudiNewsNet.folder.path); skipping") }
    guard !texts.isEmpty else { return }

    Benchmark("Burst of \(texts.count) SaudiNewsNet files through the ingest engine into a new database") { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = Settings.embeddedDefault(root: folder)
        let (engine, claims) = try IngestCorpus.prepare(texts, settings: settings)
        let clock = ContinuousClock()
        let started = clock.now
        benchmark.startMeasurement()
        var pipeline = IngestPipeline(engine: engine)
        var recorded = 0
        for start in stride(from: 0, to: claims.count, by: settings.batchSize) {
            let chunk = Array(claims[start..<min(claims.count, start + settings.batchSize)])
            recorded += try await pipeline.submit(engine.processingClaims(chunk))?.recorded ?? 0
        }
        recorded += try await pipeline.drain()?.recorded ?? 0
        benchmark.stopMeasurement()
        let elapsed = (clock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print("IngestBenchmarks: \(recorded) of \(texts.count) files recorded, \(Int(Double(texts.count) / seconds)) articles/s")
        precondition(recorded > texts.count / 2, "only \(recorded) of \(texts.count) files were recorded")
    }
}

enum IngestCorpus {
    /// The first `count` SaudiNewsNet articles as the text files a scraper would drop.
    static func texts(count: Int) -> [String] {
        let records = SaudiNewsNet.records(days: ["2015-07-21", "2015-07-22", "2015-07-23", "2015-07-24"], label: "IngestBenchmarks")
        return records.prefix(count).map { ($0.title ?? "") + "\n\n" + ($0.content ?? "") + "\n" }
    }

    /// A fresh state folder with the files already claimed into `processing/`.
    static func prepare(_ texts: [String], settings: Settings) throws -> (IngestEngine, [String]) {
        let store = try Store(path: { () -> String in
            try? FileManager.default.createDirectory(at: settings.state, withIntermediateDirectories: true)
            return settings.database.path
        }())
        let taxonomy = try settings.loadTaxonomy()
        try store.syncEntities(taxonomy.entities)
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let engine = IngestEngine(settings: settings, pipeline: Pipeline(tagger: Tagger(taxonomy: taxonomy)), store: store, logger: logger)
        try engine.folders.create()
        var claims: [String] = []
        for (index, text) in texts.enumerated() {
            let claim = QueueFolders.claimName(for: "article-\(index).txt", sequence: UInt64(index))
            try Data(text.utf8).write(to: URL(fileURLWithPath: engine.folders.processingPath(claim)))
            claims.append(claim)
        }
        return (engine, claims)
    }
}
