/// The few file-system calls ganbook needs (list a folder, read a file, resolve
/// a path), on POSIX directly: no Foundation start-up on the read path.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum FileSystem {
    public enum Failure: Error, Equatable {
        case missing, notADirectory, unreadable(String)
    }

    public static func describe(errno code: Int32) -> String { String(cString: strerror(code)) }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The names in a folder (not `.` or `..`), unsorted.
    public static func list(_ path: String) throws(Failure) -> [String] {
        var st = stat()
        guard stat(path, &st) == 0 else { throw errno == ENOENT ? .missing : .unreadable(describe(errno: errno)) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw .notADirectory }
        guard let dir = opendir(path) else { throw .unreadable(describe(errno: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The bytes of a file. The buffer is sized from `fstat` and filled in
    /// place, never zeroed first (start-up cost: `list` reads every note), and
    /// grows if the file does while it is read.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw errno == ENOENT ? .missing : .unreadable(describe(errno: errno)) }
        defer { close(fd) }
        var st = stat()
        var capacity = fstat(fd, &st) == 0 ? max(Int(st.st_size) + 1, 4096) : 64 * 1024
        var bytes: [UInt8] = []
        var failure: Int32 = 0
        while failure == 0 {
            var reachedEnd = false
            let old = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                _ = buffer.initialize(from: old)
                count = old.count
                while count < capacity {
                    let n = Glibc_read(fd, buffer.baseAddress! + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { reachedEnd = true; return }
                    count += n
                }
            }
            if reachedEnd { return bytes }
            capacity *= 2
        }
        throw .unreadable(describe(errno: failure))
    }

    /// The absolute, symlink-free form of `path`, if it exists.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}

#if canImport(Glibc)
    private func Glibc_read(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { Glibc.read(fd, p, n) }
#else
    private func Glibc_read(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { Darwin.read(fd, p, n) }
#endif
