import Foundation
import MarsadText
import Testing
@testable import MarsadDigest

@Suite("Incremental stories")
struct IncrementalStoryTests {
    func groups(_ index: StoryIndex) -> Set<Set<Int64>> {
        Set(index.stories().groups.map { Set($0.map { index.members[$0].id }) })
    }

    /// A synthetic day and the fixtures, with sources that repeat their furniture, so that
    /// the statistics behind focusing change while articles arrive.
    var day: [DigestArticle] {
        var articles = SyntheticDay(seed: 11, events: 70, articles: 320).articles
        for index in articles.indices where index % 3 == 0 {
            articles[index].body += "\n\nرابط الخبر بصحيفة الوئام"
            articles[index].matchText += "\nرابط الخبر بصحيفة الوئام"
        }
        let fixtures = Fixtures.all.map { article -> DigestArticle in
            var shifted = article
            shifted.id += 10_000
            return shifted
        }
        return articles + fixtures
    }

    @Test("adding a day in batches gives the stories of adding it at once, whatever the batches")
    func batchesEqualWhole() {
        let articles = day
        var whole = StoryIndex()
        let addedWhole = whole.add(articles)
        #expect(addedWhole)
        let expected = groups(whole)
        #expect(expected.count > 20 && expected.count < articles.count)

        var generator = SeededGenerator(seed: 3)
        for _ in 0..<4 {
            // Batches as a burst records them: in id order, of random sizes, each batch shuffled.
            let ordered = articles.sorted { $0.id < $1.id }
            var incremental = StoryIndex()
            var start = 0
            while start < ordered.count {
                let end = min(ordered.count, start + Int.random(in: 1...40, using: &generator))
                let added = incremental.add(Array(ordered[start..<end]).shuffled(using: &generator))
                #expect(added)
                start = end
            }
            #expect(groups(incremental) == expected)
        }
    }

    @Test("the digest built from kept stories equals the digest built from the articles")
    func digestFromIndexEqualsFullBuild() {
        let builder = DigestBuilder(timeZone: TimeZone(identifier: "Asia/Damascus")!)
        let articles = day
        var index = StoryIndex()
        let ordered = articles.sorted { $0.id < $1.id }
        for start in stride(from: 0, to: ordered.count, by: 25) {
            index.add(Array(ordered[start..<min(ordered.count, start + 25)]))
        }
        let incremental = builder.render(builder.build(
            topic: Fixtures.topic, day: Fixtures.day, stories: index, previousDay: Fixtures.previousDay
        ))
        let full = builder.render(topic: Fixtures.topic, day: Fixtures.day, articles: articles, previousDay: Fixtures.previousDay)
        #expect(incremental == full)
    }

    @Test("an article older than the newest member is refused, not misplaced")
    func olderArticleRefused() {
        var index = StoryIndex()
        let newer = index.add([Fixtures.wireCopies[1], Fixtures.wireCopies[2]])
        let older = index.add([Fixtures.wireCopies[0]])
        #expect(newer && !older)
        #expect(index.count == 2)
        // Already present: skipped, nothing refused.
        let again = index.add([Fixtures.wireCopies[2]])
        #expect(again)
        #expect(index.count == 2)
    }

    @Test("indexes filled side by side, articles shared between them, get the stories of filling each alone")
    func indexesFilledSideBySide() {
        let ordered = day.sorted { $0.id < $1.id }
        // Three topics: every article, every other one, and the first hundred (shared articles, uneven sizes).
        let topics = [ordered, ordered.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), Array(ordered.prefix(100))]
        var alone: [Set<Set<Int64>>] = []
        for articles in topics {
            var index = StoryIndex()
            for start in stride(from: 0, to: articles.count, by: 30) { index.add(Array(articles[start..<min(articles.count, start + 30)])) }
            alone.append(groups(index))
        }
        var indexes = topics.map { _ in StoryIndex() }
        for start in stride(from: 0, to: ordered.count, by: 30) {
            let window = Set(ordered[start..<min(ordered.count, start + 30)].map(\.id))
            let accepted = StoryIndex.add(topics.map { $0.filter { window.contains($0.id) } }, to: &indexes)
            #expect(accepted == [true, true, true])
        }
        #expect(indexes.map(groups) == alone)

        // An index that refuses its batch (an article older than its newest member) is left as it
        // was; the others take theirs.
        let before = indexes.map(\.count)
        let accepted = StoryIndex.add([[], [ordered[1]], [ordered.last!]], to: &indexes)
        #expect(accepted == [true, false, true])
        #expect(indexes.map(\.count) == [before[0], before[1], before[2] + 1])
    }

    @Test("kept members hold their lead, not their body")
    func membersAreCompact() throws {
        var index = StoryIndex()
        index.add(Fixtures.wireCopies)
        let member = try #require(index.members.first)
        #expect(member.body.isEmpty && member.matchText.isEmpty)
        #expect(member.lead?.isEmpty == false)
    }
}
