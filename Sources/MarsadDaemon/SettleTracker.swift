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
