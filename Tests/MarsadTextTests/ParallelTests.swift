import MarsadText
import Testing

@Suite struct ParallelTests {
    @Test("the parallel map returns results in input order")
    func parallelOrder() {
        for count in [0, 1, 2, 63, 64, 65, 1_000] {
            let input = Array(0..<count)
            #expect(Parallel.map(input) { $0 &* 31 &+ 7 } == input.map { $0 &* 31 &+ 7 })
        }
    }
}
