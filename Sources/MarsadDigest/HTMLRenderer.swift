/// The digest as one self-contained, right-to-left HTML page: inline CSS, no
/// scripts, no external resources (a Content-Security-Policy says so too, in
/// case escaping ever missed something). Article strings are escaped and
/// isolated in `<bdi>`; English names are marked `dir="ltr" lang="en"`.
struct HTMLRenderer: Sendable {
    func render(_ digest: DayDigest) -> String {
        let topic = digest.topic
        var out = Self.head(title: "\(Escaping.html(topic.nameAr)) — \(digest.calendar.gregorianArabic)")
        out += "<main>\n<header class=\"masthead\">\n"
        out += "<p class=\"kicker\">موجز مرصد اليومي</p>\n"
        out += "<h1>\(Escaping.html(topic.nameAr)) \(english(topic.nameEn, class: "en-title"))</h1>\n"
        out += "<p class=\"dates\"><time datetime=\"\(Escaping.html(digest.day))\">\(digest.calendar.gregorianArabic)</time>"
        if let hijri = digest.calendar.hijriArabic { out += "<span class=\"sep\">—</span><span class=\"hijri\">\(hijri)</span>" }
        out += "</p>\n<ul class=\"stats\">"
        out += "<li>\(ArabicFormatting.count(digest.articleCount, .article))</li>"
        // With sources unknown, a source count would undercount; the list below says what is known.
        if digest.sourceCount > 0 && digest.unknownSourceArticles == 0 {
            out += "<li>\(ArabicFormatting.count(digest.sourceCount, .source))</li>"
        }
        out += "<li>\(ArabicFormatting.count(digest.stories.count, .story))</li></ul>\n"
        if !digest.sources.isEmpty || digest.unknownSourceArticles > 0 {
            var sources = digest.sources.map {
                "<span class=\"source\">\(Escaping.bdi($0.name))&nbsp;<span class=\"n\">\(ArabicFormatting.digits($0.articles))</span></span>"
            }
            if digest.unknownSourceArticles > 0 {
                sources.append("<span class=\"source unknown\">\(MarkdownRenderer.unknownSource)&nbsp;<span class=\"n\">\(ArabicFormatting.digits(digest.unknownSourceArticles))</span></span>")
            }
            out += "<p class=\"sources\"><span class=\"label\">المصادر:</span> " + sources.joined(separator: "، ") + "</p>\n"
        }
        out += "<nav class=\"toc\"><a href=\"#stories\">القصص</a><a href=\"#who\">من وأين</a><a href=\"#timeline\">الخط الزمني</a></nav>\n"
        out += "</header>\n"

        out += "<section id=\"stories\">\n<h2>القصص</h2>\n"
        if digest.stories.isEmpty { out += "<p class=\"empty\">لا قصص اليوم.</p>\n" }
        for story in digest.stories { out += self.story(story) }
        out += "</section>\n"

        out += whoAndWhere(digest)
        out += timeline(digest)

        out += "<footer><p>موجز آلي من مرصد، من \(ArabicFormatting.count(digest.articleCount, .article, genitive: true))، "
        out += "الأوقات بتوقيت <bdi dir=\"ltr\">\(Escaping.html(digest.timeZone))</bdi>"
        out += "<span class=\"sep\">—</span><bdi dir=\"ltr\" lang=\"en\">\(DayDigest.schemaIdentifier)</bdi></p></footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private func story(_ story: Story) -> String {
        var out = "<article class=\"story\" id=\"\(Escaping.html(story.id))\">\n"
        out += "<div class=\"story-head\"><span class=\"rank\">\(ArabicFormatting.digits(story.rank))</span>"
        out += "<h3>\(Escaping.bdi(story.headline))</h3></div>\n"
        var meta = MarkdownRenderer.reportsPhrase(story)
        let times = story.reports.compactMap(\.localTime)
        if let first = times.first, let last = times.last {
            meta += first == last
                ? "، \(ArabicFormatting.digits(first))"
                : "، من \(ArabicFormatting.digits(first)) إلى \(ArabicFormatting.digits(last))"
        }
        out += "<p class=\"meta\">\(meta)</p>\n"
        if !story.summary.isEmpty { out += "<p class=\"summary\">\(Escaping.bdi(story.summary))</p>\n" }
        if !story.entities.isEmpty {
            out += "<ul class=\"entities\">"
            for entity in story.entities {
                out += "<li class=\"chip \(Self.typeClass(entity.type))\">\(Escaping.bdi(entity.nameAr))"
                if !entity.nameEn.isEmpty { out += " \(english(entity.nameEn))" }
                out += "</li>"
            }
            out += "</ul>\n"
        }
        out += "<ol class=\"reports\">\n"
        for report in story.reports {
            out += "<li\(report.isCentral ? " class=\"central\"" : "")>"
            let title = report.title.isEmpty ? "(بلا عنوان)" : report.title
            if let url = report.url {
                out += "<a class=\"title\" href=\"\(Escaping.html(url))\" rel=\"noreferrer noopener\">\(Escaping.bdi(title))</a>"
            } else {
                out += "<span class=\"title\">\(Escaping.bdi(title))</span>"
            }
            if let source = report.source {
                out += "<span class=\"byline\"><span class=\"source\">\(Escaping.bdi(source))</span>"
            } else {
                out += "<span class=\"byline\"><span class=\"source unknown\">\(MarkdownRenderer.unknownSource)</span>"
            }
            if let credit = report.credit {
                out += "<span class=\"credit\">\(MarkdownRenderer.creditPhrase(Escaping.bdi(credit)))</span>"
            }
            if let time = report.localTime {
                out += "<time datetime=\"\(Escaping.html(report.time))\">\(ArabicFormatting.digits(time))</time>"
            }
            if report.record == nil || report.url == nil {
                out += "<code dir=\"ltr\">\(Escaping.html(report.fileName))</code>"
            }
            if let record = report.record, report.url == nil {
                out += "<span class=\"record\">\(MarkdownRenderer.recordLabel(record))</span>"
            }
            if report.isCentral { out += "<span class=\"badge\">منه الملخص</span>" }
            out += "</span></li>\n"
        }
        out += "</ol>\n</article>\n"
        return out
    }

    private func whoAndWhere(_ digest: DayDigest) -> String {
        var out = "<section id=\"who\">\n<h2>من وأين</h2>\n"
        guard let top = digest.whoAndWhere.first else {
            return out + "<p class=\"empty\">لم تُذكر أسماء معروفة اليوم.</p>\n</section>\n"
        }
        let compare = digest.previousDayArticleCount > 0
        if !compare { out += "<p class=\"note\">لا مقالات في هذا الموضوع في اليوم السابق للمقارنة.</p>\n" }
        out += "<table class=\"who\">\n<thead><tr><th>الاسم</th><th>النوع</th><th>المقالات</th>"
        if compare { out += "<th>عن أمس</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for tally in digest.whoAndWhere {
            let share = Int((Double(tally.articles) / Double(max(1, top.articles)) * 100).rounded())
            out += "<tr><td class=\"name\">\(Escaping.bdi(tally.nameAr))"
            if !tally.nameEn.isEmpty { out += " \(english(tally.nameEn))" }
            out += "</td><td class=\"type\">\(Escaping.html(ArabicFormatting.entityType(tally.type)))</td>"
            out += "<td class=\"count\"><span class=\"n\">\(ArabicFormatting.digits(tally.articles))</span>"
            out += "<span class=\"bar\" style=\"width:\(max(2, share * 3 / 4))%\"></span></td>"
            if compare {
                let trend = tally.previousArticles == 0 ? "new" : tally.change > 0 ? "up" : tally.change < 0 ? "down" : "same"
                out += "<td class=\"change \(trend)\">\(MarkdownRenderer.change(tally).replacingOccurrences(of: " عن أمس", with: ""))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    private func timeline(_ digest: DayDigest) -> String {
        var out = "<section id=\"timeline\">\n<h2>الخط الزمني</h2>\n"
        guard !digest.timeline.isEmpty else {
            return out + "<p class=\"empty\">لم تُذكر تواريخ محددة اليوم.</p>\n</section>\n"
        }
        let headlines = Dictionary(uniqueKeysWithValues: digest.stories.map { ($0.id, $0.headline) })
        out += "<ol class=\"timeline\">\n"
        for entry in digest.timeline {
            out += "<li><time datetime=\"\(Escaping.html(entry.date))\">\(entry.dateArabic)</time>"
            for text in entry.texts { out += "<span class=\"said\">«\(Escaping.bdi(text))»</span>" }
            for storyId in entry.storyIds.prefix(DigestComposer.timelineStoriesPerDate) {
                guard let headline = headlines[storyId] else { continue }
                out += "<a class=\"story-link\" href=\"#\(Escaping.html(storyId))\">\(Escaping.bdi(headline))</a>"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n"
        return out
    }

    private func english(_ text: String, class name: String = "en") -> String {
        "<span class=\"\(name)\" dir=\"ltr\" lang=\"en\">\(Escaping.html(text))</span>"
    }

    static func typeClass(_ type: String) -> String {
        switch type {
        case "country": return "t-country"
        case "person": return "t-person"
        case "organization", "org": return "t-org"
        case "place", "city", "location": return "t-place"
        default: return "t-other"
        }
    }

    /// The document head shared by digests and the day's index.
    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html dir="rtl" lang="ar">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="generator" content="Marsad">
        <title>\(title)</title>
        <style>\(stylesheet)</style>
        </head>
        <body>

        """
    }

    static let stylesheet = """

    :root {
      --paper: #f7f5f0; --card: #ffffff; --ink: #1f2328; --muted: #5f6670; --rule: #e4e0d6;
      --accent: #0d5c63; --accent-soft: #e3f0ef; --up: #1a7f37; --down: #b42318; --new: #8250df;
      --arabic: "Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif;
      --heading: "Noto Kufi Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif;
      --latin: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
      --mono: "Noto Sans Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
    }
    @media (prefers-color-scheme: dark) {
      :root { --paper: #14171a; --card: #1c2024; --ink: #e6e3dc; --muted: #a0a7b0; --rule: #2e343a;
        --accent: #5fb3b3; --accent-soft: #1f3333; --up: #57c27a; --down: #f07167; --new: #b39ddb; }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--paper); color: var(--ink); font-family: var(--arabic);
      font-size: 18px; line-height: 1.8; text-rendering: optimizeLegibility; }
    main { max-width: 880px; margin: 0 auto; padding: 28px 22px 56px; }
    a { color: var(--accent); text-decoration: none; }
    a:hover { text-decoration: underline; }
    h1, h2, h3 { font-family: var(--heading); line-height: 1.45; margin: 0; }
    [lang="en"] { font-family: var(--latin); }
    .masthead { border-bottom: 3px double var(--rule); padding-bottom: 14px; margin-bottom: 18px; }
    .kicker { margin: 0; color: var(--accent); font-family: var(--heading); font-size: .85rem; letter-spacing: 0; }
    h1 { font-size: 2rem; font-weight: 700; }
    .en-title { display: inline-block; font-size: 1.05rem; font-weight: 400; color: var(--muted); margin-inline-start: .5em; }
    .dates { margin: 4px 0 8px; color: var(--muted); }
    .sep { margin: 0 .5em; }
    .stats { list-style: none; margin: 0 0 6px; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
    .stats li { background: var(--accent-soft); color: var(--accent); border-radius: 999px; padding: 0 12px;
      font-size: .9rem; font-weight: 600; }
    .sources { margin: 6px 0; font-size: .9rem; color: var(--muted); }
    .sources .n { color: var(--ink); font-weight: 600; }
    .label { font-weight: 600; }
    .toc { display: flex; gap: 18px; font-family: var(--heading); font-size: .9rem; margin-top: 6px; }
    h2 { font-size: 1.35rem; color: var(--accent); margin: 30px 0 12px; padding-bottom: 4px;
      border-bottom: 1px solid var(--rule); }
    .story { background: var(--card); border: 1px solid var(--rule); border-radius: 10px;
      padding: 14px 18px 10px; margin: 0 0 14px; }
    .story-head { display: flex; align-items: baseline; gap: 10px; }
    .rank { flex: none; display: inline-grid; place-items: center; width: 1.8em; height: 1.8em; border-radius: 50%;
      background: var(--accent); color: #fff; font-family: var(--heading); font-size: .85rem; line-height: 1; }
    h3 { font-size: 1.2rem; font-weight: 700; }
    .meta { margin: 2px 0 4px; color: var(--muted); font-size: .85rem; }
    .summary { margin: 6px 0 8px; font-size: 1.05rem; text-align: justify; text-justify: inter-word; }
    .entities { list-style: none; padding: 0; margin: 4px 0 8px; display: flex; flex-wrap: wrap; gap: 6px; }
    .chip { border: 1px solid var(--rule); border-radius: 6px; padding: 0 8px; font-size: .85rem; background: var(--paper); }
    .chip .en, td .en { color: var(--muted); font-size: .8em; margin-inline-start: .35em; }
    .t-country { border-inline-start: 3px solid #2f6f9f; }
    .t-person { border-inline-start: 3px solid #a0522d; }
    .t-org { border-inline-start: 3px solid #6a5acd; }
    .t-place { border-inline-start: 3px solid #2e8b57; }
    .reports { margin: 6px 0 4px; padding-inline-start: 1.3em; font-size: .92rem; list-style-type: arabic-indic; }
    .reports li { margin: 2px 0; }
    .reports li.central .title { font-weight: 700; }
    .byline { display: inline-flex; flex-wrap: wrap; gap: 10px; margin-inline-start: 10px; color: var(--muted); font-size: .85rem; }
    .byline code { font-family: var(--mono); font-size: .78rem; background: var(--paper); border-radius: 4px; padding: 0 5px; }
    .badge { color: var(--accent); font-weight: 600; }
    table.who { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--rule); border-radius: 10px; }
    .who th, .who td { padding: 5px 12px; text-align: start; border-bottom: 1px solid var(--rule); vertical-align: middle; }
    .who th { font-family: var(--heading); font-size: .85rem; color: var(--muted); font-weight: 600; }
    .who .type { color: var(--muted); font-size: .88rem; }
    .who .count { width: 34%; position: relative; }
    .who .bar { display: inline-block; height: .55em; background: var(--accent); opacity: .35; border-radius: 3px;
      vertical-align: middle; }
    .who .n { display: inline-block; min-width: 2.2em; font-weight: 700; font-variant-numeric: tabular-nums; }
    .change { white-space: nowrap; font-size: .9rem; }
    .change.up { color: var(--up); } .change.down { color: var(--down); } .change.new { color: var(--new); }
    .change.same { color: var(--muted); }
    .timeline { list-style: none; margin: 0; padding: 0; border-inline-start: 2px solid var(--rule); }
    .timeline li { position: relative; padding-block: 2px 8px; padding-inline-start: 18px; }
    .timeline li::before { content: ""; position: absolute; inset-inline-start: -6px; top: .8em; width: 10px; height: 10px;
      border-radius: 50%; background: var(--accent); }
    .timeline time { font-family: var(--heading); font-weight: 700; margin-inline-end: 10px; }
    .said { margin-inline-end: 10px; }
    .story-link { display: block; font-size: .88rem; }
    .note, .empty { color: var(--muted); font-size: .9rem; }
    footer { margin-top: 34px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted); font-size: .8rem; }
    .topics { list-style: none; padding: 0; margin: 0; }
    .topics li { background: var(--card); border: 1px solid var(--rule); border-radius: 10px; padding: 10px 16px; margin: 0 0 10px;
      display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; }
    .topics a { font-family: var(--heading); font-size: 1.15rem; font-weight: 700; }
    .topics .counts { color: var(--muted); font-size: .9rem; }
    .topics .en { color: var(--muted); font-size: .85rem; }
    .topics .teaser { flex-basis: 100%; font-size: .95rem; }
    @media (max-width: 600px) { body { font-size: 17px; } h1 { font-size: 1.6rem; } .who .type { display: none; } }
    @media print { body { background: #fff; } .story, table.who { border-color: #ccc; } .toc { display: none; } }

    """
}
