#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadCore
import MarsadDaemon
import Synchronization
import MarsadStore
import Testing

struct FileAccessTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-access-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    @Test func readsRegularFiles() throws {
        let path = folder.appendingPathComponent("a.txt").path
        try Data("سلام".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try FileAccess.readRegularFile(atPath: path, maxSize: 100) == Array("سلام".utf8))
    }

    @Test func refusesSymlinksWithoutReadingTheirTarget() throws {
        let link = folder.appendingPathComponent("link").path
        #expect(symlink("/etc/hostname", link) == 0)
        #expect { try FileAccess.readRegularFile(atPath: link, maxSize: 1 << 20) } throws: { error in
            (error as? FileAccessError)?.kind == .symlink
        }
    }

    @Test func refusesFifosWithoutBlocking() throws {
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect { try FileAccess.readRegularFile(atPath: fifo, maxSize: 1 << 20) } throws: { error in
            guard let error = error as? FileAccessError else { return false }
            return error.kind == .notRegular && error.message.contains("FIFO")
        }
    }

    @Test func refusesDirectoriesAndOversizedFiles() throws {
        #expect { try FileAccess.readRegularFile(atPath: folder.path, maxSize: 1 << 20) } throws: { error in
            (error as? FileAccessError)?.message.contains("directory") == true
        }
        let big = folder.appendingPathComponent("big").path
        try Data(repeating: 1, count: 2048).write(to: URL(fileURLWithPath: big))
        #expect { try FileAccess.readRegularFile(atPath: big, maxSize: 1024) } throws: { error in
            (error as? FileAccessError)?.message == "the file is 2.0 KiB, larger than the limit of 1.0 KiB"
        }
    }
}

struct ChangingFileTests {
    @Test func pseudoFilesThatReportNoSizeAreReadWhole() throws {
        // /proc files report a size of 0 but hold text; they are not "growing past the limit".
        let bytes = try FileAccess.readRegularFile(atPath: "/proc/self/status", maxSize: 1 << 20)
        #expect(String(decoding: bytes, as: UTF8.self).contains("VmRSS"))
        #expect { try FileAccess.readRegularFile(atPath: "/proc/self/status", maxSize: 16) } throws: { error in
            (error as? FileAccessError)?.kind == .tooLarge
        }
    }

    @Test func aFileAppendedToWhileReadIsReportedAsChangingNotAsTooLarge() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-growing-\(UUID().uuidString)").path
        defer { unlink(path) }
        try Data(repeating: 0x61, count: 8 << 20).write(to: URL(fileURLWithPath: path))
        final class Switch: Sendable { let on = Atomic<Bool>(true) }
        let appending = Switch()
        let writer = Thread {
            let fd = open(path, O_WRONLY | O_APPEND)
            defer { close(fd) }
            let line = [UInt8](repeating: 0x62, count: 512)
            while appending.on.load(ordering: .relaxed) {
                _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                usleep(200)
            }
        }
        writer.start()
        defer { appending.on.store(false, ordering: .relaxed) }
        var sawChange = false
        for _ in 0..<200 where !sawChange {
            do {
                _ = try FileAccess.readRegularFile(atPath: path, maxSize: 64 << 20)
            } catch {
                #expect(error.kind == .changing, "\(error.message)")
                #expect(error.message.contains("still being written"))
                sawChange = error.kind == .changing
            }
        }
        #expect(sawChange)
    }
}

struct QueueFoldersTests {
    @Test(arguments: [".hidden", "a.tmp", "a.part", "a.crdownload", "a.txt~"])
    func writersTemporaryNamesAreIgnored(name: String) {
        #expect(QueueFolders.isIgnored(name))
    }

    @Test(arguments: ["article.txt", "page.html", "records.json", "no-extension"])
    func ordinaryNamesAreClaimed(name: String) {
        #expect(!QueueFolders.isIgnored(name))
    }

    @Test func claimNamesAreUniqueAndKeepTheOriginalName() {
        let first = QueueFolders.claimName(for: "a--b.txt", sequence: 1)
        let second = QueueFolders.claimName(for: "a--b.txt", sequence: 2)
        #expect(first != second)
        #expect(QueueFolders.nameInClaim(first) == "a--b.txt")
    }

    @Test func onlyAShortenedClaimKeepsItsFullNameInNamesAndLosesItWhenArchived() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-queue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let settings = Settings.embeddedDefault(root: root)
        let folders = QueueFolders(settings: settings)
        try folders.create()
        try FileManager.default.createDirectory(at: settings.database.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = try Store(path: settings.database.path)
        // 238 bytes: it fits the inbox, not beside the claim's prefix. A name with the marker of a
        // shortened one, but whole, has no record either, nor do names that open with a combining
        // mark, which join the prefix's dash into one Character.
        let long = String(repeating: "خبر", count: 39) + ".txt"
        let names = [long, "short…name.txt", "plain.txt", "\u{064B}تقرير.txt", "\u{0301}x.txt"]
        for (sequence, name) in names.enumerated() {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folders.inbox + "/" + name))
            let claim = try #require(try folders.claim(EntryName(name), sequence: UInt64(sequence)))
            #expect(folders.originalName(ofClaim: claim) == name)
            let records = try FileManager.default.contentsOfDirectory(atPath: folders.claimedNames)
            #expect(records == (name == long ? [claim] : []))
            let file = ClaimedFile(claimName: claim, name: name, size: 1, sha256: "sha\(sequence)", firstSeen: Date())
            let entry = try #require(try store.record([.processed(file, [])]).first)
            try folders.finalize(entry)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folders.claimedNames).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folders.processing).isEmpty)
        }
        let days = try FileManager.default.contentsOfDirectory(atPath: folders.archive)
        #expect(days.count == 1)
        let archived = try FileManager.default.contentsOfDirectory(atPath: folders.archive + "/" + days[0])
        // The long name is archived shortened; the others under their own bytes.
        #expect(archived.count == names.count)
        #expect(Set(names.dropFirst().map { Array($0.utf8) }).isSubset(of: Set(archived.map { Array($0.utf8) })))
    }

    @Test func pathsSplitAtTheirLastSlashEvenBeforeACombiningMark() {
        #expect(PathBytes.split("var/failed/\u{0301}x.txt") == ("var/failed", "\u{0301}x.txt"))
        #expect(PathBytes.split("/report.txt") == ("/", "report.txt"))
        #expect(PathBytes.split("report.txt") == (".", "report.txt"))
    }

    @Test func aFileWhoseNameOpensWithACombiningMarkIsWrittenWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/\u{0301}x.error.json"
        try AtomicFile.write(Data("{}".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("{}".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).count == 1)
    }

    @Test func requeueMovesFailedFilesBackUnderTheirOriginalNames() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-queue-\(UUID().uuidString)")
        let folders = QueueFolders(settings: .embeddedDefault(root: root))
        try folders.create()
        try Data("x".utf8).write(to: URL(fileURLWithPath: folders.failed + "/report.12.txt"))
        try Data(#"{"file":"report.txt","size":1,"stage":"parse","error":"e","first_seen":"t","attempts":1,"failed_at":"t"}"#.utf8)
            .write(to: URL(fileURLWithPath: folders.failed + "/report.12.txt.error.json"))
        #expect(try folders.requeue([]) == ["report.12.txt"])
        #expect(FileManager.default.fileExists(atPath: folders.inbox + "/report.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.failed).isEmpty)
        #expect(throws: QueueError.self) { try folders.requeue(["absent.txt"]) }
    }

    /// A hard link arrives with no close event. One of a file last written a settle time or more
    /// before the link is claimable at once; one of a file written just before, or dated ahead of
    /// the link, is watched; a file under its only name waits for its close. The stamps compared
    /// are the file system's own, so the daemon's clock plays no part.
    @Test func aHardLinkIsSettledByItsLastWriteBeforeTheLink() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = QueueFolders(settings: .embeddedDefault(root: root))
        try folders.create()
        let now = Date()
        func drop(_ name: String, modified: Date?, linked: Bool) throws -> EntryName {
            let source = root.appendingPathComponent(linked ? "elsewhere-\(name)" : "inbox/\(name)").path
            try Data("text".utf8).write(to: URL(fileURLWithPath: source))
            if let modified {
                var times = [timeval](repeating: timeval(tv_sec: Int(modified.timeIntervalSince1970), tv_usec: 0), count: 2)
                #expect(utimes(source, &times) == 0)
            }
            if linked { #expect(link(source, folders.inbox + "/" + name) == 0) }
            return EntryName(name)
        }
        let settle = Duration.seconds(2)
        let old = try drop("old.txt", modified: now.addingTimeInterval(-3600), linked: true)
        let fresh = try drop("fresh.txt", modified: nil, linked: true)
        let ahead = try drop("ahead.txt", modified: now.addingTimeInterval(86_400), linked: true)
        let single = try drop("single.txt", modified: now.addingTimeInterval(-3600), linked: false)
        #expect(folders.appearance(inbox: old, settleTime: settle) == .linkedAndSettled)
        #expect(folders.appearance(inbox: fresh, settleTime: settle) == .linkedAndRecent)
        #expect(folders.appearance(inbox: fresh, settleTime: .zero) == .linkedAndSettled)
        #expect(folders.appearance(inbox: ahead, settleTime: settle) == .linkedAndRecent)
        #expect(folders.appearance(inbox: single, settleTime: settle) == .notLinked)
        #expect(folders.appearance(inbox: EntryName("gone.txt"), settleTime: settle) == .notLinked)
        #expect(symlink("/etc/passwd", folders.inbox + "/link.txt") == 0)
        #expect(mkfifo(folders.inbox + "/pipe.txt", 0o644) == 0)
        #expect(mkdir(folders.inbox + "/folder", 0o755) == 0)
        #expect(folders.appearance(inbox: EntryName("link.txt"), settleTime: settle) == .notAFile)
        #expect(folders.appearance(inbox: EntryName("pipe.txt"), settleTime: settle) == .notAFile)
        #expect(folders.appearance(inbox: EntryName("folder"), settleTime: settle) == .notLinked)
        // A write after the link moves both stamps: the file is recent again.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folders.inbox + "/old.txt"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(" more".utf8))
        try handle.close()
        #expect(folders.appearance(inbox: old, settleTime: settle) == .linkedAndRecent)
    }
}

struct RequeueTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-requeue-\(UUID().uuidString)")

    /// A layout with one failed file, and a file outside every Marsad folder.
    func layout() throws -> (QueueFolders, victim: String) {
        let folders = QueueFolders(settings: .embeddedDefault(root: root))
        try folders.create()
        try Data("x".utf8).write(to: URL(fileURLWithPath: folders.failed + "/report.txt"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folders.failed + "/report.txt.error.json"))
        let victim = root.appendingPathComponent("victim.txt").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
        return (folders, victim)
    }

    @Test(arguments: [
        "", ".", "..", "../victim.txt", "../../victim.txt", "../../../victim.txt", "/etc/hostname",
        "sub/report.txt", "report.txt/", "report.txt.error.json", "absent.txt",
    ])
    func refusesAnythingButAPlainFailedNameAndMovesNothing(name: String) throws {
        let (folders, victim) = try layout()
        defer { try? FileManager.default.removeItem(at: root) }
        let failedBefore = try FileManager.default.contentsOfDirectory(atPath: folders.failed).sorted()
        #expect(throws: QueueError.self) { try folders.requeue([name]) }
        // A bad name among good ones spoils the whole request.
        #expect(throws: QueueError.self) { try folders.requeue(["report.txt", name]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.failed).sorted() == failedBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.inbox).isEmpty)
        #expect(FileManager.default.contents(atPath: victim) == Data("keep me".utf8))
    }

    @Test func aSidecarNamingAFolderOutsideTheInboxIsNotFollowed() throws {
        let (folders, victim) = try layout()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"file":"../escaped.txt","size":1,"stage":"read","error":"e","first_seen":"t","attempts":1,"failed_at":"t"}"#.utf8)
            .write(to: URL(fileURLWithPath: folders.failed + "/report.txt.error.json"))
        #expect(try folders.requeue(["report.txt"]) == ["report.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.inbox) == ["report.txt"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escaped.txt").path))
        #expect(FileManager.default.contents(atPath: victim) == Data("keep me".utf8))
    }
}

struct ArchiveRetentionTests {
    @Test func archiveDaysRemovesOldDayFoldersAndTheLedgerKeepsTheirRows() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-retention-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var settings = Settings.embeddedDefault(root: root)
        settings.timeZone = TimeZone(identifier: "UTC")!
        let folders = QueueFolders(settings: settings)
        try folders.create()
        try FileManager.default.createDirectory(at: settings.database.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = try Store(path: settings.database.path)
        // Files decided on 1, 20 and 30 June, archived under those days.
        var claims: [String] = []
        for (index, day) in ["2026-06-01", "2026-06-20", "2026-06-30"].enumerated() {
            let claim = QueueFolders.claimName(for: "a\(index).txt", sequence: UInt64(index))
            claims.append(claim)
            try Data("file \(index)".utf8).write(to: URL(fileURLWithPath: folders.processingPath(claim)))
            let decided = try #require(ArticleDay.instant(day + "T12:00:00Z"))
            let file = ClaimedFile(claimName: claim, name: "a\(index).txt", size: 6, sha256: "sha\(index)", firstSeen: decided)
            let entries = try store.record([.processed(file, [])], now: decided)
            #expect(entries[0].fate == .recorded)
            try folders.finalize(entries[0])
        }
        // A link in place of a day folder is never followed.
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        #expect(symlink(outside.path, folders.archive + "/2026-05-01") == 0)

        #expect(try folders.pruneArchive(keepingDays: 10, today: "2026-07-01") == ["2026-06-01", "2026-06-20"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.archive).sorted() == ["2026-05-01", "2026-06-30"])
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("keep.txt").path))
        #expect(try store.ledger().map(\.claimName) == claims)
        #expect(try folders.pruneArchive(keepingDays: 10, today: "2026-07-01").isEmpty)
    }
}

struct SystemdNotifierTests {
    @Test func sendsDatagramsToTheNotifySocket() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd); unlink(path) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "30000000"])
        #expect(notifier.watchdogInterval == .seconds(30))
        notifier.ready(status: "queue 0")
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = recv(fd, &buffer, buffer.count, 0)
        #expect(String(decoding: buffer[0..<max(0, count)], as: UTF8.self) == "READY=1\nSTATUS=queue 0")
    }

    @Test func withoutSystemdNothingIsSent() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isActive)
        #expect(!notifier.send("READY=1"))
        #expect(notifier.watchdogInterval == nil)
    }
}
