import Foundation
import Synchronization
@testable import MarsadDaemon
import Testing

struct TimeLimitTests {
    @Test func workWithinTheLimitGivesItsResult() {
        #expect(TimeLimit.run(.seconds(5)) { (1...1000).reduce(0, +) } == 500_500)
    }

    @Test func workPastTheLimitIsGivenUpWithoutWaitingForIt() {
        let clock = ContinuousClock()
        var result: Int?
        let waited = clock.measure {
            result = TimeLimit.run(.milliseconds(200)) {
                Thread.sleep(forTimeInterval: 3)
                return 1
            }
        }
        #expect(result == nil)
        // Given up at the limit, not when the work ends three seconds later.
        #expect(waited < .seconds(2))
    }

    /// Hands out indices below `count`, and keeps what was delivered and given up.
    final class Pieces: Sendable {
        let count: Int
        let state = Mutex((next: 0, delivered: [Int: Int](), gaveUp: [Int]()))
        init(count: Int) { self.count = count }
        @Sendable func next() -> Int? {
            state.withLock { state in
                guard state.next < count else { return nil }
                defer { state.next += 1 }
                return state.next
            }
        }
        @Sendable func deliver(_ index: Int, _ value: Int) { state.withLock { $0.delivered[index] = value } }
    }

    @Test func piecesRunOneAfterAnotherAndEachIsDelivered() {
        let pieces = Pieces(count: 200)
        TimeLimit.runEach(.seconds(5), next: pieces.next, deliver: pieces.deliver, gaveUp: { _ in Issue.record("none is late") }) { $0 * $0 }
        let delivered = pieces.state.withLock { $0.delivered }
        #expect(delivered.count == 200)
        #expect(delivered.allSatisfy { $0.value == $0.key * $0.key })
    }

    @Test func aPiecePastTheLimitIsGivenUpAndTheRestGoOnElsewhere() {
        let pieces = Pieces(count: 5)
        let clock = ContinuousClock()
        let waited = clock.measure {
            TimeLimit.runEach(.milliseconds(300), next: pieces.next, deliver: pieces.deliver, gaveUp: { index in
                pieces.state.withLock { $0.gaveUp.append(index) }
            }) { index in
                if index == 1 { Thread.sleep(forTimeInterval: 60) }
                return index + 100
            }
        }
        let (delivered, gaveUp) = pieces.state.withLock { ($0.delivered, $0.gaveUp) }
        #expect(gaveUp == [1])
        #expect(delivered == [0: 100, 2: 102, 3: 103, 4: 104])
        // Given up at the limit, not when the piece ends a minute later: the
        // margin is wide, since a busy machine may wake the waiter late.
        #expect(waited < .seconds(40))
    }

    @Test func deepRecursionHasTheStackItNeeds() {
        @Sendable func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
        #expect(TimeLimit.run(.seconds(10)) { depth(20_000) } == 20_000)
    }
}

struct WorkThreadsTests {
    @Test func aThreadServesOnePieceOfWorkAfterAnother() {
        let threads = WorkThreads(name: "test-work")
        for _ in 0..<50 {
            let done = DispatchSemaphore(value: 0)
            threads.run({ _ = (1...100).reduce(0, +) }, then: { done.signal() })
            done.wait()
        }
        #expect(threads.counts.started == 1)
    }

    @Test func workThatHangsHoldsUpNoOtherWork() {
        let threads = WorkThreads(name: "test-work")
        let release = DispatchSemaphore(value: 0)
        let hung = DispatchSemaphore(value: 0)
        threads.run({ release.wait() }, then: { hung.signal() })
        let done = DispatchSemaphore(value: 0)
        threads.run({}, then: { done.signal() })
        // The second piece runs while the first still waits: it got a thread of its own.
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(threads.counts.started == 2)
        release.signal()
        #expect(hung.wait(timeout: .now() + 10) == .success)
    }

    @Test func idleThreadsEnd() async throws {
        let threads = WorkThreads(name: "test-work", idleLifetime: .milliseconds(50))
        for _ in 0..<3 {
            let done = DispatchSemaphore(value: 0)
            threads.run({}, then: { done.signal() })
            done.wait()
        }
        #expect(threads.counts.running == 1)
        var waited = Duration.zero
        while threads.counts.running > 0 && waited < .seconds(10) {
            try await Task.sleep(for: .milliseconds(20))
            waited += .milliseconds(20)
        }
        #expect(threads.counts.running == 0)
        // Work given after that starts a thread again.
        let done = DispatchSemaphore(value: 0)
        threads.run({}, then: { done.signal() })
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(threads.counts.started == 2)
    }
}
