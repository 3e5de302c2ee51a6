#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MarsadCore
import MarsadDaemon
import MarsadReading
import MarsadStore
import MarsadTagging

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics", abstract: "List and validate the taxonomy (gazetteer and topics)."
    )

    @OptionGroup var options: CommonOptions
    @Flag(help: "Show each topic's rules.") var rules = false

    func run() throws {
        let settings = try options.loadSettings()
        do {
            print(try settings.loadTaxonomy().summary(showRules: rules), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("invalid taxonomy: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show each topic and entity of an article with the evidence behind it.",
        discussion: "Give a FILE to read it afresh, or --id N for a stored article."
    )

    @OptionGroup var options: CommonOptions
    @Option(help: "A stored article's id (see `marsad search`).") var id: Int64?
    @Argument(help: "A file to read and explain.") var file: String?

    func validate() throws {
        if (id == nil) == (file == nil) { throw ValidationError("give either a FILE or --id N") }
    }

    func run() throws {
        let settings = try options.loadSettings()
        let tagger = Tagger(taxonomy: try settings.loadTaxonomy())
        let style: Explanation.Style = isatty(STDOUT_FILENO) == 1 ? .ansi : .plain
        var inputs: [(label: String, input: TaggingInput)] = []
        if let id {
            let store = try settings.openExistingStore()
            guard let article = try store.article(id: id) else { throw ValidationError("no stored article #\(id)") }
            inputs.append(("#\(id) \(article.title)", TaggingInput(title: article.title, body: article.body, published: article.publishedAt)))
        } else if let file {
            if FileAccess.isMissing(file) { throw CommandError("no such file: \(file)") }
            let bytes = try FileAccess.readRegularFile(atPath: file, maxSize: settings.maxFileSize)
            for article in try ArticleReader().read(bytes, fileName: (file as NSString).lastPathComponent) {
                let label = article.recordIndex.map { "\(file) record \($0)" } ?? file
                inputs.append((label + ": " + article.title, TaggingInput(title: article.title, body: article.body, published: article.published)))
            }
        }
        for (label, input) in inputs {
            print("== \(label)")
            print(Explanation.render(tagger.analyze(input), input: input, style: style))
        }
    }
}

struct RetagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retag",
        abstract: "Re-run tagging over stored articles after the taxonomy changed; rebuilds the affected digests."
    )

    @OptionGroup var options: CommonOptions
    @Option(help: "Articles tagged per transaction.") var batch = 500

    func run() throws {
        let settings = try options.loadSettings()
        let context = try StoreContext(settings: settings)
        let tagger = Tagger(taxonomy: context.taxonomy)
        let total = try context.store.articleCount()
        let progress = ProgressBar(total: total, label: "retag")
        let started = Date()
        var lastId: Int64 = 0
        var done = 0
        var days = Set<String>()
        while true {
            let page = try context.store.articles(after: lastId, limit: batch)
            guard let last = page.last else { break }
            let tagged = page.map { article in
                (articleId: article.id!, tags: tagger.tag(TaggingInput(title: article.title, body: article.body, published: article.publishedAt)))
            }
            days.formUnion(try context.store.replaceTags(tagged))
            lastId = last.id!
            done += page.count
            progress.update(done)
        }
        progress.finish()
        let writer = try context.digestWriter()
        for day in days.sorted() { try writer.write(day: day) }
        let seconds = Date().timeIntervalSince(started)
        print("retagged \(done) articles in \(String(format: "%.1f", seconds)) s; rebuilt digests of \(days.count) day(s)")
    }
}

/// A one-line progress bar on a terminal's standard error; silent elsewhere.
final class ProgressBar {
    let total: Int
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1
    var lastDrawn = Date.distantPast

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    func update(_ done: Int) {
        guard enabled, Date().timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
        lastDrawn = Date()
        let width = 40
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit the topics' weights from labelled articles and write weights.json beside the taxonomy.",
        discussion: """
            --articles holds one file per article (<id>.txt: headline, blank line, body; any format `marsad process` \
            reads works), --gold one JSON object per line: {"id": "<id>", "topics": ["syria", ...]}. A topic that \
            fewer than three articles carry keeps its rule weights. With --cross-validate K, nothing is written: \
            the articles are split into K stratified folds, each fold is tagged by weights fitted on the others, \
            and the per-topic figures over the held-out folds are printed: the estimate for articles never seen.
            """
    )

    @OptionGroup var options: CommonOptions
    @Option(help: "Folder of labelled articles, one file per id.") var articles: String
    @Option(help: "JSON Lines file of the articles' topics.") var gold: String
    @Option(help: "Where to write the weights (default: weights.json in the configured taxonomy folder).") var output: String?
    @Option(name: .customLong("cross-validate"), help: "Estimate with K folds instead of writing weights.") var folds: Int?
    @Option(help: "Seed of the fold assignment.") var seed: UInt64 = 8
    @Option(help: "L2 penalty toward the rule weights.") var regularization = TopicTrainer.defaultRegularization
    @Option(name: .customLong("positive-weight"), help: "How much a labelled article counts against an unlabelled one.")
    var positiveWeight = TopicTrainer.defaultPositiveWeight
    @Option(help: "Features the fit may move: all, rules (rule firings by position), salience, or none (only the rule score).")
    var features = "all"
    @Flag(help: "With --cross-validate, list the held-out articles tagged differently from their gold.") var misses = false

    var featureGroups: TopicFeatureGroups? {
        switch features {
        case "all": return .all
        case "rules": return .ruleFirings
        case "salience": return .salience
        case "none": return []
        default: return nil
        }
    }

    func validate() throws {
        if let folds, folds < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
        if regularization <= 0 { throw ValidationError("--regularization must be positive") }
        if featureGroups == nil { throw ValidationError("--features is all, rules, salience or none") }
    }

    func run() throws {
        let settings = try options.loadSettings()
        let taxonomy = try settings.loadTaxonomy()
        let labelled = try LabelledFolder.load(articles: articles, gold: gold, maxFileSize: settings.maxFileSize)
        var trainer = TopicTrainer(regularization: regularization, positiveWeight: positiveWeight)
        trainer.featureGroups = featureGroups ?? .all
        let started = Date()
        if let folds {
            let rules = CrossValidation.evaluate(labelled, k: folds, seed: seed) { _ in Tagger(taxonomy: taxonomy.applying(nil)) }
            let fitted = CrossValidation.evaluate(labelled, k: folds, seed: seed) { trainer.fittedTagger(taxonomy, on: $0) }
            print("\(labelled.count) articles, \(folds) folds, seed \(seed)")
            print("rule weights only (nothing fitted):\n" + rules.table)
            print("fitted weights, held-out folds (regularization \(regularization), positive weight \(positiveWeight), features \(features)):\n" + fitted.table, terminator: "")
            if misses { print("held-out misses (-topic lacking, +topic wrongly given):\n" + fitted.missList, terminator: "") }
            print(String(format: "cross-validated in %.1f s", Date().timeIntervalSince(started)))
            return
        }
        guard let destination = output.map({ URL(fileURLWithPath: $0) })
            ?? settings.taxonomy?.appendingPathComponent(Taxonomy.weightsFileName)
        else {
            throw ValidationError("the shipped taxonomy is read-only: give --output FILE, or set `taxonomy:` in the configuration")
        }
        let weights = trainer.train(taxonomy, on: labelled)
        try Data(weights.encoded().utf8).write(to: destination, options: .atomic)
        let seconds = Date().timeIntervalSince(started)
        for topic in weights.topics {
            print("  \(topic.id): fitted on \(topic.examples) articles, \(topic.positives) with the topic")
        }
        print(String(format: "trained %d topic(s) on %d articles in %.1f s; wrote %@", weights.topics.count, labelled.count, seconds, destination.path))
        print("run `marsad retag` to apply the weights to stored articles")
    }
}

/// A folder of articles and the JSON Lines file of their topics, read the way `marsad process` reads files.
enum LabelledFolder {
    struct GoldLine: Decodable {
        var id: String
        var topics: [String]
    }

    static func load(articles folder: String, gold: String, maxFileSize: Int) throws -> [LabelledArticle] {
        guard let data = FileManager.default.contents(atPath: gold), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(gold): the file cannot be read as UTF-8 text")
        }
        let reader = ArticleReader()
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
            files[(name as NSString).deletingPathExtension] = name
        }
        var labelled: [LabelledArticle] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            let entry: GoldLine
            do {
                entry = try JSONDecoder().decode(GoldLine.self, from: Data(line.utf8))
            } catch {
                throw ValidationError("\(gold):\(number + 1): not an object with \"id\" and \"topics\"")
            }
            guard let name = files[entry.id] else {
                throw ValidationError("\(gold):\(number + 1): no article \(entry.id) in \(folder)")
            }
            let path = (folder as NSString).appendingPathComponent(name)
            let bytes = try FileAccess.readRegularFile(atPath: path, maxSize: maxFileSize)
            guard let article = try reader.read(bytes, fileName: name).first else {
                throw ValidationError("\(path): no article found in the file")
            }
            labelled.append(LabelledArticle(
                id: entry.id, input: TaggingInput(title: article.title, body: article.body, published: article.published), topics: Set(entry.topics)
            ))
        }
        return labelled
    }
}
