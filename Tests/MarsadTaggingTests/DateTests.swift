import Testing
@testable import MarsadTagging

@Suite struct DateTests {
    func dates(_ text: String, published: String? = "2015-07-23") -> [String] {
        DateExtractor.extract(title: "", body: text, published: published).map(\.date)
    }

    @Test(arguments: [
        ("21 كانون الثاني 2015", "2015-01-21"), ("3 شباط 2016", "2016-02-03"), ("1 آذار 2017", "2017-03-01"),
        ("9 نيسان 2015", "2015-04-09"), ("5 أيار 2015", "2015-05-05"), ("30 حزيران 2015", "2015-06-30"),
        ("26 تموز 2015", "2015-07-26"), ("15 آب 2015", "2015-08-15"), ("2 أيلول 2015", "2015-09-02"),
        ("6 تشرين الأول 2015", "2015-10-06"), ("11 تشرين الثاني 2015", "2015-11-11"), ("25 كانون الأول 2015", "2015-12-25"),
    ])
    func levantineMonths(_ text: String, _ expected: String) {
        #expect(dates("وذلك في \(text) كما قال") == [expected])
    }

    @Test(arguments: [
        ("12 جانفي 2016", "2016-01-12"), ("14 فيفري 2016", "2016-02-14"), ("20 مارس 2017", "2017-03-20"),
        ("7 أفريل 2017", "2017-04-07"), ("1 ماي 2017", "2017-05-01"), ("5 جوان 2017", "2017-06-05"),
        ("25 جويلية 2017", "2017-07-25"), ("13 أوت 2017", "2017-08-13"), ("11 سبتمبر 2017", "2017-09-11"),
        ("8 أكتوبر 2016", "2016-10-08"), ("9 نوفمبر 2016", "2016-11-09"), ("31 ديسمبر 2016", "2016-12-31"),
    ])
    func maghrebiMonths(_ text: String, _ expected: String) {
        #expect(dates("بتاريخ \(text)") == [expected])
    }

    @Test(arguments: [
        ("10 يناير 2015", "2015-01-10"), ("28 فبراير 2015", "2015-02-28"), ("4 أبريل 2015", "2015-04-04"),
        ("4 إبريل 2015", "2015-04-04"), ("17 مايو 2015", "2015-05-17"), ("1 يونيو 2015", "2015-06-01"),
        ("1 يونية 2015", "2015-06-01"), ("22 يوليو 2015", "2015-07-22"), ("9 أغسطس 2015", "2015-08-09"),
    ])
    func egyptianAndGulfMonths(_ text: String, _ expected: String) {
        #expect(dates("يوم \(text)") == [expected])
    }

    @Test func arabicIndicDigits() {
        #expect(dates("في ٢١ تموز ٢٠١٥") == ["2015-07-21"])
        #expect(dates("في ۲۱ تموز ۲۰۱۵") == ["2015-07-21"])
    }

    @Test func numericDates() {
        #expect(dates("صدر في 21/7/2015 القرار") == ["2015-07-21"])
        #expect(dates("صدر في 2015-07-21 القرار") == ["2015-07-21"])
        #expect(dates("النسبة 3.5 بالمئة") == [])
        #expect(dates("صدر في 31/2/2015") == [])
    }

    @Test func dayAndMonthWithoutYearTakeTheAnchorYear() {
        #expect(dates("في 26 تموز الجاري") == ["2015-07-26"])
        #expect(dates("في 26 تموز") == ["2015-07-26"])
        #expect(dates("في 3 أبريل (نيسان) الماضي") == ["2015-04-03"])
        #expect(dates("في 3 ديسمبر الماضي") == ["2014-12-03"])
        #expect(dates("في 3 فبراير المقبل") == ["2016-02-03"])
    }

    @Test func withoutAnAnchorRelativeAndYearlessDatesAreDropped() {
        #expect(dates("في 26 تموز الجاري وصل أمس", published: nil) == [])
        #expect(dates("في 26 تموز 2015", published: nil) == ["2015-07-26"])
    }

    @Test func weekdaysAndRelativePhrases() {
        // 2015-07-23 was a Thursday.
        #expect(dates("قال اليوم الخميس") == ["2015-07-23"])
        #expect(dates("وقع أمس الأربعاء") == ["2015-07-22"])
        #expect(dates("وقع أمس") == ["2015-07-22"])
        #expect(dates("وصل أول أمس") == ["2015-07-21"])
        #expect(dates("يصل غداً") == ["2015-07-24"])
        #expect(dates("يصل بعد غد") == ["2015-07-25"])
        #expect(dates("قال يوم الإثنين") == ["2015-07-20"])
        #expect(dates("يصل الأحد المقبل") == ["2015-07-26"])
        #expect(dates("وصل الخميس الماضي") == ["2015-07-16"])
        #expect(dates("الأسبوع الماضي") == ["2015-07-16"])
        #expect(dates("الأسبوع المقبل") == ["2015-07-30"])
        #expect(dates("الشهر المقبل") == ["2015-08-01"])
        #expect(dates("الشهر الماضي") == ["2015-06-01"])
    }

    @Test func theAnchorMayBeATimestamp() {
        #expect(dates("وقع أمس", published: "2016-03-01T09:30:00Z") == ["2016-02-29"])
    }

    @Test func eachDateKeepsItsText() {
        let found = DateExtractor.extract(title: "", body: "أعلن أمس الأربعاء أن", published: "2015-07-23")
        #expect(found == [MentionedDate(date: "2015-07-22", text: "أمس الأربعاء")])
    }

}
