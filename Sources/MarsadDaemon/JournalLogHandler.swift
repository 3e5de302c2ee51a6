#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging

/// Writes log lines to stderr. In the `journal` format each line starts with
/// an sd-daemon priority prefix (`<3>` … `<7>`) so journald keeps the levels;
/// in the `plain` format (a terminal, a pipe, a file) a timestamp and the
/// level instead. `auto` picks `journal` only when stderr is the journal.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let prefixed: Bool

    public init(label: String, level: Logger.Level = .info, format: LogFormat = .auto) {
        self.label = label
        logLevel = level
        var info = stat()
        let standardError = fstat(STDERR_FILENO, &info) == 0 ? (device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) : nil
        prefixed = format.resolved(
            journalStream: ProcessInfo.processInfo.environment["JOURNAL_STREAM"], standardError: standardError
        ) == .journal
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        // One event is one journal line: newlines inside it would split the record.
        var message = "\(event.message)\(details)"
        if message.utf8.contains(0x0A) { message = message.replacingOccurrences(of: "\n", with: "\\n") }
        let line: String
        if prefixed {
            line = "<\(Self.priority(event.level))>\(message)\n"
        } else {
            line = "\(Self.timeOfDay(time(nil))) \(event.level.rawValue.uppercased()) \(message)\n"
        }
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count)
        }
    }

    /// `HH:MM:SS` in UTC, as the ISO 8601 time format writes it, from the C library: a
    /// Foundation format style per line cost more than the rest of logging a file.
    static func timeOfDay(_ seconds: time_t) -> String {
        var parts = tm()
        var clock = seconds
        gmtime_r(&clock, &parts)
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec))"
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
