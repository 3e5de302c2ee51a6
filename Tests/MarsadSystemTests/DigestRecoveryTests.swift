#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadStore
import Testing

@Suite(.serialized) struct DigestRecoveryTests {
    @Test func digestsDueAtAHardKillAreWrittenAfterTheRestart() throws {
        // A long delay: the digests cannot be written before the kill.
        let harness = try DaemonHarness(configuration: "digest_delay: 120s\n")
        try harness.start()
        #expect(harness.wait(timeout: 20) { harness.log.contains("marsad started") })
        try harness.drop("report.txt", contents: SampleArticles.article(7))
        #expect(harness.wait(timeout: 30) { harness.regularFiles(in: harness.archive).count == 1 }, "log:\n\(harness.log)")
        harness.killHard()
        #expect(!harness.regularFiles(in: harness.digests).contains { $0.hasSuffix("index.md") })

        try harness.start()
        let written = harness.wait(timeout: 20) {
            harness.regularFiles(in: harness.digests).contains { $0.hasSuffix("index.md") }
        }
        #expect(written, "log:\n\(harness.log)")
        #expect(harness.wait(timeout: 10) { (try? Store(path: harness.database).dueDigestDays().isEmpty) == true })
        #expect(harness.stop() == 0)
    }
}
