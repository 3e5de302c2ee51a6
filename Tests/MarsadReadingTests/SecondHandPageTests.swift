import Testing
@testable import MarsadReading

/// Pages through which an article reaches the reader second hand: a mailing list's archive,
/// a wire's release, a Markdown clip, a search cache, a print view, a newspaper's PDF page.
@Suite("Plain-text pages of articles passed on")
struct SecondHandPageTests {
    static let opening = TitleEvidenceTests.opening
    static let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"

    func read(_ lines: [String], fileName: String = "page.txt") throws -> ReadArticle {
        try #require(try ArticleReader().read(Array(lines.joined(separator: "\n").utf8), fileName: fileName).first)
    }

    /// A mailing list's archive tags the subject with the list's name ("[arab-news] …"): a word after
    /// the opening bracket is no JSON, even when the subject quotes (which the old letters-and-quotes
    /// guess took for JSON's strings).
    @Test func aListTagBeforeTheSubjectIsText() throws {
        let subject = "ندوة \"الشباب والتطرف\": " + Self.title
        let page = ["[arab-news] " + subject, "", "أحمد العلي ahmed at example.com", "الاثنين 10 أغسطس 2015", "", subject, ""]
            + Self.opening.flatMap { [$0, ""] } + ["_______________________________________________", "arab-news mailing list"]
        let article = try read(page)
        #expect(article.format == .text)
        #expect(article.body.hasPrefix(Self.opening[0]))
        #expect(FormatDetector.opensWithBracketedWords("[arab-news] \"x\" \"y\""))
        #expect(FormatDetector.opensWithBracketedWords("[ صور ] حريق"))
        for json in ["[{\"a\": 1}]", "[\"a\"]", "[ true, false ]", "[null]", "[-1]", "[1, 2]", "[[1]]", "[1]  \n", "[]"] {
            #expect(!FormatDetector.opensWithBracketedWords(json), "\(json)")
        }
        // Named as JSON, such bytes are still damaged JSON.
        #expect(throws: ReadingError.self) { try read(page, fileName: "list.json") }
    }

    static func keyWords(_ line: String) -> KeyWords { BoilerplateLexicon.lineKeyWords(line) }

    /// A wire's end mark closes the copy: the agency's "about" paragraph and the media contacts
    /// under it are no text. A sentence that says انتهى goes on being text.
    @Test func aWireEndMarkEndsTheText() throws {
        let said = "وقال المتحدث إن الاجتماع انتهى إلى توصيات عدة، أبرزها إشراك الأسر في البرامج الوقائية."
        let about = "البوابة منصة رائدة لمعلومات الأعمال في الشرق الأوسط وشمال أفريقيا، تخدم أكثر من مليون مهني ومستثمر كل شهر في المنطقة."
        let article = try read([Self.title, "", Self.opening[0], "", said, "", Self.opening[1], "", "// انتهى //", "", "نبذة عن البوابة", about,
                                "للاستفسارات الإعلامية:", "سارة أحمد", "هاتف: +966 11 000 0000"])
        #expect(article.title == Self.title)
        #expect(article.body == [Self.opening[0], said, Self.opening[1]].joined(separator: "\n\n"))
        for mark in ["// انتهى //", "-انتهى-", "- انتهى -", "-Ends-", "— END —", "###", "انتهى"] {
            #expect(PassedOnChrome.isWireEndMark(mark, keyWords: Self.keyWords(mark)), "\(mark)")
        }
        for line in [said, "انتهى الاجتماع", "- انتهى 2015 -", "##", "# العنوان", "The End of an Era"] {
            #expect(!PassedOnChrome.isWireEndMark(line, keyWords: Self.keyWords(line)), "\(line)")
        }
    }
}
