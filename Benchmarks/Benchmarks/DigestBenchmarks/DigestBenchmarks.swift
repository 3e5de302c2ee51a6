import Benchmark
import Foundation
import MarsadDigest
import MarsadText

// The acceptance figure: every topic's digest of a day with 5,000 articles,
// in all three formats plus the index, in under 2 s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )

    let day = SyntheticNewsDay(articles: 5_000, seed: 2015)
    let builder = DigestBuilder(timeZone: TimeZone(identifier: "Asia/Riyadh")!)

    Benchmark("Day of 5,000 articles: all topics, all formats and index (renderDay)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(builder.renderDay(day: SyntheticNewsDay.day, topics: day.topics))
        }
    }

    Benchmark("Day of 5,000 articles: topic by topic (render per topic, no shared fingerprints)") { benchmark in
        for _ in benchmark.scaledIterations {
            for entry in day.topics {
                blackHole(builder.render(
                    topic: entry.topic, day: SyntheticNewsDay.day, articles: entry.articles, previousDay: entry.previousDay
                ))
            }
        }
    }

    let largest = day.topics.max { $0.articles.count < $1.articles.count }!
    Benchmark("Largest topic (\(largest.articles.count) articles): stories only (build)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(builder.build(topic: largest.topic, day: SyntheticNewsDay.day, articles: largest.articles))
        }
    }
}

/// A generated news day shaped like SaudiNewsNet's: events told by one to a
/// dozen outlets, some as verbatim wire copies with a site's own headline
/// and sign-off, some rewritten; articles of 150–450 words in Arabic, with
/// entities and dates; ten topics, most articles in two or three of them.
struct SyntheticNewsDay: Sendable {
    static let day = "2015-07-21"
    let topics: [DigestTopicDay]

    static let topicNames: [(String, String, String)] = [
        ("syria", "سوريا", "Syria"), ("russia-syria", "روسيا وسوريا", "Russia–Syria"),
        ("syria-peace-process", "مسار التسوية السورية", "Syria peace process"),
        ("syrian-refugees", "اللاجئون السوريون", "Syrian refugees"), ("israel-syria", "إسرائيل وسوريا", "Israel–Syria"),
        ("iran-syria", "إيران وسوريا", "Iran–Syria"), ("turkey-syria", "تركيا وسوريا", "Turkey–Syria"),
        ("us-syria", "الولايات المتحدة وسوريا", "US–Syria"), ("gulf", "الخليج", "Gulf"), ("economy", "الاقتصاد", "Economy"),
    ]
    static let sources = [
        "الرياض", "عكاظ", "الجزيرة", "المدينة", "الوطن", "اليوم", "الشرق", "سبق", "الحياة", "الاقتصادية",
        "مكة", "عاجل", "المرصد", "سعورس",
    ]
    static let entities: [(String, String, String, String)] = [
        ("russia", "Russia", "روسيا", "country"), ("syria", "Syria", "سوريا", "country"),
        ("iran", "Iran", "إيران", "country"), ("turkey", "Turkey", "تركيا", "country"),
        ("israel", "Israel", "إسرائيل", "country"), ("united-states", "United States", "الولايات المتحدة", "country"),
        ("saudi-arabia", "Saudi Arabia", "السعودية", "country"), ("damascus", "Damascus", "دمشق", "place"),
        ("aleppo", "Aleppo", "حلب", "place"), ("idlib", "Idlib", "إدلب", "place"), ("geneva", "Geneva", "جنيف", "place"),
        ("moscow", "Moscow", "موسكو", "place"), ("vladimir-putin", "Vladimir Putin", "فلاديمير بوتين", "person"),
        ("sergey-lavrov", "Sergey Lavrov", "سيرغي لافروف", "person"), ("bashar-al-assad", "Bashar al-Assad", "بشار الأسد", "person"),
        ("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "رجب طيب أردوغان", "person"),
        ("united-nations", "United Nations", "الأمم المتحدة", "organization"), ("isis", "ISIS", "داعش", "organization"),
    ]
    /// Everyday newspaper words, shared by all events.
    static let common = """
    قال وزير الخارجية الرئيس الحكومة المسؤول مصادر مطلعة أكد أوضح أشار أعلن مؤتمر صحفي اجتماع لقاء بحث سبل \
    تعزيز العلاقات الثنائية التعاون المشترك الأزمة السورية الحل السياسي المجتمع الدولي مجلس الأمن قرار دعم الجهود \
    المبذولة الأوضاع الإنسانية المدنيين قوات الجيش المعارضة المسلحة الفصائل المنطقة الحدود العاصمة المدينة الريف \
    الشمالي الجنوبي الشرقي الغربي مقتل إصابة غارات قصف هجوم عملية عسكرية اتفاق وقف إطلاق النار المفاوضات الجولة \
    المقبلة الأسبوع الماضي الشهر الجاري خلال تصريحات بيان رسمي وكالة الأنباء اليوم أمس الثلاثاء السلطات المحلية \
    اللاجئين المساعدات الإغاثية المنظمات الدولية الاقتصاد الأسعار النفط الاستثمار المشاريع التنمية المملكة الخليج \
    العربية الأمن الاستقرار الإرهاب التطرف مكافحة التحالف الدولي الضربات الجوية المواقع التابعة لتنظيم
    """.split(separator: " ").map(String.init)
    static let functionWords = ["في", "من", "على", "إلى", "أن", "التي", "الذي", "مع", "بعد", "كما", "خلال", "عن", "و"]
    static let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوية".unicodeScalars)

    init(articles count: Int, seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let topics = Self.topicNames.map { DigestTopic(id: $0.0, nameAr: $0.1, nameEn: $0.2) }
        var articlesOfTopic: [[DigestArticle]] = Array(repeating: [], count: topics.count)
        var previousOfTopic: [[DigestArticle]] = Array(repeating: [], count: topics.count)
        var nextId: Int64 = 1
        var made = 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let midnight = calendar.date(from: DateComponents(year: 2015, month: 7, day: 21))!

        func word() -> String {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 3...8, using: &random) { view.append(Self.letters.randomElement(using: &random)!) }
            return String(view)
        }
        func sentence(_ own: [String], length: Int) -> String {
            (0..<length).map { _ -> String in
                let roll = Double.random(in: 0..<1, using: &random)
                if roll < 0.35 { return own.randomElement(using: &random)! }
                if roll < 0.8 { return Self.common.randomElement(using: &random)! }
                return Self.functionWords.randomElement(using: &random)!
            }.joined(separator: " ")
        }

        while made < count + 400 {
            let own = (0..<40).map { _ in word() }
            let lead = sentence(own, length: Int.random(in: 18...30, using: &random)) + "."
            let paragraphs = (0..<Int.random(in: 4...10, using: &random)).map { _ in
                (0..<Int.random(in: 2...3, using: &random)).map { _ in sentence(own, length: Int.random(in: 12...24, using: &random)) + "." }
                    .joined(separator: " ")
            }
            let picked = Array(Self.entities.shuffled(using: &random).prefix(Int.random(in: 3...8, using: &random)))
            let primary = Int.random(in: 1..<topics.count, using: &random)
            var memberships = [primary]
            if primary <= 7 { memberships.append(0) }
            if Bool.random(using: &random), primary != 2 { memberships.append(2) }
            let eventDate = "2015-07-\(String(format: "%02d", Int.random(in: 10...31, using: &random)))"
            let hour = Double.random(in: 0..<22, using: &random)
            let tellers = [1, 1, 1, 2, 2, 3, 4, 6, 9, 12].randomElement(using: &random)!
            let isPreviousDay = made >= count
            for teller in 0..<tellers {
                let wire = teller == 0 || Bool.random(using: &random)
                let title = sentence(own, length: Int.random(in: 6...11, using: &random))
                var body: String
                if wire {
                    body = ([lead] + paragraphs).joined(separator: "\n\n") + "\n\n" + sentence(own, length: 10) + "."
                } else {
                    // A rewrite: its own lead and an abridged body, same event words.
                    body = ([sentence(own, length: 24) + "."] + paragraphs.shuffled(using: &random).prefix(3)).joined(separator: "\n\n")
                }
                let time = midnight.addingTimeInterval((hour + Double(teller) * 0.4) * 3600 - (isPreviousDay ? 86_400 : 0))
                let article = DigestArticle(
                    id: nextId, title: title, body: body, matchText: title + "\n" + body,
                    source: Self.sources[(Int(nextId) + teller) % Self.sources.count],
                    url: "https://news.example/\(nextId)", fileName: "\(nextId).json",
                    time: time, topicScore: 1,
                    entities: picked.map { DigestEntity(id: $0.0, nameEn: $0.1, nameAr: $0.2, type: $0.3, count: Int.random(in: 1...4, using: &random)) },
                    dates: [DigestDate(date: eventDate, text: "\(Int(eventDate.suffix(2))!) يوليو")]
                )
                nextId += 1
                for topic in memberships {
                    if isPreviousDay { previousOfTopic[topic].append(article) } else { articlesOfTopic[topic].append(article) }
                }
                made += 1
                if made == count { break }
            }
        }
        self.topics = topics.indices.map {
            DigestTopicDay(topic: topics[$0], articles: articlesOfTopic[$0], previousDay: previousOfTopic[$0])
        }
    }
}
