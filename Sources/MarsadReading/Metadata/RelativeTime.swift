import MarsadText

/// "منذ 3 ساعات", "قبل ساعتين", "3 hours ago", "أمس 10:30": a timestamp
/// relative to the moment the page was saved, turned into a date once that
/// moment is known. Seconds, minutes and hours give an instant (written in
/// UTC); days and weeks give a date on the calendar of the configured zone,
/// whose offset from UTC the caller gives: "أمس" on a page saved at 00:30 in
/// Damascus is the day before in Damascus, not the UTC day before; months
/// and years are too loose to resolve.
enum RelativeTime {
    /// Match-key unit words with their length in seconds and, for the dual
    /// forms ("ساعتين"), the count the word carries itself.
    private static let units: [String: (seconds: Int, count: Int)] = {
        var table: [String: (seconds: Int, count: Int)] = [:]
        func add(_ words: [String], _ seconds: Int, count: Int = 1) {
            for word in words {
                for key in BoilerplateLexicon.keyWords(word) { table[key] = (seconds, count) }
            }
        }
        add(["ثانية", "ثوان", "ثواني", "ثانيه", "second", "seconds", "sec", "secs"], 1)
        add(["ثانيتين", "ثانيتان"], 1, count: 2)
        add(["دقيقة", "دقائق", "minute", "minutes", "min", "mins"], 60)
        add(["دقيقتين", "دقيقتان"], 60, count: 2)
        add(["ساعة", "ساعات", "hour", "hours", "hr", "hrs"], 3600)
        add(["ساعتين", "ساعتان"], 3600, count: 2)
        add(["يوم", "أيام", "ايام", "day", "days"], 86_400)
        add(["يومين", "يومان"], 86_400, count: 2)
        add(["أسبوع", "اسبوع", "أسابيع", "اسابيع", "week", "weeks"], 7 * 86_400)
        add(["أسبوعين", "اسبوعين", "أسبوعان"], 7 * 86_400, count: 2)
        return table
    }()

    private static func keys(_ words: [String]) -> Set<String> {
        Set(words.flatMap { BoilerplateLexicon.keyWords($0) })
    }

    private static let pastMarkers = keys(["منذ", "قبل", "ago"])
    private static let yesterday = keys(["امس", "أمس", "البارحة", "yesterday"])
    private static let today = keys(["اليوم", "today", "الان", "الآن", "للتو", "now", "just"])
    private static let articles = keys(["a", "an"])

    /// The date (or, below a day, the UTC date and time) a relative
    /// timestamp's match-key words name, counted back from `reference`
    /// (seconds since 1970); dates are days of the zone `utcOffset` seconds
    /// east of UTC at that moment. Nil when the words name no resolvable moment.
    static func resolve(keyWords words: [String], reference: Int, utcOffset: Int = 0) -> String? {
        guard ChromeLine.isRelativeTimestamp(keyWords: words) else { return nil }
        func date(_ seconds: Int) -> String? { localDate(seconds, utcOffset: utcOffset) }
        if words.contains(where: { yesterday.contains($0) }) { return date(reference - 86_400) }
        for (position, word) in words.enumerated() {
            guard let unit = units[word] else { continue }
            var count = unit.count
            if position > 0 {
                let previous = words[position - 1]
                if let number = Int(DecimalDigit.westernDigits(previous)) {
                    // A dual unit after a number ("9223372036854775807 ساعتين") must not trap.
                    let (product, overflow) = number.multipliedReportingOverflow(by: unit.count)
                    count = overflow ? .max : product
                } else if !articles.contains(previous), !pastMarkers.contains(previous), !today.contains(previous) {
                    continue
                }
            }
            // "منذ 3 ساعات" or "3 hours ago": the unit is counted back only with a marker.
            guard words.contains(where: { pastMarkers.contains($0) }), count > 0, count <= 10_000 else { return nil }
            let offset = count * unit.seconds
            return unit.seconds < 86_400 ? DateParsing.timestamp(reference - offset) : date(reference - offset)
        }
        if words.contains(where: { today.contains($0) }) { return date(reference) }
        return nil
    }

    private static func localDate(_ seconds: Int, utcOffset: Int) -> String? {
        guard seconds > 0 else { return nil }
        let (local, overflow) = seconds.addingReportingOverflow(utcOffset)
        guard !overflow, local >= 0 else { return nil }
        return CivilDate(dayNumber: local / 86_400).iso
    }
}
