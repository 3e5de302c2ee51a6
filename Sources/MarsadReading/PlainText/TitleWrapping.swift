import MarsadText

/// What a page wraps around the headline it shows, left out of the title:
/// pictographs before or after it ("📌 ", " 🔴"), a forum's "الموضوع:" label,
/// a wire credit after a dash ("… - رويترز": the credit's, not the
/// headline's), and the site's name after a bar, as browser titles carry it
/// ("headline | Site"), and one pair of quotes around the whole headline.
/// Pure text work, no I/O.
enum TitleWrapping {
    /// The title without its wrapping; `isPageLine` says whether a match key is
    /// the key of one of the page's other lines, which may show the site's name
    /// on its own (a masthead), asked only of a title with a bar or a dash.
    static func unwrapped(_ title: String, isPageLine: (String) -> Bool = { _ in false }) -> String {
        var text = withoutDecoration(title)
        text = withoutForumLabel(text)
        text = withoutDecoration(withoutAlertLabel(text))
        text = withoutWholeQuotes(text)
        text = withoutTrailingCredit(text)
        text = withoutSiteName(text, isPageLine: isPageLine)
        return withoutDecoration(text)
    }

    /// Fewest words the headline keeps once its wrapping is left out.
    static let shortestHeadlineWords = 3

    /// "📌 headline", "⚡️ headline", "headline 🔴": symbols (So, from U+2000 on:
    /// pictographs, dingbats, arrows) at either end, with the variation
    /// selectors, joiners and skin tones emoji are spelt with.
    static func withoutDecoration(_ text: String) -> String {
        let scalars = text.scalarArray
        // Signs of Latin-1 ("°", "©", "®") belong to what they follow: "… 50°".
        func isDecoration(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value >= 0x2000 && ScalarTable.isOtherSymbol(scalar)) || ScalarTable.isWhitespace(scalar)
                || (0xFE00...0xFE0F).contains(scalar.value) || scalar.value == 0x200D || scalar.value == 0x20E3
                || (0x1F3FB...0x1F3FF).contains(scalar.value)
        }
        guard let first = scalars.firstIndex(where: { !isDecoration($0) }),
              let last = scalars.lastIndex(where: { !isDecoration($0) }) else { return text }
        if first == 0, last == scalars.count - 1 { return text }
        // "©" before a name is a credit line, not decoration: the line keeps it.
        if scalars[..<first].contains(where: { $0 == "\u{00A9}" }) { return text }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// "الموضوع: headline": the label a forum thread puts before the headline it reposts.
    static func withoutForumLabel(_ text: String) -> String {
        let scalars = text.scalarArray
        guard let colon = scalars.prefix(24).firstIndex(of: ":") else { return text }
        let label = BoilerplateLexicon.keyWords(String(String.UnicodeScalarView(scalars[..<colon]))).joined(separator: " ")
        guard forumLabels.contains(label) else { return text }
        let rest = String(String.UnicodeScalarView(scalars[(colon + 1)...])).trimmingWhitespace()
        return LineShape(rest).words >= shortestHeadlineWords ? rest : text
    }

    /// "عاجل: headline", "خبر عاجل - headline", "Breaking: headline": a breaking-news
    /// label is the page's or the channel's flag on the headline, not its words, as
    /// before a bar ("عاجل | headline", see ``withoutSiteName(_:isPageLine:)``); before a
    /// colon or a spaced dash it is set off the same way.
    static func withoutAlertLabel(_ text: String) -> String {
        let scalars = text.scalarArray
        let head = scalars.prefix(24)
        var labelEnd: Int?, restStart = 0
        for index in head.indices {
            if scalars[index] == ":" {
                labelEnd = index; restStart = index + 1; break
            }
            if index > 0, index + 1 < scalars.count, scalars[index - 1] == " ", scalars[index + 1] == " ",
               scalars[index] == "-" || scalars[index] == "\u{2013}" || scalars[index] == "\u{2014}" {
                labelEnd = index; restStart = index + 1; break
            }
        }
        guard let labelEnd else { return text }
        let label = BoilerplateLexicon.keyWords(String(String.UnicodeScalarView(scalars[..<labelEnd]))).joined(separator: " ")
        guard alertLabels.contains(label) else { return text }
        let rest = String(String.UnicodeScalarView(scalars[restStart...])).trimmingWhitespace()
        return LineShape(rest).words >= shortestHeadlineWords ? rest : text
    }

    /// Match keys of the labels channels and tickers flag a breaking headline with.
    static let alertLabels: Set<String> = Set(["عاجل", "خبر عاجل", "عاجل جدا", "عاجل جداً", "أخبار عاجلة", "Breaking", "Breaking news", "Urgent"]
        .map { BoilerplateLexicon.keyWords($0).joined(separator: " ") })

    /// "«headline»", "\"headline\"", "“headline”": reposts, forums and channels
    /// set the headline they carry in quotes, while the headline itself almost
    /// never is one whole quotation (a thousandth of a year of Saudi papers'
    /// headlines, column names mostly), so a single pair that opens the line
    /// and closes it is the page's. Quotes of the headline's own inside it
    /// ("«a "b" c»", "«a «b» c»") pair up among themselves; where they do not
    /// ("«a» و«b»"), the first and last marks are two pairs, and the line stays whole.
    static func withoutWholeQuotes(_ text: String) -> String {
        let scalars = text.scalarArray
        guard scalars.count > 2, let first = scalars.first, let last = scalars.last,
              let closing = quotePairs[first], closing == last else { return text }
        let inner = scalars[1..<(scalars.count - 1)]
        guard quotesPairUp(inner, inside: first) else { return text }
        let rest = String(String.UnicodeScalarView(inner)).trimmingWhitespace()
        return rest.isEmpty ? text : rest
    }

    /// Whether the quote marks of `inner` pair up among themselves: each
    /// closing mark after its opening one, and straight marks even. Inside
    /// straight quotes, a straight mark may as well close the outer pair
    /// ("\"a\" و\"b\""): that cannot be told, so it does not pair up.
    static func quotesPairUp(_ inner: ArraySlice<Unicode.Scalar>, inside outer: Unicode.Scalar) -> Bool {
        var straightMarks = 0
        var openDepth: [Unicode.Scalar: Int] = [:]
        for scalar in inner {
            if scalar == "\"" {
                if outer == "\"" { return false }
                straightMarks += 1
            } else if quotePairs[scalar] != nil {
                openDepth[scalar, default: 0] += 1
            } else if let opening = openingMarks[scalar] {
                openDepth[opening, default: 0] -= 1
                if openDepth[opening, default: 0] < 0 { return false }
            }
        }
        return straightMarks % 2 == 0 && openDepth.values.allSatisfy { $0 == 0 }
    }

    /// Opening quote marks and the marks that close them.
    static let quotePairs: [Unicode.Scalar: Unicode.Scalar] = ["\u{00AB}": "\u{00BB}", "\"": "\"", "\u{201C}": "\u{201D}"]

    /// The opening mark of each closing mark that differs from it, read off `quotePairs`.
    static let openingMarks: [Unicode.Scalar: Unicode.Scalar] = Dictionary(
        uniqueKeysWithValues: quotePairs.filter { $0.key != $0.value }.map { ($0.value, $0.key) }
    )

    /// Match keys of the labels forums and mailing lists set before a thread's subject.
    static let forumLabels: Set<String> = Set(["الموضوع", "موضوع", "عنوان الموضوع", "Subject", "Topic", "Re", "Sujet"]
        .map { BoilerplateLexicon.keyWords($0).joined(separator: " ") })

    /// "headline - رويترز", "headline – د ب أ": a wire credit after a dash belongs to the credit.
    static func withoutTrailingCredit(_ text: String) -> String {
        for separator in [" - ", " – ", " — "] {
            let parts = text.components(separatedByString: separator)
            guard parts.count >= 2, let tail = parts.last else { continue }
            let head = parts.dropLast().joined(separator: separator).trimmingWhitespace()
            if Attribution.isWireCredit(PlainTextExtractor.stripBrackets(tail)), LineShape(head).words >= shortestHeadlineWords {
                return head
            }
        }
        return text
    }

    /// "headline | Site", "Site | headline", "headline - Site": the site's name
    /// beside the headline, as a browser title shows it. After a bar, a part of
    /// at most `siteNameMaximumWords` words without digits is the site's name,
    /// and before a bar such a part is a label or the site's name ("عاجل |
    /// headline"); on either side of a bar or a dash, a part the page shows
    /// as a line of its own (a masthead, a footer) is.
    static func withoutSiteName(_ text: String, isPageLine: (String) -> Bool) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            let parts = text.components(separatedByString: separator)
            guard parts.count == 2 else { continue }
            let head = parts[0].trimmingWhitespace(), tail = parts[1].trimmingWhitespace()
            let headShape = LineShape(head), tailShape = LineShape(tail)
            if tailShape.words >= 1, headShape.words >= shortestHeadlineWords, headShape.words > tailShape.words {
                if isPageLine(BoilerplateLexicon.lineKeyWords(tail).key) { return head }
                if separator == " | " || separator == " :: ", tailShape.words <= siteNameMaximumWords, tailShape.digits == 0 {
                    return head
                }
            }
            if headShape.words >= 1, tailShape.words >= shortestHeadlineWords, tailShape.words > headShape.words {
                if isPageLine(BoilerplateLexicon.lineKeyWords(head).key) { return tail }
                // Headlines hold no bar (not one of 31,030 SaudiNewsNet titles):
                // a short part before one is a live or section label ("عاجل |",
                // "LIVE |") or the site's name, as browser titles set it first.
                if separator == " | " || separator == " :: ", headShape.words <= siteNameMaximumWords, headShape.digits == 0 {
                    return tail
                }
            }
        }
        return text
    }

    /// The most words a site's name after a bar holds ("Arab News عربي").
    static let siteNameMaximumWords = 4
}
