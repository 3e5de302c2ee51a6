/// Paragraph and sentence splitting for Arabic and English news text.
///
/// Paragraphs are the non-blank lines of a text: scraped pages and feeds put
/// one paragraph per line, and the display form keeps those newlines.
///
/// Sentences end at `.` `!` `?` `؟` `۔` `…` (and runs of them such as `؟!`), at
/// a newline, and after the closing quote or bracket that follows such a mark.
/// A period does not end a sentence when it is:
/// - a decimal point or a separator inside a token (`1.1 ألف`, `U.S.`, `أ.د.`, `aawsat.com`);
/// - after a one-letter Arabic abbreviation (`د.` doctor, `م.` engineer, `أ.` professor)
///   unless a number precedes it (`2015 م.` closes a sentence);
/// - after an English title or common abbreviation (`Mr.`, `Dr.`, `Gen.`, `Jan.`), or an initial (`J.`);
/// - followed by a lower-case English word.
/// Inside a short quotation (« », “ ”, " ") that closes within the same
/// paragraph, no mark ends the sentence; the sentence ends after the closing
/// quote when the quotation ended with one. `،` and `؛` never end a sentence.
/// The functions return slices of the input, trimmed of surrounding whitespace.
public enum TextSegmenter {
    /// The non-blank lines of a text, trimmed.
    public static func paragraphs(in text: String) -> [Substring] {
        text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" }).compactMap {
            let trimmed = trim(Substring($0))
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// The sentences of a text, trimmed, in order.
    public static func sentences(in text: String) -> [Substring] {
        sentenceRanges(in: text).map { text[$0] }
    }

    /// The ranges of the sentences of a text, trimmed of whitespace.
    public static func sentenceRanges(in text: String) -> [Range<String.Index>] {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []  // UTF-8 offset of each scalar, plus the end.
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var ranges: [Range<String.Index>] = []
        let utf8 = text.utf8
        func close(_ start: Int, _ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, isSpace(scalars[upper - 1]) { upper -= 1 }
            guard lower < upper else { return }
            let from = utf8.index(utf8.startIndex, offsetBy: offsets[lower])
            let to = utf8.index(from, offsetBy: offsets[upper] - offsets[lower])
            ranges.append(from..<to)
        }

        var start = 0
        var index = 0
        var openQuote: (closer: Unicode.Scalar, closes: Int?)? = nil
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                close(start, index)
                start = index + 1
                openQuote = nil
                index += 1
                continue
            }
            if let quote = openQuote, scalar == quote.closer {
                openQuote = nil
                index += 1
                continue
            }
            if openQuote == nil, let closer = closingQuote(for: scalar) {
                openQuote = (closer, findCloser(closer, in: scalars, from: index + 1))
                index += 1
                continue
            }
            guard isTerminator(scalar) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, isTerminator(scalars[end]) { end += 1 }
            let singlePeriod = scalar == "." && end == index + 1
            let periodsBeforeWord =
                end < scalars.count && isLetterOrDigit(scalars[end]) && scalars[index..<end].allSatisfy { $0 == "." }
            if periodsBeforeWord || singlePeriod && !periodEndsSentence(scalars, at: index) {
                index = end
                continue
            }
            if let quote = openQuote {
                if let closes = quote.closes {
                    // A short quotation: the sentence goes on to its closing quote,
                    // and ends there if the quotation ended with this mark.
                    let closerFollows = scalars[end..<closes].allSatisfy(isSpace)
                    if closerFollows {
                        end = closes + 1
                        openQuote = nil
                    } else {
                        index = end
                        continue
                    }
                } else {
                    openQuote = nil
                }
            }
            while end < scalars.count, isClosingPunctuation(scalars[end]) { end += 1 }
            close(start, end)
            start = end
            index = end
        }
        close(start, scalars.count)
        return ranges
    }

    /// A quotation longer than this, or one not closed in its paragraph, is
    /// split like ordinary text.
    static let shortQuotationLimit = 300

    static func findCloser(_ closer: Unicode.Scalar, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        let limit = min(scalars.count, start + shortQuotationLimit)
        while index < limit {
            if scalars[index] == closer { return index }
            if scalars[index] == "\n" { return nil }
            index += 1
        }
        return nil
    }

    static func closingQuote(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "«": return "»"
        case "“": return "”"
        case "„": return "“"
        case "\"": return "\""
        default: return nil
        }
    }

    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "؟", "\u{06D4}", "…", "‼", "⁇", "⁈", "⁉": return true
        default: return false
        }
    }

    static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "»", "”", "’", "\"", "'", ")", "]", "}", "›": return true
        default: return false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B || scalar.value == 0xFEFF
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0620...0x064A).contains(scalar.value) || (0x066E...0x06D3).contains(scalar.value)
            || (0xFB50...0xFEFC).contains(scalar.value)
    }

    /// English titles and abbreviations that a period follows mid-sentence.
    static let englishAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
        "gov", "sen", "rep", "rev", "hon", "pres", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
        "univ", "approx", "fig", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mt", "ft", "ave", "blvd", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
    ]

    /// Whether the single period at `index` closes a sentence.
    static func periodEndsSentence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        // Inside a token: a decimal point, an acronym, a domain name, "سوريا..التفاصيل".
        if let next, isLetterOrDigit(next) { return false }
        // The word before the period, with its internal periods.
        var wordStart = index
        while wordStart > 0, isLetterOrDigit(scalars[wordStart - 1]) || scalars[wordStart - 1] == "."
            || scalars[wordStart - 1] == "\u{0640}"
        {
            wordStart -= 1
        }
        let word = scalars[wordStart..<index].filter { $0 != "\u{0640}" }
        guard !word.isEmpty else { return true }
        let letters = word.filter { $0 != "." }
        if letters.count == 1, isArabicLetter(letters[0]) {
            // An era marker after a year ("2015 م.") closes the sentence; otherwise a title.
            var before = wordStart - 1
            while before >= 0, isSpace(scalars[before]) { before -= 1 }
            if before >= 0, scalars[before].properties.numericType != nil { return true }
            return false
        }
        if word.contains("."), letters.allSatisfy(isLetterOrDigit) { return false }
        let lowered = String(String.UnicodeScalarView(word)).lowercased()
        if englishAbbreviations.contains(lowered) { return false }
        if letters.count == 1, letters[0].properties.isUppercase { return false }
        // An English sentence starts with a capital: a lower-case word continues this one.
        var after = index + 1
        while after < scalars.count, isSpace(scalars[after]), scalars[after] != "\n" { after += 1 }
        if after < scalars.count, after > index + 1, scalars[after].properties.isLowercase {
            return false
        }
        return true
    }

    private static func trim(_ line: Substring) -> Substring {
        var start = line.unicodeScalars.startIndex
        var end = line.unicodeScalars.endIndex
        while start < end, isSpace(line.unicodeScalars[start]) { start = line.unicodeScalars.index(after: start) }
        while end > start, isSpace(line.unicodeScalars[line.unicodeScalars.index(before: end)]) {
            end = line.unicodeScalars.index(before: end)
        }
        return line[start..<end]
    }
}
