import Foundation

/// One rule of the normalization table. The display form applies the display
/// rules; the match key applies every rule. Each rule is documented, with its
/// exact scalars, in the Normalization article of this module's documentation.
public enum NormalizationRule: String, CaseIterable, Sendable, Hashable, Codable {
    // Display form.
    /// Canonical composition (NFC) of the mapped text.
    case canonicalComposition = "nfc"
    /// Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) to their base letters.
    case presentationForms = "presentation-forms"
    /// Tatweel, zero-width characters, bidi controls, soft hyphen, other controls removed.
    case invisibleCharacters = "invisibles"
    /// Runs of spaces and tabs to one space, CR and CRLF to a newline, lines trimmed.
    case whitespace = "whitespace"
    /// Persian and Urdu letters that look like Arabic ones (ک ی ہ ە ھ ۃ) to the Arabic letters.
    case persianLookalikes = "lookalikes"

    // Match key.
    /// Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef, Quranic marks) removed.
    case diacritics = "diacritics"
    /// أ إ آ ٱ (and the wavy-hamza alefs) to ا.
    case alefVariants = "alef"
    /// ى to ي.
    case alefMaqsura = "alef-maqsura"
    /// ة to ه.
    case tehMarbuta = "teh-marbuta"
    /// ؤ to و.
    case wawHamza = "waw-hamza"
    /// ئ to ي (and ۓ to ے).
    case yehHamza = "yeh-hamza"
    /// Arabic-Indic and Persian digits to ASCII digits; Arabic decimal, thousands and percent signs to ASCII.
    case digits = "digits"
    /// All double quotes (« » “ ” „ ″ …) to `"`, all single quotes (‘ ’ ‚ ‹ › ` ´ …) to `'`.
    case quotes = "quotes"
    /// Hyphens, dashes and the minus sign to `-`.
    case dashes = "dashes"
    /// Letters to lower case (English and every other cased script).
    case caseFolding = "case"

    /// The rules that make the display form.
    public static let displayRules: Set<NormalizationRule> = [
        .canonicalComposition, .presentationForms, .invisibleCharacters, .whitespace, .persianLookalikes,
    ]

    /// The rules that make the match key: the display rules and the matching rules.
    public static let matchKeyRules: Set<NormalizationRule> = Set(allCases)

    /// Parses a comma-separated list of rule names (`"diacritics,alef"`); also accepts
    /// `display` and `match-key` for the two whole forms. Returns nil on an unknown name.
    public static func parseList(_ list: String) -> Set<NormalizationRule>? {
        var rules: Set<NormalizationRule> = []
        for name in list.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            switch trimmed {
            case "display": rules.formUnion(displayRules)
            case "match-key": rules.formUnion(matchKeyRules)
            default:
                guard let rule = NormalizationRule(rawValue: trimmed) else { return nil }
                rules.insert(rule)
            }
        }
        return rules
    }
}

/// What a display rule does with one scalar.
enum DisplayMapping: Equatable {
    case replace([Unicode.Scalar])
    case horizontalSpace
    case lineBreak
    case carriageReturn
}

/// The per-scalar content of the normalization table. Both the fast byte tables
/// and the reference implementation are derived from these two functions, so the
/// table is written down exactly once.
enum ScalarRules {
    /// The display rule that applies to a scalar, if any.
    static func displayRule(for scalar: Unicode.Scalar) -> (rule: NormalizationRule, mapping: DisplayMapping)? {
        let value = scalar.value
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return (.whitespace, .horizontalSpace)
        case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
            return (.whitespace, .lineBreak)
        case 0x0D:
            return (.whitespace, .carriageReturn)
        case 0x00...0x1F, 0x7F...0x9F:
            return (.invisibleCharacters, .replace([]))
        case 0x00AD, 0x061C, 0x0640, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F,
            0xFEFF:
            return (.invisibleCharacters, .replace([]))
        case 0x06A9, 0x06AA:
            return (.persianLookalikes, .replace(["\u{0643}"]))
        case 0x06CC:
            return (.persianLookalikes, .replace(["\u{064A}"]))
        case 0x06BE, 0x06C1, 0x06D5:
            return (.persianLookalikes, .replace(["\u{0647}"]))
        case 0x06C0, 0x06C2:
            return (.persianLookalikes, .replace(["\u{0647}", "\u{0654}"]))
        case 0x06C3:
            return (.persianLookalikes, .replace(["\u{0629}"]))
        case 0xFB50...0xFDFF, 0xFE70...0xFEFE:
            guard let base = PresentationForms.baseLetters[value] else { return nil }
            return (.presentationForms, .replace(base))
        default:
            return nil
        }
    }

    /// The matching rule that applies to a scalar of the display form, if any.
    static func keyRule(for scalar: Unicode.Scalar) -> (rule: NormalizationRule, replacement: [Unicode.Scalar])? {
        let value = scalar.value
        if isArabicDiacritic(value) { return (.diacritics, []) }
        switch value {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673:
            return (.alefVariants, ["\u{0627}"])
        case 0x0649:
            return (.alefMaqsura, ["\u{064A}"])
        case 0x0629:
            return (.tehMarbuta, ["\u{0647}"])
        case 0x0624:
            return (.wawHamza, ["\u{0648}"])
        case 0x0626:
            return (.yehHamza, ["\u{064A}"])
        case 0x06D3:
            return (.yehHamza, ["\u{06D2}"])
        case 0x0660...0x0669:
            return (.digits, [Unicode.Scalar(value - 0x0660 + 0x30)!])
        case 0x06F0...0x06F9:
            return (.digits, [Unicode.Scalar(value - 0x06F0 + 0x30)!])
        case 0x066A:
            return (.digits, ["%"])
        case 0x066B:
            return (.digits, ["."])
        case 0x066C:
            return (.digits, [","])
        case 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x301D, 0x301E, 0x301F, 0xFF02:
            return (.quotes, ["\""])
        case 0x60, 0xB4, 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x2039, 0x203A, 0xFF07:
            return (.quotes, ["'"])
        case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D:
            return (.dashes, ["-"])
        default:
            break
        }
        let properties = scalar.properties
        if properties.changesWhenLowercased {
            return (.caseFolding, Array(properties.lowercaseMapping.unicodeScalars))
        }
        return nil
    }

    /// Arabic combining marks that the match key drops: harakat and tanween,
    /// shadda, sukun, the hamza and madda marks, superscript alef, honorifics
    /// and Quranic annotation marks.
    static func isArabicDiacritic(_ value: UInt32) -> Bool {
        switch value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
            0x06EA...0x06ED, 0x08D3...0x08E1, 0x08E3...0x08FF:
            return true
        default:
            return false
        }
    }

    /// Letters that canonical composition may merge with a following hamza or
    /// madda mark (ا+ٓ → آ, و+ٔ → ؤ, ي+ٔ → ئ, ے+ٔ → ۓ); ە and ہ are already
    /// mapped to ه by the look-alike rule, which composes with nothing. Also the
    /// letters that hold such a mark already (آ أ ؤ إ ئ ۀ ۂ ۓ): a following one
    /// may take its place (آ+ٕ → إ+ٓ, as the marks are put in order first).
    static func composesWithHamzaMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0622...0x0627, 0x0648, 0x064A, 0x06C0, 0x06C2, 0x06D2, 0x06D3: true
        default: false
        }
    }

    /// Whether a scalar can make canonical composition change the text around
    /// it, other than the Arabic marks the engine checks itself: combining marks,
    /// singletons such as the Kelvin sign, and the few starters that compose
    /// with what precedes them (Hangul jamo, some Indic vowel signs).
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        if scalar.properties.canonicalCombiningClass.rawValue != 0 { return true }
        switch value {
        case 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0C56, 0x0CC2, 0x0CD5, 0x0CD6, 0x0D3E, 0x0D57, 0x0DCF,
            0x0DDF, 0x102E, 0x1161...0x1175, 0x11A8...0x11C2, 0x1B35:
            return true
        case 0x0300...0x03FF, 0x0900...0x0FFF, 0x1F00...0x1FFF, 0x2000...0x2FFF, 0xF900...0xFB4F,
            0x1D100...0x1D1FF, 0x2F800...0x2FAFF:
            return CompositionSingletons.set.contains(value)
        case 0x11000...0x11FFF:
            return true
        default:
            return false
        }
    }
}

/// Scalars in the blocks that hold them whose NFC is a different scalar
/// (U+212A KELVIN SIGN → K, U+2000 EN QUAD → U+2002, CJK compatibility
/// ideographs…). Computed once from Foundation's normalizer.
enum CompositionSingletons {
    static let blocks: [ClosedRange<UInt32>] = [
        0x0300...0x03FF, 0x0900...0x0FFF, 0x1F00...0x1FFF, 0x2000...0x2FFF, 0xF900...0xFB4F,
        0x1D100...0x1D1FF, 0x2F800...0x2FAFF,
    ]

    static let set: Set<UInt32> = {
        var found: Set<UInt32> = []
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(scalar)
                if !text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) {
                    found.insert(value)
                }
            }
        }
        return found
    }()
}

/// The presentation-form table, generated from Unicode's compatibility
/// decompositions (NFKC of each scalar) rather than written by hand. The
/// isolated forms of harakat decompose to a space and the mark; the space is
/// dropped so that the mark stays on its letter. The results pass through the
/// other display rules (the ligature ﷼ decomposes to ریال with a Persian yeh).
enum PresentationForms {
    static let baseLetters: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for range in [UInt32(0xFB50)...0xFDFF, UInt32(0xFE70)...0xFEFE] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else {
                    continue
                }
                var decomposed = Array(String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars)
                if decomposed == [scalar] { continue }
                if decomposed.count > 1, decomposed[0] == " ",
                    decomposed[1].properties.canonicalCombiningClass.rawValue != 0
                {
                    decomposed.removeFirst()
                }
                var mapped: [Unicode.Scalar] = []
                for part in decomposed {
                    if let (_, mapping) = ScalarRules.displayRule(for: part), case .replace(let replacement) = mapping {
                        mapped.append(contentsOf: replacement)
                    } else {
                        mapped.append(part)
                    }
                }
                table[value] = mapped
            }
        }
        return table
    }()
}
