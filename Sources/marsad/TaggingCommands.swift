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
            let store = try Store(path: settings.database.path)
            guard let article = try store.article(id: id) else { throw ValidationError("no stored article #\(id)") }
            inputs.append(("#\(id) \(article.title)", TaggingInput(title: article.title, body: article.body, published: article.publishedAt)))
        } else if let file {
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
