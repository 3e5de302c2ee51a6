import Foundation
import MarsadText
import Testing
@testable import MarsadDigest

@Suite("Determinism")
struct DeterminismTests {
    @Test("the same articles in any order give byte-identical files")
    func permutationInvariance() {
        let builder = DigestBuilder(timeZone: TimeZone(identifier: "Asia/Damascus")!)
        let articles = Fixtures.all
        let reference = builder.render(
            topic: Fixtures.topic, day: Fixtures.day, articles: articles, previousDay: Fixtures.previousDay
        )
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<8 {
            let shuffled = articles.shuffled(using: &generator)
            let previous = Fixtures.previousDay.shuffled(using: &generator)
            let rendered = builder.render(topic: Fixtures.topic, day: Fixtures.day, articles: shuffled, previousDay: previous)
            #expect(rendered == reference)
        }
        #expect(Set(reference.files.keys) == ["russia-syria.md", "russia-syria.html", "russia-syria.json"])
    }

    @Test("a day built for all topics at once equals topics built one by one")
    func dayEqualsSingles() {
        let builder = DigestBuilder()
        let other = DigestTopic(id: "syria", nameAr: "سوريا", nameEn: "Syria")
        let day = builder.renderDay(day: Fixtures.day, topics: [
            DigestTopicDay(topic: other, articles: Fixtures.all.reversed()),
            DigestTopicDay(topic: Fixtures.topic, articles: Array(Fixtures.all.prefix(3)), previousDay: Fixtures.previousDay),
        ])
        let single = builder.render(
            topic: Fixtures.topic, day: Fixtures.day, articles: Array(Fixtures.all.prefix(3)), previousDay: Fixtures.previousDay
        )
        for (name, contents) in single.files { #expect(day.files[name] == contents) }
        #expect(day.files["syria.json"] == builder.render(topic: other, day: Fixtures.day, articles: Fixtures.all).files["syria.json"])
        #expect(day.files["index.md"]?.contains("(syria.md)") == true)
    }

    @Test("story ids depend on the reports, not on their order or rank")
    func stableStoryIds() {
        let builder = DigestBuilder()
        let first = builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: Fixtures.wireCopies)
        let second = builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: Fixtures.wireCopies.reversed() + [Fixtures.migrantsRescued])
        let wireId = first.stories[0].id
        #expect(second.stories.contains { $0.id == wireId })
    }
}
