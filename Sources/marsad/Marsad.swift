import ArgumentParser
import CAllocator
import Foundation

@main
struct Marsad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marsad",
        abstract: "Watches a folder for news articles, tags them and writes daily digests per topic.",
        discussion: """
            With no --config, every command uses the embedded default layout under the current folder: \
            ./inbox, ./var/marsad.sqlite, ./var/{processing,archive,failed} and ./digests.
            """,
        version: BuildVersion.description,
        subcommands: [
            RunCommand.self, ProcessCommand.self, IngestCommand.self, StatusCommand.self, RequeueCommand.self,
            SearchCommand.self, ShowCommand.self, DigestCommand.self, TopicsCommand.self, ExplainCommand.self,
            RetagCommand.self, NormalizeCommand.self, RebuildCommand.self, TrainCommand.self,
        ]
    )

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Set before any thread starts: a burst's reading, recording and digest threads then reuse
        // each other's freed memory (ingest of 31,030 files: 156 MB -> 136 MB with glibc's 16 arenas).
        _ = marsad_limit_malloc_arenas(Int32(arenas(for: arguments.first)))
        if let first = arguments.first, let message = unknownCommandMessage(first) {
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        let fileListCommands = [IngestCommand.configuration.commandName, ProcessCommand.configuration.commandName]
        if let first = arguments.first, fileListCommands.contains(first) {
            return await run(first, withFileList: Array(arguments.dropFirst()))
        }
        await main(arguments)
    }

    /// Heap arenas for a command: one per core (at least two); `marsad ingest` one more. Its reading
    /// threads, the store's writer and the stories all allocate at once, and with as many arenas as
    /// cores they waited on each other's arena locks: on 2 cores, an ingest of 31,030 files took
    /// 18.2-20.6 s of CPU instead of 22.4-22.6 s, and 139 MB instead of 135 MB at its peak (144 MB
    /// for the dated records). The daemon keeps one per core, the tighter for its long life.
    static func arenas(for command: String?) -> Int {
        let perCore = max(2, ProcessInfo.processInfo.activeProcessorCount)
        return command == IngestCommand.configuration.commandName ? perCore + 1 : perCore
    }

    /// ArgumentParser copies an array argument for every value it adds to it, so tens of
    /// thousands of file names took longer to parse than to ingest (40 s of CPU for 31,030
    /// names). The file list of `ingest` and `process` is therefore set apart here; their
    /// options, and the first file, still go through the parser, which checks them as usual.
    static func run(_ commandName: String, withFileList arguments: [String]) async {
        let (options, files) = FileArguments.separate(arguments)
        do {
            switch try parseAsRoot([commandName] + options + ["--"] + files.prefix(1)) {
            case var command as IngestCommand:
                command.files = files
                try await command.run()
            case var command as ProcessCommand:
                command.files = files
                try command.run()
            default:
                await main([commandName] + arguments)
            }
        } catch {
            exit(withError: error)
        }
    }

    /// What to say when the first argument is neither an option nor a command: the
    /// parser alone would only call it an unexpected argument.
    static func unknownCommandMessage(_ word: String) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !word.hasPrefix("-"), !names.contains(word) else { return nil }
        var message = "Error: '\(word)' is not a marsad command."
        if let closest = CommandSuggestion.closest(to: word, among: names) {
            message += " Did you mean '\(closest)'?"
        }
        return message + "\n`marsad help` lists the commands.\n"
    }
}

/// The nearest command name to a misspelt one, by edit distance (a swap of
/// two neighbouring letters counts as one edit).
enum CommandSuggestion {
    static func closest(to word: String, among names: [String]) -> String? {
        let typed = Array(word.lowercased().unicodeScalars)
        let scored = names.map { (name: $0, distance: distance(typed, Array($0.unicodeScalars))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        // Far-off words are not misspellings: at most a third of the letters, and never all of them.
        return best.distance <= max(1, typed.count / 3) && best.distance < typed.count ? best.name : nil
    }

    /// Optimal string alignment distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

/// What `marsad --version` prints: the package version, and the commit when
/// the build came from a git checkout (stamped at build time by the
/// VersionStamp plugin, never looked up at run time).
enum BuildVersion {
    /// The package version; raise it with each release.
    static let package = "0.4.0"

    static var description: String {
        guard let commit = BuildStamp.commit else { return package }
        return "\(package) (commit \(commit)\(BuildStamp.modified ? ", with uncommitted changes" : ""))"
    }
}
