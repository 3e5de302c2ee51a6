#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadStore
import Testing

/// Articles made up for tests: Arabic news-like text, unique per seed.
enum SampleArticles {
    static func article(_ number: Int) -> Data {
        let cities = ["دمشق", "حلب", "موسكو", "أنقرة", "بيروت", "طهران", "عمّان", "القاهرة"]
        let city = cities[number % cities.count]
        return Data("""
            اجتماع رقم \(number) في \(city) لبحث التطورات

            عقد مسؤولون روس وسوريون اجتماعاً في \(city) اليوم لبحث ملف اللاجئين وإعادة الإعمار، وفق ما أعلنت وزارة الخارجية في بيان رقم \(number).
            وقال المتحدث إن الجانبين اتفقا على مواصلة التنسيق، مشيراً إلى أن الاجتماع المقبل سيعقد الشهر المقبل.
            """.utf8)
    }
}

@Suite(.serialized) struct DaemonTests {
    @Test func seedsAreRecordedThenRecognisedAsDuplicatesAndDigested() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let seeds = DaemonHarness.seedFiles
        let inputs: [(String, Data)] = seeds.isEmpty
            ? (0..<5).map { ("sample-\($0).txt", SampleArticles.article($0)) }
            : try seeds.map { ($0.lastPathComponent, try Data(contentsOf: $0)) }
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let started = Date()
        for (name, data) in inputs { try harness.drop(name, contents: data) }
        let recorded = harness.wait(timeout: 30) {
            harness.regularFiles(in: harness.archive).count == inputs.count
        }
        #expect(recorded, "log:\n\(harness.log)")
        print("recorded \(inputs.count) files in \(String(format: "%.3f", Date().timeIntervalSince(started))) s")

        for (name, data) in inputs { try harness.drop("again-" + name, contents: data) }
        let duplicates = harness.wait(timeout: 30) { harness.regularFiles(in: harness.archive).count == inputs.count * 2 }
        #expect(duplicates, "log:\n\(harness.log)")
        let fates = try harness.ledger().map(\.fate)
        #expect(fates.filter { $0 == .recorded }.count == inputs.count)
        #expect(fates.filter { $0 == .duplicate }.count == inputs.count)
        #expect(try Store(path: harness.database).articleCount() == inputs.count)

        // Digests are written a few seconds after the last new article.
        let digested = harness.wait(timeout: 30) {
            harness.regularFiles(in: harness.digests).contains { $0.hasSuffix("index.md") }
        }
        #expect(digested)
        #expect(harness.stop() == 0)
        #expect(harness.regularFiles(in: harness.archive).count == inputs.count * 2)
        #expect(harness.entries(in: harness.processing).isEmpty)
        #expect(try Store(path: harness.database).integrityCheck() == ["ok"])
    }

    @Test func everyFileIsAccountedForOnceAcrossRepeatedHardKills() throws {
        let harness = try DaemonHarness()
        let total = 2_000
        var generator = SystemRandomNumberGenerator()
        var dropped: [String] = []
        try harness.start()
        #expect(harness.wait(timeout: 20) { FileManager.default.fileExists(atPath: harness.database) })
        var kills = 0
        var next = 0
        while next < total || kills < 20 {
            // Drop a burst, then kill at a random moment while it is being worked on.
            let burst = min(total - next, Int.random(in: 40...160, using: &generator))
            for _ in 0..<burst {
                let name = String(format: "article-%05d.txt", next)
                // Every tenth file repeats earlier content, every fiftieth is garbage.
                let data: Data = next % 50 == 49 ? Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1])
                    : SampleArticles.article(next % 10 == 9 ? next - 9 : next)
                try harness.drop(name, contents: data)
                dropped.append(name)
                next += 1
            }
            usleep(UInt32.random(in: 5_000...250_000, using: &generator))
            harness.killHard()
            kills += 1
            try harness.start()
        }
        let settled = try harness.wait(timeout: 300) {
            let ledgerCount = try harness.ledger().count
            return harness.entries(in: harness.inbox).isEmpty && harness.entries(in: harness.processing).isEmpty
                && ledgerCount >= total
        }
        #expect(settled, "inbox \(harness.entries(in: harness.inbox).count), processing \(harness.entries(in: harness.processing).count)")
        #expect(harness.stop() == 0)

        let ledger = try harness.ledger()
        let byName = Dictionary(grouping: ledger, by: \.name)
        #expect(kills >= 20)
        #expect(ledger.count == total, "ledger has \(ledger.count) entries for \(total) files")
        #expect(Set(byName.keys) == Set(dropped))
        #expect(byName.values.allSatisfy { $0.count == 1 }, "some file was recorded more than once")
        let archived = harness.regularFiles(in: harness.archive).map { ($0 as NSString).lastPathComponent }
        let failed = harness.entries(in: harness.failed).filter { !$0.hasSuffix(".error.json") }
        #expect(archived.count + failed.count == total)
        #expect(Set(archived).union(failed) == Set(dropped))
        #expect(failed.count == ledger.filter { $0.fate == .failed }.count)
        let articles = try Store(path: harness.database).articleCount()
        #expect(ledger.filter { $0.fate == .recorded }.count == articles)
        #expect(harness.entries(in: harness.processing).isEmpty)
        #expect(try Store(path: harness.database).integrityCheck() == ["ok"])
        print("crash test: \(kills) kills, \(ledger.filter { $0.fate == .recorded }.count) recorded, "
            + "\(ledger.filter { $0.fate == .duplicate }.count) duplicates, \(failed.count) failed")
    }

    @Test func badInputEndsInFailedWithAReasonAndTheDaemonKeepsRunning() throws {
        let harness = try DaemonHarness()
        try harness.start()
        #expect(harness.wait(timeout: 20) { FileManager.default.fileExists(atPath: harness.database) })
        let inbox = harness.inbox
        try harness.drop("empty.txt", contents: Data())
        try harness.drop("image.png", contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]))
        try harness.drop("huge.txt", contents: Data(repeating: 0x41, count: 30 << 20))
        try harness.drop("latin1.txt", contents: Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0xFE, 0x41, 0x0A] + Array(repeating: 0xE9, count: 40)))
        try harness.drop("line\nbreak.txt", contents: Data())
        #expect(symlink("/etc/passwd", inbox.appendingPathComponent("passwd-link").path) == 0)
        #expect(mkfifo(inbox.appendingPathComponent("pipe").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("folder"), withIntermediateDirectories: false)

        let expected = ["empty.txt", "image.png", "huge.txt", "latin1.txt", "line\nbreak.txt", "passwd-link", "pipe", "folder"]
        // The FIFO and the folder arrive without a close-write event: the periodic or start-up scan finds them.
        harness.killHard()
        try harness.start()
        let allFailed = harness.wait(timeout: 60) {
            Set(harness.entries(in: harness.failed).filter { !$0.hasSuffix(".error.json") }) == Set(expected)
        }
        #expect(allFailed, "failed/: \(harness.entries(in: harness.failed))\nlog:\n\(harness.log)")
        let reasons: [String: String] = [
            "empty.txt": "empty", "image.png": "PNG", "huge.txt": "larger than the limit", "passwd-link": "symbolic link",
            "pipe": "FIFO", "folder": "directory", "line\nbreak.txt": "empty",
        ]
        for name in expected {
            let sidecar = harness.failed.appendingPathComponent(name + ".error.json")
            let data = try Data(contentsOf: sidecar)
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(json["file"] as? String == name)
            for key in ["sha256", "size", "stage", "error", "first_seen", "attempts"] where key != "sha256" {
                #expect(json[key] != nil, "\(name): sidecar lacks \(key)")
            }
            let error = json["error"] as? String ?? ""
            if let reason = reasons[name] {
                #expect(error.localizedCaseInsensitiveContains(reason), "\(name): \(error)")
            }
            #expect(!error.isEmpty)
        }
        // /etc/passwd was never read: the link itself was moved, and its target is untouched.
        var info = stat()
        #expect(lstat(harness.failed.appendingPathComponent("passwd-link").path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)

        #expect(harness.isRunning)
        try harness.drop("good.txt", contents: SampleArticles.article(7))
        #expect(try harness.wait(timeout: 30) { try harness.ledger().contains { $0.name == "good.txt" && $0.fate == .recorded } })
        #expect(harness.stop() == 0)
        #expect(try Store(path: harness.database).integrityCheck() == ["ok"])
    }
}

/// A page that dates itself only as "three hours ago" is dated from when its
/// file was written, the same way by `marsad process` and by the daemon.
@Suite struct SavingTimeTests {
    /// 2024-11-12T12:00:00Z.
    static let savedAt = 1_731_412_800
    static let page = Data("""
        وزير الخارجية الروسي يلتقي نظيره السوري في موسكو

        منذ 3 ساعات

        عقد وزير الخارجية الروسي اجتماعاً مع نظيره السوري في موسكو اليوم لبحث ملف اللاجئين وإعادة الإعمار، وفق ما أعلنت وزارة الخارجية في بيان.

        وقال المتحدث إن الجانبين اتفقا على مواصلة التنسيق، مشيراً إلى أن الاجتماع المقبل سيعقد الشهر المقبل في دمشق.
        """.utf8)

    static func setModificationTime(_ path: String) {
        var times = [timespec(tv_sec: savedAt, tv_nsec: 0), timespec(tv_sec: savedAt, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    /// The daemon reads with the outlets of the sources file, as `process` and `ingest` do.
    @Test func anOutletsNameUnderTheTitleIsTheSourceInTheDaemonToo() throws {
        let harness = try DaemonHarness()
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let paragraphs = [
            "أعلنت وزارة الصحة، اليوم الثلاثاء، عن افتتاح مستشفى جديد في مدينة القيروان يضم مئة سرير ويخدم سكان الولاية.",
            "وقال وزير الصحة في تصريح صحفي إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل، مشيرا إلى أن كلفته بلغت مليون دينار.",
            "وأضاف أن المشروع يندرج ضمن خطة وطنية لتحسين الخدمات الصحية في المناطق الداخلية، وأن مستشفيات أخرى ستفتح أبوابها.",
        ]
        let page = (["سياسة", "وزارة الصحة تفتتح مستشفى جديدا في القيروان", "الشرق الأوسط"] + paragraphs).joined(separator: "\n\n")
        try harness.drop("outlet.txt", contents: Data(page.utf8))
        #expect(harness.wait(timeout: 30) { (try? harness.ledger().count) == 1 }, "log:\n\(harness.log)")
        #expect(harness.stop() == 0)
        let article = try #require(try Store(path: harness.database).article(id: 1))
        #expect(article.source == "الشرق الأوسط")
        #expect(article.author == nil)
    }

    @Test func processDatesARelativeTimestampFromTheFilesTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-saved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.page.write(to: folder.appendingPathComponent("page.txt"))
        Self.setModificationTime(folder.appendingPathComponent("page.txt").path)
        let result = try DaemonHarness.run(["process", "page.txt"], in: folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(#""published":"2024-11-12T09:00:00Z""#), "\(result.output)")
    }

    /// "أمس" on a page saved at 00:30 in Damascus (21:30 UTC the day before)
    /// is the Damascus day before, with the configured zone.
    @Test func processCountsDaysInTheConfiguredZone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-saved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = String(decoding: Self.page, as: UTF8.self).replacingOccurrences(of: "منذ 3 ساعات", with: "أمس")
        try Data(page.utf8).write(to: folder.appendingPathComponent("page.txt"))
        var times = [timespec(tv_sec: 1_731_447_000, tv_nsec: 0), timespec(tv_sec: 1_731_447_000, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, folder.appendingPathComponent("page.txt").path, &times, 0)
        try Data("timezone: Asia/Damascus\n".utf8).write(to: folder.appendingPathComponent("marsad.yaml"))
        let result = try DaemonHarness.run(["process", "--config", "marsad.yaml", "page.txt"], in: folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(#""published":"2024-11-12""#), "\(result.output)")
        try Data("timezone: UTC\n".utf8).write(to: folder.appendingPathComponent("marsad.yaml"))
        let utc = try DaemonHarness.run(["process", "--config", "marsad.yaml", "page.txt"], in: folder)
        #expect(utc.output.contains(#""published":"2024-11-11""#), "\(utc.output)")
    }

    @Test func theDaemonDatesARelativeTimestampFromTheFilesTime() throws {
        let harness = try DaemonHarness()
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        let staged = harness.root.appendingPathComponent("page.txt")
        try Self.page.write(to: staged)
        Self.setModificationTime(staged.path)
        #expect(rename(staged.path, harness.inbox.appendingPathComponent("page.txt").path) == 0)
        #expect(try harness.wait(timeout: 30) { try harness.ledger().contains { $0.name == "page.txt" } }, "log:\n\(harness.log)")
        #expect(harness.stop() == 0)
        let published = try Store(path: harness.database).writer.read { db in
            try String.fetchAll(db, sql: "SELECT publishedAt FROM article")
        }
        #expect(published == ["2024-11-12T09:00:00Z"])
    }
}
