import MarsadText

/// Finds the article in a saved web page: metadata from `<title>`, Open Graph
/// and `article:` meta tags, JSON-LD NewsArticle, canonical link, `<time>` and
/// bylines; the text from the content block a reader would read, found by a
/// readability-style score (paragraph length, commas, link density, class
/// and id cues), with navigation, asides, forms, scripts, comments, share
/// bars and related-link lists left out and intertitles kept.
struct HTMLArticleExtractor {
    let lexicon: BoilerplateLexicon
    /// Chrome learned from earlier pages of sites, chosen by the page's host or site name.
    var templates: SiteTemplateBook = .empty
    /// When the page was saved (seconds since 1970), for relative timestamps.
    var savedAt: Int?
    /// Seconds east of UTC of the configured zone at `savedAt`.
    var utcOffset = 0

    /// Elements that never hold article text.
    static let droppedNames: Set<String> = [
        "script", "style", "noscript", "iframe", "form", "nav", "header", "footer", "aside", "button", "select",
        "option", "input", "textarea", "svg", "canvas", "template", "object", "embed", "video", "audio", "map",
        "figcaption", "label", "menu", "dialog", "head", "title", "meta", "link",
        // Contact details of the author or the page's owner, and the page's own dates and revisions.
        "address",
    ]

    /// Elements that hold no article text when written as meant, but that a
    /// page's markup errors, or a form around the whole page, may wrap it in.
    static let landmarkNames: Set<String> = ["header", "footer", "nav", "aside", "form", "menu"]

    /// class/id words that mark chrome.
    static let chromeWords: Set<String> = [
        "related", "share", "sharing", "shares", "social", "comment", "comments", "sidebar", "widget", "widgets",
        "menu", "breadcrumb", "breadcrumbs", "tags", "tag", "tagcloud", "ad", "ads", "adv", "advert", "advertisement",
        "banner", "promo", "newsletter", "subscribe", "subscription", "popup", "modal", "cookie", "cookies", "footer",
        "header", "nav", "navbar", "navigation", "masthead", "recommended", "recommendations", "trending", "popular",
        "mostread", "outbrain", "taboola", "disqus", "bio", "byline", "meta", "print", "pagination", "pager",
        "toolbar", "login", "search", "sponsor", "sponsored", "readmore", "more", "ticker", "breaking",
        "author", "copyright", "rss", "follow", "whatsapp", "facebook", "twitter", "telegram", "date", "time",
        "timestamp", "dateline", "caption",
        // A call to action: subscribe, donate, write a letter, download the app.
        "cta",
        // A photo's credit or legend, a licence notice, a disclaimer or disclosure: said about the text, not in it.
        "credit", "credits", "legend", "disclaimer", "disclosure", "licence", "license", "notice",
    ]
    /// Substrings of run-together class names ("relatedPosts", "sharebox").
    static let chromeFragments = [
        "related", "comment", "share", "sidebar", "widget", "breadcrumb", "social", "newsletter", "advert",
        "outbrain", "taboola", "disqus", "popular", "recommend", "mostread", "most-read", "readmore", "read-more",
        "ticker", "disclaimer", "disclosure", "licence", "license",
    ]
    /// Class names a post carries for its labels ("tag-social-media", "category-popular"):
    /// they name what the post is about, not what the element is.
    static let postLabelPrefixes = ["tag-", "category-", "author-", "post_tag-", "format-"]
    static let strongContentWords: Set<String> = [
        "article", "content", "entry", "story", "body", "text", "articlebody", "entrycontent", "postcontent", "storybody",
    ]
    static let contentWords: Set<String> = [
        "article", "content", "entry", "main", "post", "story", "text", "body", "details", "detail", "news",
        "articlebody", "entrycontent", "postcontent", "storybody",
    ]

    func extract(_ html: String) -> ArticleDraft {
        var evidence: SiteEvidence?
        return extract(html, evidence: &evidence)
    }

    /// Reads a page and says what it adds to its site's template.
    func extract(_ html: String, evidence: inout SiteEvidence?) -> ArticleDraft {
        guard let root = HTMLParser.parse(html) else {
            return PlainTextExtractor(lexicon: lexicon, templates: templates, savedAt: savedAt, utcOffset: utcOffset).extract(html, evidence: &evidence)
        }
        let metadata = HTMLMetadata(root: root)
        var draft = ArticleDraft()
        draft.url = metadata.canonicalURL
        draft.published = metadata.published
        draft.siteName = metadata.siteName
        draft.author = metadata.author

        let site = metadata.canonicalURL.flatMap(SiteEvidence.host(ofURL:)) ?? metadata.siteName
        var content = content(root, metadata: metadata, site: site)
        if content.noscriptProse >= Self.noscriptProseMinimum,
           content.noscriptProse >= 2 * content.blocks.reduce(0, { $0 + PageLayout.weight($1.text) }) {
            // The page draws its article by script and prints it in <noscript> for readers without scripts;
            // a noscript beside a shown text holds a tracking pixel or a plea to turn scripts on.
            Self.showNoscriptProse(root)
            content = self.content(root, metadata: metadata, site: site)
        }
        evidence = SiteEvidence(site: site, lines: content.pageLines)
        var blocks = content.blocks
        let domText = blocks.reduce(0) { $0 + $1.text.unicodeScalars.count }
        if let articleBody = metadata.articleBody, articleBody.unicodeScalars.count > 200,
           domText * 10 < articleBody.unicodeScalars.count * 6 {
            blocks = articleBody.scalarWords(separatedBy: { $0 == "\n" || $0 == "\r" })
                .map { $0.trimmingWhitespace() }
                .filter { !$0.isEmpty }
                .map { Block(text: $0, kind: .paragraph) }
        } else if !content.isStructured {
            // A page without article markup is a page of lines: tickers, labels,
            // headlines and prose, which the plain-text rules sort out.
            var plain = PlainTextExtractor(
                lexicon: lexicon, templates: templates, savedAt: savedAt, utcOffset: utcOffset, titleHints: metadata.statedTitles
            ).extract(blocks.map(\.text).joined(separator: "\n"))
            if !plain.paragraphs.isEmpty {
                plain.title = plain.title ?? metadata.title(matching: blocks)
                plain.url = draft.url
                plain.published = draft.published ?? plain.published
                plain.siteName = draft.siteName ?? plain.siteName
                plain.author = draft.author ?? plain.author
                return plain
            }
        }

        draft.title = metadata.title(matching: blocks)
        let titleKey = draft.title.map(HTMLMetadata.key)
        if draft.published == nil { draft.published = relativeDate(nearTitle: titleKey, in: content.pageLines) }
        // Whether each paragraph came from a heading, for trimming the ends below.
        var fromHeading: [Bool] = []
        var isNote: [Bool] = []
        blocks: for (position, block) in blocks.enumerated() {
            // The block's match-key words serve both the title test and the cue look-up.
            let words = BoilerplateLexicon.lineKeyWords(block.text)
            let key = words.key
            if key.isEmpty || key == titleKey { continue }
            // Cues start short lines; a long paragraph is never one.
            if block.text.utf8.count < 600, let cue = lexicon.match(block.text, keyWords: words) {
                switch cue.kind {
                case .end:
                    // The heading of a box set inside the text ("Also of interest"), whose links were
                    // left out, has the article's prose right after it: only that label goes.
                    if position + 1 < blocks.count, Self.isFlowingProse(blocks[position + 1].text) { continue }
                    if !draft.paragraphs.isEmpty { break blocks }
                    continue
                case .drop:
                    continue
                case .source:
                    if draft.source == nil { draft.source = PlainTextExtractor.stripBrackets(cue.remainder) }
                    continue
                case .author:
                    if draft.author == nil { draft.author = cue.remainder }
                    continue
                case .date:
                    if draft.published == nil { draft.published = DateParsing.findDate(in: cue.remainder) }
                    continue
                }
            }
            if block.kind == .heading {
                // A long heading is another article's headline, unless it is
                // written as sentences: a lead set in a heading's type.
                let shape = LineShape(block.text)
                if shape.words > 12, !(shape.endsWithStop && shape.innerPunctuation >= 1) { continue }
            }
            draft.paragraphs.append(block.text)
            fromHeading.append(block.kind == .heading)
            isNote.append(block.isNote)
        }
        // A paragraph set wholly in italics or bold after the plainly set text is a note to the
        // reader (follow us, subscribe, a disclaimer), unless the text before it is set the same
        // way: an interview's answers or a quoted letter.
        func closesWithNote(at position: Int) -> Bool {
            position > 0 && isNote[position] && !isNote[position - 1]
        }
        // Headings with nothing after them are section labels of the page, not intertitles.
        // Short lines that hold no sentence at either end of the text are labels around it
        // too: a kicker or photo credit above; a source, "Contact:" or a sign-up call below.
        // Inside the text such a line may be an intertitle, so only the ends are trimmed.
        while let last = draft.paragraphs.last,
              fromHeading[draft.paragraphs.count - 1] || (draft.paragraphs.count > 1 && (Self.isLabel(last) || closesWithNote(at: draft.paragraphs.count - 1))) {
            draft.paragraphs.removeLast()
        }
        let leadingLabels = draft.paragraphs.dropLast().prefix { Self.isLabel($0) }.count
        draft.paragraphs.removeFirst(leadingLabels)
        if !draft.paragraphs.isEmpty, !metadata.descriptions.isEmpty {
            // The lead comes before the text: only the page's lines above it are looked at, and
            // the headers set aside as chrome, where an article's own headline and lead also stand.
            let above = content.pageLines.firstIndex(of: draft.paragraphs[0]).map { content.pageLines[..<$0] } ?? content.pageLines[...]
            if let lead = Self.lead(
                describedBy: metadata.descriptions, in: Array(above) + content.headerLines, besides: draft.paragraphs, titleKey: titleKey
            ) {
                draft.paragraphs.insert(lead, at: 0)
            }
        }
        if draft.paragraphs.isEmpty {
            // No block stood out: read the page's visible text as a plain-text page.
            var fallback = PlainTextExtractor(
                lexicon: lexicon, savedAt: savedAt, utcOffset: utcOffset, titleHints: metadata.statedTitles
            ).extract(Self.visibleLines(root).joined(separator: "\n"))
            fallback.url = draft.url
            fallback.published = fallback.published ?? draft.published
            fallback.siteName = draft.siteName
            fallback.author = draft.author ?? fallback.author
            if let title = draft.title { fallback.title = title }
            return fallback
        }
        return draft
    }

    /// Least length (weighted letters) of a paragraph that shows the article going on after a cue that would end it.
    static let flowingProseMinimum = 250

    /// A paragraph of the article's prose, not a teaser or a comment's first line: long and ending a sentence.
    static func isFlowingProse(_ text: String) -> Bool {
        PageLayout.weight(text) >= flowingProseMinimum && PageBlock.endsSentence(text)
    }

    /// The words a summary must open with, and share with a line of the page, for that line to be the lead it summarises.
    static let leadMatchWords = 8

    /// The article's lead when the page prints it outside the chosen block
    /// (a teaser paragraph in the header, beside the headline): the visible
    /// line that opens with the words of the page's own summary
    /// (`og:description`, `description`, `twitter:description`), when the
    /// text does not already hold it. A summary shown nowhere on the page
    /// adds nothing: the text is what readers see; a summary that repeats
    /// the headline names no lead.
    static func lead(
        describedBy descriptions: [String], in pageLines: [String], besides paragraphs: [String], titleKey: String?
    ) -> String? {
        // A lead the text holds opens it: its first paragraphs are enough to look in.
        let body = " " + paragraphs.prefix(3).flatMap(BoilerplateLexicon.keyWords).joined(separator: " ") + " "
        let title = titleKey.map { " \($0) " }
        var candidates: [(line: String, key: String)]?
        for description in descriptions {
            let words = BoilerplateLexicon.keyWords(description)
            guard words.count >= Self.leadMatchWords else { continue }
            let opening = " " + words.prefix(Self.leadMatchWords).joined(separator: " ") + " "
            if body.contains(opening) { return nil }
            // Many sites describe a page by its headline: such a summary names no lead.
            if let title, title.contains(opening) { continue }
            if candidates == nil {
                candidates = pageLines.filter { LineShape($0).words >= Self.leadMatchWords }.map { ($0, " " + HTMLMetadata.key($0) + " ") }
            }
            if let match = candidates?.first(where: { $0.key != title && $0.key.contains(opening) }) { return match.line }
        }
        return nil
    }

    /// Least prose (weighted letters in `<p>`) a page must hold for a chrome-marked wrapper
    /// around most of it to be kept as the article's.
    static let guardedProseMinimum = 200

    /// Least prose (weighted letters in `<p>`) the `<noscript>` elements must hold to be read as the article.
    static let noscriptProseMinimum = 200

    /// Turns each `<noscript>` holding paragraphs into a `<div>`, so that its text is read like the page's own.
    static func showNoscriptProse(_ root: HTMLElement) {
        for element in [root] + root.descendants() {
            for (position, child) in element.children.enumerated() {
                guard case .element(let noscript) = child, noscript.name == "noscript",
                      noscript.descendants().contains(where: { $0.name == "p" }) else { continue }
                let shown = HTMLElement(name: "div", attributes: noscript.attributes)
                shown.children = noscript.children
                element.children[position] = .element(shown)
            }
        }
    }

    // MARK: - Blocks

    struct Block: Equatable {
        enum Kind { case paragraph, heading }
        var text: String
        var kind: Kind
        /// Set wholly in emphasis: a note to the reader when it closes the text.
        var isNote = false
    }

    /// A relative timestamp beside the headline ("منذ يومين" under the
    /// `<h1>`), on a page whose saving time is known. Only the lines around
    /// the headline count: related lists carry such stamps of their own.
    func relativeDate(nearTitle titleKey: String?, in lines: [String]) -> String? {
        guard let savedAt, let titleKey, !titleKey.isEmpty,
              let at = lines.firstIndex(where: { HTMLMetadata.key($0) == titleKey })
        else { return nil }
        for line in lines[max(0, at - 2)..<min(lines.count, at + 4)] where line.utf8.count < 120 {
            let words = BoilerplateLexicon.keyWords(line)
            if let date = RelativeTime.resolve(keyWords: words, reference: savedAt, utcOffset: utcOffset) { return date }
        }
        return nil
    }

    /// The text blocks of the best content container, in document order, and
    /// whether the page's structure vouches for that container.
    struct Content {
        var blocks: [Block]
        /// The container is an `<article>`, `<main>` or marked article body, or
        /// holds the headline the metadata names. Otherwise the blocks are only
        /// a page's lines, and the plain-text rules judge them.
        var isStructured: Bool
        /// The text of every visible block of the page, for the site's template.
        var pageLines: [String] = []
        /// The text of the `<header>` elements set aside as chrome.
        var headerLines: [String] = []
        /// Weighted letters of the paragraphs inside `<noscript>` elements, which are not read.
        var noscriptProse = 0
    }

    func content(_ root: HTMLElement, metadata: HTMLMetadata, site: String? = nil) -> Content {
        let layout = PageLayout(Self.body(of: root))
        let count = layout.elements.count
        let totalProse = layout.paragraphLength[0]
        var dropped = [Bool](repeating: false, count: count)
        var verdicts = ChromeVerdicts()
        // Whether each element holds a headline or a navigation, summed up the tree once.
        var holdsMasthead = layout.elements.map { $0.name == "h1" || $0.name == "nav" }
        for index in stride(from: count - 1, to: 0, by: -1) where holdsMasthead[index] {
            holdsMasthead[layout.parent[index]] = true
        }
        // Per parent, the paragraph text of its children hidden by class, by name and class.
        var hiddenSiblingProse: [Int: [SiblingKind: Int]] = [:]
        for index in 1..<max(1, count) {
            if dropped[layout.parent[index]] {
                dropped[index] = true
                continue
            }
            let element = layout.elements[index]
            guard verdicts.isChrome(element) else { continue }
            // A <header> introduces a page or a section with its headline and navigation; one holding
            // neither but paragraphs of prose is a box of the text that a template named so. Its
            // other marks (class, id, hidden) still count.
            if element.name == "header", layout.paragraphLength[index] >= Self.guardedProseMinimum, !holdsMasthead[index],
               !verdicts.isChrome(HTMLElement(name: "div", attributes: element.attributes)) {
                continue
            }
            // Never drop a wrapper holding most of the page's prose, nor the
            // slides or tabs of an article that a script shows one at a time:
            // siblings of one name and class, hidden by that class, that hold
            // most of it together. Hiding is a state; related lists are a role.
            var prose = layout.paragraphLength[index]
            if let classes = element.attribute("class"), Self.hasOwnHiddenClass(classes) {
                let parent = layout.parent[index]
                if hiddenSiblingProse[parent] == nil {
                    var sums: [SiblingKind: Int] = [:]
                    for child in layout.elements[parent].children {
                        guard case .element(let sibling) = child, let siblingClasses = sibling.attribute("class"),
                              Self.hasOwnHiddenClass(siblingClasses) else { continue }
                        sums[SiblingKind(name: sibling.name, classes: siblingClasses), default: 0] += layout.paragraphLength[sibling.index]
                    }
                    hiddenSiblingProse[parent] = sums
                }
                prose = max(prose, hiddenSiblingProse[parent]?[SiblingKind(name: element.name, classes: classes)] ?? 0)
            }
            // A page whose article sits in <div>s may set a single short line in a <p>, in a
            // comment box or a sign-up form: a share of so little prose vouches for nothing.
            // A box named only for its role beside the article (related posts, comments,
            // recommendations) wraps no article, however much prose its teasers add up to
            // under a short text; a wrapper whose class only says the post has comments, or
            // that holds the article's paragraphs with few links, is no such box.
            let holdsMostProse = totalProse >= Self.guardedProseMinimum && prose * 10 > totalProse * 4 && !Self.isSideBox(element, layout: layout)
            // So is a landmark around most of it: a header left unclosed, or a form wrapping the whole page.
            if !holdsMostProse || (Self.droppedNames.contains(element.name) && !Self.landmarkNames.contains(element.name)) {
                dropped[index] = true
            }
        }
        let isDropped: (Int) -> Bool = { dropped[$0] }
        let pageBlocks = layout.blocks(under: 0, isDropped: isDropped)
        let titleElement = Self.titleElement(layout: layout, metadata: metadata)
        let pageLines = pageBlocks.map(\.text)
        var headerLines: [String] = []
        for index in 1..<max(1, count) where dropped[index] && layout.elements[index].name == "header" && !dropped[layout.parent[index]] {
            headerLines += layout.blocks(under: index, isDropped: { _ in false }).map(\.text)
        }
        var noscriptProse = 0
        for index in 0..<count where layout.elements[index].name == "noscript" {
            for child in layout.elements[index].children {
                if case .element(let inner) = child { noscriptProse += layout.paragraphLength[inner.index] }
            }
        }
        let scores = proseScores(layout, blocks: pageBlocks)
        guard let container = bestContainer(layout, scores: scores, titleElement: titleElement, isDropped: isDropped) else {
            return Content(blocks: [], isStructured: false, pageLines: pageLines, headerLines: headerLines, noscriptProse: noscriptProse)
        }
        // Sibling subtrees are disjoint ranges of the document order, so
        // marking them keeps the choice linear in the page.
        var chosen = [Bool](repeating: false, count: count)
        for root in [container] + proseSiblings(of: container, layout: layout, scores: scores, isDropped: isDropped) {
            for index in root...layout.end[root] { chosen[index] = true }
        }
        var inside = pageBlocks.filter { chosen[$0.owner] }
        if let template = templates.template(site: site, lines: pageLines) {
            // Blocks the site's earlier pages also showed are chrome, unless
            // they are most of the text (the same article sent again).
            let kept = inside.filter { !template.isChrome($0.text) }
            let total = inside.reduce(0) { $0 + $1.length }
            if kept.reduce(0, { $0 + $1.length }) * 2 >= total { inside = kept }
        }
        inside = Self.droppingTailOutsideProseRun(inside, layout: layout)
        var blocks: [Block] = []
        // From the first paragraph of prose to the last, found once for the whole text.
        let proseSpan = inside.firstIndex(where: Self.isProse).flatMap { first in inside.lastIndex(where: Self.isProse).map { first...$0 } }
        for (position, block) in inside.enumerated() {
            // Link lists are skipped whatever their length; prose only when
            // short, since a long paragraph may carry many links.
            if isLinkList(at: position, of: inside, proseSpan: proseSpan) { continue }
            // A short label right above a link list heads that list ("Read more", "Related").
            if block.length < 60, !block.endsSentence, position + 1 < inside.count, isLinkList(at: position + 1, of: inside, proseSpan: proseSpan) { continue }
            // So does a label inside a box of links left out as chrome (a table of contents' title).
            if block.length < 60, !block.endsSentence, Self.labelsLinkBox(block, layout: layout) { continue }
            // So does a heading followed by a list of links left out as chrome ("Mehr zum Thema").
            if block.kind == .heading, block.length < 60, !block.endsSentence, headsDroppedLinks(block.owner, layout: layout, dropped: dropped) { continue }
            // A short line with a copyright sign credits a photo or closes the page.
            if block.length < Self.creditMaximumLength, block.text.unicodeScalars.contains("\u{00A9}") { continue }
            blocks.append(Block(
                text: block.text, kind: block.kind == .heading ? .heading : .paragraph, isNote: block.emphasized * 10 >= block.length * 9
            ))
        }
        var isStructured = titleElement != nil
        var current = container
        while !isStructured, current >= 0 {
            let element = layout.elements[current]
            let names = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).asciiLowercased()
                .scalarWords(separatedBy: { !($0.properties.isAlphabetic || $0.properties.numericType != nil) })
            isStructured = element.name == "article" || element.name == "main" || element.attribute("itemprop") == "articleBody"
                || names.contains(where: { Self.strongContentWords.contains($0) })
            current = layout.parent[current]
        }
        return Content(
            blocks: blocks.filter { !$0.text.isEmpty }, isStructured: isStructured, pageLines: pageLines, headerLines: headerLines,
            noscriptProse: noscriptProse
        )
    }

    /// Share of the chosen prose that the element holding the article's run of paragraphs holds.
    static let proseRunShare = 0.8

    /// The blocks up to the last one inside the article's run of paragraphs:
    /// the deepest element holding most of the unlinked text. What follows it
    /// in other boxes of the container (a licence notice, an app plug, a
    /// newsletter box, a disclaimer) closes the page, not the article. An
    /// article split over boxes keeps its later box when that box holds more
    /// than the rest of the share: the run is then the boxes' common parent.
    /// Linear: weights are summed up the tree once and the run is found by
    /// one walk down it.
    static func droppingTailOutsideProseRun(_ blocks: [PageBlock], layout: PageLayout) -> [PageBlock] {
        var weight = [Int](repeating: 0, count: layout.elements.count)
        var total = 0
        for block in blocks where block.linkDensity < 0.5 {
            weight[block.owner] += block.length
            total += block.length
        }
        guard total > 0 else { return blocks }
        for index in stride(from: layout.elements.count - 1, to: 0, by: -1) {
            weight[layout.parent[index]] += weight[index]
        }
        var run = 0
        descent: while true {
            for child in layout.elements[run].children {
                if case .element(let element) = child, Double(weight[element.index]) >= proseRunShare * Double(total) {
                    run = element.index
                    continue descent
                }
            }
            break
        }
        guard let last = blocks.lastIndex(where: { layout.contains(run, $0.owner) }) else { return blocks }
        // A paragraph set straight in one of the run's containers, after the
        // box holding most of the text (an embed, a block group of the CMS),
        // still flows in the article; only other boxes close the page.
        let flowingTail = blocks[(last + 1)...].filter { block in
            let parent = layout.parent[block.owner]
            return flowingElements.contains(layout.elements[block.owner].name) && parent >= 0 && layout.contains(parent, run)
        }
        return Array(blocks[...last]) + flowingTail
    }

    /// Elements that carry the article's own text as it flows.
    static let flowingElements: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "blockquote"]

    /// Siblings of one kind: the same element name and class attribute.
    struct SiblingKind: Hashable {
        var name: String
        var classes: String?
    }

    /// Whether a class attribute holds `hidden` as a class of its own (not "overflow-hidden").
    static func hasOwnHiddenClass(_ classes: String) -> Bool {
        classes.asciiLowercased().scalarWords(separatedBy: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains("hidden")
    }

    static func isChrome(_ element: HTMLElement) -> Bool {
        var verdicts = ChromeVerdicts()
        return verdicts.isChrome(element)
    }

    /// ``isChrome(_:)`` for the elements of one page, answering the class
    /// and id test once per distinct name, class and id: a page repeats the
    /// same few dozen class strings over hundreds of elements, and splitting
    /// and searching them was the costliest part of choosing the content.
    struct ChromeVerdicts {
        private struct Names: Hashable {
            var element: String
            var classes: String?
            var id: String?
        }
        private var known: [Names: Bool] = [:]

        mutating func isChrome(_ element: HTMLElement) -> Bool {
            if let verdict = HTMLArticleExtractor.chromeByAttributes(element) { return verdict }
            let names = Names(element: element.name, classes: element.attribute("class"), id: element.attribute("id"))
            if let verdict = known[names] { return verdict }
            let verdict = HTMLArticleExtractor.namesMarkChrome(element: names.element, classes: names.classes, id: names.id)
            known[names] = verdict
            return verdict
        }
    }

    /// The verdict of an element's name and of its attributes other than
    /// class and id (hidden, display:none, a landmark role); nil when its
    /// class and id decide.
    static func chromeByAttributes(_ element: HTMLElement) -> Bool? {
        if droppedNames.contains(element.name) { return true }
        if element.attributes.isEmpty { return false }
        if element.attribute("hidden") != nil || element.attribute("aria-hidden") == "true" { return true }
        if let style = element.attribute("style")?.asciiLowercased(), style.containsBytes("display:none") || style.containsBytes("display: none") {
            return true
        }
        if let role = element.attribute("role"), ["navigation", "banner", "complementary", "contentinfo", "search", "menu"].contains(role) {
            return true
        }
        if element.attribute("class") == nil && element.attribute("id") == nil { return false }
        return nil
    }

    /// Whether an element's class and id words mark it as chrome.
    static func namesMarkChrome(element elementName: String, classes: String?, id: String?) -> Bool {
        let names = ((classes ?? "") + " " + (id ?? "")).asciiLowercased()
        let words = names.scalarWords(separatedBy: { !(ScalarTable.isAlphabetic($0) || ScalarTable.isNumeric($0)) })
        // A post's own element carries its tags and categories as class names
        // ("hentry category-news tag-economy author-3"); only a teaser's marks
        // (related, comments, sidebar) make it chrome.
        if elementName == "article" || words.contains("hentry") {
            let ownMarks = names.scalarWords(separatedBy: { $0 == " " || $0 == "\t" || $0 == "\n" }).filter { token in
                !postLabelPrefixes.contains { token.hasPrefix($0) }
            }
            return ownMarks.contains { token in chromeFragments.contains { token.containsBytes($0) } }
        }
        // "article-content has-comments" is still the article; "news-date" is not, nor is a part
        // of the article named after it ("article-box__meta-value", "entry-notice").
        if namesContentPart(names) && !words.contains(where: { ["related", "comments", "comment", "sidebar"].contains($0) }) {
            return false
        }
        if words.contains(where: { chromeWords.contains($0) }) || namesHyphenatedChromeWord(names) { return true }
        // "hidden" hides the element only as a class of its own: in a compound it
        // names what else is hidden ("field--label-hidden", "overflow-hidden",
        // "site-name-hidden") while the element itself is shown.
        if words.contains("hidden"), hasOwnHiddenClass(names) {
            return true
        }
        return chromeFragments.contains { names.containsBytes($0) }
    }

    /// Whether one of the class names (or the id) names the article's content
    /// as a whole: it holds a content word ("article-content", "entry", "story_body")
    /// and no chrome word. A name joining the two names a part of the article
    /// that is chrome ("article__meta", "entry-notice", "story-tags"); a header
    /// part ("article-header") holds the headline and lead, and stays content.
    static func namesContentPart(_ names: String) -> Bool {
        names.scalarWords(separatedBy: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { name in
            let words = name.scalarWords(separatedBy: { !(ScalarTable.isAlphabetic($0) || ScalarTable.isNumeric($0)) })
            return words.contains(where: { strongContentWords.contains($0) }) && !words.contains(where: { $0 != "header" && chromeWords.contains($0) })
        }
    }

    /// Whether a class name (or the id) writes a chrome word as two words joined by
    /// a hyphen or underscore ("news-letter-form", "side_bar", "log-in-button",
    /// "pop-up", "bread-crumb"): templates spell the same compound either way.
    /// Both halves have two letters at least, so no chrome word is read out of a
    /// letter and a word ("a-d").
    static func namesHyphenatedChromeWord(_ names: String) -> Bool {
        names.scalarWords(separatedBy: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { name in
            let words = name.scalarWords(separatedBy: { !(ScalarTable.isAlphabetic($0) || ScalarTable.isNumeric($0)) })
            guard words.count > 1 else { return false }
            for position in 1..<words.count {
                let first = words[position - 1], second = words[position]
                if first.utf8.count >= 2, second.utf8.count >= 2, chromeWords.contains(first + second) { return true }
            }
            return false
        }
    }

    /// Words that name a box set beside an article for a role of its own.
    static let sideRoleWords = ["comment", "related", "recommend", "recommendation", "recommended"]

    /// Endings a name word may add to a role word and still name the box ("comments", "commentlist").
    static let sideRoleEndings = ["", "s", "list", "section", "area", "box", "posts", "articles"]

    /// Words that say a page or an article is in some state ("has-comments", "comments-open"),
    /// not that the element is the box of that role.
    static let stateWords: Set<String> = ["has", "with", "no", "without", "open", "opened", "closed", "enabled", "disabled", "allowed", "on", "off", "count"]

    /// Whether one class name (or the id) names a box beside the article: one of its
    /// words, split at hyphens and underscores, is a role word or a role word with an
    /// ending ("comments", "comment-list", "related_posts"), and no word of it says a
    /// state ("has-comments", "comments-open" mark the article or the page, not a box).
    static func namesSideRole(_ names: String) -> Bool {
        names.scalarWords(separatedBy: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { name in
            let words = name.scalarWords(separatedBy: { !(ScalarTable.isAlphabetic($0) || ScalarTable.isNumeric($0)) })
            guard !words.contains(where: { stateWords.contains($0) }) else { return false }
            return words.contains { word in
                sideRoleWords.contains { role in
                    word.unicodeScalars.starts(with: role.unicodeScalars) && sideRoleEndings.contains(String(word.unicodeScalars.dropFirst(role.unicodeScalars.count)))
                }
            }
        }
    }

    /// Whether an element is a box beside the article (related posts, comments,
    /// recommendations): a class or its id names that role, none of its names the
    /// article's content ("article-content js-related-hook" is the article that a
    /// script hooks), and it holds what such a box holds, items led by links, at
    /// least one link for every two paragraphs: the article's own paragraphs carry
    /// few links, whatever its wrapper is called ("main-recommendations-wrap").
    static func isSideBox(_ element: HTMLElement, layout: PageLayout) -> Bool {
        let names = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).asciiLowercased()
        guard namesSideRole(names), !namesContentPart(names) else { return false }
        var links = 0, paragraphs = 0
        for index in element.index...layout.end[element.index] {
            switch layout.elements[index].name {
            case "a": links += 1
            case "p": paragraphs += 1
            default: break
            }
        }
        return links * 2 >= paragraphs
    }

    /// Least unlinked text (weighted letters) of a paragraph whose links are read as part of its sentences.
    static let linkedSentenceUnlinkedMinimum = 30

    /// Whether a link-dense paragraph is a sentence of the text that carries
    /// its links inline ("... replaced <a>X, who for eight months ...</a>."):
    /// it ends a sentence, holds some unlinked words of its own, stands
    /// between paragraphs of prose, and neither block beside it is dense in
    /// links as well, as the items of a list of links are.
    static func isLinkedSentenceInProse(at position: Int, of blocks: [PageBlock], proseSpan: ClosedRange<Int>?) -> Bool {
        let block = blocks[position]
        let unlinked = block.length - block.linked
        guard block.kind == .paragraph, block.endsSentence, unlinked >= linkedSentenceUnlinkedMinimum else { return false }
        // "More on sick pay: <a>Who gets how much?</a>": a label and its link, the label
        // before a colon holding about all the unlinked words.
        if let colon = block.text.unicodeScalars.firstIndex(where: { $0 == ":" || $0 == "\u{FF1A}" }),
           PageLayout.weight(String(block.text.unicodeScalars[..<colon])) + 4 >= unlinked {
            return false
        }
        if position > 0, blocks[position - 1].linkDensity > 0.5 { return false }
        if position + 1 < blocks.count, blocks[position + 1].linkDensity > 0.5 { return false }
        guard let proseSpan else { return false }
        return proseSpan.lowerBound < position && position < proseSpan.upperBound
    }

    /// A paragraph of prose for ``isLinkedSentenceInProse(at:of:proseSpan:)``: long, mostly unlinked, ending a sentence.
    static func isProse(_ block: PageBlock) -> Bool {
        block.linkDensity <= 0.5 && block.length >= 80 && block.endsSentence
    }

    /// ``isLinkList(_:)`` for a block among the chosen ones, which keeps a
    /// sentence of the text that carries its links inline; a line the cue
    /// lexicon knows ("Related: <a>...</a>?", "Read also") stays a link.
    func isLinkList(at position: Int, of blocks: [PageBlock], proseSpan: ClosedRange<Int>?) -> Bool {
        guard Self.isLinkList(blocks[position]) else { return false }
        guard Self.isLinkedSentenceInProse(at: position, of: blocks, proseSpan: proseSpan) else { return true }
        return blocks[position].text.utf8.count < 600 && lexicon.match(blocks[position].text) != nil
    }

    static func isLinkList(_ block: PageBlock) -> Bool {
        block.linkDensity > 0.5 && (block.kind != .paragraph || block.length < 300)
    }

    /// The element showing the article's headline on the page, when one does.
    static func titleElement(layout: PageLayout, metadata: HTMLMetadata) -> Int? {
        let titles = [metadata.openGraphTitle, metadata.linkedDataHeadline, metadata.documentTitle.map(metadata.stripSiteName)]
            .compactMap { $0 }
        let candidates = titles.map(HTMLMetadata.key).filter { !$0.isEmpty }
        guard !candidates.isEmpty else { return nil }
        let longest = titles.map(PageLayout.weight).max() ?? 0
        // Normalising mostly folds or drops letters (a ligature may become
        // two), so an element under half a candidate key's length cannot match it.
        let shortest = candidates.map(PageLayout.weight).min() ?? 0
        let headlineNames: Set<String> = ["h1", "h2", "h3", "b", "strong", "font", "span", "div", "td", "p", "a"]
        // Only elements about as long as a title are worth normalising.
        return layout.elements.indices.first { index in
            let length = layout.textLength[index]
            return length > 0 && length * 2 >= shortest && length <= longest + 4 && headlineNames.contains(layout.elements[index].name)
                && candidates.contains(HTMLMetadata.key(layout.elements[index].text))
        }
    }

    /// The element holding the article: the one whose blocks add up to the
    /// most prose once link lists, labels and menus below it are counted
    /// against it. Prose is long or punctuated and mostly unlinked (as in
    /// jusText); the sum over a subtree rewards a container for taking in
    /// every paragraph of the article, sibling blocks included (the step
    /// readability takes separately), and stops at the page chrome around it.
    func bestContainer(_ layout: PageLayout, scores score: [Double], titleElement: Int?, isDropped: (Int) -> Bool) -> Int? {
        let count = layout.elements.count
        guard count > 0 else { return nil }
        var top: Int?
        for index in 0..<count where !isDropped(index) && score[index] > 0 {
            if top.map({ score[index] >= score[$0] }) ?? true { top = index }
        }
        guard var best = top else { return nil }
        // The text sits under its headline: when the headline is inside the
        // winner, follow the path down to it while the branch holding the
        // headline holds most of the prose. A column of teasers beside the
        // article adds prose to their common parent, but not to that branch.
        if let titleElement, layout.contains(best, titleElement) {
            while true {
                var branch: Int?
                for child in layout.elements[best].children {
                    if case .element(let element) = child, layout.contains(element.index, titleElement) { branch = element.index }
                }
                guard let branch, !isDropped(branch), score[branch] >= Self.narrowingShare * score[best] else { break }
                best = branch
            }
        }
        return best
    }

    /// Elements that hold a paragraph of text, or a list or table of the text's own.
    static let paragraphLevelNames: Set<String> = ["p", "ul", "ol", "dl", "table", "blockquote", "pre"]

    /// Elements beside the chosen container that hold prose of their own
    /// (the step readability takes for siblings): an article split over
    /// several containers, such as a lead paragraph above the body's box or
    /// a second box after an inline advertisement. Each must be mostly
    /// unlinked prose and weigh a good share of the container.
    func proseSiblings(of container: Int, layout: PageLayout, scores: [Double], isDropped: (Int) -> Bool) -> [Int] {
        let parent = layout.parent[container]
        guard parent >= 0, scores[container] > 0 else { return [] }
        var siblings: [Int] = []
        for child in layout.elements[parent].children {
            guard case .element(let element) = child, element.index != container, !isDropped(element.index) else { continue }
            let index = element.index
            if scores[index] >= Self.siblingShare * scores[container], layout.linkDensity(index) < Self.siblingLinkDensity { siblings.append(index) }
        }
        // A paragraph-level container (a paragraph, list or table) chosen with siblings that are
        // mostly paragraphs too means their parent is the article's body, which the navigation
        // boxes at its end weighed down. The parts of one text lie together: the intertitles,
        // quotes and tables between them are the article's too, though too short or too linked
        // to stand out alone. Only link lists among them are left out, as everywhere else.
        // Boxes chosen beside boxes (columns, the teasers of a list) say nothing of what lies between.
        let paragraphs = siblings.filter { Self.paragraphLevelNames.contains(layout.elements[$0].name) }.count
        guard !siblings.isEmpty, Self.paragraphLevelNames.contains(layout.elements[container].name),
              paragraphs * 2 >= siblings.count else { return siblings }
        let parts = Set(siblings + [container])
        var span: [Int] = []
        var started = false
        var pending: [Int] = []
        for child in layout.elements[parent].children {
            guard case .element(let element) = child else { continue }
            let index = element.index
            if parts.contains(index) {
                if started { span += pending }
                pending = []
                started = true
                if index != container { span.append(index) }
            } else if started, !isDropped(index) {
                pending.append(index)
            }
        }
        return span
    }

    /// Whether the element right after `owner`'s subtree was left out as
    /// chrome and is mostly links: the related list a short label introduces.
    func headsDroppedLinks(_ owner: Int, layout: PageLayout, dropped: [Bool]) -> Bool {
        let next = layout.end[owner] + 1
        guard next < layout.elements.count, dropped[next], !dropped[layout.parent[next]] else { return false }
        return layout.textLength[next] > 0 && layout.linkDensity(next) > 0.5
    }

    /// How many levels up a label's box is looked for: a title sits in a wrapper or two inside its box.
    static let labelBoxDepth = 4

    /// Whether a short block is the label of a box of links: the nearest
    /// element around it holding four times its text is mostly link text
    /// (a table of contents, a related list whose links are left out).
    static func labelsLinkBox(_ block: PageBlock, layout: PageLayout) -> Bool {
        var box = block.owner
        var level = 0
        // A while loop: the same steps as a for-in whose where clause reads the variable it
        // changes, which crashed the compiler's optimizer (Swift 6.3.1, release builds).
        while level < labelBoxDepth, box >= 0 {
            if block.length * 4 < layout.textLength[box] { return layout.linkDensity(box) > 0.5 }
            box = layout.parent[box]
            level += 1
        }
        return false
    }

    static let creditMaximumLength = 200
    /// Longest line (in weighted letters) read as a label when it holds no sentence.
    static let labelMaximumLength = 60

    /// A short line that ends no sentence: a label, a credit or a call to act, not prose.
    static func isLabel(_ text: String) -> Bool {
        PageLayout.weight(text) < labelMaximumLength && !PageBlock.endsSentence(text)
    }
    static let siblingShare = 0.2
    static let siblingLinkDensity = 0.25

    /// Each element's prose score: the sum over the blocks below it, long
    /// or punctuated unlinked text counting for and link lists, labels and
    /// menus against.
    func proseScores(_ layout: PageLayout, blocks: [PageBlock]) -> [Double] {
        let count = layout.elements.count
        var score = [Double](repeating: 0, count: count)
        for block in blocks {
            let length = Double(block.length)
            let density = block.linkDensity
            let value: Double
            if density > 0.5 {
                value = -length
            } else if block.length >= 80 || (block.length >= 30 && block.hasSentencePunctuation) {
                value = length * (1 - 2 * density)
            } else {
                // Labels, buttons and menus: short, unpunctuated.
                value = -0.3 * length
            }
            score[block.owner] += value
        }
        for index in stride(from: count - 1, to: 0, by: -1) {
            score[layout.parent[index]] += score[index]
        }
        return score
    }

    static let narrowingShare = 0.5

    /// Every visible block's text, one per line, for the plain-text fallback.
    static func visibleLines(_ root: HTMLElement) -> [String] {
        PageLayout(body(of: root)).blocks(under: 0, isDropped: { _ in false }).map(\.text)
    }

    /// The `<body>` element, which libxml2 puts right under `<html>`.
    static func body(of root: HTMLElement) -> HTMLElement {
        if root.name == "body" { return root }
        for child in root.children {
            if case .element(let element) = child, element.name == "body" { return element }
        }
        return root.descendants().first { $0.name == "body" } ?? root
    }

    // MARK: - Fragments inside JSON records

    /// Whether text holds `<p`, `<br`, `</` or `<div` in any case. A scan of the
    /// UTF-8 bytes: lowercasing whole article bodies first dominated reading JSON.
    static func looksLikeMarkupFragment(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }
            for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "<") {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "/") || lower(next) == UInt8(ascii: "p") { return true }
                if index + 2 < bytes.count {
                    let third = lower(bytes[index + 2])
                    if lower(next) == UInt8(ascii: "b") && third == UInt8(ascii: "r") { return true }
                    if lower(next) == UInt8(ascii: "d") && third == UInt8(ascii: "i") && index + 3 < bytes.count
                        && lower(bytes[index + 3]) == UInt8(ascii: "v") { return true }
                }
            }
            return false
        }
    }

    /// The paragraphs of an HTML fragment, such as a JSON record's `content`.
    static func fragmentParagraphs(_ html: String) -> [String] {
        guard let root = HTMLParser.parse("<html><body>" + html + "</body></html>") else { return [html] }
        return visibleLines(root)
    }
}

