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

    /// The day before a `YYYY-MM-DD` day, or nil for text that is not one.
    public static func previous(_ day: String) -> String? {
        CivilDate(iso: day)?.adding(days: -1).iso
    }

    /// The instant an ISO 8601 timestamp names; a bare date is its midnight UTC.
    public static func instant(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = ISO8601DateFormatter().date(from: trimmed) ?? withFraction.date(from: trimmed) { return date }
        return CivilDate(iso: trimmed).map { Date(timeIntervalSince1970: Double($0.dayNumber) * 86_400) }
    }

    static func dayOf(_ text: String, timeZone: TimeZone) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let civil = CivilDate(iso: trimmed) else { return nil }
        // A full timestamp with a zone is moved into the configured zone; a bare date stays as written.
        if trimmed.utf8.count > 10, let date = instant(trimmed) {
            return format(date, timeZone: timeZone)
        }
        return civil.iso
    }
}
