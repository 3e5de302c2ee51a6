import Foundation
import Testing
import MarsadDigest

/// Writes a realistic sample day (the fixtures' Russia–Syria reports) when
/// `MARSAD_DIGEST_SAMPLE_DIR` names a folder; the screenshot script uses it.
@Suite("Sample digest")
struct SampleDigestTests {
    static let folder = ProcessInfo.processInfo.environment["MARSAD_DIGEST_SAMPLE_DIR"]

    @Test("write the sample digest", .enabled(if: folder != nil, "set MARSAD_DIGEST_SAMPLE_DIR to write the sample"))
    func writeSample() throws {
        let folder = try #require(Self.folder)
        let builder = DigestBuilder(timeZone: TimeZone(identifier: "Asia/Damascus")!)
        let umbrella = DigestTopic(id: "syria", nameAr: "سوريا", nameEn: "Syria")
        let rendered = builder.renderDay(day: Fixtures.day, topics: [
            DigestTopicDay(topic: Fixtures.topic, articles: Fixtures.all, previousDay: Fixtures.previousDay),
            DigestTopicDay(topic: umbrella, articles: Fixtures.all, previousDay: Fixtures.previousDay),
        ])
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, contents) in rendered.files {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        #expect(rendered.files["russia-syria.html"] != nil)
    }
}
