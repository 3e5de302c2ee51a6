import MarsadText

/// Finds the article in the text of a whole web page (what a scraper or a
/// browser's "save as text" produces): the title, the run of paragraphs a
/// reader would read, the attribution, byline and date, leaving out tickers,
/// menus, category labels, "read also" links, related lists and comment forms.
///
/// The evidence is structural and site-independent: prose lines are long
/// and punctuated, chrome lines are short, unpunctuated, repeated, glued
/// together or carry a cue from the boilerplate lexicon. The article is the
/// largest run of prose; the title is the headline just above it.
struct PlainTextExtractor {
    let lexicon: BoilerplateLexicon
    /// Chrome learned from earlier pages of sites; the page's own site is
    /// the one whose chrome its lines share.
    var templates: SiteTemplateBook = .empty
    /// When the page was saved, in seconds since 1970, if known: what
    /// relative timestamps ("منذ 3 ساعات") count back from.
    var savedAt: Int?
    /// Seconds east of UTC of the configured zone at `savedAt`: the
    /// calendar "أمس" and "منذ يومين" are days of.
    var utcOffset = 0
    /// What the page says its title is elsewhere (an HTML page's `<title>`,
    /// `og:title`, `<h1>`): evidence for the line that agrees with it.
    var titleHints: [String] = []

    enum Kind: Equatable {
        case prose, headline, ticker, noise, dateLine
        case cue(CueKind)
    }

    struct Line: Equatable {
        var text: String
        var key: String
        var shape: LineShape
        var kind: Kind
        var cue: CueMatch?
    }

    /// The longest an intertitle inside the article may be; longer headline
    /// lines between paragraphs are links to other articles.
    static let intertitleMaximumWords = 7
    /// Non-prose lines tolerated between two paragraphs of one article.
    static let maximumGap = 4

    func extract(_ text: String) -> ArticleDraft {
        var evidence: SiteEvidence?
        return extract(text, evidence: &evidence)
    }

    /// Reads a page and says what it adds to its site's template.
    func extract(_ text: String, evidence: inout SiteEvidence?) -> ArticleDraft {
        // A clip saved as Markdown is read as the page its markup stands for.
        if let clip = MarkdownClip(text) {
            var reader = self
            reader.titleHints += clip.title.map { [$0] } ?? []
            return reader.extractPlain(clip.text, evidence: &evidence)
        }
        return extractPlain(text, evidence: &evidence)
    }

    private func extractPlain(_ text: String, evidence: inout SiteEvidence?) -> ArticleDraft {
        var lines = classify(text)
        Self.markingPhotoCredits(&lines)
        Self.droppingPageTurns(&lines)
        Self.droppingChatMessages(&lines)
        Self.droppingReadAlsoLinks(&lines)
        Self.droppingSectionBreaks(&lines)
        Self.droppingLabelledQuestions(&lines)
        // Each line's fingerprint from the key it already has, once for the three uses below.
        let fingerprints = lines.map { SiteTemplate.fingerprint(keyWordsJoined: $0.key) }
        let template = templates.template(site: nil, fingerprints: fingerprints)
        evidence = SiteEvidence(site: template?.site, fingerprints: fingerprints)
        if let template { lines = applying(template, to: lines, fingerprints: fingerprints) }
        var draft = ArticleDraft()
        draft.paragraphsInDisplayForm = true
        guard let found = bestRegion(lines) else {
            return fallback(lines)
        }

        var region = found
        let evidence = titleEvidence(lines, region: region)
        // A box of links right above the text: the title is looked for above its label,
        // past the paragraph the box cut from the rest of the text.
        let box = linksBoxLabel(lines, region: region, evidence: evidence)
        let searchStart = box ?? region.lowerBound
        let standfirst = box.map { lines[$0 - 1].kind == .prose ? $0 - 1 : nil } ?? standfirstAbove(lines, region: region, evidence: evidence)
        let positional = findTitle(lines, before: searchStart, passingOver: standfirst)
        let chosenTitle = titleByEvidence(lines, region: region, positional: positional, passingOver: standfirst, evidence: evidence,
                                          from: searchStart)
        var titleIndex = chosenTitle.index
        // A long headline counts as prose by its length alone; with no mark of
        // punctuation and prose right after it, it is the title, unless a
        // headline stands right above it. A line above that the text does not
        // retell and that reads as page furniture (a row of links, a widget) is
        // no such headline; a short title the text does not retell (a column's)
        // still is, and the paragraph under it stays the text's.
        let first = lines[region.lowerBound]
        let chosenIsFurniture = chosenTitle.index.map { !chosenTitle.retold && Self.readsAsFurniture(lines[$0]) } ?? false
        if box == nil, positional.map({ $0 < region.lowerBound - 2 }) ?? true || chosenIsFurniture, region.count > 1, first.shape.words <= 30,
           first.shape.innerPunctuation == 0, !first.shape.endsWithStop, !first.shape.endsWithQuestionOrExclamation {
            titleIndex = region.lowerBound
            var next = region.lowerBound + 1
            // Bylines and dates between such a title and the text.
            while next < region.upperBound, lines[next].kind != .prose {
                take(lines[next], into: &draft, headerPosition: true)
                next += 1
            }
            region = next...region.upperBound
        }
        let titleKey = titleIndex.map { lines[$0].key }
        if let titleIndex {
            draft.title = TitleWrapping.unwrapped(lines[titleIndex].text) { key in
                !key.isEmpty && key != titleKey && lines.contains { $0.key == key }
            }
        }

        // Header: byline and date between the title's first appearance and the article.
        let headerStart = titleIndex.map { index in
            lines[..<index].firstIndex { $0.key == lines[index].key } ?? index
        } ?? max(0, region.lowerBound - 3)
        // A box of links under the header holds none of it: its short headlines are no bylines.
        // A credit in the box's place is still read for the page's credit, as before the box was known.
        let headerEnd = box.map { lines[$0].kind == .cue(.source) ? region.lowerBound : max(headerStart, $0) } ?? region.lowerBound
        for index in headerStart..<headerEnd where index != titleIndex {
            let line = lines[index]
            if line.key == titleKey { continue }
            take(line, into: &draft, headerPosition: true)
        }
        if draft.published == nil {
            for line in lines[..<region.lowerBound] where line.kind == .dateLine || line.kind == .cue(.date) {
                if let date = DateParsing.findDate(in: line.text) ?? resolveRelative(line) {
                    draft.published = date
                    break
                }
            }
        }

        // How often each headline's key appears on the page, counted once when the
        // first headline inside the article asks: scanning every line for each one
        // made a page of many short lines quadratic.
        var keyCounts: [String: Int]?
        // The paragraph a box of links cut from the rest of the text, under the title, is the text's first.
        if let box, let lead = standfirst, lead == box - 1, let titleIndex, titleIndex < lead, lines[lead].key != titleKey {
            draft.paragraphs.append(lines[lead].text)
        }
        for index in region {
            let line = lines[index]
            if line.key == titleKey { continue }
            switch line.kind {
            case .prose:
                draft.paragraphs.append(line.text)
            case .headline:
                if keyCounts == nil { keyCounts = Self.headlineKeyCounts(lines, region: region) }
                if isIntertitle(at: index, in: lines, region: region, keyCounts: keyCounts ?? [:]) { draft.paragraphs.append(line.text) }
            case .cue, .dateLine:
                take(line, into: &draft, headerPosition: false)
            case .ticker, .noise:
                break
            }
        }

        if draft.siteName == nil {
            draft.siteName = lines[region.upperBound...].lazy.compactMap(Self.siteNameFromCopyright).first
        }

        // Trailer: the attribution and the author box just after the article.
        var index = region.upperBound + 1
        var looked = 0
        while index < lines.count, looked < 4 {
            let line = lines[index]
            if line.kind == .cue(.end) { break }
            if case .cue(let kind) = line.kind, kind == .source || kind == .author || kind == .date {
                take(line, into: &draft, headerPosition: false)
            } else if draft.author == nil, line.kind == .headline, line.key != titleKey, isNameLike(line),
                      index + 1 < lines.count, lines[index + 1].kind == .prose {
                // A short name followed by a paragraph about that person: an author box.
                draft.author = line.text
            }
            looked += 1
            index += 1
        }
        return draft
    }

    /// How many lines of the page have the key of each headline in the region. Only lines
    /// whose key is as long as one of those are counted: hashing the key of every
    /// paragraph cost more than the rest of telling intertitles from links.
    static func headlineKeyCounts(_ lines: [Line], region: ClosedRange<Int>) -> [String: Int] {
        var lengths = Set<Int>()
        for index in region where lines[index].kind == .headline { lengths.insert(lines[index].key.utf8.count) }
        var counts: [String: Int] = [:]
        for line in lines where lengths.contains(line.key.utf8.count) { counts[line.key, default: 0] += 1 }
        return counts
    }

    /// Lines the site's earlier pages also showed become chrome, unless
    /// that would take away most of the prose: a page sent again, or a
    /// site that reprints one text, must not lose its article.
    func applying(_ template: SiteTemplate, to lines: [Line], fingerprints: [UInt64?]) -> [Line] {
        var result = lines
        var prose = 0
        var removedProse = 0
        for index in result.indices {
            let isProse = result[index].kind == .prose
            if isProse { prose += result[index].shape.letters }
            guard template.isChrome(fingerprint: fingerprints[index]) else { continue }
            if isProse { removedProse += result[index].shape.letters }
            result[index].kind = .cue(.drop)
        }
        return removedProse * 2 > prose ? lines : result
    }

    // MARK: - Lines

    func classify(_ text: String) -> [Line] {
        if let pageLines = Self.linesByDisplayForm(text) {
            var displays: [String] = []
            var raws: [Range<Int>] = []
            var blankBefore: [Bool] = []
            var previousEnd: Int?
            var page = text
            for (display, raw) in pageLines {
                let trimmed = display.trimmingWhitespace()
                guard !trimmed.isEmpty else {
                    previousEnd = nil
                    continue
                }
                // Only line breaks stand between two lines: more than one means an empty line between.
                blankBefore.append(previousEnd.map { end in
                    page.withUTF8 { !Self.isOneLineBreak($0[end..<raw.lowerBound]) }
                } ?? true)
                displays.append(trimmed)
                raws.append(raw)
                previousEnd = raw.upperBound
            }
            return classify(displays: displays, blankBefore: blankBefore) { text.copying(utf8: raws[$0]) }
        }
        return classifyLineByLine(text)
    }

    /// Whether `bytes` are one line break: LF, CR, VT or FF, CR LF, or U+2028 or U+2029.
    /// "\n\n" is two bytes as CR LF is, but two breaks: an empty line.
    static func isOneLineBreak(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        switch bytes.count {
        case 1: return [0x0A, 0x0B, 0x0C, 0x0D].contains(bytes[bytes.startIndex])
        case 2: return bytes.elementsEqual([0x0D, 0x0A])
        case 3: return bytes.elementsEqual([0xE2, 0x80, 0xA8]) || bytes.elementsEqual([0xE2, 0x80, 0xA9])
        default: return false
        }
    }

    /// ``classify(_:)`` the plain way, each line cut from the page and put in display form on its own.
    func classifyLineByLine(_ text: String) -> [Line] {
        var displays: [String] = []
        var raws: [String] = []
        var blankBefore: [Bool] = []
        var blank = true
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        func endLine() {
            let raw = String(scalars)
            scalars = String.UnicodeScalarView()
            let display = TextNormalizer.displayForm(raw).trimmingWhitespace()
            if display.isEmpty {
                blank = true
            } else {
                displays.append(display)
                raws.append(raw)
                blankBefore.append(blank)
                blank = false
            }
        }
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{0B}" || scalar == "\u{0C}" {
                endLine()
            } else {
                scalars.append(scalar)
            }
        }
        endLine()
        return classify(displays: displays, blankBefore: blankBefore) { raws[$0] }
    }

    /// The lines' kinds, hard-wrapped runs joined first (see ``joiningWrappedLines(_:blankBefore:)``).
    private func classify(displays: [String], blankBefore: [Bool], raw: (Int) -> String) -> [Line] {
        var lines: [Line] = []
        for group in Self.joiningWrappedLines(displays, blankBefore: blankBefore, isCue: { lexicon.match($0) != nil }) {
            if group.count == 1 {
                if let line = classify(display: displays[group.lowerBound], raw: { raw(group.lowerBound) }) { lines.append(line) }
            } else {
                let joined = displays[group].joined(separator: " ")
                if let line = classify(display: joined, raw: { joined }) { lines.append(line) }
            }
        }
        return lines
    }

    /// "• …", "- …", "1. …", "2) …", "1920- …": a line that opens as an item of a list.
    static func isListItem(_ line: String) -> Bool {
        var digits = 0
        for scalar in line.unicodeScalars {
            if digits == 0, "•●▪■∙·–—-*►➢◄".unicodeScalars.contains(scalar) { return true }
            if DecimalDigit.isDigit(scalar.value) {
                digits += 1
                continue
            }
            return digits > 0 && ".-)–".unicodeScalars.contains(scalar)
        }
        return false
    }

    /// Shortest and longest line, in scalars, of a column hard-wrapped at a fixed width (a newspaper page turned from PDF into text).
    static let wrappedLineLengths = 30...80
    /// Fewest lines of a hard-wrapped run.
    static let wrappedRunMinimumLines = 4
    /// Whether `length` is within a fifth of `width`: a line of a column cut at that width.
    static func isWithinFifth(_ length: Int, of width: Int) -> Bool {
        length * 5 >= width * 4 && length * 5 <= width * 6
    }

    /// Fewest lines of a hard-wrapped run shown as prose by the punctuation inside its lines alone.
    static let wrappedLongRunMinimumLines = 6

    /// "قال الوزير، في تصريح له اليوم. وأضاف": a comma, semicolon or sentence
    /// stop followed by more of the line, as running prose has.
    static func holdsInnerPunctuation(_ line: String) -> Bool {
        var previous: Unicode.Scalar?
        for scalar in line.unicodeScalars {
            if let mark = previous, scalar == " ", "،,؛;.".unicodeScalars.contains(mark) { return true }
            previous = scalar
        }
        return false
    }

    /// "شهدت منطقة جازان خلال اليومين الماضيين هطول / أمطار كثيفة عاشتها معظم
    /// المحافظات، شملت كل من / …": a column hard-wrapped at a fixed width, as a
    /// newspaper page turned from PDF into text comes, cuts each paragraph into
    /// lines of nearly one length that stop mid-sentence. Such a run (four
    /// lines or more without an empty line between, all but the paragraph's
    /// last within a fifth of the run's middle length, some ending on a comma
    /// or a paragraph's stop before the run's end, or, in a run of six lines
    /// or more, a third of them holding a comma or a stop inside and three in
    /// four cut because the next line's first word did not fit, as a text
    /// browser's dump wraps its paragraphs) is joined back into
    /// paragraphs, each ending where a line ends a sentence or falls short of
    /// the width. A list of headlines or a menu has lines of unlike lengths, no
    /// comma at a line's end and no stop; a headline above the column is
    /// shorter than its width and stays apart. A run with a list item ("1920-
    /// …", "• …", "1. …") or a line `isCue` knows ("شاهد أيضا: …") is a list,
    /// not a column. After a paragraph's last line, a line far from the width
    /// of the lines above it opens another run: a page sets columns of two
    /// widths one under the other. On a page where such columns show the width
    /// its text was cut at, another block set apart by empty lines (two lines
    /// or more, all but the last of that width, none ending a sentence) is one
    /// paragraph cut at the width too when its last line ends a sentence
    /// (or a clause, on a comma);
    /// without such columns, a block of three lines or more shows its own
    /// width, and is one paragraph when each line but the last was cut there
    /// because the next line's first word did not fit; the first such block's
    /// width then serves the blocks of two lines after it. Of two lines, the first
    /// is a headline cut at the width when the next word did not fit within
    /// the longest of the page's other lines cut at it (a headline longer than
    /// those was not cut at all), and the shorter second line names no date,
    /// writer or place (no digit, dash, colon, slash or comma): text browsers
    /// set every paragraph and heading apart so, while a date, a byline or a
    /// dateline sits under a headline on its own line. The groups of line
    /// indices, in order.
    static func joiningWrappedLines(_ lines: [String], blankBefore: [Bool], isCue: (String) -> Bool = { _ in false }) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var lengths: [Int] = []
        var ends: [Unicode.Scalar?] = []
        lengths.reserveCapacity(lines.count)
        for line in lines {
            // A scalar is one to four bytes: a line of other byte counts is of no column's width, and is not walked.
            let bytes = line.utf8.count
            var count = bytes
            if bytes >= wrappedLineLengths.lowerBound, bytes <= 4 * wrappedLineLengths.upperBound {
                // Scalars are the bytes that start one (not 10xxxxxx).
                var line = line
                count = line.withUTF8 { utf8 in utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
            }
            lengths.append(count)
            ends.append(line.unicodeScalars.last)
        }
        func endsSentence(_ index: Int) -> Bool {
            guard let last = ends[index] else { return false }
            if ".!?؟…".unicodeScalars.contains(last) { return true }
            // ."  .»  .)
            if "\"”»)".unicodeScalars.contains(last), let before = lines[index].unicodeScalars.dropLast().last {
                return ".!?؟".unicodeScalars.contains(before)
            }
            return false
        }
        func isItemOrMenu(_ index: Int) -> Bool {
            lines[index].unicodeScalars.contains { $0 == "|" || $0 == "•" || $0 == "·" }
        }
        // A headline cut at the width over a shorter second line that names no date, writer or place
        // ("الثلاثاء 21 يوليو 2015", "12/9/2015 10:30", "الرياض - واس", "بقلم: …"): a line set under a
        // title is often such. A date is a full one, or a number among four words at most.
        func isWrappedHeadline(_ index: Int) -> Bool {
            let second = lines[index + 1]
            guard lengths[index + 1] < lengths[index], ends[index] != ":",
                  !second.unicodeScalars.contains(where: { "-–—:/|،,".unicodeScalars.contains($0) }) else { return false }
            let shape = LineShape(second)
            return !(shape.digits > 0 && shape.words <= 4) && DateParsing.findDate(in: second) == nil
        }
        // Whether the line was cut because the next line's first word did not fit within `limit`.
        func isForcedWrap(_ index: Int, limit: Int) -> Bool {
            guard index + 1 < lines.count, lengths[index] <= limit else { return false }
            let firstWord = lines[index + 1].unicodeScalars.prefix { $0 != " " }.count
            return lengths[index] + 1 + firstWord > limit
        }
        var index = 0
        while index < lines.count {
            // The run: lines of the width, or a paragraph's short last line ending a sentence.
            var end = index
            // Lines set one under the other, or all one empty line apart (a page saved double-spaced).
            let spaced = index + 1 < lines.count && blankBefore[index + 1]
            while end < lines.count, end == index || blankBefore[end] == spaced {
                // In a double-spaced run, a line with the next right under it opens a block of its own.
                if spaced, end > index, end + 1 < lines.count, !blankBefore[end + 1] { break }
                // After a paragraph's last line, a line far from the width of the lines above opens another column.
                if end >= index + 2, endsSentence(end - 1), !isWithinFifth(lengths[end], of: lengths[end - 2]) { break }
                let ofWidth = wrappedLineLengths.contains(lengths[end])
                let lastOfParagraph = end > index && !endsSentence(end - 1) && endsSentence(end) && lengths[end] <= wrappedLineLengths.upperBound
                guard ofWidth || lastOfParagraph, !isItemOrMenu(end) else { break }
                end += 1
            }
            var start = index
            if end - start >= wrappedRunMinimumLines {
                let widths = lengths[start..<end].filter { wrappedLineLengths.contains($0) }.sorted()
                let middle = widths.isEmpty ? 0 : widths[widths.count / 2]
                let isFull = { (i: Int) in isWithinFifth(lengths[i], of: middle) }
                // A shorter line at the start (a headline over the column) stays apart.
                while start < end, !isFull(start) { start += 1 }
                let full = (start..<end).count(where: isFull)
                // A paragraph's stop before the run's end, or a comma at a line's end: prose cut at the width.
                // An exclamation or question mark ends headlines as often as sentences.
                var midSentence = (start..<end).contains { i in
                    (i < end - 1 && (ends[i] == "." || ends[i] == "…")) || ends[i] == "،" || ends[i] == ","
                }
                // A long column may have no mark at any line's end (a text browser wraps a paragraph of
                // sixty words where no comma happens to fall at the width): its lines' commas and stops
                // inside still show prose when most lines were cut because the next word did not fit.
                // Headlines stacked that deep, even with commas inside, leave room for it on most lines.
                if !midSentence, end - start >= wrappedLongRunMinimumLines {
                    let limit = (start..<end).map { lengths[$0] }.max() ?? 0
                    let forced = (start..<(end - 1)).count { isForcedWrap($0, limit: limit) }
                    midSentence = (start..<end).count { holdsInnerPunctuation(lines[$0]) } * 3 >= end - start
                        && forced * 4 >= (end - start - 1) * 3
                }
                if end - start >= wrappedRunMinimumLines, full * 4 >= (end - start) * 3, midSentence,
                   !(start..<end).contains(where: { isListItem(lines[$0]) || isCue(lines[$0]) }) {
                    for single in index..<start { groups.append(single..<(single + 1)) }
                    var paragraphStart = start
                    for i in start..<end where endsSentence(i) || !isFull(i) || i == end - 1 {
                        groups.append(paragraphStart..<(i + 1))
                        paragraphStart = i + 1
                    }
                    index = end
                    continue
                }
            }
            // No column: each line of the run on its own, and the next run looked for after it (linear in the page).
            let next = max(end, index + 1)
            for single in index..<next { groups.append(single..<(single + 1)) }
            index = next
        }
        // Blocks not shown to be columns by themselves, on a page whose columns show its width.
        var columnLines = groups.filter { $0.count > 1 }.flatMap { group in group.dropLast() }
        if columnLines.isEmpty, blankBefore.dropFirst().contains(true) {
            // No column joined: the lines that have another under them (list items apart), in blocks set
            // apart by empty lines, give the width when most of them are of one length (six at least).
            let upper = (0..<max(0, lines.count - 1)).filter { i in
                !blankBefore[i + 1] && wrappedLineLengths.contains(lengths[i]) && !isListItem(lines[i]) && !isItemOrMenu(i)
            }
            let sorted = upper.map { lengths[$0] }.sorted()
            if sorted.count >= wrappedLongRunMinimumLines,
               sorted.count(where: { isWithinFifth($0, of: sorted[sorted.count / 2]) }) * 4 >= sorted.count * 3 {
                columnLines = upper
            }
        }
        guard blankBefore.dropFirst().contains(true) else { return groups }
        // The page's width (the middle of its columns' lines) and the longest line cut at it, and the
        // longest but one: a headline is cut at the width of the lines of its page besides itself.
        let columnWidths = columnLines.map { lengths[$0] }.sorted()
        let longest = columnLines.max { lengths[$0] < lengths[$1] }
        let pageWidth = columnWidths.isEmpty ? nil : (middle: columnWidths[columnWidths.count / 2], limit: columnWidths[columnWidths.count - 1])
        let limitBesides = { (i: Int) in i == longest && columnWidths.count > 1 ? columnWidths[columnWidths.count - 2] : pageWidth?.limit ?? 0 }
        // A paragraph's last line ends a sentence, introduces what follows with a colon, or ends a clause on a comma.
        let endsParagraph = { (i: Int) in endsSentence(i) || ends[i] == ":" || ends[i] == "،" || ends[i] == "," }
        // A paragraph's last sentence may have words run on after its stop, on the same line and over
        // the next: a list of tags or places the page printed into the text ("… المتحدة. سمات اليمن" over
        // "صنعاء عدن مساعدات"). A stop inside one of the block's last two lines shows the text ran on
        // there, when the last line names no date, writer or place (no digit, dash, colon or slash).
        let runsOnAfterStop = { (first: Int, end: Int) -> Bool in
            let last = LineShape(lines[end - 1])
            guard last.digits == 0, !lines[end - 1].unicodeScalars.contains(where: { "-–—:/|".unicodeScalars.contains($0) }) else {
                return false
            }
            return (max(first, end - 2)..<end).contains { holdsStopBetweenWords(lines[$0]) }
        }
        var joined: [Range<Int>] = []
        joined.reserveCapacity(groups.count)
        // The width a block of three lines or more showed on its own, for the blocks after it.
        var shownWidth: (middle: Int, limit: Int)?
        var position = 0
        while position < groups.count {
            let first = groups[position].lowerBound
            // A block: lines one under the other with an empty line before and after, each its own group.
            var last = position
            while groups[last].count == 1, last + 1 < groups.count, groups[last + 1].count == 1, !blankBefore[groups[last + 1].lowerBound] {
                last += 1
            }
            let count = last - position + 1
            let end = groups[last].upperBound
            // The width the block was cut at: the page's, or, in a block of three lines or more, its own.
            let ownLimit = count >= 3 ? (first..<(end - 1)).map { lengths[$0] }.max() : nil
            let width = pageWidth ?? ownLimit.map { (middle: $0, limit: $0) } ?? shownWidth
            if let width, groups[position].count == 1, blankBefore[first], end == lines.count || blankBefore[end], count >= 2,
               (first..<(end - 1)).allSatisfy({
                   isWithinFifth(lengths[$0], of: width.middle) && !endsSentence($0) && (pageWidth != nil || isForcedWrap($0, limit: width.limit))
               }),
               lengths[end - 1] * 5 <= width.middle * 6,
               endsParagraph(end - 1) || runsOnAfterStop(first, end)
                   || (count == 2 && isForcedWrap(first, limit: limitBesides(first)) && isWrappedHeadline(first)),
               !(first..<end).contains(where: { isItemOrMenu($0) || isListItem(lines[$0]) || isCue(lines[$0]) }) {
                joined.append(first..<end)
                if pageWidth == nil, let ownLimit, shownWidth == nil { shownWidth = (middle: ownLimit, limit: ownLimit) }
            } else {
                joined.append(contentsOf: groups[position...last])
            }
            position = last + 1
        }
        return joined
    }

    /// Whether a sentence ends inside the line, with more words after it: a stop after a word of two
    /// letters at least (not "د." before a name) and a space before the next word (not "7.30").
    static func holdsStopBetweenWords(_ line: String) -> Bool {
        let scalars = line.scalarArray
        guard scalars.count >= 4 else { return false }
        for index in 2..<(scalars.count - 2) where ".!?؟".unicodeScalars.contains(scalars[index]) {
            let before = scalars[index - 1], beforeThat = scalars[index - 2]
            if before.properties.isAlphabetic, beforeThat.properties.isAlphabetic, ScalarTable.isWhitespace(scalars[index + 1]),
               scalars[index + 2].properties.isAlphabetic {
                return true
            }
        }
        return false
    }

    /// The page's lines in display form, each with where its raw text lies in the page's
    /// UTF-8, from the display form of the whole page: one pass rather than one per line.
    /// The display form breaks lines where the line split does (CR LF once), and keeps
    /// what stands between: the lines are the same. Nil where that does not hold: a page
    /// with U+0085 (a line break to the display form, not to the split) or whose display
    /// form needs composing (done for the page rather than per line); such a page is
    /// cut line by line.
    static func linesByDisplayForm(_ text: String) -> [(display: String, raw: Range<Int>)]? {
        var text = text
        let rawLines: [Range<Int>]? = text.withUTF8 { bytes in
            var lines: [Range<Int>] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                var width = 0
                switch bytes[index] {
                case 0x0A, 0x0B, 0x0C:
                    width = 1
                case 0x0D:
                    width = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                case 0xC2:
                    if bytes[index + 1] == 0x85 { return nil }
                case 0xE2:
                    if bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { width = 3 }
                default:
                    break
                }
                if width == 0 {
                    index += 1
                } else {
                    lines.append(start..<index)
                    index += width
                    start = index
                }
            }
            lines.append(start..<bytes.count)
            return lines
        }
        guard let rawLines, var display = TextNormalizer.displayFormWithoutComposing(text) else { return nil }
        let displayLines: [Range<Int>] = display.withUTF8 { bytes in
            var lines: [Range<Int>] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x0A {
                lines.append(start..<index)
                start = index + 1
            }
            lines.append(start..<bytes.count)
            return lines
        }
        guard displayLines.count == rawLines.count else { return nil }
        var lines: [(display: String, raw: Range<Int>)] = []
        for (displayLine, rawLine) in zip(displayLines, rawLines) where !displayLine.isEmpty {
            lines.append((display.copying(utf8: displayLine), rawLine))
        }
        return lines
    }

    /// A line's kind from its display form (trimmed); `raw` gives the line as the page
    /// has it, for the spacing the display form does not keep. Nil for an empty line.
    private func classify(display: String, raw: () -> String) -> Line? {
        let display = ChromeLine.withoutSliderButtons(display)
        guard !display.isEmpty else { return nil }
        let shape = LineShape(display)
        // The line's match-key words, computed once for every test below.
        let words = BoilerplateLexicon.lineKeyWords(display)
        let cue = lexicon.match(display, keyWords: words)
        let kind: Kind
        if let passedOn = PassedOnChrome.cueKind(display, raw: raw, keyWords: words, shape: shape) {
            kind = .cue(passedOn)
        } else if shape.letters == 0 || TitleEvidence.isGalleryCounter(display) {
            // A gallery's counter in words ("صورة 2 من 14", "3 of 12") is as bare
            // as one in figures ("2 / 14"): it heads nothing and ends nothing.
            kind = .noise
        } else if let cue {
            kind = .cue(cue.kind)
        } else if ChromeLine.isShareRow(keyWords: words) || ChromeLine.isReadingTime(keyWords: words) || ChromeLine.isCookieNotice(keyWords: words) {
            kind = .cue(.drop)
        } else if ChromeLine.isRelativeTimestamp(keyWords: words) {
            kind = .dateLine
        } else if shape.words <= 25, Self.holdsCopyrightSign(display) {
            kind = .cue(.end)
        } else if !shape.isProse, Self.isMenu(display) || Self.isSpacedMenu(raw()) {
            kind = .cue(.drop)
        } else if shape.innerPunctuation == 0, !shape.endsWithStop, Self.isMenu(display, everyItemShort: true) {
            // A menu of many items is as long as a paragraph, but no sentence is cut into short items by bars.
            kind = .cue(.drop)
        } else if shape.isGluedTicker || ChromeLine.isTicker(display, shape: shape) {
            kind = .ticker
        } else if shape.words <= 14, !shape.endsWithStop, shape.digits > 0, DateParsing.findDate(in: display) != nil, shape.letters <= 70 {
            kind = .dateLine
        } else if shape.words <= 30, !shape.endsWithStop, shape.digits > 0, Self.isBarredRow(display),
                  DateParsing.findDate(in: display) != nil {
            // "مراسل … في جدة: فلان | تاريخ النشر: 24/07/2015 | آخر تحديث: …": the header's byline and stamps on one row.
            kind = .dateLine
        } else if shape.isProse {
            kind = .prose
        } else {
            kind = .headline
        }
        return Line(text: display, key: words.key, shape: shape, kind: kind, cue: cue)
    }

    /// Whether the text holds "©" (U+00A9, C2 A9 in UTF-8), found by its bytes.
    static func holdsCopyrightSign(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0xA9, previous == 0xC2 { return true }
            previous = byte
        }
        return false
    }

    /// The largest run of prose lines, bounded by end cues, attributions,
    /// tickers and wide gaps of non-prose lines.
    func bestRegion(_ lines: [Line]) -> ClosedRange<Int>? {
        var best: (range: ClosedRange<Int>, score: Int)?
        var runStart: Int?
        var runEnd = 0
        var runScore = 0
        var gap = 0
        var gapHadHeadline = false
        var afterEndCue = false

        func closeRun() {
            if let start = runStart {
                let score = afterEndCue ? runScore / 2 : runScore
                if best == nil || score > best!.score { best = (start...runEnd, score) }
            }
            runStart = nil
            runScore = 0
            gap = 0
            gapHadHeadline = false
        }

        for (index, line) in lines.enumerated() {
            switch line.kind {
            case .prose:
                if runStart == nil { runStart = index }
                runEnd = index
                // A lone run-on line without punctuation is likely glued headlines; it
                // wins only when nothing else on the page reads as prose.
                runScore += line.shape.looksLikeHeadlineSoup ? line.shape.letters / 4 : line.shape.letters
                gap = 0
                gapHadHeadline = false
            case .headline where line.shape.startsAsItem:
                // List items and interview questions belong to the text around them.
                break
            case .cue(.end) where Self.isPhotoCredit(line):
                // A photo's credit inside the text, or between it and its headline, ends nothing.
                break
            case .cue(.end):
                closeRun()
                afterEndCue = true
            case .cue(.source):
                // An attribution closes the article it follows.
                if runStart != nil { closeRun() }
            case .ticker:
                closeRun()
            case .cue(.drop), .noise:
                break
            default:
                if runStart != nil {
                    gap += 1
                    if line.kind == .headline && line.shape.words >= 3 { gapHadHeadline = true }
                    // A lone prose line followed by a header-like stretch (title,
                    // byline, date) is page chrome above the article, such as a
                    // ticker of headlines glued without any mark between them.
                    let loneStart = runEnd == runStart
                    let headlineSoup = loneStart && lines[runEnd].shape.looksLikeHeadlineSoup
                    if gap > Self.maximumGap || (loneStart && ((gap >= 2 && gapHadHeadline) || headlineSoup)) {
                        closeRun()
                    }
                }
            }
        }
        closeRun()
        return best?.range
    }

    /// "الرئيسية | أخبار | رياضة": navigation, not a headline. A breadcrumb
    /// may end on the article's long title, but an item of many words before
    /// the last marks a headline with a label around it ("عام / … / إضافة
    /// أولى واخيرة", as a news agency writes them). With `everyItemShort`,
    /// for a line as long as a paragraph, the last item must be short too
    /// and separators count only between items: a paragraph opened by
    /// bullets ("•• …") or holding a span of years ("1435 / 1436 هـ") is no
    /// menu.
    static func isMenu(_ text: String, everyItemShort: Bool = false) -> Bool {
        let items = itemWords(of: text) { previous, value, next in
            switch value {
            case 0x7C, 0x2022, 0x00B7: return .bar
            // Breadcrumb arrows and slashes stand between spaces; guillemets hug the words they quote.
            case 0x00BB, 0x203A, 0x3E, 0x2F:
                return ScalarTable.isWhitespace(value: previous) && ScalarTable.isWhitespace(value: next) ? .bar : nil
            default: return nil
            }
        }
        guard items.dropLast().allSatisfy({ $0 <= Self.menuItemMaximumWords }) else { return false }
        guard everyItemShort else { return items.count > 2 }
        return items.last! <= Self.menuItemMaximumWords && items.dropLast().count { $0 > 0 } >= 2
    }

    /// A separator between the items of a row, by kind: bars, dots, arrows and
    /// slashes cut menus and breadcrumbs alike; a spaced dash cuts a row only
    /// when no other kind does ("الرئيسية - أخبار - سياسة").
    enum ItemSeparator { case bar, dash }

    /// The words of each item of a line cut where `separator` says (given the
    /// scalars before and after), in order: an empty item where two separators
    /// meet or one opens or closes the line. The one scan behind menus,
    /// breadcrumbs, rows of short links and header rows.
    static func itemWords(
        of text: String, separator: (_ previous: UInt32, _ value: UInt32, _ next: UInt32) -> ItemSeparator?,
        kinds: ((ItemSeparator) -> Void)? = nil
    ) -> [Int] {
        var items = [0]
        var inWord = false
        ScalarTable.forEachScalar(of: text) { previous, value, next in
            if let kind = separator(previous, value, next) {
                kinds?(kind)
                items.append(0)
                inWord = false
            } else if ScalarTable.isWhitespace(value: value) {
                inWord = false
            } else if !inWord {
                inWord = true
                items[items.count - 1] += 1
            }
        }
        return items
    }

    /// Parts of a few words set apart by two bars or more: a row of the header
    /// (byline, publication and update stamps), which a sentence is not.
    static func isBarredRow(_ text: String) -> Bool {
        let parts = itemWords(of: text) { _, value, _ in value == 0x7C ? .bar : nil }
        return parts.count > 2 && parts.max()! <= Self.barredRowPartMaximumWords
    }

    /// The most words a part of a header row holds ("مراسل الصحيفة في جدة: فلان الفلاني").
    static let barredRowPartMaximumWords = 9

    /// Menu items and breadcrumb steps are a few words long.
    static let menuItemMaximumWords = 5

    /// "أخبار  مقالات  فيديو  صور": short items set apart by runs of spaces or
    /// tabs, as menus come out of a page saved as text.
    static func isSpacedMenu(_ raw: String) -> Bool {
        var gaps = 0
        var spaces = 0
        var wordsInItem = 0
        var longestItem = 0
        var inWord = false
        for scalar in raw.trimmingWhitespace().unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\u{00A0}" {
                spaces += scalar == "\t" ? 2 : 1
                inWord = false
                continue
            }
            if spaces >= 2 {
                gaps += 1
                longestItem = max(longestItem, wordsInItem)
                wordsInItem = 0
            }
            spaces = 0
            if !inWord { wordsInItem += 1 }
            inWord = true
        }
        longestItem = max(longestItem, wordsInItem)
        return gaps >= 3 && longestItem <= 3
    }

    /// The line above the article with the most evidence of being its title
    /// (see ``TitleEvidence``), the positional reading's choice weighing in
    /// as one piece of it. Looks at most `TitleEvidence.maximumCandidates`
    /// lines up, stopping at a ticker, the end of another article or its
    /// prose: linear in the page.
    /// `retold` says whether the text retells any word of the line chosen.
    /// `passingOver` is a standfirst between the title and the text (see ``standfirstAbove(_:region:evidence:)``);
    /// `evidence` the region's, when the caller has it already.
    /// `from` is where the search upwards starts, the region's first line unless a box of links stands above it.
    func titleByEvidence(_ lines: [Line], region: ClosedRange<Int>, positional: Int?, passingOver standfirst: Int? = nil,
                         evidence: TitleEvidence? = nil, from start: Int? = nil) -> (index: Int?, retold: Bool) {
        let evidence = evidence ?? titleEvidence(lines, region: region)
        var best: (index: Int, score: Double)?
        var runnerUp: (index: Int, score: Double)?
        var positionalIsPageWidget = false
        var headlinesBetween = 0
        var looked = 0
        var candidates: [Int] = []
        var index = (start ?? region.lowerBound) - 1
        while index >= 0, looked < TitleEvidence.maximumCandidates {
            let line = lines[index]
            var isCandidate = false
            switch line.kind {
            case .headline:
                // A tag row is never the title, however many of its words the text uses (tags name its
                // topics), nor is a short line with an icon, a button or a widget.
                isCandidate = line.text.unicodeScalars.last != ":" && !TitleEvidence.isIconOrTagRow(line.text)
            case .prose:
                // A long headline reads as prose by its length; a paragraph ends a sentence.
                isCandidate = line.shape.words <= 30 && !line.shape.endsWithStop && line.shape.innerPunctuation <= 2
            case .ticker:
                index = -1
                continue
            case .cue(.end) where Self.endsText(line):
                index = -1
                continue
            default:
                break
            }
            if isCandidate || line.kind == .headline || line.kind == .prose { looked += 1 }
            if isCandidate {
                candidates.append(index)
                // A writer's honorific ("د.", "أ.", "Dr.") is no word of his name: "د. محمد حامد الغامدي" is three names.
                let nameWords = line.shape.words - (Self.opensOnHonorific(line.text) ? 1 : 0)
                let looksLikeByline = isDashedByline(line) || Self.isPlaceAndSender(line.text)
                    || (isNameLike(line) && (2...3).contains(nameWords) && !evidence.retellsAWord(of: line))
                let score = evidence.score(
                    line, headlinesBetween: headlinesBetween, chosenByPosition: index == positional, looksLikeByline: looksLikeByline
                )
                if score > 0, score > best?.score ?? -.infinity { best = (index, score) }
                // A counter, a widget or a line in another script does not stand between a headline and its text.
                let isPageWidget = evidence.isPageWidget(line)
                if index == positional { positionalIsPageWidget = isPageWidget }
                if !isPageWidget {
                    // A one-word label or button, a byline and a time or date stand in the header
                    // as the bylines and dates the lexicon knows do: no headline comes between.
                    if line.shape.words >= 2, !looksLikeByline, !TitleEvidence.isDateOrTime(line) { headlinesBetween += 1 }
                    if score > runnerUp?.score ?? -.infinity { runnerUp = (index, score) }
                }
            }
            if line.kind == .prose, index != standfirst { break }
            index -= 1
        }
        // Nothing for a line: the positional reading stands, rather than a
        // title cut from the text, unless it is a counter or in another script
        // and a line that is neither, without strong evidence against it, is there.
        let chosen: Int?
        if best == nil, positionalIsPageWidget, let runnerUp, runnerUp.score >= -1 {
            chosen = runnerUp.index
        } else {
            chosen = best?.index ?? positional
        }
        let title = chosen.map { Self.headline(wrappedBy: $0, among: candidates, in: lines) ?? $0 }
        return (title, title.map { evidence.retellsAWord(of: lines[$0]) } ?? false)
    }

    /// The evidence about titles that the text of `region` gives.
    func titleEvidence(_ lines: [Line], region: ClosedRange<Int>) -> TitleEvidence {
        let opening = lines[region].lazy.filter { $0.kind == .prose }.prefix(4).map(\.key)
        let pageTitle = region.lowerBound > 0 ? Self.pageTitleParts(lines[0]) : []
        return TitleEvidence(openingKeys: Array(opening), hints: titleHints, pageTitleParts: pageTitle)
    }

    /// "العنوان | اسم الموقع", "Site - Headline": a page saved as text often
    /// opens with its browser title, the headline and the site's name on one
    /// line set apart by a bar or a dash. The match keys of its parts (two or
    /// three, of two words or more), or none when the first line is no such line.
    static func pageTitleParts(_ line: Line) -> Set<String> {
        guard line.kind == .headline || line.kind == .prose, line.shape.words <= 30 else { return [] }
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            let parts = line.text.components(separatedByString: separator)
            guard (2...3).contains(parts.count) else { continue }
            let keys = parts.map { BoilerplateLexicon.lineKeyWords($0) }.filter { $0.count >= 2 }.map(\.key)
            return Set(keys)
        }
        return []
    }

    /// A standfirst: the prose line nearest above the text (with only header
    /// lines, such as bylines, dates, captions and share rows, between) when the
    /// text's opening retells most of its words. Sites set such a summary under
    /// the headline; the headline is above it, and the search for it goes on
    /// past it. A prose line the opening does not retell (another article's
    /// teaser, a paragraph of a page's other text) still ends the search.
    func standfirstAbove(_ lines: [Line], region: ClosedRange<Int>, evidence: TitleEvidence) -> Int? {
        var index = region.lowerBound - 1
        let floor = max(0, region.lowerBound - Self.titleSearchDepth)
        while index >= floor {
            let line = lines[index]
            switch line.kind {
            case .prose:
                guard line.shape.words <= Self.standfirstMaximumWords,
                      evidence.retellsMost(of: line) || isLeadAboveHeader(lines, at: index, before: region.lowerBound) else { return nil }
                return index
            case .ticker:
                return nil
            case .cue(.end) where Self.endsText(line):
                return nil
            default:
                index -= 1
            }
        }
        return nil
    }

    /// "headline / lead / «المنامة - محرر الشؤون المحلية» / «نشر في: …» / text":
    /// a prose line under a headline it shares a content word with, and above
    /// the article's header (a date line or a "Place - writer" byline between it
    /// and the text), is the lead sites set under the headline, as a standfirst
    /// is, even when the text does not retell it (it may be the text's first
    /// sentence, shown once).
    func isLeadAboveHeader(_ lines: [Line], at index: Int, before start: Int) -> Bool {
        let header = lines[(index + 1)..<start].contains { line in
            line.kind == .dateLine || line.kind == .cue(.date) || (line.kind == .headline && isDashedByline(line))
        }
        guard header else { return false }
        var above = index - 1
        while above >= 0, lines[above].kind == .noise || lines[above].kind == .cue(.drop) { above -= 1 }
        guard above >= 0 else { return false }
        let headline = lines[above]
        guard headline.kind == .headline, headline.shape.words >= 3 else { return false }
        let headlineStems = Set(TitleEvidence.contentStems(headline.key.scalarWords(separatedBy: { $0 == " " })))
        return TitleEvidence.contentStems(lines[index].key.scalarWords(separatedBy: { $0 == " " })).contains { headlineStems.contains($0) }
    }

    /// "اقرأ أيضاً", "ذات صلة", "مواضيع ذات صلة" over two headlines or more,
    /// right above the text, none of which the text retells a third of, and
    /// under a paragraph or a byline ("Name – Place"): a box of links to
    /// other articles set inside the text, after its first paragraph or its
    /// byline. The label's index, or nil. A list of headlines right above the
    /// text with no paragraph or byline over it (a sidebar of the latest news
    /// ending on the article's own headline) is no such box. A short credit
    /// ("المصدر: واس") between a lone paragraph and the text breaks the text
    /// the same way, and counts as such a label.
    func linksBoxLabel(_ lines: [Line], region: ClosedRange<Int>, evidence: TitleEvidence) -> Int? {
        if region.lowerBound >= 2, lines[region.lowerBound - 1].kind == .cue(.source), lines[region.lowerBound - 1].shape.words <= 3,
           lines[region.lowerBound - 2].kind == .prose, region.lowerBound < 3 || lines[region.lowerBound - 3].kind != .prose {
            return region.lowerBound - 1
        }
        var index = region.lowerBound - 1
        var links = 0
        while index >= 0, links <= Self.linksBoxMaximum {
            let line = lines[index]
            guard line.kind == .headline, line.shape.words >= 3, !evidence.isPageWidget(line), !TitleEvidence.isDateOrTime(line),
                  !isDashedByline(line) else { break }
            if evidence.retellsAThird(of: line) { return nil }
            links += 1
            index -= 1
        }
        guard (2...Self.linksBoxMaximum).contains(links), index >= 1 else { return nil }
        let label = lines[index]
        switch label.kind {
        case .cue(.end):
            if !Self.endsText(label) { return nil }
        case .cue(.drop), .headline:
            if label.shape.words > 3 || label.shape.digits > 0 || TitleEvidence.isIconOrTagRow(label.text) || isDashedByline(label) {
                return nil
            }
        default:
            return nil
        }
        let above = lines[index - 1]
        return above.kind == .prose || (above.kind == .headline && isDashedByline(above)) ? index : nil
    }

    /// The most links a box inside the text holds.
    static let linksBoxMaximum = 6

    /// The most words a standfirst holds; a longer prose line is a paragraph.
    static let standfirstMaximumWords = 60

    /// "غرّد: <headline>", "شارك «<headline>» مع أصدقائك", "<headline> — عبر
    /// @site": a line that holds another line above the text whole, with a
    /// few words around it, wraps that headline in a share text or a teaser,
    /// and the text retells it as much; the headline it holds is the title.
    static func headline(wrappedBy wrapper: Int, among candidates: [Int], in lines: [Line]) -> Int? {
        let outer = Array((" " + lines[wrapper].key + " ").utf8)
        return candidates.first { index in
            let inner = lines[index]
            guard index != wrapper, inner.shape.words >= 3, inner.shape.words * 2 > lines[wrapper].shape.words,
                  inner.key != lines[wrapper].key else { return false }
            return holds(outer, Array((" " + inner.key + " ").utf8))
        }
    }

    /// Whether `bytes` hold `part` somewhere.
    private static func holds(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        guard !part.isEmpty, part.count <= bytes.count else { return false }
        for start in 0...(bytes.count - part.count) where bytes[start] == part[0] {
            if bytes[start..<(start + part.count)].elementsEqual(part) { return true }
        }
        return false
    }

    /// The headline just above the article, skipping category labels,
    /// bylines and dates; a one- or two-word line counts only when nothing
    /// else stands between it and the article.
    /// `passingOver` is a standfirst between the title and the text, which ends nothing.
    func findTitle(_ lines: [Line], before start: Int, passingOver standfirst: Int? = nil) -> Int? {
        var known: [Int: Int?] = [:]
        return findTitle(lines, before: start, notAbove: max(0, start - Self.titleSearchDepth), passingOver: standfirst, known: &known)
    }

    /// How far above the text a title is looked for. A headline sits a few
    /// lines above its article; the bound, with the answers kept per line,
    /// keeps a page of thousands of byline-like lines linear (each such line
    /// asks what stands above it).
    static let titleSearchDepth = 24

    private func findTitle(_ lines: [Line], before start: Int, notAbove floor: Int, passingOver standfirst: Int?,
                           known: inout [Int: Int?]) -> Int? {
        if let answer = known[start] { return answer }
        let answer = searchTitle(lines, before: start, notAbove: floor, passingOver: standfirst, known: &known)
        known[start] = answer
        return answer
    }

    private func searchTitle(_ lines: [Line], before start: Int, notAbove floor: Int, passingOver standfirst: Int?,
                             known: inout [Int: Int?]) -> Int? {
        var index = start - 1
        var skipped = 0
        while index >= floor, skipped < 8 {
            let line = lines[index]
            // A line ending in a colon introduces what follows ("الرياض - الوئام:");
            // a widget with an icon, a tag row or a row of short links is passed over
            // like a date (a short line with a number is not: "بعد التفجير (2)" may be
            // a headline).
            if line.kind == .headline, line.text.unicodeScalars.last != ":", !TitleEvidence.isIconOrTagRow(line.text),
               !TitleEvidence.isRowOfShortLinks(line.text) {
                let dashedByline = isDashedByline(line)
                let above = dashedByline || isNameLike(line)
                    ? findTitle(lines, before: index, notAbove: floor, passingOver: standfirst, known: &known) : nil
                // "Name – Place" just above the text is a byline when a headline stands above it.
                if dashedByline, let above, lines[above].shape.words >= 3 {
                    return above
                }
                // A short name just above the text is a byline when a longer headline stands above it.
                // Two short lines before the text: a title, then its writer's name.
                if let above {
                    let upper = lines[above].shape
                    let nearer = line.shape
                    if (upper.words > nearer.words && !isNameLike(lines[above]))
                        || (nearer.words >= 3 && upper.words >= 3 && upper.words + 1 >= nearer.words) {
                        return above
                    }
                }
                if line.shape.words >= 3 { return index }
                // One or two words: a title when nearest the text and not a bare label.
                if isNearestHeadline(index, before: start, in: lines), !isNameLike(line) || index == 0 { return index }
            }
            if line.kind == .ticker || Self.endsText(line) || (line.kind == .prose && index != standfirst) {
                return nil
            }
            skipped += 1
            index -= 1
        }
        return nil
    }

    /// A short headline-like line between paragraphs is an intertitle when
    /// it is short and introduces more prose; longer ones, and lines also
    /// found elsewhere on the page, link to other articles.
    func isIntertitle(at index: Int, in lines: [Line], region: ClosedRange<Int>, keyCounts: [String: Int]) -> Bool {
        let line = lines[index]
        // List items and interview questions are part of the text.
        if line.shape.startsAsItem { return true }
        guard line.shape.words <= Self.intertitleMaximumWords else { return false }
        guard index + 1 <= region.upperBound, lines[index + 1].kind == .prose else { return false }
        return keyCounts[line.key, default: 0] <= 1
    }

    /// An end cue that ends the text above it: not a count beside a heading
    /// ("💬 9 تعليقات") nor a photo's credit ("© AFP"), which the text goes on past.
    static func endsText(_ line: Line) -> Bool {
        line.kind == .cue(.end) && !isCountedHeading(line) && !isPhotoCredit(line)
    }

    /// "التعليقات (6)", "12 comments": the comment section's name with its
    /// count is a counter under the headline as often as the section's start
    /// at the article's end; it ends nothing above the text. A copyright line
    /// with its year does end a page.
    static func isCountedHeading(_ line: Line) -> Bool {
        line.kind == .cue(.end) && TitleEvidence.isCount(line.shape) && !holdsCopyrightSign(line.text)
    }

    /// "© AFP", "© Getty Images": a copyright sign with a name of a word or
    /// three and no year credits a photo; a copyright line that ends a page
    /// names the site with the year ("© 2024 صوت القيروان") or its rights.
    static func isPhotoCredit(_ line: Line) -> Bool {
        guard hasCreditShape(line) else { return false }
        // "© صحيفة الأفق" is the site's own rights line, which ends its page; only an agency's
        // name beside the sign reads as a photo's credit.
        let name = String(String.UnicodeScalarView(line.text.unicodeScalars.filter { $0 != "©" }))
        return Attribution.wireCredit(name) != nil || Attribution.isPhotoAgency(name)
    }

    private func isNearestHeadline(_ index: Int, before start: Int, in lines: [Line]) -> Bool {
        lines[(index + 1)..<start].allSatisfy { line in
            switch line.kind {
            case .cue, .dateLine, .noise: true
            case .headline: TitleEvidence.isIconOrTagRow(line.text) || TitleEvidence.isRowOfShortLinks(line.text)
            default: false
            }
        }
    }

    /// "تسجيل الدخول | إنشاء حساب", "💬 9 تعليقات": a row of links set apart
    /// by bars or dots, a widget or a count, which no headline is.
    static func readsAsFurniture(_ line: Line) -> Bool {
        line.text.unicodeScalars.contains { $0 == "|" || $0 == "·" || $0 == "•" }
            || TitleEvidence.isCount(line.shape) || TitleEvidence.isIconOrTagRow(line.text)
    }

    /// "Name – Place", "Place - Agency" or "City (Agency)": who wrote or sent the story.
    func isDashedByline(_ line: Line) -> Bool {
        guard line.shape.isBylineLike else { return false }
        // A line wholly in brackets is a caption or a credit ("(تصوير: …)"), not "City (Agency)".
        if line.shape.words <= 4, let open = line.text.unicodeScalars.firstIndex(of: "("), open > line.text.unicodeScalars.startIndex,
           line.text.unicodeScalars[open...].contains(")"), line.text.unicodeScalars.last == ")" {
            return true
        }
        let parts = line.text.components(separatedByString: " – ").count + line.text.components(separatedByString: " - ").count
            + line.text.components(separatedByString: " — ").count - 3
        return parts == 1
    }

    /// Whether a short bare line under a headline can be its writers' names:
    /// names hold no prepositions or demonstratives ("صور مع الخبر",
    /// "دقيقتان للقراءة", "Listen to this article") and no control symbols
    /// ("A+ A-"), which captions, reading times and page controls do. "من"
    /// and "في" stay ("تركي التركي من الرياض" is a writer and his place), and
    /// so does "على", which Egyptian spelling writes for the name Ali.
    static func readsAsNames(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: { "+|@#*=<>()[]{}".unicodeScalars.contains($0) }) { return false }
        for word in text.lowercased().scalarWords(separatedBy: { $0 == " " || $0 == ":" || $0 == "," || $0 == "،" }) {
            if functionWords.contains(word) { return false }
            if word.hasPrefix("لل"), word.unicodeScalars.count > 3 { return false }
        }
        return true
    }

    /// "قندز (أفغانستان): «الشرق الأوسط»", "نيوبورت نيوز (فيرجينيا): نيلسون شوارتز": a
    /// dateline, the city and its country or state in brackets, then after a colon who sent
    /// the story (the paper, a writer, an agency). A headline quoting a name in brackets goes
    /// on after its colon in more words than a sender's name has.
    static func isPlaceAndSender(_ text: String) -> Bool {
        let parts = text.components(separatedByString: "):")
        guard parts.count == 2 else { return false }
        let placeParts = parts[0].components(separatedByString: " (")
        guard placeParts.count == 2 else { return false }
        let place = LineShape(placeParts[0]), region = LineShape(placeParts[1]), sender = LineShape(parts[1])
        return (1...3).contains(place.words) && (1...3).contains(region.words) && (1...4).contains(sender.words)
            && place.digits + region.digits + sender.digits == 0 && !sender.endsWithStop
    }

    /// "د. محمد حامد الغامدي", "أ. سارة", "Dr. Ali": a line opening on a word of one or two
    /// letters and a stop, the abbreviated title set before a writer's name. Read on scalars.
    static func opensOnHonorific(_ text: String) -> Bool {
        var letters = 0
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar.properties.isAlphabetic {
                letters += 1
                if letters > 2 { return false }
            } else {
                return scalar == "." && letters >= 1 && scalars.next().map(ScalarTable.isWhitespace) == true
            }
        }
        return false
    }

    private static let functionWords: Set<String> = [
        "إلى", "الى", "عن", "مع", "هذا", "هذه", "ذلك", "تلك", "كل", "قبل", "بعد",
        "the", "of", "to", "for", "in", "on", "at", "this", "that", "your", "our", "with", "from", "now",
    ]

    func isNameLike(_ line: Line) -> Bool {
        // One inner stop is allowed for honorifics: "د. أمل الطعيمي".
        line.shape.words >= 1 && line.shape.words <= 4 && line.shape.digits == 0 && line.shape.innerPunctuation <= 1
            && line.shape.commas == 0
            && !line.shape.endsWithStop && !line.shape.endsWithQuestionOrExclamation
    }

    /// The moment a relative timestamp line names, when the page's saving time is known.
    private func resolveRelative(_ line: Line) -> String? {
        guard let savedAt, line.kind == .dateLine else { return nil }
        return RelativeTime.resolve(keyWords: line.key.scalarWords(separatedBy: { $0 == " " }), reference: savedAt, utcOffset: utcOffset)
    }

    private func take(_ line: Line, into draft: inout ArticleDraft, headerPosition: Bool) {
        switch line.kind {
        case .cue(.source):
            if draft.source == nil, let remainder = line.cue?.remainder { draft.source = Self.stripBrackets(remainder) }
        case .cue(.author):
            if draft.author == nil, let remainder = line.cue?.remainder { draft.author = remainder }
        case .cue(.date), .dateLine:
            if draft.published == nil { draft.published = DateParsing.findDate(in: line.text) ?? resolveRelative(line) }
        case .headline where headerPosition:
            if draft.author == nil, (isNameLike(line) && Self.readsAsNames(line.text)) || isDashedByline(line), line.shape.words >= 2 {
                draft.author = line.text
            }
        default:
            break
        }
    }

    /// "© مواقع التواصل", "© أرشيفية" right above a paragraph (or above a
    /// byline over one), under a headline, with no paragraph within two lines
    /// above and none further up but a lead the page repeats over its photo:
    /// a copyright sign with a name of a word or three and no year, over the
    /// text and under the header, credits the photo set there, whatever the
    /// name. The site's rights line ends its page: it comes after the text,
    /// often after its tags and share links (a paragraph about the site may
    /// follow it). Such a credit becomes chrome that ends nothing.
    static func markingPhotoCredits(_ lines: inout [Line]) {
        // Only under a headline and above the text: a lead repeated over the photo is a paragraph at
        // most, while after the text's paragraphs (and its tags and share links) such a line is the
        // site's rights line.
        var sawHeadline = false
        var paragraphsAbove = 0
        for index in lines.indices {
            switch lines[index].kind {
            case .prose:
                paragraphsAbove += 1
                if paragraphsAbove > 1 { return }
            case .headline:
                sawHeadline = true
            default:
                guard sawHeadline, hasCreditShape(lines[index]),
                      lines[(index + 1)..<min(lines.count, index + 3)].contains(where: { $0.kind == .prose }),
                      !lines[max(0, index - 2)..<index].contains(where: { $0.kind == .prose }) else { continue }
                lines[index].kind = .cue(.drop)
            }
        }
    }

    /// "© AFP", "© مواقع التواصل", "© أ ف ب": an end cue of a copyright sign with a name of a word
    /// or three, no year. The sign set apart by a space is no word of the name: an agency's initials
    /// spelt apart ("أ ف ب") are three.
    static func hasCreditShape(_ line: Line) -> Bool {
        guard line.kind == .cue(.end), line.shape.digits == 0, line.cue == nil, holdsCopyrightSign(line.text) else { return false }
        if line.shape.words <= 3 { return true }
        let name = String(String.UnicodeScalarView(line.text.unicodeScalars.filter { $0 != "\u{00A9}" }))
        return LineShape(name).words <= 3
    }

    /// "جميع الحقوق محفوظة © 2024 صوت القيروان" → "صوت القيروان".
    static func siteNameFromCopyright(_ line: Line) -> String? {
        guard line.kind == .cue(.end), line.shape.words <= 12 else { return nil }
        let key = line.key
        guard line.text.unicodeScalars.contains("\u{00A9}") || key.contains("حقوق") || key.contains("copyright") else { return nil }
        let noise: Set<String> = ["جميع", "كل", "الحقوق", "حقوق", "محفوظه", "محفوظة", "لموقع", "موقع", "ل", "لـ", "copyright",
                                  "all", "rights", "reserved", "by", "the", "النشر", "الطبع", "والنشر", "©"]
        let words = line.text.scalarWords(separatedBy: { $0.properties.isWhitespace || "©,.،|-–—:()".unicodeScalars.contains($0) })
            .filter { word in
                !noise.contains(BoilerplateLexicon.keyWords(word).joined()) && !noise.contains(word.lowercased())
                    && !word.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
            }
        guard (1...5).contains(words.count) else { return nil }
        return words.joined(separator: " ")
    }

    /// "(وكالات)" → "وكالات".
    static func stripBrackets(_ text: String) -> String {
        var scalars = text.scalarArray
        while let first = scalars.first, "([{«\"“".unicodeScalars.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, ")]}»\"”.".unicodeScalars.contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars)).trimmingWhitespace()
    }

    /// No prose at all: a short note or a headline with a line or two.
    private func fallback(_ lines: [Line]) -> ArticleDraft {
        var draft = ArticleDraft()
        draft.paragraphsInDisplayForm = true
        let content = lines.filter { line in
            switch line.kind {
            case .headline, .prose, .dateLine: true
            default: false
            }
        }
        guard let first = content.first else { return draft }
        if content.count == 1 {
            draft.paragraphs = [first.text]
        } else {
            draft.title = TitleWrapping.unwrapped(first.text) { key in !key.isEmpty && lines.contains { $0.key == key && $0 != first } }
            draft.paragraphs = content.dropFirst().map(\.text)
        }
        return draft
    }
}
