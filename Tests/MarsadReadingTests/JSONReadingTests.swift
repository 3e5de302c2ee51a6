import Testing
@testable import MarsadReading

@Suite("JSON")
struct JSONReadingTests {
    let reader = ArticleReader()

    /// A record shaped like SaudiNewsNet's day files.
    func record(_ index: Int) -> String {
        """
        {"source": "aawsat", "url": "http://example.com/article/\(index)", "date_extracted": "2015-07-21 02:51:3\(index)", \
        "title": "عنوان الخبر رقم \(index)", "author": "لندن: كاتب \(index)", \
        "content": "\(Fixtures.paragraphs[0])\\n\\n \(Fixtures.paragraphs[1])\\n\\n\(Fixtures.paragraphs[2])"}
        """
    }

    @Test func arrayOfRecordsGivesOneArticlePerRecord() throws {
        let json = "[\n" + (0..<3).map(record).joined(separator: ",\n") + "\n]"
        let document = try reader.readDocument(Array(json.utf8), fileName: "2015-07-21.json")
        #expect(document.format == .json)
        #expect(document.warnings.isEmpty)
        #expect(document.articles.count == 3)
        for (index, article) in document.articles.enumerated() {
            #expect(article.recordIndex == index)
            #expect(article.title == "عنوان الخبر رقم \(index)")
            #expect(article.source == "aawsat")
            #expect(article.url == "http://example.com/article/\(index)")
            #expect(article.published == "2015-07-21T02:51:3\(index)")
            #expect(article.author == "لندن: كاتب \(index)")
            #expect(article.body == Fixtures.paragraphs[0...2].joined(separator: "\n\n"))
            #expect(article.language == .arabic)
        }
    }

    @Test func singleObjectWithOtherFieldNames() throws {
        let json = """
        {"headline": "\(Fixtures.title)", "articleBody": "\(Fixtures.paragraphs[0])", "link": "https://x.example/a",
         "datePublished": "2024-11-12T09:30:00Z", "publisher": {"name": "صوت القيروان"}, "byline": ["سامي الحاج", "ليلى بن علي"]}
        """
        let article = try #require(try reader.read(Array(json.utf8), fileName: "a.json").first)
        #expect(article.title == Fixtures.title)
        #expect(article.body == Fixtures.paragraphs[0])
        #expect(article.url == "https://x.example/a")
        #expect(article.published == "2024-11-12T09:30:00Z")
        #expect(article.siteName == "صوت القيروان")
        #expect(article.author == "سامي الحاج، ليلى بن علي")
        #expect(article.recordIndex == nil)
    }

    @Test func wrappedArrayAndHTMLContent() throws {
        let json = """
        {"status": "ok", "articles": [
          {"title": {"rendered": "عنوان &amp; آخر"}, "content": {"rendered": "<p>\(Fixtures.paragraphs[0])</p><p>\(Fixtures.paragraphs[1])</p>"}, "pubDate": "Tue, 12 Nov 2024 09:30:00 +0100"}
        ]}
        """
        let article = try #require(try reader.read(Array(json.utf8), fileName: "feed.json").first)
        #expect(article.title == "عنوان & آخر")
        #expect(article.body == Fixtures.paragraphs[0] + "\n\n" + Fixtures.paragraphs[1])
        #expect(article.published == "2024-11-12T09:30:00+01:00")
        #expect(article.recordIndex == 0)
    }

    @Test func jsonLines() throws {
        let lines = (0..<3).map(record).joined(separator: "\n")
        let document = try reader.readDocument(Array(lines.utf8), fileName: "day.jsonl")
        #expect(document.articles.map(\.recordIndex) == [0, 1, 2])
        #expect(document.warnings.isEmpty)
    }

    @Test func jsonLinesWithADamagedLineKeepTheOthersAndSaySo() throws {
        let lines = [record(0), "{\"title\": \"broken\", \"content\": ", record(2)].joined(separator: "\n")
        let document = try reader.readDocument(Array(lines.utf8), fileName: "day.jsonl")
        #expect(document.articles.map(\.recordIndex) == [0, 2])
        #expect(document.warnings.count == 1)
        #expect(document.warnings[0].contains("line 2"))
    }

    @Test func truncatedArrayKeepsCompleteRecordsAndSaysWhich() throws {
        let cut = Array(("[" + record(0) + "," + record(1) + ",{\"source\": \"aaw").utf8)
        let document = try reader.readDocument(cut, fileName: "day.json")
        #expect(document.articles.count == 2)
        #expect(document.warnings.count == 1)
        #expect(document.warnings[0].contains("truncated at byte \(cut.count)"))
        #expect(document.warnings[0].contains("2 complete records"))
    }

    @Test func truncatedBeforeAnyCompleteRecordIsAnError() {
        let cut = Array(record(0).utf8).prefix(100)
        #expect {
            _ = try reader.read(Array(cut), fileName: "a.json")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .malformed && error.message.contains("truncated at byte 100")
        }
    }

    @Test func damagedJSONNamesTheByte() {
        let json = "{\"title\": \"x\" \"body\": \"y\"}"
        #expect {
            _ = try reader.read(Array(json.utf8), fileName: "a.json")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .malformed && error.message.contains("byte 14")
        }
    }

    @Test func recordsWithoutTextAreNoArticle() {
        #expect {
            _ = try reader.read(Array("[1, 2, {\"id\": 3}]".utf8), fileName: "a.json")
        } throws: { error in
            (error as! ReadingError).kind == .noArticle
        }
    }

    @Test func parserHandlesEscapes() throws {
        var parser = JSONParser(Array(#"{"a": "x\"y\\z\u0627\ud83d\ude00\n", "b": [true, false, null, -1.5e3]}"#.utf8))
        let value = try parser.parseValue()
        #expect(value == .object([
            JSONMember(key: "a", value: .string("x\"y\\z\u{0627}\u{1F600}\n")),
            JSONMember(key: "b", value: .array([.bool(true), .bool(false), .null, .number("-1.5e3")])),
        ]))
    }
}

@Suite("TREC")
struct TRECReadingTests {
    @Test func collectionWithoutACompleteDocumentIsMalformed() {
        #expect {
            _ = try ArticleReader().read(Array("<DOC>\n<DOCNO>JA-1</DOCNO>\n<TITLE>عنوان".utf8), fileName: "a.txt")
        } throws: { error in
            let error = error as! ReadingError
            return error.kind == .malformed && error.message.contains("<DOC>")
        }
    }

    @Test func severalDocumentsInOneFile() throws {
        let doc = { (n: Int) in "<DOC><DOCNO>JA-\(n)</DOCNO><TITLE>عنوان \(n)</TITLE><TIME>2017-01-2\(n)T10:00:00+01:00</TIME><TEXT>\n\(Fixtures.sentence)\n</TEXT></DOC>\n" }
        let articles = try ArticleReader().read(Array((doc(1) + doc(2)).utf8), fileName: "a.trec")
        #expect(articles.map(\.title) == ["عنوان 1", "عنوان 2"])
        #expect(articles.map(\.recordIndex) == [0, 1])
        #expect(articles.map(\.published) == ["2017-01-21T10:00:00+01:00", "2017-01-22T10:00:00+01:00"])
    }

    @Test func antCorpusDocument() throws {
        let trec = """
        <DOC>
          <DOCNO>JA-economy-32-20170125</DOCNO>
          <URL>http://www.jawharafm.net/ar/article/x/93/76664</URL>
          <SRC>Jawhara FM</SRC>
          <CAT>economy</CAT>
          <TITLE>ارتفاع صادرات تونس من التمور</TITLE>
          <TIME>2017-01-25T14:36:00+01:00</TIME>
          <AUTHOR></AUTHOR>
          <ABSTRACT>
        قال المدير الجهوي للمجمع المهني المشترك للغلال،
          </ABSTRACT>
          <TEXT>
        قال المدير الجهوي للمجمع المهني المشترك للغلال،
         إنه تم تصدير 36 ألف طن من التمور
         منذ بداية الموسم.
        وأضاف أن هذه الكميات شهدت ارتفاعا &amp; تطورا.
          </TEXT>
        </DOC>
        """
        let article = try #require(try ArticleReader().read(Array(trec.utf8), fileName: "JA-economy-32.txt").first)
        #expect(article.format == .trec)
        #expect(article.title == "ارتفاع صادرات تونس من التمور")
        #expect(article.published == "2017-01-25T14:36:00+01:00")
        #expect(article.url == "http://www.jawharafm.net/ar/article/x/93/76664")
        #expect(article.siteName == "Jawhara FM")
        #expect(article.author == nil)
        #expect(article.body == "قال المدير الجهوي للمجمع المهني المشترك للغلال، إنه تم تصدير 36 ألف طن من التمور منذ بداية الموسم.\n\nوأضاف أن هذه الكميات شهدت ارتفاعا & تطورا.")
    }
}

@Suite("Mixed-up files")
struct MixedUpFileTests {
    let reader = ArticleReader()

    @Test func jsonNamedAsHTMLIsReadAsJSON() throws {
        let json = "{\"title\": \"\(Fixtures.title)\", \"text\": \"\(Fixtures.paragraphs[0])\"}"
        let article = try #require(try reader.read(Array(json.utf8), fileName: "page.html").first)
        #expect(article.format == .json)
        #expect(article.title == Fixtures.title)
    }

    @Test func textOpeningWithABracketIsText() throws {
        let text = "[صور] \(Fixtures.title)\n\n\(Fixtures.paragraphs[0])\n\n\(Fixtures.paragraphs[1])"
        let article = try #require(try reader.read(Array(text.utf8), fileName: "note.txt").first)
        #expect(article.format == .text)
        #expect(article.title == "[صور] \(Fixtures.title)")
        #expect(article.body == Fixtures.paragraphs[0] + "\n\n" + Fixtures.paragraphs[1])
    }

    @Test func damagedJSONFileStaysAJSONError() {
        #expect {
            _ = try reader.read(Array("{عاجل} خبر".utf8), fileName: "feed.json")
        } throws: { error in
            (error as! ReadingError).kind == .malformed
        }
    }

    @Test func htmlWithTextExtensionAndTextWithHTMLExtension() throws {
        let html = try #require(try reader.read(Array(Fixtures.htmlPage().utf8), fileName: "page.txt").first)
        #expect(html.format == .html)
        let text = try #require(try reader.read(Array(Fixtures.plainTextPage.utf8), fileName: "page.html").first)
        #expect(text.format == .text)
        #expect(text.title == Fixtures.title)
    }
}

@Suite("Titles from addresses")
struct AddressTitleTests {
    @Test func slugInAnyPathSegment() {
        #expect(JSONRecordReader.titleFromAddress("http://www.al-madina.com/node/620227/كيف-تسعف-طفلاً-بعد-انسداد.html") == "كيف تسعف طفلاً بعد انسداد")
        #expect(JSONRecordReader.titleFromAddress("http://x.tn/ar/article/%D8%A7%D9%84%D8%AD%D9%85%D8%A7%D9%8A%D8%A9-%D8%A7%D9%84%D9%85%D8%AF%D9%86%D9%8A%D8%A9--%D9%84%D8%A7-%D9%88%D8%AC%D9%88%D8%AF/105/67243") == "الحماية المدنية لا وجود")
        #expect(JSONRecordReader.titleFromAddress("http://sabq.org/PHGKif") == nil)
        #expect(JSONRecordReader.titleFromAddress("http://www.alriyadh.com/1066761") == nil)
    }

    @Test func recordWithoutTitleOrTextIsNamedByItsAddress() throws {
        let json = "[{\"url\": \"http://www.al-madina.com/node/1/إفطار-رمضاني-صديق-للبيئة.html\", \"title\": \"\", \"content\": \" \"}]"
        let article = try #require(try ArticleReader().read(Array(json.utf8), fileName: "d.json").first)
        #expect(article.title == "إفطار رمضاني صديق للبيئة")
        #expect(article.body.isEmpty)
    }
}

@Test(arguments: [
    ("<p>نص</p>", true), ("سطر<BR>سطر", true), ("<Div class=x>نص", true), ("نص</span>", true),
    ("a < b و c > d", false), ("<bdi>اسم", false), ("نص عادي", false), ("<", false), ("", false),
])
func markupFragmentsAreRecognisedInAnyCase(text: String, isMarkup: Bool) {
    #expect(HTMLArticleExtractor.looksLikeMarkupFragment(text) == isMarkup)
}
