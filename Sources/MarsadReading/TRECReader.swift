/// Reads TREC-style collections (`<DOC><DOCNO>…<TITLE>…<TIME>…<TEXT>…</DOC>`),
/// the format of the ANT corpus: one article per `<DOC>`.
enum TRECReader {
    static func read(_ text: String) throws(ReadingError) -> [ArticleDraft] {
        let bytes = Array(text.utf8)
        var drafts: [ArticleDraft] = []
        var cursor = 0
        while let open = find(bytes[...], "<DOC>", from: cursor) {
            let contentStart = open + 5
            let close = find(bytes[...], "</DOC>", from: contentStart)
            let contentEnd = close ?? bytes.count
            let document = bytes[contentStart..<contentEnd]
            var draft = ArticleDraft()
            draft.title = field(document, "TITLE").map(singleLine)
            draft.url = field(document, "URL").map { $0.trimmingWhitespace() }
            draft.siteName = field(document, "SRC").map(singleLine)
            draft.author = field(document, "AUTHOR").map(singleLine)
            if let time = field(document, "TIME") { draft.published = DateParsing.normalize(time) }
            if draft.title?.trimmingWhitespace().isEmpty ?? true, let url = draft.url {
                draft.title = JSONRecordReader.titleFromAddress(url)
            }
            let body = field(document, "TEXT") ?? field(document, "ABSTRACT") ?? ""
            draft.paragraphs = paragraphs(body)
            if drafts.count > 0 || close != nil || !draft.paragraphs.isEmpty {
                draft.recordIndex = drafts.count
                drafts.append(draft)
            }
            cursor = close.map { $0 + 6 } ?? bytes.count
        }
        if drafts.isEmpty {
            throw ReadingError(.malformed, "the file looks like a TREC collection but holds no complete <DOC> element")
        }
        if drafts.count == 1 {
            drafts[0].recordIndex = nil
        }
        return drafts
    }

    /// Lines starting with white space continue the previous line (the
    /// corpus wraps long lines); other lines start a new paragraph.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.scalarWords(separatedBy: { $0 == "\n" || $0 == "\r" }) {
            let startsIndented = line.unicodeScalars.first.map { $0.properties.isWhitespace } ?? false
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            if startsIndented, let last = result.popLast() {
                result.append(last + " " + trimmed)
            } else {
                result.append(trimmed)
            }
        }
        return result
    }

    private static func singleLine(_ text: String) -> String {
        text.scalarWords(separatedBy: { $0.properties.isWhitespace }).joined(separator: " ")
    }

    private static func field(_ document: ArraySlice<UInt8>, _ name: String) -> String? {
        guard let open = find(document, "<\(name)>", from: document.startIndex) else { return nil }
        let start = open + name.utf8.count + 2
        let end = find(document, "</\(name)>", from: start) ?? document.endIndex
        let value = XMLEntities.decode(String(decoding: document[start..<end], as: UTF8.self))
        return value.trimmingWhitespace().isEmpty ? nil : value
    }

    private static func find(_ bytes: ArraySlice<UInt8>, _ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var index = max(start, bytes.startIndex)
        while index + pattern.count <= bytes.endIndex {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

/// The XML entities, numeric character references and the HTML entities
/// common in news text (quotes, dashes, guillemets, ellipsis).
enum XMLEntities {
    static func decode(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = text.scalarArray
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "&", let semicolon = scalars[index...].prefix(12).firstIndex(of: ";") else {
                out.append(scalar)
                index += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
            var replacement: Unicode.Scalar?
            switch name {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            case "nbsp": replacement = "\u{00A0}"
            case "laquo": replacement = "\u{00AB}"
            case "raquo": replacement = "\u{00BB}"
            case "hellip": replacement = "\u{2026}"
            case "ndash": replacement = "\u{2013}"
            case "mdash": replacement = "\u{2014}"
            case "lsquo": replacement = "\u{2018}"
            case "rsquo": replacement = "\u{2019}"
            case "ldquo": replacement = "\u{201C}"
            case "rdquo": replacement = "\u{201D}"
            case "bull": replacement = "\u{2022}"
            case "middot": replacement = "\u{00B7}"
            case "copy": replacement = "\u{00A9}"
            case "zwnj": replacement = "\u{200C}"
            case "zwj": replacement = "\u{200D}"
            case "lrm": replacement = "\u{200E}"
            case "rlm": replacement = "\u{200F}"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16) {
                    replacement = Unicode.Scalar(value)
                } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()) {
                    replacement = Unicode.Scalar(value)
                }
            }
            if let replacement {
                out.append(replacement)
                index = semicolon + 1
            } else {
                out.append(scalar)
                index += 1
            }
        }
        return String(out)
    }
}
