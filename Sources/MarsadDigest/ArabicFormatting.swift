import Foundation
import MarsadText

/// Dates, numbers and counted nouns as an Arabic reader expects them.
/// Month names and numerals come from tables here, not from the platform's
/// locale data, so the files are the same on every system.
enum ArabicFormatting {
    static let gregorianMonths = [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]
    static let hijriMonths = [
        "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
        "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ]
    /// Indexed by `Calendar`'s weekday, 1 = Sunday.
    static let weekdays = ["", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]

    static let utc = TimeZone(secondsFromGMT: 0)!

    /// Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) for numbers in Arabic prose.
    static func digits(_ number: Int) -> String {
        digits(String(number))
    }

    static func digits(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x30...0x39).contains(scalar.value) {
                out.append(Unicode.Scalar(scalar.value - 0x30 + 0x0660)!)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Parses `YYYY-MM-DD` strictly.
    static func components(of day: String) -> (year: Int, month: Int, day: Int)? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let date = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(date)
        else { return nil }
        return (year, month, date)
    }

    static func noon(of day: String) -> Date? {
        guard let parts = components(of: day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let components = DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: 12)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == parts.day
        else { return nil }
        return date
    }

    /// «٢٤ يوليو ٢٠١٥»; the input unchanged if it is not a date.
    static func gregorianDate(_ day: String) -> String {
        guard let parts = components(of: day) else { return day }
        return "\(digits(parts.day)) \(gregorianMonths[parts.month - 1]) \(digits(parts.year))"
    }

    static func calendarDay(_ day: String) -> DigestCalendarDay {
        guard let noon = noon(of: day) else {
            return DigestCalendarDay(gregorian: day, gregorianArabic: day, hijri: nil, hijriArabic: nil)
        }
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = utc
        let weekday = weekdays[gregorian.component(.weekday, from: noon)]
        var hijriCalendar = Calendar(identifier: .islamicUmmAlQura)
        hijriCalendar.timeZone = utc
        let hijri = hijriCalendar.dateComponents([.year, .month, .day], from: noon)
        var hijriNumeric: String?
        var hijriText: String?
        if let year = hijri.year, let month = hijri.month, let date = hijri.day, (1...12).contains(month) {
            hijriNumeric = String(format: "%04d-%02d-%02d", year, month, date)
            hijriText = "\(digits(date)) \(hijriMonths[month - 1]) \(digits(year)) هـ"
        }
        return DigestCalendarDay(
            gregorian: day, gregorianArabic: "\(weekday) \(gregorianDate(day))",
            hijri: hijriNumeric, hijriArabic: hijriText
        )
    }

    /// ISO 8601 in UTC, to the second. Computed from the epoch seconds with
    /// the civil-calendar algorithm: a `Calendar` per report was a tenth of a
    /// day's build.
    static func isoTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        let civil = CivilDate(dayNumber: days)
        let (year, month, day) = (civil.year, civil.month, civil.day)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    /// `HH:mm` in `timeZone`.
    static func clockTime(_ date: Date, timeZone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2))"
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// A counted noun with Arabic agreement: «مقال واحد», «مقالان», «٥ مقالات», «١٢ مقالًا», «١٠٠ مقال».
    /// `genitive` after a preposition (من، في): the dual changes form, «من مصدرين».
    static func count(_ number: Int, _ noun: CountedNoun, genitive: Bool = false) -> String {
        switch number {
        case 0: return "لا \(noun.plural)"
        case 1: return noun.one
        case 2: return genitive ? noun.twoGenitive : noun.two
        default:
            let tail = number % 100
            let form: String
            if (3...10).contains(tail) {
                form = noun.plural
            } else if tail >= 11 {
                form = noun.accusative
            } else {
                form = noun.singular
            }
            return "\(digits(number)) \(form)"
        }
    }

    static func entityType(_ type: String) -> String {
        switch type {
        case "country": return "دولة"
        case "person": return "شخصية"
        case "organization", "org": return "جهة"
        case "place", "city", "location": return "مكان"
        default: return type
        }
    }
}

struct CountedNoun: Sendable {
    var singular: String
    var one: String
    var two: String
    var twoGenitive: String
    var plural: String
    var accusative: String

    static let article = CountedNoun(singular: "مقال", one: "مقال واحد", two: "مقالان", twoGenitive: "مقالين", plural: "مقالات", accusative: "مقالًا")
    static let source = CountedNoun(singular: "مصدر", one: "مصدر واحد", two: "مصدران", twoGenitive: "مصدرين", plural: "مصادر", accusative: "مصدرًا")
    static let story = CountedNoun(singular: "قصة", one: "قصة واحدة", two: "قصتان", twoGenitive: "قصتين", plural: "قصص", accusative: "قصة")
    static let report = CountedNoun(singular: "تقرير", one: "تقرير واحد", two: "تقريران", twoGenitive: "تقريرين", plural: "تقارير", accusative: "تقريرًا")
    static let topic = CountedNoun(singular: "موضوع", one: "موضوع واحد", two: "موضوعان", twoGenitive: "موضوعين", plural: "مواضيع", accusative: "موضوعًا")
}
