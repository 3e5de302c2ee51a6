import Foundation
import MarsadDaemon
import Testing

struct SettingsTests {
    @Test func readsEveryKeyWithPathsRelativeToTheFile() throws {
        let settings = try Settings.parse(yaml: """
            inbox: /srv/news/inbox
            state: state
            digests: /srv/news/digests
            timezone: Asia/Damascus
            after_success: delete
            max_file_size: 5MiB
            watch: poll
            poll_interval: 500ms
            settle_time: 3s
            rescan_interval: 1m
            workers: 3
            batch_size: 64
            batch_interval: 100ms
            digest_delay: 10s
            log_level: debug
            """, path: "/etc/marsad/marsad.yaml")
        #expect(settings.inbox.path == "/srv/news/inbox")
        #expect(settings.state.path == "/etc/marsad/state")
        #expect(settings.database.path == "/etc/marsad/state/marsad.sqlite")
        #expect(settings.failed.path == "/etc/marsad/state/failed")
        #expect(settings.timeZone.identifier == "Asia/Damascus")
        #expect(settings.afterSuccess == .delete)
        #expect(settings.maxFileSize == 5 << 20)
        #expect(settings.watch == .poll)
        #expect(settings.pollInterval == .milliseconds(500))
        #expect(settings.rescanInterval == .seconds(60))
        #expect(settings.workers == 3)
        #expect(settings.batchSize == 64)
        #expect(settings.digestDelay == .seconds(10))
        #expect(settings.logLevel == "debug")
    }

    @Test(arguments: [
        ("inbox: a\nwatch: sometimes\n", 2, "watch is inotify or poll"),
        ("colour: blue\n", 1, "unknown setting 'colour'"),
        ("inbox: a\n\nmax_file_size: big\n", 3, "max_file_size"),
        ("timezone: Mars/Olympus\n", 1, "unknown time zone"),
        ("batch_interval: soon\n", 1, "not a duration"),
        ("inbox: a\nlog_format: pretty\n", 2, "log_format is one of auto, journal, plain"),
        ("archive_days: 0\n", 1, "archive_days"),
        ("archive_days: soon\n", 1, "archive_days"),
        ("inbox: a\ndigest_delay: 99999999999999999999h\n", 2, "not a duration"),
        ("max_file_size: 99999999999GiB\n", 1, "max_file_size"),
        ("inbox: a\npoll_interval: 0s\n", 2, "shorter than 100ms"),
        ("rescan_interval: 10ms\n", 1, "shorter than 100ms"),
    ])
    func errorsNameTheFileLineAndProblem(yaml: String, line: Int, problem: String) {
        do {
            _ = try Settings.parse(yaml: yaml, path: "/etc/marsad/marsad.yaml")
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.path == "/etc/marsad/marsad.yaml")
            #expect(error.line == line)
            #expect(error.description.contains(problem), "\(error)")
            #expect(error.description.hasPrefix("/etc/marsad/marsad.yaml:\(line): "))
        }
    }

    @Test func logFormatAndRetentionAreExplicitSettings() throws {
        let defaults = try Settings.parse(yaml: "inbox: a\n", path: "/etc/marsad/marsad.yaml")
        #expect(defaults.logFormat == .auto)
        #expect(defaults.archiveDays == nil)
        let set = try Settings.parse(yaml: "log_format: plain\narchive_days: 30\n", path: "/etc/marsad/marsad.yaml")
        #expect(set.logFormat == .plain)
        #expect(set.archiveDays == 30)
        #expect(try Settings.parse(yaml: "archive_days: forever\n", path: "/m.yaml").archiveDays == nil)
    }

    @Test func autoLogFormatIsJournalOnlyWhenStandardErrorIsTheJournal() {
        let stream = (device: UInt64(64769), inode: UInt64(123456))
        #expect(LogFormat.auto.resolved(journalStream: "64769:123456", standardError: stream) == .journal)
        // Piped or redirected by a child of the unit: JOURNAL_STREAM is inherited but stderr is elsewhere.
        #expect(LogFormat.auto.resolved(journalStream: "64769:999", standardError: stream) == .plain)
        #expect(LogFormat.auto.resolved(journalStream: nil, standardError: stream) == .plain)
        #expect(LogFormat.auto.resolved(journalStream: "junk", standardError: stream) == .plain)
        #expect(LogFormat.journal.resolved(journalStream: nil, standardError: nil) == .journal)
        #expect(LogFormat.plain.resolved(journalStream: "64769:123456", standardError: stream) == .plain)
    }

    @Test func theEmbeddedDefaultLivesUnderOneFolder() {
        let settings = Settings.embeddedDefault(root: URL(fileURLWithPath: "/home/analyst/marsad"))
        #expect(settings.inbox.path == "/home/analyst/marsad/inbox")
        #expect(settings.database.path == "/home/analyst/marsad/var/marsad.sqlite")
        #expect(settings.processing.path == "/home/analyst/marsad/var/processing")
        #expect(settings.digests.path == "/home/analyst/marsad/digests")
        #expect(settings.maxFileSize == 20 << 20)
    }

    @Test func sizesAndDurationsParse() {
        #expect(ByteSize.parse("20MiB") == 20 << 20)
        #expect(ByteSize.parse("512 KiB") == 512 << 10)
        #expect(ByteSize.parse("1GB") == 1_000_000_000)
        #expect(ByteSize.parse("lots") == nil)
        #expect(DurationText.parse("200ms") == .milliseconds(200))
        #expect(DurationText.parse("2s") == .seconds(2))
        #expect(DurationText.parse("5m") == .seconds(300))
        #expect(DurationText.parse("fast") == nil)
        // Past what the types hold: refused, not a trap (found by the configuration fuzz target).
        #expect(DurationText.parse("99999999999999999999h") == nil)
        #expect(DurationText.parse("8785h") == nil && DurationText.parse("8784h") == .seconds(366 * 86_400))
        #expect(DurationText.parse("1.5s") == .milliseconds(1500))
        #expect(ByteSize.parse("99999999999GiB") == nil)
        #expect(ByteSize.parse("٢٠MiB") == nil)
    }
}
