#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadStore
import Testing

/// The `marsad` commands as a user meets them: natural mistakes get clear
/// answers, and nothing is written where it should not be.
@Suite(.serialized) struct CommandLineTests {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// A scratch folder with the embedded default layout.
    final class Folder {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        var database: String { root.appendingPathComponent("var/marsad.sqlite").path }
        var digests: URL { root.appendingPathComponent("digests") }

        func entries(_ relative: String = "") -> [String] {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        }

        @discardableResult
        func write(_ name: String, _ data: Data) throws -> String {
            let url = root.appendingPathComponent(name)
            try data.write(to: url)
            return url.path
        }

        @discardableResult
        func run(_ arguments: String...) throws -> Result { try run(arguments) }

        func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
            let process = Process()
            process.executableURL = DaemonHarness.executable
            process.arguments = arguments
            process.currentDirectoryURL = root
            if let environment { process.environment = environment }
            let out = root.appendingPathComponent(".out-\(UUID().uuidString)")
            let err = root.appendingPathComponent(".err-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            defer {
                try? FileManager.default.removeItem(at: out)
                try? FileManager.default.removeItem(at: err)
            }
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus,
                output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                errors: (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            )
        }

        /// A folder with a database holding one article.
        static func withOneArticle() throws -> (Folder, article: String) {
            let folder = try Folder()
            let path = try folder.write("article.txt", SampleArticles.article(2))
            let ingested = try folder.run("ingest", path)
            #expect(ingested.status == 0, "\(ingested)")
            try FileManager.default.removeItem(atPath: path)
            return (folder, path)
        }
    }

    @Test func digestDatesAreValidatedAndNothingIsWrittenOutsideTheDigestsFolder() throws {
        let (folder, _) = try Folder.withOneArticle()
        let day = try #require(folder.entries("digests").first { $0.count == 10 })
        let before = folder.entries()
        for junk in ["../escaped", "2026-13-45", "2026-02-30", "../../tmp/x", "tomorrow", "2015-07-21/.."] {
            let result = try folder.run("digest", "--date", junk)
            #expect(result.status != 0, "accepted --date \(junk)")
            #expect(result.errors.contains("is not a day"), "\(result.errors)")
        }
        #expect(folder.entries() == before)
        #expect(folder.entries("digests").filter { $0 != "feeds" } == [day, "latest"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.digests.appendingPathComponent("latest").path) == day)

        // today and yesterday name real days.
        #expect(try folder.run("digest", "--date", "yesterday").status == 0)
        #expect(try folder.run("digest", "--date", "today").status == 0)
        #expect(try folder.run("digest", "--date", "2015-07-21").status == 0)
        #expect(folder.entries("digests").allSatisfy { ["latest", "feeds"].contains($0) || $0.count == 10 })
    }

    @Test func commandsThatReadTheDatabaseSaySoWhenThereIsNone() throws {
        let folder = try Folder()
        for arguments in [["status"], ["search", "روسيا"], ["explain", "--id", "1"], ["show", "1"], ["digest"], ["retag"]] {
            let result = try folder.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errors.contains("no database yet"), "\(arguments): \(result.errors)")
            #expect(result.errors.contains("marsad ingest"), "\(arguments)")
            #expect(!result.errors.contains("SQLite error"), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.database))
        #expect(!FileManager.default.fileExists(atPath: folder.digests.path))
    }

    @Test func aMissingFileIsNoSuchFileAndIsNotRecorded() throws {
        let folder = try Folder()
        let processed = try folder.run("process", "absent.txt")
        #expect(processed.status == 1)
        #expect(processed.output.contains(#""error":"no such file""#), "\(processed.output)")
        let explained = try folder.run("explain", "absent.txt")
        #expect(explained.status == 1)
        #expect(explained.errors.contains("no such file"), "\(explained.errors)")

        let real = try folder.write("real.txt", SampleArticles.article(5))
        let ingested = try folder.run("ingest", "absent.txt", real)
        #expect(ingested.status == 1)
        #expect(ingested.output.contains("absent.txt: no such file"), "\(ingested.output)")
        #expect(!ingested.output.contains("disappeared"))
        let ledger = try Store(path: folder.database).ledger()
        #expect(ledger.map(\.name) == ["real.txt"])
        #expect(ledger.map(\.fate) == [.recorded])
    }

    @Test func aFolderStandsForTheFilesBeneathItWithoutFollowingLinks() throws {
        let folder = try Folder()
        let outside = try folder.write("outside.txt", SampleArticles.article(1))
        try FileManager.default.createDirectory(at: folder.root.appendingPathComponent("batch/later"), withIntermediateDirectories: true)
        try folder.write("batch/b.txt", SampleArticles.article(2))
        try folder.write("batch/later/c.txt", SampleArticles.article(3))
        try folder.write("batch/.partial.txt", SampleArticles.article(4))
        try FileManager.default.createSymbolicLink(atPath: folder.root.appendingPathComponent("batch/a-link.txt").path, withDestinationPath: outside)
        // A name that is not UTF-8 (Latin-1 «é»): reported, never read as another file.
        let latin1 = (Array(folder.root.appendingPathComponent("batch/caf").path.utf8) + [0xE9] + Array(".txt".utf8) + [0]).map { CChar(bitPattern: $0) }
        let descriptor = open(latin1, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)

        let processed = try folder.run("process", "batch")
        let files = processed.output.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String ?? ""
        }
        #expect(files == ["batch/caf\\xE9.txt", "batch/a-link.txt", "batch/b.txt", "batch/later/c.txt"], "\(processed.output)")
        #expect(processed.status == 1, "the link is reported, not followed")

        let ingested = try folder.run("ingest", "batch/")
        #expect(ingested.output.contains("recorded  b.txt"), "\(ingested.output)")
        #expect(ingested.output.contains("recorded  c.txt"), "\(ingested.output)")
        #expect(ingested.output.contains("failed    a-link.txt"), "\(ingested.output)")
        #expect(ingested.output.contains("failed    batch/caf\\xE9.txt: the name is not valid UTF-8"), "\(ingested.output)")
        #expect(!ingested.output.contains("partial"))
        #expect(try Store(path: folder.database).articleCount() == 2)

        // The whole folder, which now holds Marsad's own var/ and digests/: those are left out.
        let everything = try folder.run("ingest", ".")
        #expect(everything.output.contains("recorded  outside.txt"), "\(everything.output)")
        #expect(everything.output.contains("duplicate b.txt"), "\(everything.output)")
        #expect(!everything.output.contains("marsad.sqlite"), "\(everything.output)")
        let recordedNames = try Store(path: folder.database).ledger().map(\.name)
        #expect(!recordedNames.contains { $0.hasSuffix(".md") || $0.hasSuffix(".html") || $0.hasPrefix("marsad.sqlite") }, "\(recordedNames)")
    }

    @Test func versionAndSuggestionsForMisspeltCommands() throws {
        let folder = try Folder()
        let version = try folder.run("--version")
        #expect(version.status == 0)
        #expect(version.output.range(of: #"^\d+\.\d+\.\d+( \(commit [0-9a-f]{7,}[^)]*\))?\n$"#, options: .regularExpression) != nil, "\(version.output)")
        let misspelt = try folder.run("serach", "روسيا")
        #expect(misspelt.status != 0)
        #expect(misspelt.errors.contains("Did you mean 'search'?"), "\(misspelt.errors)")
        #expect(try folder.run("stauts").errors.contains("Did you mean 'status'?"))
        #expect(!(try folder.run("frobnicate").errors.contains("Did you mean")))
    }

    @Test func searchLimitMustBeAtLeastOne() throws {
        let (folder, _) = try Folder.withOneArticle()
        let zero = try folder.run("search", "--limit", "0", "اللاجئين")
        #expect(zero.status != 0)
        #expect(zero.errors.contains("--limit must be at least 1"), "\(zero.errors)")
        #expect(!zero.output.contains("no articles match"))
        let one = try folder.run("search", "--limit", "1", "اللاجئين")
        #expect(one.status == 0)
        #expect(one.output.contains("1 article matches"), "\(one.output)")
    }

    @Test func searchFindsInflectedFormsAndEntitiesAndDocumentsItsSyntax() throws {
        let (folder, _) = try Folder.withOneArticle()
        for query in ["لاجئين", "اللاجئين", "لاجئ*", "للاجئين", "Russia", "روسيا"] {
            let result = try folder.run("search", query)
            #expect(result.output.contains("1 article matches"), "\(query): \(result.output) \(result.errors)")
        }
        #expect(try folder.run("search", "\"Russian Federation\"").output.contains("1 article matches"))
        let filtered = try folder.run("search", "--entity", "russia", "--since", "2000-01-01", "--until", "today")
        #expect(filtered.output.contains("1 article matches"), "\(filtered.output) \(filtered.errors)")
        let badEntity = try folder.run("search", "--entity", "atlantis")
        #expect(badEntity.status == 1)
        #expect(badEntity.errors.contains("no entity 'atlantis'"))
        let help = try folder.run("help", "search")
        for piece in ["QUERY SYNTAX", "OR", "لاجئ*", "\"two words\"", "--entity", "--since"] {
            #expect(help.output.contains(piece), "\(piece)")
        }
    }

    @Test func showPrintsAStoredArticleAsTextAndJSON() throws {
        let (folder, _) = try Folder.withOneArticle()
        let shown = try folder.run("show", "1")
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.hasPrefix("#1  اجتماع رقم 2 في موسكو لبحث التطورات"))
        #expect(shown.output.contains("topics:"))
        #expect(shown.output.contains("entities:"))
        #expect(shown.output.contains("Russia"))
        #expect(shown.output.contains("عقد مسؤولون روس وسوريون"))
        let json = try folder.run("show", "--json", "#1")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["id"] as? Int == 1)
        #expect((object["body"] as? String)?.contains("عقد مسؤولون") == true)
        #expect((object["entities"] as? [[String: Any]])?.contains { $0["id"] as? String == "russia" } == true)
        #expect(object["topics"] is [[String: Any]])
        let absent = try folder.run("show", "99")
        #expect(absent.status == 1)
        #expect(absent.errors.contains("no stored article #99"))
    }

    @Test func logLinesFollowTheLogFormatSetting() throws {
        for (format, journal) in [("", false), ("log_format: auto\n", false), ("log_format: plain\n", false), ("log_format: journal\n", true)] {
            let harness = try DaemonHarness(configuration: format + "inbox: inbox\n")
            try harness.start()
            #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") }, "\(harness.log)")
            #expect(harness.stop() == 0)
            let started = try #require(harness.log.split(separator: "\n").first { $0.contains("marsad started") })
            // Piped to a file, `auto` is plain: no sd-daemon prefix, a time and a level instead.
            #expect(started.hasPrefix("<") == journal, "\(format): \(started)")
            if !journal { #expect(started.contains("INFO")) }
        }
    }

    @Test func theShippedExamplesAreReadAsArticles() throws {
        let examples = DaemonHarness.repositoryRoot.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { !$0.hasSuffix(".md") }.sorted()
        #expect(Set(names.map { ($0 as NSString).pathExtension }).isSuperset(of: ["txt", "html", "json"]))
        let folder = try Folder()
        let result = try folder.run(["process"] + names.map { examples.appendingPathComponent($0).path })
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count >= names.count)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["status"] as? String == "ok")
            #expect((object["topics"] as? [Any])?.isEmpty == false, "\(line)")
        }
        // The same files give the same bytes, keys in order, so that outputs compare with diff.
        let again = try folder.run(["process"] + names.map { examples.appendingPathComponent($0).path })
        #expect(again.output == result.output)
    }

    @Test func theSystemdTestBuildsInAScratchPathOfItsOwn() throws {
        // The README installs a static build from .build; the test must not rebuild a dynamic one over it.
        let script = try String(
            contentsOf: DaemonHarness.repositoryRoot.appendingPathComponent("systemd/test-under-systemd.sh"), encoding: .utf8
        )
        let defaults = script.split(separator: "\n").filter { $0.contains("build_path=\"$repo/") }
        #expect(defaults == [#"        build_path="$repo/.build-systemd""#])
        let ignored = try String(contentsOf: DaemonHarness.repositoryRoot.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignored.split(separator: "\n").contains(".build-*/"))
    }
}
