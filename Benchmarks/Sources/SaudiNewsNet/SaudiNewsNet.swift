import Foundation

/// The SaudiNewsNet corpus (`../shared/corpora/saudinewsnet` beside the
/// repository), read for benchmarks: one zip per day, each one JSON array.
public enum SaudiNewsNet {
    public struct Record: Decodable, Sendable {
        public var title: String?
        public var content: String?
        public var date_extracted: String?
    }

    /// The repository root (the folder holding `Benchmarks/`).
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static let folder = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora/saudinewsnet")

    /// The records of the given days; days whose zip is absent are skipped, and
    /// a day that cannot be read is reported on standard output under `label`.
    public static func records(days: [String], label: String) -> [Record] {
        var records: [Record] = []
        for day in days {
            let zip = folder.appendingPathComponent("\(day).zip")
            guard FileManager.default.fileExists(atPath: zip.path) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
            process.arguments = ["-p", zip.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            do {
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                records += try JSONDecoder().decode([Record].self, from: data)
            } catch {
                print("\(label): cannot read \(zip.path): \(error)")
            }
        }
        return records
    }
}
