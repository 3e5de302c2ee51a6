import ArgumentParser
import Foundation
import MarsadCore
import MarsadDaemon
import MarsadStore

struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (YAML). Without it, the embedded default layout under the current folder.")
    var config: String?

    func loadSettings() throws -> Settings {
        if let config { return try Settings.load(path: config) }
        return Settings.embeddedDefault(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}

/// A command that cannot do what was asked, said in plain words; the
/// argument parser prints it after "Error:" and exits with status 1.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    static func noDatabase(_ settings: Settings) -> CommandError {
        CommandError("""
            no database yet at \(settings.database.path): it is created by `marsad run` (the daemon) or \
            `marsad ingest FILE...`, in the folder (or with the --config) you use here
            """)
    }
}

extension Settings {
    /// The folders Marsad writes to, which a folder walk of `ingest` or `process` leaves out.
    var ownFolders: [String] {
        [inbox.path, state.path, database.deletingLastPathComponent().path, digests.path]
    }

    /// The database, which must already exist: reading commands never create an empty one.
    func openExistingStore() throws -> Store {
        guard FileManager.default.fileExists(atPath: database.path) else { throw CommandError.noDatabase(self) }
        return try Store(path: database.path)
    }

    /// A day named with `--date`, `--since` or `--until`.
    func day(named text: String, option: String) throws -> String {
        guard let day = ArticleDay.named(text, now: Date(), timeZone: timeZone) else {
            throw CommandError("\(option) '\(text)' is not a day: give today, yesterday or a date as YYYY-MM-DD")
        }
        return day
    }
}
