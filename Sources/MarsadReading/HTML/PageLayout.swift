/// A page's elements in document order with what the extractor needs to
/// know about each, measured in one pass over the tree: how much text lies
/// below it, how much of that is link text, how much sits in `<p>`, and
/// its place in the tree. Every later question (link density, prose share,
/// is this inside that) is then a look-up instead of a walk, which keeps
/// reading a page linear in its size.
struct PageLayout {
    /// Elements in document (pre-)order; `elements[i].index == i`.
    var elements: [HTMLElement] = []
    var parent: [Int] = []
    /// Index of the last element below `elements[i]`: its subtree is `i...end[i]`.
    var end: [Int] = []
    /// Visible text below, in weighted letters (see `weight`).
    var textLength: [Int] = []
    /// Of which inside links.
    var linkLength: [Int] = []
    /// Of which inside `<p>`.
    var paragraphLength: [Int] = []

    static let invisibleNames: Set<String> = ["script", "style", "noscript", "template", "head", "title", "meta", "link", "rt", "rp"]

    init(_ root: HTMLElement) {
        measure(root, parentIndex: -1, inLink: false, inParagraph: false)
    }

    /// A text's length as a reader feels it: scripts written without spaces
    /// between words (Chinese, Japanese, Korean, Thai) pack a word into a
    /// letter or two, so their letters count three times.
    static func weight(_ text: String) -> Int {
        // Over the UTF-8 bytes, decoding only multibyte characters: this runs
        // over every line of every page, and most of a page's text is ASCII.
        var text = text
        return text.withUTF8 { bytes in
            var total = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead > 0x20 { total += 1 }
                    index += 1
                    continue
                }
                let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                var value = UInt32(lead) & (width == 4 ? 0x07 : width == 3 ? 0x0F : 0x1F)
                var next = index + 1
                while next < min(count, index + width) {
                    value = value << 6 | UInt32(bytes[next] & 0x3F)
                    next += 1
                }
                index += width
                if value == 0xA0 || value == 0x200B || value == 0x3000 { continue }
                if (0x0E00...0x0E7F).contains(value) || (0x3040...0x30FF).contains(value) || (0x3400...0x9FFF).contains(value)
                    || (0xAC00...0xD7AF).contains(value) {
                    total += 3
                } else {
                    total += 1
                }
            }
            return total
        }
    }

    @discardableResult
    private mutating func measure(_ element: HTMLElement, parentIndex: Int, inLink: Bool, inParagraph: Bool) -> (text: Int, link: Int, paragraph: Int) {
        let index = elements.count
        element.index = index
        elements.append(element)
        parent.append(parentIndex)
        end.append(index)
        textLength.append(0)
        linkLength.append(0)
        paragraphLength.append(0)
        var text = 0, link = 0, paragraph = 0
        if !Self.invisibleNames.contains(element.name) {
            let linked = inLink || element.name == "a"
            let inP = inParagraph || element.name == "p"
            for child in element.children {
                switch child {
                case .text(let value):
                    let length = Self.weight(value)
                    text += length
                    if linked { link += length }
                    if inP { paragraph += length }
                case .element(let inner):
                    let sums = measure(inner, parentIndex: index, inLink: linked, inParagraph: inP)
                    text += sums.text
                    link += sums.link
                    paragraph += sums.paragraph
                }
            }
        } else {
            for child in element.children {
                if case .element(let inner) = child { measure(inner, parentIndex: index, inLink: inLink, inParagraph: inParagraph) }
            }
        }
        end[index] = elements.count - 1
        textLength[index] = text
        linkLength[index] = link
        paragraphLength[index] = paragraph
        return (text, link, paragraph)
    }

    func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : min(1, Double(linkLength[index]) / Double(textLength[index]))
    }

    func contains(_ ancestor: Int, _ index: Int) -> Bool {
        index >= ancestor && index <= end[ancestor]
    }
}

/// A run of text a reader sees as one unit: a paragraph, heading, list
/// item or cell, split at block elements and line breaks, with how much of
/// it is link text and which element holds it.
struct PageBlock {
    enum Kind { case paragraph, heading, item }
    var text: String
    var kind: Kind
    /// Index in `PageLayout.elements` of the element whose children make the block.
    var owner: Int
    var length: Int
    var linked: Int
    /// Of which set in emphasis (`<em>`, `<i>`, `<strong>`, `<b>`).
    var emphasized = 0

    var linkDensity: Double { length == 0 ? 0 : min(1, Double(linked) / Double(length)) }

    /// Ends like a sentence: a stop, question or exclamation mark, after any closing quote.
    var endsSentence: Bool { Self.endsSentence(text) }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !"\"'”’»)]".unicodeScalars.contains($0) && !ScalarTable.isWhitespace($0) }) else { return false }
        return ".!?\u{061F}\u{3002}\u{FF01}\u{FF1F}\u{0964}\u{2026}".unicodeScalars.contains(last)
    }

    /// Ends a sentence or holds one: prose, not a label.
    var hasSentencePunctuation: Bool {
        text.unicodeScalars.contains { ".!?\u{061F}\u{060C},;:\u{3002}\u{FF0C}\u{FF01}\u{FF1F}\u{0964}".unicodeScalars.contains($0) }
    }
}

extension PageLayout {
    static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The blocks below `root` in document order, leaving out the
    /// elements `isDropped` rejects (and everything below them).
    func blocks(under root: Int, isDropped: (Int) -> Bool) -> [PageBlock] {
        var blocks: [PageBlock] = []
        collect(root, isDropped: isDropped, into: &blocks)
        return blocks
    }

    private struct Run {
        var pieces: [String] = []
        var linked = 0
        var emphasized = 0
    }

    private func collect(_ index: Int, isDropped: (Int) -> Bool, into blocks: inout [PageBlock]) {
        let element = elements[index]
        let kind: PageBlock.Kind = Self.headingNames.contains(element.name) ? .heading : (element.name == "li" || element.name == "dd" || element.name == "dt") ? .item : .paragraph
        var run = Run()
        func flush() {
            defer { run = Run() }
            guard !run.pieces.isEmpty else { return }
            let joined = run.pieces.joined()
            let lines = joined.scalarWords(separatedBy: { $0 == "\n" })
            // Measured once, not once per line: a run of many <br> lines stays linear.
            let joinedWeight = lines.count == 1 ? 0 : max(1, Self.weight(joined))
            for line in lines {
                let text = line.collapsingWhitespace()
                guard !text.isEmpty else { continue }
                let decoded = XMLEntities.decode(text)
                let length = Self.weight(decoded)
                // Link text is shared out over the lines of a run in proportion.
                let linked = lines.count == 1 ? run.linked : min(length, run.linked * length / joinedWeight)
                let emphasized = lines.count == 1 ? run.emphasized : min(length, run.emphasized * length / joinedWeight)
                blocks.append(PageBlock(
                    text: decoded, kind: kind, owner: index, length: length, linked: min(linked, length), emphasized: min(emphasized, length)
                ))
            }
        }
        for child in element.children {
            switch child {
            case .text(let text):
                run.pieces.append(text)
            case .element(let inner):
                if isDropped(inner.index) || Self.invisibleNames.contains(inner.name) { continue }
                if inner.name == "br" {
                    run.pieces.append("\n")
                } else if HTMLElement.blockNames.contains(inner.name) {
                    flush()
                    collect(inner.index, isDropped: isDropped, into: &blocks)
                } else {
                    appendInline(inner, isDropped: isDropped, inLink: false, inEmphasis: false, into: &run)
                }
            }
        }
        flush()
    }

    static let emphasisNames: Set<String> = ["em", "i", "strong", "b"]

    private func appendInline(_ element: HTMLElement, isDropped: (Int) -> Bool, inLink: Bool, inEmphasis: Bool, into run: inout Run) {
        let linked = inLink || element.name == "a"
        let emphasized = inEmphasis || Self.emphasisNames.contains(element.name)
        for child in element.children {
            switch child {
            case .text(let text):
                run.pieces.append(text)
                if linked || emphasized {
                    let length = Self.weight(text)
                    if linked { run.linked += length }
                    if emphasized { run.emphasized += length }
                }
            case .element(let inner):
                if isDropped(inner.index) || Self.invisibleNames.contains(inner.name) { continue }
                if inner.name == "br" {
                    run.pieces.append("\n")
                } else {
                    appendInline(inner, isDropped: isDropped, inLink: linked, inEmphasis: emphasized, into: &run)
                }
            }
        }
    }
}
