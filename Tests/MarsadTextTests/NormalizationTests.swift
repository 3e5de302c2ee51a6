import Foundation
import Testing

@testable import MarsadText

private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

@Suite("Display form rules")
struct DisplayFormTests {
    @Test("NFC: a decomposed hamza and misordered marks are composed and ordered")
    func canonicalComposition() {
        // ا + hamza above + shadda + fatha → أ + fatha + shadda (canonical order).
        let display = TextNormalizer.displayForm("\u{0627}\u{0654}\u{0651}\u{064E}")
        #expect(scalars(display) == [0x0623, 0x064E, 0x0651])
        // Marks on either side of a removed tatweel are ordered too.
        #expect(scalars(TextNormalizer.displayForm("\u{0628}\u{0651}\u{0640}\u{064E}")) == [0x0628, 0x064E, 0x0651])
        // Latin e + combining acute → é.
        #expect(scalars(TextNormalizer.displayForm("caf\u{0065}\u{0301}")) == scalars("café"))
        // A singleton: KELVIN SIGN → K.
        #expect(TextNormalizer.displayForm("5 \u{212A}") == "5 K")
    }

    @Test("Presentation forms become base letters, ligatures their letters")
    func presentationForms() {
        // ﻣﺤﻤﺪ written with initial/medial/final forms.
        #expect(TextNormalizer.displayForm("\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}") == "محمد")
        #expect(TextNormalizer.displayForm("\u{FEFB}") == "لا")
        #expect(TextNormalizer.displayForm("\u{FDF2}") == "الله")
        #expect(TextNormalizer.displayForm("\u{FDFA}") == "صلى الله عليه وسلم")
        // ﷼ decomposes with a Persian yeh, which the look-alike rule then fixes.
        #expect(TextNormalizer.displayForm("\u{FDFC}") == "ريال")
        // Isolated fathatan is the mark itself, kept on the preceding letter.
        #expect(scalars(TextNormalizer.displayForm("\u{0627}\u{FE70}")) == [0x0627, 0x064B])
        // ﺁ (alef madda isolated) → آ.
        #expect(TextNormalizer.displayForm("\u{FE81}") == "\u{0622}")
        // A form with no decomposition stays (ornate parenthesis).
        #expect(TextNormalizer.displayForm("\u{FD3E}") == "\u{FD3E}")
    }

    @Test("The presentation table covers every decomposable scalar of both blocks")
    func presentationTableIsGenerated() {
        // 0xFB50–0xFDFF and 0xFE70–0xFEFE hold several hundred decomposable forms.
        #expect(PresentationForms.baseLetters.count > 700)
        for (value, base) in PresentationForms.baseLetters {
            #expect(!base.contains { (0xFB50...0xFEFF).contains($0.value) }, "U+\(String(value, radix: 16))")
        }
    }

    @Test("Tatweel, zero-width characters, bidi controls and soft hyphen are removed")
    func invisibleCharacters() {
        #expect(TextNormalizer.displayForm("الســـــلام") == "السلام")
        #expect(TextNormalizer.displayForm("\u{200F}مرحبا\u{200E} \u{202B}x\u{202C}\u{2067}y\u{2069}") == "مرحبا xy")
        #expect(TextNormalizer.displayForm("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f\u{00AD}g") == "abcdefg")
        #expect(TextNormalizer.displayForm("\u{061C}عربي") == "عربي")
        #expect(TextNormalizer.displayForm("a\u{0000}b\u{0007}c\u{007F}d\u{0090}") == "abcd")
    }

    @Test("Whitespace: runs collapse, CR and CRLF become newlines, lines are trimmed")
    func whitespace() {
        #expect(TextNormalizer.displayForm("  a \t\u{00A0} b\u{2009}c  ") == "a b c")
        #expect(TextNormalizer.displayForm("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour")
        #expect(TextNormalizer.displayForm("para one  \n\n  para two") == "para one\n\npara two")
        #expect(TextNormalizer.displayForm("a\u{2028}b\u{2029}c\u{0085}d") == "a\nb\nc\nd")
        #expect(TextNormalizer.displayForm("\r\n\r\n") == "\n\n")
    }

    @Test("Persian and Urdu look-alikes become Arabic letters")
    func persianLookalikes() {
        #expect(TextNormalizer.displayForm("کتاب") == "كتاب")
        #expect(TextNormalizer.displayForm("علی") == "علي")
        #expect(TextNormalizer.displayForm("\u{06C1}\u{06D5}\u{06BE}") == "ههه")
        #expect(scalars(TextNormalizer.displayForm("\u{06C0}")) == [0x0647, 0x0654])
        #expect(TextNormalizer.displayForm("مدرس\u{06C3}") == "مدرسة")
    }

    @Test("Diacritics are kept in the display form")
    func diacriticsKept() {
        let vocalized = "مُحَمَّدٌ"
        #expect(TextNormalizer.displayForm(vocalized) == vocalized)
        #expect(scalars(TextNormalizer.displayForm(vocalized)) == scalars(vocalized))
    }
}

@Suite("Match key rules")
struct MatchKeyTests {
    @Test("Diacritics are removed")
    func diacritics() {
        #expect(TextNormalizer.matchKey("مُحَمَّدٌ") == "محمد")
        #expect(TextNormalizer.matchKey("الرَّحْمٰنِ") == "الرحمن")
        #expect(TextNormalizer.matchKey("صلى الله عليه وسلم\u{0610}") == "صلي الله عليه وسلم")
    }

    @Test("أ إ آ ٱ become ا")
    func alef() {
        #expect(TextNormalizer.matchKey("أحمد إبراهيم آمال ٱلله") == "احمد ابراهيم امال الله")
        // Decomposed alef with hamza gives the same key.
        #expect(TextNormalizer.matchKey("\u{0627}\u{0654}حمد") == "احمد")
    }

    @Test("ى becomes ي")
    func alefMaqsura() { #expect(TextNormalizer.matchKey("مصطفى على") == "مصطفي علي") }

    @Test("ة becomes ه")
    func tehMarbuta() { #expect(TextNormalizer.matchKey("المملكة العربية") == "المملكه العربيه") }

    @Test("ؤ becomes و")
    func wawHamza() { #expect(TextNormalizer.matchKey("مؤتمر") == "موتمر") }

    @Test("ئ becomes ي")
    func yehHamza() {
        #expect(TextNormalizer.matchKey("رئيس") == "رييس")
        #expect(TextNormalizer.matchKey("\u{064A}\u{0654}") == "ي")
        #expect(TextNormalizer.matchKey("\u{06D3}") == "\u{06D2}")
        #expect(TextNormalizer.matchKey("\u{06D2}\u{0654}") == "\u{06D2}")
    }

    @Test("Arabic-Indic and Persian digits become ASCII, with their separators")
    func digits() {
        #expect(TextNormalizer.matchKey("٢٠١٥") == "2015")
        #expect(TextNormalizer.matchKey("۱۳۹۴") == "1394")
        #expect(TextNormalizer.matchKey("٣٫٥٪ و١٬٠٠٠") == "3.5% و1,000")
    }

    @Test("Quotes are unified")
    func quotes() {
        #expect(TextNormalizer.matchKey("«داعش» “ISIS” „x‟ ″y″") == "\"داعش\" \"isis\" \"x\" \"y\"")
        #expect(TextNormalizer.matchKey("‘it’s’ ‹a› `b´") == "'it's' 'a' 'b'")
    }

    @Test("Dashes are unified")
    func dashes() {
        #expect(TextNormalizer.matchKey("2015–2016 — x ‐ y − z ―") == "2015-2016 - x - y - z -")
    }

    @Test("Latin letters are folded to lower case, also inside Arabic text")
    func caseFolding() {
        #expect(TextNormalizer.matchKey("Saudi ARAMCO تعلن") == "saudi aramco تعلن")
        #expect(TextNormalizer.matchKey("ÉCOLE Ωmega") == "école ωmega")
    }

    @Test("The match key includes the display rules")
    func includesDisplayRules() {
        #expect(TextNormalizer.matchKey("کتابـــی  \r\n  ﻻ") == "كتابي\nلا")
    }
}

@Suite("Normalization edge cases")
struct NormalizationEdgeCaseTests {
    @Test("Empty and invisible-only strings")
    func emptyAndInvisible() {
        #expect(TextNormalizer.displayForm("") == "")
        #expect(TextNormalizer.matchKey("") == "")
        #expect(TextNormalizer.matchKey("\u{200B}\u{200F}\u{0640}\u{0007}\u{FEFF}") == "")
        #expect(TextNormalizer.matchKey("   \t ") == "")
    }

    @Test("Lone combining marks")
    func loneMarks() {
        #expect(TextNormalizer.matchKey("\u{064E}") == "")
        #expect(scalars(TextNormalizer.displayForm("\u{064E}")) == [0x064E])
        #expect(scalars(TextNormalizer.displayForm("\u{0301}")) == [0x0301])
        #expect(TextNormalizer.matchKey("x \u{064B} y") == "x y")
    }

    @Test("Scalars beyond the BMP pass through")
    func supplementary() {
        #expect(TextNormalizer.matchKey("خبر 😀 𝐀") == "خبر 😀 𝐀")
        // Deseret capital letter long I has a lower-case form.
        #expect(TextNormalizer.matchKey("\u{10400}") == "\u{10428}")
    }

    @Test("A large string with replacements that grow the output")
    func largeString() {
        let unit = "\u{FDFA}ﻻ "
        let input = String(repeating: unit, count: 5_000)
        let key = TextNormalizer.matchKey(input)
        #expect(key.utf8.count > input.utf8.count * 4)
        #expect(key.hasPrefix("صلي الله عليه وسلملا صلي"))
        #expect(key == TextNormalizer.normalize(input, rules: NormalizationRule.matchKeyRules))
    }

    @Test("Both forms are idempotent and the key of the display is the key")
    func idempotence() {
        for sample in EquivalenceSamples.all {
            let display = TextNormalizer.displayForm(sample)
            let key = TextNormalizer.matchKey(sample)
            #expect(TextNormalizer.displayForm(display) == display)
            #expect(TextNormalizer.matchKey(key) == key)
            #expect(TextNormalizer.matchKey(display) == key)
        }
    }

    @Test("The fast forms agree with the rule-by-rule implementation")
    func fastPathMatchesReference() {
        for sample in EquivalenceSamples.all {
            #expect(
                scalars(TextNormalizer.displayForm(sample))
                    == scalars(TextNormalizer.normalize(sample, rules: NormalizationRule.displayRules)))
            #expect(
                scalars(TextNormalizer.matchKey(sample))
                    == scalars(TextNormalizer.normalize(sample, rules: NormalizationRule.matchKeyRules)))
        }
    }

    /// Marks out of canonical order are put in order by the one pass, composition
    /// left to the slow path: random runs of letters, marks of every class, tatweel,
    /// spaces and line breaks give the reference's text either way.
    @Test("Arabic marks out of order are ordered as composition orders them")
    func arabicMarksOutOfOrderAreOrdered() {
        let pieces: [String] = [
            "\u{0628}", "\u{0627}", "\u{0648}", "\u{064A}", "\u{0623}", "\u{0640}", " ", "\n", "a", "\u{064E}", "\u{064F}",
            "\u{0650}", "\u{0651}", "\u{0652}", "\u{064B}", "\u{0670}", "\u{0654}", "\u{0655}", "\u{0653}", "\u{0656}",
            "\u{06E1}", "\u{0301}",
        ]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3_000 {
            let sample = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(scalars(TextNormalizer.displayForm(sample)) == scalars(TextNormalizer.normalize(sample, rules: NormalizationRule.displayRules)), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // A shadda before its vowel needs no composing any more.
        #expect(TextNormalizer.displayFormWithoutComposing("محمد\u{0651}\u{064E} \u{0628}\u{0651}\u{0640}\u{064F}\u{0652}") == "محمد\u{064E}\u{0651} \u{0628}\u{064F}\u{0651}\u{0652}")
    }

    @Test("Rule lists parse by name")
    func parseRuleList() {
        #expect(NormalizationRule.parseList("diacritics, alef") == [.diacritics, .alefVariants])
        #expect(NormalizationRule.parseList("display") == NormalizationRule.displayRules)
        #expect(NormalizationRule.parseList("nonsense") == nil)
    }

    @Test("One rule alone changes only its scalars")
    func singleRule() {
        #expect(TextNormalizer.normalize("أَحْمَد  ة", rules: [.diacritics]) == "أحمد  ة")
        #expect(TextNormalizer.normalize("أَحْمَد  ة", rules: [.alefVariants]) == "اَحْمَد  ة")
    }

    @Test("The singleton scan over chosen blocks finds every BMP singleton")
    func singletonBlocksAreComplete() {
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let changes = !text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars)
            if changes { #expect(ScalarRules.mayChangeUnderNFC(scalar), "U+\(String(value, radix: 16))") }
        }
    }
}

@Suite("Forms of joined lines")
struct JoinedLinesTests {
    /// Where neither needs composing, the key of two display forms joined by a line break is
    /// their keys joined by one: readers work out the key of title and body from the two keys
    /// the pipeline needs anyway.
    @Test func keysOfDisplayFormsJoinAtALineBreak() {
        let samples = EquivalenceSamples.all.map(TextNormalizer.displayForm)
        var joinedPairs = 0
        for (first, second) in zip(samples, samples.dropFirst().reversed()) {
            guard let firstKey = TextNormalizer.matchKeyWithoutComposing(first),
                  let secondKey = TextNormalizer.matchKeyWithoutComposing(second)
            else { continue }
            joinedPairs += 1
            #expect(TextNormalizer.matchKey(first) == firstKey)
            #expect(TextNormalizer.matchKey(first + "\n" + second) == firstKey + "\n" + secondKey, "\(scalars(first)) \(scalars(second))")
        }
        #expect(joinedPairs > 100)
    }
}

/// Inputs mixing every class of scalar the rules touch, fixed and generated.
enum EquivalenceSamples {
    static let fixed: [String] = [
        "", " ", "\n", "\r\n\r", "ا", "\u{0654}", "ا\u{0654}\u{064B}", "و\u{0654}", "\u{FE8D}\u{0654}",
        "ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "قال: «لن نتراجع». وأضاف", "café CAFE\u{0301} \u{212B}", "e\u{200B}\u{0301}",
        "الرَّحْمَـٰنِ", "\u{FC5E}\u{FE70}x\u{FE71}", "ک ی ۀ ۂ ۓ ہ", "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹",
        "😀\u{1F3FD} 𝐀\u{10400}", "ǅ İstanbul ß", "\u{0009}x\u{000B}y\u{000C}z",
        "a  \u{064B}  b", "\u{064E}\u{0651}\u{064E}", "ﷺ ﷻ ﷽",
    ]

    static let pool: [Unicode.Scalar] = {
        var values: [UInt32] = [
            0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2009, 0x200B, 0x200F, 0x202B, 0x0640, 0x61, 0x41, 0x2E, 0x22, 0x27,
            0x0301, 0x0308, 0x212A, 0x2000, 0x0130, 0x00C9, 0xAB, 0xBB, 0x201C, 0x2019, 0x2013, 0x2014,
            0x06A9, 0x06CC, 0x06C0, 0x06D2, 0x06D5, 0x06C1, 0x1F600, 0x10400, 0x1161, 0x1100,
        ]
        values += Array(0x0621...0x064A) + Array(0x064B...0x0655) + [0x0670, 0x0671, 0x06D3]
        values += Array(0x0660...0x066C) + Array(0x06F0...0x06F9)
        values += [0xFE70, 0xFE71, 0xFE81, 0xFE8D, 0xFEFB, 0xFDF2, 0xFDFA, 0xFC5E, 0xFEE3, 0xFEA4]
        return values.compactMap(Unicode.Scalar.init)
    }()

    /// Deterministic pseudo-random strings (a linear congruential generator).
    static let generated: [String] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var samples: [String] = []
        for _ in 0..<400 {
            var text = String.UnicodeScalarView()
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 59)
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(pool[Int(state >> 33) % pool.count])
            }
            samples.append(String(text))
        }
        return samples
    }()

    static let all = fixed + generated
}
