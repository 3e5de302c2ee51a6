import MarsadText

/// Lines that the tool or place an article was passed on through adds around
/// it, whatever the site: a wire's end mark, a search cache's or a web
/// archive's banner, a chat export's notice, a browser's print header and
/// footer, a newspaper page's continuation line. Each has one fixed shape,
/// set by the tool that made it, not by the article's site.
enum PassedOnChrome {
    /// What a line the passing on added says: the article ended (a wire's end mark) or the line
    /// is no part of it; nil for any other line.
    static func cueKind(_ display: String, raw: () -> String, keyWords: KeyWords, shape: LineShape) -> CueKind? {
        if isWireEndMark(display, keyWords: keyWords) || isWikiTrailer(keyWords: keyWords) { return .end }
        if isSnapshotBanner(keyWords: keyWords) || isEncryptionNotice(keyWords: keyWords)
            || isContinuationLine(keyWords: keyWords, shape: shape) || isTimedAlert(display, shape: shape)
            || isReviewComment(display) || isPostAge(display)
            || isTranscriptStamp(display) || isTranscriptNotice(keyWords: keyWords) {
            return .drop
        }
        // Print headers open with a date's digit and footers with an address: only such lines are cut again from the page.
        if let first = display.unicodeScalars.first, first.properties.numericType == .decimal || first == "h" || first == "H",
           isPrintHeaderOrFooter(raw()) {
            return .drop
        }
        return nil
    }

    /// Match-key words of the word a wire or a press release closes its copy with.
    private static let endWords: Set<String> = Set(["انتهى", "انتهي", "end", "ends"].flatMap { BoilerplateLexicon.keyWords($0) })

    /// "// انتهى //", "-انتهى-", "- انتهى -", "-Ends-", "— END —", "###": the mark a
    /// news agency or a press release sets under the last paragraph. The line
    /// holds the end word alone, set off by marks only, or is a row of "#": a
    /// sentence that merely says انتهى has other words and is never one.
    static func isWireEndMark(_ text: String, keyWords: KeyWords) -> Bool {
        if keyWords.count == 0 {
            let marks = text.unicodeScalars.filter { !ScalarTable.isWhitespace($0) }
            return marks.count >= 3 && marks.allSatisfy { $0 == "#" }
        }
        guard keyWords.count == 1, keyWords.numbers == 0, endWords.contains(keyWords.word(0)) else { return false }
        // No more marks than a wire sets around the word: two slashes, dashes or stops a side.
        return text.unicodeScalars.count <= keyWords.word(0).unicodeScalars.count + 8
    }

    /// Opening words of the notices a search engine's cache and a web archive set over the page
    /// they keep, as match-key words.
    private static let bannerOpenings: [[String]] = [
        "The current page could have changed in the meantime",
        "Tip: To quickly find your search term on this page",
        "archive.today webpage capture",
        "All snapshots from host",
        "Webpage Screenshot",
        "share download .zip report bug or abuse",
        "The Wayback Machine",
        "About this capture",
    ].map { BoilerplateLexicon.keyWords($0) }

    /// Words of a cache's row of links to other views of the page ("Full version Text-only version View source").
    private static let cacheViewWords: Set<String> = Set(["full", "version", "text", "only", "view", "source"])

    private static let cacheWords: Set<String> = ["cache", "cached"]

    /// "This is Google's cache of http://…. It is a snapshot of the page as it appeared on …",
    /// "The current page could have changed in the meantime. Learn more.", "archive.today webpage
    /// capture": the banner a search engine's cache or a web archive sets over a page it keeps.
    /// It is written as sentences, so it reads as prose and would open the article's text; it
    /// never belongs to the article.
    static func isSnapshotBanner(keyWords: KeyWords) -> Bool {
        guard keyWords.count >= 2, keyWords.count <= 60 else { return false }
        let first = keyWords.word(0)
        // Most lines open with none of the banners' first words: told before the list is made.
        guard first == "this" || first == "full" || bannerOpenings.contains(where: { $0.first == first }) else { return false }
        let words = keyWords.all
        if bannerOpenings.contains(where: { words.starts(with: $0) }) { return true }
        // "This is Google's cache of …", "This is the cached page of …".
        if words.starts(with: ["this", "is"]), words.dropFirst(2).prefix(3).contains(where: { cacheWords.contains($0) }) { return true }
        return words.count >= 4 && words.count <= 8 && words.allSatisfy { cacheViewWords.contains($0) }
    }

    private static let encryptionNotices: [[String]] = [
        "end-to-end encrypted",
        "مشفرة تماما بين الطرفين",
    ].map { BoilerplateLexicon.keyWords($0) }

    /// "10/08/2015, 10:02 - Messages and calls are end-to-end encrypted. No one outside of this
    /// chat …": the notice a chat export opens with, a sentence of the tool, not of the chat.
    static func isEncryptionNotice(keyWords: KeyWords) -> Bool {
        guard keyWords.count >= 4, keyWords.count <= 40 else { return false }
        // Most lines hold neither notice's last word: a byte search of the key says so first.
        guard encryptionNotices.contains(where: { keyHolds(keyWords.key, $0.last ?? "") }) else { return false }
        let words = keyWords.all
        return encryptionNotices.contains { notice in
            words.indices.contains { words[$0...].starts(with: notice) }
        }
    }

    /// "8/10/15, 7:18 PM<TAB>headline | site" and "http://…/article.html<TAB>2/4": the header and
    /// footer a browser prints on every page of a print-out (date and time, then the window's
    /// title; the address, then the page's number of the pages). Text copied from a printed
    /// page holds them between the article's paragraphs; neither is the article's.
    static func isPrintHeaderOrFooter(_ raw: String) -> Bool {
        let scalars = Array(raw.unicodeScalars.drop { ScalarTable.isWhitespace($0) })
        guard let tab = scalars.firstIndex(of: "\t"), tab > 0 else { return false }
        let before = scalars[..<tab]
        let after = Array(scalars[(tab + 1)...].drop { $0 == "\t" || $0 == " " })
        return isPrintedDateAndTime(before) || (isAddress(before) && isPageOfPages(after))
    }

    /// "8/10/15, 7:18 PM", "10/08/2015, 19:18".
    private static func isPrintedDateAndTime(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var scanner = StampScanner(String(String.UnicodeScalarView(scalars)).unicodeScalars[...])
        guard scanner.dateAndTime() else { return false }
        let meridiem = String(Substring(scanner.rest)).trimmingWhitespace().uppercased()
        return ["", "AM", "PM", "ص", "م"].contains(meridiem)
    }

    /// An address alone: a scheme, then no white space.
    private static func isAddress(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = String(String.UnicodeScalarView(scalars)).lowercased()
        return (text.hasPrefix("http://") || text.hasPrefix("https://")) && !scalars.contains { ScalarTable.isWhitespace($0) }
    }

    /// "2/4": a page's number, then how many pages there are.
    private static func isPageOfPages(_ scalars: [Unicode.Scalar]) -> Bool {
        let parts = scalars.prefix { !ScalarTable.isWhitespace($0) }.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let page = Int(String(String.UnicodeScalarView(parts[0]))),
              let pages = Int(String(String.UnicodeScalarView(parts[1]))) else { return false }
        // Nothing but white space after the count.
        guard scalars.dropFirst(parts[0].count + parts[1].count + 1).allSatisfy({ ScalarTable.isWhitespace($0) }) else { return false }
        return page >= 1 && page <= pages
    }

    /// First words of the line a newspaper sets where an article goes on in another page, and
    /// where it comes back, as match-key words.
    private static let continuationWords: Set<String> = Set(["تتمة", "تتمه", "التتمة", "التتمه"].flatMap { BoilerplateLexicon.keyWords($0) })

    /// "البقية": the rest, which a breaking-off line sends to a page by its number.
    private static let restWords: Set<String> = Set(["البقية", "بقية", "البقيه", "بقيه"].flatMap { BoilerplateLexicon.keyWords($0) })

    private static let continuedOpenings: [[String]] = ["continued on", "continued from", "cont on", "cont from"]
        .map { BoilerplateLexicon.keyWords($0) }

    /// "البقية ص 16", "تتمة: headline", "تتمة المنشور ص 14", "Continued on page 5": the line a
    /// newspaper page sets where an article breaks off to go on in another page, and the head
    /// that takes it up there. Neither is the text's, and the head, though it repeats the
    /// headline, is never the title: a short line, no sentence.
    static func isContinuationLine(keyWords: KeyWords, shape: LineShape) -> Bool {
        guard keyWords.count >= 1, keyWords.count <= 16, !shape.endsWithStop else { return false }
        if continuationWords.contains(keyWords.word(0)) { return true }
        // "بقية الفرق تتأهل" may head a story; the line that sends the rest on names the page.
        if restWords.contains(keyWords.word(0)) { return keyWords.count <= 6 && keyWords.numbers >= 1 }
        guard continuedOpenings.contains(where: { $0.first == keyWords.word(0) }) else { return false }
        let words = keyWords.all
        return continuedOpenings.contains { words.starts(with: $0) } && words.count <= 6
    }

    /// Opening words of the line a wiki sets under every page, saying when it was last edited.
    private static let lastEditedOpenings: [[String]] = ["This page was last edited on", "آخر تعديل لهذه الصفحة"]
        .map { BoilerplateLexicon.keyWords($0) }

    /// Headings of the list of sources or references a wiki puts under the article.
    private static let sourcesHeadings: Set<String> = Set(["Sources", "References", "مصادر", "المصادر", "مراجع", "المراجع"]
        .flatMap { BoilerplateLexicon.keyWords($0) })

    /// "Sources", "مصادر" alone on a line, and "This page was last edited on 10 August 2015, at
    /// 21:14.": a wiki's page ends its article with the list of its sources (other headlines,
    /// each with its site and date, which read as prose) and closes with the page's history.
    /// Both come after the text. An attribution ("Sources: Reuters") names its source on the line.
    static func isWikiTrailer(keyWords: KeyWords) -> Bool {
        if keyWords.count == 1 { return sourcesHeadings.contains(keyWords.word(0)) }
        guard keyWords.count >= 4, keyWords.count <= 24, lastEditedOpenings.contains(where: { $0.first == keyWords.word(0) }) else { return false }
        let words = keyWords.all
        return lastEditedOpenings.contains { words.starts(with: $0) }
    }

    /// Whether the key's UTF-8 holds the word's.
    private static func keyHolds(_ key: String, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard !needle.isEmpty else { return false }
        var key = key
        return key.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
            return false
        }
    }
}

extension PassedOnChrome {
    /// "[00:01:39] Speaker 1", "[00:01:07] المراسل:", "2:39 المذيع:": a transcript heads each turn
    /// with the time into the recording and the speaker's label, alone on its line: the
    /// player's marks, not the words spoken. Unbracketed, only a time before a speaker's label
    /// and its colon is one, so that a bare time of day stays the date line it may be.
    static func isTranscriptStamp(_ text: String) -> Bool {
        var scanner = StampScanner(text.unicodeScalars[...])
        let bracketed = scanner.mark("[")
        guard scanner.timeOfDay(), scanner.optionalSeconds() else { return false }
        if bracketed, !scanner.mark("]") { return false }
        let label = String(Substring(scanner.rest)).trimmingWhitespace()
        if label.isEmpty { return bracketed }
        let shape = LineShape(label)
        guard shape.words <= speakerLabelMaximumWords else { return false }
        if label.unicodeScalars.last == ":" { return true }
        return bracketed && shape.digits <= 2 && !shape.endsWithStop
    }

    /// The most words a transcript's speaker label holds ("Speaker 1", "الضيف د. أحمد").
    static let speakerLabelMaximumWords = 3

    /// Opening words of the notice a podcast or video platform sets under its machine transcript.
    private static let transcriptNoticeOpenings: [[String]] = [
        "Transcripts are generated automatically", "Transcript generated automatically", "This transcript was generated automatically",
        "النص مولد آليا", "تم إنشاء النص تلقائيا",
    ].map { BoilerplateLexicon.keyWords($0) }

    /// "Transcripts are generated automatically and may contain errors.": the platform's notice, not the episode's words.
    static func isTranscriptNotice(keyWords: KeyWords) -> Bool {
        keyWords.count <= 16 && transcriptNoticeOpenings.contains { keyWords.starts(with: $0) }
    }

    /// "· 10m", "44m", "2h": a social network stamps each post of a thread with its age, a
    /// number and a unit's letter, alone on its line under the poster's name: the network's
    /// mark, never the thread's words nor its headline.
    static func isPostAge(_ text: String) -> Bool {
        var rest = text.unicodeScalars[...]
        if rest.first == "\u{00B7}" || rest.first == "\u{2022}" { rest = rest.dropFirst().drop { ScalarTable.isWhitespace($0) } }
        let digits = rest.prefix { $0.properties.numericType == .decimal }
        rest = rest.dropFirst(digits.count)
        guard (1...2).contains(digits.count), rest.count == 1, let unit = rest.first else { return false }
        return postAgeUnits.contains(unit)
    }

    /// The letters networks abbreviate a post's age in seconds, minutes, hours and days with.
    private static let postAgeUnits: Set<Unicode.Scalar> = ["s", "m", "h", "d"]

    /// "[Comment KS3: confirm with the ministry]", "[تعليق م1: …]": a word processor
    /// exports a reviewer's margin note inline as the word, the reviewer's initials and the
    /// note's number, a colon and the note, all in brackets: the document's review, not its text.
    static func isReviewComment(_ text: String) -> Bool {
        var rest = text.unicodeScalars[...]
        guard rest.first == "[", rest.last == "]" else { return false }
        rest = rest.dropFirst()
        guard let word = reviewCommentWords.first(where: { rest.starts(with: $0.unicodeScalars) }) else { return false }
        rest = rest.dropFirst(word.unicodeScalars.count)
        guard rest.first == " " else { return false }
        rest = rest.dropFirst()
        let initials = rest.prefix { $0.properties.isAlphabetic || $0.properties.numericType == .decimal }
        rest = rest.dropFirst(initials.count)
        return (1...8).contains(initials.count) && rest.first == ":"
    }

    /// The word a word processor labels an exported margin note with, in its English and Arabic editions.
    private static let reviewCommentWords = ["Comment", "تعليق"]

    /// "13:54  خبر عاجل: headline", "09:10 Breaking - headline": a time of day and an
    /// alert label open an entry of an alert service's log or a ticker, an earlier
    /// alert sent with the article, never the article's own headline, which no
    /// sender's clock stands before.
    static func isTimedAlert(_ text: String, shape: LineShape) -> Bool {
        // A live report's update opens the same way and says more: a sentence, or more than an alert holds.
        guard shape.words <= timedAlertMaximumWords, !shape.endsWithStop else { return false }
        var scanner = StampScanner(text.unicodeScalars[...])
        guard scanner.timeOfDay(), let space = scanner.rest.first, ScalarTable.isWhitespace(space) else { return false }
        let entry = String(Substring(scanner.rest)).trimmingWhitespace()
        return TitleWrapping.withoutAlertLabel(entry) != entry
    }

    /// The most words an alert's entry holds, its time and label with a headline.
    static let timedAlertMaximumWords = 24

    /// "[10/08/2015, 8:32:58 PM] name: …", "10/08/2015, 19:30 - name: …": the stamp a chat export
    /// opens each message with, a date and a time, in brackets or before a spaced dash.
    static func opensWithChatStamp(_ text: String) -> Bool {
        var scanner = StampScanner(text.unicodeScalars[...])
        let bracketed = scanner.mark("[")
        guard scanner.dateAndTime(), scanner.optionalSeconds() else { return false }
        var rest = scanner.rest
        // A meridiem of two letters at most, Latin or Arabic, before the bracket or the dash.
        rest = rest.drop { $0 == " " || $0 == "\u{202F}" }
        let meridiem = rest.prefix { $0.properties.isAlphabetic }
        guard meridiem.count <= 2 else { return false }
        rest = rest.dropFirst(meridiem.count).drop { $0 == " " }
        if bracketed { return rest.first == "]" }
        return rest.first == "-" || rest.first == "\u{2013}"
    }
}

extension PlainTextExtractor {
    /// Fewest stamped lines that show a page is a chat export, not a text with a stamped line.
    static let chatExportMinimumStamps = 3

    /// A chat export's lines each open with a stamp when a message starts: the members' words,
    /// the app's notices, and the first line of a forwarded article (the sender's note over it,
    /// "📰 site"). The article goes on in the lines without a stamp under it; the stamped lines
    /// around it (replies, greetings) are no text. Only on a page with several stamped lines.
    static func droppingChatMessages(_ lines: inout [Line]) {
        let stamped = lines.indices.filter { lines[$0].shape.digits >= 6 && PassedOnChrome.opensWithChatStamp(lines[$0].text) }
        guard stamped.count >= chatExportMinimumStamps else { return }
        for index in stamped { lines[index].kind = .cue(.drop) }
    }


    /// The most lines a newspaper page's foot and the next page's head take between the line
    /// that breaks an article off and the head that takes it up.
    static let pageTurnMaximumLines = 10

    /// "البقية ص 16" … "تتمة: headline": between the line that breaks an article off and the head
    /// that takes it up stand the page's foot (its number, the site, an ad box) and the next
    /// page's running head, all of it the paper's, none of it the text's. Counted as a gap, they
    /// cut the text in two.
    static func droppingPageTurns(_ lines: inout [Line]) {
        var lastContinuation: Int?
        for index in lines.indices where lines[index].kind == .cue(.drop) {
            let line = lines[index]
            guard PassedOnChrome.isContinuationLine(keyWords: BoilerplateLexicon.lineKeyWords(line.text), shape: line.shape) else { continue }
            if let last = lastContinuation, index - last <= pageTurnMaximumLines {
                for between in (last + 1)..<index where lines[between].kind != .prose {
                    lines[between].kind = .cue(.drop)
                }
            }
            lastContinuation = index
        }
    }
}


/// Reads the figures and marks of a stamp (a date, a time of day) from the front of a line,
/// for the tools' stamps above: a print-out's, a transcript's, an alert log's, a chat's.
struct StampScanner {
    var rest: Substring.UnicodeScalarView

    init(_ text: Substring.UnicodeScalarView) { rest = text }

    /// Reads a run of digits; whether its length is in `range`.
    mutating func digits(_ range: ClosedRange<Int>) -> Bool {
        let run = rest.prefix { $0.properties.numericType == .decimal }
        rest = rest.dropFirst(run.count)
        return range.contains(run.count)
    }

    /// Reads `scalar` if it comes next.
    mutating func mark(_ scalar: Unicode.Scalar) -> Bool {
        guard rest.first == scalar else { return false }
        rest = rest.dropFirst()
        return true
    }

    /// Reads "19:30", "7:18": hours and minutes.
    mutating func timeOfDay() -> Bool {
        digits(1...2) && mark(":") && digits(2...2)
    }

    /// Reads ":58" after a time, if a colon comes next; false for a colon without two digits.
    mutating func optionalSeconds() -> Bool {
        !mark(":") || digits(2...2)
    }

    /// Reads "10/08/2015, 19:30", "8/10/15, 7:18": a date, a comma, spaces and a time of day.
    mutating func dateAndTime() -> Bool {
        guard digits(1...2), mark("/"), digits(1...2), mark("/"), digits(2...4), mark(",") else { return false }
        rest = rest.drop { $0 == " " }
        return timeOfDay()
    }
}
