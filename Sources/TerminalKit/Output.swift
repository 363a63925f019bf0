/// Writing to stdout and stderr without Foundation's buffering surprises, and
/// the one-line error format every command uses.
import Glibc

package enum Output {
    /// Writes all of `text` to stdout. Returns false when the reader has gone
    /// (a closed pipe), so callers can stop quietly.
    @discardableResult
    package static func write(_ text: String) -> Bool { write(text, to: STDOUT_FILENO) }

    /// Writes `text` to stderr.
    package static func error(_ text: String) { _ = write(text, to: STDERR_FILENO) }

    @discardableResult
    package static func write(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        return bytes.withUnsafeMutableBytes { buffer in
            while offset < buffer.count {
                let n = Glibc_write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    /// Ignore SIGPIPE so that `ganbook read x | head` ends with a failed write, not a signal.
    package static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }
}

private func Glibc_write(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { Glibc.write(fd, p, n) }
