import Foundation

/// Decides when a scanned inbox entry has settled: its size and modification
/// time stayed the same across scans at least the settle time apart. The
/// file's own clock is never compared with ours, so a file dated in the future
/// or long ago settles like any other.
public struct SettleTracker: Sendable {
    struct Observation: Equatable {
        var size: Int
        var modified: Date
    }

    private var watching: [EntryName: (observation: Observation, since: ContinuousClock.Instant)] = [:]

    public init() {}

    /// Entries seen but not yet settled.
    public var unsettledCount: Int { watching.count }

    /// The candidates of one scan that have settled, in the scan's order; the
    /// others are remembered for the next scan. With a zero settle time every
    /// candidate is settled.
    public mutating func settled(
        _ candidates: [(name: EntryName, modified: Date, size: Int)], now: ContinuousClock.Instant, settleTime: Duration
    ) -> [EntryName] {
        var ready: [EntryName] = []
        var stillWatching: [EntryName: (observation: Observation, since: ContinuousClock.Instant)] = [:]
        for candidate in candidates {
            let observation = Observation(size: candidate.size, modified: candidate.modified)
            var since = now
            if let earlier = watching[candidate.name], earlier.observation == observation { since = earlier.since }
            if now - since >= settleTime {
                ready.append(candidate.name)
            } else {
                stillWatching[candidate.name] = (observation, since)
            }
        }
        // Entries gone from the inbox (claimed, renamed away) are forgotten.
        watching = stillWatching
        return ready
    }
}

/// Names looked at one by one rather than by a scan (claims that changed while
/// they were read, inbox entries announced as created), each claimed once it
/// has settled; names gone from their folder are forgotten.
struct SettleWatch: Sendable {
    private(set) var names = Set<EntryName>()
    private var tracker = SettleTracker()

    var isEmpty: Bool { names.isEmpty }

    mutating func watch(_ name: EntryName) { names.insert(name) }

    mutating func forget(_ name: EntryName) { names.remove(name) }

    /// The watched names that have settled, given what `observe` finds of them now; they stop being watched.
    mutating func settled(
        observe: ([EntryName]) -> [(name: EntryName, modified: Date, size: Int)], now: ContinuousClock.Instant,
        settleTime: Duration
    ) -> [EntryName] {
        guard !names.isEmpty else { return [] }
        let observed = observe(Array(names))
        let ready = tracker.settled(observed, now: now, settleTime: settleTime)
        names = Set(observed.map(\.name)).subtracting(ready)
        return ready
    }
}
