#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB
import MarsadStore
import Testing

/// The daemon under stops, second instances, lost folders and a store that refuses writes for a while.
@Suite(.serialized) struct ReliabilityTests {
    /// A legal 19 MiB article of 68,000 short paragraphs, and a 10 MB article on one line.
    static func bigArticles() -> [(String, Data)] {
        let paragraph = Array("قال المتحدث إن الاجتماع بحث ملف اللاجئين السوريين وإعادة الإعمار في دمشق.\n".utf8)
        var many = Array("اجتماع طويل في دمشق\n\n".utf8)
        while many.count < 19 << 20 { many += paragraph }
        var line = Array("خبر على سطر واحد: ".utf8)
        let sentence = Array("عقد مسؤولون روس وسوريون اجتماعاً في موسكو لبحث التطورات. ".utf8)
        while line.count < 10_000_000 { line += sentence }
        return [("many-paragraphs.txt", Data(many)), ("one-line.txt", Data(line))]
    }

    @Test func aSecondDaemonOnTheSameFolderIsRefusedNamingThePIDWhichStatusShows() throws {
        let harness = try DaemonHarness()
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let pid = try #require(harness.process?.processIdentifier)
        let second = try harness.command(["run"])
        #expect(second.status != 0)
        #expect(second.output.contains("PID \(pid)"), "\(second.output)")
        #expect(harness.isRunning)
        let status = try harness.command(["status"])
        #expect(status.output.contains("running, PID \(pid), last heartbeat"), "\(status.output)")
        let json = try harness.command(["status", "--json"])
        #expect(json.output.contains("\"pid\" : \(pid)"), "\(json.output)")
        #expect(harness.stop() == 0)
        #expect(try harness.command(["status"]).output.contains("daemon:       not running"))
    }

    @Test func sigtermWithTwoBigFilesInFlightStopsWithinFiveSecondsAndLosesNothing() throws {
        let harness = try DaemonHarness()
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let files = Self.bigArticles()
        // Both written first and moved in together, so that one chunk holds both.
        for (name, data) in files { try data.write(to: harness.inbox.appendingPathComponent("." + name)) }
        for (name, _) in files {
            #expect(rename(harness.inbox.appendingPathComponent("." + name).path, harness.inbox.appendingPathComponent(name).path) == 0)
        }
        #expect(harness.wait(timeout: 10) { harness.entries(in: harness.inbox).isEmpty })
        usleep(300_000)
        let stopping = Date()
        let status = harness.stop()
        let took = Date().timeIntervalSince(stopping)
        print("SIGTERM with two big files in flight: stopped in \(String(format: "%.2f", took)) s")
        #expect(status == 0)
        #expect(took < 5, "took \(took) s\nlog:\n\(harness.log)")
        // Each file is decided or waits in processing/ for the next start; none is lost.
        let decided = try harness.ledger().map(\.name)
        let waiting = harness.entries(in: harness.processing).count
        #expect(decided.count + waiting == files.count, "decided \(decided), \(waiting) in processing")
    }

    @Test(arguments: [true, false])
    func aDeletedInboxIsWatchedAgain(recreatedByUser: Bool) throws {
        // With a rescan only every five minutes, a file decided within the waits below came by the watch.
        let harness = try DaemonHarness(configuration: "rescan_interval: 300s\n")
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        try FileManager.default.removeItem(at: harness.inbox)
        if recreatedByUser {
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: false)
        } else {
            #expect(harness.wait(timeout: 20) { FileManager.default.fileExists(atPath: harness.inbox.path) })
            usleep(200_000)
        }
        let dropped = Date()
        try harness.drop("after.txt", contents: SampleArticles.article(30_000))
        let picked = try harness.wait(timeout: 20) { try harness.ledger().contains { $0.name == "after.txt" } }
        print("inbox \(recreatedByUser ? "recreated" : "made again by the daemon"): next file decided in \(String(format: "%.2f", Date().timeIntervalSince(dropped))) s")
        #expect(picked, "log:\n\(harness.log)")
        #expect(harness.log.contains("watched again"))
        // Later files arrive by the new watch, not only by a rescan.
        try harness.drop("later.txt", contents: SampleArticles.article(30_001))
        #expect(try harness.wait(timeout: 20) { try harness.ledger().contains { $0.name == "later.txt" } })
        #expect(harness.stop() == 0)
    }

    @Test func aDatabaseHeldByAnotherProcessDelaysFilesWithoutLosingOrDoublingThem() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: no python3 to hold the database with BEGIN EXCLUSIVE")
            return
        }
        let harness = try DaemonHarness()
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: python)
        holder.arguments = ["-c", """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute('BEGIN EXCLUSIVE')
            print('locked', flush=True)
            time.sleep(20)
            db.execute('COMMIT')
            """, harness.database]
        let pipe = Pipe()
        holder.standardOutput = pipe
        try holder.run()
        #expect(String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self).contains("locked"))
        let names = (0..<20).map { "held-\($0).txt" }
        for (index, name) in names.enumerated() { try harness.drop(name, contents: SampleArticles.article(31_000 + index)) }
        #expect(harness.wait(timeout: 25) { harness.log.contains("cannot record or move files") }, "log:\n\(harness.log)")
        let status = try harness.command(["status"])
        #expect(status.output.contains("recording blocked"), "\(status.output)")
        holder.waitUntilExit()
        let released = Date()
        let decided = try harness.wait(timeout: 30) { try harness.ledger().count == names.count }
        print("database held 20 s: every file decided \(String(format: "%.2f", Date().timeIntervalSince(released))) s after the release")
        #expect(decided, "log:\n\(harness.log)")
        let ledger = try harness.ledger()
        #expect(Set(ledger.map(\.name)) == Set(names) && ledger.count == names.count)
        #expect(ledger.allSatisfy { $0.fate == .recorded })
        #expect(harness.wait(timeout: 15) { harness.entries(in: harness.processing).isEmpty && harness.entries(in: harness.inbox).isEmpty })
        #expect(harness.log.components(separatedBy: "cannot record or move files").count == 2, "logged once per state change")
        #expect(harness.log.contains("recording works again"))
        #expect(harness.stop() == 0)
    }

    @Test func aFullDiskDelaysFilesUntilSpaceIsFreed() throws {
        // The inbox shares the small file system with var/, as claims are renames.
        let harness = try DaemonHarness(configuration: "inbox: var/inbox\n")
        harness.inboxName = "var/inbox"
        let state = harness.root.appendingPathComponent("var")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=4m", "tmpfs", state.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil, { mount.waitUntilExit(); return mount.terminationStatus == 0 }() else {
            print("skipped: cannot mount a small tmpfs here (needs root and mount permission)")
            return
        }
        defer {
            harness.killHard()
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = ["-l", state.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        // The files are written before the disk fills, and moved in (which needs no space) after.
        let names = (0..<10).map { "full-\($0).txt" }
        for (index, name) in names.enumerated() {
            try SampleArticles.article(32_000 + index).write(to: harness.inbox.appendingPathComponent("." + name))
        }
        var space = statvfs()
        #expect(statvfs(state.path, &space) == 0)
        let free = Int(space.f_bavail) * Int(space.f_bsize)
        let filler = state.appendingPathComponent("filler")
        _ = FileManager.default.createFile(atPath: filler.path, contents: Data(count: max(0, free - 4096)))
        for name in names {
            #expect(rename(harness.inbox.appendingPathComponent("." + name).path, harness.inbox.appendingPathComponent(name).path) == 0)
        }
        #expect(harness.wait(timeout: 25) { harness.log.contains("cannot record or move files") }, "log:\n\(harness.log)")
        try FileManager.default.removeItem(at: filler)
        let freed = Date()
        let decided = try harness.wait(timeout: 30) { try harness.ledger().count == names.count }
        print("disk full: every file decided \(String(format: "%.2f", Date().timeIntervalSince(freed))) s after space was freed")
        #expect(decided, "log:\n\(harness.log)")
        let ledger = try harness.ledger()
        #expect(Set(ledger.map(\.name)) == Set(names) && ledger.count == names.count)
        #expect(harness.wait(timeout: 15) { harness.entries(in: harness.processing).isEmpty && harness.entries(in: harness.inbox).isEmpty })
        #expect(harness.stop() == 0)
    }
}

/// A crashed, killed or damaged store: quarantine of a file that stops the daemon twice, and a rebuild from the archive.
@Suite(.serialized) struct RecoveryTests {
    @Test func aFileInProcessingAtTwoDeathsInARowIsSetAsideWithAReason() throws {
        let harness = try DaemonHarness()
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        // A legal but long file, so that it is still being read when the daemon is killed.
        let (name, data) = ReliabilityTests.bigArticles()[0]
        try harness.drop(name, contents: data)
        #expect(harness.wait(timeout: 10) { harness.entries(in: harness.processing).count == 1 })
        harness.killHard()
        try harness.start()
        let recovering = harness.root.appendingPathComponent("var/recovering")
        #expect(harness.wait(timeout: 20) { harness.entries(in: recovering).count == 1 }, "log:\n\(harness.log)")
        harness.killHard()
        try harness.start()
        let setAside = harness.wait(timeout: 20) { harness.entries(in: harness.failed).contains(name + ".error.json") }
        #expect(setAside, "log:\n\(harness.log)")
        let sidecar = try JSONSerialization.jsonObject(with: Data(contentsOf: harness.failed.appendingPathComponent(name + ".error.json"))) as? [String: Any]
        let reason = sidecar?["error"] as? String ?? ""
        #expect(reason.contains("stopped twice in a row"), "\(reason)")
        #expect(harness.entries(in: recovering).isEmpty && harness.entries(in: harness.processing).isEmpty)
        // The daemon goes on with other files.
        try harness.drop("next.txt", contents: SampleArticles.article(33_000))
        #expect(try harness.wait(timeout: 15) { try harness.ledger().contains { $0.name == "next.txt" && $0.fate == .recorded } })
        #expect(harness.stop() == 0)
    }

    /// Articles with their topics and entities, in a stable order, for comparing two databases.
    static func snapshot(_ path: String) throws -> [String] {
        try Store(path: path).writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT a.day || ' | ' || a.title || ' | ' || a.body || ' | ' ||
                  COALESCE((SELECT group_concat(topicId || ':' || printf('%.4f', score), ',') FROM (SELECT * FROM articleTopic WHERE articleId = a.id ORDER BY topicId)), '') || ' | ' ||
                  COALESCE((SELECT group_concat(entityId || ':' || count, ',') FROM (SELECT * FROM entityMention WHERE articleId = a.id ORDER BY entityId)), '')
                FROM article a ORDER BY a.day, a.title, a.body
                """)
        }
    }

    /// Each topic digest's stories: headline, reports, sources and summary, in
    /// text order. Their rank is not compared: stories of equal weight are
    /// ranked by when their undated reports were recorded, which the archive
    /// does not keep (a rebuild dates them at noon of their archive day), and a
    /// busy machine splits the same drop into more recording batches.
    static func stories(in digests: URL) throws -> [String: [String]] {
        var found: [String: [String]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: digests.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".json"), !path.hasPrefix("latest") else { continue }
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: digests.appendingPathComponent(path))) as? [String: Any]
            found[path] = (json?["stories"] as? [[String: Any]] ?? []).map { story in
                "\(story["headline"] ?? "") | \(story["reportCount"] ?? "") | \(story["sourceCount"] ?? "") | \(story["summary"] ?? "")"
            }.sorted()
        }
        return found
    }

    @Test func aDamagedDatabaseIsRefusedAndRebuiltFromTheArchive() throws {
        // One file a batch: each report then carries its own recording time, as on a busy machine.
        let harness = try DaemonHarness(configuration: "batch_size: 1\n")
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let seeds = DaemonHarness.seedFiles
        let inputs: [(String, Data)] = seeds.isEmpty
            ? (0..<8).map { ("sample-\($0).txt", SampleArticles.article(34_000 + $0)) }
            : try seeds.map { ($0.lastPathComponent, try Data(contentsOf: $0)) }
        for (name, data) in inputs { try harness.drop(name, contents: data) }
        // One duplicate, so that the rebuild also meets the same content twice.
        try harness.drop("again.txt", contents: inputs[0].1)
        #expect(harness.wait(timeout: 60) { harness.regularFiles(in: harness.archive).count == inputs.count + 1 })
        #expect(harness.wait(timeout: 30) { harness.regularFiles(in: harness.digests).contains { $0.hasSuffix("index.md") } })
        // Stopped with a digest still due, the digests on disk would lag the database the rebuild reads.
        #expect(harness.wait(timeout: 30) { (try? Store(path: harness.database).dueDigestDays().isEmpty) == true })
        #expect(harness.stop() == 0)
        let articlesBefore = try Self.snapshot(harness.database)
        let storiesBefore = try Self.stories(in: harness.digests)
        let fatesBefore = try harness.ledger().map(\.fate.rawValue).sorted()
        #expect(articlesBefore.count >= inputs.count - 1)

        // 8 KiB of garbage in the middle of the database.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: harness.database))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: (size / 2) / 4096 * 4096)
        var generator = SystemRandomNumberGenerator()
        handle.write(Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try handle.close()

        try harness.start()
        #expect(harness.wait(timeout: 20) { !harness.isRunning })
        #expect(harness.process?.terminationStatus != 0)
        #expect(harness.log.contains("is damaged") && harness.log.contains("marsad rebuild"), "log:\n\(harness.log)")

        try FileManager.default.removeItem(at: harness.digests)
        let rebuild = try harness.command(["rebuild"])
        #expect(rebuild.status == 0, "\(rebuild.output)")
        print(rebuild.output)
        #expect(try Self.snapshot(harness.database) == articlesBefore)
        #expect(try Self.stories(in: harness.digests) == storiesBefore)
        let aside = harness.entries(in: harness.root.appendingPathComponent("var")).filter { $0.contains(".before-rebuild-") }
        #expect(!aside.isEmpty)
        #expect(try harness.ledger().map(\.fate.rawValue).sorted() == fatesBefore)

        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.components(separatedBy: "marsad started").count == 3 })
        #expect(harness.stop() == 0, "log:\n\(harness.log)")
    }
}
