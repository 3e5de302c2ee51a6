import Foundation
import Logging
import MarsadCore
import MarsadStore
import Synchronization

/// What one recorded chunk changed, for the digest scheduler.
public struct IngestSummary: Sendable {
    public var entries: [LedgerEntry] = []
    /// Days with new articles, and the topics those articles carry.
    public var touched: [String: Set<String>] = [:]

    public var recorded: Int { entries.filter { $0.fate == .recorded }.count }
    public var duplicates: Int { entries.filter { $0.fate == .duplicate }.count }
    public var failed: Int { entries.filter { $0.fate == .failed }.count }
    /// Claims whose file changed while it was read: left in `processing/`, to be read again once settled.
    public var unsettled: [String] = []
}

/// Turns claimed files into recorded outcomes: reads and parses them in
/// parallel, records them from one writer in one transaction per chunk, and
/// only then moves each file to the archive or to `failed/`.
public final class IngestEngine: Sendable {
    public let folders: QueueFolders
    public let store: Store
    let state: Mutex<(pipeline: Pipeline, settings: Settings)>
    let logger: Logger
    /// How many times each claim was found changing while it was read.
    let changeCounts = Mutex<[String: Int]>([:])
    /// Reads of a changing file before it fails as still being written.
    static let readsOfAChangingFile = 3

    public init(settings: Settings, pipeline: Pipeline, store: Store, logger: Logger) {
        folders = QueueFolders(settings: settings)
        self.store = store
        state = Mutex((pipeline, settings))
        self.logger = logger
    }

    public var settings: Settings { state.withLock { $0.settings } }
    public var pipeline: Pipeline { state.withLock { $0.pipeline } }

    /// Swaps in a new taxonomy or tunables; work already under way finishes with the old ones.
    public func replace(pipeline: Pipeline, settings: Settings) {
        state.withLock { $0 = (pipeline, settings) }
    }

    /// Reads and understands one file; never throws: every problem becomes a failed outcome.
    public func outcome(path: String, claimName: String, name: String, firstSeen: Date) -> IngestOutcome {
        outcome(path: path, claimName: claimName, name: name, firstSeen: firstSeen, mayWait: false)!
    }

    /// As `outcome`, but nil when the file changed while it was read and may be read again once settled.
    func outcome(path: String, claimName: String, name: String, firstSeen: Date, mayWait: Bool) -> IngestOutcome? {
        let (pipeline, settings) = state.withLock { ($0.pipeline, $0.settings) }
        let bytes: [UInt8]
        do {
            bytes = try FileAccess.readRegularFile(atPath: path, maxSize: settings.maxFileSize)
            if mayWait { changeCounts.withLock { $0[claimName] = nil } }
        } catch {
            var message = error.message
            if mayWait && error.kind == .changing {
                let reads = changeCounts.withLock { counts in
                    counts[claimName, default: 0] += 1
                    return counts[claimName]!
                }
                if reads < Self.readsOfAChangingFile { return nil }
                changeCounts.withLock { $0[claimName] = nil }
                message = "the file kept changing while it was being read, \(reads) times, each after it had stayed unchanged "
                    + "for the settle time: it is still being written. Write it elsewhere and move it into the inbox when complete"
            }
            var info = stat()
            let size = lstat(path, &info) == 0 ? Int(info.st_size) : 0
            let file = ClaimedFile(claimName: claimName, name: name, size: size, sha256: nil, firstSeen: firstSeen)
            return .failed(file, stage: PipelineStage.read.rawValue, message: message)
        }
        let file = ClaimedFile(
            claimName: claimName, name: name, size: bytes.count, sha256: SHA256.hex(bytes), firstSeen: firstSeen
        )
        switch pipeline.processDocument(bytes, fileName: name) {
        case .success(let document):
            let zone = settings.timeZone
            return .processed(file, document.articles.map { article in
                (article, ArticleDay.day(published: article.article.published, ingestedAt: firstSeen, timeZone: zone))
            }, warnings: document.warnings)
        case .failure(let failure):
            return .failed(file, stage: failure.stage.rawValue, message: failure.message)
        }
    }

    /// Processes claimed files (already in `processing/`) and records them.
    public func ingest(claims: [String]) async throws -> IngestSummary {
        guard !claims.isEmpty else { return IngestSummary() }
        var pending: [IngestOutcome] = []
        var toProcess: [String] = []
        var summary = IngestSummary()
        // A claim already in the ledger was decided before a crash: only its move is left.
        for claim in claims {
            if let entry = try store.entry(claimName: claim) {
                try finish(entry)
                summary.entries.append(entry)
            } else {
                toProcess.append(claim)
            }
        }
        let workers = settings.effectiveWorkers
        let now = Date()
        let clock = ContinuousClock()
        let parseStart = clock.now
        let results = await withTaskGroup(of: (Int, IngestOutcome?).self) { group in
            var results = [IngestOutcome?](repeating: nil, count: toProcess.count)
            var next = 0
            func launch() {
                let index = next
                let claim = toProcess[index]
                next += 1
                group.addTask { [self] in
                    (index, outcome(
                        path: folders.processingPath(claim), claimName: claim,
                        name: folders.originalName(ofClaim: claim), firstSeen: now, mayWait: true
                    ))
                }
            }
            while next < min(workers, toProcess.count) { launch() }
            while let (index, outcome) = await group.next() {
                results[index] = outcome
                if next < toProcess.count { launch() }
            }
            return results
        }
        pending = results.compactMap { $0 }
        summary.unsettled = zip(toProcess, results).filter { $0.1 == nil }.map(\.0)
        let recordStart = clock.now
        let entries = try store.record(pending)
        let moveStart = clock.now
        defer {
            logger.debug("chunk of \(claims.count): read and tag \(recordStart - parseStart), record \(moveStart - recordStart), move \(clock.now - moveStart)")
        }
        for (outcome, entry) in zip(pending, entries) {
            try finish(entry)
            summary.entries.append(entry)
            log(entry)
            if entry.fate == .recorded, case .processed(_, let articles, _) = outcome {
                for (article, day) in articles {
                    summary.touched[day, default: []].formUnion(article.tags.topics.map(\.id))
                }
            }
        }
        return summary
    }

    func finish(_ entry: LedgerEntry) throws {
        do {
            try folders.finalize(entry)
        } catch {
            logger.error("recorded \(entry.name) but could not move it out of processing: \(error)")
            throw error
        }
    }

    func log(_ entry: LedgerEntry) {
        switch entry.fate {
        case .recorded:
            logger.info("recorded \(entry.name): \(entry.articleCount) article(s)")
            if let notes = entry.notes { logger.notice("read \(entry.name) only in part: \(notes)") }
        case .duplicate:
            logger.info("duplicate \(entry.name): same content as file #\(entry.duplicateOf ?? 0)")
        case .failed:
            logger.warning("failed \(entry.name) at \(entry.stage ?? "read"): \(entry.error ?? "")")
        }
    }
}
