import Foundation
import MarsadDigest
import MarsadText

/// Hand-written Arabic reports modelled on real wire and site coverage:
/// the same event told by different outlets, one wire story re-posted by
/// three sites, and different events with the same actors.
enum Fixtures {
    static let day = "2026-11-23"
    static let topic = DigestTopic(id: "russia-syria", nameAr: "روسيا وسوريا", nameEn: "Russia–Syria")

    static let known: [String: DigestEntity] = {
        let rows: [(String, String, String, String)] = [
            ("russia", "Russia", "روسيا", "country"),
            ("syria", "Syria", "سوريا", "country"),
            ("turkey", "Turkey", "تركيا", "country"),
            ("greece", "Greece", "اليونان", "country"),
            ("moscow", "Moscow", "موسكو", "place"),
            ("geneva", "Geneva", "جنيف", "place"),
            ("idlib", "Idlib", "إدلب", "place"),
            ("manbij", "Manbij", "منبج", "place"),
            ("damascus", "Damascus", "دمشق", "place"),
            ("sergey-lavrov", "Sergey Lavrov", "سيرغي لافروف", "person"),
            ("walid-muallem", "Walid Muallem", "وليد المعلم", "person"),
            ("mevlut-cavusoglu", "Mevlüt Çavuşoğlu", "مولود جاويش أوغلو", "person"),
            ("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "رجب طيب أردوغان", "person"),
            ("united-nations", "United Nations", "الأمم المتحدة", "organization"),
            ("sdf", "Syrian Democratic Forces", "قوات سوريا الديمقراطية", "organization"),
        ]
        var table: [String: DigestEntity] = [:]
        for (id, en, ar, type) in rows { table[id] = DigestEntity(id: id, nameEn: en, nameAr: ar, type: type, count: 1) }
        return table
    }()

    static func time(_ hour: Int, _ minute: Int = 0, day: String = Fixtures.day) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: "\(day)T\(String(format: "%02d:%02d", hour, minute)):00Z")!
    }

    static func article(
        _ id: Int64, _ title: String, _ body: String, source: String?, at time: Date,
        entities: [String: Int] = [:], dates: [DigestDate] = [], url: String? = nil, fileName: String? = nil
    ) -> DigestArticle {
        DigestArticle(
            id: id, title: title, body: body,
            matchText: TextNormalizer.matchKey(title) + "\n" + TextNormalizer.matchKey(body),
            source: source, url: url ?? "https://example.org/news/\(id)", fileName: fileName ?? "\(id)_article.txt",
            time: time, topicScore: 1,
            entities: entities.keys.sorted().map { id in
                var entity = known[id]!
                entity.count = entities[id]!
                return entity
            },
            dates: dates
        )
    }

    // MARK: One event, two outlets

    static let lavrovMeetsMuallemRT = article(
        101,
        "لافروف يبحث مع المعلم في موسكو دفع التسوية السياسية في سوريا",
        """
        موسكو - بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره السوري وليد المعلم في موسكو، اليوم الاثنين، سبل دفع التسوية السياسية للأزمة السورية والتحضير للجولة المقبلة من محادثات جنيف.

        وقال لافروف في مؤتمر صحفي مشترك عقب المحادثات إن روسيا تدعم الحوار السوري السوري دون شروط مسبقة، وإن على الأطراف كافة الالتزام بقرار مجلس الأمن الدولي بشأن التسوية.

        من جهته، أكد المعلم أن دمشق مستعدة للمشاركة في جولة جنيف المقبلة المقررة في الأول من كانون الأول، مشيرا إلى أن مكافحة الإرهاب تبقى أولوية.
        """,
        source: "روسيا اليوم", at: time(9, 15),
        entities: ["sergey-lavrov": 3, "walid-muallem": 3, "moscow": 2, "russia": 2, "syria": 2, "geneva": 2, "damascus": 1],
        dates: [DigestDate(date: "2026-12-01", text: "الأول من كانون الأول")]
    )

    static let lavrovMeetsMuallemSANA = article(
        102,
        "المعلم ولافروف يبحثان في موسكو التسوية السياسية ومحادثات جنيف",
        """
        موسكو-سانا: التقى وزير الخارجية والمغتربين وليد المعلم نظيره الروسي سيرغي لافروف في موسكو اليوم، وبحث الجانبان التسوية السياسية للأزمة في سوريا والتحضيرات للجولة المقبلة من محادثات جنيف.

        وأكد المعلم خلال المؤتمر الصحفي المشترك أن سوريا ستشارك في جولة جنيف المقبلة، وأن الحوار السوري السوري يجب أن يجري بقيادة سورية ودون تدخل خارجي.

        ونقل لافروف تأكيد روسيا استمرار دعمها لسوريا في مكافحة الإرهاب.
        """,
        source: "سانا", at: time(11, 40),
        entities: ["sergey-lavrov": 2, "walid-muallem": 3, "moscow": 2, "russia": 1, "syria": 4, "geneva": 2],
        dates: [DigestDate(date: "2026-12-01", text: "مطلع كانون الأول")]
    )

    // MARK: A different event with the same actors, the same day

    static let lavrovOnArms = article(
        103,
        "لافروف: روسيا ستواصل تزويد الجيش السوري بالأسلحة والذخائر",
        """
        قال وزير الخارجية الروسي سيرغي لافروف إن بلاده ستواصل إرسال شحنات الأسلحة والذخائر إلى الجيش السوري بموجب العقود الموقعة بين البلدين، رافضا الانتقادات الغربية لهذه الإمدادات العسكرية.

        وأضاف لافروف، ردا على سؤال عن تصريحات نظيره السوري وليد المعلم في موسكو وجنيف، أن موسكو لن توقف صفقات السلاح مع دمشق، وأن الطائرات والمدرعات الجديدة ستصل قبل نهاية العام.
        """,
        source: "الشرق الأوسط", at: time(16, 5),
        entities: ["sergey-lavrov": 2, "walid-muallem": 1, "moscow": 1, "russia": 1, "syria": 1, "geneva": 1, "damascus": 1]
    )

    // MARK: One wire story, re-posted by three sites

    static let wireBody = """
    قتل عشرون مدنيا على الأقل، بينهم سبعة أطفال، وأصيب العشرات في غارات جوية استهدفت فجر اليوم سوقا شعبية وسط مدينة معرة النعمان في ريف إدلب الجنوبي، وفق ما أفاد به الدفاع المدني السوري.

    وقال مسؤول في الدفاع المدني إن فرق الإنقاذ ما زالت تبحث عن ناجين تحت أنقاض المباني المدمرة، مرجحا ارتفاع حصيلة القتلى بسبب وجود إصابات خطيرة.

    وتتعرض مناطق ريف إدلب الجنوبي منذ أسابيع لقصف جوي ومدفعي متواصل، رغم اتفاق خفض التصعيد الذي توصلت إليه روسيا وتركيا.
    """

    static let wireCopies: [DigestArticle] = [
        article(
            201, "مقتل 20 مدنيا في غارات جوية على سوق في ريف إدلب", wireBody,
            source: "عنب بلدي", at: time(7, 30),
            entities: ["idlib": 2, "russia": 1, "turkey": 1, "syria": 1],
            dates: [DigestDate(date: Fixtures.day, text: "فجر اليوم")]
        ),
        article(
            202, "غارات جوية تقتل 20 مدنيا بينهم أطفال في معرة النعمان",
            "إدلب (وكالات) - " + wireBody + "\n\nوطالبت منظمات إنسانية بتحقيق دولي في استهداف الأسواق والمنشآت المدنية.",
            source: "الجزيرة نت", at: time(8, 10),
            entities: ["idlib": 2, "russia": 1, "turkey": 1, "syria": 1]
        ),
        article(
            203, "ريف إدلب: 20 قتيلا مدنيا بغارات على سوق شعبية",
            wireBody.replacingOccurrences(of: "وفق ما أفاد به", with: "بحسب"),
            source: "ثقة", at: time(9, 0),
            entities: ["idlib": 2, "russia": 1, "turkey": 1, "syria": 1]
        ),
    ]

    // MARK: Unrelated events

    static let erdoganOnManbij = article(
        301,
        "أردوغان يلوح بعملية عسكرية جديدة في منبج شرق حلب",
        """
        أنقرة - قال الرئيس التركي رجب طيب أردوغان إن بلاده قد تطلق عملية عسكرية جديدة ضد قوات سوريا الديمقراطية في منبج إذا لم تنسحب الوحدات الكردية إلى شرق نهر الفرات خلال أسابيع.

        وأضاف أردوغان في كلمة أمام كتلة حزبه البرلمانية أن تركيا لن تسمح بإقامة ممر إرهابي على حدودها الجنوبية.
        """,
        source: "الأناضول", at: time(13, 20),
        entities: ["recep-tayyip-erdogan": 2, "turkey": 2, "manbij": 2, "sdf": 1, "syria": 1]
    )

    static let migrantsRescued = article(
        302,
        "منهم سوريون.. إنقاذ 25 مهاجرا قبالة جزيرة كريت اليونانية",
        """
        أعلن خفر السواحل اليوناني إنقاذ خمسة وعشرين مهاجرا، بينهم سوريون وأطفال، بعد أن تعطل قاربهم قبالة السواحل الجنوبية لجزيرة كريت.

        ونقل المهاجرون إلى ميناء قريب لتلقي الرعاية الطبية، فيما تواصل السلطات البحث عن مفقودين محتملين.
        """,
        source: "ثقة", at: time(18, 45),
        entities: ["greece": 2, "syria": 1]
    )

    static let previousDay: [DigestArticle] = [
        article(
            901, "لافروف يستقبل المعلم غدا في موسكو",
            "يستقبل وزير الخارجية الروسي سيرغي لافروف نظيره السوري وليد المعلم في موسكو غدا لبحث التسوية السياسية في سوريا.",
            source: "روسيا اليوم", at: time(10, 0, day: "2026-11-22"),
            entities: ["sergey-lavrov": 1, "walid-muallem": 1, "moscow": 1, "russia": 1, "syria": 1]
        ),
        article(
            902, "قصف مدفعي على ريف إدلب الجنوبي",
            "تعرضت بلدات في ريف إدلب الجنوبي لقصف مدفعي مكثف مصدره مواقع قوات النظام، بحسب ناشطين محليين.",
            source: "عنب بلدي", at: time(15, 0, day: "2026-11-22"),
            entities: ["idlib": 1, "syria": 1]
        ),
    ]

    static var all: [DigestArticle] {
        [lavrovMeetsMuallemRT, lavrovMeetsMuallemSANA, lavrovOnArms] + wireCopies + [erdoganOnManbij, migrantsRescued]
    }
}
