/// One line of a day's index.
public struct DigestIndexEntry: Sendable, Hashable {
    public var topic: DigestTopic
    public var articleCount: Int
    /// Known when the digest was built alongside the index.
    public var storyCount: Int?
    public var sourceCount: Int?
    /// The day's heaviest story, as a teaser.
    public var topHeadline: String?

    public init(
        topic: DigestTopic, articleCount: Int, storyCount: Int? = nil, sourceCount: Int? = nil, topHeadline: String? = nil
    ) {
        self.topic = topic
        self.articleCount = articleCount
        self.storyCount = storyCount
        self.sourceCount = sourceCount
        self.topHeadline = topHeadline
    }

    public init(_ digest: DayDigest) {
        self.init(
            topic: digest.topic, articleCount: digest.articleCount, storyCount: digest.stories.count,
            sourceCount: digest.sourceCount, topHeadline: digest.stories.first?.headline
        )
    }
}

/// The day's index page: topics with their counts, most articles first.
struct IndexRenderer: Sendable {
    func render(day: String, entries input: [DigestIndexEntry], linkPrefix: String) -> RenderedDigest {
        let entries = input
            .filter { $0.articleCount > 0 }
            .sorted { ($1.articleCount, $0.topic.id) < ($0.articleCount, $1.topic.id) }
        let calendar = ArabicFormatting.calendarDay(day)
        var dateLine = calendar.gregorianArabic
        if let hijri = calendar.hijriArabic { dateLine += " — \(hijri)" }

        var markdown = "# موجز مرصد — \(day)\n\n**\(dateLine)**\n\n"
        if entries.isEmpty { markdown += "لا مقالات في هذا اليوم.\n" }
        for entry in entries {
            let link = Escaping.markdownURL(linkPrefix + entry.topic.id + ".md")
            markdown += "- [\(Escaping.markdown(entry.topic.nameAr))](\(link)) (\(Escaping.markdown(entry.topic.nameEn))): "
                + counts(entry) + "\n"
            if let headline = entry.topHeadline {
                markdown += "  - أبرز القصص: \(Escaping.markdown(headline))\n"
            }
        }

        var html = HTMLRenderer.head(title: "موجز مرصد — \(calendar.gregorianArabic)")
        html += "<main>\n<header class=\"masthead\">\n<p class=\"kicker\">موجز مرصد اليومي</p>\n"
        html += "<h1>مواضيع اليوم</h1>\n<p class=\"dates\"><time datetime=\"\(Escaping.html(day))\">\(calendar.gregorianArabic)</time>"
        if let hijri = calendar.hijriArabic { html += "<span class=\"sep\">—</span>\(hijri)" }
        html += "</p>\n<ul class=\"stats\"><li>\(ArabicFormatting.count(entries.count, .topic))</li></ul>\n</header>\n"
        if entries.isEmpty { html += "<p class=\"empty\">لا مقالات في هذا اليوم.</p>\n" }
        html += "<ul class=\"topics\">\n"
        for entry in entries {
            let href = Escaping.html(linkPrefix + entry.topic.id + ".html")
            html += "<li><a href=\"\(href)\">\(Escaping.bdi(entry.topic.nameAr))</a>"
            html += "<span class=\"en\" dir=\"ltr\" lang=\"en\">\(Escaping.html(entry.topic.nameEn))</span>"
            html += "<span class=\"counts\">\(counts(entry))</span>"
            if let headline = entry.topHeadline { html += "<span class=\"teaser\">\(Escaping.bdi(headline))</span>" }
            html += "</li>\n"
        }
        html += "</ul>\n</main>\n</body>\n</html>\n"
        return RenderedDigest(files: ["index.md": markdown, "index.html": html])
    }

    private func counts(_ entry: DigestIndexEntry) -> String {
        var parts = [ArabicFormatting.count(entry.articleCount, .article)]
        if let stories = entry.storyCount { parts.append(ArabicFormatting.count(stories, .story)) }
        if let sources = entry.sourceCount { parts.append(ArabicFormatting.count(sources, .source)) }
        return parts.joined(separator: "، ")
    }
}
