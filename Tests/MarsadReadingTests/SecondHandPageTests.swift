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

    /// A clip saved as Markdown: the front matter, the excerpt repeating the lead, the image and
    /// the site's link are no text, and the title is the heading's words without its marks.
    @Test func aMarkdownClipIsReadAsThePageItStandsFor() throws {
        let page = ["---", "title: \"\(Self.title)\"", "source: \"https://www.example.com/news/1\"", "author:", "  - \"[[الرياض - واس]]\"",
                    "published: 2015-08-10", "tags:", "  - \"clippings\"", "---", "", "> ## Excerpt", "> " + String(Self.opening[0].prefix(90)) + "…", "",
                    "---", "", "# " + Self.title, "", Self.opening[0], "", "![](https://www.example.com/news/1/photo.jpg)", "",
                    Self.opening[1], "", "[صحيفة الأفق](https://www.example.com/)"]
        let article = try read(page, fileName: "clip.md")
        #expect(article.title == Self.title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        // Without front matter, a heading and a link alone still show the markup.
        let bare = try read(Array(page[15...]))
        #expect(bare.title == Self.title)
        #expect(bare.body == Self.opening.joined(separator: "\n\n"))
        #expect(MarkdownClip(["#السعودية وسم", Self.title, Self.opening[0]].joined(separator: "\n")) == nil)
        #expect(MarkdownClip("# " + Self.title + "\n" + Self.opening[0]) == nil)
    }

    /// A search cache's banner is written as sentences over the page it keeps; it is neither the
    /// title nor the text's opening. So is a chat export's notice of encryption.
    @Test func aCacheBannerIsNoText() throws {
        let article = try read([
            "This is Google's cache of http://www.example.com/news/1. It is a snapshot of the page as it appeared on Aug 10, 2015 19:36:50 GMT.",
            "The current page could have changed in the meantime. Learn more.",
            "Full version Text-only version View source",
            "Tip: To quickly find your search term on this page, press Ctrl+F or ⌘-F (Mac) and use the find bar.",
            "", "صحيفة الأفق", "الرئيسية  الأخبار  المناطق  الاقتصاد  الرياضة", Self.title, "10/08/2015", "الرياض - فهد العتيبي",
        ] + Self.opening + ["المزيد من الأخبار", "جميع الحقوق محفوظة © 2015 صحيفة الأفق"])
        #expect(article.title == Self.title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        for notice in ["10/08/2015, 10:02 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
                       "10/08/2015, 10:02 - الرسائل والمكالمات مشفرة تمامًا بين الطرفين. لا يمكن لأحد خارج هذه الدردشة قراءتها.",
                       "archive.today webpage capture", "All snapshots from host www.example.com"] {
            let words = Self.keyWords(notice)
            #expect(PassedOnChrome.isEncryptionNotice(keyWords: words) || PassedOnChrome.isSnapshotBanner(keyWords: words), "\(notice)")
        }
        #expect(!PassedOnChrome.isSnapshotBanner(keyWords: Self.keyWords("This is the full version of the report, the minister said.")))
        #expect(!PassedOnChrome.isEncryptionNotice(keyWords: Self.keyWords(Self.opening[0])))
    }

    /// A browser prints its header (date, time, the window's title) and footer (address, page of
    /// pages) on every printed page: the text goes on across them, and neither is the title.
    @Test func aPrintViewsHeadersAndFootersAreNoText() throws {
        let header = "8/10/15, 7:18 PM\t" + Self.title + " | صحيفة الأفق"
        let article = try read([header, "صحيفة الأفق", "طباعة | إغلاق النافذة", "", Self.title, "10 أغسطس 2015", "", Self.opening[0], "",
                                "http://www.example.com/news/1.html\t1/2", header, "", Self.opening[1], "", "http://www.example.com/news/1.html\t2/2"])
        #expect(article.title == Self.title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        for line in [header, "10/08/2015, 19:02\tالعنوان", "http://www.example.com/a?id=1\t3/4", "https://example.com/\t1/1"] {
            #expect(PassedOnChrome.isPrintHeaderOrFooter(line), "\(line)")
        }
        for line in ["8/10/15, 7:18 PM الرياض", "http://www.example.com/a 3/4", "http://www.example.com/a\t5/4", "2015\tعام الحزم"] {
            #expect(!PassedOnChrome.isPrintHeaderOrFooter(line), "\(line)")
        }
    }

    /// A newspaper's PDF page breaks the article off ("البقية ص 16") and takes it up on another
    /// page under "تتمة: headline": both halves are the text, and the head is never the title.
    @Test func aContinuedArticleIsOneText() throws {
        let article = try read(["الرأي 39", "صحيفة الأفق - 10 أغسطس 2015", "", Self.title, "الرياض - فهد العتيبي", "", Self.opening[0],
                                "البقية ص 41", "", "39", "www.example.com", "\u{0C}", "الرأي 41", "", "تتمة: " + Self.title, "", Self.opening[1], "", "41"])
        #expect(article.title == Self.title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        let shape = { (line: String) in LineShape(line) }
        for line in ["البقية ص 16", "تتمة: " + Self.title, "تتمة المنشور ص 14", "Continued on page 5"] {
            #expect(PassedOnChrome.isContinuationLine(keyWords: Self.keyWords(line), shape: shape(line)), "\(line)")
        }
        for line in ["بقية أعضاء اللجنة حضروا الاجتماع في موعده المحدد صباح أمس.", "بقية الفرق تتأهل إلى الدور الثاني", "Continued growth in the region is expected by analysts next year"] {
            #expect(!PassedOnChrome.isContinuationLine(keyWords: Self.keyWords(line), shape: shape(line)), "\(line)")
        }
    }

    /// A wiki's news page lists its sources under the text (other headlines with their site and
    /// date, which read as prose) and closes with the page's last edit: neither is the text.
    @Test func aWikisSourcesAndLastEditAreNoText() throws {
        let article = try read([Self.title, "From Wikinews, the free news source you can write!", "Monday, August 10, 2015", ""]
            + Self.opening.flatMap { [$0, ""] }
            + ["Share this story", "Sources", "«وزارة الصحة تطلق حملة وطنية للتطعيم ضد الإنفلونزا الموسمية» — صحيفة الأفق، الاثنين 10 أغسطس 2015",
               "", "Categories: Saudi Arabia | Middle East", "This page was last edited on 10 August 2015, at 21:14."])
        #expect(article.title == Self.title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        for line in ["مصادر", "Sources", "آخر تعديل لهذه الصفحة كان يوم 10 أغسطس 2015، الساعة 21:14."] {
            #expect(PassedOnChrome.isWikiTrailer(keyWords: Self.keyWords(line)), "\(line)")
        }
        #expect(!PassedOnChrome.isWikiTrailer(keyWords: Self.keyWords("Sources: Reuters")))
    }

    /// Between the line that breaks an article off and the head that takes it up stand the page's
    /// foot and the next page's head (its number, the site, an ad box, the running head): none of
    /// it is text, and the text goes on across it however many lines it takes.
    @Test func aPageTurnBetweenTwoContinuationLinesIsNoGap() throws {
        let article = try read(["دوليات 14", "صحيفة الأفق - 10 أغسطس 2015", "", Self.title, "الرياض - فهد العتيبي", "", Self.opening[0], "",
                                "التتمة ص 16", "14", "www.example.com", "للإعلان اتصل على 920000276", "مؤسسة الأفق الصحفية - قسم الإعلانات",
                                "\u{0C}", "دوليات 16", "صحيفة الأفق - 10 أغسطس 2015", "أخبار العالم في سطور", "", "تتمة المنشور ص 14", "", Self.opening[1]])
        #expect(article.title == Self.title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
    }

    /// A chat export stamps each message: the members' replies under a forwarded article are
    /// messages of their own, not its text, however long they run.
    @Test func aChatsRepliesAreNoText() throws {
        let reply = "10/08/2015, 19:30 - أبو فيصل: والله الموضوع يحتاج متابعة من الجهات المختصة لأن مثل هذه الأمور تتكرر كل سنة وما نشوف حل جذري لها."
        let article = try read(["10/08/2015, 10:03 - أنشأ أبو فيصل المجموعة \"أخبار العائلة\"", "10/08/2015, 19:04 - عبدالله الشهري: السلام عليكم",
                                "10/08/2015, 19:24 - خالد العتيبي: 📰 صحيفة الأفق", Self.title] + Self.opening
                               + ["10/08/2015, 19:27 - أبو عبدالرحمن: يعطيك العافية", reply, "10/08/2015, 19:33 - راعي الأولة: نقل موفق"])
        #expect(article.title == Self.title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        for stamp in ["[10/08/2015, 8:32:58 PM] سلطان: الله يستر", reply, "10/08/2015, 19:30 – خالد: تم"] {
            #expect(PassedOnChrome.opensWithChatStamp(stamp), "\(stamp)")
        }
        for line in ["10/08/2015, 19:30 الرياض", "8/10/15, 7:18 PM\tالعنوان", "2015/08/10 - الرياض: قال"] {
            #expect(!PassedOnChrome.opensWithChatStamp(line), "\(line)")
        }
    }
    /// An alert label before a colon or a dash is the channel's flag, not the headline's words;
    /// a word that merely opens a headline before a colon stays, as does a label that leaves too few words.
    @Test func anAlertLabelIsLeftOutOfTheTitle() throws {
        for line in ["خبر عاجل: " + Self.title, "عاجل - " + Self.title, "🔴 عاجل - " + Self.title, "Breaking: " + Self.title] {
            #expect(TitleWrapping.unwrapped(line) == Self.title, "\(line)")
        }
        for line in ["الرياض: " + Self.title, "عاجل: انخفاض النفط", "عاجلا أو آجلا - " + Self.title] {
            #expect(TitleWrapping.unwrapped(line) == line, "\(line)")
        }
    }

    /// An alert log's entries, each a time of day and an alert label, stand over the article the
    /// last alert carries: they are no text and never its headline.
    @Test func anAlertLogsTimedEntriesAreNoTitle() throws {
        let page = ["أخبار الجوال", "سجل الرسائل — 7 مارس 2015", "", "13:54  خبر عاجل: وزير الشؤون البلدية يوجه بإنشاء مكاتب لإدارة المشاريع", "",
                    "18:47  خبر عاجل: الجبير يقول إن الأسد فقد شرعيته", "", "05:25", "🔴 عاجل - " + Self.title, ""] + Self.opening.flatMap { [$0, ""] }
        let article = try read(page)
        #expect(article.title == Self.title)
        #expect(article.body.hasPrefix(Self.opening[0]))
        func isTimedAlert(_ line: String) -> Bool { PassedOnChrome.isTimedAlert(line, shape: LineShape(line)) }
        #expect(isTimedAlert("19:58 Breaking - " + Self.title))
        for line in ["13:54  " + Self.title, "2015: عاجل - " + Self.title, "13:54 عاجلا أو آجلا - " + Self.title] {
            #expect(!isTimedAlert(line), "\(line)")
        }
    }

    /// A live report's updates open with a time and an alert label too, but each says a
    /// sentence or more: they are the text, not an alert log's entries.
    @Test func aLiveReportsTimedUpdatesAreText() throws {
        let updates = [
            "13:54 عاجل: ارتفع عدد ضحايا الزلزال إلى 120 شخصا وفق ما أعلنته وزارة الداخلية في بيان مقتضب قبل قليل.",
            "14:20 عاجل: فرق الإنقاذ تواصل البحث عن ناجين تحت أنقاض المباني المنهارة في وسط المدينة القديمة منذ ساعات الصباح الأولى وسط ظروف جوية صعبة وانقطاع للتيار الكهربائي في أحياء عدة",
        ]
        let article = try read([Self.title, "", Self.opening[0], "", updates[0], "", updates[1], "", Self.opening[1]])
        #expect(article.title == Self.title)
        #expect(article.body == [Self.opening[0], updates[0], updates[1], Self.opening[1]].joined(separator: "\n\n"))
    }

    /// "###" or "-انتهى-" set as a section break, or under a one-paragraph lead, has more of the
    /// text after it than a release's tail: the text goes on past it, and the headline stays the title.
    @Test func anEndMarkWithTheTextGoingOnIsASectionBreak() throws {
        for mark in ["###", "-انتهى-", "المصادر"] {
            let later = "وأوصت الندوة في ختام أعمالها بإنشاء مرصد وطني يتابع ظاهرة التطرف بين الشباب ويقدم تقارير دورية إلى الجهات المختصة."
            let article = try read([Self.title, "", Self.opening[0], "", mark, "", Self.opening[1], "", later])
            #expect(article.title == Self.title, "\(mark)")
            #expect(article.body == [Self.opening[0], Self.opening[1], later].joined(separator: "\n\n"), "\(mark)")
        }
    }
    /// A word processor's export: the "Prepared by:" line is the document's byline and a
    /// reviewer's margin note ("[Comment KS3: …]") is no text; neither is the title.
    @Test func aWordProcessorsBylineAndMarginNotesAreNoTitle() throws {
        let page = ["Press clipping — 18 يناير 2015", "Prepared by: Media monitoring unit", "", "Source: عكاظ", "", Self.title, "",
                    Self.opening[0], "[Comment KS3: confirm with the ministry]", "", Self.opening[1]]
        let article = try read(page)
        #expect(article.title == Self.title)
        #expect(!article.body.contains("Comment"))
        #expect(BoilerplateLexicon.shipped.match("Prepared by: Media monitoring unit")?.kind == .author)
        #expect(PassedOnChrome.isReviewComment("[تعليق م1: يضاف إلى التقرير]"))
        for line in ["[Comment] " + Self.title, "[صور: واس]", "Comment KS3: confirm"] {
            #expect(!PassedOnChrome.isReviewComment(line), "\(line)")
        }
    }
    /// A thread's post ages ("· 10m", "44m") under the poster's name are the network's marks,
    /// never the title; a figure with its unit inside a line is the text's.
    @Test func aPostsAgeIsNoTitle() throws {
        let headline = "إدارة جديدة بطموح كبير للنادي"
        let page = ["Home", "Explore", "", "Gulf Wire", "@saudi_news", "", headline + " 🧵", "", "03:16 · Jun 14, 2015 · 4755 Views",
                    "", "Gulf Wire", "@saudi_news", "· 10m", Self.opening[0], "2/3", "", "Gulf Wire", "@saudi_news", "13m", Self.opening[1], "3/3"]
        let article = try read(page)
        #expect(article.title == headline)
        #expect(article.body.contains(Self.opening[1]))
        #expect(!article.body.contains("13m"))
        for line in ["100m", "10 m", "· 10 دقائق", "10mg", "m"] {
            #expect(!PassedOnChrome.isPostAge(line), "\(line)")
        }
    }
    /// A transcript's stamps with their speakers' labels and the platform's notice under it
    /// are no text; a time of day alone, or before a sentence, is not such a stamp.
    @Test func aTranscriptsStampsAndNoticeAreNoText() throws {
        let page = [Self.title, "الحلقة 288 · 50 min · Apr 23, 2015", "", "Transcript", "", "[00:01:07] المراسل:", Self.opening[0], "",
                    "[00:01:39] Speaker 1", Self.opening[1], "", "2:39 المذيع:", Fixtures.paragraphs[0], "",
                    "Transcripts are generated automatically and may contain errors."]
        let article = try read(page)
        #expect(article.title == Self.title)
        #expect(article.body.contains(Fixtures.paragraphs[0]))
        for mark in ["[00:01", "Speaker", "2:39", "Transcripts"] {
            #expect(!article.body.contains(mark), "\(mark)")
        }
        for line in ["10:30", "10:30 صباحا", "13:54 " + Self.title, "[00:01:39] " + Self.opening[0]] {
            #expect(!PassedOnChrome.isTranscriptStamp(line), "\(line)")
        }
    }
}
