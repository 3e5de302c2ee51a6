/// MarsadText owns the text primitives every other stage builds on: the two
/// normalized forms of Arabic and English text (display form and match key),
/// tokenization, sentence and paragraph splitting, and language identification.
/// Everything here is pure and works on Unicode scalars, never `Character`s.
public enum TextNormalizer {
    /// The form shown to readers: diacritics kept, presentation forms, tatweel,
    /// invisible controls and look-alike letters cleaned up.
    public static func displayForm(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0640, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                continue
            case 0x09, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                pendingSpace = true
                continue
            default:
                break
            }
            if pendingSpace {
                if !out.isEmpty, out.last != "\n" { out.append(" ") }
                pendingSpace = false
            }
            switch scalar.value {
            case 0x06A9: out.append("\u{0643}")
            case 0x06CC: out.append("\u{064A}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The key used for matching, search and deduplication.
    public static func matchKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in displayForm(text).unicodeScalars {
            switch scalar.value {
            case 0x064B...0x065F, 0x0670: continue
            case 0x0622, 0x0623, 0x0625, 0x0671: out.append("\u{0627}")
            case 0x0649: out.append("\u{064A}")
            case 0x0629: out.append("\u{0647}")
            case 0x0624: out.append("\u{0648}")
            case 0x0626: out.append("\u{064A}")
            case 0x0660...0x0669: out.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
