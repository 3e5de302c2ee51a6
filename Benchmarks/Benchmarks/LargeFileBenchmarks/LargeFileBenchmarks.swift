import Benchmark
import Foundation
import MarsadCore
import MarsadDaemon
import SaudiNewsNet

// Reading and tagging one large legal file, the way the daemon and
// `marsad process` do, at size N and 2N for each shape of input that was
// once super-linear: one article on a single line, one article of many
// short paragraphs, and a JSON array of many small records. Linear reading
// shows as the 2N benchmark taking about twice the wall clock of the N one;
// peak resident memory shows whether memory grows faster than the file.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 0,
        maxDuration: .seconds(30),
        maxIterations: 3
    )

    let records = SaudiNewsNet.records(days: ["2015-07-21", "2015-07-22", "2015-07-23"], label: "LargeFileBenchmarks")
    guard !records.isEmpty else {
        print("LargeFileBenchmarks: skipped, no SaudiNewsNet corpus at \(SaudiNewsNet.folder.path)")
        return
    }
    let pipeline: Pipeline
    do {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-bench-large")
        pipeline = try Settings.embeddedDefault(root: root).makePipeline()
    } catch {
        print("LargeFileBenchmarks: the shipped taxonomy does not load: \(error)")
        return
    }

    func measure(_ name: String, _ bytes: [UInt8], fileName: String) {
        let megabytes = String(format: "%.1f", Double(bytes.count) / 1_000_000)
        Benchmark("\(name), \(megabytes) MB") { benchmark in
            benchmark.startMeasurement()
            let result = pipeline.processDocument(bytes, fileName: fileName)
            benchmark.stopMeasurement()
            guard case .success(let document) = result, !document.articles.isEmpty else {
                preconditionFailure("LargeFileBenchmarks: \(name) was not read: \(result)")
            }
            blackHole(document.articles.count)
        }
    }

    for megabytes in [2_500_000, 5_000_000] {
        measure("One article on a single line", LargeInputs.oneLine(records, bytes: megabytes), fileName: "one-line.txt")
    }
    for megabytes in [5_000_000, 10_000_000] {
        measure("One article of short paragraphs", LargeInputs.shortParagraphs(records, bytes: megabytes), fileName: "paragraphs.txt")
    }
    for count in [25_000, 50_000] {
        measure("JSON array of \(count) records", LargeInputs.jsonArray(records, count: count), fileName: "records.json")
    }
}

/// Legal but large inputs built from real Arabic news text.
enum LargeInputs {
    /// The corpus's paragraphs, as UTF-8, joined by `separator` until `bytes` is reached.
    static func text(_ records: [SaudiNewsNet.Record], bytes: Int, separator: UInt8) -> [UInt8] {
        var text = Array("عنوان المقال\n\n".utf8)
        while text.count < bytes {
            for record in records {
                for paragraph in Array((record.content ?? "").utf8).split(separator: 0x0A) {
                    text += paragraph
                    text.append(separator)
                }
                if text.count >= bytes { break }
            }
        }
        return text
    }

    /// A headline, then the whole text on one line.
    static func oneLine(_ records: [SaudiNewsNet.Record], bytes: Int) -> [UInt8] {
        text(records, bytes: bytes, separator: 0x20)
    }

    /// A headline, then paragraphs of 25 words each.
    static func shortParagraphs(_ records: [SaudiNewsNet.Record], bytes: Int) -> [UInt8] {
        let words = text(records, bytes: bytes, separator: 0x20).split(separator: 0x20)
        var result: [UInt8] = []
        result.reserveCapacity(bytes + bytes / 10)
        for (index, word) in words.enumerated() {
            result += word
            result += index % 25 == 24 ? [0x0A, 0x0A] : [0x20]
        }
        return result
    }

    /// An array of small records (a short title and text, a date, a source).
    static func jsonArray(_ records: [SaudiNewsNet.Record], count: Int) -> [UInt8] {
        struct Small: Encodable {
            var title: String
            var content: String
            var date_extracted: String
        }
        let small = (0..<count).map { index in
            let record = records[index % records.count]
            return Small(
                title: String((record.title ?? "").unicodeScalars.prefix(30)), content: String((record.content ?? "").unicodeScalars.prefix(30)),
                date_extracted: record.date_extracted ?? ""
            )
        }
        return Array((try? JSONEncoder().encode(small)) ?? Data())
    }
}
