#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadStore

/// A scratch folder with the embedded default layout and a `marsad run`
/// process in it that tests can start, kill and restart.
final class DaemonHarness: @unchecked Sendable {
    let root: URL
    var process: Process?
    let logURL: URL

    static var executable: URL {
        // The test bundle sits in the build folder beside the executable products.
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("marsad")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The shared seed pages beside the repository, when present.
    static var seedFiles: [URL] {
        let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }

    init(configuration: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        logURL = root.appendingPathComponent("daemon.log")
        try Data().write(to: logURL)
        if let configuration {
            try configuration.write(to: root.appendingPathComponent("marsad.yaml"), atomically: true, encoding: .utf8)
        }
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: root)
    }

    /// The inbox's path under the root, when a configuration moves it.
    var inboxName = "inbox"
    var inbox: URL { root.appendingPathComponent(inboxName) }
    var archive: URL { root.appendingPathComponent("var/archive") }
    var failed: URL { root.appendingPathComponent("var/failed") }
    var processing: URL { root.appendingPathComponent("var/processing") }
    var database: String { root.appendingPathComponent("var/marsad.sqlite").path }
    var digests: URL { root.appendingPathComponent("digests") }

    func start() throws {
        let process = Process()
        process.executableURL = Self.executable
        var arguments = ["run"]
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("marsad.yaml").path) {
            arguments += ["--config", root.appendingPathComponent("marsad.yaml").path]
        }
        process.arguments = arguments
        process.currentDirectoryURL = root
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        self.process = process
    }

    func killHard() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait; returns the exit status.
    func stop() -> Int32 {
        guard let process else { return -1 }
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    var isRunning: Bool { process?.isRunning ?? false }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Drops a file the safe way: written as a dot-file, then renamed into the inbox.
    func drop(_ name: String, contents: Data) throws {
        let temp = inbox.appendingPathComponent(".\(name).partial")
        try contents.write(to: temp)
        guard rename(temp.path, inbox.appendingPathComponent(name).path) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Drops a file under a name given as bytes (valid UTF-8 or not), written first under a dot-name.
    func drop(bytes name: [UInt8], contents: Data) throws {
        let temp = inbox.appendingPathComponent(".partial-\(UUID().uuidString)")
        try contents.write(to: temp)
        let target = (Array(inbox.path.utf8) + [UInt8(ascii: "/")] + name + [0]).map { CChar(bitPattern: $0) }
        guard rename(temp.path, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Runs a one-shot `marsad` command in the scratch folder; returns its exit status and output.
    func command(_ arguments: [String]) throws -> (status: Int32, output: String) {
        var all = arguments
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("marsad.yaml").path) {
            all += ["--config", root.appendingPathComponent("marsad.yaml").path]
        }
        return try Self.run(all, in: root)
    }

    /// Runs `marsad` with `arguments` in `folder` and waits; returns its exit status and output.
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Regular files under a folder, recursively, without hidden temporaries.
    func regularFiles(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            var info = stat()
            let name = (path as NSString).lastPathComponent
            if !name.hasPrefix("."), lstat(folder.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// Entries directly in a folder, of any kind, without hidden temporaries.
    func entries(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    func ledger() throws -> [LedgerEntry] { try Store(path: database).ledger() }

    /// Polls until `condition` holds or `timeout` passes; returns whether it held.
    func wait(timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }
}
