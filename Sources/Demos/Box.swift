/// A value shared by work that runs on several cores at once (the demos'
/// trainings, the notebook's cells), guarded by the standard library's Mutex.
import Synchronization

package final class Box<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    package init(_ value: Value) { mutex = Mutex(value) }
    package var value: Value { mutex.withLock { $0 } }
    @discardableResult
    package func update<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}
