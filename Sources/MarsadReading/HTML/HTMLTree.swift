import CLibXML2

/// A parsed HTML element, copied out of libxml2's tree so that all analysis
/// is plain Swift and the C document is freed at once.
final class HTMLElement {
    let name: String
    /// Name and value pairs in the page's order. Elements have few, so a
    /// scan beats hashing; a name given twice keeps its first value, as in browsers.
    let attributes: [(name: String, value: String)]
    var children: [HTMLChild] = []
    /// Position in document order, set by `PageLayout`.
    var index = -1

    init(name: String, attributes: [(name: String, value: String)]) {
        self.name = name
        self.attributes = attributes
    }

    func attribute(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }

    /// Every element below this one, depth first, in document order.
    func descendants() -> [HTMLElement] {
        var result: [HTMLElement] = []
        var stack: [HTMLElement] = [self]
        while let element = stack.popLast() {
            if element !== self { result.append(element) }
            for child in element.children.reversed() {
                if case .element(let inner) = child { stack.append(inner) }
            }
        }
        return result
    }

    /// All text below, with white space runs collapsed to one space.
    var text: String {
        var pieces: [String] = []
        collectText(into: &pieces)
        return pieces.joined().collapsingWhitespace()
    }

    /// ``text`` when it is short: nil as soon as more than `limit` letters
    /// (white space not counted) turn up, so that looking for a short label
    /// such as a date or byline never copies out a whole page's text.
    func shortText(limit: Int) -> String? {
        var pieces: [String] = []
        var budget = limit
        guard collectText(into: &pieces, budget: &budget) else { return nil }
        return pieces.joined().collapsingWhitespace()
    }

    private func collectText(into pieces: inout [String], budget: inout Int) -> Bool {
        for child in children {
            switch child {
            case .text(let text):
                for scalar in text.unicodeScalars where !ScalarTable.isWhitespace(scalar) {
                    budget -= 1
                    if budget < 0 { return false }
                }
                pieces.append(text)
            case .element(let element):
                if element.name == "script" || element.name == "style" || element.name == "noscript" || element.name == "template" { continue }
                if HTMLElement.blockNames.contains(element.name) || element.name == "br" { pieces.append(" ") }
                if !element.collectText(into: &pieces, budget: &budget) { return false }
            }
        }
        return true
    }

    private func collectText(into pieces: inout [String]) {
        for child in children {
            switch child {
            case .text(let text): pieces.append(text)
            case .element(let element):
                if element.name == "script" || element.name == "style" || element.name == "noscript" || element.name == "template" { continue }
                if HTMLElement.blockNames.contains(element.name) || element.name == "br" { pieces.append(" ") }
                element.collectText(into: &pieces)
            }
        }
    }

    static let blockNames: Set<String> = [
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html", "center",
        "summary", "caption", "menu",
    ]
}

enum HTMLChild {
    case element(HTMLElement)
    case text(String)
}

/// libxml2's HTML parser, initialised once for the process so that parsing
/// is safe from several threads at the same time.
enum HTMLParser {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static let options: Int32 = {
        let flags = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | HTML_PARSE_COMPACT.rawValue
        return Int32(bitPattern: flags)
    }()

    /// The document's root element; the text is passed to libxml2 as UTF-8,
    /// and the page's own charset declaration is ignored since the text is
    /// already decoded.
    static func parse(_ text: String) -> HTMLElement? {
        _ = initialized
        let bytes = withoutScriptBodies(text)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var names = NameCache()
        return convert(root, names: &names)
    }

    /// The page's UTF-8 with the bodies of its scripts and style sheets left
    /// out, JSON-LD kept: two fifths of a saved page's bytes are code that
    /// nothing reads, and libxml2 steps through a script letter by letter.
    /// The tags stay, so the tree is the one libxml2 builds from the whole
    /// page: tags are read from their start to their end, a quote opening a
    /// value only right after its equals sign, so `<style>` inside an
    /// attribute value is no tag; a script ends at the first `</script` in
    /// any case, as libxml2 ends it when recovering; a tag inside a comment
    /// is no tag.
    static func withoutScriptBodies(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            let count = input.count
            var copiedUpTo = 0
            var index = 0
            @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(lower(byte)) }
            func names(_ name: StaticString, at position: Int) -> Bool {
                let length = name.utf8CodeUnitCount
                guard position + length <= count else { return false }
                for offset in 0..<length where lower(input[position + offset]) != name.utf8Start[offset] { return false }
                return true
            }
            func endsName(at position: Int) -> Bool {
                position < count && (input[position] == UInt8(ascii: ">") || input[position] == UInt8(ascii: "/") || isSpace(input[position]))
            }
            while index < count {
                guard input[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if names("<!--", at: index) {
                    index += 4
                    while index < count, !names("-->", at: index) { index += 1 }
                    index += 3
                    continue
                }
                guard index + 1 < count, isLetter(input[index + 1]) else {
                    index += 1
                    continue
                }
                let name: StaticString?
                let isScript = names("script", at: index + 1) && endsName(at: index + 7)
                if isScript {
                    name = "script"
                } else if names("style", at: index + 1) && endsName(at: index + 6) {
                    name = "style"
                } else {
                    name = nil
                }
                // The start tag ends at the first '>' outside a quoted value; a value is quoted
                // only when its quote follows the equals sign (and any spaces), as in `a="x>y"`.
                var tagEnd = index + 1
                var quote: UInt8?
                var afterEquals = false
                while tagEnd < count {
                    let byte = input[tagEnd]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: ">") {
                        break
                    } else if afterEquals && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
                        quote = byte
                        afterEquals = false
                    } else if byte == UInt8(ascii: "=") {
                        afterEquals = true
                    } else if !isSpace(byte) {
                        afterEquals = false
                    }
                    tagEnd += 1
                }
                guard tagEnd < count else { break }
                tagEnd += 1
                guard let name else {
                    index = tagEnd
                    continue
                }
                var closing = tagEnd
                while closing < count, !(input[closing] == UInt8(ascii: "<") && closing + 1 < count && input[closing + 1] == UInt8(ascii: "/")
                    && names(name, at: closing + 2)) {
                    closing += 1
                }
                if !(isScript && Self.mentionsLinkedData(input[index..<tagEnd])) {
                    output.append(contentsOf: input[copiedUpTo..<tagEnd])
                    copiedUpTo = closing
                }
                index = closing
            }
            output.append(contentsOf: input[copiedUpTo..<count])
            return output
        }
    }

    /// Whether an opening tag's bytes hold "ld+json" in any case.
    private static func mentionsLinkedData(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let needle = Array("ld+json".utf8)
        guard tag.count >= needle.count else { return false }
        var start = tag.startIndex
        while start + needle.count <= tag.endIndex {
            var matched = 0
            while matched < needle.count, tag[start + matched] | 0x20 == needle[matched] | 0x20 { matched += 1 }
            if matched == needle.count { return true }
            start += 1
        }
        return false
    }

    /// Element and attribute names as Swift strings, made once per name and
    /// page: libxml2 keeps each name once in its dictionary, so the pointer
    /// identifies it, and a page repeats a few dozen names thousands of times.
    private struct NameCache {
        var strings: [UnsafePointer<xmlChar>: String] = [:]

        mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
            guard let pointer else { return "" }
            if let known = strings[pointer] { return known }
            let name = String(cString: pointer).asciiLowercased()
            strings[pointer] = name
            return name
        }
    }

    private static func convert(_ node: xmlNodePtr, names: inout NameCache) -> HTMLElement {
        let element = HTMLElement(name: names.name(node.pointee.name), attributes: attributes(of: node, names: &names))
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(convert(current, names: &names)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    element.children.append(.text(String(cString: content)))
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return element
    }

    /// Past this many attributes, repeated names are found with a set.
    private static let attributesScannedForRepeats = 16

    private static func attributes(of node: xmlNodePtr, names: inout NameCache) -> [(name: String, value: String)] {
        var attribute = node.pointee.properties
        guard attribute != nil else { return [] }
        var result: [(name: String, value: String)] = []
        // Elements have a handful of attributes, which a scan checks for repeats
        // faster than hashing; a set takes over for a hostile element's thousands.
        var seen: Set<String>?
        while let current = attribute {
            let name = names.name(current.pointee.name)
            var value = ""
            var valueNode = current.pointee.children
            while let piece = valueNode {
                if let content = piece.pointee.content { value += String(cString: content) }
                valueNode = piece.pointee.next
            }
            let isRepeat: Bool
            if var set = seen {
                seen = nil
                isRepeat = !set.insert(name).inserted
                seen = set
            } else {
                isRepeat = result.contains { $0.name == name }
                if result.count >= attributesScannedForRepeats { seen = Set(result.map(\.name)).union([name]) }
            }
            if !isRepeat { result.append((name, value)) }
            attribute = current.pointee.next
        }
        return result
    }
}

extension String {
    /// White space runs collapsed to one space and trimmed at both ends, in
    /// one pass over the UTF-8 bytes: the text of every node goes through
    /// this. ASCII is judged byte by byte; only multibyte characters are
    /// decoded, to ask whether they are white space (NBSP, thin spaces).
    func collapsingWhitespace() -> String {
        var source = self
        return source.withUTF8 { input in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(input.count)
            var pendingSpace = false
            var index = 0
            let count = input.count
            while index < count {
                let lead = input[index]
                if lead < 0x80 {
                    index += 1
                    if lead == 0x20 || (0x09...0x0D).contains(lead) {
                        pendingSpace = !bytes.isEmpty
                        continue
                    }
                    if pendingSpace {
                        bytes.append(0x20)
                        pendingSpace = false
                    }
                    bytes.append(lead)
                    continue
                }
                let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                let end = min(count, index + width)
                var value = UInt32(lead) & (width == 4 ? 0x07 : width == 3 ? 0x0F : 0x1F)
                for next in (index + 1)..<end { value = value << 6 | UInt32(input[next] & 0x3F) }
                if let scalar = Unicode.Scalar(value), ScalarTable.isWhitespace(scalar) {
                    pendingSpace = !bytes.isEmpty
                    index = end
                    continue
                }
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(contentsOf: input[index..<end])
                index = end
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Whether the UTF-8 of `needle` occurs in this string's, byte by byte:
    /// for ASCII words in class names, where Foundation's locale-aware
    /// search dominated the page's reading time.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard !pin.isEmpty else { return true }
                guard hay.count >= pin.count else { return false }
                let first = pin[0]
                var index = 0
                let last = hay.count - pin.count
                while index <= last {
                    if hay[index] == first {
                        var matched = 1
                        while matched < pin.count, hay[index + matched] == pin[matched] { matched += 1 }
                        if matched == pin.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
