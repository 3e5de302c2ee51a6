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

    /// The work's result, or nil when it took longer than `limit`.
    static func run<Value: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () -> Value) -> Value? {
        let outcome = Outcome<Value>()
        let thread = Thread {
            let value = work()
            outcome.value.withLock { $0 = value }
            outcome.done.signal()
        }
        // Deep documents recurse: as much stack as the main thread has.
        thread.stackSize = 8 << 20
        thread.name = "marsad-reading"
        thread.start()
        let nanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        guard outcome.done.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success else { return nil }
        return outcome.value.withLock { $0 }
    }
}
