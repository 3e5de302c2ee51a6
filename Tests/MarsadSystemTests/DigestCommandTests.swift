import Foundation
import Testing

/// `marsad ingest` and `marsad digest` in a scratch folder, as a user runs
/// them, and what a reader then meets in `digests/latest/`.
@Suite(.serialized) struct DigestCommandTests {
    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-digest-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: root) }

        /// Runs `marsad` with `arguments` in the scratch folder; returns its status and output.
        @discardableResult
        func marsad(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = DaemonHarness.executable
            process.arguments = arguments
            process.currentDirectoryURL = root
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }

        func latest(_ name: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("digests/latest/" + name), encoding: .utf8)
        }
    }

    /// Seed pages 000 and 002 report one Assad–Lavrentiev meeting, 001 and 003
    /// one Russian announcement of the refugee-return meeting in Damascus; 004 is
    /// a third event. None carries a publication time.
    @Test(.enabled(if: !DaemonHarness.seedFiles.isEmpty, "the shared seed pages are not beside the repository"))
    func undatedSeedReportsOfOneEventAreOneStory() throws {
        let scratch = try Scratch()
        let ingest = try scratch.marsad(["ingest"] + DaemonHarness.seedFiles.map(\.path))
        #expect(ingest.status == 0, "\(ingest.output)")
        let digest = try scratch.marsad(["digest", "--all"])
        #expect(digest.status == 0, "\(digest.output)")

        let markdown = try scratch.latest("russia-syria.md")
        #expect(markdown.contains("٥ مقالات في ٣ قصص"), "\(markdown.prefix(600))")
        let json = try JSONSerialization.jsonObject(with: Data(try scratch.latest("russia-syria.json").utf8)) as? [String: Any]
        let stories = try #require(json?["stories"] as? [[String: Any]])
        let groups = Set(stories.map { story in
            Set(((story["reports"] as? [[String: Any]]) ?? []).compactMap { ($0["fileName"] as? String)?.prefix(3).description })
        })
        #expect(groups == [["000", "002"], ["001", "003"], ["004"]])
        // Undated reports show no clock time at all, never a made-up midnight.
        #expect(!markdown.contains("٠٠:٠٠"))
        #expect(stories.allSatisfy { (($0["reports"] as? [[String: Any]]) ?? []).allSatisfy { $0["localTime"] == nil } })
    }
}
