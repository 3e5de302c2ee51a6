import MarsadText
/// Finds the calendar days an article refers to: explicit dates with Levantine,
/// Maghrebi, Egyptian/Gulf or English month names (Arabic-Indic digits
/// included), numeric dates, and weekday or relative phrases resolved against
/// the publication date. Without that anchor, relative phrases are dropped.
public enum DateExtractor {
    public static func extract(title: String, body: String, published: String?) -> [MentionedDate] {
        extract(ScannedText(headline: title, body: body), published: published)
    }

    static func extract(_ text: ScannedText, published: String?) -> [MentionedDate] {
        var scan = DateScan(text: text, anchor: published.flatMap(CivilDate.init(iso:)))
        return scan.run()
    }

    enum Word: Equatable {
        case month(Int)
        case weekday(Int)  // 0 = Sunday
        case today, yesterday, tomorrow, week, month_, past, next, current, first, after, morrow, day, of, year
        case kanun, tishrin, firstOrdinal, secondOrdinal
        case eraGregorian, eraHijri
    }

    static let words: [(String, Word)] = {
        var list: [(String, Word)] = []
        let months: [[String]] = [
            ["يناير", "جانفي", "January"], ["فبراير", "فيفري", "شباط", "February"], ["مارس", "آذار", "March"],
            ["أبريل", "إبريل", "أفريل", "نيسان", "April"], ["مايو", "ماي", "أيار", "May"],
            ["يونيو", "يونية", "جوان", "حزيران", "June"], ["يوليو", "يولية", "جويلية", "تموز", "July"],
            ["أغسطس", "أوت", "آب", "August"], ["سبتمبر", "أيلول", "September"], ["أكتوبر", "October"],
            ["نوفمبر", "November"], ["ديسمبر", "December"],
        ]
        for (index, names) in months.enumerated() { for name in names { list.append((name, .month(index + 1))) } }
        let weekdays = [["الأحد"], ["الاثنين", "الإثنين"], ["الثلاثاء"], ["الأربعاء"], ["الخميس"], ["الجمعة"], ["السبت"]]
        for (index, names) in weekdays.enumerated() { for name in names { list.append((name, .weekday(index))) } }
        list += [
            ("اليوم", .today), ("أمس", .yesterday), ("البارحة", .yesterday), ("غدا", .tomorrow), ("غداً", .tomorrow),
            ("الأسبوع", .week), ("الشهر", .month_), ("الماضي", .past), ("الماضية", .past), ("المنصرم", .past),
            ("المقبل", .next), ("المقبلة", .next), ("القادم", .next), ("القادمة", .next), ("الجاري", .current),
            ("الحالي", .current), ("أول", .first), ("بعد", .after), ("غد", .morrow), ("يوم", .day), ("من", .of),
            ("عام", .year), ("كانون", .kanun), ("تشرين", .tishrin), ("الأول", .firstOrdinal), ("الثاني", .secondOrdinal),
            ("م", .eraGregorian), ("ه", .eraHijri),
        ]
        return list
    }()

    static let table: (TokenTable, [Word]) = {
        var table = TokenTable()
        var codes: [Word] = []
        for (name, word) in words {
            for key in ScannedText.keys(of: name) {
                let id = Int(table.insert(key))
                if id == codes.count { codes.append(word) }
            }
        }
        return (table, codes)
    }()
}

/// A proleptic Gregorian day, with the arithmetic relative dates need.
private struct DateScan {
    let text: ScannedText
    let anchor: CivilDate?
    private var words: [DateExtractor.Word?] = []
    private var numbers: [Int?] = []
    private var found: [MentionedDate] = []
    private var seen: Set<String> = []

    init(text: ScannedText, anchor: CivilDate?) {
        self.text = text
        self.anchor = anchor
        let (table, codes) = DateExtractor.table
        words.reserveCapacity(text.tokenCount)
        numbers.reserveCapacity(text.tokenCount)
        text.keyBytes.withUnsafeBufferPointer { keys in
            for token in 0..<text.tokenCount {
                let key = UnsafeBufferPointer(rebasing: keys[Int(text.keyOffset[token])..<Int(text.keyOffset[token + 1])])
                var number = 0
                var isNumber = key.count <= 4
                for byte in key where isNumber {
                    if byte >= 0x30 && byte <= 0x39 { number = number * 10 + Int(byte - 0x30) } else { isNumber = false }
                }
                numbers.append(isNumber ? number : nil)
                guard !isNumber, key.count <= 20 else {
                    words.append(nil)
                    continue
                }
                guard key.count < 4 || table.mayEndLikeAKey(key) else {
                    words.append(nil)
                    continue
                }
                var id = table.lookup(key)
                // A conjunction glued to the word: وأمس، فالخميس.
                if id < 0, key.count > 4, key[0] == 0xD9, key[1] == 0x88 || key[1] == 0x81 {
                    id = table.lookup(UnsafeBufferPointer(rebasing: key[2...]))
                }
                words.append(id >= 0 ? codes[Int(id)] : nil)
            }
        }
    }

    private func word(_ token: Int) -> DateExtractor.Word? { token < words.count ? words[token] : nil }
    private func number(_ token: Int) -> Int? { token < numbers.count ? numbers[token] : nil }

    /// The characters between two neighbouring tokens, when they are in one sentence.
    private func gap(before token: Int) -> [UInt8]? {
        guard token > 0, token < text.tokenCount, text.tokenSentence[token] == text.tokenSentence[token - 1] else { return nil }
        return Array(text.bytes[Int(text.tokenEnd[token - 1])..<Int(text.tokenStart[token])])
    }

    private mutating func emit(_ date: CivilDate?, from first: Int, to end: Int) {
        guard let date else { return }
        let phrase = text.text(from: Int(text.tokenStart[first]), to: Int(text.tokenEnd[end - 1]))
        guard seen.insert(date.iso + phrase).inserted else { return }
        found.append(MentionedDate(date: date.iso, text: phrase))
    }

    private static func plausibleYear(_ year: Int) -> Bool { (1900...2100).contains(year) }

    mutating func run() -> [MentionedDate] {
        var token = 0
        while token < text.tokenCount {
            token = step(token)
        }
        return found
    }

    /// Reads a month name at `token` (two words for كانون/تشرين), returning the month and the next token.
    private func month(at token: Int) -> (month: Int, next: Int)? {
        switch word(token) {
        case .month(let month)?: return (month, token + 1)
        case .kanun?:
            if word(token + 1) == .secondOrdinal { return (1, token + 2) }
            if word(token + 1) == .firstOrdinal { return (12, token + 2) }
        case .tishrin?:
            if word(token + 1) == .firstOrdinal { return (10, token + 2) }
            if word(token + 1) == .secondOrdinal { return (11, token + 2) }
        default: break
        }
        return nil
    }

    private mutating func step(_ token: Int) -> Int {
        // Numeric: 21/7/2015, 21-07-2015, 2015-07-21.
        if let first = number(token), let second = number(token + 1), let third = number(token + 2),
           let gap1 = gap(before: token + 1), let gap2 = gap(before: token + 2),
           gap1.count == 1, gap2 == gap1, gap1[0] == 0x2F || gap1[0] == 0x2D || gap1[0] == 0x2E {
            if Self.plausibleYear(first) {
                emit(CivilDate(year: first, month: second, day: third), from: token, to: token + 3)
                return token + 3
            }
            if Self.plausibleYear(third) {
                emit(CivilDate(year: third, month: second, day: first), from: token, to: token + 3)
                return token + 3
            }
        }
        // Day and month name: 26 تموز 2015, 26 من تموز الجاري, 3 أبريل (نيسان) الماضي.
        if let day = number(token), (1...31).contains(day) {
            var cursor = token + 1
            if word(cursor) == .of { cursor += 1 }
            if let (month, afterMonth) = month(at: cursor) {
                var end = afterMonth
                if let (alias, afterAlias) = self.month(at: end), alias == month { end = afterAlias }
                if let year = number(end), Self.plausibleYear(year) {
                    end += 1
                    if word(end) == .eraGregorian { end += 1 }
                    emit(CivilDate(year: year, month: month, day: day), from: token, to: end)
                    return end
                }
                if let year = number(end), year > 1300, year < 1500 { return end + 1 }  // a Hijri year
                guard let anchor else { return end }
                var year = anchor.year
                switch word(end) {
                case .current?:
                    end += 1
                case .past?:
                    end += 1
                    if month > anchor.month || (month == anchor.month && day > anchor.day) { year -= 1 }
                case .next?:
                    end += 1
                    if month < anchor.month || (month == anchor.month && day < anchor.day) { year += 1 }
                default:
                    if month - anchor.month > 6 { year -= 1 } else if anchor.month - month > 6 { year += 1 }
                }
                emit(CivilDate(year: year, month: month, day: day), from: token, to: end)
                return end
            }
        }
        guard let anchor else { return token + 1 }
        switch word(token) {
        case .today?:
            if case .weekday? = word(token + 1) {
                emit(anchor, from: token, to: token + 2)
                return token + 2
            }
        case .yesterday?:
            var end = token + 1
            if case .weekday? = word(end) { end += 1 }
            emit(anchor.adding(days: -1), from: token, to: end)
            return end
        case .first?:
            if word(token + 1) == .yesterday {
                emit(anchor.adding(days: -2), from: token, to: token + 2)
                return token + 2
            }
        case .tomorrow?:
            emit(anchor.adding(days: 1), from: token, to: token + 1)
            return token + 1
        case .after?:
            if word(token + 1) == .morrow {
                emit(anchor.adding(days: 2), from: token, to: token + 2)
                return token + 2
            }
        case .week?:
            switch word(token + 1) {
            case .past?: emit(anchor.adding(days: -7), from: token, to: token + 2); return token + 2
            case .next?: emit(anchor.adding(days: 7), from: token, to: token + 2); return token + 2
            default: break
            }
        case .month_?:
            let shift: Int
            switch word(token + 1) {
            case .past?: shift = -1
            case .next?: shift = 1
            default: return token + 1
            }
            let index = anchor.year * 12 + (anchor.month - 1) + shift
            emit(CivilDate(year: index / 12, month: index % 12 + 1, day: 1), from: token, to: token + 2)
            return token + 2
        case .day?:
            if case .weekday(let weekday)? = word(token + 1) {
                return resolveWeekday(weekday, from: token, at: token + 1, anchor: anchor)
            }
        case .weekday(let weekday)?:
            return resolveWeekday(weekday, from: token, at: token, anchor: anchor)
        default:
            break
        }
        return token + 1
    }

    /// A weekday alone is the latest such day up to the publication date; with
    /// "المقبل" the next one after it, with "الماضي" the last one before it.
    private mutating func resolveWeekday(_ weekday: Int, from first: Int, at token: Int, anchor: CivilDate) -> Int {
        let back = (anchor.weekday - weekday + 7) % 7
        switch word(token + 1) {
        case .next?:
            let ahead = (weekday - anchor.weekday + 7) % 7
            emit(anchor.adding(days: ahead == 0 ? 7 : ahead), from: first, to: token + 2)
            return token + 2
        case .past?:
            emit(anchor.adding(days: back == 0 ? -7 : -back), from: first, to: token + 2)
            return token + 2
        default:
            emit(anchor.adding(days: -back), from: first, to: token + 1)
            return token + 1
        }
    }
}
