import Testing
@testable import MarsadReading

@Suite("Page chrome and main text")
struct PageChromeTests {
    let reader = ArticleReader()

    @Test(arguments: [
        "Facebook Twitter WhatsApp", "مشاركة فيسبوك تويتر واتساب", "Share this: Facebook | Twitter | Email",
        "شارك على فيسبوك تويتر تيليجرام نسخ الرابط", "تويتر",
    ])
    func shareRowsAreChrome(_ line: String) {
        #expect(ChromeLine.isShareRow(line))
    }

    @Test(arguments: ["تويتر تعلن عن ميزة جديدة للمستخدمين في الشرق الأوسط", "الرابط بين التعليم والعمل", "Print media in decline"])
    func headlinesAboutNetworksAreNotShareRows(_ line: String) {
        #expect(!ChromeLine.isShareRow(line))
    }

    /// Sites put their newsletter box inside the article as often as after
    /// it: the prompt is dropped, and the paragraph before it stays with the
    /// longer rest of the article (and the title above it stays the title).
    @Test(arguments: ["اشترك في نشرتنا البريدية لتصلك أهم الأخبار", "Subscribe to our newsletter"])
    func aNewsletterPromptInsideTheArticleDoesNotEndIt(_ prompt: String) throws {
        let lines = [Fixtures.title, Fixtures.paragraphs[0], prompt] + Fixtures.paragraphs[1...] + Fixtures.paragraphs
        let article = try #require(try reader.read(Array(lines.joined(separator: "\n").utf8), fileName: "page.txt").first)
        #expect(article.title == Fixtures.title)
        #expect(article.body.hasPrefix(Fixtures.paragraphs[0]))
        #expect(!article.body.contains(prompt))
    }

    @Test(arguments: ["منذ 3 ساعات", "قبل ساعتين", "منذ ٥ دقائق", "2 hours ago", "Updated 5 minutes ago", "أمس 10:30", "آخر تحديث: منذ 4 دقائق"])
    func relativeTimestampsAreRecognised(_ line: String) {
        #expect(ChromeLine.isRelativeTimestamp(line))
    }

    @Test(arguments: ["منذ ثلاث سنوات والحرب مستمرة في المدينة", "قبل يوم الانتخابات بساعات", "Two days in Damascus"])
    func headlinesWithTimeWordsAreNotTimestamps(_ line: String) {
        #expect(!ChromeLine.isRelativeTimestamp(line))
    }

    @Test func tickerOfHeadlinesIsNotATitle() {
        #expect(ChromeLine.isTicker("عاجل: افتتاح معرض الكتاب ... ارتفاع أسعار النفط ... فوز الفريق الوطني"))
        #expect(!ChromeLine.isTicker("وقال الوزير ... إن الحكومة ماضية في خطتها، وإن العمل مستمر ... حتى النهاية."))
    }

    @Test(arguments: [
        ["مشاركة فيسبوك تويتر واتساب", "منذ 3 ساعات"], ["منذ 3 ساعات", "Facebook Twitter WhatsApp Email"],
        ["الرئيسية / أخبار / محليات", "منذ ساعتين"],
    ])
    func chromeAboveTheTextIsNotTakenForTheTitle(_ chrome: [String]) throws {
        let page = ([Fixtures.title] + chrome + Fixtures.paragraphs).joined(separator: "\n\n")
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.txt").first)
        #expect(article.title == Fixtures.title)
        #expect(article.body.hasPrefix(Fixtures.paragraphs[0]))
        for line in chrome { #expect(!article.body.contains(line)) }
    }

    @Test func articleSplitOverSiblingBlocksIsReadWhole() throws {
        // News sites put every few paragraphs in a block of their own, with
        // advertisements between; the whole article is their common parent.
        let blocks = Fixtures.paragraphs.map { "<div class=\"column\"><p>\($0)</p></div><div class=\"ad-slot\"><a href=\"/ad\">إعلان</a></div>" }
        let page = """
            <html><head><title>\(Fixtures.title)</title></head><body>
            <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/n">أخبار</a></li></ul></nav>
            <h1>\(Fixtures.title)</h1><section class="story">\(blocks.joined())</section>
            <div class="more"><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر آخر عن الطقس في تونس اليوم</a></li><li><a href="/2">خبر ثالث عن الرياضة والملاعب</a></li></ul></div>
            </body></html>
            """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.html").first)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    /// A box after the article's run of paragraphs, inside the chosen
    /// container, closes the page: a licence notice or an app plug is
    /// dropped, however it is worded. A later box holding a good share of
    /// the text is the article's own second half and stays.
    @Test func boxesAfterTheRunOfParagraphsAreLeftOut() throws {
        let notice = "All rights reserved; reuse needs the publisher's consent."
        func page(after: String) -> String {
            "<html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1><div class=\"text\">"
                + Fixtures.paragraphs.map { "<p>\($0)</p>" }.joined() + "</div>\(after)</article></body></html>"
        }
        let plugged = try #require(try reader.read(Array(page(after: "<div class=\"box\"><p>\(notice)</p></div>").utf8), fileName: "a.html").first)
        #expect(plugged.body == Fixtures.paragraphs.joined(separator: "\n\n"))
        let second = Fixtures.paragraphs.reversed().map { "<p>\($0) وتابع المسؤولون الحديث عن المشروع.</p>" }.joined()
        let split = try #require(try reader.read(Array(page(after: "<div class=\"box\">\(second)</div>").utf8), fileName: "b.html").first)
        #expect(split.body.hasSuffix(Fixtures.paragraphs[0] + " وتابع المسؤولون الحديث عن المشروع."))
        // A paragraph set straight in the article's own box, after a block
        // group of the CMS that holds most of the text, still flows in it.
        let closing = "وختم الوزير بالقول إن المستشفى سيخدم سكان المحافظة والمحافظات المجاورة."
        let grouped = "<html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1>"
            + "<div class=\"entry\"><div class=\"wp-block-group\">" + Fixtures.paragraphs.map { "<p>\($0)</p>" }.joined()
            + "</div><p>\(closing)</p></div></article></body></html>"
        let flowing = try #require(try reader.read(Array(grouped.utf8), fileName: "c.html").first)
        #expect(flowing.body.hasSuffix(closing))
    }

    /// A paragraph set wholly in bold or italics after plainly set text is a
    /// note to the reader and is left out; when the paragraphs before it are
    /// set the same way (an interview's answers), it is the text.
    @Test func aClosingNoteInEmphasisIsLeftOut() throws {
        let note = "Follow us on our channels and send us your news at any hour of the day or night."
        func page(_ paragraphs: [String]) -> String {
            "<html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1>"
                + paragraphs.joined() + "<p><strong>\(note)</strong></p></article></body></html>"
        }
        let plain = try #require(try reader.read(Array(page(Fixtures.paragraphs.map { "<p>\($0)</p>" }).utf8), fileName: "a.html").first)
        #expect(plain.body == Fixtures.paragraphs.joined(separator: "\n\n"))
        let emphasized = Fixtures.paragraphs.map { "<p><em>\($0)</em></p>" }
        let interview = try #require(try reader.read(Array(page(emphasized).utf8), fileName: "b.html").first)
        #expect(interview.body.hasSuffix(note))
    }

    /// Elements whose class names a credit, a legend, a licence notice, a
    /// disclaimer or a disclosure are said about the text, not in it, in
    /// whatever language they are worded.
    @Test(arguments: ["photo-credit", "legend", "editorial-disclaimer", "product-disclosure", "licenceInfo", "notice"])
    func creditsLegendsAndDisclaimersAreLeftOut(_ className: String) throws {
        let aside = "Photo by the agency; the views are the author's own, and we may earn a commission from links."
        let paragraphs = Fixtures.paragraphs.map { "<p>\($0)</p>" }
        let page = "<html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1><div class=\"text\">"
            + paragraphs[..<2].joined() + "<div class=\"\(className)\"><p>\(aside)</p></div>" + paragraphs[2...].joined()
            + "</div></article></body></html>"
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.html").first)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    /// The title of a table of contents, whose links are left out as
    /// navigation, goes with them: it labels a box of links, not the text.
    @Test func theLabelOfABoxOfLinksGoesWithTheLinks() throws {
        let contents = "<div><p>Contents</p><nav><ul><li><a href=\"#a\">The first section of this long article</a></li>"
            + "<li><a href=\"#b\">The second section of this long article</a></li></ul></nav></div>"
        let paragraphs = Fixtures.paragraphs.map { "<p>\($0)</p>" }
        let page = "<html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1>"
            + paragraphs[0] + contents + paragraphs[1...].joined() + "</article></body></html>"
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.html").first)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    @Test func pageDeclaringLatin1IsDecodedAsDeclared() throws {
        let text = "Die Bundesregierung hat am Dienstag neue Maßnahmen beschlossen, die für alle Länder gelten sollen. Über die Einzelheiten wird nächste Woche beraten."
        var bytes = Array("<html><head><meta charset=\"ISO-8859-1\"><title>Neue Maßnahmen</title></head><body><article><h1>Neue Maßnahmen</h1><p>".utf8)
        bytes += text.unicodeScalars.map { UInt8($0.value) }
        bytes += Array("</p></article></body></html>".utf8)
        let document = try reader.readDocument(bytes, fileName: "page.html")
        #expect(document.encoding == "windows-1252")
        #expect(document.articles.first?.body == text)
    }

    @Test func rubyAnnotationsAreLeftOut() throws {
        let page = "<html><body><article><h1>Title of the page</h1><p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができて、親が子どもを教育するためにたたくことを禁止することになりました。</p></article></body></html>"
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.html").first)
        #expect(article.body.hasPrefix("子どもへの虐待をなくす"))
    }
    /// A "Related: headline" link between two paragraphs is dropped and the text goes on under
    /// it, even right after the first paragraph; a related heading with no paragraph under it
    /// still ends the text.
    @Test func aReadAlsoLinkBetweenParagraphsEndsNothing() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let link = "Related: ولي العهد يبحث مع وزير الدفاع التعاون العسكري"
        let opening = TitleEvidenceTests.opening
        let page = [title, "", opening[0], link, opening[1], Fixtures.paragraphs[0]]
        let article = try #require(try reader.read(Array(page.joined(separator: "\n").utf8), fileName: "page.txt").first)
        #expect(article.title == title)
        #expect(article.body.hasPrefix(opening[0]))
        #expect(article.body.contains(Fixtures.paragraphs[0]))
        #expect(!article.body.contains("Related"))
        let listed = [title, "", opening[0], opening[1], link, "الأمير يدشن مشروعات تنموية جديدة في المنطقة الشرقية", "وزير الصحة يزور مستشفيات المدينة المنورة اليوم"]
        let ended = try #require(try reader.read(Array(listed.joined(separator: "\n").utf8), fileName: "page.txt").first)
        #expect(!ended.body.contains("الأمير يدشن"))
    }
    /// The asker's short question under a question-and-answer page's "السؤال" label is never the
    /// page's headline, however many of the answer's words it shares.
    @Test func aLabelledQuestionIsNoTitle() throws {
        let title = "تأملات في أسرار سوق العمل السعودية"
        let page = ["Ask the Desk", "الرئيسية | الأسئلة | اطرح سؤالا | تسجيل", "", title, "السائل: سعد العتيبي  |  5 مايو 2015", "",
                    "السؤال", "هل من تفاصيل أكثر حول هذا الموضوع؟", "", "الحمد لله، والصلاة والسلام على رسول الله، أما بعد:", "",
                    "يعد موضوع سوق العمل السعودية واحدا من أهم المواضيع الحيوية في جميع دول العالم، لكن يختلف حجمه من بلد إلى آخر.",
                    Fixtures.paragraphs[0]]
        let article = try #require(try reader.read(Array(page.joined(separator: "\n").utf8), fileName: "page.txt").first)
        #expect(article.title == title)
        #expect(!article.body.contains("هل من تفاصيل"))
        // Inside the text, the label heads an interview's question, which is the text's.
        let interview = [title, "", TitleEvidenceTests.opening[0], TitleEvidenceTests.opening[1], "السؤال:", "كيف تنظرين إلى استقطاب الشباب؟",
                         Fixtures.paragraphs[0], Fixtures.paragraphs[1]]
        let answered = try #require(try reader.read(Array(interview.joined(separator: "\n").utf8), fileName: "page.txt").first)
        #expect(answered.body.contains("كيف تنظرين إلى استقطاب الشباب؟"))
    }
}
