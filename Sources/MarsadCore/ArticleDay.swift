import Foundation

/// Which calendar day an article belongs to in digests: its publication date
/// in the configured time zone, else the day it was ingested.
public enum ArticleDay {
    public static func day(published: String?, ingestedAt: Date, timeZone: TimeZone) -> String {
        if let published, let day = dayOf(published, timeZone: timeZone) { return day }
        return format(ingestedAt, timeZone: timeZone)
    }

    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func dayOf(_ text: String, timeZone: TimeZone) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        // A full timestamp with a zone is moved into the configured zone; a bare date stays as written.
        if bytes.count > 10 {
            let withFraction = ISO8601DateFormatter()
            withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let plain = ISO8601DateFormatter()
            if let date = plain.date(from: trimmed) ?? withFraction.date(from: trimmed) {
                return format(date, timeZone: timeZone)
            }
        }
        return String(decoding: bytes[0..<10], as: UTF8.self)
    }
}
