/// The digest as Markdown for terminals and Markdown viewers.
///
/// Viewers that render Markdown pick each paragraph's direction from its
/// first strong character, so every line starts with Arabic text; where
/// article text could start a line with Latin letters a right-to-left mark
/// goes first. No tables: they break the reading order of mixed text.
struct MarkdownRenderer: Sendable {
    func render(_ digest: DayDigest) -> String {
        var out = ""
        let topic = digest.topic
        // «·» would read as the Arabic-Indic zero «٠» beside Arabic numerals; dashes separate instead.
        out += "# \(Escaping.rightToLeftLine(Escaping.markdown(topic.nameAr))) — \(Escaping.markdown(topic.nameEn))\n\n"
        var dateLine = "**\(digest.calendar.gregorianArabic)**"
        if let hijri = digest.calendar.hijriArabic { dateLine += " — \(hijri)" }
        dateLine += " — \(digest.day)"
        out += dateLine + "\n\n"
        out += Self.countsLine(digest) + "\n\n"
        if !digest.sources.isEmpty || digest.unknownSourceArticles > 0 {
            var sources = digest.sources.map { "\(Escaping.markdown($0.name)) (\(ArabicFormatting.digits($0.articles)))" }
            if digest.unknownSourceArticles > 0 {
                sources.append("\(Self.unknownSource) (\(ArabicFormatting.digits(digest.unknownSourceArticles)))")
            }
            out += "المصادر: " + sources.joined(separator: "، ") + "\n\n"
        }

        out += "## القصص\n\n"
        if digest.stories.isEmpty { out += "لا قصص اليوم.\n\n" }
        for story in digest.stories {
            out += "### " + Escaping.rightToLeftLine("\(ArabicFormatting.digits(story.rank)). \(Escaping.markdown(story.headline))") + "\n\n"
            if !story.summary.isEmpty {
                out += Escaping.rightToLeftLine(Escaping.markdown(story.summary)) + "\n\n"
            }
            out += "- " + storyMeta(story) + "\n"
            for report in story.reports {
                out += "  - " + reportLine(report) + "\n"
            }
            if !story.entities.isEmpty {
                let names = story.entities.map { entityName($0.nameAr, $0.nameEn) }
                out += "- أبرز الأطراف: " + names.joined(separator: "، ") + "\n"
            }
            out += "\n"
        }

        out += "## من وأين\n\n"
        if digest.whoAndWhere.isEmpty {
            out += "لم تُذكر أسماء معروفة اليوم.\n\n"
        } else {
            if digest.previousDayArticleCount == 0 {
                out += "لا مقالات في هذا الموضوع في اليوم السابق للمقارنة.\n\n"
            }
            for tally in digest.whoAndWhere {
                var line = "- \(entityName(tally.nameAr, tally.nameEn, bold: true))، "
                    + "\(ArabicFormatting.entityType(tally.type)): في \(ArabicFormatting.count(tally.articles, .article, genitive: true))"
                if digest.previousDayArticleCount > 0 { line += "، " + Self.change(tally) }
                out += line + "\n"
            }
            out += "\n"
        }

        out += "## الخط الزمني\n\n"
        if digest.timeline.isEmpty {
            out += "لم تُذكر تواريخ محددة اليوم.\n\n"
        } else {
            let headlines = Dictionary(uniqueKeysWithValues: digest.stories.map { ($0.id, $0.headline) })
            for entry in digest.timeline {
                var line = "- **\(entry.dateArabic)**"
                if !entry.texts.isEmpty {
                    line += ": " + entry.texts.map { "«\(Escaping.markdown($0))»" }.joined(separator: "، ")
                }
                let stories = entry.storyIds.prefix(DigestComposer.timelineStoriesPerDate).compactMap { headlines[$0] }
                if !stories.isEmpty {
                    line += "، في: " + stories.map(Escaping.markdown).joined(separator: "؛ ")
                }
                out += line + "\n"
            }
            out += "\n"
        }
        out += "---\n\nموجز آلي من مرصد، الأوقات بتوقيت \(Escaping.markdown(digest.timeZone)) — \(DayDigest.schemaIdentifier)\n"
        return out
    }

    static let unknownSource = "مصدر غير معروف"

    /// «(نقلًا عن رويترز)»: the wire a report credits, beside the outlet that ran it.
    static func creditPhrase(_ credit: String) -> String { "(نقلًا عن \(credit))" }

    /// «السجل ٣»: the third record of its file.
    static func recordLabel(_ record: Int) -> String { "السجل \(ArabicFormatting.digits(record))" }

    /// «٨ مقالات من ٧ مصادر في ٥ قصص.»; the sources are left out when some are unknown.
    static func countsLine(_ digest: DayDigest) -> String {
        var line = ArabicFormatting.count(digest.articleCount, .article)
        if digest.unknownSourceArticles == 0 && digest.sourceCount > 0 {
            line += " من " + ArabicFormatting.count(digest.sourceCount, .source, genitive: true)
        }
        return line + " في " + ArabicFormatting.count(digest.stories.count, .story, genitive: true) + "."
    }

    /// «٣ تقارير من ٣ مصادر»; without the sources when none is known.
    static func reportsPhrase(_ story: Story) -> String {
        var phrase = ArabicFormatting.count(story.reportCount, .report)
        if story.sourceCount > 0 { phrase += " من " + ArabicFormatting.count(story.sourceCount, .source, genitive: true) }
        return phrase
    }

    static func change(_ tally: EntityTally) -> String {
        if tally.previousArticles == 0 { return "جديد اليوم" }
        if tally.change > 0 { return "▲ \(ArabicFormatting.digits(tally.change)) عن أمس" }
        if tally.change < 0 { return "▼ \(ArabicFormatting.digits(-tally.change)) عن أمس" }
        return "كأمس"
    }

    private func storyMeta(_ story: Story) -> String {
        var meta = Self.reportsPhrase(story)
        let times = story.reports.compactMap(\.localTime)
        if let first = times.first, let last = times.last {
            meta += first == last
                ? "، \(ArabicFormatting.digits(first))"
                : "، من \(ArabicFormatting.digits(first)) إلى \(ArabicFormatting.digits(last))"
        }
        return meta + ":"
    }

    private func reportLine(_ report: StoryReport) -> String {
        let title = report.title.isEmpty ? "(بلا عنوان)" : Escaping.markdown(report.title)
        var line = report.url.map { "[\(title)](\(Escaping.markdownURL($0)))" } ?? title
        line = Escaping.rightToLeftLine(line)
        line += " — \(report.source.map(Escaping.markdown) ?? Self.unknownSource)"
        if let credit = report.credit { line += " \(Self.creditPhrase(Escaping.markdown(credit)))" }
        if let time = report.localTime { line += "، \(ArabicFormatting.digits(time))" }
        // A record of a many-record file is told apart by its own address; without one, by its place in the file.
        if report.record == nil || report.url == nil { line += "، \(Escaping.markdownCode(report.fileName))" }
        if let record = report.record, report.url == nil { line += " (\(Self.recordLabel(record)))" }
        if report.isCentral { line += " (منه الملخص)" }
        return line
    }

    private func entityName(_ arabic: String, _ english: String, bold: Bool = false) -> String {
        let name = bold ? "**\(Escaping.markdown(arabic))**" : Escaping.markdown(arabic)
        guard !english.isEmpty, english != arabic else { return name }
        return "\(name) (\(Escaping.markdown(english)))"
    }
}
