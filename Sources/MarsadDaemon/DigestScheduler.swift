import Foundation
import Logging
import MarsadCore

/// Debounces digest writing: a day's digests are rewritten once no new
/// article has touched that day for `delay`, and yesterday is finalised when
/// the date rolls over.
struct DigestScheduler: Sendable {
    private(set) var writer: DigestWriter
    private(set) var delay: Duration
    let timeZone: TimeZone
    private var dirty: [String: (since: ContinuousClock.Instant, topics: Set<String>)] = [:]
    private var today: String

    init(writer: DigestWriter, delay: Duration, timeZone: TimeZone) {
        self.writer = writer
        self.delay = delay
        self.timeZone = timeZone
        today = ArticleDay.format(Date(), timeZone: timeZone)
    }

    mutating func replace(writer: DigestWriter, delay: Duration) {
        self.writer = writer
        self.delay = delay
    }

    mutating func markDirty(day: String, topics: Set<String>) {
        let previous = dirty[day]?.topics ?? []
        dirty[day] = (.now, previous.union(topics))
    }

    mutating func tick(logger: Logger) {
        let now = ArticleDay.format(Date(), timeZone: timeZone)
        if now != today {
            markDirty(day: today, topics: [])
            today = now
        }
        let due = dirty.filter { ContinuousClock.now - $0.value.since >= delay }.keys.sorted()
        for day in due {
            dirty[day] = nil
            write(day: day, logger: logger)
        }
    }

    mutating func flush(logger: Logger) {
        for day in dirty.keys.sorted() { write(day: day, logger: logger) }
        dirty.removeAll()
    }

    private func write(day: String, logger: Logger) {
        do {
            let counts = try writer.write(day: day)
            logger.info("wrote digests for \(day): \(counts.filter { $0.value > 0 }.count) topic(s)")
        } catch {
            logger.error("writing digests for \(day) failed: \(error)")
        }
    }
}
