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

/// Runs pure work with a time limit. The work cannot be interrupted (it does no
/// I/O and checks no flag), so past the limit it is left to finish on its own
/// thread and its result is dropped: the caller goes on at once.
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
