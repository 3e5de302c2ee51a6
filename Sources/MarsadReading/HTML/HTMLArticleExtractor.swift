import MarsadText

/// Finds the article in a saved web page: metadata from `<title>`, Open Graph
/// and `article:` meta tags, JSON-LD NewsArticle, canonical link, `<time>` and
/// bylines; the text from the content block a reader would read, found by a
/// readability-style score (paragraph length, commas, link density, class
/// and id cues), with navigation, asides, forms, scripts, comments, share
/// bars and related-link lists left out and intertitles kept.
struct HTMLArticleExtractor {
    let lexicon: BoilerplateLexicon

    /// Elements that never hold article text.
    static let droppedNames: Set<String> = [
        "script", "style", "noscript", "iframe", "form", "nav", "header", "footer", "aside", "button", "select",
        "option", "input", "textarea", "svg", "canvas", "template", "object", "embed", "video", "audio", "map",
        "figcaption", "label", "menu", "dialog", "head", "title", "meta", "link",
    ]

    /// class/id words that mark chrome.
    static let chromeWords: Set<String> = [
        "related", "share", "sharing", "shares", "social", "comment", "comments", "sidebar", "widget", "widgets",
        "menu", "breadcrumb", "breadcrumbs", "tags", "tag", "tagcloud", "ad", "ads", "adv", "advert", "advertisement",
        "banner", "promo", "newsletter", "subscribe", "subscription", "popup", "modal", "cookie", "cookies", "footer",
        "header", "nav", "navbar", "navigation", "masthead", "recommended", "recommendations", "trending", "popular",
        "mostread", "outbrain", "taboola", "disqus", "bio", "byline", "meta", "print", "pagination", "pager",
        "toolbar", "login", "search", "hidden", "sponsor", "sponsored", "readmore", "more", "ticker", "breaking",
        "author", "copyright", "rss", "follow", "whatsapp", "facebook", "twitter", "telegram", "date", "time",
        "timestamp", "dateline", "caption",
    ]
    /// Substrings of run-together class names ("relatedPosts", "sharebox").
    static let chromeFragments = [
        "related", "comment", "share", "sidebar", "widget", "breadcrumb", "social", "newsletter", "advert",
        "outbrain", "taboola", "disqus", "popular", "recommend", "mostread", "most-read", "readmore", "read-more",
        "ticker",
    ]
    static let strongContentWords: Set<String> = [
        "article", "content", "entry", "story", "body", "text", "articlebody", "entrycontent", "postcontent", "storybody",
    ]
    static let contentWords: Set<String> = [
        "article", "content", "entry", "main", "post", "story", "text", "body", "details", "detail", "news",
        "articlebody", "entrycontent", "postcontent", "storybody",
    ]

    func extract(_ html: String) -> ArticleDraft {
        guard let root = HTMLParser.parse(html) else {
            return PlainTextExtractor(lexicon: lexicon).extract(html)
        }
        let metadata = HTMLMetadata(root: root)
        var draft = ArticleDraft()
        draft.url = metadata.canonicalURL
        draft.published = metadata.published
        draft.siteName = metadata.siteName
        draft.author = metadata.author

        let content = content(root, metadata: metadata)
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
            var plain = PlainTextExtractor(lexicon: lexicon).extract(blocks.map(\.text).joined(separator: "\n"))
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
        let titleKey = draft.title.map { BoilerplateLexicon.keyWords($0).joined(separator: " ") }
        for block in blocks {
            let key = BoilerplateLexicon.keyWords(block.text).joined(separator: " ")
            if key.isEmpty || key == titleKey { continue }
            if let cue = lexicon.match(block.text) {
                switch cue.kind {
                case .end:
                    if !draft.paragraphs.isEmpty { return draft }
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
                let shape = LineShape(block.text)
                if shape.words > 12 { continue }
            }
            draft.paragraphs.append(block.text)
        }
        // Headings with nothing after them are section labels of the page, not intertitles.
        while let last = blocks.last(where: { block in draft.paragraphs.last == block.text }), last.kind == .heading {
            draft.paragraphs.removeLast()
        }
        if draft.paragraphs.isEmpty {
            // No block stood out: read the page's visible text as a plain-text page.
            var fallback = PlainTextExtractor(lexicon: lexicon).extract(Self.visibleLines(root).joined(separator: "\n"))
            fallback.url = draft.url
            fallback.published = fallback.published ?? draft.published
            fallback.siteName = draft.siteName
            fallback.author = draft.author ?? fallback.author
            if let title = draft.title { fallback.title = title }
            return fallback
        }
        return draft
    }

    // MARK: - Blocks

    struct Block: Equatable {
        enum Kind { case paragraph, heading }
        var text: String
        var kind: Kind
    }

    /// The text blocks of the best content container, in document order.
    /// The text blocks of the best content container, in document order, and
    /// whether the page's structure vouches for that container.
    struct Content {
        var blocks: [Block]
        /// The container is an `<article>`, `<main>` or marked article body, or
        /// holds the headline the metadata names. Otherwise the blocks are only
        /// a page's lines, and the plain-text rules judge them.
        var isStructured: Bool
    }

    func content(_ root: HTMLElement, metadata: HTMLMetadata) -> Content {
        let body = root.descendants().first { $0.name == "body" } ?? root
        let totalProse = Self.proseLength(body)
        var dropped = Set<ObjectIdentifier>()
        for element in body.descendants() where Self.isChrome(element) {
            // Never drop a wrapper holding most of the page's prose.
            let holdsMostProse = totalProse > 0 && Self.proseLength(element) * 10 > totalProse * 4
            if !holdsMostProse || Self.droppedNames.contains(element.name) {
                dropped.insert(ObjectIdentifier(element))
            }
        }
        let isDropped: (HTMLElement) -> Bool = { dropped.contains(ObjectIdentifier($0)) }
        let titleElement = Self.titleElement(in: body, metadata: metadata)
        guard let container = bestContainer(body, titleElement: titleElement, isDropped: isDropped) else {
            return Content(blocks: [], isStructured: false)
        }
        var blocks: [Block] = []
        collectBlocks(container, isDropped: isDropped, into: &blocks)
        var isStructured = titleElement != nil
        var current: HTMLElement? = container
        while let element = current, !isStructured {
            let names = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
                .scalarWords(separatedBy: { !($0.properties.isAlphabetic || $0.properties.numericType != nil) })
            isStructured = element.name == "article" || element.name == "main" || element.attribute("itemprop") == "articleBody"
                || names.contains(where: { Self.strongContentWords.contains($0) })
            current = element.parent
        }
        return Content(blocks: blocks.filter { !$0.text.isEmpty }, isStructured: isStructured)
    }

    static func isChrome(_ element: HTMLElement) -> Bool {
        if droppedNames.contains(element.name) { return true }
        if element.attribute("hidden") != nil || element.attribute("aria-hidden") == "true" { return true }
        if let style = element.attribute("style")?.lowercased(), style.contains("display:none") || style.contains("display: none") {
            return true
        }
        if let role = element.attribute("role"), ["navigation", "banner", "complementary", "contentinfo", "search", "menu"].contains(role) {
            return true
        }
        let names = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
        if names.trimmingWhitespace().isEmpty { return false }
        let words = names.scalarWords(separatedBy: { !($0.properties.isAlphabetic || $0.properties.numericType != nil) })
        // "article-content has-comments" is still the article; "news-date" is not.
        if words.contains(where: { strongContentWords.contains($0) }) && !words.contains(where: { ["related", "comments", "comment", "sidebar"].contains($0) }) {
            return false
        }
        if words.contains(where: { chromeWords.contains($0) }) { return true }
        return chromeFragments.contains { names.contains($0) }
    }

    /// Letters in `<p>`-like prose below an element: what a reader reads.
    static func proseLength(_ element: HTMLElement) -> Int {
        var total = 0
        for inner in element.descendants() where inner.name == "p" {
            total += inner.text.unicodeScalars.count
        }
        return total
    }

    /// Readability's scoring: each paragraph gives points for its length and
    /// commas to its parent and half to its grandparent; containers are
    /// weighted by their class/id cues and discounted by link density.
    /// The element showing the article's headline on the page, when one does.
    static func titleElement(in body: HTMLElement, metadata: HTMLMetadata) -> HTMLElement? {
        let candidates = [metadata.openGraphTitle, metadata.linkedDataHeadline, metadata.documentTitle.map(metadata.stripSiteName)]
            .compactMap { $0 }.map(HTMLMetadata.key).filter { !$0.isEmpty }
        guard !candidates.isEmpty else { return nil }
        let headlineNames: Set<String> = ["h1", "h2", "h3", "b", "strong", "font", "span", "div", "td", "p", "a"]
        return body.descendants().first { element in
            headlineNames.contains(element.name) && candidates.contains(HTMLMetadata.key(element.text))
        }
    }

    func bestContainer(_ body: HTMLElement, titleElement: HTMLElement?, isDropped: (HTMLElement) -> Bool) -> HTMLElement? {
        var scores: [ObjectIdentifier: (element: HTMLElement, score: Double)] = [:]
        func visible(_ element: HTMLElement) -> Bool {
            var current: HTMLElement? = element
            while let node = current {
                if isDropped(node) { return false }
                current = node.parent
            }
            return true
        }
        for element in body.descendants() where ["p", "pre", "td", "blockquote", "div", "section", "li"].contains(element.name) {
            if element.name == "div" || element.name == "section" || element.name == "li" {
                // Only text sitting directly in the element counts, not its children's.
                let direct = element.children.compactMap { child -> String? in
                    if case .text(let text) = child { return text }
                    if case .element(let inline) = child, !HTMLElement.blockNames.contains(inline.name) { return inline.text }
                    return nil
                }.joined()
                guard direct.trimmingWhitespace().unicodeScalars.count >= 80 else { continue }
            }
            guard visible(element) else { continue }
            let text = element.text
            let length = text.unicodeScalars.count
            guard length >= 25 else { continue }
            let commas = text.unicodeScalars.filter { $0 == "\u{060C}" || $0 == "," }.count
            let points = 1 + Double(commas) + min(Double(length) / 100, 3)
            if let parent = element.parent {
                let id = ObjectIdentifier(parent)
                scores[id, default: (parent, Self.baseScore(parent))].score += points
                if let grandparent = parent.parent {
                    let id = ObjectIdentifier(grandparent)
                    scores[id, default: (grandparent, Self.baseScore(grandparent))].score += points / 2
                }
            }
        }
        // The text sits under its headline: the block holding the headline and
        // the one around it gain, which outweighs a column of teasers.
        if let titleElement {
            var holder = titleElement.parent
            while let current = holder, !["div", "td", "article", "section", "main", "body"].contains(current.name) {
                holder = current.parent
            }
            if let holder, holder.name != "body" {
                scores[ObjectIdentifier(holder), default: (holder, Self.baseScore(holder))].score += 15
                if let outer = holder.parent, outer.name != "body" {
                    scores[ObjectIdentifier(outer), default: (outer, Self.baseScore(outer))].score += 7
                }
            }
        }
        let ranked = scores.values.map { entry in
            (entry.element, entry.score * (1 - Self.linkDensity(entry.element)))
        }
        guard let top = ranked.max(by: { $0.1 < $1.1 }) else { return nil }
        // Content split over sibling blocks: climb to the parent when a
        // sibling scores nearly as well as the winner.
        if let parent = top.0.parent, parent.name != "body", parent.name != "html" {
            let siblings = parent.children.compactMap { child -> HTMLElement? in
                if case .element(let element) = child, element !== top.0 { return element }
                return nil
            }
            let strongSibling = siblings.contains { sibling in
                ranked.contains { $0.0 === sibling && $0.1 >= top.1 * 0.5 }
            }
            if strongSibling { return parent }
        }
        return top.0
    }

    static func baseScore(_ element: HTMLElement) -> Double {
        var score: Double = switch element.name {
        case "article": 15
        case "main": 8
        case "div", "section": 5
        case "pre", "td", "blockquote": 3
        case "ol", "ul", "dl", "dd", "dt", "li", "form", "address": -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
        default: 0
        }
        if element.attribute("itemprop") == "articleBody" { score += 30 }
        let names = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
        let words = names.scalarWords(separatedBy: { !($0.properties.isAlphabetic || $0.properties.numericType != nil) })
        if words.contains(where: { contentWords.contains($0) }) { score += 25 }
        if words.contains(where: { chromeWords.contains($0) }) || chromeFragments.contains(where: { names.contains($0) }) { score -= 25 }
        return score
    }

    static func linkDensity(_ element: HTMLElement) -> Double {
        let total = element.text.unicodeScalars.count
        guard total > 0 else { return 0 }
        var linked = 0
        for inner in element.descendants() where inner.name == "a" {
            linked += inner.text.unicodeScalars.count
        }
        return min(1, Double(linked) / Double(total))
    }

    /// Paragraphs and intertitles of a container, splitting at block
    /// elements and `<br>`, skipping dropped elements and link lists.
    func collectBlocks(_ element: HTMLElement, isDropped: (HTMLElement) -> Bool, into blocks: inout [Block]) {
        var inline: [String] = []
        func flush(_ kind: Block.Kind = .paragraph) {
            let joined = inline.joined()
            inline = []
            for piece in joined.scalarWords(separatedBy: { $0 == "\n" }) {
                let text = piece.scalarWords(separatedBy: { $0.properties.isWhitespace }).joined(separator: " ")
                if !text.isEmpty { blocks.append(Block(text: XMLEntities.decode(text), kind: kind)) }
            }
        }
        for child in element.children {
            switch child {
            case .text(let text):
                inline.append(text)
            case .element(let inner):
                if isDropped(inner) { continue }
                if inner.name == "br" {
                    inline.append("\n")
                } else if ["h1", "h2", "h3", "h4", "h5", "h6"].contains(inner.name) {
                    flush()
                    inline.append(inner.text)
                    flush(.heading)
                } else if ["ul", "ol", "dl", "table"].contains(inner.name), Self.linkDensity(inner) > 0.5 {
                    flush()
                } else if HTMLElement.blockNames.contains(inner.name) {
                    flush()
                    let density = Self.linkDensity(inner)
                    // Link lists are skipped whatever their length; a paragraph only
                    // when short, since long prose may carry many links.
                    let isParagraph = inner.name == "p" || inner.name == "li"
                    if density > 0.6 && (!isParagraph || inner.text.unicodeScalars.count < 300) {
                        continue
                    }
                    collectBlocks(inner, isDropped: isDropped, into: &blocks)
                } else {
                    appendInline(inner, isDropped: isDropped, into: &inline)
                }
            }
        }
        flush()
    }

    private func appendInline(_ element: HTMLElement, isDropped: (HTMLElement) -> Bool, into pieces: inout [String]) {
        for child in element.children {
            switch child {
            case .text(let text): pieces.append(text)
            case .element(let inner):
                if isDropped(inner) { continue }
                if inner.name == "br" { pieces.append("\n") } else { appendInline(inner, isDropped: isDropped, into: &pieces) }
            }
        }
    }

    /// Every visible block's text, one per line, for the plain-text fallback.
    static func visibleLines(_ root: HTMLElement) -> [String] {
        let body = root.descendants().first { $0.name == "body" } ?? root
        var blocks: [Block] = []
        HTMLArticleExtractor(lexicon: BoilerplateLexicon(definition: "")).collectBlocks(
            body, isDropped: { ["script", "style", "noscript", "template", "head"].contains($0.name) }, into: &blocks
        )
        return blocks.map(\.text)
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
