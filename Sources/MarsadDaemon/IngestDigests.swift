import Dispatch
import Logging
import Synchronization

/// The digests of a one-shot ingest: the stories of each day that receives
/// articles take them in on a thread of their own while the next chunks are
/// read, as the daemon's do during a burst, so that the digests written at
/// the end have only the last chunks' articles to cluster. The stories are
/// the same as a whole-day build's (the writer's incremental path), whenever
/// they take the articles in.
///
/// The ingest notes the days of each recorded chunk (`noted`) and has them
/// taken in (`absorbNoted`) once the next chunk is read: the reading threads
/// then wait for the chunk before to be recorded, and the stories use the
/// core they leave idle instead of taking it from the recording, which is
/// the slower stage.
public final class IngestDigests: Sendable {
    public let writer: DigestWriter
    let logger: Logger
    private let queue = DispatchQueue(label: "marsad.ingest-digests", qos: .utility)
    private struct State {
        /// Days with articles recorded since their stories last took them in.
        var pending = Set<String>()
        var absorbing = false
        var touched = Set<String>()
        /// Days whose stories were built once already.
        var absorbed = Set<String>()
    }
    private let state = Mutex(State())

    public init(writer: DigestWriter, logger: Logger = Logger(label: "marsad.digests")) {
        self.writer = writer
        self.logger = logger
    }

    /// Articles of `days` were recorded: their stories take them in soon, without holding up the caller.
    public func recorded(days: some Sequence<String>) {
        noted(days: days)
        absorbNoted()
    }

    /// Articles of `days` were recorded: their stories take them in at the next `absorbNoted`
    /// (or at the final write).
    public func noted(days: some Sequence<String>) {
        state.withLock { state in
            state.pending.formUnion(days)
            state.touched.formUnion(days)
        }
    }

    /// The stories take in the days noted so far, without holding up the caller.
    public func absorbNoted() {
        let start = state.withLock { state -> Bool in
            guard !state.absorbing, !state.pending.isEmpty else { return false }
            state.absorbing = true
            return true
        }
        if start { queue.async { self.absorbPending() } }
    }

    /// Chunks recorded while a day was being absorbed are taken in by the same round, not by one each.
    private func absorbPending() {
        while true {
            let days = state.withLock { state -> [String] in
                let days = state.pending.sorted()
                state.pending.removeAll()
                if days.isEmpty { state.absorbing = false }
                return days
            }
            if days.isEmpty { return }
            for day in days {
                // A day the writer dropped (an ingest spanning more days than it keeps) waits for the
                // final write: built again at every chunk, its clustering would grow with the square
                // of the ingest, and built at the end it is clustered whole once more at most.
                let dropped = state.withLock { !$0.absorbed.insert(day).inserted } && !writer.holds(day: day)
                if dropped { continue }
                // The final write adds whatever an update that failed here left out.
                do { try writer.absorb(day: day) } catch { logger.warning("updating the stories of \(day) failed: \(error)") }
            }
        }
    }

    /// Returns once the stories have taken in every chunk recorded before the call.
    func drained() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }

    /// Once every chunk is recorded: waits for the stories to take in what is pending,
    /// then writes the digests of every day that received articles, oldest first.
    public func writeAll() async throws {
        absorbNoted()
        await drained()
        for day in state.withLock({ $0.touched.sorted() }) { try writer.write(day: day) }
    }
}
