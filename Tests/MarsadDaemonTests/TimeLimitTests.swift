import Foundation
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

    @Test func deepRecursionHasTheStackItNeeds() {
        @Sendable func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
        #expect(TimeLimit.run(.seconds(10)) { depth(20_000) } == 20_000)
    }
}
