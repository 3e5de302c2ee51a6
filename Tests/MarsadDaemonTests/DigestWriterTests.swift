import Foundation
import MarsadCore
@testable import MarsadDaemon
import MarsadReading
import MarsadStore
import MarsadTagging
import MarsadText
import Testing

@Suite("Digest writer")
struct DigestWriterTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-digests-\(UUID().uuidString)")
    let day = "2026-11-24"

    /// A day of generated reports: events told by several outlets in near-copies, tagged with
    /// the shipped taxonomy's topics and entities, so that stories form and grow as they arrive.
    func reports(count: Int, seed: UInt64) throws -> [ProcessedArticle] {
        var random = SeededGenerator(seed: seed)
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي".unicodeScalars)
        func word() -> String {
            var view = String.UnicodeScalarView()
            for _ in 0..<(3 + Int(random.next() % 5)) { view.append(letters[Int(random.next() % UInt64(letters.count))]) }
            return String(view)
        }
        let sources = ["سانا", "روسيا اليوم", "الجزيرة", "عنب بلدي", "الوئام"]
        let topics = ["russia-syria", "syria-peace-process", "syrian-refugees"]
        let entities = ["russia", "syria", "sergey-lavrov", "damascus", "moscow"]
        var result: [ProcessedArticle] = []
        var event: [String] = []
        var eventIndex = 0
        for index in 0..<count {
            if index % 4 == 0 || random.next() % 3 == 0 {
                event = (0..<90).map { _ in word() }
                eventIndex += 1
            }
            var words = event
            for _ in 0..<3 { words.remove(at: Int(random.next() % UInt64(words.count))) }
            words += (0..<5).map { _ in word() }
            let title = words.prefix(8).joined(separator: " ")
            let body = words.dropFirst(8).joined(separator: " ") + ".\n\nرابط الخبر بصحيفة الوئام"
            let topic = topics[eventIndex % topics.count]
            let entity = entities[eventIndex % entities.count]
            let json = #"{"topics":[{"id":"\#(topic)","score":2,"threshold":1,"evidence":[]}],"#
                + #""entities":[{"id":"\#(entity)","type":"country","name":"x","nameAr":"x","count":1,"forms":[],"spans":[]}],"#
                + #""dates":[]}"#
            let tags = try JSONDecoder().decode(TaggingResult.self, from: Data(json.utf8))
            let article = ReadArticle(
                title: title, body: body, source: sources[index % sources.count], language: .arabic, format: .text,
                encoding: "UTF-8"
            )
            result.append(ProcessedArticle(article: article, tags: tags, titleKey: title, bodyKey: body))
        }
        return result
    }

    /// A fresh store with the shipped gazetteer, in `folder`, and the shipped taxonomy.
    func freshStore() throws -> (Store, Taxonomy) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let taxonomy = try Settings.embeddedDefault(root: folder).loadTaxonomy()
        let store = try Store(path: folder.appendingPathComponent("test.sqlite").path)
        try store.syncEntities(taxonomy.entities)
        return (store, taxonomy)
    }

    /// A fresh store and a writer of its digests into `folder`, in UTC.
    func freshWriter() throws -> (Store, DigestWriter) {
        let (store, taxonomy) = try freshStore()
        let writer = DigestWriter(
            store: store, topics: taxonomy.topics, directory: folder.path, timeZone: TimeZone(identifier: "UTC")!
        )
        return (store, writer)
    }

    /// Records `articles[range]` on `recordDay` (the suite's `day` unless named), one file each.
    func record(_ range: Range<Int>, of articles: [ProcessedArticle], in store: Store, on recordDay: String? = nil) throws {
        _ = try store.record(range.map { index in
            IngestOutcome.processed(
                ClaimedFile(claimName: "c\(index)", name: "\(index).txt", size: 1, sha256: "sha\(index)", firstSeen: Date()),
                [(articles[index], recordDay ?? day)]
            )
        })
    }

    func files(in directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    /// A fresh store and an ingest's digests kept up in "kept/", in UTC.
    func keptIngestDigests() throws -> (Store, Taxonomy, DigestWriter, IngestDigests) {
        let (store, taxonomy) = try freshStore()
        let kept = DigestWriter(
            store: store, topics: taxonomy.topics, directory: folder.appendingPathComponent("kept").path,
            timeZone: TimeZone(identifier: "UTC")!
        )
        return (store, taxonomy, kept, IngestDigests(writer: kept))
    }

    /// Writes the day's digests from scratch into "full/" and returns them with the files kept up
    /// in "kept/", so that a test holds the incremental path to the whole build.
    func keptAndRebuiltFiles(store: Store, taxonomy: Taxonomy, zone: TimeZone) throws -> (kept: [String: Data], full: [String: Data]) {
        let rebuilt = DigestWriter(
            store: store, topics: taxonomy.topics, directory: folder.appendingPathComponent("full").path, timeZone: zone
        )
        try rebuilt.write(day: day)
        return (try files(in: folder.appendingPathComponent("kept/\(day)")), try files(in: folder.appendingPathComponent("full/\(day)")))
    }

    @Test("digests kept up chunk by chunk equal a full rebuild, byte for byte, and the day stops being due")
    func incrementalEqualsFullRebuild() throws {
        let (store, taxonomy) = try freshStore()
        let zone = TimeZone(identifier: "Asia/Damascus")!
        let incremental = DigestWriter(
            store: store, topics: taxonomy.topics, directory: folder.appendingPathComponent("kept").path, timeZone: zone
        )
        let articles = try reports(count: 160, seed: 5)
        var start = 0
        var chunk = 0
        var random = SeededGenerator(seed: 9)
        while start < articles.count {
            let end = min(articles.count, start + 1 + Int(random.next() % 30))
            let outcomes = (start..<end).map { index in
                IngestOutcome.processed(
                    ClaimedFile(claimName: "c\(index)", name: "\(index).txt", size: 1, sha256: "sha\(index)", firstSeen: Date()),
                    [(articles[index], day)]
                )
            }
            _ = try store.record(outcomes)
            #expect(try store.dueDigestDays() == [day])
            try incremental.write(day: day)
            #expect(try store.dueDigestDays().isEmpty)
            start = end
            chunk += 1
        }
        #expect(incremental.builds.full == 1)
        #expect(incremental.builds.incremental == chunk - 1)

        let (kept, full) = try keptAndRebuiltFiles(store: store, taxonomy: taxonomy, zone: zone)
        #expect(Set(kept.keys) == Set(full.keys))
        #expect(kept.keys.contains("russia-syria.json"))
        for (name, data) in full { #expect(kept[name] == data, "\(name) differs") }
    }

    @Test("the scheduler adds a busy day's articles to its stories at its first round, so that the write after the burst clusters nothing whole")
    func schedulerAbsorbsABusyDayAtOnce() async throws {
        let (store, writer) = try freshWriter()
        // Never due by the clock: only the absorbing and the final flush write anything.
        let scheduler = DigestScheduler(writer: writer, delay: .seconds(3600), timeZone: TimeZone(identifier: "UTC")!)
        let articles = try reports(count: 40, seed: 3)
        func record(_ range: Range<Int>) throws {
            try self.record(range, of: articles, in: store)
            scheduler.markDirty(day: day)
        }
        try record(0..<30)
        scheduler.writeDue(force: false)
        #expect(writer.builds.full == 1)
        #expect(writer.builds.incremental == 0)
        #expect(try store.dueDigestDays() == [day])
        try record(30..<40)
        await scheduler.flush()
        #expect(writer.builds.full == 1)
        #expect(writer.builds.incremental == 1)
        #expect(try store.dueDigestDays().isEmpty)
    }

    @Test("a due day is written once no file waits, or once held the longest deferral; its stories still take in its articles")
    func dueDaysWaitForTheBurst() throws {
        let (store, writer) = try freshWriter()
        let scheduler = DigestScheduler(
            writer: writer, delay: .zero, timeZone: TimeZone(identifier: "UTC")!, longestDeferral: .seconds(3600)
        )
        let articles = try reports(count: 20, seed: 5)
        let index = folder.appendingPathComponent("\(day)/index.md").path
        try record(0..<10, of: articles, in: store)
        scheduler.markDirty(day: day)
        scheduler.backlog(true)
        scheduler.writeDue(force: false)
        // Held while files wait, but its stories took its articles in.
        #expect(!FileManager.default.fileExists(atPath: index))
        #expect(writer.builds.full == 1)
        #expect(try store.dueDigestDays() == [day])
        scheduler.backlog(false)
        scheduler.writeDue(force: false)
        #expect(FileManager.default.fileExists(atPath: index))
        #expect(try store.dueDigestDays().isEmpty)

        // Held no longer than the longest deferral, backlog or not.
        let impatient = DigestScheduler(writer: writer, delay: .zero, timeZone: TimeZone(identifier: "UTC")!, longestDeferral: .zero)
        try record(10..<20, of: articles, in: store)
        #expect(try store.dueDigestDays() == [day])
        impatient.markDirty(day: day)
        impatient.backlog(true)
        impatient.writeDue(force: false)
        #expect(try store.dueDigestDays().isEmpty)
    }

    @Test("a burst over more days than the writer once kept clusters each day whole only once, taking the days in turn")
    func manyDaysTakenInTurn() throws {
        let (store, writer) = try freshWriter()
        let days = (1...20).map { "2026-10-" + ($0 < 10 ? "0" : "") + String($0) }
        let articles = try reports(count: 3 * days.count, seed: 7)
        for round in 0..<3 {
            for (dayIndex, articleDay) in days.enumerated() {
                let index = round * days.count + dayIndex
                try record(index..<(index + 1), of: articles, in: store, on: articleDay)
                try writer.absorb(day: articleDay)
            }
        }
        #expect(writer.builds.full == days.count)
        #expect(writer.builds.incremental == 2 * days.count)
    }

    @Test("an ingest's digests, kept up while its chunks are recorded, equal a full rebuild's")
    func ingestDigestsEqualFullRebuild() async throws {
        let (store, taxonomy, kept, digests) = try keptIngestDigests()
        let zone = kept.timeZone
        let articles = try reports(count: 90, seed: 11)
        for start in stride(from: 0, to: articles.count, by: 20) {
            try record(start..<min(start + 20, articles.count), of: articles, in: store)
            digests.recorded(days: [day])
            await digests.drained()
        }
        // The first chunk built the day's stories; the four after it were added to them.
        #expect(kept.builds.full == 1)
        #expect(kept.builds.incremental == 4)
        try await digests.writeAll()
        #expect(kept.builds.full == 1)
        #expect(try store.dueDigestDays().isEmpty)

        let (keptFiles, fullFiles) = try keptAndRebuiltFiles(store: store, taxonomy: taxonomy, zone: zone)
        #expect(Set(keptFiles.keys) == Set(fullFiles.keys))
        #expect(!fullFiles.isEmpty)
        for (name, data) in fullFiles { #expect(keptFiles[name] == data, "\(name) differs") }
    }

    @Test("days only noted are taken into the stories at the next absorb, or by the final write, with the same files")
    func notedDaysWaitForTheNextAbsorb() async throws {
        let (store, taxonomy, kept, digests) = try keptIngestDigests()
        let zone = kept.timeZone
        let articles = try reports(count: 60, seed: 17)
        try record(0..<20, of: articles, in: store)
        digests.noted(days: [day])
        await digests.drained()
        // Noted only: nothing was clustered yet.
        #expect(kept.builds.full == 0)
        #expect(!kept.holds(day: day))
        digests.absorbNoted()
        await digests.drained()
        #expect(kept.builds.full == 1)
        // Two chunks noted before one absorb are taken in by one update.
        try record(20..<40, of: articles, in: store)
        digests.noted(days: [day])
        try record(40..<60, of: articles, in: store)
        digests.noted(days: [day])
        digests.absorbNoted()
        await digests.drained()
        #expect(kept.builds.full == 1)
        #expect(kept.builds.incremental == 1)
        try await digests.writeAll()

        let (keptFiles, fullFiles) = try keptAndRebuiltFiles(store: store, taxonomy: taxonomy, zone: zone)
        #expect(!fullFiles.isEmpty)
        #expect(keptFiles == fullFiles)
    }

    @Test("the final write takes in days noted but never absorbed")
    func finalWriteTakesInNotedDays() async throws {
        let (store, taxonomy) = try freshStore()
        let writer = DigestWriter(store: store, topics: taxonomy.topics, directory: folder.path, timeZone: TimeZone(identifier: "UTC")!)
        let digests = IngestDigests(writer: writer)
        let articles = try reports(count: 10, seed: 19)
        try record(0..<10, of: articles, in: store)
        digests.noted(days: [day])
        try await digests.writeAll()
        #expect(writer.builds.full == 1)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(day)/index.md").path))
        #expect(try store.dueDigestDays().isEmpty)
    }

    @Test("an ingest over more days than the writer keeps clusters each day whole twice at most, not once per chunk")
    func ingestOverMoreDaysThanKept() async throws {
        let (store, taxonomy) = try freshStore()
        let writer = DigestWriter(store: store, topics: taxonomy.topics, directory: folder.path, timeZone: TimeZone(identifier: "UTC")!)
        let digests = IngestDigests(writer: writer)
        let days = (0..<(DigestWriter.keptDays + 5)).map { CivilDate(year: 2026, month: 9, day: 1)!.adding(days: $0).iso }
        let articles = try reports(count: 3 * days.count, seed: 13)
        for round in 0..<3 {
            for (dayIndex, articleDay) in days.enumerated() {
                let index = round * days.count + dayIndex
                try record(index..<(index + 1), of: articles, in: store, on: articleDay)
                digests.recorded(days: [articleDay])
                await digests.drained()
            }
        }
        try await digests.writeAll()
        // Taken in turn, every day would otherwise be dropped before its next chunk and built whole again.
        #expect(writer.builds.full <= 2 * days.count)
        #expect(writer.builds.full >= days.count)
        #expect(try store.dueDigestDays().isEmpty)
    }

    @Test("a topic's files are rewritten only when its articles changed")
    func unchangedTopicsAreNotRewritten() throws {
        let (store, writer) = try freshWriter()
        let articles = try reports(count: 12, seed: 1)
        try record(0..<8, of: articles, in: store)
        try writer.write(day: day)
        let path = folder.appendingPathComponent("\(day)/russia-syria.json").path
        try #require(FileManager.default.fileExists(atPath: path))
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        // The next article of another topic than russia-syria (topics rotate with events).
        let other = try #require((8..<12).first { !articles[$0].tags.topics.contains { $0.id == "russia-syria" } })
        Thread.sleep(forTimeInterval: 0.05)
        try record(other..<(other + 1), of: articles, in: store)
        try writer.write(day: day)
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test("a wire credit is stored apart from the outlet and shown beside it; an article with only a credit has an unknown outlet")
    func wireCreditsAreStoredAndShownBesideTheOutlet() throws {
        let (store, writer) = try freshWriter()
        var articles = try reports(count: 2, seed: 5)
        articles[0].article.source = "الوطن"
        articles[0].article.credit = "وكالات"
        articles[1].article.source = nil
        articles[1].article.credit = "رويترز"
        articles[1].article.title = "عنوان آخر لا يشبه الأول في شيء"
        articles[1] = ProcessedArticle(
            article: articles[1].article, tags: articles[1].tags, titleKey: articles[1].article.title, bodyKey: articles[1].bodyKey
        )
        try record(0..<2, of: articles, in: store)
        let stored = try store.articles(after: 0, limit: 10)
        #expect(stored.map(\.credit) == ["وكالات", "رويترز"])
        #expect(stored.map(\.source) == ["الوطن", nil])
        try writer.write(day: day)
        let digests = try files(in: folder.appendingPathComponent(day))
            .filter { $0.key.hasSuffix(".md") && $0.key != "index.md" }
            .map { String(decoding: $0.value, as: UTF8.self) }
            .joined()
        #expect(digests.contains("الوطن (نقلًا عن وكالات)"), "\(digests)")
        #expect(digests.contains("مصدر غير معروف (نقلًا عن رويترز)"), "\(digests)")
        #expect(!digests.contains("لا مصادر"))
    }
}
