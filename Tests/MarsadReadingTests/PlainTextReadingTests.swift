import Testing
@testable import MarsadReading

@Suite("Plain-text pages")
struct PlainTextReadingTests {
    let reader = ArticleReader()

    @Test func scrapedPageGivesArticleWithoutChrome() throws {
        let article = try #require(try reader.read(Array(Fixtures.plainTextPage.utf8), fileName: "page.txt").first)
        #expect(article.format == .text)
        #expect(article.title == Fixtures.title)
        #expect(article.author == "سامي الحاج")
        #expect(article.source == "وكالة تونس إفريقيا للأنباء")
        #expect(article.published == "2024-11-12")
        #expect(article.siteName == "صوت القيروان")
        #expect(article.body == [
            Fixtures.paragraphs[0], Fixtures.paragraphs[1], Fixtures.intertitle, Fixtures.paragraphs[2], Fixtures.paragraphs[3],
        ].joined(separator: "\n\n"))
    }

    @Test(arguments: [
        String(repeating: "\u{064E}\u{0651}\u{0640}", count: 500),
        "ـــــــ\n\u{064B}\u{064C}\u{064D}\n\u{0652}ـ",
        "ـــ ... «»،؛ ـــ\n\u{0670}\u{0654}",
    ])
    func onlyDiacriticsAndTatweelIsNoText(text: String) {
        #expect { try reader.read(Array(text.utf8), fileName: "marks.txt") } throws: { error in
            guard let error = error as? ReadingError else { return false }
            return error.kind == .empty && error.message.hasPrefix("the file holds no text")
        }
    }

    @Test func recordsOfOnlyDiacriticsAreSkippedBesideRealOnes() throws {
        let json = #"[{"title": "ـــ", "text": "\#u{064E}\#u{064F}"}, {"title": "حصيلة رمضان", "text": "نص الخبر"}]"#
        let document = try reader.readDocument(Array(json.utf8), fileName: "records.json")
        #expect(document.articles.map(\.title) == ["حصيلة رمضان"])
        #expect(document.warnings == ["1 of 2 records had neither a title nor a text and were skipped"])
    }

    /// The page is put in display form once, then cut into lines; cutting it first and
    /// normalizing each line must give the same lines, whatever breaks them.
    /// (U+0085 and text that needs composing take the line-by-line way, so
    /// they are not among these: for them the two would be one function.)
    @Test(arguments: [
        Fixtures.plainTextPage,
        "عنوان\r\nالنص الأول،  بمسافات\t مزدوجة.\r\rسطر\u{2028}سطر آخر\u{2029}\u{0B}\u{0C}أخير  ",
        "  \u{FEFF}بداية\n\n\n   \n\u{200F}\n\u{0640}\nـــ الأخبار  مقالات  فيديو  صور\n© 2024",
        "Home > News > World\r\nTitle line\rBody line ... with ... ellipses ... here",
        "", "\n", "\r\n\r\n", "one line, no break",
    ])
    func pageCutOnceGivesTheLinesCutOneByOne(_ page: String) {
        let extractor = PlainTextExtractor(lexicon: .shipped)
        #expect(PlainTextExtractor.linesByDisplayForm(page) != nil)
        #expect(extractor.classify(page) == extractor.classifyLineByLine(page))
    }

    /// The opening's script is read from the first scalars of its keys, one key after another.
    @Test func openingScriptIsTheScriptOfTheFirstScalarsOfTheKeys() {
        let keys = ["قال الوزير", "the minister said", "", String(repeating: "abc ", count: 300), "نص", "ﻻ café"]
        for count in 0...keys.count {
            let opening = Array(keys.prefix(count))
            for limit in [0, 1, 5, 12, 640] {
                #expect(Script.dominant(inFirst: limit, scalarsOf: opening) == Script.dominant(in: opening.lazy.flatMap(\.unicodeScalars).prefix(limit)))
            }
        }
    }

    @Test func headlineBlankLineBodyFile() throws {
        let text = "حصيلة رمضان\n\n" + Fixtures.paragraphs.joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "a001.txt").first)
        #expect(article.title == "حصيلة رمضان")
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    @Test func pageWithoutTitleGetsTheFirstSentence() throws {
        let text = Fixtures.paragraphs.joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "a.txt").first)
        #expect(article.title == "أعلنت وزارة الصحة، اليوم الثلاثاء، عن افتتاح مستشفى جديد في مدينة القيروان يضم مئة سرير ويخدم…")
        #expect(article.body == Fixtures.paragraphs.joined(separator: "\n\n"))
    }

    @Test func titleRepeatedAboveTheBodyAndSiteBylineBetween() throws {
        let text = ["سياسة", "", Fixtures.title, "", "صوت القيروان", "", Fixtures.title, Fixtures.paragraphs[0], "",
                    Fixtures.paragraphs[1], "", "اقرأ أيضاً:انطلاق موسم جني الزيتون في صفاقس", "", Fixtures.paragraphs[2]]
            .joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "a.txt").first)
        #expect(article.title == Fixtures.title)
        #expect(article.author == "صوت القيروان")
        #expect(article.body == Fixtures.paragraphs[0...2].joined(separator: "\n\n"))
    }

    @Test func englishPage() throws {
        let text = """
        Home | World | Business | Sport

        Hospital opens in Kairouan

        By Sami Haj

        The health ministry opened a new hospital in the city of Kairouan on Tuesday, with one hundred beds.

        Read also: Olive harvest starts in Sfax

        The minister said the hospital would receive its first patients next month, at a cost of 1.5 million dinars.

        Related articles

        Leave a comment
        """
        let article = try #require(try reader.read(Array(text.utf8), fileName: "en.txt").first)
        #expect(article.language == .english)
        #expect(article.title == "Hospital opens in Kairouan")
        #expect(article.author == "Sami Haj")
        #expect(article.body.hasPrefix("The health ministry"))
        #expect(article.body.hasSuffix("1.5 million dinars."))
        #expect(!article.body.contains("Read also"))
    }

    @Test func gluedTickerIsNotProse() {
        let shape = LineShape("خبر أول عن الاقتصاد!خبر ثان عن الرياضةخبر ثالث عن السياسة؟خبر رابع عن الطقسخبر خامس")
        #expect(shape.glueMarks >= 3)
        let prose = LineShape(Fixtures.paragraphs[0])
        #expect(prose.glueMarks == 0)
        #expect(prose.isProse)
    }

    /// Arabic initials set apart by dots ("إس.إي.إس", "أ.ف.ب") glue no
    /// headlines: a paragraph without commas that names them is no ticker;
    /// a stop between longer words still glues.
    @Test func arabicInitialsWithDotsGlueNothing() {
        let sentence = "وتراجعت أسهم شركة إس.إي.إس لتشغيل الأقمار الصناعية بعد نتائج ضعيفة وقالت وكالة أ.ف.ب إن المستثمرين قلقون"
        let paragraph = Array(repeating: sentence, count: 4).joined(separator: " ")
        let shape = LineShape(paragraph)
        #expect(shape.glueMarks == 0)
        #expect(!shape.isGluedTicker)
        #expect(LineShape("تراجع الأسهم الأوروبية.ارتفاع أسعار النفط").glueMarks == 1)
    }

    @Test func lexiconCues() {
        let lexicon = BoilerplateLexicon.shipped
        #expect(lexicon.match("اقرأ أيضاً: عنوان آخر")?.kind == .drop)
        #expect(lexicon.match("مقالات ذات صلة")?.kind == .end)
        #expect(lexicon.match("Back to top button")?.kind == .end)
        #expect(lexicon.match("المصدر: (وكالات)") == CueMatch(kind: .source, remainder: "(وكالات)"))
        #expect(lexicon.match("شاهد الملايين المباراة النهائية في الملعب الكبير يوم أمس.") == nil)
        #expect(lexicon.match("التعليقات التي نشرها الوزير على حسابه أثارت جدلا واسعا بين المتابعين.") == nil)
    }

    /// A one-word label ("Anzeige", "Foto") is a cue alone or before a
    /// separator or a copyright sign; a heading that opens with the same word
    /// is text. Other cues still take a few words after them.
    @Test func labelCuesMatchOnlyAloneOrBeforeASeparator() {
        let lexicon = BoilerplateLexicon.shipped
        #expect(lexicon.match("Anzeige")?.kind == .drop)
        #expect(lexicon.match("Foto: dpa")?.kind == .drop)
        #expect(lexicon.match("(Bild: Stadtverwaltung)")?.kind == .drop)
        #expect(lexicon.match("Photo © SPA")?.kind == .drop)
        #expect(lexicon.match("Anzeige gegen Unbekannt") == nil)
        #expect(lexicon.match("Bilder der Woche") == nil)
        #expect(lexicon.match("Werbung im Netz") == nil)
        #expect(lexicon.match("Share this article")?.kind == .drop)
    }

    /// Any one-word cue, not only a label written with a colon, is a cue alone or
    /// before a separator: a heading or a sentence opening with the same word
    /// ("Kommentare aus der Opposition", "Quelle place pour les syndicats", where
    /// "Quelle" means "which") is text. Bylines and date lines still lead their
    /// words, and cues of several words still take a few more.
    @Test func oneWordCuesMatchOnlyAloneOrBeforeASeparator() {
        let lexicon = BoilerplateLexicon.shipped
        #expect(lexicon.match("Kommentare")?.kind == .end)
        #expect(lexicon.match("Kommentare: 12")?.kind == .end)
        #expect(lexicon.match("Kommentare aus der Opposition") == nil)
        #expect(lexicon.match("Comentarios de la oposición") == nil)
        #expect(lexicon.match("Quelle: AFP")?.kind == .source)
        #expect(lexicon.match("Quelle place pour les syndicats") == nil)
        #expect(lexicon.match("المصدر: وكالة سانا")?.kind == .source)
        #expect(lexicon.match("تعليقات")?.kind == .end)
        #expect(lexicon.match("تعليقات الزوار")?.kind == .end)
        #expect(lexicon.match("تعليقات القراء (3)")?.kind == .end)
        #expect(lexicon.match("شارك")?.kind == .drop)
        #expect(lexicon.match("شارك على فيسبوك")?.kind == .drop)
        #expect(lexicon.match("By Jane Doe")?.kind == .author)
        #expect(lexicon.match("بقلم سامي الحاج")?.kind == .author)
        #expect(lexicon.match("Published 3 May 2024")?.kind == .date)
        #expect(lexicon.match("Share this article with friends")?.kind == .drop)
    }

    /// A French intertitle that opens with "Quelle" stays in the article with
    /// the paragraph before it; it is no source line that ends the lead.
    @Test func anIntertitleOpeningWithACueWordStaysInTheText() throws {
        let lead = "Le projet de loi sur les retraites a été présenté mardi à l'Assemblée nationale, où il a suscité de vifs débats entre la majorité et l'opposition pendant plus de six heures."
        let second = "Les syndicats, reçus la semaine dernière au ministère du Travail, dénoncent un texte préparé sans eux et annoncent une journée de mobilisation le mois prochain dans toutes les grandes villes."
        let third = "Le gouvernement, de son côté, affirme que la réforme est indispensable pour garantir l'équilibre financier du système à l'horizon 2030 et promet des mesures pour les carrières longues."
        let text = ["La réforme des retraites divise le Parlement", lead, "Quelle place pour les syndicats", second, third].joined(separator: "\n\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "retraites.txt").first)
        #expect(article.title == "La réforme des retraites divise le Parlement")
        #expect(article.body.hasPrefix(lead))
        #expect(article.body.contains("Quelle place pour les syndicats"))
        #expect(article.body.hasSuffix(third))
    }
}

@Suite("Dates")
struct DateParsingTests {
    @Test(arguments: [
        ("الثلاثاء 12 تشرين الثاني 2024", "2024-11-12"),
        ("نشر في ٥ يوليو/تموز ٢٠١٨", "2018-07-05"),
        ("الجمعة 3 جويلية 2020", "2020-07-03"),
        ("14 يونيه 2019 - 10:30", "2019-06-14"),
        ("24 أوت 2016", "2016-08-24"),
        ("الخميس، 1 غشت 2019", "2019-08-01"),
        ("July 5, 2018", "2018-07-05"),
        ("12/11/2024", "2024-11-12"),
        ("2024-11-12", "2024-11-12"),
    ])
    func textDates(text: String, iso: String) {
        #expect(DateParsing.findDate(in: text) == iso)
    }

    @Test func machineDates() {
        #expect(DateParsing.normalize("2015-07-21 02:51:32") == "2015-07-21T02:51:32")
        #expect(DateParsing.normalize("2024-11-12T09:30:00.000+0100") == "2024-11-12T09:30:00+01:00")
        #expect(DateParsing.normalize("Tue, 21 Jul 2015 02:51:32 GMT") == "2015-07-21T02:51:32Z")
        #expect(DateParsing.normalize("1437060692") == "2015-07-16T15:31:32Z")
        #expect(DateParsing.normalize("31 فبراير 2020") == nil)
    }
}

/// Pages shaped like other sites' text dumps: different chrome, same rules.
@Suite("Plain-text pages of other shapes")
struct OtherPageShapeTests {
    let reader = ArticleReader()

    @Test func egyptianStyleWithBylineAndDateLine() throws {
        let text = [
            "الرئيسية", "أخبار مصر", "حوادث", "رياضة", "فن", "",
            "أخبار مصر",
            Fixtures.title,
            "كتب محمد عبد الله",
            "الثلاثاء، 12 نوفمبر 2024 09:30 ص",
            "شارك",
            Fixtures.paragraphs[0],
            Fixtures.paragraphs[1],
            "اقرأ أيضا",
            "انطلاق موسم جني الزيتون في صفاقس وسط توقعات بإنتاج قياسي",
            Fixtures.paragraphs[2],
            "أضف تعليق",
            "الأكثر قراءة",
            "انطلاق موسم جني الزيتون في صفاقس",
        ].joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "youm.txt").first)
        #expect(article.title == Fixtures.title)
        #expect(article.author == "محمد عبد الله")
        #expect(article.published == "2024-11-12")
        #expect(article.body == Fixtures.paragraphs[0...2].joined(separator: "\n\n"))
    }

    @Test func maghrebiStyleWithDashedBylineAndMoroccanMonth() throws {
        let text = [
            "هسبريس من الرباط | سياسة | اقتصاد | مجتمع", "",
            Fixtures.title, "",
            "هسبريس - سامي الحاج", "",
            "الثلاثاء 12 نونبر 2024 - 09:30", "",
            Fixtures.paragraphs[0], "", Fixtures.paragraphs[1], "", Fixtures.paragraphs[3], "",
            "تعليقات الزوار", "",
            "المرجو عدم تجاوز 1000 حرف للتعليق الواحد.",
        ].joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "hes.txt").first)
        #expect(article.title == Fixtures.title)
        #expect(article.author == "هسبريس - سامي الحاج")
        #expect(article.published == "2024-11-12")
        #expect(article.body == [Fixtures.paragraphs[0], Fixtures.paragraphs[1], Fixtures.paragraphs[3]].joined(separator: "\n\n"))
    }

    @Test func spacedMenuColumnistAndDateline() throws {
        let text = [
            "أخبار  مقالات  فيديو  صور  اتصل بنا",
            Fixtures.title,
            "د. أمل الطعيمي",
            "الرياض-الوئام:",
            Fixtures.paragraphs[0], Fixtures.paragraphs[1],
        ].joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "col.txt").first)
        #expect(article.title == Fixtures.title)
        #expect(article.author == "د. أمل الطعيمي")
        #expect(article.body == Fixtures.paragraphs[0] + "\n\n" + Fixtures.paragraphs[1])
    }

    /// A news agency's headline sits between a section label and an
    /// edition note, set off by slashes like a breadcrumb's steps; the long
    /// inner step shows it is a headline.
    @Test func agencyHeadlineBetweenSlashesIsTheTitle() throws {
        let headline = "ثقافي / أربعون دقيقة تنقل ضيوف السوق إلى زمن الشعراء الأوائل / إضافة أولى واخيرة"
        let text = ["الرئيسية / أخبار / ثقافة", headline, Fixtures.paragraphs[0], Fixtures.paragraphs[1]].joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "agency.txt").first)
        #expect(article.title == headline)
        #expect(article.body == Fixtures.paragraphs[0] + "\n\n" + Fixtures.paragraphs[1])
        #expect(PlainTextExtractor.isMenu("الرئيسية / أخبار / ثقافة"))
        #expect(PlainTextExtractor.isMenu("Home > World > A long headline of the article itself here"))
        #expect(!PlainTextExtractor.isMenu(headline))
    }

    @Test func shortColumnTitleAboveTheColumnistsName() throws {
        let text = ["رأي", "ليس الخبر كالمعاينة", "إبراهيم عبدالله العمار", Fixtures.paragraphs[0], Fixtures.paragraphs[1]]
            .joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "col.txt").first)
        #expect(article.title == "ليس الخبر كالمعاينة")
        #expect(article.author == "إبراهيم عبدالله العمار")
    }

    @Test func sourceWithAgenciesAtTheEnd() throws {
        let text = [
            Fixtures.title, "", Fixtures.paragraphs[0], "", Fixtures.paragraphs[1], "",
            "المصدر : الجزيرة + وكالات", "", "تابع الجزيرة نت على:", "",
        ].joined(separator: "\n")
        let article = try #require(try reader.read(Array(text.utf8), fileName: "aj.txt").first)
        // The outlet and the wire credit are told apart.
        #expect(article.source == "الجزيرة")
        #expect(article.credit == "وكالات")
        #expect(article.body == Fixtures.paragraphs[0] + "\n\n" + Fixtures.paragraphs[1])
    }
}

@Suite("Plain-text titles above long runs of byline-like lines")
struct TitleSearchTests {
    /// Each short name-like line asks what stands above it, up to eight lines
    /// up; without the answers kept per line, a run of a few dozen such lines
    /// with no headline above them took longer than any test run lasts (the
    /// HTML fuzz target found it).
    @Test func aThousandNameLinesAboveTheTextAreReadInReasonableWork() throws {
        var lines: [String] = []
        // Distinct names: a line repeated on a page is read as its chrome.
        let given = ["سامي", "خالد", "ليلى", "منى", "عمر", "هدى", "رامي", "سلمى", "طارق", "نادية"]
        let family = ["الحاج", "يوسف", "العلي", "الخطيب", "السيد", "حداد", "النجار", "الشامي", "المصري", "التونسي"]
        for index in 0..<1_000 {
            lines.append("\(given[index % 10]) \(family[(index / 10) % 10])")
        }
        lines.append(Fixtures.paragraphs[0])
        lines.append(Fixtures.paragraphs[1])
        let article = try #require(try ArticleReader().read(Array(lines.joined(separator: "\n").utf8), fileName: "names.txt").first)
        #expect(article.body.hasPrefix(Fixtures.paragraphs[0]))
        #expect(!given.contains { article.title.hasPrefix($0) })
    }
}

/// Titles chosen by evidence: the words the article's opening repeats, what
/// the HTML head says, length, and the look of bylines, dates and labels.
@Suite("Plain-text titles by evidence")
struct TitleEvidenceTests {
    static let opening = [
        "أكد خبراء في ندوة عقدت في الرياض أن مواجهة التطرف تبدأ من المدرسة والأسرة، وأن التعليم الجيد هو خط الدفاع الأول ضد الأفكار المتشددة.",
        "وأضاف المشاركون أن مكافحة آفة التطرف تحتاج إلى تعاون المؤسسات الدينية والثقافية والإعلامية، وإلى خطاب يخاطب الشباب بلغتهم.",
    ]

    func read(_ lines: [String]) throws -> ReadArticle {
        try #require(try ArticleReader().read(Array(lines.joined(separator: "\n").utf8), fileName: "page.txt").first)
    }

    /// "Place: writers" under the headline is a byline, not the title.
    @Test func aPlaceAndNamesBylineLosesToTheHeadlineTheTextRetells() throws {
        let title = "خبراء: مواجهة التطرف تبدأ من المدرسة والأسرة"
        let article = try read(["محليات", title, "الرياض: فارس السبيعي وعبد الله الهلابي", "الثلاثاء 21 يوليو 2015"] + Self.opening)
        #expect(article.title == title)
    }

    /// A photo slider's buttons run into the byline under the photo leave it a byline:
    /// the headline above the date stays the title, and the buttons are no one's name.
    @Test(arguments: ["Next Previous", "Previous Next", "السابق التالي"])
    func sliderButtonsBeforeABylineLeaveTheHeadlineTheTitle(buttons: String) throws {
        // A headline the text does not retell: only its place above the byline makes it the title.
        let title = "كشافات الليد تضيء مداخل مكة المكرمة"
        let article = try read(["محليات", title, "10:27 ص، 10 مايو 2015", buttons + " عمر إبراهيم – عين اليوم"] + Self.opening)
        #expect(article.title == title)
        #expect(article.author == "عمر إبراهيم – عين اليوم")
    }

    /// Only both buttons' names at a line's start are the slider's: one alone opens a headline or a sentence.
    @Test func oneButtonNameAloneStaysOnItsLine() {
        #expect(ChromeLine.withoutSliderButtons("Next Generation Forum opens in Riyadh") == "Next Generation Forum opens in Riyadh")
        #expect(ChromeLine.withoutSliderButtons("التالي في الترتيب نادي الهلال") == "التالي في الترتيب نادي الهلال")
        #expect(ChromeLine.withoutSliderButtons("Next Previous") == "Next Previous")
        #expect(ChromeLine.withoutSliderButtons("NEXT PREVIOUS عمر إبراهيم") == "عمر إبراهيم")
    }

    /// A writer's name with his honorific under the date is a byline, not the title, though
    /// it has four words: the abbreviated title is no name.
    @Test(arguments: ["د. محمد حامد الغامدي", "أ. سارة عبدالله القحطاني"])
    func anHonorificAndThreeNamesUnderTheDateLoseToTheHeadline(byline: String) throws {
        let title = "كشافات الليد تضيء مداخل مكة المكرمة"
        let article = try read(["الرئيسية | محليات | اقتصاد | رياضة", title, "10 أغسطس 2015", byline] + Self.opening)
        #expect(article.title == title)
    }

    /// A dateline with the country in brackets and the sender after a colon, under the
    /// date, is no title: the headline above the date is.
    @Test(arguments: ["قندز (أفغانستان): «الشرق الأوسط»", "نيوبورت نيوز (فيرجينيا): نيلسون شوارتز"])
    func aPlaceAndSenderDatelineUnderTheDateLosesToTheHeadline(dateline: String) throws {
        let title = "كشافات الليد تضيء مداخل مكة المكرمة"
        let article = try read(["الرئيسية | محليات | اقتصاد | رياضة", title, "10 أغسطس 2015", dateline] + Self.opening)
        #expect(article.title == title)
    }

    /// A headline naming something in brackets goes on after its colon: no dateline.
    @Test func aHeadlineWithBracketsAndAColonIsNoDateline() {
        #expect(!PlainTextExtractor.isPlaceAndSender("مهرجان (الجنادرية): عروض شعبية تجذب آلاف الزوار من داخل المملكة"))
        #expect(!PlainTextExtractor.isPlaceAndSender("قندز: «الشرق الأوسط»"))
        #expect(PlainTextExtractor.isPlaceAndSender("قندز (أفغانستان): «الشرق الأوسط»"))
    }

    /// Only a word of one or two letters and a stop opens on an honorific.
    @Test func anHonorificIsOneOrTwoLettersAndAStop() {
        #expect(PlainTextExtractor.opensOnHonorific("د. محمد حامد الغامدي"))
        #expect(PlainTextExtractor.opensOnHonorific("Dr. Ali Hassan"))
        #expect(!PlainTextExtractor.opensOnHonorific("محمد. حامد"))
        #expect(!PlainTextExtractor.opensOnHonorific("د.محمد حامد"))
        #expect(!PlainTextExtractor.opensOnHonorific("3. نسبة التوزيع"))
    }

    /// A two-word headline above a byline is the title when the text speaks of it; a category label is not.
    @Test func aShortHeadlineTheTextSpeaksOfIsTheTitle() throws {
        let article = try read(["الرئيسية | محليات | مقالات", "محليات", "آفة التطرف", "بقلم أمين طلال", "نشر في: 21/07/2015 - 10:30"] + Self.opening)
        #expect(article.title == "آفة التطرف")
        #expect(article.author == "أمين طلال")
    }

    /// A view counter or a reading time right above the text is not the title,
    /// even when the text happens to use one of its words ("عدد", "الوقت").
    @Test func aCounterOrReadingTimeAboveTheTextLosesToTheHeadline() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        let opening = ["وأكد عدد من الخبراء في الوقت نفسه" + Self.opening[0].dropFirst(9)] + Self.opening.dropFirst()
        for chrome in ["عدد المشاهدات: 541", "وقت القراءة: 6 دقائق"] {
            let article = try read(["الرئيسية | محليات | مقالات", title, chrome] + opening)
            #expect(article.title == title, "\(chrome)")
        }
    }

    /// When no line has evidence for it and the line right above the text is
    /// a counter, the headline above it stands rather than the counter.
    @Test func aCounterRightAboveTheTextDoesNotWinByPositionAlone() throws {
        let title = "الخرطوم تحاصر جماعات مسلحة"
        let article = try read([title, "مدة القراءة 6 د", "4,210 views"] + Self.opening)
        #expect(article.title == title)
    }

    /// A headline is in its article's script: a Latin line of the page's
    /// controls right above Arabic text is not its title, even when the
    /// text retells few of the headline's words.
    @Test func aLineInAnotherScriptIsNotTheTitle() throws {
        let title = "مطالبات بخطة وطنية شاملة لحماية الناشئة من الأفكار الهدامة"
        let article = try read([title, "الثلاثاء 24 شوال 1436 هـ", "A+ A- Print Email"] + Self.opening)
        #expect(article.title == title)
    }

    /// A bare line under the headline is its writer only when it reads as
    /// names: captions, reading times and page controls hold prepositions,
    /// a glued "لل" or symbols, and a credit in brackets is no "City (Agency)".
    @Test func captionsAndControlsUnderTheHeadlineAreNotTheAuthor() throws {
        let title = "خبراء: مواجهة التطرف تبدأ من المدرسة والأسرة"
        for line in ["صور مع الخبر", "دقيقتان للقراءة", "A+ A- Print", "Listen to this article", "(تصوير: فهد الشمري)"] {
            let article = try read([title, line] + Self.opening)
            #expect(article.title == title, "\(line)")
            #expect(article.author == nil, "\(line)")
        }
        #expect(try read([title, "فهد الشمري"] + Self.opening).author == "فهد الشمري")
        #expect(try read([title, "تركي التركي من الرياض"] + Self.opening).author == "تركي التركي من الرياض")
        #expect(try read([title, "محمد على"] + Self.opening).author == "محمد على")
    }

    /// The comment section's name with its count ("التعليقات (6)") under the
    /// headline is a counter: it does not end the page above the text, where
    /// the headline is still to be found.
    @Test func aCommentCountUnderTheHeadlineDoesNotHideIt() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        for count in ["التعليقات (6)", "تعليقات 12"] {
            let article = try read(["الرئيسية | محليات | مقالات", title, count] + Self.opening)
            #expect(article.title == title, "\(count)")
        }
    }

    /// A button or widget with an icon, or a row of hashtags, right above the
    /// text is not the title even when nothing else speaks for the headline
    /// above it; a column titled with one hashtag keeps its title.
    @Test func anIconOrHashtagRowAboveTheTextIsNotTheTitle() throws {
        let title = "الخرطوم تحاصر جماعات مسلحة"
        for widget in ["🔊 استمع إلى المقال", "☰ القائمة", "الرياض 44°", "#السعودية #الرياض #التعليم"] {
            let article = try read([title, widget] + Self.opening)
            #expect(article.title == title, "\(widget)")
        }
        #expect(try read(["#تغريدات ملهمة"] + Self.opening).title == "#تغريدات ملهمة")
    }

    /// A counter with an icon under a short column title the text does not
    /// retell: the reading by position passes over it to the title rather
    /// than stand on it when no line has evidence for it.
    @Test func theTitleByPositionPassesOverCountersAndWidgets() throws {
        let title = "لنخترق حاجز الصمت"
        for widgets in [["💬 9 تعليقات"], ["#عاجل #التعليم #الخليج", title, "💬 9 تعليقات", "♥ 52"]] {
            let lines = widgets.count == 1 ? [title] + widgets : widgets
            let article = try read(lines + Self.opening)
            #expect(article.title == title, "\(widgets)")
        }
    }

    /// A share text or a teaser that holds the headline whole, with words
    /// around it, is not the title, though the text retells it as much.
    @Test func aLineWrappingTheHeadlineIsNotTheTitle() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        for wrapper in ["غرّد: \(title)", "\(title) — عبر @news", "شارك «\(title)» مع أصدقائك"] {
            #expect(try read([title, wrapper] + Self.opening).title == title, "\(wrapper)")
            #expect(try read([wrapper, title] + Self.opening).title == title, "\(wrapper)")
        }
    }

    /// A headline long enough to read as prose, without a mark of
    /// punctuation, is the title when the line chosen above it is one the
    /// text does not retell at all ("تسجيل الدخول | إنشاء حساب"), however
    /// near it stands.
    @Test func aLongHeadlineBelowALineTheTextDoesNotRetellIsTheTitle() throws {
        let title = "خبراء في ندوة بالرياض يؤكدون أن مواجهة التطرف تبدأ من المدرسة والأسرة وأن التعليم الجيد خط الدفاع الأول"
        let article = try read(["تسجيل الدخول | إنشاء حساب", "الآن", title] + Self.opening)
        #expect(article.title == title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
    }

    /// A line with a time of day under a short headline the text does not
    /// retell is a timestamp, not the title; a score in a headline is no time.
    @Test func aLineWithATimeOfDayIsNotTheTitle() throws {
        let title = "الخرطوم تحاصر جماعات مسلحة"
        for stamp in ["حُدّث في 10:45 بتوقيت مكة المكرمة", "نشر الساعة ٩:٠٥ صباحا"] {
            #expect(try read([title, stamp] + Self.opening).title == title, "\(stamp)")
        }
        #expect(TitleEvidence.holdsTimeOfDay("آخر تحديث 23:59"))
        #expect(!TitleEvidence.holdsTimeOfDay("الهلال يتغلب على النصر 2:1"))
        #expect(!TitleEvidence.holdsTimeOfDay("رؤية 2030:45 مبادرة"))
    }

    /// A short headline with a number ("بعد التفجير (2)") is no counter to
    /// the reading by position: it stands when nothing speaks for another line.
    @Test func aShortHeadlineWithANumberStandsByPosition() throws {
        #expect(try read(["تقارير", "«6 أكتوبر» تعد الفرسان", "منذ 5 ساعات"] + Self.opening).title == "«6 أكتوبر» تعد الفرسان")
        #expect(try read(["حرم الشيخ", "بعد التفجير (2)"] + Self.opening).title == "بعد التفجير (2)")
    }

    /// An icon on a headline's length is decoration, not a widget: an
    /// emoji before a breaking headline (left out of the title), a degree sign inside one.
    @Test func aHeadlineWithAnIconIsStillTheTitle() throws {
        let flagged = "🔴 خبراء في الرياض يؤكدون أن مواجهة التطرف تبدأ من المدرسة"
        #expect(try read(["الرئيسية | محليات", flagged, "الرياض - واس"] + Self.opening).title == String(flagged.unicodeScalars.dropFirst(2)))
        let heat = "الحرارة تلامس 49° في الرياض والخبراء يحذرون طلاب المدارس"
        #expect(try read(["الرئيسية | محليات", heat, "الرياض - واس"] + Self.opening).title == heat)
        #expect(TitleEvidence.isIconOrTagRow("🔊 استمع للخبر"))
        #expect(!TitleEvidence.isIconOrTagRow(flagged))
    }

    /// A column's short title the text does not retell stays the title over
    /// an unpunctuated first paragraph; a row of links in its place does not.
    @Test func anUnretoldShortTitleKeepsTheFirstParagraphInTheText() throws {
        let title = "حين يصمت الجميع"
        let lead = "يعيش كثير من الشباب في عزلة لا يلتفت إليها أحد رغم أنها تترك آثارا عميقة في نفوسهم"
        let article = try read([title, lead] + Self.opening)
        #expect(article.title == title)
        #expect(article.body.hasPrefix(lead))
    }

    /// A one-word label is never the title because the text happens to use its word.
    @Test func aOneWordLabelIsNotTheTitle() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة بين الشباب"
        let article = try read(["التطرف", title, "شارك فيسبوك تويتر واتساب"] + Self.opening)
        #expect(article.title == title)
    }

    /// "Agency - Place" right above the text, with a place the text names, is still a byline.
    @Test func aDashedBylineNamingThePlaceIsNotTheTitle() throws {
        let title = "رسميا.. ندوة التطرف تختتم أعمالها في الرياض"
        let article = try read(["اقتصاد", title, "مشاركة تويتر تيليجرام واتساب فيسبوك", "أ ف ب - الرياض"] + Self.opening)
        #expect(article.title == title)
    }

    /// A page without article markup: of two headlines above the text, the one the `<title>` states.
    @Test func theHTMLHeadPicksAmongHeadlines() throws {
        let teaser = "انطلاق مهرجان الصيف في جدة بمشاركة واسعة من الأسر"
        // Words the opening does not use: only the head tells this line from the teaser nearer the text.
        let title = "قراءة في خطاب الاعتدال وحدوده"
        // The head shortens the headline: it names no line of the page outright.
        let html = "<html><head><title>قراءة في خطاب الاعتدال | صحيفة المدينة</title></head><body>"
            + "<div>\(title)</div><div>\(teaser)</div>"
            + Self.opening.map { "<div>\($0)</div>" }.joined() + "</body></html>"
        let article = try #require(try ArticleReader().read(Array(html.utf8), fileName: "page.html").first)
        #expect(article.title == title)
    }

    /// A standfirst under the headline, which the text's opening retells,
    /// with the writer, his role and the date under it: the search for the
    /// title goes on past it, and the text does not take it in twice.
    @Test func aStandfirstTheTextRetellsDoesNotHideTheHeadline() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let standfirst = "أكد خبراء في ندوة عقدت في الرياض أن مواجهة التطرف تبدأ من المدرسة والأسرة."
        let article = try read(["الرئيسية / محليات", title, standfirst, "فهد الشمري", "محرر الشؤون المحلية",
                                "الجمعة 24/07/2015 17:38"] + Self.opening)
        #expect(article.title == title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        // A paragraph the text does not retell, another article's teaser, still ends the search.
        let teaser = "انطلق مهرجان الصيف في جدة بمشاركة واسعة من الأسر والزوار القادمين من مختلف المناطق."
        let other = "مهرجان الصيف ينطلق في جدة"
        let unrelated = try read([other, teaser, "فهد الشمري", "محرر الشؤون المحلية"] + Self.opening)
        #expect(unrelated.title != other && unrelated.title != teaser)
        #expect(unrelated.body == Self.opening.joined(separator: "\n\n"))
    }

    /// One-word buttons, a byline and a time between the headline and the text
    /// do not stand between them as headlines would: the headline the text
    /// retells keeps its evidence over a line right above the text.
    @Test func buttonsBylinesAndTimesDoNotStandBetweenTheHeadlineAndTheText() throws {
        let title = "قراءة هادئة في ندوة الرياض"
        let article = try read(["الرئيسية | محليات | مقالات", title, "تبوك - نورة القحطاني", "الجمعة 17:38", "حجم الخط", "تكبير",
                                "تصغير", "النسخة الورقية من العدد الصادر صباح اليوم"] + Self.opening)
        #expect(article.title == title)
    }

    /// A menu of many items set apart by bars is as long as a paragraph but
    /// is no prose: it neither hides the headline under it nor joins the text.
    @Test func aLongMenuIsNoProse() throws {
        let menu = "الرئيسية | برامج | تقارير | رأي | إنفوغراف | أخبار | ثقافة | المزيد | منوعات | رياضة | صور | فيديو"
        let extractor = PlainTextExtractor(lexicon: .shipped)
        #expect(extractor.classify(menu).first?.kind == .cue(.drop))
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let article = try read(["صحيفة الأفق", menu, title] + Self.opening)
        #expect(article.title == title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
    }

    /// Function words say nothing of what a line is about: a button whose
    /// only word the text uses is "إلى" is not retold by it.
    @Test func functionWordsAreNoEvidenceOfRetelling() {
        #expect(TitleEvidence.contentStems(BoilerplateLexicon.keyWords("استمع إلى الخبر")).count == 2)
        #expect(TitleEvidence.contentStems(BoilerplateLexicon.keyWords("Listen to this article with the app")).count == 3)
        let lines = PlainTextExtractor(lexicon: .shipped).classify((["استمع إلى المقال"] + Self.opening).joined(separator: "\n"))
        let evidence = TitleEvidence(openingKeys: lines.dropFirst().map(\.key), hints: [])
        #expect(!evidence.retellsAWord(of: lines[0]))
    }

    /// A site's own rights line without a year ends its page: the text about
    /// the site under it is not the article's.
    @Test func theSitesRightsLineStillEndsThePage() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let about = "صحيفة الأفق صحيفة إلكترونية سعودية مستقلة تأسست عام 2010، تعنى بالأخبار المحلية والعربية والدولية."
        let article = try read(["الرئيسية | محليات", title, Self.opening[0], Self.opening[1], "© صحيفة الأفق", about])
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
    }

    /// Paragraphs without a comma or a full stop are not menus for holding bullets
    /// or slashes: "•• …" opening a columnist's paragraph, "1435 / 1436 هـ" in a
    /// sentence. A long row of short items still is.
    @Test func aParagraphWithBulletsOrSlashesIsNoMenu() throws {
        let extractor = PlainTextExtractor(lexicon: .shipped)
        let bulleted = "•• نقطة آخر السطر التي يقف عندها الكاتب كل أسبوع ليقول كلمته الأخيرة في ما جرى من أحداث في الكويت والخليج"
        let years = "ارتفعت نسبة النجاح للعام 1435 / 1436 هـ مقارنة بالعام 1434 / 1435 هـ إلى 92 في المئة بحسب بيان الوزارة الصادر اليوم"
        for paragraph in [bulleted, years] {
            #expect(extractor.classify(paragraph).first?.kind != .cue(.drop), "\(paragraph)")
            #expect(!PlainTextExtractor.isMenu(paragraph, everyItemShort: true), "\(paragraph)")
        }
        let longMenu = (["الرئيسية", "أخبار محلية", "اقتصاد وأعمال", "رياضة", "ثقافة وفنون", "منوعات", "تقنية", "صحة", "سياحة",
                         "مقالات الرأي", "كاريكاتير", "فيديو", "صور", "الطقس", "اتصل بنا"]).joined(separator: " | ")
        #expect(PlainTextExtractor.isMenu(longMenu, everyItemShort: true))
        #expect(extractor.classify(longMenu).first?.kind == .cue(.drop))
    }

    /// "© AFP" over a photo, between the headline and the text or between two
    /// paragraphs, ends neither the search for the title nor the text; a
    /// copyright line with a year or the site's rights still ends a page.
    @Test func aPhotoCreditWithACopyrightSignEndsNothing() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let article = try read(["الرئيسية | محليات", title, "© Getty Images", Self.opening[0], "© AFP", Self.opening[1]])
        #expect(article.title == title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        let extractor = PlainTextExtractor(lexicon: .shipped)
        for footer in ["© 2024 صوت القيروان", "جميع الحقوق محفوظة © صوت القيروان", "© صحيفة الأفق"] {
            #expect(extractor.classify(footer).first.map(PlainTextExtractor.isPhotoCredit) == false, "\(footer)")
        }
    }

    /// A page saved as text that opens with its browser title ("headline |
    /// site") names its headline: the line it repeats is the title, even when
    /// the text retells none of its words and a teaser stands nearer the text.
    @Test func theBrowserTitleLineNamesTheHeadline() throws {
        let title = "قراءة في خطاب الاعتدال وحدوده"
        let teaser = "انطلاق مهرجان الصيف في جدة بمشاركة واسعة من الأسر"
        for first in ["\(title) | صحيفة المدينة", "صحيفة المدينة - \(title)"] {
            let article = try read([first, "صحيفة المدينة", "الرئيسية | محليات", title, teaser] + Self.opening)
            #expect(article.title == title, "\(first)")
        }
    }

    /// Breadcrumbs and sign-in rows of one- and two-word items are no
    /// headline, whether two items or dashes set them apart; a headline with
    /// a label before a bar is one.
    @Test func aRowOfShortLinksIsNoHeadline() throws {
        for row in ["تسجيل الدخول | اشترك الآن", "الرئيسية > أخبار", "الرئيسية - أخبار - سياسة", "Home / World"] {
            #expect(TitleEvidence.isRowOfShortLinks(row), "\(row)")
        }
        for headline in ["فيديو | الوزير يفتتح المعرض الدولي", "الرياض - واس", "سوريا - روسيا", "الهلال يفوز 2-1"] {
            #expect(!TitleEvidence.isRowOfShortLinks(headline), "\(headline)")
        }
        let title = "دراسة ألمانية: أدوية الكوليسترول تشفي من الحمى"
        let article = try read(["صحيفة المدينة", title, "الرئيسية - أخبار - سياسة", "القاهرة (واس)"] + Self.opening)
        #expect(article.title == title)
    }

    /// A box of links ("اقرأ أيضاً" over two headlines) set inside the text,
    /// after its first paragraph or its byline, holds no title: the headline
    /// above the paragraph is, and the paragraph is the text's first. A list of the latest news right above the
    /// text with no paragraph or byline over it ends on the article's own
    /// headline, which stays the title.
    @Test func aBoxOfLinksInsideTheTextHoldsNoTitle() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let links = ["انطلاق مهرجان الصيف في جدة بمشاركة واسعة من الأسر", "الهلال يتعاقد مع مدافع برازيلي لموسمين"]
        let more = "ودعا المشاركون في ختام الندوة إلى إطلاق برامج توعية في المدارس والجامعات، وإلى إشراك الأسر في متابعة ما يقرأه أبناؤها."
        let stamp = "نشر في: 21/07/2015 - 10:30"
        let afterLead = try read(["الرئيسية | محليات", title, stamp, Self.opening[0], "اقرأ أيضاً"] + links + [Self.opening[1], more])
        #expect(afterLead.title == title)
        #expect(afterLead.body == [Self.opening[0], Self.opening[1], more].joined(separator: "\n\n"))
        let afterByline = try read(["الرئيسية | محليات", title, stamp, "الرياض - واس", "مواضيع ذات صلة"] + links + Self.opening + [more])
        #expect(afterByline.title == title)
        let sidebar = try read(["أحدث الأخبار"] + links + [title, stamp] + Self.opening + [more])
        #expect(sidebar.title == title)
    }

    /// A short credit ("المصدر: واس") between the first paragraph and the rest
    /// breaks the text as a box of links does: the title is above the first
    /// paragraph, and the paragraph is the text's.
    @Test func aCreditAfterTheFirstParagraphHidesNeitherTitleNorParagraph() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let more = "ودعا المشاركون في ختام الندوة إلى إطلاق برامج توعية في المدارس والجامعات، وإلى إشراك الأسر في متابعة ما يقرأه أبناؤها."
        let article = try read(["الرئيسية | محليات", title, "نشر في: 21/07/2015 - 10:30", Self.opening[0], "المصدر: واس", Self.opening[1], more])
        #expect(article.title == title)
        #expect(article.body == Self.opening.joined(separator: "\n\n") + "\n\n" + more)
        #expect(article.credit == "واس")
    }

    /// The byline and the publication and update stamps on one row set apart
    /// by bars are as long as a paragraph, but the row is the header's: it
    /// does not hide the headline above it, and it dates the article.
    @Test func aRowOfBylineAndStampsIsNoProse() throws {
        let row = "مراسل الصحيفة في تبوك: محمد العتيبي | تاريخ النشر: 24/07/2015 | آخر تحديث: 24/07/2015 17:58"
        let extractor = PlainTextExtractor(lexicon: .shipped)
        #expect(extractor.classify(row).first?.kind == .dateLine)
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let article = try read(["الرئيسية | محليات", title, row, "تصوير: أحمد سعيد"] + Self.opening)
        #expect(article.title == title)
        #expect(article.published?.hasPrefix("2015-07-24") == true)
        let sentence = "قال الوزير إن الاجتماع | الذي عقد في 24/07/2015 | بحث ملفات كثيرة منها التعليم والصحة والنقل."
        #expect(extractor.classify(sentence).first?.kind == .prose)
    }

    /// A paragraph of hundreds of words with a few stops glued to the next
    /// word ("الماضيين.ورغم") is the article; glued headlines meet every few words.
    @Test func aLongParagraphWithAFewGluedStopsIsNoTicker() throws {
        let sentence = "وقال الخبراء إن المدرسة هي المكان الأول الذي يتعلم فيه الطفل قبول الآخر واحترام الرأي المختلف في المجتمع"
        let paragraph = (0..<16).map { $0 % 5 == 4 ? sentence + ".و" + sentence : sentence }.joined(separator: ". ") + "."
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let article = try read(["اقتصاد", title, "كتب: رويترز - الرياض", paragraph, "Related stories", "Leave a Reply"])
        #expect(article.title == title)
        #expect(article.body == paragraph)
        #expect(LineShape(paragraph).glueMarks >= 3)
    }

    /// What the page wraps around its headline is left out of the title:
    /// pictographs at either end, a forum's label, a wire credit after a dash
    /// the site's name after a bar, a label before one and one pair of quotes
    /// around it all.
    @Test(arguments: [
        ("📌 ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("⚡️ ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة 🔴", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة - رويترز", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة – د ب أ", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("الموضوع: ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة | Arab News عربي", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("«ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة»", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("\"ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة\"", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("“ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة”", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("«الفتح يتعادل مع \"مولودية بجاية\" في رابع مبارياته الودية»", "الفتح يتعادل مع \"مولودية بجاية\" في رابع مبارياته الودية"),
        ("\"مشاكل الملاعب تؤجل «خليجي 23» في الكويت\"", "مشاكل الملاعب تؤجل «خليجي 23» في الكويت"),
        ("«اختتام العرض المسرحي «لالالونا» ضمن مهرجان الصيف»", "اختتام العرض المسرحي «لالالونا» ضمن مهرجان الصيف"),
        ("عاجل | ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
        ("تحديثات مباشرة | ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة", "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"),
    ])
    func theTitleLeavesOutWhatThePageWrapsItIn(line: String, title: String) throws {
        let article = try read(["الرئيسية | محليات", line, "نشر في: 21/07/2015 - 10:30"] + Self.opening)
        #expect(article.title == title)
    }

    /// Quotes that open or close only part of a headline are its own, as are
    /// a label with a number before a bar (a counter may be the headline's),
    /// a dash between two places and a credit that leaves too few words.
    @Test(arguments: [
        "«الشورى» يناقش «نظام المرور» الأسبوع المقبل",
        "«ندوة في الرياض» تبحث سبل مواجهة الأفكار المتشددة",
        "«ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة\"",
        "\"الشورى\" يناقش \"نظام المرور\" الأسبوع المقبل",
        "«الشورى» يناقش \"نظام المرور» الأسبوع المقبل",
        "فيديو 3 | ندوة في الرياض تبحث سبل مواجهة التطرف",
        "الرياض - جدة: ندوة تبحث سبل مواجهة الأفكار المتشددة",
        "ندوة الرياض - رويترز",
        "© ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة",
        "الحرارة في الكويت والرياض تلامس 50°",
    ])
    func theTitleKeepsWhatBelongsToIt(line: String) {
        #expect(TitleWrapping.unwrapped(line) == line)
    }

    /// "Site - headline": a part the page shows as a line of its own is the site's name.
    @Test func aSiteNameThePageShowsAloneIsLeftOutOfTheTitle() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let article = try read(["صوت القيروان", "الرئيسية | محليات", "صوت القيروان - " + title, "نشر في: 21/07/2015 - 10:30"] + Self.opening)
        #expect(article.title == title)
        #expect(TitleWrapping.unwrapped("صوت القيروان - " + title) == "صوت القيروان - " + title)
    }

    /// Share rows in the other languages of the lexicon, reading times and
    /// cookie banners are chrome wherever they stand, never the headline.
    @Test func shareRowsReadingTimesAndCookieBannersAreChrome() throws {
        let extractor = PlainTextExtractor(lexicon: .shipped)
        for line in [
            "Partager sur Facebook  Partager sur Twitter  WhatsApp", "Auf Facebook teilen", "6 دقائق قراءة", "دقيقتان للقراءة",
            "5 min read", "We use cookies to ensure you get the best experience on our website. By continuing, you agree to our Cookie Policy.",
            "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك وتقديم إعلانات تناسبك. باستمرارك في التصفح فإنك توافق على ذلك.",
            "Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.",
        ] {
            #expect(extractor.classify(line).first?.kind == .cue(.drop), "\(line)")
        }
        for line in [
            "قالت الهيئة إن الشركات تجمع بيانات المستخدمين عبر الكوكيز دون علمهم، وإنها ستفرض غرامات على المخالفين.",
            "قراءة في 6 كتب عن تاريخ الرياض",
            "وأوضح أن الارتباط بين الموقع والسياسة قائم منذ سنوات طويلة في المنطقة، وأن تجربتك في القراءة تختلف.",
        ] {
            #expect(extractor.classify(line).first?.kind != .cue(.drop), "\(line)")
        }
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let article = try read(["الرئيسية | محليات", title, "منذ 5 ساعات", "6 دقائق قراءة",
                                "Partager sur Facebook  Partager sur Twitter  WhatsApp"] + Self.opening)
        #expect(article.title == title)
    }

    /// A lead under the headline and above the header's byline and date is
    /// passed over as a standfirst is, even when the text does not retell it:
    /// "Place - writer" under it is no title.
    @Test func aLeadAboveTheHeaderDoesNotHideTheHeadline() throws {
        let title = "ندوة في الرياض تبحث سبل مواجهة الأفكار المتشددة"
        let lead = "الرياض: بحثت ندوة عقدت أمس في جامعة الملك سعود سبل مواجهة التطرف في المدارس والجامعات، وشارك فيها أكثر من مئتي معلم."
        let article = try read(["الرئيسية | محليات", title, lead, "المنامة - محرر الشؤون المحلية", "نشر في: 04/08/2015 - 18:27"]
            + Self.opening)
        #expect(article.title == title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        // A paragraph that shares no word with the line above it is no lead: the search stops at it as before.
        let other = "أعلنت شركة الطيران الوطنية عن رحلات جديدة إلى أوروبا تبدأ في الشهر المقبل من جدة والدمام"
        let extractor = PlainTextExtractor(lexicon: .shipped)
        let lines = extractor.classify(["الرئيسية | محليات", title, other, "المنامة - محرر الشؤون المحلية", "نشر في: 04/08/2015 - 18:27"]
            .joined(separator: "\n") + "\n" + Self.opening.joined(separator: "\n"))
        #expect(extractor.isLeadAboveHeader(lines, at: 2, before: 5) == false)
        #expect(extractor.isLeadAboveHeader(extractor.classify([title, lead, "نشر في: 04/08/2015 - 18:27", Self.opening[0]]
            .joined(separator: "\n")), at: 1, before: 3))
    }

    /// A column hard-wrapped at a fixed width, as a newspaper page turned from
    /// PDF into text comes, is joined back into paragraphs before the title is
    /// looked for: the headline above it and its byline stay apart.
    @Test func aHardWrappedColumnIsJoinedIntoParagraphs() throws {
        let column = [
            "شهدت منطقة جازان خلال اليومين الماضيين هطول",
            "أمطار كثيفة عاشتها معظم المحافظات، شملت كلا من",
            "الدائر والعيدابي وهروب وفيفا والحرث وأبي عريش",
            "والطوال وصامطة وأحد المسارحة والعارضة وضمد.",
            "وأكد المتحدث الرسمي للدفاع المدني في المنطقة",
            "أن الفرق تمكنت من إنقاذ تسعة أشخاص من الغرق",
            "داخل وادي ضمد بعد سقوط مركبتهم في مجرى السيل.",
        ]
        let title = "أودية جازان تفيض من خير السماء"
        let page = ["الأحد 19 من شوال 1436 هـ 4 أغسطس 2015 م - العدد 15840", "محليات", "26", title, "جدة - الجزيرة"] + column
            + ["التفاصيل ص 21", "الأحد 19 من شوال 1436 هـ 4 أغسطس 2015 م - العدد 15840", "26"]
        let article = try read(page)
        #expect(article.title == title)
        #expect(article.body == column[0..<4].joined(separator: " ") + "\n\n" + column[4...].joined(separator: " "))
        // Double-spaced, the same column; cut one line at a time, the same lines.
        #expect(try read(page.flatMap { [$0, ""] }).body == article.body)
        let extractor = PlainTextExtractor(lexicon: .shipped)
        let text = page.joined(separator: "\r\n")
        #expect(extractor.classify(text) == extractor.classifyLineByLine(text))
    }

    /// Headlines of one length, a dated list and a box of links are no column: their lines stay apart.
    @Test func listsOfLinesOfOneLengthAreNoColumn() {
        let lists = [
            ["وكيل الإمارة يرصد تزاحما في مركز تصحيح الأوضاع", "مواطنون يشكون مماطلة الشركات في تركيب العدادات",
             "تعيين محاسب قانوني موحد لأندية الدرجة الممتازة", "إنشاء أكاديمية وطنية للطاقة وكلية تقنية للبنات"],
            ["1920- انعقاد أول مؤتمر يشارك فيه ممثلون عن الكنائس", "1936- تأميم مصانع الأسلحة في فرنسا بعد قرار",
             "1945- استقلال إندونيسيا وإعلان الجمهورية الجديدة،", "1952- إعلان الحسين بن طلال ملكا على الأردن."],
            ["وقال الوزير إن المشروع يخدم سكان المنطقة كلها،", "شاهد أيضا: الصليب الأحمر يحذر من تدهور الأوضاع",
             "وأضاف أن العمل سيبدأ في الشهر المقبل بعد إقرار", "الميزانية من مجلس الوزراء في جلسته الأسبوعية."],
        ]
        let extractor = PlainTextExtractor(lexicon: .shipped)
        for lines in lists {
            let groups = PlainTextExtractor.joiningWrappedLines(lines, blankBefore: lines.map { _ in false }) { extractor.lexicon.match($0) != nil }
            #expect(groups.allSatisfy { $0.count == 1 }, "\(lines[0])")
        }
    }
}

@Suite("Plain-text pages of text browsers, galleries and photo credits")
struct TextBrowserAndGalleryTests {
    static let opening = TitleEvidenceTests.opening

    func read(_ lines: [String], fileName: String = "page.txt") throws -> ReadArticle {
        try #require(try ArticleReader().read(Array(lines.joined(separator: "\n").utf8), fileName: fileName).first)
    }

    /// A text browser's dump numbers its links ("[1]الجزيرة نت"): its opening "[1]" parses as a JSON
    /// array of a number with text after it, and the page is read as text, not refused as JSON.
    @Test func aDumpOpeningWithANumberedLinkIsReadAsText() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        let page = ["[1]الجزيرة نت", "", "[2]أخبار [3]سياسة [4]اقتصاد [5]رياضة", "", title, ""] + Self.opening
        let article = try read(page)
        #expect(article.format == .text)
        #expect(article.title == title)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
        // Named as JSON, the same bytes stay a JSON file without records.
        #expect(throws: ReadingError.self) { try read(page, fileName: "feed.json") }
        // A JSON array of numbers is no text.
        #expect(throws: ReadingError.self) { try read(["[1, 2, 3]"]) }
    }

    /// A text browser wraps a paragraph near 76 columns; when no comma or stop falls at a
    /// line's end, the commas and stops inside six lines or more still make it a column.
    @Test func aLongWrappedParagraphWithMarksOnlyInsideItsLinesIsJoined() {
        let column = [
            "أكد وزير الداخلية أن التدخلات في الشأن الداخلي مرفوضة شكلا ومضمونا، مشيرا",
            "إلى أن هذه التدخلات أخذت أبعادا متعددة خارج نطاق العلاقات الدولية التي تحترم",
            "حسن الجوار ومن بينها التصريحات السياسية المعادية، والحملات الإعلامية المضللة",
            "والمستمرة تجاه البلاد. وقال الوزير في تصريح له اليوم إن البلاد لم تتردد يوما",
            "في حماية شعبها، وفي المقابل تسعى إلى تعزيز العلاقة مع جيرانها، وكانت كل",
            "تحركاتها على الدوام إيجابية مراعاة لحسن الجوار وتعزيز التعاون المشترك بين",
            "دول المنطقة.",
        ]
        let groups = PlainTextExtractor.joiningWrappedLines(column, blankBefore: column.indices.map { $0 == 0 })
        #expect(groups == [0..<7])
        // Headlines of one length, six deep, without a mark inside, stay apart.
        let headlines = [
            "وكيل الإمارة يرصد تزاحما في مركز تصحيح الأوضاع بالمنطقة الشرقية",
            "مواطنون يشكون مماطلة الشركات في تركيب العدادات الذكية للمنازل",
            "تعيين محاسب قانوني موحد لأندية الدرجة الممتازة في الموسم المقبل",
            "إنشاء أكاديمية وطنية للطاقة وكلية تقنية للبنات في المدينة المنورة",
            "وزارة الصحة تطلق حملة للتطعيم ضد الإنفلونزا الموسمية في المدارس",
            "أمانة المنطقة تبدأ صيانة الطرق الرئيسية قبل موسم الأمطار الشتوي",
        ]
        #expect(PlainTextExtractor.joiningWrappedLines(headlines, blankBefore: headlines.indices.map { $0 == 0 }).allSatisfy { $0.count == 1 })
    }

    /// A text browser's dump sets every paragraph and heading apart by an empty line and cuts
    /// them near one width: a paragraph of three lines (too short to be a column by itself) and
    /// a headline of two are joined back, at the width the page's longer paragraph shows.
    @Test func aDumpsShortParagraphsAndWrappedHeadlineAreJoinedAtThePagesWidth() throws {
        let title = ["خبراء في ندوة الرياض يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف", "والأفكار المتشددة"]
        let paragraphs = [
            ["أكد خبراء في ندوة عقدت في الرياض أن مواجهة التطرف تبدأ من المدرسة",
             "والأسرة وأن التعليم الجيد هو خط الدفاع الأول ضد الأفكار المتشددة التي",
             "تنتشر بين الشباب عبر مواقع التواصل الاجتماعي والمنتديات المغلقة."],
            ["وأضاف المشاركون أن مكافحة آفة التطرف تحتاج إلى تعاون المؤسسات الدينية",
             "والثقافية والإعلامية، وإلى خطاب يخاطب الشباب بلغتهم ويجيب عن أسئلتهم،",
             "وأن المدارس مطالبة ببرامج تعزز التفكير النقدي، وأن الأسرة شريك أساسي",
             "في هذا الجهد الذي لا ينجح من دون متابعة مستمرة وتقييم دوري للنتائج."],
            ["ودعا المشاركون في ختام الندوة إلى إنشاء مرصد وطني يتابع الخطاب المتطرف",
             "على الشبكة، ويرفع تقارير دورية إلى الجهات المختصة، ويقترح برامج وقائية",
             "للمدارس والجامعات والمساجد في مختلف مناطق المملكة."],
        ]
        var page = ["[1]الجزيرة نت", "", "[2]أخبار [3]سياسة [4]اقتصاد", ""] + title.map { "     " + $0 } + ["", "   الثلاثاء 21 يوليو 2015", ""]
        for paragraph in paragraphs { page += paragraph.map { "   " + $0 } + [""] }
        page += ["References", "", "   1. https://www.aljazeera.net/news", "   2. https://www.aljazeera.net/politics"]
        // An empty line is two line feeds, two bytes as one CR LF is: both page endings read the same.
        for separator in ["\n", "\r\n"] {
            let article = try #require(try ArticleReader().read(Array(page.joined(separator: separator).utf8), fileName: "page.txt").first)
            #expect(article.title == title.joined(separator: " "))
            #expect(article.body == paragraphs.map { $0.joined(separator: " ") }.joined(separator: "\n\n"))
        }
        let extractor = PlainTextExtractor(lexicon: .shipped)
        #expect(extractor.classify(page.joined(separator: "\n")) == extractor.classifyLineByLine(page.joined(separator: "\n")))
    }

    /// "© مواقع التواصل" under the header, with a byline and the text right under it, credits
    /// the photo whatever the name: it ends nothing, and the headline above it is the title.
    /// The site's rights line at the page's end still names the site.
    @Test func aCopyrightCreditOverTheTextEndsNothing() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        for credit in ["© مواقع التواصل", "© أرشيفية"] {
            let article = try read(["الرئيسية | محليات | مقالات", title, "الثلاثاء 21 يوليو 2015", credit, "الرياض - فهد العتيبي"]
                + Self.opening + ["أخبار ذات صلة", "وزير التعليم يفتتح العام الدراسي", "© صحيفة الأفق"])
            #expect(article.title == title)
            #expect(article.body == Self.opening.joined(separator: "\n\n"))
            #expect(article.siteName == "صحيفة الأفق")
        }
    }

    /// A gallery's counter ("صورة 2 من 3") and credit between two paragraphs do not cut the
    /// first paragraph off as page chrome: the headline above the first is the title.
    @Test func aPhotoCounterBetweenParagraphsCutsNothing() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        let second = Self.opening[1] + " وأشاروا إلى أن المرحلة المقبلة تتطلب برامج عملية في المدارس والجامعات والأندية الرياضية."
        let article = try read(["بالصور", title, "الثلاثاء 21 يوليو 2015", "1 / 3", Self.opening[0], "صورة 2 من 3", "صورة أرشيفية", second])
        #expect(article.title == title)
        // The caption between them reads as an intertitle, as a short line over a paragraph does.
        #expect(article.body.hasPrefix(Self.opening[0]))
        #expect(article.body.hasSuffix(second))
    }

    /// A counter in words is as bare as one in figures: with a caption of three words under it,
    /// it neither becomes the title nor cuts the first paragraph off.
    @Test func aPhotoCounterInWordsIsNoHeadline() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        let second = Self.opening[1] + " وأشاروا إلى أن المرحلة المقبلة تتطلب برامج عملية في المدارس والجامعات والأندية الرياضية."
        let article = try read(["بالصور", title, "الثلاثاء 21 يوليو 2015", "١ / ٣", "(رويترز)", Self.opening[0], "صورة 2 من 3",
                                "صورة أرشيفية (EPA)", second])
        #expect(article.title == title)
        #expect(article.body.hasPrefix(Self.opening[0]))
        #expect(article.body.hasSuffix(second))
    }

    /// "© أ ف ب" under the headline credits a photo as "© AFP" does: an agency's initials spelt
    /// apart are its name, and the credit hides no headline above a "Name – Place" byline.
    @Test func aPhotoCreditInSpeltInitialsHidesNoHeadline() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        let article = try read([title, "الثلاثاء 21 يوليو 2015", "© أ ف ب", "فهد العتيبي – الرياض"] + Self.opening)
        #expect(article.title == title)
    }

    static let healthTitle = "وزارة الصحة تطلق حملة وطنية للتطعيم ضد الإنفلونزا الموسمية في المدارس"
    /// Four paragraphs wrapped near 66 columns, each set apart by an empty line.
    static let wrappedParagraphs = [
        ["أطلقت وزارة الصحة اليوم حملة وطنية للتطعيم ضد الإنفلونزا الموسمية",
         "تستهدف طلاب المدارس في جميع مناطق المملكة، وذلك بالتعاون مع وزارة",
         "التعليم والجهات الصحية في المناطق."],
        ["وقال المتحدث الرسمي باسم الوزارة إن الحملة تستمر ثلاثة أسابيع، وإن",
         "الفرق الصحية ستزور المدارس وفق جدول معلن مسبقا، مؤكدا أن اللقاح",
         "آمن ومجاني لجميع الطلاب."],
        ["وأضاف أن الوزارة وفرت أكثر من مليون جرعة من اللقاح، وأن أولياء",
         "الأمور يستطيعون الاستفسار عن مواعيد الزيارات عبر الرقم المجاني أو",
         "تطبيق الوزارة على الهواتف الذكية."],
        ["ودعا المتحدث أولياء الأمور إلى التعاون مع الفرق الصحية، مشيرا إلى",
         "أن الإنفلونزا الموسمية تنتشر في فصل الشتاء وأن التطعيم هو أفضل",
         "وسيلة للوقاية منها ومن مضاعفاتها."],
    ]

    /// A short article hard-wrapped with LF endings, two paragraphs of three lines set apart by
    /// empty lines: too few lines to show the page's width, each block joins on its own shape
    /// (lines of one width cut mid-sentence, the last ending one), and the headline stays the title.
    @Test func aShortWrappedArticlesBlocksJoinOnTheirOwnShape() throws {
        let paragraphs = [
            ["صدمت التقارير الطبية لمحترف النصر الأوروجوياني مورا إدارة ناديه بأنه لن",
             "يتمكن من اللعب؛ بسبب معاناته من تمزق في رجله اليمنى، حيث أرسل نادي ريفر",
             "بليت الأرجنتيني تقارير اللاعب، والتي تبين حاجته للعلاج لفترة أسبوعين."],
            ["ويخوض الفريق الأول لكرة القدم بنادي النصر مساء اليوم الأحد ثاني مبارياته",
             "الودية في معسكره بالنمسا وذلك أمام فريق السد القطري بهدف الوقوف على ما",
             "وصل إليه الفريق في مراحل الإعداد الماضية."],
        ]
        let article = try read(["تمزق قدم مورا", ""] + paragraphs[0] + [""] + paragraphs[1])
        #expect(article.title == "تمزق قدم مورا")
        #expect(article.body == paragraphs.map { $0.joined(separator: " ") }.joined(separator: "\n\n"))
    }

    /// A list of tags printed into the last sentence ("… مضاعفاتها. وسوم …") leaves the last line
    /// of its paragraph without a stop: the stop inside the line above shows the text ran on, and
    /// the paragraph is joined, not lost.
    @Test func aTagListRunIntoTheLastLineKeepsItsParagraph() throws {
        let last = ["ودعا المتحدث أولياء الأمور إلى التعاون مع الفرق الصحية، مشيرا إلى",
                    "أن الإنفلونزا الموسمية تنتشر في فصل الشتاء وأن التطعيم هو أفضل",
                    "وسيلة للوقاية منها ومن مضاعفاتها. وسوم الصحة الإنفلونزا المدارس",
                    "التطعيم وزارة التعليم"]
        let paragraphs = Array(Self.wrappedParagraphs.dropLast()) + [last]
        var page = [Self.healthTitle]
        for paragraph in paragraphs { page += [""] + paragraph }
        let article = try read(page)
        #expect(article.title == Self.healthTitle)
        #expect(article.body == paragraphs.map { $0.joined(separator: " ") }.joined(separator: "\n\n"))
    }

    /// A stop between two words ends a sentence; one in a time, after an initial or at the line's end does not run on.
    @Test func aStopBetweenWordsIsASentencesEnd() {
        #expect(PlainTextExtractor.holdsStopBetweenWords("وسيلة للوقاية منها. وسوم الصحة"))
        #expect(PlainTextExtractor.holdsStopBetweenWords("هل تعود الأمطار؟ يتوقع الخبراء ذلك"))
        for line in ["يبدأ الحفل الساعة 7.30 مساء", "وقال د. محمد العتيبي إن", "وسيلة للوقاية منها ومن مضاعفاتها."] {
            #expect(!PlainTextExtractor.holdsStopBetweenWords(line), "\(line)")
        }
    }

    /// A date, a writer's name or a place set right under a headline that was not cut at the
    /// page's width (it is longer than the text's lines) is not the headline's second line.
    @Test(arguments: ["الثلاثاء 21 يوليو 2015", "فهد العتيبي", "الرياض - واس"])
    func aLineUnderAnUnwrappedHeadlineIsNotGluedToIt(under: String) throws {
        var page = [Self.healthTitle, under]
        for paragraph in Self.wrappedParagraphs { page += [""] + paragraph }
        let article = try read(page)
        #expect(article.title == Self.healthTitle)
        #expect(article.body == Self.wrappedParagraphs.map { $0.joined(separator: " ") }.joined(separator: "\n\n"))
    }

    /// Two lines joined as a headline cut at the width only when the first was cut because the
    /// next word did not fit, and the second names no date, writer or place.
    @Test func aHeadlinesSecondLineIsJoinedOnlyWhenTheWrapWasForced() {
        let column = ["أكد خبراء في ندوة عقدت في الرياض أن مواجهة التطرف تبدأ من المدرسة",
                      "والأسرة وأن التعليم الجيد هو خط الدفاع الأول ضد الأفكار المتشددة التي",
                      "تنتشر بين الشباب عبر مواقع التواصل الاجتماعي والمنتديات المغلقة.",
                      "وأضاف المشاركون أن مكافحة آفة التطرف تحتاج إلى تعاون المؤسسات الدينية",
                      "والثقافية والإعلامية، وإلى خطاب يخاطب الشباب بلغتهم ويجيب عن أسئلتهم،",
                      "وأن المدارس مطالبة ببرامج تعزز التفكير النقدي، وأن الأسرة شريك أساسي",
                      "في هذا الجهد الذي لا ينجح من دون متابعة مستمرة وتقييم دوري للنتائج."]
        let blank = { (lines: [String]) in lines.indices.map { $0 == 0 || $0 == 2 } }
        let wrapped = ["خبراء في ندوة الرياض يطالبون بخطة وطنية شاملة لحماية الشباب الناشئ من", "التطرف والأفكار المتشددة"]
        #expect(PlainTextExtractor.joiningWrappedLines(wrapped + column, blankBefore: blank(wrapped + column)).first == 0..<2)
        // Room for the second line's first word on the first: no wrap, two lines.
        let short = ["خبراء يطالبون بخطة وطنية لحماية الشباب", "التطرف والأفكار المتشددة"]
        #expect(PlainTextExtractor.joiningWrappedLines(short + column, blankBefore: blank(short + column)).first == 0..<1)
        // A date under a headline cut at the width stays apart.
        let dated = [wrapped[0], "الثلاثاء 21 يوليو 2015"]
        #expect(PlainTextExtractor.joiningWrappedLines(dated + column, blankBefore: blank(dated + column)).first == 0..<1)
        // A number among more words names no date: the two lines are joined.
        let counted = [wrapped[0], "مركز المرامية (٢٧٠ كم شمال غرب المدينة)"]
        #expect(PlainTextExtractor.joiningWrappedLines(counted + column, blankBefore: blank(counted + column)).first == 0..<2)
    }

    /// A short page: a headline, a paragraph of three lines cut at the width, and one of two.
    /// The block of three shows the width, and the block of two, its first line cut because
    /// the next word did not fit and its last ending a sentence, is one paragraph too.
    @Test func aTwoLineParagraphAfterABlockShowingTheWidthIsJoined() {
        let lines = ["ولي ولي العهد يجري اتصالاً هاتفياً بملك الأردن",
                     "أجرى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد",
                     "النائب الثاني لرئيس مجلس الوزراء وزير الدفاع اليوم اتصالاً هاتفياً",
                     "بجلالة الملك عبدالله الثاني بن الحسين ملك المملكة الأردنية الهاشمية.",
                     "وجرى خلال الاتصال بحث العلاقات الثنائية بين البلدين الشقيقين ومستجدات",
                     "الأوضاع الإقليمية والدولية."]
        let blankBefore = [true, true, false, false, true, false]
        #expect(PlainTextExtractor.joiningWrappedLines(lines, blankBefore: blankBefore) == [0..<1, 1..<4, 4..<6])
        // Without a block showing the width, two lines stay apart.
        #expect(PlainTextExtractor.joiningWrappedLines(Array(lines[4...]), blankBefore: [true, false]) == [0..<1, 1..<2])
    }

    /// A paragraph cut at the width that ends on a comma (the text split a sentence there) is
    /// one paragraph, as one ending on a stop is; its last line is no line of its own.
    @Test func aWrappedParagraphEndingOnACommaIsJoined() {
        let lines = ["هدفنا تطهير جبل صبر وتعز",
                     "توقع محمد بن مقبل الحميري رئيس مجلس أعيان محافظة تعز والناطق باسم المجلس",
                     "التنسيقي للمقاومة الشعبية أن يعلن خلال الأيام القادمة وبشكل رسمي عن بدء",
                     "عملية تحرير تعز، بعد أن حققت المقاومة تقدما واضحا في كثير من مواقع",
                     "المحافظة التي كانت تحت سيطرة الحوثيين وقوات الرئيس المخلوع على صالح.",
                     "وأشار في تصريحات لـ «عكاظ» إلى أن المقاومة قامت بتطهير منطقة جبل صبر",
                     "بالكامل من الحوثيين واقتربت من مطار تعز ومنطقة الحوبان، وبانتظار بدء",
                     "عمليات تحالف الحزم الجوية للمساعدة في اقتحام تلك المواقع،"]
        let blankBefore = [true, true, false, false, false, true, false, false]
        #expect(PlainTextExtractor.joiningWrappedLines(lines, blankBefore: blankBefore) == [0..<1, 1..<5, 5..<8])
    }

    /// Six headlines stacked under the text, of nearly one length and with commas inside, are
    /// no wrapped column: most of their lines would have had room for the next line's first word.
    @Test func stackedHeadlinesWithCommasInsideAreNoColumn() {
        let headlines = [
            "بعد أسبوع من الاحتجاجات، الحكومة اللبنانية تعلن خطة لمعالجة أزمة النفايات",
            "وزير الصحة يفتتح مستشفى جديدا في جازان بسعة ثلاثمائة سرير للمرضى",
            "الهلال يتعادل مع النصر، والأهلي يواصل صدارة الدوري السعودي للمحترفين",
            "أمانة جدة تبدأ صيانة الطرق الرئيسية قبل موسم الأمطار الشتوي المقبل",
            "هيئة السياحة تطلق مهرجان الصيف في أبها بمشاركة فرق شعبية من المناطق",
            "ارتفاع أسعار النفط في ختام تعاملات الأسبوع وسط مخاوف من تراجع الطلب",
        ]
        #expect(PlainTextExtractor.joiningWrappedLines(headlines, blankBefore: headlines.indices.map { $0 == 0 }).allSatisfy { $0.count == 1 })
    }

    /// Two columns of different widths, one line under the other: the narrower one ends a
    /// paragraph, and the wider one under it is another column, not lines to leave apart.
    @Test func aParagraphsEndBeforeAWiderColumnEndsTheRun() {
        let narrow = ["من جانبها كرمت مساعدة المدير العام", "للتعليم بجدة للشؤون التعليمية نور",
                      "باقادر، الطالبات سفيرات الحزم في «نادي", "المرح» بالثانوية الأولى؛ معربة عن",
                      "سعادتها بهذه المبادرة المباركة فكراً", "وثقافةً وتأثيراً."]
        let wide = ["وقد اختتم «سفراء الحزم» برنامج جولتهم بجدّة بزيارة", "لنادي الحيّ بمجمّع الصدّيق التعليميّ، حيث استقبلهم",
                    "مدير النادي حسين السقّاف، واصطحبهم لخيمة الضّيافة", "العربيّة، وتجولوا في صالات ألعاب القوى والرياضة، بعدها",
                    "اتّجهوا للنّادي العلميّ لأخذ فكرة موسّعة عن بعض", "اختراعات منسوبي وطلّاب النادي، وقد اختتموا جولتهم",
                    "للنادي بمشاهدة عرضٍ تعريفيّ عن النادي وفعاليّاته", "ونجاحاته، وشارك في الجولة كل من مدير وحدة التخطيط",
                    "والمتابعة بتعليم جدّة عامر تركستاني، والمشرف المرافق", "مع السفراء من تعليم نجران محمد كزمان."]
        let lines = narrow + wide
        #expect(PlainTextExtractor.joiningWrappedLines(lines, blankBefore: lines.indices.map { _ in true }) == [0..<6, 6..<16])
    }

    /// A gallery's counter is a number of a number; a reading time, a price or a follower count is not.
    @Test func onlyAGallerysCounterIsACounter() {
        for counter in ["صورة 2 من 14", "2 / 14", "2/14", "3 of 12", "Photo 3 of 12", "١ من ٥"] {
            #expect(TitleEvidence.isGalleryCounter(counter), "\(counter)")
        }
        for line in ["5 دقائق للقراءة", "12 ألف متابع", "السعر 250 ريالا", "info@example.com 3", "2 من الطلاب", "صورة 2 من"] {
            #expect(!TitleEvidence.isGalleryCounter(line), "\(line)")
        }
    }

    /// A site's rights line after the text's tags and share row ("© صحيفة الأفق") is no photo
    /// credit: it ends the page, and the paragraph about the site after it stays out of the text.
    @Test func theRightsLineAfterTheTagsStillEndsThePage() throws {
        let article = try read([Self.healthTitle, ""] + Self.opening.flatMap { [$0, ""] } + [
            "الوسوم: الصحة | التطعيم", "شارك الخبر", "© صحيفة الأفق",
            "صحيفة الأفق صحيفة إلكترونية سعودية مستقلة تصدر من الرياض، وتعنى بالأخبار المحلية والاقتصادية والرياضية منذ عام ألفين وعشرة.",
        ])
        #expect(article.title == Self.healthTitle)
        #expect(article.body == Self.opening.joined(separator: "\n\n"))
    }

    /// A page may repeat the text's lead over its photo: a credit under that one paragraph, the
    /// byline and the date, right above the text, still ends nothing.
    @Test func aCreditUnderARepeatedLeadEndsNothing() throws {
        let title = "خبراء يطالبون بخطة وطنية شاملة لحماية الشباب من التطرف"
        let article = try read(["الرئيسية / أخبار / محليات", title, Self.opening[0], "فهد العتيبي - الرياض", "12:39 ص، 12 سبتمبر 2015", "© أرشيفية"]
            + Self.opening + ["الوسوم: الشباب | التطرف"])
        #expect(article.title == title)
        #expect(article.body.hasSuffix(Self.opening[1]))
    }

    /// A JSON array holding one long string (no file extension) is JSON without records, not a
    /// text opening with a numbered link.
    @Test func aJSONArrayOfAStringIsNoText() {
        let text = "[\"" + Self.opening.joined(separator: " ") + " " + Self.opening.joined(separator: " ") + "\"]"
        #expect(throws: ReadingError.self) { try ArticleReader().read(Array(text.utf8), fileName: "feed") }
        #expect(!FormatDetector.opensWithBracketedWords(text))
        #expect(FormatDetector.opensWithBracketedWords("[1]الجزيرة نت"))
        #expect(!FormatDetector.opensWithBracketedWords("[1]  \n"))
    }
}
