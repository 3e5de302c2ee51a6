import MarsadText

/// Publication dates as pages and records state them, turned into ISO 8601.
/// Knows the Arabic month names of the Gulf and Egypt (يناير…), the Levant
/// (كانون الثاني…), the Maghreb (جانفي…, and Morocco's يوليوز…) and English,
/// with digits in either script.
enum DateParsing {
    /// A machine-written date (metadata, JSON fields, TREC TIME): ISO forms,
    /// `YYYY-MM-DD HH:MM:SS`, day-first numeric dates, RFC 822 and Unix time.
    static func normalize(_ raw: String) -> String? {
        let text = DecimalDigit.westernDigits(raw).trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        if let epoch = Int(text), text.utf8.count == 10 || text.utf8.count == 13 {
            return fromUnixTime(text.utf8.count == 13 ? epoch / 1000 : epoch)
        }
        if let iso = isoDateTime(text) { return iso }
        return findDate(in: raw)
    }

    /// The first full date (day, month and year) written in running text.
    static func findDate(in raw: String) -> String? {
        let text = TextNormalizer.matchKey(raw).lowercased()
        if let numeric = numericDate(in: text) { return numeric }
        return wordDate(in: text)
    }

    // MARK: - ISO and numeric forms

    private static func isoDateTime(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let year = number(bytes, 0, 4), bytes[4] == 0x2D || bytes[4] == 0x2F,
              let month = number(bytes, 5, 2), bytes[7] == bytes[4], let day = number(bytes, 8, 2),
              let date = isoDate(year: year, month: month, day: day)
        else {
            return rfc822(text)
        }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20,
              let hour = number(bytes, 11, 2), bytes[13] == 0x3A, let minute = number(bytes, 14, 2),
              hour < 24, minute < 60
        else { return date }
        var result = date + "T" + twoDigits(hour) + ":" + twoDigits(minute)
        var cursor = 16
        if bytes.count >= 19, bytes[16] == 0x3A, let second = number(bytes, 17, 2), second < 61 {
            result += ":" + twoDigits(second)
            cursor = 19
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
                cursor += 1
                while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
            }
        }
        while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
        if cursor < bytes.count {
            let zone = bytes[cursor]
            if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
                result += "Z"
            } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-"), let hours = number(bytes, cursor + 1, 2) {
                let minutesStart = cursor + 3 < bytes.count && bytes[cursor + 3] == 0x3A ? cursor + 4 : cursor + 3
                let minutes = number(bytes, minutesStart, 2) ?? 0
                result += String(Character(Unicode.Scalar(zone))) + twoDigits(hours) + ":" + twoDigits(minutes)
            }
        }
        return result
    }

    private static let englishMonths = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// `Tue, 21 Jul 2015 02:51:32 +0300`, as RSS and e-mail write dates.
    private static func rfc822(_ text: String) -> String? {
        let parts = text.lowercased().scalarWords(separatedBy: { $0 == " " || $0 == "," })
        guard let monthIndex = parts.firstIndex(where: { part in englishMonths.contains(where: { part.hasPrefix($0) }) }),
              monthIndex >= 1, monthIndex + 1 < parts.count,
              let day = Int(parts[monthIndex - 1]), let year = Int(parts[monthIndex + 1]),
              let month = englishMonths.firstIndex(where: { parts[monthIndex].hasPrefix($0) }),
              let date = isoDate(year: year, month: month + 1, day: day)
        else { return nil }
        guard monthIndex + 2 < parts.count else { return date }
        let clock = parts[monthIndex + 2].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, clock[0] < 24, clock[1] < 60 else { return date }
        var result = date + "T" + twoDigits(clock[0]) + ":" + twoDigits(clock[1]) + ":" + twoDigits(clock.count > 2 ? clock[2] : 0)
        if monthIndex + 3 < parts.count {
            let zone = Array(parts[monthIndex + 3].utf8)
            if zone.count == 5, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
               let hours = number(zone, 1, 2), let minutes = number(zone, 3, 2) {
                result += String(Character(Unicode.Scalar(zone[0]))) + twoDigits(hours) + ":" + twoDigits(minutes)
            } else if parts[monthIndex + 3] == "gmt" || parts[monthIndex + 3] == "utc" || parts[monthIndex + 3] == "z" {
                result += "Z"
            }
        }
        return result
    }

    /// `2020-11-12`, `2020/11/12`, `12/11/2020`, `12-11-2020`, `12.11.2020` anywhere in the text.
    private static func numericDate(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) else {
                index += 1
                continue
            }
            var groups: [(value: Int, length: Int)] = []
            var separator: UInt8 = 0
            var cursor = index
            while cursor < bytes.count, groups.count < 3 {
                var length = 0
                var value = 0
                while cursor < bytes.count, isDigit(bytes[cursor]), length < 5 {
                    value = value * 10 + Int(bytes[cursor] - 0x30)
                    length += 1
                    cursor += 1
                }
                guard length > 0 else { break }
                groups.append((value, length))
                guard groups.count < 3, cursor < bytes.count else { break }
                let next = bytes[cursor]
                guard next == 0x2D || next == 0x2F || next == 0x2E, separator == 0 || separator == next else { break }
                separator = next
                cursor += 1
            }
            if groups.count == 3, cursor >= bytes.count || !isDigit(bytes[cursor]) {
                if groups[0].length == 4, let date = isoDate(year: groups[0].value, month: groups[1].value, day: groups[2].value) {
                    return date
                }
                if groups[2].length == 4, groups[0].length <= 2, groups[1].length <= 2,
                   let date = isoDate(year: groups[2].value, month: groups[1].value, day: groups[0].value) {
                    return date
                }
            }
            index = max(cursor, index + 1)
        }
        return nil
    }

    // MARK: - Month names

    /// Month names in match-key form (أ→ا, ة→ه, ى→ي), one or two words.
    private static let monthNames: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [(String, Int)] = [
            ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5),
            ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8),
            ("سبتمبر", 9), ("أكتوبر", 10), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
            ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5), ("ايار", 5),
            ("حزيران", 6), ("تموز", 7), ("آب", 8), ("اب", 8), ("أيلول", 9), ("ايلول", 9), ("تشرين الأول", 10),
            ("تشرين الاول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12), ("كانون الاول", 12),
            ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("افريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7),
            ("جويليه", 7), ("أوت", 8), ("اوت", 8), ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11),
            ("دجنبر", 12),
            ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
            ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
            ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ]
        for (name, month) in names { table[TextNormalizer.matchKey(name).lowercased()] = month }
        return table
    }()

    private enum Token {
        case number(Int, digits: Int)
        case word(String)
    }

    /// `12 تشرين الثاني 2020`, `الخميس 5 يوليو/تموز 2018`, `July 5, 2018`, `5 July 2018`.
    private static func wordDate(in text: String) -> String? {
        var tokens: [Token] = []
        for word in text.scalarWords(separatedBy: { !(ScalarTable.isAlphabetic($0) || ScalarTable.isNumeric($0)) }) {
            if let value = Int(word), word.utf8.count <= 4 {
                tokens.append(.number(value, digits: word.utf8.count))
            } else {
                tokens.append(.word(word))
            }
        }
        var index = 0
        while index < tokens.count {
            guard let (month, width) = month(at: index, in: tokens) else {
                index += 1
                continue
            }
            var after = index + width
            // "تشرين الثاني/نوفمبر": a second name for the same month.
            if let (_, extra) = self.month(at: after, in: tokens) { after += extra }
            if index > 0, case .number(let day, let dayDigits) = tokens[index - 1], dayDigits <= 2,
               after < tokens.count, case .number(let year, 4) = tokens[after],
               let date = isoDate(year: year, month: month, day: day) {
                return date
            }
            if after + 1 < tokens.count, case .number(let day, let dayDigits) = tokens[after], dayDigits <= 2,
               case .number(let year, 4) = tokens[after + 1],
               let date = isoDate(year: year, month: month, day: day) {
                return date
            }
            index = after
        }
        return nil
    }

    private static func month(at index: Int, in tokens: [Token]) -> (Int, Int)? {
        guard index < tokens.count, case .word(let first) = tokens[index] else { return nil }
        if index + 1 < tokens.count, case .word(let second) = tokens[index + 1],
           let month = monthNames[first + " " + second] {
            return (month, 2)
        }
        if let month = monthNames[first] { return (month, 1) }
        // A glued conjunction or preposition: "وتموز", "بتموز".
        if first.unicodeScalars.count > 3, let initial = first.unicodeScalars.first,
           initial == "\u{0648}" || initial == "\u{0628}" || initial == "\u{0641}" {
            if let month = monthNames[String(first.unicodeScalars.dropFirst())], month != 5 { return (month, 1) }
        }
        return nil
    }

    // MARK: - Helpers


    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let daysInMonth = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= daysInMonth[month - 1] else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    /// A moment given in seconds since 1970 as an ISO 8601 UTC date and time.
    static func timestamp(_ seconds: Int) -> String? { fromUnixTime(seconds) }

    private static func fromUnixTime(_ seconds: Int) -> String? {
        guard seconds > 0 else { return nil }
        let days = seconds / 86_400
        let remainder = seconds % 86_400
        let civil = CivilDate(dayNumber: days)
        let (year, month, day) = (civil.year, civil.month, civil.day)
        guard let date = isoDate(year: year, month: month, day: day) else { return nil }
        return date + "T" + twoDigits(remainder / 3600) + ":" + twoDigits(remainder % 3600 / 60) + ":" + twoDigits(remainder % 60) + "Z"
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start >= 0, start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + length)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension String {
    /// The runs of scalars between separators, empty runs omitted. The runs are found on
    /// the UTF-8 in one pass, and each is copied as bytes, not rebuilt scalar by scalar.
    func scalarWords(separatedBy isSeparator: (Unicode.Scalar) -> Bool) -> [String] {
        var text = self
        let runs: [Range<Int>] = text.withUTF8 { bytes in
            var runs: [Range<Int>] = []
            var start = -1
            var index = 0
            while index < bytes.count {
                let (value, width) = UTF8Scalar.decode(bytes, at: index)
                if isSeparator(Unicode.Scalar(value).unsafelyUnwrapped) {
                    if start >= 0 { runs.append(start..<index) }
                    start = -1
                } else if start < 0 {
                    start = index
                }
                index += width
            }
            if start >= 0 { runs.append(start..<bytes.count) }
            return runs
        }
        return runs.map { text.copying(utf8: $0) }
    }

    /// The text between two UTF-8 offsets that are scalar boundaries, copied as bytes: the
    /// offsets index a native string in constant time, and nothing is validated again.
    func copying(utf8 range: Range<Int>) -> String {
        let utf8 = utf8
        return String(Substring(unicodeScalars[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
    }

    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        // Most text comes here trimmed already (a display form has no space at its ends): kept, not copied.
        if let first = scalars.first, let last = scalars.last, !ScalarTable.isWhitespace(first), !ScalarTable.isWhitespace(last) {
            return self
        }
        guard let first = scalars.firstIndex(where: { !ScalarTable.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !ScalarTable.isWhitespace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
