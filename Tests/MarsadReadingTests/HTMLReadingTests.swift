import Testing
@testable import MarsadReading
import MarsadText

@Suite("HTML")
struct HTMLReadingTests {
    let reader = ArticleReader()

    @Test func newsPageGivesArticleWithoutChrome() throws {
        let article = try #require(try reader.read(Array(Fixtures.htmlPage().utf8), fileName: "page.html").first)
        #expect(article.format == .html)
        #expect(article.title == Fixtures.title)
        #expect(article.siteName == "صوت القيروان")
        #expect(article.url == "https://example.tn/news/hospital-kairouan")
        #expect(article.published == "2024-11-12T09:30:00+01:00")
        #expect(article.author == "سامي الحاج")
        #expect(article.source == "وكالة تونس إفريقيا للأنباء")
        let expectedBody = [
            Fixtures.paragraphs[0], Fixtures.paragraphs[1] + " التفاصيل", Fixtures.intertitle, Fixtures.paragraphs[2],
            Fixtures.paragraphs[3],
        ].joined(separator: "\n\n")
        #expect(article.body == expectedBody)
    }

    @Test func withoutMetadataTheTitleComesFromH1AndTimeFromTheTimeElement() throws {
        let page = Fixtures.htmlPage(jsonLD: false)
            .replacingAll("<meta property=\"og:title\" content=\"\(Fixtures.title)\">", with: "")
            .replacingAll("<meta property=\"article:published_time\" content=\"2024-11-12T09:30:00+01:00\">", with: "")
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.htm").first)
        #expect(article.title == Fixtures.title)
        #expect(article.published == "2024-11-12T09:30:00+01:00")
        #expect(article.body.contains(Fixtures.paragraphs[3]))
        #expect(!article.body.contains("الأكثر قراءة"))
        #expect(!article.body.contains("تعليق طويل"))
    }

    /// A lead printed in the article's header, beside the headline, is the
    /// text's first paragraph when the page's summary opens with its words;
    /// a summary shown nowhere on the page adds nothing.
    @Test func theLeadInTheHeaderJoinsTheText() throws {
        let lead = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة القيروان يضم مئة سرير، في خطوة طال انتظارها."
        func page(description: String) -> String {
            "<html><head><title>\(Fixtures.title)</title><meta name=\"description\" content=\"\(description)\"></head><body>"
                + "<article><header><h1>\(Fixtures.title)</h1><p class=\"lead\">\(lead)</p></header><div class=\"content\">"
                + Fixtures.paragraphs.map { "<p>\($0)</p>" }.joined() + "</div></article></body></html>"
        }
        let described = try #require(try reader.read(Array(page(description: lead).utf8), fileName: "a.html").first)
        #expect(described.body == ([lead] + Fixtures.paragraphs).joined(separator: "\n\n"))
        let unrelated = "موقع إخباري تونسي يتابع أخبار الولايات الداخلية والشأن الوطني والدولي على مدار الساعة"
        let other = try #require(try reader.read(Array(page(description: unrelated).utf8), fileName: "b.html").first)
        #expect(!other.body.contains(unrelated))
    }

    /// Many sites give their headline as the page's summary: the headline
    /// then stays the title and does not open the text a second time.
    @Test func aSummaryThatRepeatsTheHeadlineAddsNoLead() throws {
        let headline = "وزارة الصحة تفتتح مستشفى جديدا في مدينة القيروان يضم مئة سرير"
        let html = "<html><head><title>\(headline)</title><meta name=\"description\" content=\"\(headline)\">"
            + "<meta property=\"og:description\" content=\"\(headline)\"></head><body><article><header><h1>\(headline)</h1></header>"
            + "<div class=\"content\">" + Fixtures.paragraphs.map { "<p>\($0)</p>" }.joined() + "</div></article></body></html>"
        let article = try #require(try reader.read(Array(html.utf8), fileName: "a.html").first)
        #expect(article.title == headline)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    /// A lead set in a heading's type is text when written as sentences; a
    /// long heading without them is another article's headline.
    @Test func aLongHeadingOfSentencesIsTheLead() throws {
        let lead = "أعلنت وزارة الصحة، اليوم الثلاثاء، افتتاح مستشفى جديد في مدينة القيروان يضم مئة سرير ويخدم سكان الولاية."
        let teaser = "وزير التربية يزور المدارس الريفية في الشمال الغربي ويعد بترميم الأقسام قبل العودة المدرسية المقبلة"
        let html = "<html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1>"
            + "<h2>\(lead)</h2>" + Fixtures.paragraphs.map { "<p>\($0)</p>" }.joined()
            + "<h2>\(teaser)</h2><p>\(Fixtures.paragraphs[0])</p></article></body></html>"
        let article = try #require(try reader.read(Array(html.utf8), fileName: "a.html").first)
        #expect(article.body.hasPrefix(lead + "\n\n" + Fixtures.paragraphs[0]))
        #expect(!article.body.contains(teaser))
    }

    @Test func truncatedPageIsReadLeniently() throws {
        let page = Fixtures.htmlPage()
        let cut = String(decoding: Array(page.utf8).prefix(Array(page.utf8).count * 55 / 100), as: UTF8.self)
        let article = try #require(try reader.read(Array(cut.utf8), fileName: "cut.html").first)
        #expect(article.title == Fixtures.title)
        #expect(article.body.contains(Fixtures.paragraphs[0]))
    }

    @Test func pageWithoutArticleMarkupFallsBackToTextStructure() throws {
        let page = "<html><body><div>" + Fixtures.plainTextPage
            .scalarWords(separatedBy: { $0 == "\n" })
            .map { "<div>\($0)</div>" }
            .joined() + "</div></body></html>"
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.html").first)
        let asText = try #require(try reader.read(Array(Fixtures.plainTextPage.utf8), fileName: "page.txt").first)
        #expect(article.format == .html)
        #expect(article.title == Fixtures.title)
        #expect(article.body == asText.body)
        #expect(article.author == asText.author)
        #expect(article.source == asText.source)
    }

    @Test func pageOfParagraphsOnlyIsJudgedLikeText() throws {
        let page = "<html><body>" + Fixtures.plainTextPage
            .scalarWords(separatedBy: { $0 == "\n" })
            .map { "<p>\($0)</p>" }
            .joined() + "</body></html>"
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.html").first)
        #expect(article.title == Fixtures.title)
        #expect(!article.body.contains("منتخب تونس يتأهل"))
        #expect(article.body.hasPrefix(Fixtures.paragraphs[0]))
        #expect(article.body.hasSuffix(Fixtures.paragraphs[3]))
    }

    @Test func contentIsDetectedWithoutExtension() throws {
        let documents = try reader.read(Array(Fixtures.htmlPage().utf8), fileName: "saved-page.txt")
        #expect(documents.first?.format == .html)
    }

    @Test func parsingIsSafeFromManyThreadsAtOnce() async throws {
        let bytes = Array(Fixtures.htmlPage().utf8)
        let titles = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask { try ArticleReader().read(bytes, fileName: "p.html").first?.title ?? "" }
            }
            var titles: [String] = []
            for try await title in group { titles.append(title) }
            return titles
        }
        #expect(titles == Array(repeating: Fixtures.title, count: 16))
    }

    /// Script and style bodies never reach libxml2, but the tree stays the
    /// one the whole page gives: a script ends at its own closing tag in any
    /// case, markup in a script's strings or in a comment is no tag, and JSON-LD is kept.
    @Test func scriptBodiesAreLeftOutBeforeParsing() throws {
        let page = """
        <html><head><SCRIPT type="text/javascript" data-x="a>b">var s = "<div>not text</div>"; if (a<b) {}</Script >
        <style>p > a { color: red }</style><script type="application/LD+json">{"@type": "NewsArticle", "headline": "\(Fixtures.title)"}</script>
        </head><body><!-- <script> --><p>\(Fixtures.paragraphs[0])</p><script>document.write('<p>')</script><p>\(Fixtures.paragraphs[1])</p></body></html>
        """
        let stripped = String(decoding: HTMLParser.withoutScriptBodies(page), as: UTF8.self)
        #expect(!stripped.contains("not text") && !stripped.contains("color") && !stripped.contains("document.write"))
        #expect(stripped.contains(#""headline": "\#(Fixtures.title)""#))
        #expect(stripped.contains("<!-- <script> --><p>\(Fixtures.paragraphs[0])</p>"))
        let article = try #require(try reader.read(Array(page.utf8), fileName: "page.html").first)
        #expect(article.title == Fixtures.title)
        #expect(article.body == Fixtures.paragraphs.prefix(2).joined(separator: "\n\n"))
        // An unclosed script runs to the end of the page; an unclosed tag leaves the rest as it is.
        #expect(String(decoding: HTMLParser.withoutScriptBodies("<p>x</p><script>var a = 1;"), as: UTF8.self) == "<p>x</p><script>")
        let unclosedTag = "<p>x</p><script src=\"a>"
        #expect(String(decoding: HTMLParser.withoutScriptBodies(unclosedTag), as: UTF8.self) == unclosedTag)
    }

    /// `<` is allowed in attribute values, and a quote in the middle of an unquoted value opens
    /// nothing: neither may make the text after it look like a script's or style's body.
    @Test func markupInAttributeValuesIsNoScript() {
        let article = "<p>\(Fixtures.paragraphs[0])</p><p>It's said> nothing</p>"
        for page in [
            "<img alt=\"<style>\">\(article)<style>p{}</style><p>end</p>",
            "<meta content='<script> in a description'>\(article)<script>x()</script>",
            "<script data-x=don't>x()</script>\(article)<script>y()</script>",
        ] {
            let stripped = String(decoding: HTMLParser.withoutScriptBodies(page), as: UTF8.self)
            #expect(stripped.contains(article), "\(page)")
            #expect(!stripped.contains("x()") && !stripped.contains("y()") && !stripped.contains("p{}"), "\(page)")
        }
    }

    @Test func siteNameIsStrippedFromDocumentTitle() {
        var metadata = HTMLMetadata(root: HTMLElement(name: "html", attributes: []))
        metadata.siteName = "الجزيرة نت"
        #expect(metadata.stripSiteName("وزير الخارجية يزور الجزائر | الجزيرة نت") == "وزير الخارجية يزور الجزائر")
        metadata.siteName = nil
        #expect(metadata.stripSiteName("وزير الخارجية يزور الجزائر - الشروق") == "وزير الخارجية يزور الجزائر")
    }

    /// Splitting on a literal separator keeps empty parts where separators meet
    /// or open and close the text, and the text whole where none occurs.
    @Test func aTextSplitsOnEveryOccurrenceOfALiteralSeparator() {
        #expect("أ | ب | ج".components(separatedByString: " | ") == ["أ", "ب", "ج"])
        #expect(" | أ |  | ب | ".components(separatedByString: " | ") == ["", "أ", "", "ب", ""])
        #expect("خبر - عاجل".components(separatedByString: " – ") == ["خبر - عاجل"])
        #expect("a".components(separatedByString: "abc") == ["a"])
        #expect("xx".components(separatedByString: "") == ["xx"])
        #expect("ab::cd::".components(separatedByString: "::") == ["ab", "cd", ""])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        components(separatedByString: target).joined(separator: replacement)
    }
}

@Suite("HTML layouts")
struct HTMLLayoutTests {
    let reader = ArticleReader()

    /// An old table-layout page in Windows-1256, paragraphs split by <br>,
    /// with a link column beside the story.
    @Test func legacyTableLayoutInWindows1256() throws {
        let sentence = Fixtures.sentenceWindows1256
        var bytes = Array("""
        <HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1256"><TITLE>
        """.utf8)
        bytes += Array(sentence.prefix(24)) + Array("</TITLE></HEAD><BODY><TABLE><TR><TD class=\"links\">".utf8)
        for index in 0..<6 { bytes += Array("<A HREF=\"/n\(index)\">".utf8) + Array(sentence.prefix(24)) + Array("</A><BR>".utf8) }
        bytes += Array("</TD><TD><FONT SIZE=4><B>".utf8) + Array(sentence.prefix(24)) + Array("</B></FONT><BR><BR>".utf8)
        bytes += sentence + Array("<BR><BR>".utf8) + sentence + Array(" ".utf8) + sentence + Array("<BR><BR>".utf8) + sentence
        bytes += Array("</TD></TR></TABLE></BODY></HTML>".utf8)
        let article = try #require(try reader.read(bytes, fileName: "old.htm").first)
        #expect(article.encoding == "windows-1256")
        #expect(article.body.components(separatedByString: "\n\n") == [
            Fixtures.sentence, Fixtures.sentence + " " + Fixtures.sentence, Fixtures.sentence,
        ])
    }

    /// Paragraphs as bare text in a div separated by <br><br>, no <p> at all.
    @Test func textDirectlyInDivs() throws {
        let page = """
        <html><head><title>\(Fixtures.title) | صوت القيروان</title></head><body>
        <div id="nav"><a href="/">الرئيسية</a> <a href="/a">أخبار</a> <a href="/b">رياضة</a></div>
        <span class="news-date">الثلاثاء 12 تشرين الثاني 2024</span>
        <div class="story">\(Fixtures.paragraphs[0])<br><br>\(Fixtures.paragraphs[1])<br><br>\(Fixtures.paragraphs[2])</div>
        <div class="footer">جميع الحقوق محفوظة</div></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "p.html").first)
        #expect(article.title == Fixtures.title)
        #expect(article.published == "2024-11-12")
        #expect(article.body == Fixtures.paragraphs[0...2].joined(separator: "\n\n"))
    }

    /// An article set in <div>s whose page has one short <p>, in its comment
    /// box: that line is most of the page's paragraph text, yet too little
    /// to vouch for the box, which stays chrome.
    @Test func aLoneShortParagraphInAChromeBoxIsNotTheArticle() throws {
        let prompt = "يجب أن تسجل الدخول لتتمكن من التعليق على هذا الخبر."
        let page = """
        <html><head><title>\(Fixtures.title)</title></head><body><div class="main"><h1>\(Fixtures.title)</h1>
        <div class="step">\(Fixtures.paragraphs[0])<br><br>\(Fixtures.paragraphs[1])</div>
        <div class="step">\(Fixtures.paragraphs[2])</div>
        <div id="comments-add"><p>\(prompt)</p></div></div></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "tip.html").first)
        #expect(article.body == Fixtures.paragraphs[0...2].joined(separator: "\n\n"))
        #expect(!article.body.contains(prompt))
    }

    /// A template that sets boxes of the text in <header> elements: a header
    /// holding paragraphs but no headline or navigation is read; the page's
    /// own header, with its headline and menu, stays out.
    @Test func aHeaderOfProseWithoutHeadlineIsPartOfTheText() throws {
        let menu = "<nav><a href=\"/\">الرئيسية</a> <a href=\"/sport\">رياضة</a></nav>"
        let slogan = "موقع إخباري مستقل يغطي أخبار الجنوب التونسي منذ عام ألفين وعشرة، ويصدر نشرته كل صباح."
        // The header's box holds less than the share of the prose that keeps any box.
        let more = [
            "وأوضح المدير الجهوي للصحة أن المستشفى سيضم أقساما للجراحة والتوليد وطب الأطفال، إضافة إلى وحدة للإنعاش ومخبر للتحاليل الطبية.",
            "وكان سكان الجهة قد نظموا خلال السنوات الماضية عدة وقفات احتجاجية للمطالبة بتحسين الخدمات الصحية وتقريبها من المواطنين.",
        ]
        let rest = Array(Fixtures.paragraphs[2...]) + more
        let page = """
        <html><head><title>\(Fixtures.title)</title></head><body>
        <header class="site">\(menu)<p>\(slogan)</p></header>
        <article><h1>\(Fixtures.title)</h1>
        <section class="block"><header class="description"><p>\(Fixtures.paragraphs[0])</p><p>\(Fixtures.paragraphs[1])</p></header></section>
        <section class="block">\(rest.map { "<p>\($0)</p>" }.joined())</section></article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "blocks.html").first)
        #expect(article.body == (Fixtures.paragraphs + more).joined(separator: "\n\n"))
        #expect(!article.body.contains(slogan))
    }

    /// The lead paragraph in a box of its own beside the body's box is part
    /// of the article; the related links beside them and a photo credit
    /// inside the body are not.
    @Test func leadInASiblingBoxIsKeptAndPhotoCreditsAreNot() throws {
        let related = (1...5).map { "<li><a href=\"/n\($0)\">عنوان خبر آخر منشور في الموقع نفسه رقم \($0) عن موضوع مختلف تماما</a></li>" }
        let page = """
        <html><head><title>\(Fixtures.title)</title></head><body><article>
        <h1>\(Fixtures.title)</h1>
        <div class="lead"><p>\(Fixtures.paragraphs[0])</p></div>
        <ul class="links">\(related.joined())</ul>
        <div class="text"><p>\(Fixtures.paragraphs[1])</p><p>\(Fixtures.paragraphs[2])</p>
        <p>المستشفى الجديد في القيروان © وكالة تونس إفريقيا للأنباء</p><p>\(Fixtures.paragraphs[3])</p></div>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "split.html").first)
        #expect(article.title == Fixtures.title)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    /// A blog post's element names its tags and categories in its classes;
    /// that makes it no tag cloud, while a teaser marked related still is chrome.
    @Test func aPostsTagClassesDoNotMakeItChrome() {
        func element(_ name: String, _ classes: String) -> HTMLElement { HTMLElement(name: name, attributes: [("class", classes)]) }
        #expect(!HTMLArticleExtractor.isChrome(element("article", "post-7 post type-post hentry category-news tag-economy")))
        #expect(!HTMLArticleExtractor.isChrome(element("div", "post-7 hentry tag-economy author-3")))
        #expect(HTMLArticleExtractor.isChrome(element("article", "related-post teaser")))
        #expect(HTMLArticleExtractor.isChrome(element("div", "post-tags tag-cloud")))
        // Labels that happen to contain a chrome word are still labels; a post's own mark is not.
        #expect(!HTMLArticleExtractor.isChrome(element("article", "post hentry tag-social-media category-popular tag-share")))
        #expect(HTMLArticleExtractor.isChrome(element("div", "hentry related-posts-item")))
    }

    /// A class name joining a content word and a chrome word names a part of
    /// the article that is chrome (its meta box, a notice above the text), and
    /// so does a call to action; a
    /// class name that is only a content word keeps its element, whatever
    /// other names it carries, and an article's header stays content.
    @Test func aChromePartNamedAfterTheArticleIsChrome() {
        func element(_ name: String, _ classes: String) -> HTMLElement {
            HTMLElement(name: name, attributes: [("class", classes)])
        }
        #expect(HTMLArticleExtractor.isChrome(element("span", "article__meta-value")))
        #expect(HTMLArticleExtractor.isChrome(element("div", "column entry-notice")))
        #expect(!HTMLArticleExtractor.isChrome(element("div", "entry-content clearfix")))
        #expect(!HTMLArticleExtractor.isChrome(element("div", "article-body meta")))
        #expect(!HTMLArticleExtractor.isChrome(element("div", "article-header")))
        // A call to action is chrome, as a class of its own or inside a compound.
        #expect(HTMLArticleExtractor.isChrome(element("section", "letters-cta")))
        #expect(HTMLArticleExtractor.isChrome(element("div", "box cta")))
    }

    /// A chrome word that a template writes as two words ("news-letter", "side_bar",
    /// "log-in") marks chrome as the joined word does; two words that only join
    /// into one with a single letter do not.
    @Test func aChromeWordWrittenAsTwoWordsIsChrome() {
        func element(_ name: String, _ classes: String) -> HTMLElement { HTMLElement(name: name, attributes: [("class", classes)]) }
        #expect(HTMLArticleExtractor.isChrome(element("div", "news-letter-section")))
        #expect(HTMLArticleExtractor.isChrome(element("div", "side_bar_reviews")))
        #expect(HTMLArticleExtractor.isChrome(element("a", "log-in-button")))
        #expect(HTMLArticleExtractor.isChrome(element("div", "af-bread-crumb")))
        #expect(!HTMLArticleExtractor.isChrome(element("div", "news-text")))
        #expect(!HTMLArticleExtractor.isChrome(element("div", "box-a-d")))
    }

    /// A heading whose list of links was left out as chrome goes with it;
    /// an intertitle followed by prose stays.
    @Test func headingOfARelatedListLeftOutGoesWithIt() throws {
        let related = (1...4).map { "<li><a href=\"/n\($0)\">عنوان خبر آخر رقم \($0) في الموقع</a></li>" }.joined()
        let page = """
        <html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1>
        <p>\(Fixtures.paragraphs[0])</p><p>\(Fixtures.paragraphs[1])</p>
        <h3>محطات</h3><ul class="related">\(related)</ul>
        <h3>\(Fixtures.intertitle)</h3><p>\(Fixtures.paragraphs[2])</p><p>\(Fixtures.paragraphs[3])</p>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "related.html").first)
        #expect(article.body == [Fixtures.paragraphs[0], Fixtures.paragraphs[1], Fixtures.intertitle, Fixtures.paragraphs[2], Fixtures.paragraphs[3]]
            .joined(separator: "\n\n"))
    }

    /// Short lines without a sentence at the ends of the text are labels
    /// around it (a kicker and a photo credit above; a contact label and a
    /// sign-up line below) and are left out; the same kind of line inside
    /// the text is an intertitle and stays, and so does a short closing sentence.
    @Test func labelsAtTheEndsOfTheTextAreLeftOut() throws {
        let closing = "والمستشفى مفتوح للجميع."
        let page = """
        <html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1>
        <div class="text"><p>ملف الأسبوع</p><p>عدسة سامي الحاج</p>
        <p>\(Fixtures.paragraphs[0])</p><p>\(Fixtures.paragraphs[1])</p>
        <p><b>\(Fixtures.intertitle)</b></p><p>\(Fixtures.paragraphs[2])</p><p>\(closing)</p>
        <p><b>للتواصل:</b></p><p>نشرتنا البريدية كل أسبوع</p></div>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "labels.html").first)
        let expected = [Fixtures.paragraphs[0], Fixtures.paragraphs[1], Fixtures.intertitle, Fixtures.paragraphs[2], closing]
            .joined(separator: "\n\n")
        #expect(article.body == expected)
        // The same when the text stops at a cue that ends articles ("related news").
        let endingAtACue = page.replacingOccurrences(of: "</div>", with: "<p>أخبار ذات صلة</p><p>\(Fixtures.sentence)</p></div>")
        #expect(try reader.read(Array(endingAtACue.utf8), fileName: "labels.html").first?.body == expected)
    }

    /// A class of its own "hidden" hides an element; in a compound it names
    /// something else that is hidden (the field's label, the overflow), and
    /// the element's text is read.
    @Test func onlyAHiddenClassOfItsOwnHidesText() throws {
        let hiddenNote = "هذا نص مخفي عن القراء لا يظهر في الصفحة أبدا، ويجب ألا يدخل في نص الخبر."
        let page = """
        <html><head><title>\(Fixtures.title)</title></head><body><article><h1>\(Fixtures.title)</h1>
        <div class="text"><p>\(Fixtures.paragraphs[0])</p><p>\(Fixtures.paragraphs[1])</p><p>\(Fixtures.paragraphs[2])</p></div>
        <p class="note hidden">\(hiddenNote)</p>
        <div class="field field--label-hidden overflow-hidden"><p>\(Fixtures.paragraphs[3])</p></div>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "hidden.html").first)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
        func element(_ classes: String) -> HTMLElement { HTMLElement(name: "div", attributes: [("class", classes)]) }
        #expect(HTMLArticleExtractor.isChrome(element("note hidden")))
        #expect(!HTMLArticleExtractor.isChrome(element("field field--label-hidden")))
    }

    /// A header left unclosed, or a form around the whole page, holds the
    /// article: a landmark around most of the page's prose is no chrome,
    /// while the navigation inside it still is.
    @Test func aLandmarkAroundTheWholeArticleIsNoChrome() throws {
        let related = "<div class=\"related\"><p>تراجعت أسعار الذهب في الأسواق العالمية اليوم بعد ارتفاع الدولار إلى أعلى مستوى له منذ شهرين، وفق ما أفاد به المتعاملون.</p></div>"
        let paragraphs = Fixtures.paragraphs.map { "<p>\($0)</p>" }.joined() + related
        let pages = [
            "<html><body><header><nav><a href=\"/\">الرئيسية</a> <a href=\"/a\">سياسة</a></nav><div class=\"story\"><h1>\(Fixtures.title)</h1>\(paragraphs)</div></body></html>",
            "<html><body><form id=\"page\" method=\"post\"><nav><a href=\"/\">الرئيسية</a></nav><div class=\"story\"><h1>\(Fixtures.title)</h1>\(paragraphs)</div></form></body></html>",
        ]
        for page in pages {
            let article = try #require(try reader.read(Array(page.utf8), fileName: "page.html").first)
            #expect(article.title == Fixtures.title)
            #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
        }
    }

    /// A gallery article shows one slide at a time and hides the others by
    /// class until clicked: together they are the text. A lone hidden block
    /// beside a shown article stays out.
    @Test func slidesHiddenByClassTogetherAreTheText() throws {
        let slides = Fixtures.paragraphs.enumerated().map { position, paragraph in
            "<div class=\"slide\(position == 0 ? "" : " hidden")\" id=\"slide-\(position)\"><h2>\(position + 1)</h2><p>\(paragraph)</p></div>"
        }.joined()
        let gallery = """
        <html><body><article><h1>\(Fixtures.title)</h1><div class="slides">\(slides)</div>
        <div class="note hidden"><p>\(Fixtures.sentence)</p></div></article></body></html>
        """
        let article = try #require(try reader.read(Array(gallery.utf8), fileName: "gallery.html").first)
        #expect(article.body.contains(Fixtures.paragraphs[3]))
        #expect(Fixtures.paragraphs.allSatisfy { article.body.contains($0) })
        #expect(!article.body.contains(Fixtures.sentence))
    }

    /// When the page holds only a teaser, JSON-LD's articleBody is the text.
    @Test func linkedDataBodyWhenThePageShowsLittle() throws {
        let body = Fixtures.paragraphs.joined(separator: "\\n")
        let page = """
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "صفحة"},
         {"@type": ["NewsArticle"], "headline": "\(Fixtures.title)", "articleBody": "\(body)", "datePublished": "2024-11-12"}]}
        </script></head><body><div class="teaser"><p>\(Fixtures.paragraphs[0].prefix(60))…</p></div></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "amp.html").first)
        #expect(article.title == Fixtures.title)
        #expect(article.published == "2024-11-12")
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    /// A linked-data body holding the article's markup, escaped once more
    /// by the publishing system, is read as the paragraphs it shows: no tag
    /// or entity is printed, and the tags do not make it look longer than
    /// the page's own text.
    @Test func linkedDataBodyInEscapedMarkupIsReadAsItsParagraphs() throws {
        let escaped = Fixtures.paragraphs.map { "&lt;p class=&quot;text&quot;&gt;\($0)&lt;/p&gt;" }.joined()
        let shown = Fixtures.paragraphs.map { "<p>\($0)</p>" }.joined()
        let page = """
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "\(Fixtures.title)", "articleBody": "\(escaped)"}
        </script></head><body><article><h1>\(Fixtures.title)</h1>\(shown)
        <div class="more"><a href="/1">خبر آخر</a></div></article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "cms.html").first)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
        let teaser = page.replacingAll(shown, with: "<p>\(Fixtures.paragraphs[0].prefix(60))…</p>")
        let fromLinkedData = try #require(try reader.read(Array(teaser.utf8), fileName: "amp.html").first)
        #expect(fromLinkedData.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    /// A how-to or recipe page that draws its steps by script keeps them in
    /// JSON-LD: the description, the ingredients and the nested steps are the text.
    @Test func linkedDataStepsWhenThePageShowsLittle() throws {
        let steps = Fixtures.paragraphs.dropFirst().map { #"{"@type": "HowToStep", "text": "\#($0)"}"# }.joined(separator: ", ")
        let page = """
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "HowTo", "name": "\(Fixtures.title)",
         "description": "<p>\(Fixtures.paragraphs[0])</p>", "supply": [{"@type": "HowToSupply", "name": "ورق"}],
         "step": [{"@type": "HowToSection", "itemListElement": [\(steps)]}]}
        </script></head><body><h1>\(Fixtures.title)</h1><div id="app"><p>جار التحميل</p></div></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "howto.html").first)
        #expect(article.title == Fixtures.title)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    /// A page that draws its article by script prints it in <noscript> for
    /// readers without scripts; a noscript beside a shown article holds no text of it.
    @Test func noscriptProseWhenThePageShowsNone() throws {
        let paragraphs = Fixtures.paragraphs.map { "<p>\($0)</p>" }.joined()
        let scripted = """
        <html><body><h1>\(Fixtures.title)</h1><div class="post-body"><script>render()</script>
        <noscript>\(paragraphs)</noscript></div><div class="aside">تابعونا</div></body></html>
        """
        let article = try #require(try reader.read(Array(scripted.utf8), fileName: "blog.html").first)
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))

        let shown = """
        <html><body><h1>\(Fixtures.title)</h1><div class="post-body">\(paragraphs)
        <noscript><p>\(Fixtures.sentence) \(Fixtures.sentence)</p></noscript></div></body></html>
        """
        let plain = try #require(try reader.read(Array(shown.utf8), fileName: "page.html").first)
        #expect(plain.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    /// German prose for the tests of cues in languages other than Arabic and English.
    static let germanParagraphs = [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss bis zum Sommer zu sanieren, weil die Prüfer Risse im Beton gefunden haben.",
        "Die Arbeiten sollen im März beginnen und etwa vier Monate dauern; in dieser Zeit fahren die Busse eine Umleitung über die Nordstraße.",
    ]

    /// A page in another language closes with the same kinds of trailing
    /// sections, labels and source lines as an Arabic or English one, and
    /// they are read the same way: a related section ends the text, a
    /// read-also label and an advertisement label are left out, a source line
    /// gives the source.
    @Test func cuesInOtherLanguagesEndTheTextAndLeaveOutLabels() throws {
        let page = """
        <html><head><title>Brücke wird saniert</title></head><body><article><h1>Brücke wird saniert</h1>
        <p>\(Self.germanParagraphs[0])</p><p>Lesen Sie auch</p><p>Anzeige</p><p>\(Self.germanParagraphs[1])</p>
        <p>Quelle: Stadtverwaltung</p>
        <h3>Das könnte Sie auch interessieren</h3>
        <p>Im Nachbarort wurde die Umgehungsstraße nach zwei Jahren Bauzeit endlich für den Verkehr freigegeben.</p>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "bruecke.html").first)
        #expect(article.body == Self.germanParagraphs.joined(separator: "\n\n"))
        #expect(article.source == "Stadtverwaltung")
    }

    /// An `<address>` gives the contact details of the author or the page's
    /// owner (and, on old pages, when it was last changed): it is not text.
    @Test func anAddressIsNoText() throws {
        let page = """
        <html><head><title>Brücke wird saniert</title></head><body><h1>Brücke wird saniert</h1>
        <p>\(Self.germanParagraphs[0])</p><p>\(Self.germanParagraphs[1])</p>
        <address>Stadtverwaltung, Marktplatz 1. Zuletzt geändert am 3. März 2021.</address>
        </body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "bruecke.html").first)
        #expect(article.body == Self.germanParagraphs.joined(separator: "\n\n"))
    }

    /// A related-posts box holds no article, even when its teasers add up to
    /// more prose than a short article beside it; a box of the article's
    /// content that a class also ties to related posts stays.
    @Test func aRelatedBoxIsNoWrapperOfAShortArticle() throws {
        let teasers = (1...4).map {
            "<li><a href=\"/n\($0)\">Bericht \($0)</a><p>Ein anderer Bericht der Zeitung über die Feuerwehr, die Polizei und den Rettungsdienst der Stadt, Nummer \($0).</p></li>"
        }.joined()
        let page = """
        <html><head><title>Brücke wird saniert</title></head><body><article><h1>Brücke wird saniert</h1>
        <section class="post-main"><p>\(Self.germanParagraphs[0])</p></section>
        <section class="post-related"><ul>\(teasers)</ul></section>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "bruecke.html").first)
        #expect(article.body == Self.germanParagraphs[0])
        let hooked = page.replacingOccurrences(of: "<section class=\"post-main\">", with: "<section class=\"article-content js-related-hook\">")
            .replacingOccurrences(of: "<p>\(Self.germanParagraphs[0])</p>", with: Self.germanParagraphs.map { "<p>\($0)</p>" }.joined())
            .replacingOccurrences(of: "<section class=\"post-related\"><ul>\(teasers)</ul></section>", with: "")
        #expect(try reader.read(Array(hooked.utf8), fileName: "bruecke.html").first?.body == Self.germanParagraphs.joined(separator: "\n\n"))
    }

    /// A photo's credit or legend line is left out; a sentence that opens
    /// with the same word stays.
    @Test func photoCreditLinesAreLeftOut() throws {
        let sentence = "Bilder von der Baustelle zeigen, wie weit die Risse im Beton schon reichen."
        let page = """
        <html><head><title>Brücke wird saniert</title></head><body><article><h1>Brücke wird saniert</h1>
        <p>Foto: Max Muster</p><p>\(Self.germanParagraphs[0])</p><p>(Bild: Stadtverwaltung)</p><p>\(sentence)</p>
        <p>\(Self.germanParagraphs[1])</p><p>Photo credit: Anna Beispiel</p>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "bruecke.html").first)
        #expect(article.body == [Self.germanParagraphs[0], sentence, Self.germanParagraphs[1]].joined(separator: "\n\n"))
    }

    /// A sub-heading that opens with a one-word end cue ("Kommentare",
    /// "Comentarios") is an intertitle of the article, not its end.
    @Test func aHeadingOpeningWithAnEndCueIsAnIntertitle() throws {
        let page = """
        <html><head><title>Brücke wird saniert</title></head><body><article><h1>Brücke wird saniert</h1>
        <p>\(Self.germanParagraphs[0])</p><h2>Kommentare aus der Opposition</h2>
        <p>\(Self.germanParagraphs[1])</p>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "bruecke.html").first)
        #expect(article.body == [Self.germanParagraphs[0], "Kommentare aus der Opposition", Self.germanParagraphs[1]].joined(separator: "\n\n"))
        let spanish = page.replacingOccurrences(of: "Kommentare aus der Opposition", with: "Comentarios de la oposición")
        #expect(try reader.read(Array(spanish.utf8), fileName: "bruecke.html").first?.body.contains(Self.germanParagraphs[1]) == true)
    }

    /// The article's wrapper whose class says the post has comments
    /// ("has-comments", "comments-open"), or whose id happens to hold a role
    /// word while it holds no links ("main-recommendations-wrap"), still
    /// wraps the article: it is no comment or recommendation box.
    @Test func aWrapperNamedForAStateOrWithoutLinksIsNoSideBox() throws {
        let teasers = (1...2).map {
            "<p>Ein anderer Bericht der Zeitung über die Feuerwehr, die Polizei und den Rettungsdienst der Stadt, Nummer \($0).</p>"
        }.joined()
        for opening in ["<div class=\"single-post has-comments\">", "<div class=\"post comments-open\">", "<div id=\"main-recommendations-wrap\">"] {
            let page = """
            <html><head><title>Brücke wird saniert</title></head><body>
            <div class="menu"><a href="/">Start</a> <a href="/a">Lokales</a></div>
            \(opening)<h1>Brücke wird saniert</h1>\(Self.germanParagraphs.map { "<p>\($0)</p>" }.joined())</div>
            <div class="latest"><h3>Neueste Berichte</h3>\(teasers)</div></body></html>
            """
            let article = try #require(try reader.read(Array(page.utf8), fileName: "bruecke.html").first)
            #expect(article.body.hasPrefix(Self.germanParagraphs.joined(separator: "\n\n")), "\(opening)")
        }
    }

    /// Role words are read as words of a class name: a role word with an
    /// ending names a box, a state word beside it does not.
    @Test func sideRoleNamesAreWordsNotFragments() {
        #expect(HTMLArticleExtractor.namesSideRole("comments"))
        #expect(HTMLArticleExtractor.namesSideRole("comment-list"))
        #expect(HTMLArticleExtractor.namesSideRole("post related_posts"))
        #expect(HTMLArticleExtractor.namesSideRole("recommendations"))
        #expect(!HTMLArticleExtractor.namesSideRole("single-post has-comments"))
        #expect(!HTMLArticleExtractor.namesSideRole("comments-open"))
        #expect(!HTMLArticleExtractor.namesSideRole("with-comments"))
        #expect(!HTMLArticleExtractor.namesSideRole("commentator-bio"))
    }

    /// A cue that ends articles, heading a box set inside the text whose
    /// links are left out, ends nothing when a long paragraph of prose comes
    /// right after it: only the label goes. After the article's last
    /// paragraph the same cue still ends the text.
    @Test func anEndCueFollowedByTheArticlesProseIsOnlyALabel() throws {
        let long = "Die Arbeiten sollen im März beginnen und etwa vier Monate dauern; in dieser Zeit fahren die Busse eine Umleitung über die Nordstraße, "
            + "und die Anwohner der Uferstraße bekommen für die Dauer der Bauarbeiten Parkausweise für den Platz hinter dem Rathaus, wie die Stadt mitteilt."
        let links = (1...4).map { "<li><a href=\"/n\($0)\">Ein anderer Artikel der Zeitung Nummer \($0)</a></li>" }.joined()
        let page = """
        <html><head><title>Brücke wird saniert</title></head><body><article><h1>Brücke wird saniert</h1>
        <p>\(Self.germanParagraphs[0])</p>
        <div class="box"><h4>Auch interessant</h4><ul>\(links)</ul></div>
        <p>\(long)</p>
        <h3>Kommentare</h3><p>Endlich passiert etwas an dieser Brücke, das wurde auch Zeit.</p>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "bruecke.html").first)
        #expect(article.body == [Self.germanParagraphs[0], long].joined(separator: "\n\n"))
    }

    /// An article body whose navigation lists at its end outweigh its prose
    /// is read from its paragraphs as siblings; the intertitles and the table
    /// between them are the text's too, though too short or too linked to
    /// count alone. The navigation after the last paragraph stays out.
    @Test func theIntertitlesAndTablesBetweenTheParagraphsOfABodyAreKept() throws {
        let paragraphs = [
            "The spell conjures a jet of clean water from the tip of the caster's wand, and it was taught to sixth years in their charms class, "
                + "where most of them learned it within a few weeks of practice and used it often afterwards.",
            "Nobody knows who invented the spell or when it was first cast, though the oldest books of charms in the school's library already "
                + "describe it as a common spell that every household in the country had long known and used.",
            "The spell was useless against cursed fire, as the water it conjured would evaporate at once on contact with the flames, which is "
                + "why the firemen of the city never relied on it alone when a house was burning down to its walls.",
        ]
        let rows = [
            ("Anna Beispiel", "She used the spell to put out a fire in the kitchen of the house where she lived with her three brothers."),
            ("Jan Muster", "He used it during a lesson and knocked his teacher over, which earned him a week of lines as detention."),
        ]
        let table = "<table>" + rows.map { "<tr><td><a href=\"/wiki/\($0.0)\">\($0.0), the innkeeper of the Old Town</a></td><td>\($0.1)</td></tr>" }
            .joined() + "</table>"
        let navigation = (1...16).map { "<li><a href=\"/wiki/n\($0)\">Another spell of the same book, number \($0)</a></li>" }.joined()
        let page = """
        <html><head><title>Water-Making Spell</title></head><body><article>
        <p>\(paragraphs[0])</p><h2>History</h2><p>\(paragraphs[1])</p>\(table)<p>\(paragraphs[2])</p>
        <h2>Other spells</h2><ul>\(navigation)</ul>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "spell.html").first)
        let expected = [paragraphs[0], "History", paragraphs[1]] + rows.map(\.1) + [paragraphs[2]]
        #expect(article.body == expected.joined(separator: "\n\n"))
    }

    /// A sentence of the text whose words are mostly a link stays between
    /// the paragraphs around it; a label and its link ("Mehr zur Sanierung:
    /// <a>...</a>") stays out.
    @Test func aSentenceCarryingALinkIsText() throws {
        let linked = "Sie folgt auf <a href=\"/p/2\">Jan Muster, der das Amt in den letzten acht Monaten neben seinen anderen Aufgaben geführt hat</a>, "
            + "und bleibt in der Abteilung für Marketing."
        let label = "Mehr zur Sanierung der alten Brücke über den Fluss: <a href=\"/p/3\">Was bezahlt die Stadt für die Arbeiten am Ufer und an den Pfeilern der Brücke?</a>"
        let closing = [
            "Die Kosten von rund zwei Millionen Euro trägt zur Hälfte das Land, den Rest zahlt die Stadt aus den Rücklagen des letzten Jahres.",
            "Für Fußgänger bleibt die Brücke während der ganzen Bauzeit offen, nur an zwei Wochenenden im April wird sie ganz gesperrt sein.",
        ]
        let page = """
        <html><head><title>Brücke wird saniert</title></head><body><article><h1>Brücke wird saniert</h1>
        <p>\(Self.germanParagraphs[0])</p><p>\(linked)</p><p>\(Self.germanParagraphs[1])</p><p>\(label)</p>
        <p>\(closing[0])</p><p>\(closing[1])</p>
        </article></body></html>
        """
        let article = try #require(try reader.read(Array(page.utf8), fileName: "bruecke.html").first)
        let sentence = "Sie folgt auf Jan Muster, der das Amt in den letzten acht Monaten neben seinen anderen Aufgaben geführt hat, "
            + "und bleibt in der Abteilung für Marketing."
        #expect(article.body == ([Self.germanParagraphs[0], sentence, Self.germanParagraphs[1]] + closing).joined(separator: "\n\n"))
    }
}

@Suite("Site fingerprints")
struct SiteFingerprintTests {
    /// Stored fingerprints outlive the code that made them: the hash must
    /// stay FNV-1a over the line's key words joined by one space.
    @Test func fingerprintHashesTheKeyWordsJoinedBySpaces() {
        let lines = [
            "  Share: Facebook | Twitter  ", "شارك   على فيسبوك… وتويتر!", "اَلْأَخْبَارُ  العاجلة", "Mehr zum THEMA: Ärger",
            "1,234 — views", "...", "",
        ]
        for line in lines {
            let key = BoilerplateLexicon.keyWords(line).joined(separator: " ")
            let expected = StableHasher.hash(key.utf8)
            #expect(SiteTemplate.fingerprint(line) == (key.isEmpty ? nil : expected), "\(line)")
            // The plain-text reader hashes the key it already has: the same value.
            #expect(SiteTemplate.fingerprint(keyWordsJoined: key) == SiteTemplate.fingerprint(line), "\(line)")
        }
    }
}

@Suite("Lowercasing")
struct LowercasingTests {
    /// The table-driven lowercase must agree with the standard library's for
    /// every scalar it covers and for the scalars beyond it.
    @Test func agreesWithTheStandardLibrary() {
        let covered = String(String.UnicodeScalarView((0x20..<0x800).compactMap(Unicode.Scalar.init)))
        let samples = [
            covered, "ÄRGER über STRAẞE", "ΟΔΟΣ Σοφίας", "İSTANBUL ıI", "ǅemal ǈ ǋ", "ＡＢＣ Ꭰ 𐐀𐐨", "وزارة الصحة Mehr", "",
        ]
        for sample in samples {
            #expect(sample.lowercasedByScalar() == sample.lowercased(), "\(sample.prefix(40))")
            #expect(sample.lowercasedIfCased() == sample.lowercased(), "\(sample.prefix(40))")
        }
    }
}
