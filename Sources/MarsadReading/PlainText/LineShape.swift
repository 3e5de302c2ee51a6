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
        let scalars = text.scalarArray
        let table = ScalarTable.Lookup()
        var inWord = false
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            let isSpace = table.isWhitespace(scalar)
            if isSpace {
                inWord = false
            } else {
                if !inWord { words += 1 }
                inWord = true
            }
            if table.isAlphabetic(scalar) { letters += 1 }
            if (0x30...0x39).contains(value) || (0x0660...0x0669).contains(value) || (0x06F0...0x06F9).contains(value) { digits += 1 }
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let previous = index > 0 ? scalars[index - 1] : nil
            switch value {
            case 0x060C, 0x2C, 0x061B, 0x3B:
                commas += 1
                if next != nil { innerPunctuation += 1 }
            case 0x2E:
                let isDecimal = previous.map(Self.isDigit) == true && next.map(Self.isDigit) == true
                let isEllipsis = previous == "." || next == "."
                let isAbbreviation = previous.map(Self.isLatinLetter) == true && next.map(Self.isLatinLetter) == true
                if !isDecimal, !isEllipsis, !isAbbreviation, next != nil { innerPunctuation += 1 }
                if let next, !isEllipsis, Self.isArabicLetter(next) { glueMarks += 1 }
            case 0x21, 0x3F, 0x061F:
                if next != nil, next != "!", next != "?", next != "\u{061F}" { innerPunctuation += 1 }
                if let next, Self.isArabicLetter(next) || Self.isLatinLetter(next) { glueMarks += 1 }
            case 0x0629, 0x0649:
                if let next, Self.isArabicLetter(next) { glueMarks += 1 }
            default:
                break
            }
        }
        if let first = scalars.first {
            if Self.bullets.contains(first.value) {
                startsAsItem = true
            } else if scalars.count > 2, first == "\u{0633}" || first == "\u{062C}",
                      scalars[1] == ":" || scalars[1] == "/" || (scalars[1] == " " && scalars[2] == ":") {
                // "س:" and "ج:", the question and answer marks of printed interviews.
                startsAsItem = true
            }
        }
        // Look through closing quotes and brackets for the final mark.
        var tail = scalars.count - 1
        while tail >= 0, Self.isClosingOrSpace(scalars[tail]) { tail -= 1 }
        if tail >= 0 {
            switch scalars[tail].value {
            case 0x2E, 0x3A, 0x2026:
                endsWithStop = true
                if scalars[tail] == ".", tail > 0, scalars[tail - 1] == "." {
                    // "..": a headline trailing off, not a finished sentence.
                    endsWithStop = tail > 1 && scalars[tail - 2] == "." ? true : false
                }
            case 0x21, 0x3F, 0x061F:
                endsWithQuestionOrExclamation = true
            default:
                break
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

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0x0660...0x0669).contains(scalar.value)
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0620...0x064A).contains(scalar.value) || (0x0671...0x06D3).contains(scalar.value)
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    private static func isClosingOrSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0xAB, 0x2019, 0x201D, 0x201C, 0x203A, 0xFD3E, 0xFD3F: true
        default: ScalarTable.isWhitespace(scalar)
        }
    }
}
