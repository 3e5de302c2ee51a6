/// Making article text safe to place in a digest. Everything that comes from
/// an article (titles, sources, summaries, file names, entity names) goes
/// through here: it may hold markup, Markdown syntax or bidi controls that
/// would reorder the page around it.
enum Escaping {
    /// Embedding, override and isolate controls (U+202A–U+202E,
    /// U+2066–U+2069): an article must not change the direction of what
    /// follows it. Other C0/C1 controls are dropped too; line breaks become spaces.
    static func neutralized(_ text: String) -> String {
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                continue
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029, 0x85:
                pendingSpace = true
                continue
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            default:
                break
            }
            if pendingSpace {
                if !out.isEmpty, out.last != " " { out.append(" ") }
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out).trimmingWhitespace()
    }

    /// Most strings need no change: no controls, no bidi formatting, no
    /// space at either end. Checked on UTF-8 bytes, without decoding.
    private static func isClean(_ text: String) -> Bool {
        // Lead bytes of every scalar that counts as whitespace: space, C2 (U+0085, U+00A0),
        // E1 (U+1680), E2 (U+2000–U+205F), E3 (U+3000).
        func mayBeWhitespace(_ lead: UInt8) -> Bool {
            lead == 0x20 || lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3
        }
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var firstLead: UInt8?
        var lastLead: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x80 || byte >= 0xC0 {
                if firstLead == nil { firstLead = byte }
                lastLead = byte
            }
            if byte < 0x20 || byte == 0x7F { return false }
            // U+0080–U+009F are C2 80–C2 9F; U+2028/9, U+202A–E, U+2066–9 are E2 80 A8–AE, E2 81 A6–A9; U+FEFF is EF BB BF.
            if previous == 0xC2 && byte <= 0x9F { return false }
            if beforePrevious == 0xE2 && previous == 0x80 && (0xA8...0xAE).contains(byte) { return false }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return false }
            if beforePrevious == 0xEF && previous == 0xBB && byte == 0xBF { return false }
            beforePrevious = previous
            previous = byte
        }
        guard let firstLead else { return true }
        return !mayBeWhitespace(firstLead) && !mayBeWhitespace(lastLead)
    }

    /// Text content and attribute values alike.
    static func html(_ text: String) -> String {
        let clean = neutralized(text)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(clean.utf8.count + 16)
        for byte in clean.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text for XML 1.0 (Atom feeds): escaped as for HTML, and without the
    /// two scalars XML forbids that `neutralized` keeps (U+FFFE, U+FFFF).
    static func xml(_ text: String) -> String {
        let escaped = html(text)
        guard escaped.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) else { return escaped }
        return String(String.UnicodeScalarView(escaped.unicodeScalars.filter { $0.value != 0xFFFE && $0.value != 0xFFFF }))
    }

    /// Article text as an isolated run, so a Latin title in Arabic prose (or
    /// the reverse) cannot pull neighbouring punctuation to its side.
    static func bdi(_ text: String) -> String {
        "<bdi>\(html(text))</bdi>"
    }

    /// Inline Markdown: every character CommonMark could read as syntax is
    /// backslash-escaped, and so is a line start that would open a list.
    static func markdown(_ text: String) -> String {
        let clean = neutralized(text)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(clean.utf8.count + 8)
        for byte in clean.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"),
                 UInt8(ascii: "~"), UInt8(ascii: "&"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            default:
                bytes.append(byte)
            }
        }
        escapeLineStart(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `1. `, `1) `, `- `, `+ `, `= `: harmless mid-line, a list or heading at a line's start.
    private static func escapeLineStart(_ bytes: inout [UInt8]) {
        guard let first = bytes.first else { return }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
            bytes.insert(UInt8(ascii: "\\"), at: 0)
            return
        }
        var index = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        if index > 0, index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") {
            bytes.insert(UInt8(ascii: "\\"), at: index)
        }
    }

    /// A code span that no backtick inside the text can close early.
    static func markdownCode(_ text: String) -> String {
        let clean = neutralized(text)
        var longestRun = 0
        var run = 0
        for scalar in clean.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = clean.hasPrefix("`") || clean.hasSuffix("`") ? " " : ""
        return fence + padding + clean + padding + fence
    }

    /// A link target for Markdown: only characters that cannot end the
    /// destination or break out of it are left as they are.
    static func markdownURL(_ url: String) -> String {
        var out = ""
        for byte in neutralized(url).utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~:/?#@!$&'*+,;=%".utf8.contains(byte):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Whether the first character with a strong direction is right-to-left;
    /// Markdown viewers pick a paragraph's direction from it.
    static func startsRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x200F:
                return true
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x200E:
                return false
            default:
                continue
            }
        }
        return true
    }

    /// A right-to-left mark before text that would otherwise make its line left-to-right.
    static func rightToLeftLine(_ text: String) -> String {
        startsRightToLeft(text) ? text : "\u{200F}" + text
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
