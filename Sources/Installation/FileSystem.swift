/// The few file-system calls ganbook needs (list a folder, read a file, write
/// one whole, make folders, resolve a path), on POSIX directly: no Foundation
/// start-up on the read path.
import Glibc

package enum FileSystem {
    package enum Failure: Error, Equatable {
        case missing, notADirectory, unreadable(String)
    }

    package static func describe(errno code: Int32) -> String { String(cString: strerror(code)) }

    package static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    package static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// What tells one version of a file from another without reading it:
    /// its device, inode, size and modification time; nil if it cannot be stat'ed.
    package static func identity(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let time = (st.st_mtim.tv_sec, st.st_mtim.tv_nsec)
        return "\(st.st_dev)-\(st.st_ino)-\(st.st_size)-\(time.0).\(time.1)"
    }

    /// The names in a folder (not `.` or `..`), unsorted.
    package static func list(_ path: String) throws(Failure) -> [String] {
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
    package static func read(_ path: String) throws(Failure) -> [UInt8] {
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

    /// Writes `bytes` to `path` through a temporary file beside it and a rename,
    /// making missing folders first, so that a reader never sees half a file.
    /// False when it could not; nothing is left behind then.
    @discardableResult
    package static func writeWhole(_ bytes: [UInt8], to path: String) -> Bool {
        makeFolders(parent(path))
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let written = bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc_write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        guard close(fd) == 0, written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Makes the folder `path` and any missing folders above it (`mkdir -p`).
    package static func makeFolders(_ path: String) {
        guard !path.isEmpty, !isDirectory(path) else { return }
        makeFolders(parent(path))
        mkdir(path, 0o755)
    }

    /// The absolute, symlink-free form of `path`, if it exists.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    package static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}

private func Glibc_read(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { Glibc.read(fd, p, n) }
private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Glibc.write(fd, p, n) }
