/// What a page says about its article outside the text: `<title>`, meta
/// tags (Open Graph, `article:`, Dublin Core, plain names), JSON-LD
/// NewsArticle, canonical link, `<time>`, `<h1>` and byline elements.
struct HTMLMetadata {
    var documentTitle: String?
    var openGraphTitle: String?
    var linkedDataHeadline: String?
    var headings: [String] = []
    var canonicalURL: String?
    var published: String?
    var siteName: String?
    var author: String?
    var articleBody: String?
    /// The page's summary (`og:description`, `description`, `twitter:description`): often its lead, word for word.
    var descriptions: [String] = []

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "webpage", "socialmediaposting", "liveblogposting",
    ]

    /// Letters read from a date or byline element before it counts as too
    /// long to be one: well above the 80 kept, for text whose entities are
    /// decoded only afterwards.
    static let shortTextLimit = 400

    init(root: HTMLElement) {
        var meta: [String: String] = [:]
        var publishedCandidates: [String] = []
        var bylines: [String] = []
        var shownDates: [String] = []
        // A page repeats its class strings over many elements: each is judged once.
        var knownMarks: [LabelNames: LabelNames.Marks] = [:]
        for element in root.descendants() {
            switch element.name {
            case "title":
                if documentTitle == nil { documentTitle = clean(element.text) }
            case "meta":
                guard let content = element.attribute("content").map(clean), !content.isEmpty else { continue }
                for key in [element.attribute("property"), element.attribute("name"), element.attribute("itemprop")].compactMap({ $0?.asciiLowercased() }) {
                    if meta[key] == nil { meta[key] = content }
                }
            case "link":
                let rel = element.attribute("rel")?.asciiLowercased() ?? ""
                if rel.scalarWords(separatedBy: { $0 == " " }).contains("canonical"), let href = element.attribute("href"), !href.isEmpty {
                    canonicalURL = href
                }
            case "script":
                guard element.attribute("type")?.asciiLowercased() == "application/ld+json" else { continue }
                readLinkedData(element.text)
            case "time":
                if let datetime = element.attribute("datetime") { publishedCandidates.append(datetime) }
            case "h1":
                let text = clean(element.text)
                if !text.isEmpty { headings.append(text) }
            default:
                break
            }
            if element.attribute("itemprop") == "datePublished" {
                if let value = element.attribute("content") ?? element.attribute("datetime") { publishedCandidates.insert(value, at: 0) }
            }
            let className = element.attribute("class"), rel = element.attribute("rel"), itemprop = element.attribute("itemprop")
            if className == nil && rel == nil && itemprop == nil { continue }
            let key = LabelNames(classes: className, rel: rel, itemprop: itemprop)
            let marks: LabelNames.Marks
            if let known = knownMarks[key] {
                marks = known
            } else {
                marks = key.marks
                knownMarks[key] = marks
            }
            if marks.date {
                // A date shown to readers, such as <span class="date">الثلاثاء 11 أغسطس 2015</span>.
                if let text = element.shortText(limit: Self.shortTextLimit).map(clean), text.unicodeScalars.count <= 80 {
                    shownDates.append(text)
                }
            }
            if element.name != "meta", element.name != "link", marks.byline {
                if let text = element.shortText(limit: Self.shortTextLimit).map(clean), !text.isEmpty, text.unicodeScalars.count <= 80 {
                    bylines.append(text)
                }
            }
        }
        openGraphTitle = meta["og:title"] ?? meta["twitter:title"]
        descriptions = ["og:description", "description", "twitter:description"].compactMap { meta[$0] }.filter { !$0.isEmpty }
        canonicalURL = canonicalURL ?? meta["og:url"]
        siteName = meta["og:site_name"] ?? siteName ?? meta["application-name"] ?? meta["publisher"]
        let metaDate = ["article:published_time", "datepublished", "publishdate", "pubdate", "publish-date", "date",
                        "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time",
                        "article:modified_time"]
            .compactMap { meta[$0] }
        for candidate in [published].compactMap({ $0 }) + metaDate + publishedCandidates {
            if let date = DateParsing.normalize(candidate) {
                published = date
                break
            }
        }
        if published == nil {
            published = shownDates.lazy.compactMap(DateParsing.findDate).first
        }
        if author == nil {
            author = meta["author"] ?? meta["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 } ?? meta["dc.creator"]
                ?? meta["byl"] ?? bylines.first.map(Self.stripBylinePrefix)
        }
    }

    /// The class, rel and itemprop of an element, which say whether it shows a date or a byline.
    private struct LabelNames: Hashable {
        var classes: String?
        var rel: String?
        var itemprop: String?

        struct Marks {
            var date: Bool
            var byline: Bool
        }

        var marks: Marks {
            let names = ((classes ?? "") + " " + (rel ?? "") + " " + (itemprop ?? "")).asciiLowercased()
            return Marks(
                date: names.containsBytes("date") || names.containsBytes("time") || names.containsBytes("publish"),
                byline: names.containsBytes("byline") || (names.containsBytes("author") && !names.containsBytes("authors-list"))
            )
        }
    }

    /// Schema.org types whose text is a list of steps (and ingredients) rather than an `articleBody`.
    static let instructionTypes: Set<String> = ["howto", "recipe"]

    /// The text of a how-to or recipe record, one line per paragraph: its
    /// description, then its ingredients and steps in order. Steps nest
    /// (`HowToSection` → `itemListElement` → `HowToStep` → `text`), and a
    /// description may be an HTML fragment.
    /// A linked-data body as a reader would see it, one paragraph a line. Some
    /// publishing systems put the body's markup in `articleBody`, some escaped once
    /// more ("&lt;p&gt;"); measured or shown as it stands, the tags would count as
    /// text and be printed in the article.
    static func shownText(ofBody body: String) -> String {
        let unescaped = body.containsBytes("&lt;") ? XMLEntities.decode(body) : body
        guard HTMLArticleExtractor.looksLikeMarkupFragment(unescaped) else { return body }
        return HTMLArticleExtractor.fragmentParagraphs(unescaped).joined(separator: "\n")
    }

    static func instructionsBody(description: JSONValue?, parts: [JSONValue]) -> String? {
        var lines: [String] = []
        // Taken from the end: the description first, then the parts in order.
        var pending = Array(parts.reversed())
        if let description = description?.stringValue { pending.append(.string(description)) }
        while let value = pending.popLast() {
            switch value {
            case .string(let text):
                lines += HTMLArticleExtractor.looksLikeMarkupFragment(text) ? HTMLArticleExtractor.fragmentParagraphs(text) : [XMLEntities.decode(text)]
            case .array(let elements):
                pending += elements.reversed()
            case .object(let members):
                if let text = members.first(where: { $0.key == "text" })?.value {
                    pending.append(text)
                } else if let items = members.first(where: { $0.key == "itemListElement" })?.value {
                    pending.append(items)
                }
            default:
                break
            }
        }
        let text = lines.map { $0.collapsingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
        return text.isEmpty ? nil : text
    }

    private mutating func readLinkedData(_ json: String) {
        var parser = JSONParser(Array(json.utf8))
        guard let value = try? parser.parseValue() else { return }
        var queue: [JSONValue] = [value]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            switch current {
            case .array(let elements):
                queue.append(contentsOf: elements)
            case .object(let members):
                if let graph = members.first(where: { $0.key == "@graph" }) { queue.append(graph.value) }
                let types = members.first(where: { $0.key == "@type" }).map { member -> [String] in
                    switch member.value {
                    case .string(let type): [type.lowercased()]
                    case .array(let list): list.compactMap { $0.stringValue?.lowercased() }
                    default: []
                    }
                } ?? []
                func field(_ name: String) -> JSONValue? { members.first { $0.key == name }?.value }
                if articleBody == nil, types.contains(where: { Self.instructionTypes.contains($0) }) {
                    articleBody = Self.instructionsBody(description: field("description"), parts: ["recipeIngredient", "recipeInstructions", "step"].compactMap(field))
                }
                guard types.contains(where: { Self.articleTypes.contains($0) }) else { continue }
                let isWebPage = types == ["webpage"]
                if !isWebPage || linkedDataHeadline == nil {
                    if let headline = field("headline").flatMap(JSONRecordReader.textValue) ?? (isWebPage ? nil : field("name").flatMap(JSONRecordReader.textValue)) {
                        if linkedDataHeadline == nil || !isWebPage { linkedDataHeadline = clean(headline) }
                    }
                }
                if let date = field("datePublished").flatMap(JSONRecordReader.textValue).flatMap(DateParsing.normalize), published == nil || !isWebPage {
                    published = date
                }
                if !isWebPage, let authorValue = field("author").flatMap(JSONRecordReader.textValue) { author = clean(authorValue) }
                if let publisher = field("publisher").flatMap(JSONRecordReader.textValue), siteName == nil { siteName = clean(publisher) }
                if let body = field("articleBody").flatMap(JSONRecordReader.textValue), !isWebPage { articleBody = Self.shownText(ofBody: body) }
                if canonicalURL == nil, let url = field("url").flatMap(JSONRecordReader.textValue) ?? field("mainEntityOfPage").flatMap(JSONRecordReader.textValue) {
                    canonicalURL = url
                }
            default:
                break
            }
        }
    }

    /// What the page's head says its title is (`<title>`, `og:title`, the
    /// JSON-LD headline): evidence for a line of the text, not the title itself.
    var statedTitles: [String] {
        [documentTitle, openGraphTitle, linkedDataHeadline].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// The article's title: the `<h1>` when a meta title confirms it,
    /// else the Open Graph or JSON-LD headline, else `<title>` without the
    /// site name, else the first `<h1>`.
    func title(matching blocks: [HTMLArticleExtractor.Block]) -> String? {
        let metaTitles = [openGraphTitle, linkedDataHeadline].compactMap { $0 }.filter { !$0.isEmpty }
        let strippedDocumentTitle = documentTitle.map(stripSiteName)
        for heading in headings {
            let key = Self.key(heading)
            if metaTitles.contains(where: { Self.key($0) == key || Self.key(stripSiteName($0)) == key })
                || strippedDocumentTitle.map({ Self.key($0) == key }) == true
                || documentTitle.map({ Self.key($0).contains(key) }) == true && LineShape(heading).words >= 3 {
                return heading
            }
        }
        if let title = metaTitles.first { return stripSiteName(title) }
        if let strippedDocumentTitle, !strippedDocumentTitle.isEmpty { return strippedDocumentTitle }
        return headings.first
    }

    /// "عنوان الخبر - اسم الموقع" → "عنوان الخبر", when the other part is the
    /// site's name or clearly the shorter label.
    func stripSiteName(_ title: String) -> String {
        let separators: [String] = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "]
        for separator in separators where title.contains(separator) {
            let parts = title.components(separatedByString: separator)
            guard parts.count >= 2 else { continue }
            if let siteName {
                let siteKey = Self.key(siteName)
                let remaining = parts.filter { Self.key($0) != siteKey }
                if remaining.count < parts.count { return remaining.joined(separator: separator) }
            }
            let longest = parts.max { LineShape($0).words < LineShape($1).words } ?? title
            let others = parts.filter { $0 != longest }
            if others.allSatisfy({ LineShape($0).words <= 4 }), LineShape(longest).words >= 3 { return longest }
        }
        return title
    }

    static func key(_ text: String) -> String {
        BoilerplateLexicon.keyWords(text).joined(separator: " ")
    }

    private func clean(_ text: String) -> String {
        XMLEntities.decode(text).collapsingWhitespace()
    }

    /// "بقلم: فلان" / "By Jane Doe" → the name.
    static func stripBylinePrefix(_ text: String) -> String {
        for prefix in ["بقلم:", "بقلم", "كتب:", "كتبت:", "By ", "by "] where text.hasPrefix(prefix) {
            return String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(prefix.unicodeScalars.count))).trimmingWhitespace()
        }
        return text
    }
}

extension String {
    /// Splits on a literal separator, without Foundation. The search runs on
    /// UTF-8 bytes: a generic search over a string's characters cost more than
    /// the rest of finding a page's title. A match of a whole separator's
    /// bytes starts and ends on scalar boundaries, since UTF-8 is self-synchronising.
    func components(separatedByString separator: String) -> [String] {
        var text = self
        var separator = separator
        return text.withUTF8 { bytes in
            separator.withUTF8 { needle in
                guard let first = needle.first, needle.count <= bytes.count else { return [String(decoding: bytes, as: UTF8.self)] }
                var parts: [String] = []
                var start = 0
                var index = 0
                let last = bytes.count - needle.count
                while index <= last {
                    var matches = bytes[index] == first
                    var offset = 1
                    while matches && offset < needle.count {
                        matches = bytes[index + offset] == needle[offset]
                        offset += 1
                    }
                    if matches {
                        parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        index += needle.count
                        start = index
                    } else {
                        index += 1
                    }
                }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
                return parts
            }
        }
    }
}
