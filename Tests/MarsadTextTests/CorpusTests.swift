import Foundation
import Testing

@testable import MarsadText

/// Real articles from SaudiNewsNet, when the shared corpus sits beside the
/// repository (`../shared/corpora/saudinewsnet`); the tests skip otherwise.
enum CorpusSample {
    static let zip = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/saudinewsnet/2015-07-21.zip")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: zip.path) && FileManager.default.fileExists(atPath: "/usr/bin/unzip")
    }

    struct Record: Decodable {
        var title: String?
        var content: String?
    }

    static let articles: [String] = {
        guard isAvailable else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", zip.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return [] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let records = (try? JSONDecoder().decode([Record].self, from: data)) ?? []
        return records.prefix(300).map { ($0.title ?? "") + "\n\n" + ($0.content ?? "") }
    }()
}

@Suite(
    "SaudiNewsNet articles",
    .enabled(if: CorpusSample.isAvailable, "SaudiNewsNet is not beside the repository (../shared/corpora/saudinewsnet)")
)
struct CorpusTests {
    @Test("The fast forms agree with the rule-by-rule implementation on real articles")
    func fastPathMatchesReference() {
        #expect(CorpusSample.articles.count == 300)
        for article in CorpusSample.articles {
            #expect(TextNormalizer.displayForm(article) == TextNormalizer.normalize(article, rules: NormalizationRule.displayRules))
            #expect(TextNormalizer.matchKey(article) == TextNormalizer.normalize(article, rules: NormalizationRule.matchKeyRules))
        }
    }

    @Test("Search terms worked out ahead of time are the stems of every word")
    func searchTermsOnRealArticles() {
        for article in CorpusSample.articles {
            let key = TextNormalizer.matchKey(article)
            #expect(searchTermsByPosition(SearchTerms.document(key)) == documentStemsByPosition(key))
        }
    }

    @Test("Both forms are idempotent, alignment reproduces the key, articles are Arabic")
    func idempotenceAndAlignment() {
        for article in CorpusSample.articles {
            let display = TextNormalizer.displayForm(article)
            let key = TextNormalizer.matchKey(article)
            #expect(TextNormalizer.displayForm(display) == display)
            #expect(TextNormalizer.matchKey(key) == key)
            #expect(AlignedText(article).matchKey == key)
            #expect(LanguageIdentifier.identify(article) == .arabic)
            #expect(!TextSegmenter.sentences(in: display).isEmpty)
        }
    }
}
