#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MarsadCore
import MarsadDaemon
import MarsadStore
import MarsadTagging
import MarsadText

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record files into the database without the daemon (same pipeline, same ledger); the files stay where they are."
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "Files to record; a folder stands for the files beneath it.") var files: [String]

    func run() async throws {
        let settings = try options.loadSettings()
        let context = try StoreContext(settings: settings, creating: true)
        let logger = makeLogger(settings: settings)
        let engine = IngestEngine(
            settings: settings, pipeline: Settings.makePipeline(taxonomy: context.taxonomy), store: context.store, logger: logger
        )
        // The daemon's engine, streaming: one chunk is read on every core while the previous
        // one is recorded, so memory holds two chunks whatever the number of files.
        var pipeline = IngestPipeline(engine: engine, moveFiles: false, logEntries: false, mayWait: false)
        let started = Date()
        let stamp = UInt64(started.timeIntervalSince1970 * 1e6)
        // The stories of the days that receive articles are kept up while the next chunks are read.
        let digests = IngestDigests(writer: try context.digestWriter(), logger: logger)
        var anyFailed = false
        func report(_ summary: IngestSummary?) {
            guard let summary else { return }
            digests.noted(days: summary.touched.keys)
            for entry in summary.entries {
                switch entry.fate {
                case .recorded:
                    print("recorded  \(entry.name): \(entry.articleCount) article(s)")
                    if let notes = entry.notes { print("          note: \(notes)") }
                case .duplicate: print("duplicate \(entry.name)")
                case .failed:
                    anyFailed = true
                    print("failed    \(entry.name): \(entry.error ?? "")")
                }
            }
        }
        let listing = FileArguments.expand(files, skipping: settings.ownFolders)
        for (path, reason) in listing.unlisted {
            print("failed    \(path): \(reason)")
            anyFailed = true
        }
        let files = listing.files
        // A file that was never there is a typing mistake, not a failure to record in the ledger.
        var present: [Int] = []
        for (index, file) in files.enumerated() {
            if FileAccess.isMissing(file) {
                print("missing   \(file): no such file")
                anyFailed = true
            } else {
                present.append(index)
            }
        }
        for start in stride(from: 0, to: present.count, by: max(1, settings.batchSize)) {
            let claims = present[start..<min(start + settings.batchSize, present.count)].map { index in
                let name = PathBytes.split(files[index]).name
                return IngestClaim(path: files[index], claimName: "cli.\(stamp).\(getpid()).\(index)--\(name)", name: name)
            }
            // Once the chunk is read, the stories take in the chunks recorded so far, on the core
            // the reading threads leave while the chunk before is still being recorded.
            report(try await pipeline.submit(claims, firstSeen: started, whenRead: digests.absorbNoted))
        }
        report(try await pipeline.drain())
        // Digest files once, at the end, for the days that received articles.
        try await digests.writeAll()
        if anyFailed { throw ExitCode(1) }
    }
}

/// The database and taxonomy a command works on.
struct StoreContext {
    let settings: Settings
    let store: Store
    let taxonomy: Taxonomy

    /// Opens the database; only `creating` commands (ingest) may create it.
    init(settings: Settings, creating: Bool = false) throws {
        self.settings = settings
        if creating {
            try FileManager.default.createDirectory(at: settings.database.deletingLastPathComponent(), withIntermediateDirectories: true)
            store = try Store(path: settings.database.path)
        } else {
            store = try settings.openExistingStore()
        }
        taxonomy = try settings.loadTaxonomy()
        try store.syncEntities(taxonomy.entities)
    }

    func digestWriter() throws -> DigestWriter {
        DigestWriter(store: store, topics: taxonomy.topics, directory: settings.digests.path, timeZone: settings.timeZone,
                outlets: taxonomy.outlets)
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Queue depth, files processed today, failures, last ingest, database size."
    )

    @OptionGroup var options: CommonOptions
    @Flag(help: "Print JSON.") var json = false

    struct Report: Codable {
        var inbox: Int
        var processing: Int
        var failedFiles: Int
        var recordedToday: Int
        var duplicatesToday: Int
        var failedToday: Int
        var articles: Int
        var lastIngest: String?
        var databaseBytes: Int
        var database: String
        var daemon: Daemon

        struct Daemon: Codable {
            var running: Bool
            var pid: Int32?
            var lastHeartbeat: String?
            var health: String?
        }
    }

    func run() throws {
        let settings = try options.loadSettings()
        let store = try settings.openExistingStore()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        let status = try store.status(since: calendar.startOfDay(for: Date()))
        let depth = QueueFolders(settings: settings).depth()
        let holder = InstanceLock.holder(stateFolder: settings.state.path)
        let size = ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: settings.database.path + suffix)[.size] as? Int) ?? 0)
        }
        let report = Report(
            inbox: depth.inbox, processing: depth.processing, failedFiles: depth.failed,
            recordedToday: status.recordedToday, duplicatesToday: status.duplicatesToday, failedToday: status.failedToday,
            articles: status.articles, lastIngest: status.lastIngest.map { ISO8601DateFormatter().string(from: $0) },
            databaseBytes: size, database: settings.database.path,
            daemon: .init(
                running: holder != nil, pid: holder?.pid,
                lastHeartbeat: holder.map { ISO8601DateFormatter().string(from: $0.heartbeat) }, health: holder?.health
            )
        )
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        let daemonLine = holder.map { holder in
            let age = max(0, Int(Date().timeIntervalSince(holder.heartbeat).rounded()))
            return "running, PID \(holder.pid.map(String.init) ?? "?"), last heartbeat \(age) s ago"
                + (holder.health.map { ", \($0)" } ?? "")
        } ?? "not running"
        print("""
            daemon:       \(daemonLine)
            queue:        \(report.inbox) in the inbox, \(report.processing) in processing
            today:        \(report.recordedToday) recorded, \(report.duplicatesToday) duplicates, \(report.failedToday) failed
            failed/:      \(report.failedFiles) file(s) waiting (see the .error.json beside each; `marsad requeue` retries)
            articles:     \(report.articles)
            last ingest:  \(report.lastIngest ?? "never")
            database:     \(report.database) (\(ByteSize.format(report.databaseBytes)))
            """)
    }
}

struct RequeueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requeue", abstract: "Move failed files back into the inbox (all of them without names)."
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "Names of files in failed/.") var names: [String] = []

    func run() throws {
        let folders = QueueFolders(settings: try options.loadSettings())
        let moved = try folders.requeue(names)
        for name in moved { print("requeued \(name)") }
        if moved.isEmpty { print("nothing to requeue") }
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over stored articles, best matches first, with where the words matched.",
        discussion: """
            QUERY SYNTAX
              word word      articles with all the words, in title or body
              word OR word   articles with either; a b OR c means (a and b) or c
              word*          the same as word (لاجئ* is لاجئ): each word finds the
                             words whose stem begins with its stem (لاجئي too)
              "two words"    a name of several words ("Saudi Arabia"): all of
                             them, anywhere (the index keeps no word positions)

            Words are normalised like the articles (hamza forms, ta marbuta, alef maqsura, \
            diacritics, tatweel, Arabic-Indic digits, case) and lightly stemmed: the article and \
            the proclitics و ف ب ك ل, and the suffixes ات ون ين ها هم ة, do not matter, so لاجئين, \
            اللاجئين, للاجئين and لاجئون find the same articles. A word that is the id or the English \
            or Arabic name of an entity of the gazetteer (Russia, روسيا, lavrov) also finds the \
            articles tagged with that entity, whatever name they use for it.

            FILTERS
              --entity E     tagged with entity E (id, English or Arabic name)
              --topic T      tagged with topic T (`marsad topics` lists them)
              --since D      of digest day D or later (YYYY-MM-DD, today, yesterday)
              --until D      of digest day D or earlier
            With filters the words are optional: `marsad search --entity russia --since yesterday`.

            EXAMPLES
              marsad search لاجئين
              marsad search 'لاجئين OR نازحين' --topic syrian-refugees
              marsad search 'مجلس الأمن' --since 2015-07-01 --until 2015-07-31
              marsad search Russia --limit 5 --json
            """
    )

    @OptionGroup var options: CommonOptions
    @Option(help: "Most results to show (at least 1).") var limit = 20
    @Option(help: "Only articles tagged with this entity (id, English or Arabic name); repeatable.") var entity: [String] = []
    @Option(help: "Only articles tagged with this topic id.") var topic: String?
    @Option(help: "Only articles of this digest day or later.") var since: String?
    @Option(help: "Only articles of this digest day or earlier.") var until: String?
    @Flag(help: "Print JSON: the total and each hit with its snippet.") var json = false
    @Argument(help: "Words to find (see the query syntax below).") var query: [String] = []

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1 (it is how many results to show)") }
        if query.isEmpty && entity.isEmpty && topic == nil && since == nil && until == nil {
            throw ValidationError("give words to find, or a filter (--entity, --topic, --since, --until)")
        }
    }

    func run() throws {
        let settings = try options.loadSettings()
        let parsed: SearchQuery
        do { parsed = try SearchQuery.parse(query.joined(separator: " ")) } catch { throw CommandError(error.description) }
        var filters = SearchFilters()
        filters.since = try since.map { try settings.day(named: $0, option: "--since") }
        filters.until = try until.map { try settings.day(named: $0, option: "--until") }
        let taxonomy = try settings.loadTaxonomy()
        if let topic {
            guard taxonomy.topics.contains(where: { $0.id == topic }) else {
                throw CommandError("no topic '\(topic)'; `marsad topics` lists them")
            }
            filters.topic = topic
        }
        let names = EntityNames(taxonomy.entities)
        for name in entity {
            let found = names.ids(named: name)
            guard !found.isEmpty else {
                throw CommandError("no entity '\(name)' in the gazetteer; `marsad topics` lists it")
            }
            guard found.count == 1 || found.contains(name) else {
                throw CommandError("'\(name)' names several entities (\(found.joined(separator: ", "))); give an id")
            }
            filters.entities.append(found.count == 1 ? found[0] : name)
        }
        let store = try settings.openExistingStore()
        let terminal = isatty(STDOUT_FILENO) == 1 && !json
        let highlight = terminal ? ("\u{1B}[1;31m", "\u{1B}[0m") : ("[", "]")
        let results = try store.search(parsed, filters: filters, names: names, limit: limit, highlight: highlight)
        if json {
            struct Output: Encodable {
                var total: Int
                var hits: [SearchHit]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(Output(total: results.total, hits: results.hits)), as: UTF8.self))
            return
        }
        if results.total == 0 {
            print("no articles match")
            return
        }
        let shown = results.hits.count < results.total ? " (the best \(results.hits.count); --limit N for more)" : ""
        print("\(results.total) article\(results.total == 1 ? "" : "s") match\(results.total == 1 ? "es" : "")\(shown)")
        for hit in results.hits {
            let source = hit.source.map { "  — \($0)" } ?? ""
            let topics = hit.topics.isEmpty ? "" : "  [\(hit.topics.joined(separator: ", "))]"
            print("\n\(hit.day)  #\(hit.id)  \(hit.title)\(source)\(topics)")
            if let snippet = hit.snippet {
                print("    " + snippet.split(whereSeparator: \.isNewline).joined(separator: " … "))
            }
        }
    }
}

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "(Re)write the digests of a day (default: today)."
    )

    @OptionGroup var options: CommonOptions
    @Option(help: "The day: YYYY-MM-DD, today or yesterday (default: today).") var date: String?
    @Option(help: "Only this topic id.") var topic: String?
    @Flag(help: "Rewrite the digests of every day that has articles.") var all = false

    func validate() throws {
        if all && date != nil { throw ValidationError("give --date or --all, not both") }
    }

    func run() throws {
        let settings = try options.loadSettings()
        // Checked before anything is opened or written: the day becomes a folder name.
        let day = try settings.day(named: date ?? "today", option: "--date")
        let context = try StoreContext(settings: settings)
        if let topic, !context.taxonomy.topics.contains(where: { $0.id == topic }) {
            throw CommandError("no topic '\(topic)'; `marsad topics` lists them")
        }
        let days = all ? try context.store.days() : [day]
        let writer = try context.digestWriter()
        for day in days {
            let counts = try writer.write(day: day, only: topic.map { [$0] })
            let written = counts.filter { topic == nil || $0.key == topic }.filter { $0.value > 0 }
            print("\(day): \(written.count) topic digest(s) in \(settings.digests.path)/\(day)")
        }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a stored article: title, source, date, topics, entities and body.",
        discussion: "IDs are those `marsad search` prints (#123)."
    )

    @OptionGroup var options: CommonOptions
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "The article's id (with or without the #).") var id: String

    func run() throws {
        guard let number = Int64(id.hasPrefix("#") ? String(id.dropFirst()) : id), number > 0 else {
            throw CommandError("'\(id)' is not an article id; `marsad search` shows them as #123")
        }
        let settings = try options.loadSettings()
        let store = try settings.openExistingStore()
        guard let details = try store.articleDetails(id: number) else {
            throw CommandError("no stored article #\(number)")
        }
        let article = details.article
        if json {
            struct Output: Encodable {
                struct Topic: Encodable { var id: String; var score: Double }
                struct Entity: Encodable { var id: String; var type: String; var nameEn: String; var nameAr: String; var count: Int }
                var id: Int64
                var title: String
                var source: String?
                var credit: String?
                var site: String?
                var author: String?
                var url: String?
                var published: String?
                var day: String
                var file: String
                var language: String
                var topics: [Topic]
                var entities: [Entity]
                var body: String
            }
            let output = Output(
                id: number, title: article.title, source: article.source, credit: article.credit, site: article.site, author: article.author,
                url: article.url, published: article.publishedAt, day: article.day, file: details.fileName,
                language: article.language, topics: details.topics.map { Output.Topic(id: $0.id, score: $0.score) },
                entities: details.entities.map {
                    Output.Entity(id: $0.id, type: $0.type, nameEn: $0.nameEn, nameAr: $0.nameAr, count: $0.count)
                },
                body: article.body
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
            return
        }
        var lines = ["#\(number)  \(article.title)", ""]
        func field(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append(label.padding(toLength: 11, withPad: " ", startingAt: 0) + value) }
        }
        field("source:", [article.source, article.site].compactMap { $0 }.joined(separator: " · "))
        field("credit:", article.credit)
        field("author:", article.author)
        field("published:", article.publishedAt)
        field("day:", article.day)
        field("url:", article.url)
        field("file:", details.fileName)
        let topics = details.topics.map { "\($0.id) (\(String(format: "%.1f", $0.score)))" }
        field("topics:", topics.isEmpty ? "none" : topics.joined(separator: ", "))
        let entities = details.entities.map { "\($0.nameAr) / \($0.nameEn) ×\($0.count)" }
        field("entities:", entities.isEmpty ? "none" : entities.joined(separator: ", "))
        lines += ["", article.body]
        print(lines.joined(separator: "\n"))
    }
}
