import Foundation
import MarsadDigest
import MarsadText

/// A generated day of news: `events` distinct events, each told by one or
/// more near-copies of its own text, in Arabic-letter words. Used to check
/// that banding finds all copies without comparing every pair.
struct SyntheticDay {
    var articles: [DigestArticle] = []
    var expectedGroups: [Set<Int64>] = []

    static let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي".unicodeScalars)
    static let functionWords = ["في", "من", "على", "إلى", "أن", "التي", "الذي", "مع", "بعد", "قال", "كما", "خلال"]

    init(seed: UInt64, events: Int, articles count: Int) {
        var random = SeededGenerator(seed: seed)
        func word() -> String {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 3...7, using: &random) { view.append(Self.letters.randomElement(using: &random)!) }
            return String(view)
        }
        let shared = (0..<300).map { _ in word() }
        let entityIds = ["russia", "syria", "turkey", "idlib", "moscow", "sergey-lavrov", "walid-muallem", "geneva"]
        var nextId: Int64 = 1
        var remaining = count
        for event in 0..<events {
            let own = (0..<80).map { _ in word() }
            var text: [String] = []
            for _ in 0..<Int.random(in: 120...260, using: &random) {
                let roll = Double.random(in: 0..<1, using: &random)
                if roll < 0.6 {
                    text.append(own.randomElement(using: &random)!)
                } else if roll < 0.85 {
                    text.append(shared.randomElement(using: &random)!)
                } else {
                    text.append(Self.functionWords.randomElement(using: &random)!)
                }
            }
            let copies = event == events - 1 ? remaining : max(1, min(remaining - (events - event - 1), Int.random(in: 1...9, using: &random)))
            remaining -= copies
            let entities = Dictionary(uniqueKeysWithValues: entityIds.shuffled(using: &random).prefix(3).map { ($0, 1) })
            var group = Set<Int64>()
            let hour = Int.random(in: 0...20, using: &random)
            for copy in 0..<copies {
                var words = text
                // Each site edits a little: drops a few words, adds its own line.
                for _ in 0..<4 { words.remove(at: Int.random(in: 0..<words.count, using: &random)) }
                words += (0..<6).map { _ in shared.randomElement(using: &random)! }
                let title = words.prefix(8).joined(separator: " ")
                let body = words.dropFirst(8).joined(separator: " ") + "."
                let time = Fixtures.time(min(23, hour + copy / 3), (copy * 7) % 60)
                let article = DigestArticle(
                    id: nextId, title: title, body: body,
                    matchText: TextNormalizer.matchKey(title) + "\n" + TextNormalizer.matchKey(body),
                    source: "site\(copy % 5)", url: nil, fileName: "\(nextId).txt", time: time, topicScore: 1,
                    entities: entities.keys.sorted().map {
                        DigestEntity(id: $0, nameEn: $0, nameAr: Fixtures.known[$0]?.nameAr ?? $0, type: "place", count: 1)
                    },
                    dates: []
                )
                self.articles.append(article)
                group.insert(nextId)
                nextId += 1
            }
            expectedGroups.append(group)
        }
    }
}
