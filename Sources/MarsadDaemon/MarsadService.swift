import Foundation
import Logging
import MarsadCore
import MarsadStore
import MarsadTagging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// MarsadDaemon owns the running system: the inbox watcher, the claim and
/// recovery protocol of the queue folders, batched ingest, debounced digest
/// writing, configuration reload and the systemd protocol. `MarsadService`
/// is its entry point, one `Service` that stops gracefully on cancellation.
public final class MarsadService: Service, Sendable {
    let engine: IngestEngine
    let configPath: String?
    let logger: Logger
    let notifier: SystemdNotifier
    let pending = PendingNames()
    let settling = Mutex(SettleTracker())
    /// Claims whose file changed while it was read, waiting in `processing/` to settle.
    let changedClaims = Mutex(SettleWatch())
    /// Inbox entries announced as created (hard links among them, which are never closed), waiting to settle.
    let appearing = Mutex(SettleWatch())
    /// How often the entries announced as created are looked at while they settle.
    static let appearingCheckInterval = Duration.milliseconds(250)
    let digests: DigestScheduler
    let counters = Mutex<(recorded: Int, duplicates: Int, failed: Int)>((0, 0, 0))
    let reloadRequested = Atomic<Bool>(false)
    /// Why files cannot be recorded or moved right now (database busy or full, disk full, `var/` read-only).
    let writeProblem = Mutex<String?>(nil)
    /// When the main loop last went round, in monotonic seconds; the watchdog pings only while it is recent.
    let heartbeat = Atomic<Int64>(0)
    let instanceLock: InstanceLock
    /// A stuck main loop is declared after this long without a round: well above the longest legal file's reading.
    static let stallLimit = Duration.seconds(120)
    /// The longest wait between attempts to record while the database or disk refuses writes.
    static let longestRetryDelay = Duration.seconds(2)
    /// After SIGTERM, how long reading in flight may go on before it is abandoned to the next start.
    static let stopGrace = Duration.seconds(3)
    let sequence = Atomic<UInt64>(0)

    public init(settings: Settings, configPath: String?, logger: Logger) throws {
        try FileManager.default.createDirectory(at: settings.state, withIntermediateDirectories: true)
        // Before anything else touches the folders: a second daemon would re-read the first one's claims.
        instanceLock = try InstanceLock(stateFolder: settings.state.path)
        for folder in [settings.inbox, settings.digests, settings.database.deletingLastPathComponent()] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let taxonomy = try settings.loadTaxonomy()
        let store = try Store.openChecked(path: settings.database.path)
        try store.syncEntities(taxonomy.entities)
        engine = IngestEngine(settings: settings, pipeline: Settings.makePipeline(taxonomy: taxonomy), store: store, logger: logger)
        try engine.folders.create()
        self.configPath = configPath
        self.logger = logger
        notifier = SystemdNotifier()
        digests = DigestScheduler(
            writer: DigestWriter(
                store: store, topics: taxonomy.topics, directory: settings.digests.path, timeZone: settings.timeZone,
                outlets: taxonomy.outlets, logger: logger
            ),
            delay: settings.digestDelay, timeZone: settings.timeZone, logger: logger
        )
    }

    public func run() async throws {
        let settings = engine.settings
        let watcher: InboxWatcher? = settings.watch == .inotify ? try InboxWatcher(directory: settings.inbox.path) : nil
        defer { watcher?.stop() }
        logger.info("marsad started: inbox \(settings.inbox.path), database \(settings.database.path), watch \(settings.watch.rawValue)")
        // Ready before recovery: finishing a big left-over file must not look like a start that hangs,
        // and the watchdog and a prompt stop must already hold while it is read.
        notifier.ready(status: statusLine())
        instanceLock.write(health: "running")
        if let interval = notifier.watchdogInterval { startWatchdog(interval: interval) }
        let stopWatch = watchForStopSignals()
        defer { stopWatch.forEach { $0.cancel() } }

        // Whatever an earlier run left in processing/ is finished before new files are claimed.
        let leftOver = engine.folders.leftInProcessing()
        if !leftOver.isEmpty {
            logger.notice("recovering \(leftOver.count) file(s) left in processing/ by an earlier run")
            try await recover(leftOver)
        }
        engine.folders.forgetNamesOfVanishedClaims()
        // A writer may still be busy with a file at start-up: files are claimed once
        // they have stayed the same for one settle time, from the next scans on.
        scan(settleTime: settings.settleTime)
        digests.resumeDue(store: engine.store)

        try await withThrowingTaskGroup(of: Void.self) { group in
            if let watcher {
                group.addTask { [pending] in
                    for await event in watcher.events {
                        switch event {
                        case .arrived(let name) where !QueueFolders.isIgnored(name):
                            pending.add(name)
                            self.appearing.withLock { $0.forget(name) }
                        case .appeared(let name) where !QueueFolders.isIgnored(name):
                            // A hard link gives no close or move event; a file still being written does, later.
                            switch self.engine.folders.appearance(inbox: name, settleTime: self.engine.settings.settleTime) {
                            case .linkedAndSettled, .notAFile: pending.add(name)
                            case .linkedAndRecent: self.appearing.withLock { $0.watch(name) }
                            case .notLinked: break
                            }
                        case .arrived, .appeared: break
                        case .rescan: self.scan(settleTime: .zero)
                        case .rearmed(let folder):
                            // Files may have arrived while nothing watched.
                            self.logger.warning("the inbox \(folder) was deleted or moved away: it is watched again")
                            self.scan(settleTime: .zero)
                        }
                    }
                }
            }
            group.addTask { [self] in
                for await _ in await UnixSignalsSequence(trapping: .sighup) {
                    reloadRequested.store(true, ordering: .relaxed)
                }
            }
            group.addTask { [digests] in await digests.run() }
            try await cancelWhenGracefulShutdown {
                try await self.mainLoop()
            }
            notifier.stopping()
            // Digest work in progress gets a short while to finish; what it leaves stays due
            // in the database and is written at the next start.
            let deadline = Task { [digests] in
                try await Task.sleep(for: Self.digestGrace)
                digests.stopping.store(true, ordering: .relaxed)
            }
            defer { deadline.cancel() }
            group.cancelAll()
            try? await group.waitForAll()
            await digests.flush()
        }
        logger.info("marsad stopped: \(statusLine())")
    }

    /// Finishes the claims an earlier run left in processing/, one at a time and each marked while
    /// it is read, so that a file that stops the daemon again is known at the next start: having
    /// been in processing/ at two deaths in a row, it is set aside in failed/ instead of being
    /// read a third time (a poison file, as mail queues call it).
    func recover(_ claims: [String]) async throws {
        for claim in claims where !Task.isShuttingDownGracefully {
            heartbeat.store(Self.monotonicSeconds(), ordering: .relaxed)
            if try engine.store.entry(claimName: claim) == nil, engine.folders.wasBeingRecovered(claim) {
                let entry = try quarantine(claim)
                counters.withLock { $0.failed += 1 }
                engine.log(entry)
                continue
            }
            engine.folders.markRecovering(claim)
            note(try await engine.ingest(claims: [claim]))
        }
    }

    func quarantine(_ claim: String) throws -> LedgerEntry {
        let path = engine.folders.processingPath(claim)
        var info = stat()
        let size = lstat(path, &info) == 0 ? Int(info.st_size) : 0
        let file = ClaimedFile(
            claimName: claim, name: engine.folders.originalName(ofClaim: claim), size: size, sha256: nil, firstSeen: Date()
        )
        let message = "Marsad stopped twice in a row (killed, crashed or stuck) while this file was being read; "
            + "it is set aside so that it cannot stop the daemon again. Check it, then `marsad requeue` it to try again"
        let entry = try engine.store.record([.failed(file, stage: PipelineStage.read.rawValue, message: message)])[0]
        try engine.folders.finalize(entry)
        return entry
    }

    /// How long digest work may go on after a stop is asked for (within `stopGrace`).
    static let digestGrace = Duration.seconds(2)

    /// Claims and ingests until shutdown; between chunks it reloads and rescans.
    /// A chunk is read and tagged while the previous one is being recorded; while
    /// recording fails, chunks go one at a time.
    func mainLoop() async throws {
        var lastScan = ContinuousClock.now
        var lastAppearingCheck = ContinuousClock.now
        var lastStatus = ContinuousClock.now
        var lastHeartbeat = ContinuousClock.now - .seconds(10)
        var retry: (claims: [String], delay: Duration, at: ContinuousClock.Instant)?
        var pipeline = IngestPipeline(engine: engine)
        var lastPrune = ContinuousClock.now - .seconds(3600)
        heartbeat.store(Self.monotonicSeconds(), ordering: .relaxed)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            heartbeat.store(Self.monotonicSeconds(), ordering: .relaxed)
            if ContinuousClock.now - lastHeartbeat >= .seconds(1) {
                instanceLock.heartbeat()
                lastHeartbeat = .now
            }
            if reloadRequested.exchange(false, ordering: .relaxed) { reload() }
            let settings = engine.settings
            var interval = settings.watch == .poll ? settings.pollInterval : settings.rescanInterval
            // Entries seen but not yet settled are looked at again one settle time later.
            if settling.withLock({ $0.unsettledCount }) > 0 { interval = min(interval, settings.settleTime) }
            if ContinuousClock.now - lastScan >= interval {
                scan(settleTime: settings.settleTime)
                lastScan = .now
            }
            if ContinuousClock.now - lastAppearingCheck >= Self.appearingCheckInterval {
                for name in appearedThatSettled(settleTime: settings.settleTime) { pending.add(name) }
                lastAppearingCheck = .now
            }
            var names: [EntryName] = []
            var claims: [String] = []
            if let waiting = retry {
                // While recording fails, no new file is claimed: those claimed already are retried first.
                if ContinuousClock.now >= waiting.at {
                    claims = waiting.claims
                    // Claiming itself failed: try it again.
                    if claims.isEmpty { names = pending.take(settings.batchSize) }
                }
            } else {
                await gatherBurst(settings: settings)
                names = pending.take(settings.batchSize)
                claims = changedClaimsThatSettled(settleTime: settings.settleTime)
            }
            // Files left waiting after this chunk: due digests wait for the burst (see DigestScheduler).
            digests.backlog(pending.count > 0)
            if names.isEmpty && claims.isEmpty {
                if pipeline.isWriting {
                    do {
                        if let summary = try await pipeline.drain() { note(summary) }
                    } catch let failure as IngestPipeline.RecordingFailed {
                        retry = recordingBlocked(failure.claims, error: failure.underlying, retry: retry)
                    }
                    continue
                }
                if ContinuousClock.now - lastPrune >= .seconds(3600) {
                    pruneArchive(settings: settings)
                    lastPrune = .now
                }
                if ContinuousClock.now - lastStatus >= .seconds(10) {
                    notifier.status(statusLine())
                    lastStatus = .now
                }
                try? await Task.sleep(for: .milliseconds(50))
                continue
            }
            logger.debug("claiming \(names.count) of \(names.count + pending.count) pending")
            do {
                for (index, name) in names.enumerated() {
                    do {
                        if let claim = try engine.folders.claim(name, sequence: sequence.add(1, ordering: .relaxed).newValue) {
                            claims.append(claim)
                        }
                    } catch {
                        // The rest stay in the inbox and are claimed once moving works again.
                        for left in names[index...] { pending.add(left) }
                        throw error
                    }
                }
                engine.folders.syncProcessing()
                if retry != nil {
                    if let summary = try await pipeline.drain() { note(summary) }
                    note(try await engine.ingest(claims: claims))
                } else if let summary = try await pipeline.submit(engine.processingClaims(claims)) {
                    note(summary)
                }
                if retry != nil {
                    retry = nil
                    writeProblem.withLock { $0 = nil }
                    logger.notice("recording works again: files flow")
                    instanceLock.write(health: "running")
                }
            } catch let failure as IngestPipeline.RecordingFailed {
                // The chunk recorded meanwhile failed: it is retried with the one just read.
                retry = recordingBlocked(failure.claims + claims, error: failure.underlying, retry: retry)
            } catch {
                retry = recordingBlocked(claims, error: error, retry: retry)
            }
            if ContinuousClock.now - lastStatus >= .seconds(1) {
                notifier.status(statusLine())
                lastStatus = .now
            }
        }
        if let summary = try? await pipeline.drain() { note(summary) }
    }

    /// The claims stay in processing/ and are retried with backoff, without a restart.
    func recordingBlocked(
        _ claims: [String], error: any Error, retry: (claims: [String], delay: Duration, at: ContinuousClock.Instant)?
    ) -> (claims: [String], delay: Duration, at: ContinuousClock.Instant) {
        let delay = retry.map { min($0.delay * 2, Self.longestRetryDelay) } ?? .milliseconds(250)
        if retry == nil {
            let problem = "\(error)"
            writeProblem.withLock { $0 = problem }
            logger.error("cannot record or move files: \(problem); \(claims.count) claimed file(s) wait in processing/ and are retried, no new file is claimed until it works again")
            instanceLock.write(health: "recording blocked: \(problem)")
        }
        return (Array(Set(claims)).sorted(), delay, .now + delay)
    }

    /// Applies `archive_days`, hourly while idle.
    func pruneArchive(settings: Settings) {
        guard let days = settings.archiveDays, settings.afterSuccess == .archive else { return }
        do {
            let today = ArticleDay.format(Date(), timeZone: settings.timeZone)
            let removed = try engine.folders.pruneArchive(keepingDays: days, today: today)
            if !removed.isEmpty {
                logger.info("archive_days \(days): removed the archived files of \(removed.joined(separator: ", ")); the ledger keeps their rows")
            }
        } catch {
            logger.error("cannot prune the archive: \(error)")
        }
    }

    /// While files keep arriving, waits (at most `batch_interval`) to fill a batch,
    /// so that a burst is recorded in few transactions; a lone file is not delayed.
    func gatherBurst(settings: Settings) async {
        let start = ContinuousClock.now
        var seen = pending.count
        guard seen > 0 else { return }
        while seen < settings.batchSize && ContinuousClock.now - start < settings.batchInterval {
            try? await Task.sleep(for: .milliseconds(10))
            let now = pending.count
            if now == seen { return }
            seen = now
        }
    }

    /// Claims whose file changed while it was read and has since stayed the same for the settle time.
    /// Claims gone from processing/ (a restart recovered them, say) are forgotten.
    func changedClaimsThatSettled(settleTime: Duration) -> [String] {
        changedClaims.withLock { waiting in
            waiting.settled(observe: engine.folders.observe(claims:), now: .now, settleTime: settleTime).map(\.display)
        }
    }

    /// Inbox entries announced as created, not closed or moved in since, that have stayed the same
    /// for the settle time; those gone from the inbox (renamed away, claimed) are forgotten.
    func appearedThatSettled(settleTime: Duration) -> [EntryName] {
        appearing.withLock { waiting in
            waiting.settled(observe: engine.folders.observe(inbox:), now: .now, settleTime: settleTime)
        }
    }

    func note(_ summary: IngestSummary) {
        if !summary.unsettled.isEmpty {
            changedClaims.withLock { waiting in
                for claim in summary.unsettled { waiting.watch(EntryName(claim)) }
            }
            for claim in summary.unsettled {
                logger.notice("\(engine.folders.originalName(ofClaim: claim)) changed while it was being read: it is read again once it has stayed the same for the settle time")
            }
        }
        counters.withLock {
            $0.recorded += summary.recorded
            $0.duplicates += summary.duplicates
            $0.failed += summary.failed
        }
        for day in summary.touched.keys { digests.markDirty(day: day) }
    }

    /// Queues inbox entries; with a settle time, only those whose size and modification time
    /// stayed the same for that long (a scan can see a file still being written, an inotify
    /// close event cannot).
    func scan(settleTime: Duration) {
        let candidates = engine.folders.candidates()
        let ready = settling.withLock { $0.settled(candidates, now: .now, settleTime: settleTime) }
        for name in ready { pending.add(name) }
    }

    func reload() {
        notifier.reloading()
        do {
            let current = engine.settings
            var settings = current
            if let configPath {
                settings = try Settings.load(path: configPath)
                if settings.inbox != current.inbox || settings.state != current.state
                    || settings.database != current.database || settings.digests != current.digests
                {
                    logger.warning("folder or database paths changed in \(configPath); they take effect at the next restart")
                    settings.inbox = current.inbox
                    settings.state = current.state
                    settings.database = current.database
                    settings.digests = current.digests
                }
            }
            let taxonomy = try settings.loadTaxonomy()
            try engine.store.syncEntities(taxonomy.entities)
            engine.replace(pipeline: Settings.makePipeline(taxonomy: taxonomy), settings: settings)
            digests.replace(writer: DigestWriter(
                store: engine.store, topics: taxonomy.topics, directory: settings.digests.path, timeZone: settings.timeZone,
                outlets: taxonomy.outlets, logger: logger
            ), delay: settings.digestDelay)
            logger.notice("reloaded configuration and taxonomy: \(taxonomy.topics.count) topics, \(taxonomy.entities.count) entities")
        } catch {
            logger.error("reload failed, keeping the previous configuration and taxonomy: \(error)")
        }
        notifier.reloaded(status: statusLine())
    }

    /// Pings systemd's watchdog from a thread of its own, so that reading and digest work on the
    /// task pool cannot starve it; but only while the main loop goes round: a loop stuck for longer
    /// than the stall limit stops the pings, and systemd restarts the daemon.
    func startWatchdog(interval: Duration) {
        heartbeat.store(Self.monotonicSeconds(), ordering: .relaxed)
        let thread = Thread { [self] in
            let pause = UInt32(min(interval / 2, .seconds(5)).components.seconds * 1_000_000
                + (min(interval / 2, .seconds(5)).components.attoseconds / 1_000_000_000_000))
            var stalled = false
            while true {
                // Progress is a round of the main loop or a file read to the end, whichever came last.
                let last = max(heartbeat.load(ordering: .relaxed), engine.lastProgress.load(ordering: .relaxed))
                let age = Self.monotonicSeconds() - last
                if Duration.seconds(age) < Self.stallLimit {
                    notifier.watchdog()
                    stalled = false
                } else if !stalled {
                    logger.critical("the main loop has made no progress for \(age) s: no more watchdog pings")
                    stalled = true
                }
                usleep(max(pause, 100_000))
            }
        }
        thread.name = "marsad-watchdog"
        thread.start()
    }

    /// Reading cannot be interrupted, and while it runs it may hold every thread of the task pool,
    /// so the graceful stop cannot even begin. SIGTERM and SIGINT are therefore also watched from a
    /// queue of their own: past the grace time, the process ends and the files in flight stay in
    /// processing/, to be read again at the next start as after a crash (the ledger keeps that safe).
    func watchForStopSignals() -> [any DispatchSourceSignal] {
        let queue = DispatchQueue(label: "marsad.stop")
        return [SIGTERM, SIGINT].map { signal in
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler { [self] in
                queue.asyncAfter(deadline: .now() + .milliseconds(Int(Self.stopGrace.components.seconds * 1000))) { [self] in
                    logger.notice("stopping without waiting for the reading in flight: its files stay in processing/ for the next start")
                    notifier.stopping()
                    _exit(0)
                }
            }
            source.resume()
            return source
        }
    }

    static func monotonicSeconds() -> Int64 { MonotonicClock.seconds() }

    func statusLine() -> String {
        let depth = engine.folders.depth()
        let counts = counters.withLock { $0 }
        let problem = writeProblem.withLock { $0 }.map { "; recording blocked: \($0)" } ?? ""
        let builds = digests.builds
        return "queue \(depth.inbox) waiting, \(depth.processing) in processing; "
            + "since start \(counts.recorded) recorded, \(counts.duplicates) duplicates, \(counts.failed) failed; "
            + "digests: \(builds.full) whole-day clusterings, \(builds.incremental) incremental updates" + problem
    }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(1, size)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension IngestEngine {
    func ingest(claims: ArraySlice<String>) async throws -> IngestSummary {
        try await ingest(claims: Array(claims))
    }
}
