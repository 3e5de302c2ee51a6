/// A web page a clipping tool saved as Markdown (the kind note-taking apps keep): front
/// matter between "---" lines (title, source, tags), "# headline", "> " quotes, image lines
/// "![](…)" and link lines "[site](https://…)". The markup says what each line is: the
/// title is the front matter's or the first heading's, without its marks; images and
/// lines that are one link alone are no text; a quote that repeats the text's lead (the
/// excerpt such tools set over the page) is no text either.
struct MarkdownClip {
    /// The page with its markup read: the lines a reader sees, one a line, empty lines kept.
    var text: String
    /// What the front matter or the first heading names the page.
    var title: String?

    /// The clip a page is, or nil when the page shows no Markdown clip: front matter at its
    /// top, or a "# " heading together with an image or a line of one link (a heading alone
    /// may be a plain text's own "#").
    init?(_ page: String) {
        guard Self.mayBeMarkdown(page) else { return nil }
        var lines = page.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line[...]))
        }
        var title: String?
        let frontMatter = Self.frontMatter(lines)
        if let frontMatter {
            title = frontMatter.title
            lines.removeSubrange(frontMatter.lines)
        }
        let trimmed = lines.map { $0.trimmingWhitespace() }
        let hasHeading = trimmed.contains { Self.headingText($0) != nil }
        let hasLinkOrImage = trimmed.contains { Self.isImage($0) || Self.isLinkAlone($0) }
        guard frontMatter != nil || (hasHeading && hasLinkOrImage) else { return nil }

        let quotes = Self.quoteBlocks(trimmed)
        var kept: [String] = []
        var index = 0
        while index < trimmed.count {
            if let block = quotes.first(where: { $0.lowerBound == index }) {
                let quoted = trimmed[block].compactMap(Self.unquoted).filter { Self.headingText($0) == nil }
                let rest = trimmed[block.upperBound...].filter { $0.unicodeScalars.first != ">" }
                if !Self.repeatsLead(quoted, of: rest) { kept += quoted.map { Self.headingText($0) ?? $0 } }
                kept.append("")
                index = block.upperBound
                continue
            }
            let line = trimmed[index]
            if Self.isImage(line) || Self.isLinkAlone(line) || Self.isThematicBreak(line) {
                kept.append("")
            } else if let heading = Self.headingText(line) {
                if title == nil, !heading.isEmpty { title = heading }
                kept.append(heading)
            } else {
                kept.append(line)
            }
            index += 1
        }
        self.text = kept.joined(separator: "\n")
        self.title = title
    }

    /// "---" first, or "# " at a line's start: what every clip shows, found in the page's bytes
    /// before any line is cut, since nearly no other page has either.
    static func mayBeMarkdown(_ page: String) -> Bool {
        var page = page
        return page.withUTF8 { bytes in
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 { start += 1 }
            if bytes.count - start >= 3, bytes[start] == 0x2D, bytes[start + 1] == 0x2D, bytes[start + 2] == 0x2D { return true }
            var atLineStart = true
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if atLineStart, byte == 0x23 {
                    var end = index
                    while end < bytes.count, bytes[end] == 0x23 { end += 1 }
                    if end < bytes.count, bytes[end] == 0x20 { return true }
                }
                atLineStart = byte == 0x0A
            }
            return false
        }
    }

    /// The lines of the front matter ("---", "key: value" lines, "---") at the page's top, and its title.
    private static func frontMatter(_ lines: [String]) -> (lines: Range<Int>, title: String?)? {
        guard let start = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }),
              lines[start].trimmingWhitespace() == "---" else { return nil }
        guard let end = lines[(start + 1)...].prefix(80).firstIndex(where: { $0.trimmingWhitespace() == "---" }),
              end > start + 1 else { return nil }
        let fields = lines[(start + 1)..<end]
        // Every line a field ("key: value") or a field's item or value (indented, "- …").
        guard fields.contains(where: { fieldName($0) != nil }),
              fields.allSatisfy({ fieldName($0) != nil || $0.first == " " || $0.first == "\t" || $0.trimmingWhitespace().isEmpty })
        else { return nil }
        var title: String?
        for field in fields where fieldName(field) == "title" {
            let value = field.unicodeScalars.drop { $0 != ":" }.dropFirst()
            let text = String(String.UnicodeScalarView(value)).trimmingWhitespace()
            title = unquotedValue(text)
        }
        return (start..<(end + 1), title?.isEmpty == true ? nil : title)
    }

    /// "title: …" → "title": a field's name, ASCII letters, digits, "_" and "-", right at the line's start.
    private static func fieldName(_ line: String) -> String? {
        let name = line.unicodeScalars.prefix { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        guard !name.isEmpty, line.unicodeScalars.dropFirst(name.count).first == ":" else { return nil }
        return String(String.UnicodeScalarView(name)).lowercased()
    }

    /// A value without the quotes YAML writes around it: "\"…\"" or "'…'".
    private static func unquotedValue(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count >= 2, let first = scalars.first, first == "\"" || first == "'", scalars.last == first else { return text }
        return String(String.UnicodeScalarView(scalars.dropFirst().dropLast())).trimmingWhitespace()
    }

    /// "# headline", "### intertitle" → the heading's words; nil for any other line ("#hashtag").
    static func headingText(_ line: String) -> String? {
        let marks = line.unicodeScalars.prefix { $0 == "#" }
        guard (1...6).contains(marks.count) else { return nil }
        let rest = line.unicodeScalars.dropFirst(marks.count)
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        // A closing run of "#" is markup too.
        let words = rest.reversed().drop { $0 == "#" || $0 == " " }.reversed()
        return String(String.UnicodeScalarView(words)).trimmingWhitespace()
    }

    /// "![caption](https://…/photo.jpg)": an image, alone on its line.
    static func isImage(_ line: String) -> Bool {
        line.unicodeScalars.first == "!" && isLinkAlone(String(String.UnicodeScalarView(line.unicodeScalars.dropFirst())))
    }

    /// "[صحيفة اليوم](https://www.alyaum.com/)": one link and nothing else on the line.
    static func isLinkAlone(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        guard scalars.first == "[", scalars.last == ")",
              let close = scalars.firstIndex(of: "]"), close + 1 < scalars.count, scalars[close + 1] == "(" else { return false }
        let target = scalars[(close + 2)..<(scalars.count - 1)]
        return !target.isEmpty && !target.contains { $0 == " " || $0 == ")" || $0 == "(" }
    }

    /// "---", "***", "___": a rule between parts of the page.
    private static func isThematicBreak(_ line: String) -> Bool {
        let marks = line.unicodeScalars.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, first == "-" || first == "*" || first == "_" else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// "> text" → "text", ">" → ""; nil for a line that is no quote.
    private static func unquoted(_ line: String) -> String? {
        guard line.unicodeScalars.first == ">" else { return nil }
        return String(String.UnicodeScalarView(line.unicodeScalars.drop { $0 == ">" || $0 == " " }))
    }

    /// Each run of "> " lines, as a range of line indices.
    private static func quoteBlocks(_ lines: [String]) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard lines[index].unicodeScalars.first == ">" else { index += 1; continue }
            let start = index
            while index < lines.count, lines[index].unicodeScalars.first == ">" { index += 1 }
            blocks.append(start..<index)
        }
        return blocks
    }

    /// Whether a quote's opening words are those a later line opens with: an excerpt of the text
    /// set above it, cut short (often mid-word), not a quote of the text's own.
    private static func repeatsLead(_ quoted: [String], of rest: [String]) -> Bool {
        let quoteWords = BoilerplateLexicon.keyWords(quoted.joined(separator: " "))
        // The last word may be cut; eight before it say the quote opens as the line does.
        let opening = Array(quoteWords.prefix(min(8, quoteWords.count - 1)))
        guard opening.count >= 4 else { return false }
        return rest.contains { line in
            !line.isEmpty && BoilerplateLexicon.keyWords(line).starts(with: opening)
        }
    }
}
