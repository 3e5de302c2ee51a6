import Foundation
import Logging
import MarsadCore
import MarsadStore
import MarsadTagging

/// Makes a new database from the files kept in `archive/`, for when the old
/// one is damaged or lost: every recorded or duplicate file is kept there, so
/// re-reading them brings back the articles, their tags and the digests. The
/// old database is renamed aside, never deleted; `failed/` is left as it is.
public struct DatabaseRebuilder {
    public struct Summary: Sendable {
        public var files = 0
        public var recorded = 0
        public var duplicates = 0
        public var failed = 0
        public var days: [String] = []
        /// Where the old database went, when there was one.
        public var keptAside: String?
    }

    let settings: Settings
    let logger: Logger

    public init(settings: Settings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    public func rebuild(now: Date = Date()) throws -> Summary {
        try FileManager.default.createDirectory(at: settings.state, withIntermediateDirectories: true)
        // No daemon may write meanwhile; holding its lock also keeps one from starting.
        let lock = try InstanceLock(stateFolder: settings.state.path)
        lock.write(health: "rebuilding the database from archive/")
        var summary = Summary()
        summary.keptAside = try moveAside(now: now)

        let taxonomy = try settings.loadTaxonomy()
        let store = try Store(path: settings.database.path)
        try store.syncEntities(taxonomy.entities)
        let engine = IngestEngine(settings: settings, pipeline: Settings.makePipeline(taxonomy: taxonomy), store: store, logger: logger)
        let files = archivedFiles()
        summary.files = files.count
        var days = Set<String>()
        for start in stride(from: 0, to: files.count, by: max(1, settings.batchSize)) {
            let chunk = files[start..<min(start + settings.batchSize, files.count)]
            let outcomes = chunk.map { file in
                engine.outcome(path: file.path, claimName: "rebuild/\(file.day)/\(file.name)", name: file.name, firstSeen: file.decided)
            }
            for (outcome, entry) in zip(outcomes, try store.record(outcomes, now: now)) {
                switch entry.fate {
                case .recorded:
                    summary.recorded += 1
                    if case .processed(_, let articles, _) = outcome { days.formUnion(articles.map(\.day)) }
                case .duplicate: summary.duplicates += 1
                case .failed:
                    summary.failed += 1
                    logger.warning("archived file \(entry.name) could not be read again: \(entry.error ?? "")")
                }
            }
        }
        let writer = DigestWriter(
            store: store, topics: taxonomy.topics, directory: settings.digests.path, timeZone: settings.timeZone,
            outlets: taxonomy.outlets
        )
        summary.days = days.sorted()
        for day in summary.days { _ = try writer.write(day: day) }
        return summary
    }

    /// The database and its WAL and shared-memory files renamed with a date, so nothing of them is lost.
    func moveAside(now: Date) throws -> String? {
        let path = settings.database.path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let aside = path + ".before-rebuild-" + formatter.string(from: now)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard rename(path + suffix, aside + suffix) == 0 else {
                throw QueueError(message: "cannot move \(path + suffix) aside: \(String(cString: strerror(errno)))")
            }
        }
        return aside
    }

    struct ArchivedFile {
        var day: String
        var name: String
        var path: String
        var modified: Date
        /// Noon of the archive day: the files of a day were decided on it, which dates articles without a date of their own.
        var decided: Date
    }

    /// The files of `archive/DAY/`, in the order they most likely arrived.
    func archivedFiles() -> [ArchivedFile] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        var files: [ArchivedFile] = []
        let archive = settings.archive.path
        for day in ((try? FileManager.default.contentsOfDirectory(atPath: archive)) ?? []).sorted() {
            let parts = day.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3,
                  let noon = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
            else { continue }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: archive + "/" + day)) ?? [] where !name.hasPrefix(".") {
                let path = archive + "/" + day + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
                files.append(ArchivedFile(day: day, name: name, path: path, modified: modified, decided: noon))
            }
        }
        return files.sorted { ($0.day, $0.modified, $0.name) < ($1.day, $1.modified, $1.name) }
    }
}
