import Foundation
import Testing
import MarsadTagging
import MarsadReading
import MarsadText

@testable import MarsadCore

@Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
])
func sha256MatchesStandardVectors(input: String, digest: String) {
    #expect(SHA256.hex(Array(input.utf8)) == digest)
}

@Test func sha256OfAMillionAsAndIncrementalUpdatesAgree() {
    let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    var hasher = SHA256()
    for size in [1, 63, 64, 65, 1000, 998_807] {
        hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: size))
    }
    #expect(hasher.finalizeHex() == SHA256.hex(million))
}

/// The processor's SHA extensions, where it has them, and the rounds written in Swift give
/// the same hashes, for messages of every length around the block size and across blocks.
@Test func sha256WithAndWithoutTheProcessorExtensionsAgree() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 100_003] {
        let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var software = SHA256()
        software.usesProcessorExtensions = false
        software.update(message)
        var fast = SHA256()
        fast.update(message)
        #expect(fast.finalizeHex() == software.finalizeHex(), "length \(length)")
    }
    var software = SHA256()
    software.usesProcessorExtensions = false
    software.update(Array("abc".utf8))
    #expect(software.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
}

/// Text hashed where it lies, in pieces that straddle blocks, gives the hash of the pieces joined.
@Test func sha256OfTextInPiecesIsTheHashOfThePiecesJoined() {
    for (title, body) in [("", ""), ("قمة موسكو", String(repeating: "نص الخبر، ", count: 40)), (String(repeating: "t", count: 63), "b")] {
        var hasher = SHA256()
        hasher.update(utf8Of: title)
        hasher.update([0x0A])
        hasher.update(utf8Of: body)
        #expect(hasher.finalizeHex() == SHA256.hex(Array((title + "\n" + body).utf8)))
    }
}

@Test func articleDayPrefersThePublicationDateInTheConfiguredZone() throws {
    let damascus = try #require(TimeZone(identifier: "Asia/Damascus"))
    let ingested = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z
    #expect(ArticleDay.day(published: "2015-07-21", ingestedAt: ingested, timeZone: damascus) == "2015-07-21")
    // 22:30 UTC is already the next day in Damascus (UTC+3).
    #expect(ArticleDay.day(published: "2015-07-21T22:30:00Z", ingestedAt: ingested, timeZone: damascus) == "2015-07-22")
    #expect(ArticleDay.day(published: nil, ingestedAt: ingested, timeZone: damascus) == "2023-11-15")
    #expect(ArticleDay.day(published: "yesterday", ingestedAt: ingested, timeZone: .gmt) == "2023-11-14")
}

@Test func daysStepBackAndTimestampsParse() throws {
    #expect(ArticleDay.previous("2016-03-01") == "2016-02-29")
    #expect(ArticleDay.previous("yesterday") == nil)
    #expect(ArticleDay.instant("2015-07-21T18:01:03Z") == Date(timeIntervalSince1970: 1_437_501_663))
    #expect(ArticleDay.instant("2015-07-21") == Date(timeIntervalSince1970: 1_437_436_800))
    #expect(ArticleDay.format(Date(timeIntervalSince1970: -1), timeZone: .gmt) == "1969-12-31")
}

@Test func aTimestampWithoutZoneKeepsItsClockTimeInTheConfiguredZone() throws {
    // SaudiNewsNet's date_extracted: "2015-07-31 04:15:32", read as 2015-07-31T04:15:32.
    let riyadh = try #require(TimeZone(identifier: "Asia/Riyadh"))
    #expect(ArticleDay.instant("2015-07-31T04:15:32", timeZone: riyadh) == Date(timeIntervalSince1970: 1_438_305_332))
    #expect(ArticleDay.instant("2015-07-31T04:15:32") == Date(timeIntervalSince1970: 1_438_316_132))
    #expect(ArticleDay.instant("2015-07-31T04:15", timeZone: .gmt) == Date(timeIntervalSince1970: 1_438_316_100))
    // Early morning stays on its own day even west of Greenwich.
    let newYork = try #require(TimeZone(identifier: "America/New_York"))
    let ingested = Date(timeIntervalSince1970: 1_700_000_000)
    #expect(ArticleDay.day(published: "2015-07-31T01:30:00", ingestedAt: ingested, timeZone: newYork) == "2015-07-31")
    #expect(ArticleDay.instant("2015-07-31T04:15:32+05:00") == Date(timeIntervalSince1970: 1_438_298_132))
    // A date followed by words is that date, whatever the zone.
    #expect(ArticleDay.day(published: "2015-07-31 evening edition", ingestedAt: ingested, timeZone: newYork) == "2015-07-31")
}

@Test(arguments: [
    ("2015-07-31T04:15:32.250Z", 1_438_316_132.25),
    ("2015-07-31T04:15:32-0330", 1_438_328_732),
    ("2015-07-31 04:15:32+03", 1_438_305_332),
    ("2015-07-31T04:15+03:00", 1_438_305_300),
    // Not a clock time after the date: its midnight in UTC.
    ("2015-07-31T04:15:32+5", 1_438_300_800),
    ("2015-07-31 late evening", 1_438_300_800),
    ("2015-07-31T25:00:00Z", 1_438_300_800),
    // The end of the day is the next day's midnight.
    ("2015-07-31T24:00:00Z", 1_438_387_200),
    ("2015-07-31T24:00:01Z", 1_438_300_800),
])
func timestampsOfEveryWrittenZoneForm(text: String, seconds: Double) {
    #expect(ArticleDay.instant(text, timeZone: .gmt) == Date(timeIntervalSince1970: seconds))
}

@Test func daysNamedOnTheCommandLineAreTodayYesterdayOrExactDates() throws {
    let zone = try #require(TimeZone(identifier: "Asia/Damascus"))
    // 2026-03-01 22:30 UTC is already 2 March in Damascus (UTC+3).
    let now = Date(timeIntervalSince1970: 1_772_404_200)
    #expect(ArticleDay.named("today", now: now, timeZone: zone) == "2026-03-02")
    #expect(ArticleDay.named("yesterday", now: now, timeZone: zone) == "2026-03-01")
    #expect(ArticleDay.named("2024-02-29", now: now, timeZone: zone) == "2024-02-29")
    for junk in ["../escaped", "2026-13-45", "2023-02-29", "2026-1-05", "2026-01-05/..", "2026-01-05x", "", "Today", "tomorrow"] {
        #expect(ArticleDay.named(junk, now: now, timeZone: zone) == nil, "\(junk)")
    }
}

/// A file of very many articles (a day in one JSON array) leaves its search stems to the
/// writer, to keep its peak memory down; the stems are the ones worked out early.
@Test func searchTermsAreTheSameWhetherWorkedOutEarlyOrByTheWriter() throws {
    let pipeline = Pipeline(tagger: Tagger(taxonomy: try Taxonomy.parse([])))
    func records(_ count: Int) -> [UInt8] {
        let items = (0..<count).map { #"{"title": "عنوان الخبر رقم \#($0)", "body": "وقالت الوكالات إن المفاوضات في جنيف استؤنفت اليوم \#($0)."}"# }
        return Array(("[" + items.joined(separator: ",") + "]").utf8)
    }
    let few = try pipeline.process(records(3), fileName: "few.json").get()
    let many = try pipeline.process(records(Pipeline.mostArticlesWithPrecomputedTerms + 1), fileName: "many.json").get()
    for index in 0..<3 {
        #expect(many[index].titleTerms == few[index].titleTerms)
        #expect(many[index].bodyTerms == few[index].bodyTerms)
        #expect(few[index].bodyTerms == SearchTerms.document(few[index].bodyKey))
        #expect(!few[index].bodyTerms.isEmpty)
    }
}

/// Reading works out the keys of title and body to tell the language; the pipeline takes
/// them, and they are the keys it would work out, for text that composes or not.
@Test func keysFromReadingAreTheMatchKeys() throws {
    let pipeline = Pipeline(tagger: Tagger(taxonomy: try Taxonomy.parse([])))
    let texts = [
        "عنوان الخبر\n\nوقالت الوكالات إن المفاوضات في جنيف استؤنفت اليوم.",
        "ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ\n\nنص فيه ا\u{0654}لف و\u{064E}\u{0651}\u{064E} حركات مقلوبة، وكلمة café CAFE\u{0301}.",
        "Title in English\n\nThe talks in Geneva resumed today, the agencies said.",
    ]
    for text in texts {
        let read = try #require(try ArticleReader().read(Array(text.utf8), fileName: "a.txt").first)
        #expect(read.matchKeys?.title == TextNormalizer.matchKey(read.title))
        #expect(read.matchKeys?.body == TextNormalizer.matchKey(read.body))
        let article = try #require(try pipeline.process(Array(text.utf8), fileName: "a.txt").get().first)
        #expect(article.titleKey == TextNormalizer.matchKey(article.article.title))
        #expect(article.bodyKey == TextNormalizer.matchKey(article.article.body))
        #expect(article.article.matchKeys == nil)
        #expect(article.article.language == LanguageIdentifier.identify(article.article.title + "\n" + article.article.body))
    }
}
