import ArgumentParser

@main
struct Marsad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marsad",
        abstract: "Watches a folder for news articles, tags them and writes daily digests per topic."
    )
}
