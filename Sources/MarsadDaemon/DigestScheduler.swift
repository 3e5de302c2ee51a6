import Dispatch
import Foundation
import Logging
import MarsadCore
import MarsadStore
import Synchronization

/// Debounces digest writing and does it off the main loop: a day's digests
/// are rewritten once no new article has touched that day for `delay`, and
/// yesterday is finalised when the date rolls over. The days that are due are
/// also kept in the database (marked when their articles are recorded), so
/// that a restart finishes what a crash interrupted. Writing runs on its own
/// thread, so that neither ingest nor the watchdog waits for it.
///
/// While files still wait to be taken in (a burst), a day that is due is
/// written once the burst is taken in, or `longestDeferral` after its last
/// new article if the burst lasts that long: a burst spread over many days
/// (dated records, day after day) would otherwise write each finished day
/// while the rest of the burst waits, and a burst of undated files writes
/// its one day after the burst anyway. Its stories still take in its articles.
final class DigestScheduler: Sendable {
    struct State: Sendable {
        var writer: DigestWriter
        var delay: Duration
        var dirty: [String: ContinuousClock.Instant] = [:]
        /// When each dirty day's new articles were last added to its stories.
        var absorbed: [String: ContinuousClock.Instant] = [:]
        var today: String
        /// Files wait to be taken in: due days are held, up to `longestDeferral`.
        var backlogged = false
        var longestDeferral: Duration
    }

    let state: Mutex<State>
    let timeZone: TimeZone
    let logger: Logger
    /// Set when the daemon stops: long digest work gives up and leaves its day due.
    let stopping = Atomic<Bool>(false)
    private let queue = DispatchQueue(label: "marsad.digests", qos: .utility)

    init(
        writer: DigestWriter, delay: Duration, timeZone: TimeZone, longestDeferral: Duration = DigestScheduler.longestDeferral,
        logger: Logger = Logger(label: "marsad.digests")
    ) {
        state = Mutex(State(
            writer: writer, delay: delay, today: ArticleDay.format(Date(), timeZone: timeZone), longestDeferral: longestDeferral
        ))
        self.timeZone = timeZone
        self.logger = logger
    }

    /// While a day keeps receiving articles, its stories take them in this often,
    /// so that the write after the burst has only the last ones to add.
    static let absorbInterval = Duration.seconds(1)

    /// How long after its last new article a due day may be held while a burst is taken in.
    static let longestDeferral = Duration.seconds(60)

    /// Whole-day clusterings and incremental updates so far, across writers.
    var builds: (full: Int, incremental: Int) {
        let current = state.withLock { $0.writer.builds }
        let earlier = replacedBuilds.withLock { $0 }
        return (current.full + earlier.full, current.incremental + earlier.incremental)
    }
    private let replacedBuilds = Mutex<(full: Int, incremental: Int)>((0, 0))

    func replace(writer: DigestWriter, delay: Duration) {
        let old = state.withLock { $0.writer.builds }
        replacedBuilds.withLock {
            $0.full += old.full
            $0.incremental += old.incremental
        }
        state.withLock {
            $0.writer = writer
            $0.delay = delay
        }
    }

    func markDirty(day: String) {
        state.withLock { $0.dirty[day] = .now }
    }

    /// Whether files wait to be taken in, as the daemon takes its next chunk.
    func backlog(_ waiting: Bool) {
        state.withLock { $0.backlogged = waiting }
    }

    /// Days the database says are due (after a crash or a stop during digest work), due now.
    func resumeDue(store: Store) {
        do {
            let days = try store.dueDigestDays()
            guard !days.isEmpty else { return }
            logger.notice("digests due from an earlier run: \(days.joined(separator: ", "))")
            state.withLock { state in
                for day in days { state.dirty[day] = .now - state.delay }
            }
        } catch {
            logger.error("cannot read the days whose digests are due: \(error)")
        }
    }

    /// Until cancelled: every `interval`, writes the days that are due.
    func run(interval: Duration = .milliseconds(200)) async {
        while !Task.isCancelled && !stopping.load(ordering: .relaxed) {
            try? await Task.sleep(for: interval)
            await onOwnThread { self.writeDue(force: false) }
        }
    }

    /// At shutdown: writes what is due now, unless stopping has been asked to be quick.
    func flush() async {
        await onOwnThread { self.writeDue(force: true) }
    }

    private func onOwnThread(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                work()
                continuation.resume()
            }
        }
    }

    /// One round: absorbs the days still receiving articles, writes those that are due (all dirty ones with `force`).
    func writeDue(force: Bool) {
        let (writer, due, busy) = state.withLock { state -> (DigestWriter, [String], [String]) in
            let now = ArticleDay.format(Date(), timeZone: timeZone)
            if now != state.today {
                state.dirty[state.today] = .now - state.delay
                state.today = now
            }
            let due = state.dirty
                .filter { _, lastArticle in
                    let waited = ContinuousClock.now - lastArticle
                    return force || (waited >= state.delay && (!state.backlogged || waited >= state.longestDeferral))
                }
                .keys.sorted()
            for day in due {
                state.dirty[day] = nil
                state.absorbed[day] = nil
            }
            // A day never absorbed is absorbed at once.
            let instant = ContinuousClock.now
            let busy = state.dirty.keys.filter { day in
                state.absorbed[day].map { instant - $0 >= Self.absorbInterval } ?? true
            }.sorted()
            for day in busy { state.absorbed[day] = instant }
            return (state.writer, due, force ? [] : busy)
        }
        for day in busy {
            do {
                try writer.absorb(day: day, shouldStop: { self.stopping.load(ordering: .relaxed) })
            } catch is DigestWriter.Stopped {
                return
            } catch {
                logger.error("updating the stories of \(day) failed: \(error)")
            }
        }
        for day in due {
            do {
                let counts = try writer.write(day: day, shouldStop: { self.stopping.load(ordering: .relaxed) })
                logger.info("wrote digests for \(day): \(counts.filter { $0.value > 0 }.count) topic(s)")
            } catch let stopped as DigestWriter.Stopped {
                logger.notice("digests for \(day) left due: \(stopped)")
            } catch {
                logger.error("writing digests for \(day) failed: \(error)")
            }
        }
    }
}
