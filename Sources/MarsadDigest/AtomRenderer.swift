/// A topic's Atom feed (RFC 4287): one entry per story of the days given,
/// newest day first, heaviest story first. Links are relative to the feed's
/// own place, `digests/feeds/<topic>.xml`, so a copied or served digests
/// folder keeps working.
struct AtomRenderer: Sendable {
    static let namespace = "http://www.w3.org/2005/Atom"

    /// `digests` holds one topic's digests of a few days, in any order.
    func render(topic: DigestTopic, digests: [DayDigest]) -> String {
        let days = digests.sorted { $0.day > $1.day }
        let topicId = Escaping.xml(topic.id)
        let updated = days.flatMap { $0.stories.map(Self.updated) }.max() ?? days.first.map { $0.day + "T00:00:00Z" }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"\(Self.namespace)\" xml:lang=\"ar\">\n"
        out += "  <id>urn:marsad:feed:\(topicId)</id>\n"
        out += "  <title>\(Escaping.xml(topic.nameAr)) — مرصد</title>\n"
        out += "  <subtitle xml:lang=\"en\">\(Escaping.xml(topic.nameEn))</subtitle>\n"
        out += "  <updated>\(updated ?? "1970-01-01T00:00:00Z")</updated>\n"
        out += "  <author><name>مرصد</name></author>\n"
        out += "  <generator>Marsad</generator>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(topicId).xml\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"../latest/\(topicId).html\"/>\n"
        for digest in days {
            for story in digest.stories { out += entry(story, day: digest.day, topic: topic) }
        }
        out += "</feed>\n"
        return out
    }

    private func entry(_ story: Story, day: String, topic: DigestTopic) -> String {
        let page = "../\(Escaping.xml(day))/\(Escaping.xml(topic.id)).html"
        var out = "  <entry>\n"
        out += "    <id>\(Escaping.xml(Self.entryId(story, day: day, topic: topic.id)))</id>\n"
        out += "    <title>\(Escaping.xml(story.headline.isEmpty ? "(بلا عنوان)" : story.headline))</title>\n"
        out += "    <published>\(Escaping.xml(story.firstTime))</published>\n"
        out += "    <updated>\(Escaping.xml(Self.updated(story)))</updated>\n"
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(page)#\(Escaping.xml(story.id))\"/>\n"
        out += "    <category term=\"\(Escaping.xml(topic.id))\" label=\"\(Escaping.xml(topic.nameAr))\"/>\n"
        var summary = MarkdownRenderer.reportsPhrase(story) + "."
        if !story.summary.isEmpty { summary = story.summary + " — " + summary }
        out += "    <summary type=\"text\">\(Escaping.xml(summary))</summary>\n"
        out += "  </entry>\n"
        return out
    }

    /// Stable while the story grows: named after its earliest-recorded report,
    /// which later reports (with higher ids) never displace.
    static func entryId(_ story: Story, day: String, topic: String) -> String {
        let first = story.reports.map(\.articleId).min() ?? story.centralArticleId
        return "urn:marsad:story:\(topic):\(day):\(first)"
    }

    /// A story changes when a report joins it: its newest report's time.
    static func updated(_ story: Story) -> String { story.lastTime }
}
