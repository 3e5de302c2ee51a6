import Foundation

/// MarsadText owns the text primitives every other stage builds on: the two
/// normalized forms of Arabic and English text (display form and match key),
/// match-key tokens aligned with the display form, sentence and paragraph
/// splitting, and language identification. Everything here is pure and works
/// on UTF-8 bytes or Unicode scalars, never `Character`s.
///
/// The rules of both forms are listed in the Normalization article; each is a
/// ``NormalizationRule``.
public enum TextNormalizer {
    /// The form shown to readers: NFC, presentation forms to base letters,
    /// tatweel and invisible controls removed, whitespace unified (newlines
    /// kept as paragraph structure), Persian look-alikes to Arabic letters;
    /// diacritics kept.
    public static func displayForm(_ text: String) -> String {
        let result = NormalizationEngine.run(text, table: .display)
        guard result.needsNFC else { return result.text }
        return result.text.precomposedStringWithCanonicalMapping
    }

    /// ``displayForm(_:)`` when the one pass gives it without canonical composition; nil for
    /// text whose display form needs composing (marks to reorder or to join their letter).
    public static func displayFormWithoutComposing(_ text: String) -> String? {
        let result = NormalizationEngine.run(text, table: .display)
        return result.needsNFC ? nil : result.text
    }

    /// The key used for matching, search and deduplication: the display form
    /// with diacritics removed, alef, alef maqsura, teh marbuta and hamza
    /// carriers unified, digits to ASCII, quotes and dashes unified, and
    /// letters in lower case. Mixed Arabic and English text is handled in one pass.
    public static func matchKey(_ text: String) -> String {
        let result = NormalizationEngine.run(text, table: .matchKey)
        guard result.needsNFC else { return result.text }
        // Combining marks outside Arabic, or singletons: compose first.
        return NormalizationEngine.run(displayForm(text), table: .matchKey).text
    }

    /// ``matchKey(_:)`` when the one pass gives it without canonical composition; nil for
    /// text whose key needs composing first.
    public static func matchKeyWithoutComposing(_ text: String) -> String? {
        let result = NormalizationEngine.run(text, table: .matchKey)
        return result.needsNFC ? nil : result.text
    }

    /// Calls `body` with the UTF-8 of ``matchKey(_:)`` of the text, without making a string of
    /// it, when the one pass gives it without canonical composition; nil, without calling
    /// `body`, for text whose key needs composing first.
    package static func withMatchKeyWithoutComposing<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        NormalizationEngine.withOutput(text, table: .matchKey) { bytes, needsNFC in needsNFC ? nil : body(bytes) }
    }

    /// Applies only the given rules, in the table's order: display mappings,
    /// canonical composition, matching mappings, then whitespace. A plain
    /// scalar-by-scalar implementation: slower than ``displayForm(_:)`` and
    /// ``matchKey(_:)``, which give the same results for
    /// ``NormalizationRule/displayRules`` and ``NormalizationRule/matchKeyRules``.
    /// Useful to compare one rule with another normalizer's.
    public static func normalize(_ text: String, rules: Set<NormalizationRule>) -> String {
        var mapped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let (rule, mapping) = ScalarRules.displayRule(for: scalar), rules.contains(rule),
                case .replace(let replacement) = mapping
            {
                mapped.append(contentsOf: replacement)
            } else {
                mapped.append(scalar)
            }
        }
        var composed = String(mapped)
        if rules.contains(.canonicalComposition) {
            composed = composed.precomposedStringWithCanonicalMapping
        }
        var keyed = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars {
            if let (rule, replacement) = ScalarRules.keyRule(for: scalar), rules.contains(rule) {
                keyed.append(contentsOf: replacement)
            } else {
                keyed.append(scalar)
            }
        }
        guard rules.contains(.whitespace) else { return String(keyed) }
        return String(unifyingWhitespace(keyed))
    }

    /// Runs of horizontal space become one space, CR and CRLF a newline, and
    /// lines lose their leading and trailing space.
    static func unifyingWhitespace(_ scalars: String.UnicodeScalarView) -> String.UnicodeScalarView {
        var out = String.UnicodeScalarView()
        var spacePending = false
        var atLineStart = true
        var previousWasCarriageReturn = false
        for scalar in scalars {
            let mapping = ScalarRules.displayRule(for: scalar).flatMap { $0.rule == .whitespace ? $0.mapping : nil }
            defer { previousWasCarriageReturn = mapping == .carriageReturn }
            switch mapping {
            case .horizontalSpace?:
                if !atLineStart { spacePending = true }
            case .lineBreak?, .carriageReturn?:
                if mapping == .lineBreak, scalar == "\n", previousWasCarriageReturn { continue }
                out.append("\n")
                spacePending = false
                atLineStart = true
            default:
                if spacePending { out.append(" ") }
                spacePending = false
                atLineStart = false
                out.append(scalar)
            }
        }
        return out
    }
}
