import Foundation
import MarsadText

/// Which calendar day an article belongs to in digests: its publication date
/// in the configured time zone, else the day it was ingested.
public enum ArticleDay {
    public static func day(published: String?, ingestedAt: Date, timeZone: TimeZone) -> String {
        if let published, let day = dayOf(published, timeZone: timeZone) { return day }
        return format(ingestedAt, timeZone: timeZone)
    }

    /// The calendar day of an instant in a zone. Done with day arithmetic, not a
    /// `Calendar`: it runs for every article ingested.
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        return CivilDate(dayNumber: days).iso
    }

    /// The day a user names on the command line: `today`, `yesterday` (in
    /// `timeZone`) or an existing `YYYY-MM-DD` date, exactly; nil for
    /// anything else, so that no other text ever becomes a folder name.
    public static func named(_ text: String, now: Date, timeZone: TimeZone) -> String? {
        switch text {
        case "today": return format(now, timeZone: timeZone)
        case "yesterday": return previous(format(now, timeZone: timeZone))
        default: return isDay(text) ? text : nil
        }
    }

    /// Whether a text is exactly a valid `YYYY-MM-DD` date.
    public static func isDay(_ text: String) -> Bool {
        text.utf8.count == 10 && CivilDate(iso: text)?.iso == text
    }

    /// A `YYYY-MM-DD` day moved by a number of days, or nil for text that is not a day.
    public static func adding(days: Int, to day: String) -> String? {
        CivilDate(iso: day)?.adding(days: days).iso
    }

    /// The day before a `YYYY-MM-DD` day, or nil for text that is not one.
    public static func previous(_ day: String) -> String? {
        CivilDate(iso: day)?.adding(days: -1).iso
    }

    /// The instant an ISO 8601 timestamp names. A timestamp without a zone
    /// (`2015-07-31T04:15:32`, as scrapers write local times) is read as a
    /// clock time in `timeZone`; a bare date, or a date followed by anything
    /// that is not a clock time, is its midnight in UTC.
    ///
    /// Read on the bytes: digests ask this of every article of a day, and a
    /// Foundation ISO 8601 formatter made per call spent most of a 200,000-article
    /// day's digest building ICU date-format tables.
    public static func instant(_ text: String, timeZone: TimeZone = .gmt) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let civil = CivilDate(iso: trimmed) else { return nil }
        let midnight = Double(civil.dayNumber) * 86_400
        guard let stamp = Timestamp(trimmed) else { return Date(timeIntervalSince1970: midnight) }
        let asIfUTC = Date(timeIntervalSince1970: midnight + Double(stamp.seconds) + stamp.fraction)
        if let offset = stamp.offset { return asIfUTC.addingTimeInterval(-Double(offset)) }
        // The offset at the wall-clock instant; checked once more across a change of offset.
        let guess = asIfUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: asIfUTC)))
        return asIfUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }

    /// The clock part of `YYYY-MM-DD(T| )HH:MM[:SS[.fff]][Z|±HH[:MM]]`.
    struct Timestamp {
        /// Seconds since midnight of the written clock time.
        var seconds: Int
        var fraction: Double
        /// Seconds east of UTC the timestamp names, nil when it names no zone.
        var offset: Int?

        init?(_ text: String) {
            let bytes = Array(text.utf8)
            guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20, bytes[13] == 0x3A else { return nil }
            func number(_ start: Int) -> Int? {
                guard start + 2 <= bytes.count else { return nil }
                let tens = bytes[start], units = bytes[start + 1]
                guard (0x30...0x39).contains(tens), (0x30...0x39).contains(units) else { return nil }
                return Int(tens - 0x30) * 10 + Int(units - 0x30)
            }
            // 24:00 is the end of the day, the next day's midnight.
            guard let hour = number(11), let minute = number(14), hour < 24 || (hour == 24 && minute == 0), minute < 60 else { return nil }
            var cursor = 16
            var second = 0
            fraction = 0
            if bytes.count >= 19, bytes[16] == 0x3A, let value = number(17), value < 61 {
                second = value
                cursor = 19
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
                    cursor += 1
                    var scale = 0.1
                    while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]) {
                        fraction += Double(bytes[cursor] - 0x30) * scale
                        scale /= 10
                        cursor += 1
                    }
                }
            }
            if hour == 24 && (second != 0 || fraction != 0) { return nil }
            seconds = hour * 3600 + minute * 60 + second
            if cursor == bytes.count {
                offset = nil
                return
            }
            if bytes[cursor] == UInt8(ascii: "Z") || bytes[cursor] == UInt8(ascii: "z") {
                guard cursor + 1 == bytes.count else { return nil }
                offset = 0
                return
            }
            guard bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-"),
                  let zoneHours = number(cursor + 1), zoneHours < 24 else { return nil }
            var zoneMinutes = 0
            var end = cursor + 3
            if end < bytes.count {
                if bytes[end] == 0x3A { end += 1 }
                guard let value = number(end), value < 60, end + 2 == bytes.count else { return nil }
                zoneMinutes = value
                end += 2
            }
            let sign = bytes[cursor] == UInt8(ascii: "-") ? -1 : 1
            offset = sign * (zoneHours * 3600 + zoneMinutes * 60)
        }
    }

    static func dayOf(_ text: String, timeZone: TimeZone) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let civil = CivilDate(iso: trimmed) else { return nil }
        // A full timestamp is moved into the configured zone; a bare date, or one followed by
        // anything that is not a clock time, stays as written.
        if trimmed.utf8.count > 10, Timestamp(trimmed) != nil, let date = instant(trimmed, timeZone: timeZone) {
            return format(date, timeZone: timeZone)
        }
        return civil.iso
    }
}
