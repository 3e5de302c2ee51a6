import MarsadText

/// Measurements of one line or paragraph of text that tell running prose
/// from headlines, link lists and glued tickers, without knowing the site.
struct LineShape: Equatable {
    var words = 0
    var letters = 0
    /// Commas, semicolons and sentence stops inside the line (ellipses and
    /// the dots of decimals and abbreviations like "U.S." do not count).
    var innerPunctuation = 0
    /// Ends like a sentence: a full stop, colon or ellipsis, after any closing quote.
    var endsWithStop = false
    /// Ends with a question or exclamation mark, as headlines also do.
    var endsWithQuestionOrExclamation = false
    /// Places where two headlines were glued together: a stop directly
    /// followed by a letter, or a word-final letter (ة، ى) inside a word.
    var glueMarks = 0
    var digits = 0
    /// Commas and semicolons: running prose has them, lists of headlines rarely do.
    var commas = 0
    /// Starts with a list bullet or an interview's question/answer marker.
    var startsAsItem = false

    private static let bullets: Set<UInt32> = [0x2022, 0x25CF, 0x25AA, 0x25A0, 0x2219, 0x00B7, 0x2013, 0x2014, 0x2D, 0x2A, 0x25BA, 0x27A2]

    init(_ text: String) {
        let table = ScalarTable.Lookup()
        let none = ScalarTable.noScalar
        var inWord = false
        var scalarCount = 0
        var opening = (none, none, none)
        // Letters right before the current scalar, since the last scalar that is not one.
        var letterRun = 0
        // One pass over the UTF-8, each scalar seen with its neighbours.
        ScalarTable.forEachScalar(of: text) { previous, value, next in
            switch scalarCount {
            case 0: opening.0 = value
            case 1: opening.1 = value
            case 2: opening.2 = value
            default: break
            }
            scalarCount &+= 1
            if table.isWhitespace(value: value) {
                inWord = false
            } else {
                if !inWord { words += 1 }
                inWord = true
            }
            let isLetter = table.isAlphabetic(value: value)
            if isLetter { letters += 1 }
            defer { letterRun = isLetter ? letterRun &+ 1 : 0 }
            if DecimalDigit.isDigit(value) { digits += 1 }
            let hasNext = next != none
            switch value {
            case 0x060C, 0x2C, 0x061B, 0x3B:
                commas += 1
                if hasNext { innerPunctuation += 1 }
            case 0x2E:
                let isDecimal = DecimalDigit.isDigit(previous) && DecimalDigit.isDigit(next)
                let isEllipsis = previous == 0x2E || next == 0x2E
                let isAbbreviation = Self.isLatinLetter(previous) && Self.isLatinLetter(next)
                // Arabic initials or short syllables set apart by dots ("إس.إي.إس", "أ.ف.ب") glue no headlines:
                // a headline glued to the next ends on a word longer than two letters.
                let isArabicAbbreviation = letterRun <= 2 && Self.isArabicLetter(previous) && Self.isArabicLetter(next)
                if !isDecimal, !isEllipsis, !isAbbreviation, hasNext { innerPunctuation += 1 }
                if !isEllipsis, !isArabicAbbreviation, Self.isArabicLetter(next) { glueMarks += 1 }
            case 0x21, 0x3F, 0x061F:
                if hasNext, next != 0x21, next != 0x3F, next != 0x061F { innerPunctuation += 1 }
                if Self.isArabicLetter(next) || Self.isLatinLetter(next) { glueMarks += 1 }
            case 0x0629, 0x0649:
                if Self.isArabicLetter(next) { glueMarks += 1 }
            default:
                break
            }
        }
        if scalarCount > 0 {
            if Self.bullets.contains(opening.0) {
                startsAsItem = true
            } else if scalarCount > 2, opening.0 == 0x0633 || opening.0 == 0x062C,
                      opening.1 == 0x3A || opening.1 == 0x2F || (opening.1 == 0x20 && opening.2 == 0x3A) {
                // "س:" and "ج:", the question and answer marks of printed interviews.
                startsAsItem = true
            }
        }
        // Look through closing quotes and brackets for the final mark.
        var text = text
        (endsWithStop, endsWithQuestionOrExclamation) = text.withUTF8 { bytes in
            var end = bytes.count
            while end > 0 {
                let start = UTF8Scalar.start(before: end, in: bytes)
                let value = UTF8Scalar.decode(bytes, at: start).value
                if !Self.isClosingOrSpace(value) { break }
                end = start
            }
            guard end > 0 else { return (false, false) }
            let last = UTF8Scalar.start(before: end, in: bytes)
            switch UTF8Scalar.decode(bytes, at: last).value {
            case 0x2E:
                // "..": a headline trailing off, not a finished sentence; "..." an ellipsis.
                guard last > 0, bytes[last - 1] == 0x2E else { return (true, false) }
                return (last > 1 && bytes[last - 2] == 0x2E, false)
            case 0x3A, 0x2026:
                return (true, false)
            case 0x21, 0x3F, 0x061F:
                return (false, true)
            default:
                return (false, false)
            }
        }
    }

    /// Running prose: long enough and punctuated like sentences.
    var isProse: Bool {
        if words >= 16 { return true }
        if endsWithStop && words >= 5 { return true }
        guard words >= 8 else { return false }
        if innerPunctuation >= 2 && words >= 10 { return true }
        return false
    }

    /// A run of headlines glued together without spaces or stops.
    var isGluedTicker: Bool {
        // Glued headlines meet every ten words or so; a few typos in a
        // paragraph of hundreds of words ("الماضي.ورغم") glue nothing.
        glueMarks >= 3 && letters >= 120 && commas * 2 <= glueMarks && glueMarks * 40 >= words
    }

    /// Long but hardly punctuated: headlines run together, unless it proves otherwise.
    var looksLikeHeadlineSoup: Bool {
        !endsWithStop && ((words >= 25 && innerPunctuation == 0) || (words >= 40 && innerPunctuation * 30 < words))
    }

    /// A byline such as "مازن القحطاني – عين اليوم" or "لندن – رويترز".
    var isBylineLike: Bool {
        words <= 6 && innerPunctuation <= 3 && commas == 0 && !endsWithQuestionOrExclamation && digits == 0
    }

    var isHeadlineLike: Bool {
        !isProse && words >= 1 && words <= 25 && letters > 0
    }

    static func isArabicLetter(_ value: UInt32) -> Bool {
        (0x0620...0x064A).contains(value) || (0x0671...0x06D3).contains(value)
    }

    static func isLatinLetter(_ value: UInt32) -> Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    private static func isClosingOrSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0xAB, 0x2019, 0x201D, 0x201C, 0x203A, 0xFD3E, 0xFD3F: true
        default: ScalarTable.isWhitespace(value: value)
        }
    }
}
