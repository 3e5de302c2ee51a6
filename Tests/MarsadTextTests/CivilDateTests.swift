import MarsadText
import Testing

@Test func civilDateArithmeticAcrossLeapYearsAndTheEpoch() throws {
    let date = try #require(CivilDate(year: 2016, month: 2, day: 28))
    #expect(date.adding(days: 1).iso == "2016-02-29")
    #expect(date.adding(days: 2).iso == "2016-03-01")
    #expect(CivilDate(dayNumber: 0).iso == "1970-01-01")
    #expect(CivilDate(dayNumber: 0).weekday == 4)
    #expect(CivilDate(year: 2015, month: 2, day: 29) == nil)
}

@Test func dayNumbersRoundTripOnBothSidesOfTheEpoch() throws {
    #expect(CivilDate(dayNumber: -1).iso == "1969-12-31")
    #expect(try #require(CivilDate(iso: "2015-07-21T18:01:03Z")).dayNumber == 16_637)
    for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
        #expect(CivilDate(dayNumber: dayNumber).dayNumber == dayNumber)
    }
}
