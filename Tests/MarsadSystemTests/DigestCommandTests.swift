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
            try DaemonHarness.run(arguments, in: root)
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

    /// Two records of a scraper's JSON array, dated as SaudiNewsNet dates
    /// them (local clock time, no zone), from outlets the sources file knows.
    static let datedRecords = """
        [
          {"source": "aawsat", "url": "http://aawsat.com/home/article/1001", "date_extracted": "2015-07-31 04:15:32",
           "title": "لافروف يبحث مع المعلم في موسكو التسوية السياسية في سوريا", "author": "",
           "content": "بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره السوري وليد المعلم في موسكو اليوم سبل دفع التسوية السياسية في سوريا والتحضير لمحادثات جنيف المقبلة. وقال لافروف إن روسيا تدعم الحوار السوري السوري دون شروط مسبقة، فيما أكد المعلم أن دمشق ستشارك في جولة جنيف."},
          {"source": "3alyoum", "url": "", "date_extracted": "2015-07-31 09:40:00",
           "title": "موسكو تستضيف مباحثات روسية سورية حول الحل السياسي", "author": "",
           "content": "استضافت العاصمة الروسية موسكو مباحثات بين وزير الخارجية الروسي سيرغي لافروف ووزير الخارجية السوري وليد المعلم تناولت الحل السياسي في سوريا ومحادثات جنيف. وأكد الجانبان دعم روسيا لسوريا في مكافحة الإرهاب."}
        ]
        """

    @Test func datedRecordsShowTheirTimesAndArabicOutletNames() throws {
        let scratch = try Scratch()
        try "timezone: Asia/Riyadh\n".write(to: scratch.root.appendingPathComponent("marsad.yaml"), atomically: true, encoding: .utf8)
        let file = scratch.root.appendingPathComponent("2015-07-31.json")
        try Self.datedRecords.write(to: file, atomically: true, encoding: .utf8)
        let config = scratch.root.appendingPathComponent("marsad.yaml").path
        let ingest = try scratch.marsad(["ingest", "--config", config, file.path])
        #expect(ingest.status == 0, "\(ingest.output)")
        let digest = try scratch.marsad(["digest", "--config", config, "--all"])
        #expect(digest.status == 0, "\(digest.output)")

        let markdown = try scratch.latest("russia-syria.md")
        // Real clock times in the configured zone, never a made-up midnight.
        #expect(markdown.contains("٠٤:١٥"), "\(markdown)")
        #expect(markdown.contains("٠٩:٤٠"))
        #expect(!markdown.contains("٠٠:٠٠"))
        // Arabic outlet names from the shipped sources file, not raw ids.
        #expect(markdown.contains("الشرق الأوسط"))
        #expect(markdown.contains("عين اليوم"))
        #expect(!markdown.contains("— aawsat") && !markdown.contains("— 3alyoum"))
        #expect(!markdown.contains(MarsadUnknownSource.text))
        // The record with an address links it; the one without names its record, not just the file.
        #expect(markdown.contains("(http://aawsat.com/home/article/1001)"))
        #expect(markdown.contains("السجل ٢"))
        let html = try scratch.latest("russia-syria.html")
        #expect(html.contains("الشرق الأوسط") && html.contains("<time datetime=\"2015-07-31T01:15:32Z\">٠٤:١٥</time>"))

        // The topic's feed sits beside the day folders and was replaced whole.
        let feeds = scratch.root.appendingPathComponent("digests/feeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: feeds.path)
        #expect(names.contains("russia-syria.xml"))
        #expect(names.allSatisfy { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }, "\(names)")
        let feed = try String(contentsOf: feeds.appendingPathComponent("russia-syria.xml"), encoding: .utf8)
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("href=\"../2015-07-31/russia-syria.html#"))
    }
}

enum MarsadUnknownSource {
    static let text = "مصدر غير معروف"
}
