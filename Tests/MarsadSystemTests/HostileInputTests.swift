#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadStore
import Testing

/// Names, clocks and commands a red team would try: each file must still be decided, and nothing outside the folders moved.
@Suite(.serialized) struct HostileInputTests {
    /// Names of every length up to NAME_MAX, in ASCII and in two-byte Arabic letters.
    static func names(ofBytes length: Int) -> [String] {
        let ascii = length > 4 ? String(repeating: "a", count: length - 4) + ".txt" : String(repeating: "b", count: length)
        let arabic = String(repeating: "س", count: length / 2) + (length % 2 == 1 ? "x" : "")
        return [ascii, arabic]
    }

    @Test func namesOfEveryLengthAreDecidedWithTheirFullNames() throws {
        let harness = try DaemonHarness()
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        var expected: [String: Fate] = [:]
        var number = 0
        let started = Date()
        for length in 1...255 {
            for name in Self.names(ofBytes: length) {
                // Every seventh file is unreadable, so that long names reach failed/ and its sidecars too.
                let data = number % 7 == 6 ? Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1]) : SampleArticles.article(10_000 + number)
                try harness.drop(bytes: Array(name.utf8), contents: data)
                expected[name] = number % 7 == 6 ? .failed : .recorded
                number += 1
            }
        }
        let decided = try harness.wait(timeout: 120) { try harness.ledger().count == expected.count }
        let ledgerCount = try harness.ledger().count
        #expect(decided, "ledger \(ledgerCount) of \(expected.count)\nlog:\n\(harness.log.suffix(3000))")
        print("names of 1-255 bytes: \(expected.count) files decided in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        let ledger = try harness.ledger()
        #expect(Dictionary(grouping: ledger, by: \.name).mapValues { $0.map(\.fate) } == expected.mapValues { [$0] })
        #expect(harness.wait(timeout: 10) { harness.entries(in: harness.inbox).isEmpty && harness.entries(in: harness.processing).isEmpty })
        #expect(harness.regularFiles(in: harness.archive).count == expected.values.filter { $0 == .recorded }.count)
        let failed = harness.entries(in: harness.failed)
        let sidecars = failed.filter { $0.hasSuffix(".error.json") }
        #expect(sidecars.count == expected.values.filter { $0 == .failed }.count)
        #expect(failed.count == 2 * sidecars.count)
        // The sidecar keeps the full name, however short the file's name in failed/ had to become.
        var named = Set<String>()
        for sidecar in sidecars {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: harness.failed.appendingPathComponent(sidecar))) as? [String: Any]
            named.insert(json?["file"] as? String ?? "")
        }
        #expect(named == Set(expected.filter { $0.value == .failed }.keys))
        #expect(harness.entries(in: harness.root.appendingPathComponent("var/names")).isEmpty)
        #expect(harness.stop() == 0)
    }

    @Test(arguments: ["inotify", "poll"])
    func namesThatAreNotUTF8AndFilesDatedAnyTimeAreClaimed(watch: String) throws {
        let harness = try DaemonHarness(configuration: "watch: \(watch)\npoll_interval: 1s\nsettle_time: 1s\n")
        // Present before the start, dated three days ahead, three years back and at the epoch.
        let now = Date().timeIntervalSince1970
        for (index, offset) in [3 * 86_400.0, -3 * 365 * 86_400.0, -now].enumerated() {
            let path = harness.inbox.appendingPathComponent("dated-\(index).txt").path
            try SampleArticles.article(20_000 + index).write(to: URL(fileURLWithPath: path))
            var times = [timeval(tv_sec: Int(now + offset), tv_usec: 0), timeval(tv_sec: Int(now + offset), tv_usec: 0)]
            #expect(utimes(path, &times) == 0)
        }
        try harness.drop(bytes: [0xFF, 0xFE, 0x2E, 0x74, 0x78, 0x74], contents: SampleArticles.article(20_010))
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let started = Date()
        try harness.drop(bytes: [0xC3, 0x28, 0x2E, 0x74, 0x78, 0x74], contents: SampleArticles.article(20_011))
        try harness.drop(bytes: [0x61, 0x80, 0x62], contents: SampleArticles.article(20_012))
        let expected: Set<String> = ["dated-0.txt", "dated-1.txt", "dated-2.txt", "\\xFF\\xFE.txt", "\\xC3(.txt", "a\\x80b"]
        let claimed = try harness.wait(timeout: 15) { Set(try harness.ledger().map(\.name)) == expected }
        let names = try harness.ledger().map(\.name)
        #expect(claimed, "ledger: \(names)\nlog:\n\(harness.log)")
        print("\(watch): odd names and dates decided within \(String(format: "%.1f", Date().timeIntervalSince(started))) s of the start")
        #expect(try harness.ledger().allSatisfy { $0.fate == .recorded })
        #expect(harness.entries(in: harness.inbox).isEmpty)
        #expect(harness.log.contains("recorded \\xFF\\xFE.txt"))
        #expect(harness.stop() == 0)
    }

    /// A hard link is complete when it appears and is never closed: it is claimed once it has settled,
    /// not at the next rescan a minute later. A file still being written under its only name is claimed
    /// at its close, even when its writer pauses for longer than the settle time.
    @Test func hardLinksAreClaimedOnceSettledAndAFileBeingWrittenOnlyWhenComplete() throws {
        let harness = try DaemonHarness(configuration: "settle_time: 3s\nrescan_interval: 10m\n")
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let outside = harness.root.appendingPathComponent("written-elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let started = Date()
        for index in 0..<20 {
            let source = outside.appendingPathComponent("linked-\(index).txt").path
            try SampleArticles.article(30_000 + index).write(to: URL(fileURLWithPath: source))
            #expect(link(source, harness.inbox.appendingPathComponent("linked-\(index).txt").path) == 0)
        }
        // Written in pieces, each well within the settle time of the last, and closed only at the end.
        let slow = harness.inbox.appendingPathComponent("slow.txt").path
        let descriptor = open(slow, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        let whole = [UInt8](SampleArticles.article(30_100))
        for start in stride(from: 0, to: whole.count, by: whole.count / 4 + 1) {
            let piece = whole[start..<min(start + whole.count / 4 + 1, whole.count)]
            _ = piece.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            usleep(300_000)
        }
        close(descriptor)
        // A writer that stalls for longer than the settle time before it closes: under its only
        // name, a file announced as created waits for its close, whatever its pauses.
        let stalled = open(harness.inbox.appendingPathComponent("stalled.txt").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(stalled >= 0)
        let stalledText = [UInt8](SampleArticles.article(30_200))
        let half = stalledText.count / 2
        _ = stalledText[..<half].withUnsafeBytes { write(stalled, $0.baseAddress, $0.count) }
        usleep(4_500_000)
        #expect(try !harness.ledger().contains { $0.name == "stalled.txt" })
        _ = stalledText[half...].withUnsafeBytes { write(stalled, $0.baseAddress, $0.count) }
        close(stalled)
        let decided = try harness.wait(timeout: 60) { try harness.ledger().count == 22 }
        let names = try harness.ledger().map(\.name)
        #expect(decided, "ledger: \(names)\nlog:\n\(harness.log)")
        print("20 hard links and two slow writers' files decided within \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(try harness.ledger().allSatisfy { $0.fate == .recorded })
        let articles = try Store(path: harness.database).articles(after: 0, limit: 100)
        #expect(articles.count == 22)
        // The last sentence of each article is there: none was read before its end was written.
        #expect(articles.allSatisfy { $0.body.contains("الشهر المقبل") })
        #expect(harness.stop() == 0)
    }

    /// Hard links of files written long ago (a burst linked in from an archive) are claimed as they
    /// appear: with a settle time of ten minutes, only their last write can have settled them.
    @Test func hardLinksOfFilesWrittenLongAgoAreClaimedAtOnce() throws {
        let harness = try DaemonHarness(configuration: "settle_time: 10m\nrescan_interval: 10m\n")
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let outside = harness.root.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        for index in 0..<5 {
            let source = outside.appendingPathComponent("old-\(index).txt").path
            try SampleArticles.article(31_000 + index).write(to: URL(fileURLWithPath: source))
            var lastWeek = [timeval](repeating: timeval(tv_sec: Int(Date().timeIntervalSince1970) - 7 * 86_400, tv_usec: 0), count: 2)
            #expect(utimes(source, &lastWeek) == 0)
            #expect(link(source, harness.inbox.appendingPathComponent("old-\(index).txt").path) == 0)
        }
        let decided = try harness.wait(timeout: 30) { try harness.ledger().count == 5 }
        #expect(decided, "log:\n\(harness.log)")
        #expect(try harness.ledger().allSatisfy { $0.fate == .recorded })
        #expect(harness.stop() == 0)
    }

    /// A link or a pipe is complete the moment it appears and is never closed after writing:
    /// it is refused at once, not at the next safety-net scan.
    @Test func linksAndPipesAreRefusedAsTheyAppear() throws {
        let harness = try DaemonHarness(configuration: "rescan_interval: 10m\n")
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        #expect(symlink("/etc/passwd", harness.inbox.appendingPathComponent("passwd-link.txt").path) == 0)
        #expect(mkfifo(harness.inbox.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        let refused = harness.wait(timeout: 30) {
            Set(harness.entries(in: harness.failed).filter { !$0.hasSuffix(".error.json") }) == ["passwd-link.txt", "pipe.txt"]
        }
        #expect(refused, "failed/: \(harness.entries(in: harness.failed))\nlog:\n\(harness.log)")
        #expect(harness.stop() == 0)
    }

    @Test func requeueRefusesNamesOutsideFailedAndMovesNothing() throws {
        let harness = try DaemonHarness()
        let victim = harness.root.appendingPathComponent("victim.txt")
        try Data("keep".utf8).write(to: victim)
        try FileManager.default.createDirectory(at: harness.failed, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: harness.failed.appendingPathComponent("report.txt"))
        for name in ["../../victim.txt", "../../../victim.txt", victim.path, "", ".", "..", "report.txt.error.json"] {
            let (status, output) = try harness.command(["requeue", name])
            #expect(status != 0, "requeue '\(name)' succeeded: \(output)")
            #expect(output.contains("cannot requeue") || output.contains("no failed file"), "\(output)")
        }
        #expect(FileManager.default.contents(atPath: victim.path) == Data("keep".utf8))
        #expect(harness.entries(in: harness.inbox).isEmpty)
        #expect(harness.entries(in: harness.failed) == ["report.txt"])
        let (status, output) = try harness.command(["requeue", "report.txt"])
        #expect(status == 0, "\(output)")
        #expect(harness.entries(in: harness.inbox) == ["report.txt"])
    }
}
