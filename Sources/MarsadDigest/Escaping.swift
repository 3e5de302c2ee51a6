/// Making article text safe to place in a digest. Everything that comes from
/// an article (titles, sources, summaries, file names, entity names) goes
/// through here: it may hold markup, Markdown syntax or bidi controls that
/// would reorder the page around it.
enum Escaping {
    /// Embedding, override and isolate controls (U+202A–U+202E,
    /// U+2066–U+2069): an article must not change the direction of what
    /// follows it. Other C0/C1 controls are dropped too; line breaks become spaces.
    static func neutralized(_ text: String) -> String {
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

    /// Text content and attribute values alike.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in neutralized(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
        var out = ""
        out.reserveCapacity(clean.utf8.count + 8)
        for scalar in clean.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return escapeLineStart(out)
    }

    /// `1. `, `1) `, `- `, `+ `, `= `: harmless mid-line, a list or heading at a line's start.
    private static func escapeLineStart(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return text }
        if first == "-" || first == "+" || first == "=" {
            return "\\" + text
        }
        var index = 0
        while index < scalars.count, (0x30...0x39).contains(scalars[index].value) { index += 1 }
        if index > 0, index < scalars.count, scalars[index] == "." || scalars[index] == ")" {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[0..<index])
            view.append("\\")
            view.append(contentsOf: scalars[index...])
            return String(view)
        }
        return text
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
