import Foundation
import Synchronization

/// Inbox names waiting to be claimed, in arrival order, each once.
final class PendingNames: Sendable {
    private let state = Mutex<(order: [EntryName], members: Set<EntryName>)>(([], []))

    func add(_ name: EntryName) {
        state.withLock { state in
            if state.members.insert(name).inserted { state.order.append(name) }
        }
    }

    func take(_ count: Int) -> [EntryName] {
        state.withLock { state in
            let taken = Array(state.order.prefix(count))
            state.order.removeFirst(taken.count)
            state.members.subtract(taken)
            return taken
        }
    }

    var count: Int { state.withLock { $0.order.count } }
}
