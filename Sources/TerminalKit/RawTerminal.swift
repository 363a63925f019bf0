/// The terminal taken over, and always given back: the one raw mode and its
/// restore, for the quiz and the lab. Raw mode on stdin (no echo, no line
/// editing, Ctrl-C as a key, no flow control or CR translation), optionally a
/// screen mode (the lab's alternate screen with the cursor hidden), and the
/// bytes typed, with a timeout.
///
/// The terminal comes back as it was: on `restore()` (also at `deinit`), at
/// exit (atexit), on a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP,
/// SIGABRT: the handler writes the screen's restoring bytes and resets termios,
/// both async-signal-safe, then dies of the same signal), and on an ending
/// signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT), which either does the same
/// (`.die`: the quiz, whose answers are saved as they are given) or is left
/// as a flag for the owner's loop to end on (`.report`: the lab, which then
/// restores and exits with 128 + the signal). SIGWINCH sets a flag too.
///
/// Owns termios, the screen modes and the signal handlers; nothing else
/// touches them. Only one is live at a time: a signal handler can only read
/// globals, so the saved settings are process-wide.
import Synchronization

import Glibc

/// The ending signal that came while endings are reported (0: none).
private let pendingTermination = Atomic<Int32>(0)
/// Set by SIGWINCH.
private let pendingResize = Atomic<Bool>(false)

/// What the handlers and atexit need, set before the handlers are installed.
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var hasSavedSettings: sig_atomic_t = 0
nonisolated(unsafe) private var terminalTaken: sig_atomic_t = 0
nonisolated(unsafe) private var reportsEndings: sig_atomic_t = 0
nonisolated(unsafe) private var screenRestore: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) private var screenRestoreCount = 0
nonisolated(unsafe) private var atexitInstalled = false

/// The terminal as it was, from a handler or atexit: only async-signal-safe calls.
private func giveTerminalBack() {
    guard terminalTaken != 0 else { return }
    terminalTaken = 0
    if let bytes = screenRestore { _ = write(STDOUT_FILENO, bytes, screenRestoreCount) }
    if hasSavedSettings != 0 { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings) }
}

package final class RawTerminal: @unchecked Sendable {
    /// What an ending signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) does.
    package enum Endings: Sendable {
        /// Gives the terminal back and dies of the signal.
        case die
        /// Sets `terminationSignal`, for the owner's loop to end on.
        case report
    }

    /// A screen mode: the bytes that enter it and those that leave it.
    package struct Screen: Sendable {
        package var enter: String
        package var restore: String

        /// The alternate screen, cleared, without the cursor or line wrapping;
        /// leaving it last brings back what was on the main screen as it was.
        package static let alternate = Screen(
            enter: "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l\u{1B}[2J",
            restore: "\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l")
    }

    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    /// Whether stdin is the keyboard: raw mode, and bytes read from it.
    package let keyboard: Bool
    let screen: Screen?
    let endings: Endings
    private var active = false
    private var previousHandlers: [Int32: sighandler_t?] = [:]

    package init(keyboard: Bool, screen: Screen? = nil, endings: Endings = .die) {
        self.keyboard = keyboard
        self.screen = screen
        self.endings = endings
    }

    deinit { restore() }

    /// Takes the terminal: raw mode (with a keyboard), the handlers, the
    /// screen mode. False when another `RawTerminal` has it, or the keyboard
    /// refuses raw mode.
    @discardableResult
    package func enter() -> Bool {
        guard !active, terminalTaken == 0 else { return false }
        if keyboard {
            guard tcgetattr(STDIN_FILENO, &savedSettings) == 0 else { return false }
            var raw = Self.rawMode(of: savedSettings)
            guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { return false }
            hasSavedSettings = 1
        }
        active = true
        if let screen { keepScreenRestore(screen.restore) }
        reportsEndings = endings == .report ? 1 : 0
        pendingTermination.store(0, ordering: .relaxed)
        pendingResize.store(false, ordering: .relaxed)
        terminalTaken = 1
        installHandlers()
        if let screen { Output.write(screen.enter) }
        return true
    }

    /// The terminal as it was, and the signals' handlers as they were. Safe to call more than once.
    package func restore() {
        guard active else { return }
        active = false
        if let screen { Output.write(screen.restore) }
        if hasSavedSettings != 0 { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings) }
        // Only now: a signal that comes before finds the terminal still to give back.
        terminalTaken = 0
        hasSavedSettings = 0
        for (s, handler) in previousHandlers { signal(s, handler) }
        previousHandlers = [:]
        let bytes = screenRestore
        screenRestore = nil
        bytes?.deallocate()
    }

    /// Runs `body` with the terminal as it was (for a pager or a child process), then takes it again.
    package func suspended(_ body: () -> Void) {
        restore()
        body()
        enter()
    }

    /// `settings` in raw mode: no echo, no line editing, no signals from keys
    /// (Ctrl-C arrives as a byte), no flow control or CR translation; a read
    /// returns once a byte is there (reads here follow a poll).
    static func rawMode(of settings: termios) -> termios {
        var raw = settings
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        return raw
    }

    /// The restoring bytes, where a signal handler can write them from.
    private func keepScreenRestore(_ text: String) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        screenRestoreCount = bytes.count
        screenRestore = buffer
    }

    private func installHandlers() {
        if !atexitInstalled {
            atexitInstalled = true
            atexit { giveTerminalBack() }
        }
        for s in Self.endingSignals {
            previousHandlers[s] = signal(s) { sig in
                if reportsEndings != 0 {
                    pendingTermination.store(sig, ordering: .relaxed)
                    return
                }
                giveTerminalBack()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        previousHandlers[SIGWINCH] = signal(SIGWINCH) { _ in pendingResize.store(true, ordering: .relaxed) }
        for s in Self.fatalSignals {
            previousHandlers[s] = signal(s) { sig in
                giveTerminalBack()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    // MARK: The loop's flags

    /// The ending signal that came, with `.report` endings.
    package var terminationSignal: Int32? {
        let s = pendingTermination.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Whether the window changed size since the last call.
    package func takeResize() -> Bool { pendingResize.exchange(false, ordering: .relaxed) }

    // MARK: Input

    /// What a read found.
    package enum Input: Sendable, Equatable {
        case bytes([UInt8])
        case timeout
        /// The end of input: EOF, a hung-up terminal.
        case end
    }

    /// The bytes typed, once there are some; `.timeout` when `seconds` pass
    /// first (nil: wait as long as it takes). Without a keyboard, nothing is
    /// typed: the wait passes (a signal cuts it short).
    package func read(timeout seconds: Double?) -> Input {
        guard keyboard else {
            guard let seconds else { return .end }
            wait(milliseconds: Int((seconds * 1000).rounded(.up)))
            return .timeout
        }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let milliseconds = seconds.map { Int32(max(0, ($0 * 1000).rounded(.up))) } ?? -1
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { return .timeout }
            break
        }
        var buffer = [UInt8](repeating: 0, count: 256)
        var count = 0
        repeat { count = Glibc.read(STDIN_FILENO, &buffer, buffer.count) } while count < 0 && errno == EINTR
        return count > 0 ? .bytes(Array(buffer[..<count])) : .end
    }

    /// Waits up to `milliseconds` for a key (or a signal, which cuts the wait short), reading nothing.
    package func wait(milliseconds: Int) {
        guard milliseconds > 0 else { return }
        if keyboard {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, Int32(milliseconds))
        } else {
            var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
            _ = nanosleep(&request, nil)
        }
    }
}
