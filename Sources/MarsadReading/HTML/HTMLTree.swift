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
        let bytes = Array(text.utf8)
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
