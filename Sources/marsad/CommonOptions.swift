import ArgumentParser
import Foundation
import MarsadDaemon

struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (YAML). Without it, the embedded default layout under the current folder.")
    var config: String?

    func loadSettings() throws -> Settings {
        if let config { return try Settings.load(path: config) }
        return Settings.embeddedDefault(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}
