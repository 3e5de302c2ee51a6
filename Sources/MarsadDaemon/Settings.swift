import Foundation
import MarsadCore
import MarsadReading
import MarsadTagging
import Yams

/// A problem in the configuration file, naming the file, line and problem.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var problem: String
    public var description: String {
        if let line { return "\(path):\(line): \(problem)" }
        return "\(path): \(problem)"
    }
}

/// What to do with a file once its articles are recorded.
public enum AfterSuccess: String, Sendable {
    case archive, delete
}

public enum WatchMode: String, Sendable {
    case inotify, poll
}

/// How log lines look on standard error.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `journal` when standard error is the journal's stream (systemd sets
    /// `JOURNAL_STREAM` to its device and inode), `plain` otherwise: a pipe or a file.
    case auto
    /// `<6>message`: the sd-daemon priority prefix journald turns into levels.
    case journal
    /// `12:00:00Z INFO message`.
    case plain

    /// The format `auto` stands for, given `JOURNAL_STREAM` and standard error's device and inode.
    public func resolved(journalStream: String?, standardError: (device: UInt64, inode: UInt64)?) -> LogFormat {
        guard self == .auto else { return self }
        guard let journalStream, let standardError else { return .plain }
        let parts = journalStream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return .plain }
        return device == standardError.device && inode == standardError.inode ? .journal : .plain
    }
}

/// Where Marsad keeps its folders and how it behaves; read from the YAML
/// configuration file, or the embedded default layout under a folder.
public struct Settings: Sendable, Equatable {
    public var inbox: URL
    public var state: URL
    public var database: URL
    public var digests: URL
    /// A taxonomy folder with `gazetteer/` and `topics/`; nil for the shipped one.
    public var taxonomy: URL?
    public var timeZone: TimeZone
    public var afterSuccess: AfterSuccess = .archive
    public var maxFileSize: Int = 20 << 20
    public var watch: WatchMode = .inotify
    public var pollInterval: Duration = .seconds(2)
    public var settleTime: Duration = .seconds(2)
    public var rescanInterval: Duration = .seconds(60)
    public var workers: Int = 0
    public var batchSize: Int = 256
    public var batchInterval: Duration = .milliseconds(200)
    public var digestDelay: Duration = .seconds(5)
    public var logLevel: String = "info"
    public var logFormat: LogFormat = .auto
    /// Archived files older than this many days are deleted (their ledger rows stay); nil keeps them forever.
    public var archiveDays: Int?

    public var processing: URL { state.appendingPathComponent("processing", isDirectory: true) }
    public var archive: URL { state.appendingPathComponent("archive", isDirectory: true) }
    public var failed: URL { state.appendingPathComponent("failed", isDirectory: true) }
    /// Full names of claims whose name in `processing/` had to be shortened.
    public var claimedNames: URL { state.appendingPathComponent("names", isDirectory: true) }
    /// Marks of claims being recovered after a crash, to quarantine a file that stops the daemon again.
    public var recovering: URL { state.appendingPathComponent("recovering", isDirectory: true) }

    /// The embedded default: `./inbox`, `./var/…` and `./digests` under `root`.
    public static func embeddedDefault(root: URL) -> Settings {
        let variable = root.appendingPathComponent("var", isDirectory: true)
        return Settings(
            inbox: root.appendingPathComponent("inbox", isDirectory: true),
            state: variable,
            database: variable.appendingPathComponent("marsad.sqlite"),
            digests: root.appendingPathComponent("digests", isDirectory: true),
            taxonomy: nil,
            timeZone: .current
        )
    }

    public var effectiveWorkers: Int {
        workers > 0 ? workers : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Parses a configuration file's text; relative paths are taken from the file's folder.
    public static func parse(yaml text: String, path: String) throws(ConfigurationError) -> Settings {
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        var settings = embeddedDefault(root: base)
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw ConfigurationError(path: path, line: nil, problem: "not valid YAML: \(error)")
        }
        guard let node else { return settings }
        guard let mapping = node.mapping else {
            throw ConfigurationError(path: path, line: node.mark?.line, problem: "expected key: value settings")
        }
        var stateGiven = false
        var databaseGiven = false
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            func fail(_ problem: String) -> ConfigurationError {
                ConfigurationError(path: path, line: line, problem: problem)
            }
            guard let raw = value.string else { throw fail("'\(key)' needs a single value") }
            func url() -> URL {
                URL(fileURLWithPath: raw, relativeTo: base).standardizedFileURL
            }
            func duration() throws(ConfigurationError) -> Duration {
                guard let parsed = DurationText.parse(raw) else {
                    throw fail("'\(key)': '\(raw)' is not a duration such as 200ms, 2s or 5m, of a year at most")
                }
                return parsed
            }
            // A scan every 0 s would spin: intervals between scans start at 100ms.
            func interval() throws(ConfigurationError) -> Duration {
                let parsed = try duration()
                guard parsed >= .milliseconds(100) else { throw fail("'\(key)': '\(raw)' is shorter than 100ms") }
                return parsed
            }
            func positive() throws(ConfigurationError) -> Int {
                guard let number = Int(raw), number >= 0 else { throw fail("'\(key)': '\(raw)' is not a whole number") }
                return number
            }
            switch key {
            case "inbox": settings.inbox = url()
            case "state":
                settings.state = url()
                stateGiven = true
            case "database":
                settings.database = url()
                databaseGiven = true
            case "digests": settings.digests = url()
            case "taxonomy": settings.taxonomy = url()
            case "timezone":
                guard let zone = TimeZone(identifier: raw) else { throw fail("unknown time zone '\(raw)'") }
                settings.timeZone = zone
            case "after_success":
                guard let choice = AfterSuccess(rawValue: raw) else { throw fail("after_success is archive or delete, not '\(raw)'") }
                settings.afterSuccess = choice
            case "max_file_size":
                guard let size = ByteSize.parse(raw), size > 0 else { throw fail("max_file_size: '\(raw)' is not a size such as 20MiB") }
                settings.maxFileSize = size
            case "watch":
                guard let mode = WatchMode(rawValue: raw) else { throw fail("watch is inotify or poll, not '\(raw)'") }
                settings.watch = mode
            case "poll_interval": settings.pollInterval = try interval()
            case "settle_time": settings.settleTime = try duration()
            case "rescan_interval": settings.rescanInterval = try interval()
            case "workers": settings.workers = try positive()
            case "batch_size":
                settings.batchSize = try positive()
                if settings.batchSize == 0 { throw fail("batch_size must be at least 1") }
            case "batch_interval": settings.batchInterval = try duration()
            case "digest_delay": settings.digestDelay = try duration()
            case "log_level":
                let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
                guard levels.contains(raw) else { throw fail("log_level is one of \(levels.joined(separator: ", "))") }
                settings.logLevel = raw
            case "log_format":
                guard let format = LogFormat(rawValue: raw) else {
                    throw fail("log_format is one of \(LogFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(raw)'")
                }
                settings.logFormat = format
            case "archive_days":
                if raw == "forever" {
                    settings.archiveDays = nil
                } else {
                    guard let days = Int(raw), days >= 1 else {
                        throw fail("archive_days: '\(raw)' is not a number of days (1 or more) or forever")
                    }
                    settings.archiveDays = days
                }
            default:
                throw fail("unknown setting '\(key)'")
            }
        }
        if stateGiven && !databaseGiven {
            settings.database = settings.state.appendingPathComponent("marsad.sqlite")
        }
        return settings
    }

    public static func load(path: String) throws -> Settings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, line: nil, problem: "the configuration file cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, line: nil, problem: "the configuration file is not UTF-8 text")
        }
        return try parse(yaml: text, path: path)
    }

    public func loadTaxonomy() throws -> Taxonomy {
        if let taxonomy { return try TaxonomyLoader.load(directory: taxonomy) }
        return try TaxonomyLoader.loadBundled()
    }

    public func makePipeline() throws -> Pipeline {
        Self.makePipeline(taxonomy: try loadTaxonomy())
    }

    /// The pipeline of every command and of the daemon, for a taxonomy already loaded.
    public static func makePipeline(taxonomy: Taxonomy) -> Pipeline {
        // The reader knows the outlets' names, so that none is taken for an author.
        let outletNames = taxonomy.outlets.flatMap { [$0.ar, $0.en] + $0.names }
        return Pipeline(reader: ArticleReader(outletNames: outletNames), tagger: Tagger(taxonomy: taxonomy))
    }
}

/// Durations in configuration: `200ms`, `2s`, `5m`, `1h`.
public enum DurationText {
    /// The longest duration a setting takes: beyond a year no interval of the
    /// daemon means anything, and far beyond it `Duration` overflows.
    public static let longest = Duration.seconds(366 * 86_400)

    /// `200ms`, `2s` (or `2`), `5m`, `1h`, `1.5s`; nil for anything else or past `longest`.
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = String(String.UnicodeScalarView(trimmed.unicodeScalars.prefix { ("0"..."9").contains($0) || $0 == "." }))
        guard let number = Double(digits), number.isFinite else { return nil }
        let milliseconds: Double
        switch String(String.UnicodeScalarView(trimmed.unicodeScalars.dropFirst(digits.unicodeScalars.count))) {
        case "ms": milliseconds = number
        case "s", "": milliseconds = number * 1000
        case "m": milliseconds = number * 60_000
        case "h": milliseconds = number * 3_600_000
        default: return nil
        }
        guard milliseconds <= Double(longest.components.seconds) * 1000 else { return nil }
        return .milliseconds(milliseconds)
    }
}
