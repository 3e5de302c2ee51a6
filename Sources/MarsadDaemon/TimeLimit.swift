#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Seconds of the monotonic clock, which no clock change moves; cheap to keep in an atomic.
enum MonotonicClock {
    static func seconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec)
    }
}

/// Runs work with a time limit. The work cannot be interrupted (it checks no
/// flag), so past the limit it is left to finish on its own thread and its
/// result is dropped: the caller goes on at once. Work given up must therefore
/// have no effect of its own that matters; its caller acts on kept results.
enum TimeLimit {
    private final class Outcome<Value: Sendable>: Sendable {
        let value = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
    }

    /// The threads the work runs on, kept between pieces of work: a thread made and
    /// ended per file cost a few percent of the daemon's time during a burst.
    static let threads = WorkThreads(name: "marsad-reading")

    /// The work's result, or nil when it took longer than `limit`.
    static func run<Value: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () -> Value) -> Value? {
        let outcome = Outcome<Value>()
        threads.run({
            let value = work()
            outcome.value.withLock { $0 = value }
        }, then: { outcome.done.signal() })
        let nanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        guard outcome.done.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success else { return nil }
        return outcome.value.withLock { $0 }
    }

    /// Pieces of work run one after another on one thread, each within `limit`: `next`
    /// hands out the index of the next piece (nil when none is left), `deliver` takes each
    /// result. A thread per piece cost two hand-offs between threads per file, a few percent
    /// of a burst's CPU; here the caller sleeps until the pieces are done, waking only when
    /// a piece may have run past its limit. Such a piece is left to finish on its own
    /// thread, its result dropped, `gaveUp` told its index, and the pieces after it run on
    /// another thread. Returns once every piece handed out was delivered or given up.
    static func runEach<Value: Sendable>(
        _ limit: Duration, next: @escaping @Sendable () -> Int?, deliver: @escaping @Sendable (Int, Value) -> Void,
        gaveUp: (Int) -> Void, _ work: @escaping @Sendable (Int) -> Value
    ) {
        let run = Lane()
        let limitNanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        @Sendable func serve(_ generation: Int) {
            while true {
                // A thread whose piece was given up takes no further piece.
                let index = run.state.withLock { state -> Int? in
                    guard state.generation == generation else { return nil }
                    guard let index = next() else {
                        state.finished = true
                        return nil
                    }
                    state.current = (index, .now() + .nanoseconds(Int(limitNanoseconds)))
                    return index
                }
                guard let index else { return }
                let value = work(index)
                let kept = run.state.withLock { state -> Bool in
                    guard state.generation == generation else { return false }
                    state.current = nil
                    return true
                }
                guard kept else { return }
                deliver(index, value)
            }
        }
        threads.run({ serve(0) }, then: { run.ended.signal() })
        while true {
            let (finished, deadline) = run.state.withLock { ($0.finished, $0.current?.deadline) }
            if finished { return }
            // Between pieces (or before the first), no piece can be late before a full limit.
            if run.ended.wait(timeout: deadline ?? .now() + .nanoseconds(Int(limitNanoseconds))) == .success { continue }
            let late = run.state.withLock { state -> (index: Int, generation: Int)? in
                guard let current = state.current, current.deadline <= .now() else { return nil }
                state.generation += 1
                state.current = nil
                return (current.index, state.generation)
            }
            guard let late else { continue }
            gaveUp(late.index)
            threads.run({ serve(late.generation) }, then: { run.ended.signal() })
        }
    }

    /// The state of one `runEach`, shared by the caller and the threads serving it.
    private final class Lane: Sendable {
        struct State {
            /// Raised when a piece is given up: only the thread started after it goes on.
            var generation = 0
            /// The piece being worked on, and when it runs out of time.
            var current: (index: Int, deadline: DispatchTime)?
            /// No piece is left.
            var finished = false
        }
        let state = Mutex(State())
        /// Signalled whenever a serving thread ends.
        let ended = DispatchSemaphore(value: 0)
    }
}

/// Threads with a large stack that take pieces of work one at a time. A piece never
/// waits for a thread: with none idle, one more is started, so work given up past its
/// time limit, still running, holds up nothing. A thread idle for `idleLifetime` ends,
/// so after a burst only the threads in use remain.
final class WorkThreads: Sendable {
    private struct Job {
        var work: @Sendable () -> Void
        var then: @Sendable () -> Void
    }

    private struct State {
        var jobs: [Job] = []
        /// Threads waiting for work that no job has been promised to.
        var idle = 0
        var started = 0
        var running = 0
    }

    private let state = Mutex(State())
    /// One signal per job queued.
    private let queued = DispatchSemaphore(value: 0)
    let name: String
    let idleLifetime: Duration
    /// Deep documents recurse: as much stack as the main thread has.
    static let stackSize = 8 << 20

    init(name: String, idleLifetime: Duration = .seconds(30)) {
        self.name = name
        self.idleLifetime = idleLifetime
    }

    /// Threads started so far, and those not ended.
    var counts: (started: Int, running: Int) { state.withLock { ($0.started, $0.running) } }

    /// Runs `work` on one of the threads, then `then` once that thread is free for more
    /// work: a caller that waits for `then` and hands over its next piece finds it idle.
    func run(_ work: @escaping @Sendable () -> Void, then: @escaping @Sendable () -> Void) {
        let startsThread = state.withLock { state in
            state.jobs.append(Job(work: work, then: then))
            if state.idle > 0 {
                state.idle -= 1
                return false
            }
            state.started += 1
            state.running += 1
            return true
        }
        if startsThread {
            let thread = Thread { [self] in serve() }
            thread.stackSize = Self.stackSize
            thread.name = name
            thread.start()
        }
        queued.signal()
    }

    /// Every thread waiting here is counted in `idle` or has a signal on its way (a
    /// thread is started for the job that made it), so a job never lacks a thread.
    private func serve() {
        let lifetime = idleLifetime.components
        let nanoseconds = Int(lifetime.seconds * 1_000_000_000 + lifetime.attoseconds / 1_000_000_000)
        while true {
            guard queued.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else {
                // Idle for the whole lifetime: leave, unless every idle place is promised to
                // a job whose signal is still on its way (then this thread waits for it).
                let leaves = state.withLock { state in
                    guard state.idle > 0 else { return false }
                    state.idle -= 1
                    state.running -= 1
                    return true
                }
                if leaves { return }
                continue
            }
            let job = state.withLock { $0.jobs.removeFirst() }
            job.work()
            state.withLock { $0.idle += 1 }
            job.then()
        }
    }
}
