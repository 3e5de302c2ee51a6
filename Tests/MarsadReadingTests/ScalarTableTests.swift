import MarsadText
import Testing
@testable import MarsadReading

struct ScalarTableTests {
    /// The words as the scalar view splits them, asking each scalar's properties.
    static func wordsByScalarView(_ text: String) -> [String] {
        text.scalarWords(separatedBy: { scalar in
            !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil || (0x064B...0x065F).contains(scalar.value))
        })
    }

    @Test func wordRunsSplitAsTheScalarPropertiesSay() {
        let texts = [
            "", " ", "  أعلنت وزارةُ الدفاعِ، اليوم: 12 قتيلاً  ", "The U.S. said — on Monday — it's 3,5% «done»",
            "Ελληνικά Русский 中文 日本語 한국어", "𝐀𝐁𝐂 𐐷x 😀 a😀b ١٢٣ ۴۵۶ ½ ²", "café ÇA Ǆ ﻻ ﷺ", "ـــ tab\there\u{00A0}nbsp\u{200F}rtl",
            "a", "٫", "word.", ".word",
        ]
        for text in texts {
            let runs = ScalarTable.wordRuns(text)
            let expected = Self.wordsByScalarView(text)
            let keyWords = KeyWords(key: runs.joined, ends: runs.ends, numbers: runs.numbers)
            #expect(keyWords.all == expected, "\(text)")
            #expect(runs.numbers == keyWords.ends.indices.count(where: keyWords.isNumber), "\(text)")
            #expect(runs.joined == expected.joined(separator: " "), "\(text)")
        }
    }

    @Test func otherSymbolsAreTheScalarsOfThatCategory() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ScalarTable.isOtherSymbol(scalar) == (scalar.properties.generalCategory == .otherSymbol), "U+\(String(value, radix: 16))")
        }
        #expect(ScalarTable.isOtherSymbol("🔊") && ScalarTable.isOtherSymbol("©") && !ScalarTable.isOtherSymbol("#"))
    }

    @Test func keyWordsAreTheWordsOfTheLowercasedMatchKey() {
        let line = "المصدر: وكالة الأنباء  (SPA) — 2015"
        let keyWords = BoilerplateLexicon.lineKeyWords(line)
        let (words, key) = (keyWords.all, keyWords.key)
        #expect(words == Self.wordsByScalarView(TextNormalizer.matchKey(line).lowercased()))
        #expect(keyWords.count == words.count && (0..<keyWords.count).allSatisfy { keyWords.word($0) == words[$0] })
        #expect(keyWords.isNumber(words.count - 1) && !keyWords.isNumber(0))
        #expect(key == words.joined(separator: " "))
        #expect(words.last == "2015")
    }

    /// The words are lowered as they are read: the same as lowering the key first, for
    /// capitals of every script, a lowercase of several scalars (İ), one of more bytes
    /// (Ⱥ to ⱥ), capitals beyond U+0800 (Ａ, Ꭰ), and a key that needs composing.
    @Test(arguments: [
        "المصدر: وكالة الأنباء", "ÇA VA — Ελληνικά ΣΟΦΙΑ — РУССКИЙ", "İSTANBUL İzmir", "ȺȾ Ⱥ-tax",
        "ＡＢＣ ＵＮ Ꭰ Ⴀ", "CAFE\u{0301} e\u{0301}\u{0323} ا\u{0654}حمد", "مُحَمَّدٌ ١٢٣ ٫ 3.5",
        "", "  ", "😀 a😀B 𝐀𝐁𝐂 ½",
    ])
    func keyWordsLowerEachScalarAsLowercasingTheKeyDoes(_ line: String) {
        let keyWords = BoilerplateLexicon.lineKeyWords(line)
        let expected = Self.wordsByScalarView(TextNormalizer.matchKey(line).lowercased())
        #expect(keyWords.all == expected)
        #expect(keyWords.key == expected.joined(separator: " "))
        #expect(keyWords.numbers == expected.count(where: { $0.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }))
    }
}
