/// One topic's digest for one day: the model every format is rendered from,
/// and exactly what the JSON file holds (schema `marsad.digest/1`, documented
/// in the DigestFormat article).
public struct DayDigest: Sendable, Codable, Hashable {
    public static let schemaIdentifier = "marsad.digest/1"

    public var schema: String
    /// `YYYY-MM-DD`, in the configured time zone.
    public var day: String
    public var calendar: DigestCalendarDay
    /// The time zone report times are given in (an IANA identifier).
    public var timeZone: String
    public var topic: DigestTopic
    public var articleCount: Int
    /// Distinct known sources.
    public var sourceCount: Int
    /// Articles per known source, most first.
    public var sources: [SourceTally]
    /// Articles whose source is not known (neither outlet nor address).
    public var unknownSourceArticles: Int
    /// Articles of this topic the previous day; 0 when none were given.
    public var previousDayArticleCount: Int
    /// Heaviest first.
    public var stories: [Story]
    /// The most mentioned entities, most first, with the change since the previous day.
    public var whoAndWhere: [EntityTally]
    /// Dated events the articles mention, earliest first.
    public var timeline: [TimelineEntry]

    public init(
        schema: String = DayDigest.schemaIdentifier, day: String, calendar: DigestCalendarDay, timeZone: String,
        topic: DigestTopic, articleCount: Int, sourceCount: Int, sources: [SourceTally], unknownSourceArticles: Int = 0,
        previousDayArticleCount: Int, stories: [Story], whoAndWhere: [EntityTally], timeline: [TimelineEntry]
    ) {
        self.schema = schema
        self.day = day
        self.calendar = calendar
        self.timeZone = timeZone
        self.topic = topic
        self.articleCount = articleCount
        self.sourceCount = sourceCount
        self.sources = sources
        self.unknownSourceArticles = unknownSourceArticles
        self.previousDayArticleCount = previousDayArticleCount
        self.stories = stories
        self.whoAndWhere = whoAndWhere
        self.timeline = timeline
    }
}

/// The day in both calendars, as numbers and as Arabic text.
public struct DigestCalendarDay: Sendable, Codable, Hashable {
    /// `YYYY-MM-DD`.
    public var gregorian: String
    /// e.g. «الثلاثاء ٢٤ نوفمبر ٢٠٢٦».
    public var gregorianArabic: String
    /// `YYYY-MM-DD` in the Umm al-Qura calendar; absent if the day is not a valid date.
    public var hijri: String?
    /// e.g. «١٤ جمادى الآخرة ١٤٤٨ هـ».
    public var hijriArabic: String?
}

public struct SourceTally: Sendable, Codable, Hashable {
    public var name: String
    public var articles: Int
}

/// A group of reports on one event.
public struct Story: Sendable, Codable, Hashable {
    /// Stable across rebuilds with the same reports: derived from their article ids.
    public var id: String
    /// 1 for the heaviest story of the day.
    public var rank: Int
    public var headline: String
    /// The first one or two sentences of the most central report.
    public var summary: String
    public var reportCount: Int
    public var sourceCount: Int
    /// ISO 8601 UTC times of the first and last report.
    public var firstTime: String
    public var lastTime: String
    public var centralArticleId: Int64
    /// The entities most of its reports name, with English names.
    public var entities: [StoryEntity]
    /// Earliest first.
    public var reports: [StoryReport]
}

public struct StoryReport: Sendable, Codable, Hashable {
    public var articleId: Int64
    /// The outlet's Arabic name from the sources file, else its name as the
    /// article gives it, else the address's host; absent when none is known.
    public var source: String?
    /// The outlet's id in the sources file, when it is listed there.
    public var outletId: String?
    /// A wire credit («وكالات», «رويترز»), shown beside the outlet.
    public var credit: String?
    /// Only http and https addresses are kept.
    public var url: String?
    /// ISO 8601 UTC.
    public var time: String
    /// `HH:mm` in the digest's time zone; absent when only the date is known.
    public var localTime: String?
    public var title: String
    public var fileName: String
    /// 1 for the first record of a file of several records; absent for a file of one article.
    public var record: Int?
    /// The report the story's headline and summary come from.
    public var isCentral: Bool
}

public struct StoryEntity: Sendable, Codable, Hashable {
    public var id: String
    public var nameAr: String
    public var nameEn: String
    public var type: String
    /// How many of the story's reports name it.
    public var reports: Int
    /// How many times, over all the story's reports.
    public var mentions: Int
}

public struct EntityTally: Sendable, Codable, Hashable {
    public var id: String
    public var nameAr: String
    public var nameEn: String
    public var type: String
    /// How many of the day's articles in this topic name it.
    public var articles: Int
    public var mentions: Int
    /// The same count for the previous day.
    public var previousArticles: Int
    /// `articles - previousArticles`.
    public var change: Int
}

public struct TimelineEntry: Sendable, Codable, Hashable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// Arabic rendering of `date`.
    public var dateArabic: String
    /// The words that name the date in the articles, most used first.
    public var texts: [String]
    /// The articles that mention it, in id order.
    public var articleIds: [Int64]
    /// The stories those articles belong to, heaviest first.
    public var storyIds: [String]
}
