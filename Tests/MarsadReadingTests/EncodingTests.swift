import Testing
@testable import MarsadReading

@Suite("Encodings")
struct EncodingTests {
    let reader = ArticleReader()

    @Test func utf8WithByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\(Fixtures.title)\n\n\(Fixtures.sentence)".utf8)
        let article = try #require(try reader.read(bytes, fileName: "a.txt").first)
        #expect(article.encoding == "UTF-8")
        #expect(article.title == Fixtures.title)
        #expect(article.body == Fixtures.sentence)
    }

    @Test(arguments: [false, true])
    func utf16WithByteOrderMark(bigEndian: Bool) throws {
        let bytes = Fixtures.utf16("\(Fixtures.title)\n\n\(Fixtures.sentence)", bigEndian: bigEndian, byteOrderMark: true)
        let article = try #require(try reader.read(bytes, fileName: "a.txt").first)
        #expect(article.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        #expect(article.title == Fixtures.title)
        #expect(article.body == Fixtures.sentence)
    }

    @Test(arguments: [false, true])
    func utf16WithoutByteOrderMarkIsRecognisedByItsNULPattern(bigEndian: Bool) throws {
        let bytes = Fixtures.utf16("Title line here\n\n\(Fixtures.sentence)", bigEndian: bigEndian, byteOrderMark: false)
        let article = try #require(try reader.read(bytes, fileName: "a.txt").first)
        #expect(article.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        #expect(article.body == Fixtures.sentence)
    }

    @Test func windows1256IsDetectedWithoutDeclaration() throws {
        let article = try #require(try reader.read(Fixtures.sentenceWindows1256, fileName: "a.txt").first)
        #expect(article.encoding == "windows-1256")
        #expect(article.body == Fixtures.sentence)
    }

    @Test func iso8859_6IsToldApartFromWindows1256() throws {
        let article = try #require(try reader.read(Fixtures.sentenceISO8859_6, fileName: "a.txt").first)
        #expect(article.encoding == "ISO-8859-6")
        #expect(article.body == Fixtures.sentence)
    }

    @Test func htmlMetaCharsetIsHonoured() throws {
        let head = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"><title>".utf8)
        let titleEnd = Fixtures.sentenceWindows1256.indices.filter { Fixtures.sentenceWindows1256[$0] == 0x20 }[4]
        let titleBytes = Array(Fixtures.sentenceWindows1256[..<titleEnd])
        var bytes = head + titleBytes + Array("</title></head><body><article><h1>".utf8) + titleBytes + Array("</h1><p>".utf8)
        bytes += Fixtures.sentenceWindows1256 + Array("</p><p>".utf8) + Fixtures.sentenceWindows1256 + Array("</p></article></body></html>".utf8)
        let article = try #require(try reader.read(bytes, fileName: "page.html").first)
        #expect(article.encoding == "windows-1256")
        #expect(article.format == .html)
        #expect(article.title == "أعلنت وزارة الصحة، اليوم الثلاثاء،")
        #expect(article.body == Fixtures.sentence + "\n\n" + Fixtures.sentence)
    }

    /// A script's or style sheet's charset names the encoding of that other file, and
    /// text may mention a charset anywhere: only a meta tag declares the page's own.
    @Test func onlyAMetaTagDeclaresThePagesCharset() {
        let page = """
            <html><head><script charset="utf-8" src="a.js"></script><link rel="stylesheet" charset="iso-8859-6" href="a.css">
            <title>charset=utf-8</title><META
            http-equiv="Content-Type" content="text/html; charset=windows-1256"></head></html>
            """
        #expect(TextDecoder.declaredHTMLCharset(Array(page.utf8)) == .windows1256)
        #expect(TextDecoder.declaredHTMLCharset(Array("<p>set charset=utf-8 in the header</p><meta name=x>".utf8)) == nil)
        #expect(TextDecoder.declaredHTMLCharset(Array("<meta charset='ISO-8859-6'/>".utf8)) == .iso8859_6)
        #expect(TextDecoder.declaredHTMLCharset(Array("<metadata charset=utf-8>".utf8)) == nil)
    }

    @Test func aWrongUTF8DeclarationGivesWayToAConfidentArabicDecode() throws {
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><article><p>".utf8)
            + Fixtures.sentenceWindows1256 + Array("</p><p>".utf8) + Fixtures.sentenceWindows1256 + Array("</p></article></body></html>".utf8)
        let article = try #require(try reader.read(bytes, fileName: "page.html").first)
        #expect(article.encoding == "windows-1256")
        #expect(article.body == Fixtures.sentence + "\n\n" + Fixtures.sentence)
    }

    /// "中华人民共和国是一个国家。今天天气很好，我们去公园散步。" in GB2312.
    static let chineseGB2312: [UInt8] = [
        0xD6, 0xD0, 0xBB, 0xAA, 0xC8, 0xCB, 0xC3, 0xF1, 0xB9, 0xB2, 0xBA, 0xCD, 0xB9, 0xFA, 0xCA, 0xC7, 0xD2, 0xBB,
        0xB8, 0xF6, 0xB9, 0xFA, 0xBC, 0xD2, 0xA1, 0xA3, 0xBD, 0xF1, 0xCC, 0xEC, 0xCC, 0xEC, 0xC6, 0xF8, 0xBA, 0xDC,
        0xBA, 0xC3, 0xA3, 0xAC, 0xCE, 0xD2, 0xC3, 0xC7, 0xC8, 0xA5, 0xB9, 0xAB, 0xD4, 0xB0, 0xC9, 0xA2, 0xB2, 0xBD, 0xA1, 0xA3,
    ]

    static func page(charset: String, paragraph: [UInt8]) -> [UInt8] {
        let head = "<html><head><script charset=\"utf-8\" src=\"a.js\"></script><meta charset=\"\(charset)\"></head><body><article><p>"
        return Array(head.utf8) + paragraph + Array("</p><p>".utf8) + paragraph + Array("</p></article></body></html>".utf8)
    }

    /// A page in a legacy East Asian code page is read in the one it declares, a
    /// GB2312 label taking in GBK's extra characters (镕 is in GBK only) as browsers do.
    @Test(arguments: [
        ("GB2312", chineseGB2312, "中华人民共和国是一个国家。今天天气很好，我们去公园散步。", "GBK"),
        ("gb2312", [0xD6, 0xEC, 0xE9, 0x46, 0xBB, 0xF9, 0xCB, 0xB5, 0xA3, 0xBA, 0xBD, 0xF1, 0xCC, 0xEC, 0xCC, 0xEC, 0xC6, 0xF8, 0xBA, 0xDC, 0xBA, 0xC3, 0xA1, 0xA3],
         "朱镕基说：今天天气很好。", "GBK"),
        ("big5", [0xA4, 0xA4, 0xB5, 0xD8, 0xA5, 0xC1, 0xB0, 0xEA, 0xAA, 0xBA, 0xAD, 0xBA, 0xB3, 0xA3, 0xAC, 0x4F, 0xBB, 0x4F, 0xA5, 0x5F, 0xA1, 0x43],
         "中華民國的首都是臺北。", "Big5"),
        ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58, 0x83, 0x67, 0x82, 0xC5, 0x82, 0xB7, 0x81, 0x42],
         "日本語のテキストです。", "Shift_JIS"),
        ("euc-jp", [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC, 0xA4, 0xCE, 0xA5, 0xC6, 0xA5, 0xAD, 0xA5, 0xB9, 0xA5, 0xC8, 0xA4, 0xC7, 0xA4, 0xB9, 0xA1, 0xA3],
         "日本語のテキストです。", "EUC-JP"),
        ("euc-kr", [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE, 0x20, 0xB9, 0xAE, 0xC0, 0xE5, 0xC0, 0xD4, 0xB4, 0xCF, 0xB4, 0xD9, 0x2E],
         "한국어 문장입니다.", "EUC-KR"),
    ] as [(String, [UInt8], String, String)])
    func aDeclaredEastAsianCodePageIsRead(charset: String, paragraph: [UInt8], text: String, encoding: String) throws {
        let document = try reader.readDocument(Self.page(charset: charset, paragraph: paragraph), fileName: "page.html")
        let article = try #require(document.articles.first)
        #expect(article.encoding == encoding)
        // The short Korean line, repeated, is read once; the decode is what counts.
        #expect(article.body.hasPrefix(text))
        #expect(article.body.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
        #expect(document.warnings.isEmpty)
    }

    /// A stray byte in a GBK page is replaced and noted, as for UTF-8; a page whose
    /// bytes break the code page it declares everywhere is refused, naming it.
    @Test func aDeclaredCodePageIsRepairedForAStrayByteAndRefusedWhenItDoesNotFit() throws {
        var damaged = Self.page(charset: "gbk", paragraph: Self.chineseGB2312)
        damaged.insert(0xFF, at: try #require(damaged.firstIndex(of: 0xD6)) + 6)
        let document = try reader.readDocument(damaged, fileName: "page.html")
        let article = try #require(document.articles.first)
        #expect(article.encoding == "GBK")
        #expect(article.body.hasPrefix("中华人\u{FFFD}民共和国"))
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.contains("GBK as it declares but for 1 byte") == true)

        // Every other character cut in two by a space, as no GBK text is.
        var broken: [UInt8] = []
        for (offset, byte) in Self.chineseGB2312.enumerated() {
            broken.append(byte)
            if offset % 4 == 0 { broken.append(0x20) }
        }
        #expect {
            _ = try reader.read(Self.page(charset: "gbk", paragraph: broken), fileName: "page.html")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .encoding && error.message.contains("the page declares GBK, but")
        }
    }

    /// A page in a character set Marsad has no decoder for is refused with
    /// the name of what it declares, not only with what its bytes are not.
    @Test func aCharsetMarsadDoesNotReadIsNamedInTheError() {
        let bytes = Self.page(charset: "EUC-TW", paragraph: Self.chineseGB2312)
        #expect(TextDecoder.declaredHTMLCharsets(bytes).unreadLabel == "euc-tw")
        #expect {
            _ = try reader.read(bytes, fileName: "page.html")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .encoding && error.message.contains("declares the character set \"euc-tw\", which Marsad does not read")
        }
        let alsoReadable = Array("<meta charset=euc-tw><meta http-equiv=content-type content='text/html; charset=windows-1256'>".utf8)
        #expect(TextDecoder.declaredHTMLCharsets(alsoReadable).encoding == .windows1256)
    }

    @Test func declaredISO8859_6WithBytesItLacksIsAnError() {
        let bytes = Array("<html><head><meta charset=\"iso-8859-6\"></head><body><p>".utf8)
            + Fixtures.sentenceWindows1256 + Array("</p></body></html>".utf8)
        #expect {
            _ = try reader.read(bytes, fileName: "page.html")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .encoding && error.message.contains("declares ISO-8859-6") && error.message.contains("offset")
        }
    }

    @Test func lightlyDamagedUTF8IsReadWithTheDamageReplacedAndNoted() throws {
        var bytes = Array("\(Fixtures.title)\n\n\(Fixtures.sentence)".utf8)
        let boundary = Fixtures.title.utf8.count + 2
        bytes.insert(0xFF, at: boundary)
        let document = try reader.readDocument(bytes, fileName: "a.txt")
        let article = try #require(document.articles.first)
        #expect(article.encoding == "UTF-8")
        #expect(article.title == Fixtures.title)
        #expect(article.body == "\u{FFFD}" + Fixtures.sentence)
        #expect(document.warnings == [
            "the file is UTF-8 but for 1 damaged byte, replaced by the replacement character \u{FFFD}; the first at byte offset \(boundary)"
        ])
    }

    /// A truncated two-byte letter is one damaged place of one byte; two
    /// bad continuation bytes after it are a second place of two bytes.
    @Test func damagedPlacesAreCountedAsTheDecodeReplacesThem() throws {
        let filler = String(repeating: Fixtures.sentence + "\n", count: 12)
        let head = Array("\(Fixtures.title)\n\n".utf8)
        let bytes = head + [0xD8, 0x20] + Array(filler.utf8) + [0xE2, 0x80, 0x41] + Array(filler.utf8)
        #expect(bytes.count >= 2000)
        let document = try reader.readDocument(bytes, fileName: "a.txt")
        let article = try #require(document.articles.first)
        #expect(article.body.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 2)
        #expect(document.warnings.first?.hasPrefix("the file is UTF-8 but for 3 damaged bytes in 2 places") == true)
        #expect(document.warnings.first?.hasSuffix("at byte offset \(head.count)") == true)
    }

    @Test func heavilyDamagedUTF8IsStillAnErrorNamingTheFirstOffset() {
        var bytes = Array("\(Fixtures.title)\n\n\(Fixtures.sentence)".utf8)
        let boundary = Fixtures.title.utf8.count + 2
        // Three damaged places in a few hundred bytes: far past one per 1,000.
        for offset in [bytes.count - 10, bytes.count / 2, boundary] { bytes.insert(0xFF, at: offset) }
        #expect(bytes.count < 1000)
        #expect {
            _ = try reader.read(bytes, fileName: "a.txt")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .encoding && error.message.contains("offset \(boundary)") && error.message.contains("0xFF")
                && error.message.contains("damaged")
        }
    }

    /// A stray Latin-1 byte in an ASCII page that declares UTF-8: the
    /// declaration vouches for UTF-8 where no multibyte letter can. The same
    /// page undeclared has nothing that does, and stays an error.
    @Test(arguments: [true, false])
    func asciiPageWithOneStrayLatin1Byte(declaresUTF8: Bool) throws {
        let paragraph = "The council voted on Tuesday to approve the new budget for the coming year, after a long debate that lasted into the night."
        let meta = declaresUTF8 ? "<meta charset=\"utf-8\">" : ""
        let head = Array("<html><head>\(meta)<title>Budget vote</title></head><body><!-- D".utf8)
        let page = head + [0xE9] + Array("but --><article><h1>Budget vote</h1><p>\(paragraph)</p></article></body></html>".utf8)
        guard declaresUTF8 else {
            #expect(throws: ReadingError.self) { try reader.read(page, fileName: "page.html") }
            return
        }
        let document = try reader.readDocument(page, fileName: "page.html")
        #expect(document.encoding == "UTF-8")
        #expect(document.articles.first?.body == paragraph)
        #expect(document.warnings.first?.hasSuffix("the first at byte offset \(head.count)") == true)
    }

    @Test func repairOffsetsAfterAByteOrderMarkCountFromTheStartOfTheFile() throws {
        let text = Array("\(Fixtures.title)\n\n\(Fixtures.sentence)".utf8)
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + text[..<10] + [0xC0] + text[10...]
        let document = try reader.readDocument(bytes, fileName: "a.txt")
        #expect(document.warnings.first?.hasSuffix("the first at byte offset 13") == true)
    }

    @Test func latinSingleByteTextIsNotMistakenForArabic() {
        let bytes = Array("Le ministre a d".utf8) + [0xE9] + Array("clar".utf8) + [0xE9] + Array(" que la r".utf8) + [0xE9, 0x66, 0x6F, 0x72, 0x6D, 0x65]
        #expect {
            _ = try reader.read(bytes, fileName: "a.txt")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .encoding && error.message.contains("does not read as Arabic")
        }
    }

    @Test func utf8CutInsideTheLastCharacterKeepsTheTextBefore() throws {
        var bytes = Array("\(Fixtures.title)\n\n\(Fixtures.sentence)".utf8)
        // Drop the final "." and the second byte of the two-byte letter before it.
        bytes.removeLast(2)
        let article = try #require(try reader.read(bytes, fileName: "a.txt").first)
        #expect(article.body.hasPrefix("أعلنت وزارة الصحة"))
        #expect(!article.body.unicodeScalars.contains("\u{FFFD}"))
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "PNG image"),
        (Array("%PDF-1.7\n%\u{00E2}\u{00E3}".utf8), "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], "ZIP archive"),
        ([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00], "ELF executable"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], "JPEG image"),
        ([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00], "gzip"),
    ] as [([UInt8], String)])
    func binaryFilesAreNamed(bytes: [UInt8], name: String) {
        #expect {
            _ = try reader.read(bytes, fileName: "article.txt")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .binary && error.message.contains(name)
        }
    }

    @Test func nulBytesMeanBinary() {
        let bytes = Array("some text".utf8) + [0, 0, 0, 1, 2, 3, 0, 0] + Array("more".utf8)
        #expect {
            _ = try reader.read(bytes, fileName: "a.txt")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .binary && error.message.contains("NUL")
        }
    }

    /// A page with a few stray NUL bytes in its markup (a broken ad snippet)
    /// is read without them, with a note; NULs as dense as binary data holds
    /// them, or beside other control bytes, still mean binary.
    @Test func strayNULsInALongPageAreLeftOutWithANote() throws {
        let paragraphs = (0..<12).map { _ in "<p>\(Fixtures.sentence)</p>" }.joined()
        let page = "<html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1>"
        var bytes = Array(page.utf8) + Array("<img src=\"ad.gif\">".utf8) + [UInt8](repeating: 0, count: 2)
        bytes += Array((paragraphs + "</article></body></html>").utf8)
        let document = try reader.readDocument(bytes, fileName: "a.html")
        let article = try #require(document.articles.first)
        #expect(article.title == Fixtures.title)
        #expect(article.body.hasPrefix(Fixtures.sentence))
        #expect(!article.body.unicodeScalars.contains("\u{0}"))
        #expect(document.warnings.contains { $0.contains("2 stray NUL bytes") })
        var dense = bytes
        dense.insert(contentsOf: [UInt8](repeating: 0, count: bytes.count / 500), at: 40)
        #expect(throws: ReadingError.self) { try reader.readDocument(dense, fileName: "a.html") }
        var controls = bytes
        controls.insert(contentsOf: [1, 2, 3], at: 40)
        #expect(throws: ReadingError.self) { try reader.readDocument(controls, fileName: "a.html") }
    }

    /// A Polish page saved in a Central European code page but labelled
    /// UTF-8 is read in the code page its declared language was written in,
    /// with a note: ISO-8859-2, or Windows-1250 when bytes 0x80–0x9F (ś, ź
    /// there) occur. Without a declared language it stays an error.
    @Test(arguments: [(TextEncoding.iso8859_2, "ISO-8859-2"), (TextEncoding.windows1250, "Windows-1250")])
    func aMislabelledPageIsReadInTheCodePageOfItsLanguage(encoding: TextEncoding, name: String) throws {
        let iso: [Character: UInt8] = ["ą": 0xB1, "ś": 0xB6, "ź": 0xBC, "ó": 0xF3, "ł": 0xB3, "ę": 0xEA, "ż": 0xBF, "ć": 0xE6, "ń": 0xF1]
        let windows: [Character: UInt8] = ["ą": 0xB9, "ś": 0x9C, "ź": 0x9F, "ó": 0xF3, "ł": 0xB3, "ę": 0xEA, "ż": 0xBF, "ć": 0xE6, "ń": 0xF1]
        let table = encoding == .iso8859_2 ? iso : windows
        func encoded(_ text: String) -> [UInt8] { text.flatMap { table[$0].map { [$0] } ?? Array(String($0).utf8) } }
        let title = "Jak pomóc osobie niewidomej w restauracji"
        let sentence = "Ośrodek pomaga osobom niewidomym w codziennym życiu, także gdy jesteśmy razem w restauracji i sklepie."
        func page(lang: String) -> [UInt8] {
            encoded("<html\(lang)><head><meta charset=\"utf-8\"><title>\(title)</title></head><body><article><h1>\(title)</h1>")
                + encoded((0..<6).map { _ in "<p>\(sentence) Zażółć gęślą jaźń.</p>" }.joined() + "</article></body></html>")
        }
        let document = try reader.readDocument(page(lang: " class=\"no-js\" lang=\"pl-PL\""), fileName: "a.html")
        let article = try #require(document.articles.first)
        #expect(document.encoding == encoding.rawValue)
        #expect(article.title == title)
        #expect(article.body.hasPrefix(sentence + " Zażółć gęślą jaźń."))
        #expect(document.warnings.contains { $0.contains("read as \(name), the code page of its declared language (pl)") })
        #expect(throws: ReadingError.self) { try reader.readDocument(page(lang: ""), fileName: "a.html") }
    }

    @Test func emptyAndBlankFiles() {
        #expect(throws: ReadingError(.empty, "the file is empty")) { _ = try reader.read([], fileName: "a.txt") }
        #expect {
            _ = try reader.read(Array(" \n\t \n".utf8), fileName: "a.txt")
        } throws: { error in
            (error as! ReadingError).kind == .empty
        }
    }

    @Test func charsetLabels() {
        #expect(TextEncoding(label: "Windows-1256") == .windows1256)
        #expect(TextEncoding(label: "cp1256") == .windows1256)
        #expect(TextEncoding(label: "ISO_8859-6") == .iso8859_6)
        #expect(TextEncoding(label: "utf8") == .utf8)
        #expect(TextEncoding(label: "koi8-r") == nil)
    }

    /// Found by the FuzzTextDecoder fuzz target: after a byte-order mark the
    /// first bad byte's offset counts from the mark's end, and was used as an
    /// index into the whole file, which trapped when it fell inside the mark.
    @Test func invalidUTF8RightAfterAByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0xD8, 0xA7, 0xD9, 0xD9] + Array(" \(Fixtures.title) \(Fixtures.sentence)".utf8)
        #expect(throws: ReadingError.self) { try reader.read(bytes, fileName: "a.txt") }
        #expect(throws: ReadingError.self) { try TextDecoder.decode(bytes) }
    }

}
