import ArgumentParser
import Foundation
import MarsadCore
import MarsadDaemon
import MarsadText

struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Run the pipeline on files and print one JSON object per article; no database, no moves.",
        discussion: "Exit status 0 when every file was read, 1 when any failed."
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: "Files to read; a folder stands for the files beneath it.")
    var files: [String]

    func run() throws {
        let settings = try options.loadSettings()
        let pipeline = try settings.makePipeline()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var anyFailed = false
        let out = FileHandle.standardOutput
        let maxFileSize = settings.maxFileSize
        let timeZone = settings.timeZone
        // Files are read on every core, a batch at a time so that memory stays bounded
        // whatever the number of files; reports come out in the order of the arguments.
        // A batch ends when its slowest file does, with the other cores idle: 32 files
        // a core make that wait short next to the batch's work. Its reports are held
        // until it ends, so a batch also ends at 64 MB of files.
        let batchSize = 32 * ProcessInfo.processInfo.activeProcessorCount
        let batchBytes = 64 << 20
        let listing = FileArguments.expand(files, skipping: settings.ownFolders)
        for (path, reason) in listing.unlisted {
            anyFailed = true
            var line = try encoder.encode(ProcessReport(file: path, failure: PipelineFailure(stage: .read, message: reason)))
            line.append(0x0A)
            out.write(line)
        }
        let files = listing.files
        var start = 0
        while start < files.count {
            var end = start
            var bytes = 0
            while end < files.count, end - start < batchSize, end == start || bytes < batchBytes {
                bytes += min(FileAccess.size(atPath: files[end]), maxFileSize)
                end += 1
            }
            let batch = Array(files[start..<end])
            start = end
            let reports = Parallel.map(batch) { Self.reports(for: $0, pipeline: pipeline, maxFileSize: maxFileSize, timeZone: timeZone) }
            for report in reports.joined() {
                if report.status != "ok" { anyFailed = true }
                var line = try encoder.encode(report)
                line.append(0x0A)
                out.write(line)
            }
        }
        if anyFailed { throw ExitCode(1) }
    }

    static func reports(for file: String, pipeline: Pipeline, maxFileSize: Int, timeZone: TimeZone) -> [ProcessReport] {
        if FileAccess.isMissing(file) {
            return [ProcessReport(file: file, failure: PipelineFailure(stage: .read, message: "no such file"))]
        }
        do {
            let bytes = try FileAccess.readRegularFile(atPath: file, maxSize: maxFileSize)
            let savedAt = FileAccess.modificationTime(atPath: file)
            switch pipeline.processDocument(bytes, fileName: (file as NSString).lastPathComponent, savedAt: savedAt, timeZone: timeZone) {
            case .success(let document):
                for warning in document.warnings {
                    FileHandle.standardError.write(Data("\(file): \(warning)\n".utf8))
                }
                return document.articles.map { ProcessReport(file: file, article: $0) }
            case .failure(let failure):
                return [ProcessReport(file: file, failure: failure)]
            }
        } catch {
            return [ProcessReport(file: file, failure: PipelineFailure(stage: .read, message: error.message))]
        }
    }
}

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize text from standard input, line by line (display form or match key)."
    )

    @Flag(help: "Which form to print.")
    var form: NormalForm = .matchKey

    @Option(help: "Apply only these rules, comma-separated (for example diacritics,alef), instead of a whole form.")
    var rules: String?

    enum NormalForm: String, EnumerableFlag {
        case matchKey, display
    }

    func run() throws {
        if let rules {
            guard let chosen = NormalizationRule.parseList(rules) else {
                throw ValidationError("unknown rule in '\(rules)'")
            }
            while let line = readLine(strippingNewline: true) { print(TextNormalizer.normalize(line, rules: chosen)) }
            return
        }
        while let line = readLine(strippingNewline: true) {
            print(form == .matchKey ? TextNormalizer.matchKey(line) : TextNormalizer.displayForm(line))
        }
    }
}
