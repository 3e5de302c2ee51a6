import ArgumentParser
import Foundation
import Logging
import MarsadDaemon
import ServiceLifecycle

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: watch the inbox, record articles, write digests.",
        discussion: """
            Stops gracefully on SIGTERM or SIGINT (work under way is finished or left for recovery); \
            SIGHUP reloads the configuration and taxonomy. Under systemd it reports readiness, status and \
            watchdog pings through $NOTIFY_SOCKET.
            """
    )

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let settings = try options.loadSettings()
        let logger = makeLogger(settings: settings)
        let service: MarsadService
        do {
            service = try MarsadService(settings: settings, configPath: options.config, logger: logger)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode.failure
        }
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "marsad.lifecycle", factory: { _ in SwiftLogNoOpLogHandler() })
        ))
        try await group.run()
    }
}

func makeLogger(settings: Settings) -> Logger {
    let level = Logger.Level(rawValue: settings.logLevel) ?? .info
    let format = settings.logFormat
    return Logger(label: "marsad") { label in JournalLogHandler(label: label, level: level, format: format) }
}
