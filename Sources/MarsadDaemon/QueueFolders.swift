#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadCore
import MarsadStore

/// The maildir-style folders: files are claimed from the inbox by an atomic
/// rename into `processing/`, and leave it only after their fate is committed.
public struct QueueFolders: Sendable {
    public let inbox: String
    public let processing: String
    public let archive: String
    public let failed: String
    public let claimedNames: String
    public let recovering: String
    public let afterSuccess: AfterSuccess
    public let timeZone: TimeZone

    public init(settings: Settings) {
        inbox = settings.inbox.path
        processing = settings.processing.path
        archive = settings.archive.path
        failed = settings.failed.path
        claimedNames = settings.claimedNames.path
        recovering = settings.recovering.path
        afterSuccess = settings.afterSuccess
        timeZone = settings.timeZone
    }

    public func create() throws {
        for folder in [inbox, processing, archive, failed, claimedNames, recovering] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    /// The longest name a Linux file system takes (NAME_MAX).
    public static let nameMax = 255

    /// Names a writer is still busy with, by the usual conventions.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part")
            || name.hasSuffix(".crdownload") || name.hasSuffix("~")
    }

    public static func isIgnored(_ name: EntryName) -> Bool {
        name.bytes.first == UInt8(ascii: ".") || isIgnored(name.display)
    }

    /// The inbox entries worth claiming, oldest first, with their modification times and sizes.
    public func candidates() -> [(name: EntryName, modified: Date, size: Int)] {
        guard let names = EntryName.list(inbox) else { return [] }
        return Self.observe(names.filter { !Self.isIgnored($0) }, in: inbox).sorted {
            $0.modified != $1.modified ? $0.modified < $1.modified : $0.name.bytes.lexicographicallyPrecedes($1.name.bytes)
        }
    }

    /// Claims still in `processing/`, with their modification times and sizes.
    public func observe(claims: [EntryName]) -> [(name: EntryName, modified: Date, size: Int)] {
        Self.observe(claims, in: processing)
    }

    /// Inbox entries, with their modification times and sizes; those gone are left out.
    public func observe(inbox names: [EntryName]) -> [(name: EntryName, modified: Date, size: Int)] {
        Self.observe(names, in: inbox)
    }

    /// What an inbox entry announced as created is, as far as its settling goes.
    public enum Appearance: Equatable, Sendable {
        /// A file under its only name (still being written, to be claimed at its close), or a folder
        /// (which may still be filling: the scans decide it once it has stayed the same).
        case notLinked
        /// A symbolic link, named pipe or socket: made whole in one step and never closed after writing,
        /// so waiting gains nothing; it is decided (and refused, with its reason) at once.
        case notAFile
        /// A hard link of a file whose content last changed at least one settle time before the link was made: complete, claimable now.
        case linkedAndSettled
        /// A hard link of a file changed within the settle time before the link (or dated ahead of it): watched until it settles.
        case linkedAndRecent
    }

    /// A hard link of a file that has another name too arrives complete, with no close or move
    /// event, unlike a file still being written under its only name, which must wait for its close.
    /// Making the link stamps the file's change time; its last write stamped its modification time.
    /// Both come from one clock, the file system's (a file server's, on a shared folder), so a link
    /// made at least one settle time after the file's last write is as settled as one watched that
    /// long, whatever our own clock says; any later write moves both stamps together.
    public func appearance(inbox name: EntryName, settleTime: Duration) -> Appearance {
        var info = stat()
        guard lstat(name.path(in: inbox), &info) == 0 else { return .notLinked }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK, S_IFIFO, S_IFSOCK: return .notAFile
        default: return .notLinked
        }
        guard info.st_nlink > 1 else { return .notLinked }
        let changed = Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        let settle = Double(settleTime.components.seconds) + Double(settleTime.components.attoseconds) / 1e18
        // A file dated ahead of its link says nothing about its last write: it is watched.
        return changed - modified >= settle ? .linkedAndSettled : .linkedAndRecent
    }

    static func observe(_ names: [EntryName], in folder: String) -> [(name: EntryName, modified: Date, size: Int)] {
        var found: [(name: EntryName, modified: Date, size: Int)] = []
        for name in names {
            var info = stat()
            guard lstat(name.path(in: folder), &info) == 0 else { continue }
            let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
            found.append((name, modified, Int(info.st_size)))
        }
        return found
    }

    /// Claim names are unique, so two drops of the same name never collide
    /// in `processing/`, and a claim is recognisable in the ledger after a crash.
    /// They fit NAME_MAX: a name too long to follow the prefix is shortened
    /// (the full one is kept in `names/` until the file's fate is recorded).
    public static func claimName(for name: String, sequence: UInt64, now: Date = Date()) -> String {
        let stamp = UInt64(now.timeIntervalSince1970 * 1_000_000)
        let prefix = "\(String(stamp, radix: 36)).\(getpid()).\(sequence)--"
        return prefix + EntryName.fitted(name, maxBytes: nameMax - prefix.utf8.count)
    }

    /// The user's name in a claim name: what follows the prefix's "--". Found by bytes, as a name
    /// that opens with a combining mark joins the dash before it into one Character.
    public static func nameInClaim(_ claimName: String) -> String {
        let bytes = claimName.utf8
        var previousWasDash = false
        for index in bytes.indices {
            let isDash = bytes[index] == UInt8(ascii: "-")
            if isDash && previousWasDash { return String(decoding: bytes[bytes.index(after: index)...], as: UTF8.self) }
            previousWasDash = isDash
        }
        return claimName
    }

    /// Whether a claim's name may have been shortened, its full name then kept in `names/`: a
    /// shortened name always holds the marker `EntryName.fitted` puts in (U+2026, E2 80 A6 in
    /// UTF-8). Most claims do not, and need no look-up in `names/` at all.
    static func mayBeShortened(_ claimName: String) -> Bool {
        var claimName = claimName
        return claimName.withUTF8 { bytes in
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6 { return true }
                index += 1
            }
            return false
        }
    }

    /// The name the user gave a claimed file, shown escaped when it is not valid UTF-8.
    public func originalName(ofClaim claimName: String) -> String {
        // Most claims keep their whole name and have no record: their name says so, and a claim
        // that may have one is read with one open, where FileManager cost more than the rest of
        // claiming a file.
        guard Self.mayBeShortened(claimName) else { return Self.nameInClaim(claimName) }
        let fd = open(claimedNames + "/" + claimName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return Self.nameInClaim(claimName) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        if let name = String(validating: bytes, as: UTF8.self), !name.isEmpty { return name }
        return Self.nameInClaim(claimName)
    }

    /// Moves an inbox entry into `processing/`; nil when it vanished or was claimed by someone else.
    /// Throws when the move itself fails (`var/` read-only or full, say): the entry stays in the inbox.
    public func claim(_ name: EntryName, sequence: UInt64) throws -> String? {
        let display = name.display
        let claimName = Self.claimName(for: display, sequence: sequence)
        // Bytes, not String equality: a name and its canonical equivalent are different files.
        let shortened = !Self.nameInClaim(claimName).utf8.elementsEqual(display.utf8)
        // The full name is made durable before the claim, so that recovery after a crash still knows it.
        if shortened { writeDurably(Array(display.utf8), to: claimedNames + "/" + claimName) }
        guard rename(name.path(in: inbox), processing + "/" + claimName) == 0 else {
            let code = errno
            if shortened { unlink(claimedNames + "/" + claimName) }
            if code == ENOENT { return nil }
            throw QueueError(message: "cannot move \(display) into \(processing): \(String(cString: strerror(code)))")
        }
        return claimName
    }

    /// Whether a claim was already being recovered when the daemon stopped: it was then in
    /// processing/ at two deaths of the daemon in a row.
    public func wasBeingRecovered(_ claimName: String) -> Bool {
        var info = stat()
        return lstat(recovering + "/" + claimName, &info) == 0
    }

    /// Marks a claim, durably, as being recovered now; the mark goes when its fate is recorded.
    public func markRecovering(_ claimName: String) {
        writeDurably([], to: recovering + "/" + claimName, folder: recovering)
    }

    func writeDurably(_ bytes: [UInt8], to path: String, folder: String? = nil) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        let folder = open(folder ?? claimedNames, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Forgets full names and recovery marks whose claims are gone (claimed by a run that crashed
    /// before the rename, say).
    public func forgetNamesOfVanishedClaims() {
        let claims = Set(leftInProcessing())
        for folder in [claimedNames, recovering] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !claims.contains(name) {
                unlink(folder + "/" + name)
            }
        }
    }

    /// Entries left in `processing/` by an earlier run, to be recovered.
    public func leftInProcessing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: processing)) ?? []).sorted()
    }

    public func processingPath(_ claimName: String) -> String { processing + "/" + claimName }

    /// Makes the renames into `processing/` durable before their fate is recorded.
    public func syncProcessing() {
        let fd = open(processing, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Moves a claimed file to where its committed fate says it belongs.
    /// Safe to repeat: after a crash it is called again for the same entry.
    public func finalize(_ entry: LedgerEntry) throws {
        let source = processingPath(entry.claimName)
        var info = stat()
        guard lstat(source, &info) == 0 else { return }
        defer {
            if Self.mayBeShortened(entry.claimName) { unlink(claimedNames + "/" + entry.claimName) }
            unlink(recovering + "/" + entry.claimName)
        }
        switch entry.fate {
        case .recorded, .duplicate:
            if afterSuccess == .delete {
                try removeEntry(source, isDirectory: info.st_mode & S_IFMT == S_IFDIR)
                return
            }
            let day = ArticleDay.format(entry.decidedAt, timeZone: timeZone)
            let folder = archive + "/" + day
            // The day's folder is usually there already: the move is tried first, and the folder
            // made only when the move finds it missing, rather than a failing mkdir per file.
            let target = freePath(in: folder, name: entry.name, id: entry.id ?? 0)
            guard rename(source, target) != 0 else { return }
            let code = errno
            guard code == ENOENT else {
                throw QueueError(message: "cannot move \(source) to \(target): \(String(cString: strerror(code)))")
            }
            if mkdir(folder, 0o777) != 0 && errno != EEXIST {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try move(source, to: target)
        case .failed:
            let target = freePath(in: failed, name: entry.name, id: entry.id ?? 0)
            try FailureSidecar(entry: entry).write(to: target + FailureSidecar.suffix)
            try move(source, to: target)
        }
    }

    /// The original name when free, else the name with the ledger id before its extension;
    /// shortened so that the name, the id and the sidecar's suffix fit NAME_MAX together.
    func freePath(in folder: String, name: String, id: Int64) -> String {
        let name = EntryName.fitted(name, maxBytes: Self.nameMax - FailureSidecar.suffix.utf8.count - ".\(Int64.max)".utf8.count)
        let plain = folder + "/" + name
        var info = stat()
        if lstat(plain, &info) != 0 && lstat(plain + FailureSidecar.suffix, &info) != 0 { return plain }
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let stem = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[$0...]) } ?? ""
        return folder + "/" + stem + ".\(id)" + ext
    }

    func move(_ source: String, to target: String) throws {
        guard rename(source, target) == 0 else {
            throw QueueError(message: "cannot move \(source) to \(target): \(String(cString: strerror(errno)))")
        }
    }

    func removeEntry(_ path: String, isDirectory: Bool) throws {
        let result = isDirectory ? rmdir(path) : unlink(path)
        if result != 0 && errno != ENOENT {
            throw QueueError(message: "cannot delete \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Deletes the archive's day folders more than `keepingDays` days before
    /// `today` and returns their days. Only files go: the ledger keeps their
    /// rows, so a file dropped again is still known by its content.
    public func pruneArchive(keepingDays days: Int, today: String) throws -> [String] {
        guard let cutoff = ArticleDay.adding(days: -days, to: today) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: archive)) ?? []
        var removed: [String] = []
        for day in names.sorted() where ArticleDay.isDay(day) && day < cutoff {
            let folder = archive + "/" + day
            var info = stat()
            // A link is never followed, even one someone put in place of a day folder.
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            try FileManager.default.removeItem(atPath: folder)
            removed.append(day)
        }
        return removed
    }

    /// Moves failed files back into the inbox (all of them when `names` is empty); returns the names moved.
    /// Every name must be the plain name of a failed file (not a sidecar, no folder part): otherwise
    /// nothing at all is moved, so that a mistyped or hostile name cannot reach outside `failed/`.
    public func requeue(_ names: [String]) throws -> [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: failed)) ?? []
        let chosen = names.isEmpty ? all.filter { !$0.hasSuffix(FailureSidecar.suffix) } : names
        for name in chosen {
            if let problem = Self.requeueProblem(name) {
                throw QueueError(message: "cannot requeue '\(name)': \(problem)")
            }
            var info = stat()
            guard lstat(failed + "/" + name, &info) == 0 else {
                throw QueueError(message: "no failed file named '\(name)' in \(failed)")
            }
        }
        var moved: [String] = []
        for name in chosen.sorted() {
            let source = failed + "/" + name
            let original = FailureSidecar.originalName(forFailed: name, sidecarPath: source + FailureSidecar.suffix)
            // A sidecar is ours, but the inbox name it gives must still be a plain name.
            let inboxName = Self.requeueProblem(original) == nil ? original : name
            try move(source, to: freePathForInbox(inbox + "/" + inboxName))
            unlink(source + FailureSidecar.suffix)
            moved.append(name)
        }
        return moved
    }

    /// Why `name` is not the plain name of a file in one folder, or nil when it is.
    static func requeueProblem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name == "." || name == ".." { return "'.' and '..' name folders, not failed files" }
        if name.utf8.contains(UInt8(ascii: "/")) { return "give the plain name of a file in failed/, without a folder" }
        if name.utf8.contains(0) { return "the name contains a NUL byte" }
        if name.hasSuffix(FailureSidecar.suffix) { return "that is a sidecar; give the name of the failed file beside it" }
        return nil
    }

    func freePathForInbox(_ path: String) -> String {
        var candidate = path
        var counter = 1
        var info = stat()
        while lstat(candidate, &info) == 0 {
            candidate = path + ".\(counter)"
            counter += 1
        }
        return candidate
    }

    /// Files waiting in the inbox and in `processing/`.
    public func depth() -> (inbox: Int, processing: Int, failed: Int) {
        let fm = FileManager.default
        let inboxCount = (EntryName.list(inbox) ?? []).filter { !Self.isIgnored($0) }.count
        let processingCount = ((try? fm.contentsOfDirectory(atPath: processing)) ?? []).count
        let failedCount = ((try? fm.contentsOfDirectory(atPath: failed)) ?? []).filter { !$0.hasSuffix(FailureSidecar.suffix) }.count
        return (inboxCount, processingCount, failedCount)
    }
}

public struct QueueError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// `NAME.error.json` beside a failed file: what went wrong, in plain words.
struct FailureSidecar: Codable {
    static let suffix = ".error.json"
    var file: String
    var sha256: String?
    var size: Int
    var stage: String
    var error: String
    var firstSeen: String
    var attempts: Int
    var failedAt: String

    enum CodingKeys: String, CodingKey {
        case file, sha256, size, stage, error, attempts
        case firstSeen = "first_seen"
        case failedAt = "failed_at"
    }

    init(entry: LedgerEntry) {
        let formatter = ISO8601DateFormatter()
        file = entry.name
        sha256 = entry.sha256
        size = entry.size
        stage = entry.stage ?? "read"
        error = entry.error ?? "unknown error"
        firstSeen = formatter.string(from: entry.firstSeen)
        attempts = entry.attempts
        failedAt = formatter.string(from: entry.decidedAt)
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        try AtomicFile.write(data, to: path)
    }

    static func originalName(forFailed name: String, sidecarPath: String) -> String {
        guard let data = FileManager.default.contents(atPath: sidecarPath),
              let sidecar = try? JSONDecoder().decode(FailureSidecar.self, from: data)
        else { return name }
        return sidecar.file
    }
}

/// Paths split at their last "/" byte. Foundation's path methods work on Characters, and a
/// name that opens with a combining mark joins the "/" before it into one, so they miss it.
public enum PathBytes {
    /// The folder and the name of `path`: "." for a bare name's folder, "/" for the root's.
    public static func split(_ path: String) -> (folder: String, name: String) {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let folder = slash == bytes.startIndex ? "/" : String(decoding: bytes[..<slash], as: UTF8.self)
        return (folder, String(decoding: bytes[bytes.index(after: slash)...], as: UTF8.self))
    }
}

/// Writes a file whole or not at all: a temporary file in the same folder, then a rename.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let (folder, name) = PathBytes.split(path)
        let temp = folder + "/.\(name).\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw QueueError(message: "cannot write \(temp): \(String(cString: strerror(errno)))") }
        let written = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
        fsync(fd)
        close(fd)
        guard written, rename(temp, path) == 0 else {
            unlink(temp)
            throw QueueError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
