/// Reads articles from JSON: one object, an array of objects (SaudiNewsNet's
/// day files), an object wrapping such an array (`{"articles": […]}`), or
/// JSON Lines. Damage after complete records keeps those records and says so.
enum JSONRecordReader {
    struct Records {
        var drafts: [ArticleDraft]
        var warnings: [String]
    }

    private static let containerKeys: Set<String> = [
        "articles", "items", "data", "results", "posts", "records", "entries", "docs", "documents", "news", "hits",
        "stories", "rows", "objects",
    ]

    static func read(_ text: String) throws(ReadingError) -> Records {
        let bytes = Array(text.utf8)
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        if parser.current == UInt8(ascii: "[") {
            return try readTopLevelArray(&parser)
        }
        let first: JSONValue
        do {
            first = try parser.parseValue()
        } catch {
            throw failure(error, recordsBefore: 0)
        }
        let firstEnd = parser.index
        parser.skipWhitespace()
        if parser.atEnd {
            return Records(drafts: records(in: first), warnings: [])
        }
        return readLines(&parser, first: first, firstEnd: firstEnd)
    }

    private static func readTopLevelArray(_ parser: inout JSONParser) throws(ReadingError) -> Records {
        parser.index += 1
        // Each element becomes its draft as soon as it is parsed: a 20 MiB array of
        // 200,000 small records held as parsed values first took several times the file.
        var drafts: [ArticleDraft] = []
        var elementCount = 0
        var skipped = 0
        var damage: JSONParseError?
        parsing: while true {
            parser.skipWhitespace()
            if parser.current == UInt8(ascii: "]") {
                parser.index += 1
                break
            }
            do {
                let element = try parser.parseValue(depth: 1)
                if let members = element.members {
                    var draft = draftFromRecord(members)
                    draft.recordIndex = elementCount
                    drafts.append(draft)
                } else {
                    skipped += 1
                }
                elementCount += 1
            } catch {
                damage = error
                break
            }
            parser.skipWhitespace()
            switch parser.current {
            case UInt8(ascii: ","): parser.index += 1
            case UInt8(ascii: "]"): parser.index += 1; break parsing
            case nil:
                damage = JSONParseError(offset: parser.index, truncated: true, problem: "the text ends where ',' or ']' should follow")
                break parsing
            default:
                damage = JSONParseError(offset: parser.index, truncated: false, problem: "expected ',' or ']' between records")
                break parsing
            }
        }
        var warnings: [String] = []
        if let damage {
            if elementCount == 0 { throw failure(damage, recordsBefore: 0) }
            let how = damage.truncated ? "is truncated at byte \(damage.offset)" : "is damaged at byte \(damage.offset) (\(damage.problem))"
            warnings.append("the JSON \(how); the \(elementCount) complete records before it were read, the rest was lost")
        } else {
            parser.skipWhitespace()
            if !parser.atEnd {
                warnings.append("the JSON has extra text after its closing ']' at byte \(parser.index); it was ignored")
            }
        }
        if skipped > 0 { warnings.append("\(skipped) array elements were not objects and were skipped") }
        return Records(drafts: drafts, warnings: warnings)
    }

    /// JSON Lines: each line parsed alone, so a damaged line is skipped and
    /// named without swallowing the next. Values spread over several lines
    /// (concatenated pretty-printed objects) are read as a stream instead.
    private static func readLines(_ parser: inout JSONParser, first: JSONValue, firstEnd: Int) -> Records {
        let bytes = parser.bytes
        let firstValueIsOneLine = bytes[..<firstEnd].drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }).firstIndex(of: 0x0A) == nil
        // Records become drafts as they are parsed, as in a top-level array.
        var drafts: [ArticleDraft] = []
        var valueCount = 0
        func take(_ value: JSONValue, line: Int) {
            valueCount += 1
            guard let members = value.members else { return }
            var draft = draftFromRecord(members)
            draft.recordIndex = line
            drafts.append(draft)
        }
        take(first, line: 0)
        var warnings: [String] = []
        if firstValueIsOneLine {
            var lineStart = firstEnd
            var lineNumber = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                let line = Array(bytes[lineStart..<lineEnd])
                lineStart = lineEnd + 1
                var lineParser = JSONParser(line)
                lineParser.skipWhitespace()
                if lineParser.atEnd { continue }
                lineNumber += 1
                do {
                    let value = try lineParser.parseValue()
                    lineParser.skipWhitespace()
                    if !lineParser.atEnd {
                        warnings.append("JSON line \(lineNumber + 1) has extra text after its record; the extra text was ignored")
                    }
                    take(value, line: lineNumber)
                } catch {
                    let how = error.truncated ? "is cut off" : "is damaged (\(error.problem))"
                    warnings.append("JSON line \(lineNumber + 1) \(how) and was skipped")
                }
            }
        } else {
            var index = 1
            while true {
                parser.skipWhitespace()
                if parser.atEnd { break }
                do {
                    take(try parser.parseValue(), line: index)
                } catch {
                    let how = error.truncated ? "is truncated at byte \(error.offset)" : "is damaged at byte \(error.offset) (\(error.problem))"
                    warnings.append("the JSON \(how); the \(valueCount) complete records before it were read, the rest was lost")
                    break
                }
                index += 1
            }
        }
        return Records(drafts: drafts, warnings: warnings)
    }

    private static func records(in value: JSONValue) -> [ArticleDraft] {
        switch value {
        case .array(let elements):
            return elements.enumerated().compactMap { index, element in
                guard let members = element.members else { return nil }
                var draft = draftFromRecord(members)
                draft.recordIndex = index
                return draft
            }
        case .object(let members):
            if let wrapped = wrappedRecords(members) { return records(in: .array(wrapped)) }
            return [draftFromRecord(members)]
        default:
            return []
        }
    }

    /// `{"status": "ok", "articles": [...]}` and `{"data": {"items": [...]}}`.
    private static func wrappedRecords(_ members: [JSONMember]) -> [JSONValue]? {
        let hasOwnText = lookup(members, bodyKeys) != nil || lookup(members, titleKeys) != nil
        for member in members where containerKeys.contains(normalizedKey(member.key)) {
            if let elements = member.value.elements, elements.contains(where: { $0.members != nil }) { return elements }
            if let inner = member.value.members, !hasOwnText, let nested = wrappedRecords(inner) { return nested }
        }
        return nil
    }

    // MARK: - Field names

    static let titleKeys = ["title", "headline", "heading", "subject", "name"]
    static let bodyKeys = ["body", "content", "text", "article", "articlebody", "fulltext", "maintext", "story", "contentrendered", "bodytext", "articletext"]
    static let summaryKeys = ["description", "summary", "abstract", "excerpt", "lead", "teaser"]
    static let urlKeys = ["url", "link", "href", "canonicalurl", "permalink", "sourceurl", "articleurl", "uri"]
    static let publishedKeys = ["published", "publishedat", "publishdate", "publicationdate", "pubdate", "datepublished", "date", "dateextracted", "datetime", "time", "created", "createdat", "timestamp", "dategmt", "updated", "updatedat", "datemodified"]
    static let sourceKeys = ["source", "agency", "sourcename", "newsagency"]
    static let siteKeys = ["site", "sitename", "publisher", "newspaper", "outlet", "domain", "website"]
    static let authorKeys = ["author", "authors", "byline", "writer", "creator", "by", "journalist"]

    static func draftFromRecord(_ members: [JSONMember]) -> ArticleDraft {
        var draft = ArticleDraft()
        draft.title = lookup(members, titleKeys).flatMap(textValue).map(stripMarkup)
        if let body = lookup(members, bodyKeys).flatMap(textValue) ?? lookup(members, summaryKeys).flatMap(textValue) {
            draft.paragraphs = HTMLArticleExtractor.looksLikeMarkupFragment(body)
                ? HTMLArticleExtractor.fragmentParagraphs(body)
                : body.scalarWords(separatedBy: { $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" })
                    .map { XMLEntities.decode($0).trimmingWhitespace() }
                    .filter { !$0.isEmpty }
        }
        draft.url = lookup(members, urlKeys).flatMap(textValue)
        if let published = lookup(members, publishedKeys) {
            switch published {
            case .number(let digits): draft.published = DateParsing.normalize(digits)
            default: draft.published = textValue(published).flatMap(DateParsing.normalize)
            }
        }
        draft.source = lookup(members, sourceKeys).flatMap(textValue)
        draft.siteName = lookup(members, siteKeys).flatMap(textValue)
        draft.author = lookup(members, authorKeys).flatMap(textValue)
        if draft.title == nil, let url = draft.url {
            draft.title = titleFromAddress(url)
        }
        return draft
    }

    /// A record without a title still names its article in its address:
    /// `/node/620227/كيف-تسعف-طفلاً-بعد-انسداد.html` → "كيف تسعف طفلاً بعد انسداد".
    /// The path segment with the most words is the slug.
    static func titleFromAddress(_ address: String) -> String? {
        let path = address.scalarWords(separatedBy: { $0 == "?" || $0 == "#" }).first ?? address
        var best: [String] = []
        for segment in path.scalarWords(separatedBy: { $0 == "/" }).dropFirst() {
            var slug = percentDecoded(segment)
            for suffix in [".html", ".htm", ".php", ".aspx", ".asp"] where slug.lowercased().hasSuffix(suffix) {
                slug = String(String.UnicodeScalarView(slug.unicodeScalars.dropLast(suffix.unicodeScalars.count)))
            }
            let words = slug.scalarWords(separatedBy: { $0 == "-" || $0 == "_" || $0 == "+" || $0.properties.isWhitespace })
                .filter { word in word.unicodeScalars.contains { $0.properties.isAlphabetic } }
            if words.count > best.count { best = words }
        }
        guard best.count >= 3 else { return nil }
        return best.joined(separator: " ")
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.unicodeScalars.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    private static func lookup(_ members: [JSONMember], _ keys: [String]) -> JSONValue? {
        let memberKeys = members.map { normalizedKey($0.key) }
        for key in keys {
            for (member, memberKey) in zip(members, memberKeys) where memberKey == key {
                if case .null = member.value { continue }
                if let text = textValue(member.value), text.trimmingWhitespace().isEmpty { continue }
                return member.value
            }
        }
        return nil
    }

    /// `date_extracted`, `dateExtracted` and `Date-Extracted` are one key.
    static func normalizedKey(_ key: String) -> String {
        String(String.UnicodeScalarView(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " && $0 != "@" }))
    }

    /// Strings as they are; `{"name": …}` / `{"rendered": …}` objects by their
    /// text; lists of authors joined.
    static func textValue(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let digits): return digits
        case .object(let members):
            for key in ["rendered", "name", "text", "value", "#text", "title", "displayname", "url", "href"] {
                if let member = members.first(where: { normalizedKey($0.key) == key }), let text = textValue(member.value) {
                    return text
                }
            }
            return nil
        case .array(let elements):
            let texts = elements.compactMap(textValue).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            return texts.isEmpty ? nil : texts.joined(separator: "، ")
        default:
            return nil
        }
    }

    private static func stripMarkup(_ title: String) -> String {
        HTMLArticleExtractor.looksLikeMarkupFragment(title)
            ? HTMLArticleExtractor.fragmentParagraphs(title).joined(separator: " ")
            : XMLEntities.decode(title)
    }

    static func failure(_ error: JSONParseError, recordsBefore: Int) -> ReadingError {
        if error.truncated {
            return ReadingError(.malformed, "the JSON is truncated at byte \(error.offset) before a single complete record")
        }
        return ReadingError(.malformed, "the JSON is damaged at byte \(error.offset): \(error.problem)")
    }
}
