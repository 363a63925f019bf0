/// A mutex, and a value guarded by one, for the demos that run jobs on two
/// cores at once.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func locked<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

/// A value shared by concurrent jobs, guarded by a mutex.
final class Box<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLockLike()
    init(_ value: Value) { stored = value }
    var value: Value { lock.locked { stored } }
    @discardableResult
    func update<R>(_ body: (inout Value) -> R) -> R { lock.locked { body(&stored) } }
}
