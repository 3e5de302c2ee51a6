import ArgumentParser

@main
struct Marsad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marsad",
        abstract: "Watches a folder for news articles, tags them and writes daily digests per topic.",
        discussion: """
            With no --config, every command uses the embedded default layout under the current folder: \
            ./inbox, ./var/marsad.sqlite, ./var/{processing,archive,failed} and ./digests.
            """,
        subcommands: [
            RunCommand.self, ProcessCommand.self, IngestCommand.self, StatusCommand.self, RequeueCommand.self,
            SearchCommand.self, DigestCommand.self, TopicsCommand.self, ExplainCommand.self, RetagCommand.self,
            NormalizeCommand.self, RebuildCommand.self, TrainCommand.self,
        ]
    )
}
