/// The full-screen terminal and its guaranteed restoration: raw keys (no echo,
/// no line buffering, Ctrl-C as a key), the alternate screen, a hidden
/// cursor; and, whatever happens, the terminal as it was: on `q`, on Ctrl-C,
/// on SIGINT/SIGTERM/SIGHUP (a flag the loop reads), after a thrown error
/// (`restore()` in a `defer`), and on a crash (SIGSEGV, SIGILL, SIGTRAP,
/// SIGABRT, SIGBUS, SIGFPE: the handler writes the restoring bytes and resets
/// termios, both async-signal-safe, then dies of the same signal).
///
/// Owns termios, the screen modes and signal handlers; nothing else here
/// touches them. SIGWINCH sets a flag too: the loop asks for the new size.
import Synchronization

import Glibc
import TerminalKit

/// The signal that asked the lab to end (0: none).
let pendingTermination = Atomic<Int32>(0)
/// Set by SIGWINCH.
let pendingResize = Atomic<Bool>(false)

/// What the crash handler needs, set before the handlers are installed.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var hasSavedTermios = false
nonisolated(unsafe) private var restoreBytes: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) private var restoreCount = 0

public final class LiveTerminal {
    /// Leaves the alternate screen last, so that what was on the main screen comes back as it was.
    static let restoreSequence = "\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l"
    static let enterSequence = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l\u{1B}[2J"

    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    private var active = false
    private var previousHandlers: [Int32: sighandler_t?] = [:]
    /// Whether stdin is the keyboard (a TTY we put in raw mode).
    public let keyboard: Bool

    public init(keyboard: Bool) { self.keyboard = keyboard }

    /// Raw mode (when stdin is the keyboard), the alternate screen, no cursor, handlers.
    public func enter() {
        guard !active else { return }
        active = true
        if keyboard, tcgetattr(STDIN_FILENO, &savedTermios) == 0 {
            hasSavedTermios = true
            var raw = RawKeys.rawMode(of: savedTermios, minimumBytes: 0)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        }
        let bytes = Array(Self.restoreSequence.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        restoreBytes = buffer
        restoreCount = bytes.count
        pendingTermination.store(0, ordering: .relaxed)
        pendingResize.store(false, ordering: .relaxed)
        for s in Self.endingSignals {
            previousHandlers[s] = signal(s) { sig in pendingTermination.store(sig, ordering: .relaxed) }
        }
        previousHandlers[SIGWINCH] = signal(SIGWINCH) { _ in pendingResize.store(true, ordering: .relaxed) }
        for s in Self.fatalSignals {
            previousHandlers[s] = signal(s) { sig in
                if let bytes = restoreBytes { _ = write(STDOUT_FILENO, bytes, restoreCount) }
                if hasSavedTermios { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTermios) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        Output.write(Self.enterSequence)
    }

    /// The terminal as it was. Safe to call more than once.
    public func restore() {
        guard active else { return }
        active = false
        Output.write(Self.restoreSequence)
        if hasSavedTermios {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTermios)
            hasSavedTermios = false
        }
        for (s, handler) in previousHandlers { signal(s, handler) }
        previousHandlers = [:]
    }

    deinit { restore() }

    /// The signal that asked us to end, if one came.
    public var terminationSignal: Int32? {
        let s = pendingTermination.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Whether the window changed size since the last call.
    public func takeResize() -> Bool { pendingResize.exchange(false, ordering: .relaxed) }

    /// Bytes typed since the last call (never blocks: VMIN = VTIME = 0).
    public func readKeyboard() -> [UInt8] {
        guard keyboard else { return [] }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, 256) }
        return n > 0 ? Array(buffer[..<n]) : []
    }

    /// Waits up to `milliseconds` for a key (or a signal, which cuts the wait short).
    public func waitForKeyboard(milliseconds: Int) {
        guard milliseconds > 0 else { return }
        if keyboard {
            var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            _ = poll(&fd, 1, Int32(milliseconds))
        } else {
            var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
            _ = nanosleep(&request, nil)
        }
    }
}
