import Foundation
import Testing
@testable import MarsadDigest

@Suite("Stories")
struct ClusteringTests {
    let builder = DigestBuilder()

    func stories(_ articles: [DigestArticle]) -> [Story] {
        builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: articles).stories
    }

    func storyIds(of articles: [DigestArticle]) -> [Set<Int64>] {
        stories(articles).map { Set($0.reports.map(\.articleId)) }
    }

    @Test("two outlets reporting one meeting make one story")
    func sameEventClusters() {
        let groups = storyIds(of: [Fixtures.lavrovMeetsMuallemRT, Fixtures.lavrovMeetsMuallemSANA])
        #expect(groups == [[101, 102]])
    }

    @Test("two events with the same actors stay apart")
    func differentEventsSameEntitiesStayApart() {
        // The arms story names exactly the same people and places as the meeting.
        #expect(Set(Fixtures.lavrovOnArms.entities.map(\.id)) == Set(Fixtures.lavrovMeetsMuallemRT.entities.map(\.id)))
        let groups = storyIds(of: [Fixtures.lavrovMeetsMuallemRT, Fixtures.lavrovOnArms])
        #expect(groups.count == 2)
        let all = storyIds(of: [Fixtures.lavrovMeetsMuallemRT, Fixtures.lavrovMeetsMuallemSANA, Fixtures.lavrovOnArms])
        #expect(Set(all) == [[101, 102], [103]])
    }

    @Test("a wire story re-posted by three sites is one story with three reports")
    func wireCopiesCluster() throws {
        let result = stories(Fixtures.wireCopies)
        #expect(result.count == 1)
        let story = try #require(result.first)
        #expect(story.reportCount == 3)
        #expect(story.sourceCount == 3)
        #expect(Set(story.reports.map(\.source)) == ["عنب بلدي", "الجزيرة نت", "ثقة"])
        #expect(story.reports.map(\.fileName) == ["201_article.txt", "202_article.txt", "203_article.txt"])
    }

    @Test("the full day groups into the expected stories, heaviest first")
    func fullDay() throws {
        let result = stories(Fixtures.all)
        #expect(result.map { Set($0.reports.map(\.articleId)) } == [[201, 202, 203], [101, 102], [302], [301], [103]]
            || result.map { Set($0.reports.map(\.articleId)) } == [[201, 202, 203], [101, 102], [302], [103], [301]])
        #expect(result.map(\.rank) == [1, 2, 3, 4, 5])
        let wire = try #require(result.first)
        // Its summary is the lead of one of the copies, not of an unrelated report.
        #expect(wire.summary.hasPrefix("قتل عشرون مدنيا على الأقل") || wire.summary.hasPrefix("إدلب (وكالات) - قتل"))
        #expect(wire.entities.first?.id == "idlib")
        let meeting = result[1]
        #expect(meeting.entities.contains { $0.id == "sergey-lavrov" && $0.nameEn == "Sergey Lavrov" && $0.reports == 2 })
        #expect(meeting.summary.contains("لافروف"))
    }

    @Test("reports far apart in time are not one event unless they are copies")
    func timeProximity() {
        var later = Fixtures.lavrovMeetsMuallemSANA
        later.time = Fixtures.time(11, 40).addingTimeInterval(3 * 86_400)
        #expect(storyIds(of: [Fixtures.lavrovMeetsMuallemRT, later]).count == 2)
        var copyLater = Fixtures.wireCopies[1]
        copyLater.time = Fixtures.time(8, 10).addingTimeInterval(3 * 86_400)
        #expect(storyIds(of: [Fixtures.wireCopies[0], copyLater]).count == 1)
    }

    @Test("pages that share only their site's furniture are not one story")
    func sourceBoilerplate() {
        let titles = [
            "بالصور .. رمضان في إندونيسيا", "بالصور .. إيران ترقص فرحا بالاتفاق النووي", "بالصور .. رمضان في ليبيا",
            "بالصور .. هذا ما فعله الحوثيون في اليمن", "بالصور .. الباكستانيون يموتون حرا", "بالصور .. رمضان في فلسطين",
        ]
        let pages = titles.enumerated().map { index, title in
            Fixtures.article(
                Int64(400 + index), title, "رابط الخبر بصحيفة الوئام: \(title)", source: "الوئام",
                at: Fixtures.time(10 + index)
            )
        }
        #expect(stories(pages).count == titles.count)
        // A real copy from that source is still found.
        var copy = Fixtures.wireCopies[0]
        copy.id = 499
        copy.source = "الوئام"
        copy.body += "\n\nرابط الخبر بصحيفة الوئام: " + copy.title
        let groups = storyIds(of: pages + [copy, Fixtures.wireCopies[1]])
        #expect(groups.contains([499, 202]))
    }

    @Test("a repeated article id counts once")
    func duplicateIds() {
        let result = stories([Fixtures.migrantsRescued, Fixtures.migrantsRescued])
        #expect(result.count == 1)
        #expect(result.first?.reportCount == 1)
    }

    @Test("banding finds every copy among many articles")
    func bandingAtScale() {
        let corpus = SyntheticDay(seed: 7, events: 60, articles: 300)
        let found = storyIds(of: corpus.articles)
        let expected = corpus.expectedGroups
        // Each generated event is recovered whole, and nothing is merged across events.
        #expect(Set(found) == Set(expected))
    }
}

/// Plain-text reports without publication times: two outlets telling one
/// meeting in their own words, and two meetings of one minister.
@Suite("Stories without times")
struct UndatedClusteringTests {
    let builder = DigestBuilder()

    static func undated(
        _ id: Int64, _ title: String, _ body: String, source: String?, readAt minute: Int, entities: [String: Int]
    ) -> DigestArticle {
        var article = Fixtures.article(id, title, body, source: source, at: Fixtures.time(9, minute), entities: entities)
        article.hasTimeOfDay = false
        return article
    }

    static let envoyMeetsAssad = undated(
        501, "الأسد يستقبل وفدا روسيا في دمشق",
        """
        استقبل رئيس النظام بشار الأسد صباح اليوم الخميس مبعوث الرئيس الروسي الخاص ألكسندر لافرنتييف والوفد المرافق له في دمشق.

        وتناول اللقاء التحضيرات للمؤتمر الدولي حول عودة اللاجئين المزمع عقده الشهر المقبل، ومحاولات بعض الدول الغربية إفشاله.
        """,
        source: nil, readAt: 1, entities: ["damascus": 2, "russia": 2, "syria": 1]
    )

    static let envoyMeetsAssadOtherWords = undated(
        502, "موسكو تواصل دعم دمشق سياسيا وعسكريا",
        """
        بحث بشار الأسد اليوم الخميس مع وفد روسي ضم المبعوث الخاص للرئيس الروسي ألكسندر لافرنتييف ونائب وزير الخارجية آخر التطورات في سوريا.

        وقالت الرئاسة في بيان إن الجانبين اتفقا على مواصلة العمل المشترك في مكافحة الإرهاب، فيما تحدث الضيف عن جولته في العراق ولبنان.
        """,
        source: "وكالات", readAt: 7, entities: ["russia": 3, "syria": 3, "moscow": 1, "damascus": 1]
    )

    static let lavrovMeetsTurkishMinister = undated(
        503, "لافروف يبحث مع جاويش أوغلو في موسكو الوضع في إدلب",
        """
        بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره التركي مولود جاويش أوغلو في موسكو اليوم الوضع في إدلب وتطبيق اتفاق خفض التصعيد.

        وقال لافروف في مؤتمر صحفي مشترك إن موسكو وأنقرة متفقتان على محاربة الجماعات الإرهابية في المحافظة.
        """,
        source: "روسيا اليوم", readAt: 3,
        entities: ["sergey-lavrov": 2, "mevlut-cavusoglu": 1, "moscow": 2, "russia": 1, "turkey": 2, "idlib": 2]
    )

    static let lavrovMeetsMuallem = undated(
        504, "لافروف يبحث مع المعلم في موسكو التسوية السياسية",
        """
        بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره السوري وليد المعلم في موسكو اليوم سبل دفع التسوية السياسية ومحادثات جنيف المقبلة.

        وقال لافروف في مؤتمر صحفي مشترك إن روسيا تدعم الحوار السوري السوري دون شروط مسبقة.
        """,
        source: "سانا", readAt: 5, entities: ["sergey-lavrov": 2, "walid-muallem": 2, "moscow": 2, "russia": 1, "syria": 2, "geneva": 1]
    )

    func groups(_ articles: [DigestArticle]) -> Set<Set<Int64>> {
        Set(builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: articles).stories.map { Set($0.reports.map(\.articleId)) })
    }

    @Test("one meeting told in other words by two outlets is one story, with no time shown")
    func sameMeetingOtherWords() throws {
        let digest = builder.build(
            topic: Fixtures.topic, day: Fixtures.day,
            articles: [Self.envoyMeetsAssad, Self.envoyMeetsAssadOtherWords, Self.lavrovMeetsMuallem]
        )
        #expect(Set(digest.stories.map { Set($0.reports.map(\.articleId)) }) == [[501, 502], [504]])
        #expect(digest.stories.flatMap(\.reports).allSatisfy { $0.localTime == nil })
    }

    @Test("two meetings of one minister the same day stay apart")
    func differentMeetingsSameMinister() {
        #expect(groups([Self.lavrovMeetsTurkishMinister, Self.lavrovMeetsMuallem]) == [[503], [504]])
    }

    @Test("time apart counts only when both reports carry a time")
    func timeOnlyWhenBothKnown() {
        // Read an hour apart, with their times unknown: still one event.
        var later = Self.envoyMeetsAssadOtherWords
        later.time = later.time.addingTimeInterval(3 * 86_400)
        #expect(groups([Self.envoyMeetsAssad, later]) == [[501, 502]])
        // Both dated three days apart: two events, however alike.
        var first = Self.envoyMeetsAssad, second = later
        first.hasTimeOfDay = true
        second.hasTimeOfDay = true
        #expect(groups([first, second]) == [[501], [502]])
    }
}
