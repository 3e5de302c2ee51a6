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

    public init() {}

    public var recorded: Int { entries.filter { $0.fate == .recorded }.count }
    public var duplicates: Int { entries.filter { $0.fate == .duplicate }.count }
    public var failed: Int { entries.filter { $0.fate == .failed }.count }
    /// Claims whose file changed while it was read: left in `processing/`, to be read again once settled.
    public var unsettled: [String] = []

    mutating func add(_ other: IngestSummary) {
        entries += other.entries
        for (day, topics) in other.touched { touched[day, default: []].formUnion(topics) }
        unsettled += other.unsettled
    }
}

/// A file to be read under a claim: where it is, the claim that identifies it
/// in the ledger, and the name the user gave it.
public struct IngestClaim: Sendable {
    public var path: String
    public var claimName: String
    public var name: String

    public init(path: String, claimName: String, name: String) {
        self.path = path
        self.claimName = claimName
        self.name = name
    }
}

/// A chunk read and understood, waiting to be recorded.
public struct ReadChunk: Sendable {
    /// Claims already in the ledger (decided before a crash): only their move is left.
    var decided: [LedgerEntry]
    var outcomes: [IngestOutcome]
    /// Claims whose file changed while it was read.
    var unsettled: [String]
    var readTime: Duration

    var claims: [String] { decided.map(\.claimName) + outcomes.map(\.file.claimName) }
    public var isEmpty: Bool { decided.isEmpty && outcomes.isEmpty && unsettled.isEmpty }
}

/// Turns claimed files into recorded outcomes in two stages that overlap:
/// reading and tagging a chunk in parallel on every core, and recording the
/// previous chunk from one writer in one transaction, then moving each of
/// its files to the archive or to `failed/`. At most two chunks are in
/// memory whatever the size of a burst.
public final class IngestEngine: Sendable {
    public let folders: QueueFolders
    public let store: Store
    /// Per-site chrome learned from the files recorded so far.
    public let templates: SiteTemplateStore
    let state: Mutex<(pipeline: Pipeline, settings: Settings)>
    let logger: Logger
    /// How many times each claim was found changing while it was read.
    let changeCounts = Mutex<[String: Int]>([:])
    /// Reads of a changing file before it fails as still being written.
    static let readsOfAChangingFile = 3
    /// The longest reading and tagging of one file; a legal file takes seconds.
    static let readingTimeLimit = Duration.seconds(90)
    /// When a file last finished being read, in monotonic seconds: the daemon's sign of progress.
    let lastProgress = Atomic<Int64>(MonotonicClock.seconds())
    /// Where the blocking part of recording a chunk runs (see `onRecordingThread`).
    let recordingQueue = DispatchQueue(label: "marsad.recording")

    public init(settings: Settings, pipeline: Pipeline, store: Store, logger: Logger) {
        folders = QueueFolders(settings: settings)
        self.store = store
        templates = SiteTemplateStore(store: store)
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
        defer { lastProgress.store(MonotonicClock.seconds(), ordering: .relaxed) }
        let (pipeline, settings) = state.withLock { ($0.pipeline, $0.settings) }
        let bytes: [UInt8], file: ClaimedFile
        switch load(path: path, claimName: claimName, name: name, firstSeen: firstSeen, mayWait: mayWait, settings: settings) {
        case .decided(let outcome): return outcome
        case .loaded(let loadedBytes, let loadedFile): (bytes, file) = (loadedBytes, loadedFile)
        }
        let result = TimeLimit.run(Self.readingTimeLimit) { [self] in
            understand(bytes, file: file, path: path, pipeline: pipeline, settings: settings)
        }
        if let document = try? result?.get() { templates.hold(document.siteEvidence, claim: file.claimName) }
        return conclude(file, result, settings: settings)
    }

    private enum Loaded {
        /// Failed, or nil: changed while it was read, to be read again once settled.
        case decided(IngestOutcome?)
        case loaded([UInt8], ClaimedFile)
    }

    /// The file's bytes and the claimed file they make.
    private func load(
        path: String, claimName: String, name: String, firstSeen: Date, mayWait: Bool, settings: Settings
    ) -> Loaded {
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
                if reads < Self.readsOfAChangingFile { return .decided(nil) }
                changeCounts.withLock { $0[claimName] = nil }
                message = "the file kept changing while it was being read, \(reads) times, each after it had stayed unchanged "
                    + "for the settle time: it is still being written. Write it elsewhere and move it into the inbox when complete"
            }
            let file = unhashedFile(path: path, claimName: claimName, name: name, firstSeen: firstSeen)
            return .decided(.failed(file, stage: PipelineStage.read.rawValue, message: message))
        }
        return .loaded(bytes, ClaimedFile(
            claimName: claimName, name: name, size: bytes.count, sha256: SHA256.hex(bytes), firstSeen: firstSeen
        ))
    }

    private func unhashedFile(path: String, claimName: String, name: String, firstSeen: Date) -> ClaimedFile {
        var info = stat()
        let size = lstat(path, &info) == 0 ? Int(info.st_size) : 0
        return ClaimedFile(claimName: claimName, name: name, size: size, sha256: nil, firstSeen: firstSeen)
    }

    /// Reading a file's bytes into articles, the part under the time limit
    /// (with the site templates it reads from the store).
    private func understand(
        _ bytes: [UInt8], file: ClaimedFile, path: String, pipeline: Pipeline, settings: Settings
    ) -> Result<ProcessedDocument, PipelineFailure> {
        let book = (try? templates.book()) ?? .empty
        return pipeline.processDocument(
            bytes, fileName: file.name, templates: book, savedAt: FileAccess.modificationTime(atPath: path), timeZone: settings.timeZone
        )
    }

    /// The outcome of an understood file, or of one given up past the time limit (`result` nil).
    /// No effect of its own: the caller holds the page's site evidence for a result it keeps.
    private func conclude(
        _ file: ClaimedFile, _ result: Result<ProcessedDocument, PipelineFailure>?, settings: Settings
    ) -> IngestOutcome {
        switch result {
        case nil:
            return Self.givenUp(file, stage: .parse)
        case .success(let document):
            let zone = settings.timeZone
            return .processed(file, document.articles.map { article in
                (article, ArticleDay.day(published: article.article.published, ingestedAt: file.firstSeen, timeZone: zone))
            }, warnings: document.warnings)
        case .failure(let failure):
            return .failed(file, stage: failure.stage.rawValue, message: failure.message)
        }
    }

    private static func givenUp(_ file: ClaimedFile, stage: PipelineStage) -> IngestOutcome {
        .failed(file, stage: stage.rawValue, message: """
            reading took longer than \(readingTimeLimit.components.seconds) s (the limit for one file); it was given up \
            so that it cannot hold up the other files
            """)
    }

    /// The claims of files in `processing/`.
    public func processingClaims(_ claimNames: [String]) -> [IngestClaim] {
        claimNames.map {
            IngestClaim(path: folders.processingPath($0), claimName: $0, name: folders.originalName(ofClaim: $0))
        }
    }

    /// Stage one: reads and tags a chunk on every core. Claims the ledger
    /// already knows are set aside for their move only.
    /// With `mayWait`, a file that changed while it was read is left in `processing/` to settle
    /// (the daemon); without, it fails (a command, which cannot wait).
    public func read(_ claims: [IngestClaim], firstSeen: Date = Date(), mayWait: Bool = true) async throws -> ReadChunk {
        let clock = ContinuousClock()
        let start = clock.now
        let decided = try store.entries(claimNames: claims.map(\.claimName))
        let toRead = claims.filter { decided[$0.claimName] == nil }
        let (pipeline, settings) = state.withLock { ($0.pipeline, $0.settings) }
        let reading = ChunkReading(count: toRead.count)
        // One lane per core, each reading file after file on one thread: no hand-off between
        // threads per file, and the cooperative threads stay free while a chunk is read.
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(settings.effectiveWorkers, toRead.count) {
                group.addTask { [self] in
                    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                        TimeLimit.threads.run({ [self] in
                            readLane(toRead, reading, firstSeen: firstSeen, mayWait: mayWait, pipeline: pipeline, settings: settings)
                        }, then: { continuation.resume() })
                    }
                }
            }
        }
        let results = reading.results
        return ReadChunk(
            decided: claims.compactMap { decided[$0.claimName] }, outcomes: results.compactMap { $0 },
            unsettled: zip(toRead, results).filter { $0.1 == nil }.map(\.0.claimName), readTime: clock.now - start
        )
    }

    /// Reads the chunk's files one after another until none is left, each within the time limit.
    private func readLane(
        _ claims: [IngestClaim], _ reading: ChunkReading, firstSeen: Date, mayWait: Bool, pipeline: Pipeline, settings: Settings
    ) {
        // Only a result the lane keeps has effects (the site's evidence held for learning,
        // progress for the watchdog): work given up may finish much later, or never, after
        // its file was failed.
        TimeLimit.runEach(
            Self.readingTimeLimit, next: reading.next,
            deliver: { [self] index, read in
                if let document = read.document { templates.hold(document.siteEvidence, claim: claims[index].claimName) }
                reading.deliver(index, read.outcome)
                lastProgress.store(MonotonicClock.seconds(), ordering: .relaxed)
            },
            gaveUp: { [self] index in
                let claim = claims[index]
                if let file = reading.loadedFile(index) {
                    reading.deliver(index, Self.givenUp(file, stage: .parse))
                } else {
                    let file = unhashedFile(path: claim.path, claimName: claim.claimName, name: claim.name, firstSeen: firstSeen)
                    reading.deliver(index, Self.givenUp(file, stage: .read))
                }
                lastProgress.store(MonotonicClock.seconds(), ordering: .relaxed)
            }
        ) { [self] index -> LaneRead in
            let claim = claims[index]
            switch load(
                path: claim.path, claimName: claim.claimName, name: claim.name, firstSeen: firstSeen, mayWait: mayWait, settings: settings
            ) {
            case .decided(let outcome):
                return LaneRead(outcome: outcome, document: nil)
            case .loaded(let bytes, let file):
                reading.loaded(index, file)
                let result = understand(bytes, file: file, path: claim.path, pipeline: pipeline, settings: settings)
                return LaneRead(outcome: conclude(file, result, settings: settings), document: try? result.get())
            }
        }
    }

    /// A file's outcome as a reading lane finds it, with the document read, whose site evidence is held once kept.
    private struct LaneRead: Sendable {
        let outcome: IngestOutcome?
        let document: ProcessedDocument?
    }

    /// Stage two: records a chunk in one transaction on the store's writer
    /// (off the threads that read), then, when `moveFiles`, moves each file
    /// where its committed fate says.
    public func record(_ chunk: ReadChunk, moveFiles: Bool = true, logEntries: Bool = true) async throws -> IngestSummary {
        if moveFiles && !chunk.decided.isEmpty {
            try await onRecordingThread { [self] in
                for entry in chunk.decided { try finish(entry) }
            }
        }
        var summary = IngestSummary()
        summary.entries = chunk.decided
        summary.unsettled = chunk.unsettled
        guard !chunk.outcomes.isEmpty else { return summary }
        let clock = ContinuousClock()
        let recordStart = clock.now
        let report = try await store.recordInBackground(chunk.outcomes)
        return try await onRecordingThread { [self, summary] in
            var summary = summary
            let entries = report.entries
            // What a chunk teaches about its sites is a bonus: failing to keep it loses no file.
            let learnStart = clock.now
            do { try templates.learn(from: entries) } catch { logger.warning("site templates not updated: \(error)") }
            let moveStart = clock.now
            defer {
                let perArticle = report.articles > 0 ? report.transactionTime / report.articles : .zero
                logger.debug("""
                    chunk of \(chunk.outcomes.count): read and tag \(chunk.readTime), record \(learnStart - recordStart) \
                    (transaction \(report.transactionTime), on a core \(report.transactionCPUTime), for \(report.articles) \
                    articles, \(perArticle) each), \
                    learn site templates \(moveStart - learnStart), move \(clock.now - moveStart)
                    """)
            }
            for (outcome, entry) in zip(chunk.outcomes, entries) {
                if moveFiles { try finish(entry) }
                summary.entries.append(entry)
                if logEntries { log(entry) }
                if entry.fate == .recorded, case .processed(_, let articles, _) = outcome {
                    for (article, day) in articles {
                        summary.touched[day, default: []].formUnion(article.tags.topics.map(\.id))
                    }
                }
            }
            return summary
        }
    }

    /// Learning site templates and moving files block their thread for a while per chunk. Off the
    /// cooperative threads, which the readers hold while they wait for each file's reading thread,
    /// they would leave one core without a reader for that while.
    private func onRecordingThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            recordingQueue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Processes claimed files (already in `processing/`) and records them, one chunk, both stages.
    public func ingest(claims: [String]) async throws -> IngestSummary {
        guard !claims.isEmpty else { return IngestSummary() }
        return try await record(read(processingClaims(claims)))
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
            if let notes = entry.notes { logger.notice("read \(entry.name) with a note: \(notes)") }
        case .duplicate:
            logger.info("duplicate \(entry.name): same content as file #\(entry.duplicateOf ?? 0)")
        case .failed:
            logger.warning("failed \(entry.name) at \(entry.stage ?? "read"): \(entry.error ?? "")")
        }
    }
}

/// The files of a chunk handed out to the reading lanes, and what each became.
final class ChunkReading: Sendable {
    private struct State {
        var next = 0
        var outcomes: [IngestOutcome??]
        /// Files read and hashed, for the outcome of one given up while being understood.
        var loaded: [Int: ClaimedFile] = [:]
    }
    private let count: Int
    private let state: Mutex<State>

    init(count: Int) {
        self.count = count
        state = Mutex(State(outcomes: Array(repeating: nil, count: count)))
    }

    @Sendable func next() -> Int? {
        state.withLock { state in
            guard state.next < count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    @Sendable func deliver(_ index: Int, _ outcome: IngestOutcome?) {
        state.withLock { state in
            state.outcomes[index] = .some(outcome)
            state.loaded[index] = nil
        }
    }

    func loaded(_ index: Int, _ file: ClaimedFile) {
        state.withLock { $0.loaded[index] = file }
    }

    func loadedFile(_ index: Int) -> ClaimedFile? {
        state.withLock { $0.loaded[index] }
    }

    /// Each file's outcome once all were delivered: nil for one that changed while it was read.
    var results: [IngestOutcome?] {
        state.withLock { $0.outcomes.map { $0 ?? nil } }
    }
}

/// Keeps one chunk being recorded while the next is read: the two stages of
/// `IngestEngine` overlap, and at most two chunks are held.
public struct IngestPipeline: Sendable {
    let engine: IngestEngine
    let moveFiles: Bool
    let logEntries: Bool
    let mayWait: Bool
    private var writing: (claims: [String], task: Task<IngestSummary, any Error>)?

    /// Recording a chunk failed; its claims are still in `processing/` (the daemon retries them).
    public struct RecordingFailed: Error, CustomStringConvertible {
        public var claims: [String]
        public var underlying: any Error
        public var description: String { "\(underlying)" }
    }

    /// `marsad ingest` leaves files where they are (`moveFiles` false), prints its own
    /// lines (`logEntries` false) and cannot wait for a changing file to settle.
    public init(engine: IngestEngine, moveFiles: Bool = true, logEntries: Bool = true, mayWait: Bool = true) {
        self.engine = engine
        self.moveFiles = moveFiles
        self.logEntries = logEntries
        self.mayWait = mayWait
    }

    public var isWriting: Bool { writing != nil }

    /// Reads `claims` while the previous chunk is being recorded; starts
    /// recording them and returns the outcome of the previous chunk, if any.
    /// `whenRead` runs once the chunk is read, before waiting for the previous
    /// chunk's recording: the reading threads are idle from then until it ends.
    public mutating func submit(
        _ claims: [IngestClaim], firstSeen: Date = Date(), whenRead: () -> Void = {}
    ) async throws -> IngestSummary? {
        let chunk = try await engine.read(claims, firstSeen: firstSeen, mayWait: mayWait)
        whenRead()
        let previous = try await drain()
        if !chunk.isEmpty {
            let engine = engine, moveFiles = moveFiles, logEntries = logEntries
            writing = (chunk.claims, Task { try await engine.record(chunk, moveFiles: moveFiles, logEntries: logEntries) })
        }
        return previous
    }

    /// Waits for the chunk being recorded, if any.
    public mutating func drain() async throws -> IngestSummary? {
        guard let (claims, task) = writing else { return nil }
        writing = nil
        do {
            return try await task.value
        } catch {
            throw RecordingFailed(claims: claims, underlying: error)
        }
    }
}
