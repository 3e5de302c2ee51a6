/// Recognises a document's format from its content; the file name only
/// breaks ties, since scrapers save HTML as .txt and JSON as .dat.
enum FormatDetector {
    private static let htmlOpeners = [
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article",
        "<main", "<section", "<header", "<nav", "<script", "<link", "<h1", "<h2", "<table", "<span", "<a ",
        "<!--", "<?xml", "<br", "<ul", "<img", "<style", "<form", "<iframe", "<strong", "<b>", "<figure",
    ]

    static func detect(_ text: String, fileName: String) -> DocumentFormat {
        let head = leadingASCIILowercased(text, limit: 4096)
        let trimmed = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if let first = trimmed.first {
            if first == UInt8(ascii: "[") && !isNamedAsJSON(fileName) && opensWithBracketedWords(text) { return .text }
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
            if first == UInt8(ascii: "<") {
                if contains(trimmed, "<doc>"), contains(trimmed, "<docno>") || contains(trimmed, "<text>") { return .trec }
                if htmlOpeners.contains(where: { trimmed.starts(with: Array($0.utf8)) }) { return .html }
            }
        }
        // Each test below looks for a tag: a head without "<" (a plain-text page) has none.
        guard head.contains(UInt8(ascii: "<")) else { return .text }
        let lowerName = fileName.lowercased()
        if contains(head, "<html") || contains(head, "<body") || contains(head, "<!doctype html") { return .html }
        if lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm") || lowerName.hasSuffix(".xhtml") {
            if contains(head, "<p") || contains(head, "<div") || contains(head, "<br") { return .html }
        }
        return .text
    }

    /// A file that failed as JSON right at its start, is not named as JSON,
    /// and reads as words is a text that happens to open with a bracket.
    static func mayBeTextStartingWithBracket(_ text: String, fileName: String, error: ReadingError) -> Bool {
        guard error.kind == .malformed, !error.message.contains("truncated") else { return false }
        return readsAsTextStartingWithBracket(text, fileName: fileName)
    }

    /// "[1]BBC News عربي / [2]أخبار [3]سياسة …" (a text browser's dump, which
    /// numbers its links in brackets) and "[arab-news] Subject" (a mailing
    /// list's archive, which tags each subject with the list's name): a text
    /// whose first line opens with a bracket, but not as JSON does. JSON's
    /// array holds a value after its "[": an object, an array, a string, a
    /// number or a literal, with white space before it at most. A word there,
    /// or a number closed at once and followed by more than white space, is no
    /// JSON: the file is text whatever its quotes say (a subject may quote).
    static func opensWithBracketedWords(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.drop { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
        guard scalars.first == "[" else { return false }
        scalars = scalars.dropFirst().drop { $0.properties.isWhitespace }
        guard let first = scalars.first else { return false }
        if first.properties.numericType == .decimal {
            let digits = scalars.prefix { $0.properties.numericType == .decimal }
            scalars = scalars.dropFirst(digits.count)
            guard scalars.first == "]" else { return false }
            return scalars.dropFirst().contains { !$0.properties.isWhitespace }
        }
        guard first.properties.isAlphabetic else { return false }
        let word = String(String.UnicodeScalarView(scalars.prefix { $0.properties.isAlphabetic }))
        return !["true", "false", "null"].contains(word)
    }

    static func isNamedAsJSON(_ fileName: String) -> Bool {
        let lowerName = fileName.lowercased()
        return lowerName.hasSuffix(".json") || lowerName.hasSuffix(".jsonl") || lowerName.hasSuffix(".ndjson")
    }

    /// Not named as JSON, and its first 200 scalars mostly letters with hardly a quote.
    private static func readsAsTextStartingWithBracket(_ text: String, fileName: String) -> Bool {
        if isNamedAsJSON(fileName) { return false }
        let head = text.unicodeScalars.prefix(200)
        let letters = head.filter { $0.properties.isAlphabetic }.count
        let quotes = head.filter { $0 == "\"" }.count
        return letters * 2 > head.count && quotes < 2
    }

    /// Whether raw bytes start like markup, so a declared charset is worth looking for.
    static func looksLikeMarkup(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(1024).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
        let trimmed = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        return trimmed.first == UInt8(ascii: "<") || contains(head[...], "<html") || contains(head[...], "<meta")
    }

    private static func leadingASCIILowercased(_ text: String, limit: Int) -> ArraySlice<UInt8> {
        var text = text
        // Written from the string's own bytes: the UTF-8 view's iterator and an append per
        // byte cost more than the tests that read the head.
        var bytes = text.withUTF8 { utf8 in
            let count = min(limit, utf8.count)
            return [UInt8](unsafeUninitializedCapacity: count) { head, initialized in
                for index in 0..<count {
                    let byte = utf8[index]
                    head[index] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                }
                initialized = count
            }
        }
        // A byte-order mark decoded into the text is not content.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes[...]
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, haystack.count >= pattern.count else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - pattern.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
