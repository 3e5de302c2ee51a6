import Dispatch

/// Data-parallel map for independent pieces of work (one article's
/// fingerprint, one topic's digest, one file of `marsad process`). Results
/// land at their input's index, so the output is the same as a serial map
/// whatever the scheduling.
public enum Parallel {
    public static func map<Input: Sendable, Output: Sendable>(
        _ items: [Input], _ transform: @escaping @Sendable (Input) -> Output
    ) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<Output>(count: items.count)
        // Chunks keep scheduling overhead small next to the work.
        let chunkSize = max(1, items.count / 64)
        let chunks = (items.count + chunkSize - 1) / chunkSize
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize) {
                slots.set(index, transform(items[index]))
            }
        }
        return slots.collect()
    }
}

/// One slot per input. Each index is written by exactly one iteration and
/// read only after `concurrentPerform` has returned, which is what makes the
/// unchecked `Sendable` sound.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: Value) {
        storage[index] = value
    }

    func collect() -> [Value] {
        storage.map { $0! }
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }
}
