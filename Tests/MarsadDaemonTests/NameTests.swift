#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MarsadDaemon
import Testing

struct EntryNameTests {
    @Test func validNamesAreShownAsTheyAre() {
        #expect(EntryName("تقرير.txt").display == "تقرير.txt")
        #expect(EntryName("line\nbreak.txt").display == "line\nbreak.txt")
    }

    @Test func bytesThatAreNotUTF8AreShownEscaped() {
        #expect(EntryName(bytes: [0xFF, 0xFE, 0x2E, 0x74]).display == "\\xFF\\xFE.t")
        #expect(EntryName(bytes: [0xC3, 0x28, 0x61]).display == "\\xC3(a")
        // A valid sequence after an invalid byte is kept.
        #expect(EntryName(bytes: [0xE0, 0x80, 0xD8, 0xB3]).display == "\\xE0\\x80س")
        // Surrogates and overlong forms are not valid UTF-8.
        #expect(EntryName(bytes: [0xED, 0xA0, 0x80]).display == "\\xED\\xA0\\x80")
        #expect(EntryName(bytes: [0xC0, 0xAF]).display == "\\xC0\\xAF")
    }

    @Test func listingKeepsTheBytesOfEveryName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let odd = EntryName(bytes: [0xFF, 0xFE, 0x41])
        let fd = open(odd.path(in: folder.path), O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        close(fd)
        #expect(EntryName.list(folder.path) == [odd])
    }

    static let lengths = Array(1...255)

    /// Names of every length up to NAME_MAX, in ASCII and in two-byte Arabic letters.
    static func names(ofBytes length: Int) -> [String] {
        let ascii = length > 4 ? String(repeating: "a", count: length - 4) + ".txt" : String(repeating: "b", count: length)
        let arabic = String(repeating: "س", count: length / 2) + (length % 2 == 1 ? "x" : "")
        return [ascii, arabic]
    }

    @Test(arguments: lengths)
    func claimNamesFitNameMaxAndKeepShortNamesWhole(length: Int) {
        for name in Self.names(ofBytes: length) {
            #expect(name.utf8.count == length)
            let claim = QueueFolders.claimName(for: name, sequence: UInt64.max)
            #expect(claim.utf8.count <= QueueFolders.nameMax, "\(claim.utf8.count) bytes")
            let kept = QueueFolders.nameInClaim(claim)
            if length <= 200 { #expect(kept == name) } else { #expect(kept.utf8.count <= name.utf8.count) }
            // Shortening cuts between letters and keeps the extension.
            #expect(kept.unicodeScalars.allSatisfy { $0 == "a" || $0 == "b" || $0 == "x" || $0 == "س" || $0 == "…" || $0 == "." || $0 == "t" })
            if name.hasSuffix(".txt") { #expect(kept.hasSuffix(".txt")) }
        }
    }

    @Test func fittingNeverExceedsTheBudget() {
        for budget in 0...40 {
            for name in ["a.txt", String(repeating: "ل", count: 30) + ".html", String(repeating: "z", count: 60), "..."] {
                let fitted = EntryName.fitted(name, maxBytes: budget)
                if name.utf8.count <= budget { #expect(fitted == name) }
                else { #expect(fitted.utf8.count <= max(budget, "…".utf8.count + 5)) }
            }
        }
    }
}

struct SettleTrackerTests {
    let start = ContinuousClock.now
    let name = EntryName("a.txt")

    func candidate(size: Int, modified: Date) -> [(name: EntryName, modified: Date, size: Int)] {
        [(name, modified, size)]
    }

    @Test(arguments: [-3 * 86_400.0, 0, 3 * 86_400.0, 40 * 365 * 86_400.0])
    func aFileSettlesAfterOneSettleTimeWhateverItsDate(offset: Double) {
        var tracker = SettleTracker()
        let modified = Date().addingTimeInterval(offset)
        #expect(tracker.settled(candidate(size: 10, modified: modified), now: start, settleTime: .seconds(2)).isEmpty)
        #expect(tracker.unsettledCount == 1)
        #expect(tracker.settled(candidate(size: 10, modified: modified), now: start + .seconds(1), settleTime: .seconds(2)).isEmpty)
        #expect(tracker.settled(candidate(size: 10, modified: modified), now: start + .seconds(2), settleTime: .seconds(2)) == [name])
        #expect(tracker.unsettledCount == 0)
    }

    @Test func aFileThatKeepsChangingDoesNotSettle() {
        var tracker = SettleTracker()
        let modified = Date()
        for second in 0..<10 {
            let ready = tracker.settled(candidate(size: second * 100, modified: modified), now: start + .seconds(second), settleTime: .seconds(2))
            #expect(ready.isEmpty)
        }
        // A new modification time with the same size is a change too.
        _ = tracker.settled(candidate(size: 5, modified: modified), now: start + .seconds(20), settleTime: .seconds(2))
        #expect(tracker.settled(candidate(size: 5, modified: modified + 1), now: start + .seconds(23), settleTime: .seconds(2)).isEmpty)
        #expect(tracker.settled(candidate(size: 5, modified: modified + 1), now: start + .seconds(25), settleTime: .seconds(2)) == [name])
    }

    @Test func withoutASettleTimeEverythingIsReadyAndGoneEntriesAreForgotten() {
        var tracker = SettleTracker()
        #expect(tracker.settled(candidate(size: 1, modified: Date()), now: start, settleTime: .zero) == [name])
        _ = tracker.settled(candidate(size: 1, modified: Date()), now: start, settleTime: .seconds(2))
        #expect(tracker.unsettledCount == 1)
        #expect(tracker.settled([], now: start + .seconds(1), settleTime: .seconds(2)).isEmpty)
        #expect(tracker.unsettledCount == 0)
    }
}
