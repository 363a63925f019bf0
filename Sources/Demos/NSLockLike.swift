/// A mutex, and a value guarded by one, for work that runs on several cores
/// at once (the demos' trainings, the notebook's cells).
import Glibc

public final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    public func locked<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

/// A value shared by concurrent jobs, guarded by a mutex.
public final class Box<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLockLike()
    public init(_ value: Value) { stored = value }
    public var value: Value { lock.locked { stored } }
    @discardableResult
    public func update<R>(_ body: (inout Value) -> R) -> R { lock.locked { body(&stored) } }
}
