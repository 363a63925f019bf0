/// Single key presses from a terminal: raw mode on stdin, keys decoded from
/// its bytes (UTF-8 characters, Enter, space, Backspace, Ctrl-C, Ctrl-D;
/// escape sequences such as arrow keys skipped whole), a small line editor for
/// typed answers, and waits with a timeout.
///
/// The terminal is always given back as it was: by `restore()`, at exit
/// (atexit), and on SIGINT, SIGTERM, SIGHUP (a closed terminal) and SIGQUIT,
/// whose handlers restore the saved settings and then die of the same signal.
/// Only one `RawKeys` is live at a time (the saved settings are process-wide,
/// as a signal handler can only read globals).
///
/// Self-contained on purpose: `Sources/Lab` has its own key decoder; the two
/// can be merged later.
import Glibc

/// One key press.
public enum KeyPress: Sendable, Equatable {
    case character(Character)
    case enter
    case space
    case backspace
    case escape
    /// Ctrl-C (raw mode delivers it as a byte, not as SIGINT).
    case interrupt
    /// Ctrl-D, or the terminal went away.
    case end
    /// Ctrl-U: erase the line.
    case eraseLine
    /// Nothing was pressed before the timeout.
    case timeout
    /// A key we do not use (an arrow, a function key, another control key).
    case other
}

/// Settings saved before raw mode, for the signal handlers and atexit.
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var rawModeActive: sig_atomic_t = 0
nonisolated(unsafe) private var handlersInstalled = false

private func restoreSavedSettings() {
    if rawModeActive != 0 {
        var settings = savedSettings
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        rawModeActive = 0
    }
}

public final class RawKeys: @unchecked Sendable {
    private let fd: Int32 = STDIN_FILENO
    private var pending: [UInt8] = []
    private var raw = termios()
    /// Where the line editor echoes (stdout).
    private let echo: (String) -> Void

    /// Raw mode on stdin, or nil when stdin is not a terminal (or refuses raw mode).
    public static func start(echo: @escaping (String) -> Void = { _ = Output.write($0) }) -> RawKeys? {
        guard isatty(STDIN_FILENO) == 1, rawModeActive == 0 else { return nil }
        let keys = RawKeys(echo: echo)
        guard tcgetattr(STDIN_FILENO, &savedSettings) == 0 else { return nil }
        keys.raw = rawMode(of: savedSettings, minimumBytes: 1)
        installHandlers()
        guard keys.enter() else { return nil }
        return keys
    }

    private init(echo: @escaping (String) -> Void) { self.echo = echo }

    /// `settings` in raw mode: no echo, no line editing, no signals from keys
    /// (Ctrl-C arrives as a byte), no flow control or CR translation. A read
    /// returns after `minimumBytes` bytes (0: at once, with what there is).
    public static func rawMode(of settings: termios, minimumBytes: UInt8) -> termios {
        var raw = settings
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = minimumBytes
            cc[Int(VTIME)] = 0
        }
        return raw
    }

    deinit { restore() }

    private static func installHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        atexit { restoreSavedSettings() }
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { sig in
                restoreSavedSettings()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    private func enter() -> Bool {
        guard tcsetattr(fd, TCSAFLUSH, &raw) == 0 else { return false }
        rawModeActive = 1
        return true
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func restore() { restoreSavedSettings() }

    /// Runs `body` with the terminal as it was (for a pager or a child process), then raw again.
    public func suspended(_ body: () -> Void) {
        restore()
        body()
        _ = enter()
    }

    /// The next key; `.timeout` when `seconds` pass first (nil: wait as long as it takes).
    public func key(timeout seconds: Double? = nil) -> KeyPress {
        let b: UInt8
        switch byte(timeout: seconds) {
        case .timeout: return .timeout
        case .end: return .end
        case .byte(let value): b = value
        }
        switch b {
        case 0x0D, 0x0A: return .enter
        case 0x20: return .space
        case 0x7F, 0x08: return .backspace
        case 0x03: return .interrupt
        case 0x04: return .end
        case 0x15: return .eraseLine
        case 0x1B:
            // A lone Escape, or the start of a sequence (CSI "ESC [", SS3 "ESC O") to skip whole.
            guard case .byte(let next) = byte(timeout: 0.03) else { return .escape }
            guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O") else { return .other }
            while case .byte(let c) = byte(timeout: 0.03), !(0x40...0x7E).contains(c) {}
            return .other
        case 0..<0x20: return .other
        case 0x20..<0x80: return .character(Character(Unicode.Scalar(b)))
        default:
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            var bytes = [b]
            while bytes.count < length, case .byte(let c) = byte(timeout: 0.05) { bytes.append(c) }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let c = text.first, c != "\u{FFFD}" else { return .other }
            return .character(c)
        }
    }

    /// A typed line, echoed, with Backspace and Ctrl-U; nil on Ctrl-C, Ctrl-D
    /// or a closed terminal. Escape sequences are ignored. A key of `commands`
    /// pressed on an empty line is the whole line at once, without Enter (the
    /// quiz's `o`, `u`, `q`, which no answer starts with).
    public func line(prompt: String, commands: Set<Character> = []) -> String? {
        echo(prompt)
        var text: [Character] = []
        while true {
            switch key() {
            case .character(let c) where text.isEmpty && commands.contains(c):
                echo(String(c) + "\n")
                return String(c)
            case .character(let c):
                text.append(c)
                echo(String(c))
            case .space:
                text.append(" ")
                echo(" ")
            case .backspace:
                if let last = text.popLast() { echo(Self.erase(String(last).displayWidth)) }
            case .eraseLine:
                echo(Self.erase(String(text).displayWidth))
                text = []
            case .enter:
                echo("\n")
                return String(text)
            case .interrupt, .end:
                echo("\n")
                return nil
            case .escape, .other, .timeout:
                continue
            }
        }
    }

    static func erase(_ columns: Int) -> String {
        String(repeating: "\u{8} \u{8}", count: columns)
    }

    private enum ByteRead { case byte(UInt8), timeout, end }

    /// One byte, or the timeout, or the end of input (EOF, a hung-up terminal).
    private func byte(timeout seconds: Double?) -> ByteRead {
        if !pending.isEmpty { return .byte(pending.removeFirst()) }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = seconds.map { Int32(max(0, ($0 * 1000).rounded(.up))) } ?? -1
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { return .timeout }
            break
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        var count = 0
        repeat { count = read(fd, &buffer, buffer.count) } while count < 0 && errno == EINTR
        guard count > 0 else { return .end }
        pending += buffer[1..<count]
        return .byte(buffer[0])
    }
}
