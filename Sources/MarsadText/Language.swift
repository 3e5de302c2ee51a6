/// The language recorded per article.
public enum Language: String, Sendable, Codable, Hashable {
    case arabic = "ar"
    case english = "en"
    case other = "und"
}

/// Tells Arabic, English and other languages apart, on short and mixed texts.
///
/// Words are counted per script, skipping URLs and e-mail addresses, which
/// are Latin even in Arabic pages; each function word (في، من، قال / the, of,
/// said) counts again, so that names and acronyms in another script do not
/// outvote the prose around them. The script with the higher score wins (a tie
/// goes to Arabic); a text with no letters is `other`. Within a script, common
/// function words decide the language: Arabic-script text whose Persian or
/// Urdu words or letters (پ چ ژ گ, "است", "این") outweigh Arabic ones is
/// `other`, and Latin-script text is English unless French, Spanish, German,
/// Italian or Portuguese function words outnumber English ones. A short
/// Latin text with no function words at all (a name, a headline) counts as English.
public enum LanguageIdentifier {
    public static func identify(_ text: String) -> Language {
        var counts = ScriptCounts()
        var word = String.UnicodeScalarView()
        var wordIsLink = false
        func finishWord() {
            if !word.isEmpty, !wordIsLink { counts.add(word: word) }
            word = String.UnicodeScalarView()
            wordIsLink = false
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || isWordPunctuation(scalar) {
                finishWord()
            } else {
                if scalar == "@" || scalar == "/" { wordIsLink = true }
                if scalar.properties.isAlphabetic || scalar == "." { word.append(scalar) }
            }
        }
        finishWord()
        return counts.decide()
    }

    static func isWordPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", "!", "?", "(", ")", "[", "]", "«", "»", "\"", "“", "”", "،", "؛", "؟", "'", "’", "-", "–",
            "—":
            return true
        default:
            return false
        }
    }

    struct ScriptCounts {
        var arabicLetters = 0
        var latinLetters = 0
        var otherLetters = 0
        var arabicWordCount = 0
        var latinWordCount = 0
        var otherWordCount = 0
        var persianEvidence = 0
        var arabicEvidence = 0
        var englishWords = 0
        var otherLatinWords = 0

        mutating func add(word raw: String.UnicodeScalarView) {
            if raw.contains(where: { $0 == "." }) {
                // "www.example.com" is a link; "U.S." an English word.
                let parts = raw.split(separator: ".")
                if parts.count >= 2, parts.contains(where: { $0.count > 2 }) { return }
            }
            let letters = raw.filter { $0 != "." }
            var arabic = 0
            var latin = 0
            for scalar in letters {
                switch scalar.value {
                case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                    arabic += 1
                    if Self.persianLetters.contains(scalar.value) { persianEvidence += 1 }
                case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F:
                    latin += 1
                default:
                    otherLetters += 1
                }
            }
            arabicLetters += arabic
            latinLetters += latin
            if arabic >= latin && arabic > 0 {
                arabicWordCount += 1
            } else if latin > 0 {
                latinWordCount += 1
            } else if !letters.isEmpty {
                otherWordCount += 1
            }
            let word = String(String.UnicodeScalarView(letters))
            if arabic > 0 {
                let key = TextNormalizer.matchKey(word)
                if Self.persianWords.contains(word) { persianEvidence += 2 }
                if Self.arabicWords.contains(key) { arabicEvidence += 2 }
            } else if latin > 0 {
                let lowered = word.lowercased()
                if Self.englishWords.contains(lowered) { englishWords += 1 }
                if Self.otherLatinWords.contains(lowered) { otherLatinWords += 1 }
                if letters.contains(where: { (0xC0...0x24F).contains($0.value) && $0.value != 0xD7 && $0.value != 0xF7 }) {
                    otherLatinWords += 1
                }
            }
        }

        /// Words of each script, plus their function words counted again: names
        /// and acronyms in another script do not outvote the prose around them.
        func decide() -> Language {
            if arabicLetters == 0 && latinLetters == 0 { return .other }
            if otherLetters > arabicLetters + latinLetters { return .other }
            let arabicScore = arabicWordCount + arabicEvidence
            let latinScore = latinWordCount + 2 * (englishWords + otherLatinWords)
            if otherWordCount > arabicScore + latinScore { return .other }
            if arabicScore >= latinScore {
                return persianEvidence > arabicEvidence + 2 ? .other : .arabic
            }
            return otherLatinWords > englishWords ? .other : .english
        }

        /// Letters of Persian and Urdu that Arabic does not use (ک and ی are
        /// left out: they turn up in Arabic typed on Persian keyboards).
        static let persianLetters: Set<UInt32> = [0x067E, 0x0686, 0x0698, 0x06AF, 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2]
        static let persianWords: Set<String> = [
            "است", "این", "را", "که", "می", "شد", "برای", "با", "آن", "هم", "شده", "کرد", "های", "ها", "ہے", "کے", "میں",
            "اور", "کی", "نے", "کا", "سے",
        ]
        /// Match keys of frequent Arabic function words.
        static let arabicWords: Set<String> = [
            "في", "من", "علي", "الي", "ان", "عن", "مع", "التي", "الذي", "هذا", "هذه", "كان", "قد", "لا", "ما", "او",
            "و", "بين", "بعد", "قال", "كما", "حيث", "ذلك", "وقال", "واضاف", "اليوم",
        ]
        static let englishWords: Set<String> = [
            "the", "of", "and", "to", "in", "is", "for", "on", "that", "with", "by", "was", "said", "as", "at", "from",
            "it", "he", "she", "his", "her", "are", "were", "has", "have", "be", "this", "an", "a", "will", "not",
            "but", "or", "its", "they", "their", "who", "which", "after", "over", "new",
        ]
        static let otherLatinWords: Set<String> = [
            "le", "la", "les", "des", "du", "et", "est", "une", "un", "dans", "pour", "sur", "au", "aux", "qui", "que",
            "el", "los", "las", "y", "del", "por", "con", "una", "es", "para", "der", "die", "das", "und", "ist",
            "nicht", "mit", "ein", "eine", "den", "zu", "von", "il", "di", "che", "della", "per", "sono", "não", "uma",
            "com", "os", "em", "ao", "da", "do", "de",
        ]
    }
}
