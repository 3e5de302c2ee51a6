import ArgumentParser
import Foundation
import MarsadDaemon

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Make a new database by re-reading the files in archive/ (the old one is kept aside).",
        discussion: """
            For a damaged or lost database: every recorded or duplicate file is kept in archive/, so reading \
            them again brings back the articles, their tags and the digests. The daemon must be stopped. The \
            old database is renamed NAME.before-rebuild-DATE beside it; failed/ and its sidecars stay as they are.
            """
    )

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.loadSettings()
        let summary = try DatabaseRebuilder(settings: settings, logger: makeLogger(settings: settings)).rebuild()
        if let aside = summary.keptAside { print("old database kept as \(aside)") }
        print("""
            re-read \(summary.files) archived file(s): \(summary.recorded) recorded, \(summary.duplicates) duplicates, \
            \(summary.failed) unreadable; digests written for \(summary.days.count) day(s)
            """)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
