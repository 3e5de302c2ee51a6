import MarsadText

/// Weighs the lines above an article as its title by evidence rather than by
/// position alone: how many of a line's words the article's opening repeats,
/// how far it agrees with what the HTML `<title>`, `og:title` or `<h1>` says,
/// its length, and whether it looks like chrome a headline is not (a byline,
/// "Place: Name", a date, a share row or a category label). The site's
/// repeated lines never get here: the template has already made them chrome.
///
/// The work is bounded per page: the opening is at most `openingWords` words
/// and candidates are at most `maximumCandidates` headline or prose lines
/// above the text (the chrome lines between them are passed over, once).
struct TitleEvidence {
    /// Stems of the article's first words, with each word's proclitic-free alternatives.
    let openingStems: Set<KeyWord>
    /// Stems of the page's own statements of its title (HTML metadata), if any.
    let hintStems: Set<KeyWord>
    /// The script most letters of the opening are written in.
    let openingScript: Script?
    /// Match keys of the parts of the page's browser-title line ("headline | site"), if it opens with one.
    let pageTitleParts: Set<String>

    static let openingWords = 80
    static let maximumCandidates = 12

    /// `openingKeys` are the match keys of the text's first prose lines (their
    /// key words joined by spaces, as ``PlainTextExtractor/Line`` keeps them):
    /// reused rather than recomputed, and split only as far as the word limit,
    /// since an opening paragraph is often the whole article.
    init(openingKeys: [String], hints: [String], pageTitleParts: Set<String> = []) {
        self.pageTitleParts = pageTitleParts
        var stems = Set<KeyWord>(minimumCapacity: 2 * Self.openingWords)
        var taken = 0
        for key in openingKeys where taken < Self.openingWords {
            var key = key
            key.withUTF8 { bytes in
                var wordStart = 0
                while wordStart < bytes.count, taken < Self.openingWords {
                    let wordEnd = bytes[wordStart...].firstIndex(of: 0x20) ?? bytes.count
                    if wordEnd > wordStart {
                        taken += 1
                        // The stems straight from the key's bytes: a string per word, and an array of
                        // its stems, cost more than the stemming.
                        let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd])
                        LightStemmer.forEachDocumentStem(word) { stem in
                            stems.insert(KeyWord(String(decoding: UnsafeBufferPointer(rebasing: word[stem]), as: UTF8.self)))
                        }
                    }
                    wordStart = wordEnd < bytes.count ? wordEnd + 1 : wordEnd
                }
            }
        }
        openingStems = stems
        openingScript = Script.dominant(inFirst: Self.openingWords * 8, scalarsOf: openingKeys)
        hintStems = Set(hints.flatMap { BoilerplateLexicon.keyWords($0).map { KeyWord(LightStemmer.stem($0)) } })
    }

    /// Content words of a line, stemmed: words of one or two letters
    /// (particles, initials) say nothing about what an article is about.
    /// Function words of three letters or more ("إلى", "التي", "with") say
    /// nothing either: "استمع إلى الخبر" is not retold by a text that uses "إلى".
    static func contentStems(_ keyWords: [String]) -> [KeyWord] {
        keyWords.filter { $0.unicodeScalars.count >= 3 && !functionWords.contains($0) }.map { KeyWord(LightStemmer.stem($0)) }
    }

    /// Match keys of common function words of three letters or more, Arabic and English.
    static let functionWords: Set<String> = Set([
        "إلى", "على", "التي", "الذي", "الذين", "اللذان", "اللتان", "هذا", "هذه", "هؤلاء", "ذلك", "تلك", "بعد", "قبل", "عند",
        "حول", "منذ", "خلال", "كان", "كانت", "يكون", "بين", "حيث", "كما", "لدى", "غير", "أمام", "دون", "ضمن", "عبر", "نحو",
        "أنه", "أنها", "إنه", "إنها", "لكن", "لقد", "ليس", "كل", "وقد", "فقد", "ثم", "أيضا", "أيضاً",
        "the", "and", "for", "with", "from", "this", "that", "these", "those", "your", "our", "are", "was", "were", "has",
        "have", "had", "its", "their", "who", "which", "into", "about", "after", "before", "over", "than", "not", "but",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// Whether the opening uses any content word of the line.
    func retellsAWord(of line: PlainTextExtractor.Line) -> Bool {
        !openingStems.isDisjoint(with: Self.contentStems(line.key.scalarWords(separatedBy: { $0 == " " })))
    }

    /// Whether the opening retells a third of the line's content words (of three at least).
    func retellsAThird(of line: PlainTextExtractor.Line) -> Bool {
        let words = Self.contentStems(line.key.scalarWords(separatedBy: { $0 == " " }))
        return Self.overlap(words, with: openingStems) * 3 >= 1
    }

    /// Whether the opening retells most of the line's content words (more
    /// than half, of three at least): a summary of the text, not a headline's
    /// few words the text takes up.
    func retellsMost(of line: PlainTextExtractor.Line) -> Bool {
        let words = Self.contentStems(line.key.scalarWords(separatedBy: { $0 == " " }))
        guard words.count >= 3 else { return false }
        return words.count { openingStems.contains($0) } * 2 > words.count
    }

    /// A line of dates and numbers ("ينبع 26 شوال 1436هـ الموافق …") or with a time of day.
    static func isDateOrTime(_ line: PlainTextExtractor.Line) -> Bool {
        let shape = line.shape
        return shape.digits * 4 > shape.letters
            || (shape.digits > 0 && (DateParsing.findDate(in: line.text) != nil || holdsTimeOfDay(line.text)))
    }

    /// Share of the line's content words found in `stems`, counted over at
    /// least three words: a byline's one place name found in the text must
    /// not weigh like a headline whose words the text retells.
    static func overlap(_ words: [KeyWord], with stems: Set<KeyWord>) -> Double {
        guard !words.isEmpty, !stems.isEmpty else { return 0 }
        return Double(words.count { stems.contains($0) }) / Double(max(words.count, 3))
    }

    /// The evidence that a line is the article's title; above zero is for it.
    /// `headlinesBetween` counts the headline-like lines between it and the
    /// text (bylines, dates and share rows do not count: they belong to the
    /// header), `chosenByPosition` whether the positional reading chose it.
    func score(_ line: PlainTextExtractor.Line, headlinesBetween: Int, chosenByPosition: Bool, looksLikeByline: Bool) -> Double {
        let shape = line.shape
        let words = Self.contentStems(line.key.scalarWords(separatedBy: { $0 == " " }))
        let openingOverlap = Self.overlap(words, with: openingStems)
        var score = 3 * openingOverlap
        if !hintStems.isEmpty { score += 3 * Self.overlap(words, with: hintStems) - 1 }
        switch shape.words {
        // A single word is a label ("رياضة") even when the text uses it.
        case 1: score -= 4
        case 2: score -= 0.8
        case 3...20: score += 0.5
        default: break
        }
        if looksLikeByline { score -= 2 }
        if Self.isPlaceThenNames(line.text) { score -= 1.5 }
        if Self.isDateOrTime(line) { score -= 1.5 }
        if isPageWidget(line) { score -= 1.5 }
        if line.kind == .prose { score -= 0.5 }
        // The headline the page's browser title names, beside the site's name.
        if pageTitleParts.contains(line.key) { score += 2 }
        if Self.isRowOfShortLinks(line.text) { score -= 1.5 }
        // Position speaks for a line only when the text retells some of its
        // words: the line right above an article is as often a view counter,
        // a reading time or a photo credit as its headline.
        if chosenByPosition, openingOverlap > 0 || openingStems.isEmpty { score += 0.75 }
        score -= 0.3 * Double(headlinesBetween)
        return score
    }

    /// "تسجيل الدخول | اشترك الآن", "الرئيسية > أخبار", "الرئيسية - أخبار -
    /// سياسة": items of one or two words set apart by bars, dots or spaced
    /// arrows and slashes (or by two dashes or more), as menus, breadcrumbs
    /// and sign-in rows are; a headline's part after a bar is longer
    /// ("فيديو | الوزير يفتتح المعرض").
    static func isRowOfShortLinks(_ text: String) -> Bool {
        var bars = 0
        var dashes = 0
        let items = PlainTextExtractor.itemWords(of: text, separator: { previous, value, next in
            if value == 0x7C || value == 0x2022 || value == 0x00B7 { return .bar }
            guard ScalarTable.isWhitespace(value: previous) && ScalarTable.isWhitespace(value: next) else { return nil }
            switch value {
            case 0x3E, 0x00BB, 0x203A, 0x2039, 0x3C, 0x2F: return .bar
            case 0x2D, 0x2013, 0x2014: return .dash
            default: return nil
            }
        }, kinds: { kind in
            if kind == .bar { bars += 1 } else { dashes += 1 }
        })
        guard bars >= 1 || dashes >= 2, bars == 0 || dashes == 0 else { return false }
        return items.allSatisfy { (1...2).contains($0) }
    }

    /// A short line with a number ("عدد المشاهدات: 541", "وقت القراءة: 6
    /// دقائق": a count, a reading time, a price or a score), a button or
    /// widget with an icon, a row of hashtags, or a line in another script
    /// than the article's opening ("Get the app" above Arabic text): the
    /// page's, not the article's, wherever it stands.
    func isPageWidget(_ line: PlainTextExtractor.Line) -> Bool {
        if Self.isCount(line.shape) || Self.isIconOrTagRow(line.text) { return true }
        guard let openingScript, let script = Script.dominant(in: line.text.unicodeScalars) else { return false }
        return script != openingScript
    }

    /// "🔊 استمع إلى المقال", "☰ القائمة", "👍 أعجبني (84)", "الرياض 44°": a
    /// pictograph or another symbol on a short line marks a button or a
    /// widget; "#السعودية #الرياض #التعليم":
    /// two hashtags or handles or more, half the words or more, are a tag row
    /// (a column may be titled with one hashtag).
    static func isIconOrTagRow(_ text: String) -> Bool {
        var words = 0
        var tags = 0
        var holdsIcon = false
        var atWordStart = true
        for scalar in text.unicodeScalars {
            if ScalarTable.isOtherSymbol(scalar) { holdsIcon = true }
            if ScalarTable.isWhitespace(scalar) {
                atWordStart = true
                continue
            }
            if atWordStart {
                words += 1
                if scalar == "#" || scalar == "@" { tags += 1 }
            }
            atWordStart = false
        }
        // An icon marks a button or a widget ("🔊 استمع للخبر", "☀️ الرياض 44°") on
        // a short line; on a headline's length it is decoration ("🔴 روسيا وسوريا
        // توقعان …", "الحرارة تلامس 50° في الكويت …").
        return (holdsIcon && words <= Self.longestWidgetWords) || (tags >= 2 && tags * 2 >= words)
    }

    /// Most words (an icon set apart counts as one) a line with an icon holds and is still read as a widget.
    static let longestWidgetWords = 5

    /// "حُدّث في 10:45 بتوقيت مكة", "نشر 9:05 ص": an hour, a colon and two
    /// digits of minutes mark a timestamp, which a headline is not; a score
    /// ("2:1") has one digit after the colon, a year more than two before it.
    static func holdsTimeOfDay(_ text: String) -> Bool {
        let scalars = text.scalarArray
        for colon in scalars.indices where scalars[colon] == ":" {
            guard colon >= 1, colon + 2 < scalars.count, let hourUnits = digit(scalars[colon - 1]),
                  let minuteTens = digit(scalars[colon + 1]), minuteTens < 6, digit(scalars[colon + 2]) != nil
            else { continue }
            if colon + 3 < scalars.count, digit(scalars[colon + 3]) != nil { continue }
            let hourTens = colon >= 2 ? digit(scalars[colon - 2]) : nil
            if hourTens != nil, colon >= 3, digit(scalars[colon - 3]) != nil { continue }
            if (hourTens ?? 0) * 10 + hourUnits < 24 { return true }
        }
        return false
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        DecimalDigit.value(scalar.value).map(Int.init)
    }

    /// A few words with a number: a count, a reading time, a price or a score.
    static func isCount(_ shape: LineShape) -> Bool {
        shape.digits > 0 && shape.words <= 4
    }

    /// "صورة 2 من 14", "2 / 14", "3 of 12": a gallery's counter, a number
    /// of a number with at most one word before. A reading time, a price or
    /// a follower count is none.
    static func isGalleryCounter(_ text: String) -> Bool {
        // Every line of a page is asked: a paragraph is turned away before its words are split.
        guard text.utf8.count <= galleryCounterMaximumBytes else { return false }
        var words: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "/" || scalar.properties.isWhitespace {
                if !words[words.count - 1].isEmpty { words.append([]) }
                if scalar == "/" { words[words.count - 1] = ["/"]; words.append([]) }
            } else {
                words[words.count - 1].append(scalar)
            }
        }
        if words[words.count - 1].isEmpty { words.removeLast() }
        guard words.count == 3 || words.count == 4 else { return false }
        let isNumber = { (word: [Unicode.Scalar]) in word.allSatisfy { digit($0) != nil } }
        let separator = String(String.UnicodeScalarView(words[words.count - 2])).lowercased()
        return isNumber(words[words.count - 3]) && isNumber(words[words.count - 1])
            && ["/", "من", "of"].contains(separator) && (words.count == 3 || !isNumber(words[0]))
    }

    /// The longest a counter's line runs: a word of a label and two numbers, with room to spare.
    static let galleryCounterMaximumBytes = 64

    /// "الرياض: فارس السبيعي وعبد الله الهلابي", "بروكسل: عبد الله مصطفى":
    /// a place (or two) and a colon before the writers' names, as papers
    /// print bylines. A headline's colon comes after a speaker or a topic
    /// and is followed by more words than a name or two.
    static func isPlaceThenNames(_ text: String) -> Bool {
        let scalars = text.scalarArray
        guard let colon = scalars.firstIndex(where: { $0 == ":" }), colon + 1 < scalars.count else { return false }
        let before = LineShape(String(String.UnicodeScalarView(scalars[..<colon])))
        let after = LineShape(String(String.UnicodeScalarView(scalars[(colon + 1)...])))
        return before.words >= 1 && before.words <= 2 && after.words >= 2 && after.words <= 6 && after.digits == 0
            && !after.endsWithStop && !after.endsWithQuestionOrExclamation && after.innerPunctuation <= 2
            && !scalars[(colon + 1)...].contains { "«»\"“”".unicodeScalars.contains($0) }
    }
}

/// A match-key word compared and hashed by its UTF-8 bytes. Match keys are in
/// NFC already, so the canonical equivalence `String` checks finds nothing
/// more, but it normalises every non-ASCII string it hashes: that was most of
/// the cost of the title's word sets.
struct KeyWord: Hashable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    static func == (left: KeyWord, right: KeyWord) -> Bool {
        left.text.utf8.elementsEqual(right.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}

/// The alphabet most of a text's letters belong to, where a headline and its
/// article must agree.
enum Script {
    case arabic, latin

    /// The script of at least two thirds of the letters, if one has them.
    static func dominant<Scalars: Sequence<Unicode.Scalar>>(in scalars: Scalars) -> Script? {
        var tally = Tally()
        for scalar in scalars { tally.add(scalar.value) }
        return tally.dominant
    }

    /// ``dominant(in:)`` of the first `limit` scalars of the texts one after another, read
    /// from their UTF-8: a lazy flattened prefix of their scalar views cost a tenth of ingest.
    static func dominant(inFirst limit: Int, scalarsOf texts: [String]) -> Script? {
        var tally = Tally()
        var taken = 0
        for text in texts where taken < limit {
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count, taken < limit {
                    let (value, width) = UTF8Scalar.decode(bytes, at: index)
                    tally.add(value)
                    taken += 1
                    index += width
                }
            }
        }
        return tally.dominant
    }

    private struct Tally {
        var arabic = 0
        var latin = 0

        mutating func add(_ value: UInt32) {
            switch value {
            case 0x0621...0x064A, 0x0671...0x06D3, 0xFB50...0xFDFF, 0xFE70...0xFEFC: arabic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }

        var dominant: Script? {
            if arabic * 3 >= (arabic + latin) * 2, arabic > 0 { return .arabic }
            if latin * 3 >= (arabic + latin) * 2, latin > 0 { return .latin }
            return nil
        }
    }
}
