/// What the terminal we write to can do: whether stdout/stderr are TTYs, its
/// size, and the rules that decide colour and width from flags and environment.
///
/// Owns every `isatty`, `ioctl(TIOCGWINSZ)` and `NO_COLOR` lookup, so that the
/// rest of ganbook asks one place.
import Glibc

package enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

package enum TerminalEnvironment {
    package static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
    package static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
    package static var stdinIsTTY: Bool { isatty(STDIN_FILENO) == 1 }

    package static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The terminal's size in (columns, rows), asked of stdout, stderr, stdin and
    /// finally /dev/tty, so that it is found even when stdin is redirected.
    package static func size() -> (columns: Int, rows: Int)? {
        for fd in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] {
            if let size = size(of: fd) { return size }
        }
        let tty = open("/dev/tty", O_RDONLY | O_NOCTTY)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        return size(of: tty)
    }

    private static func size(of fd: Int32) -> (columns: Int, rows: Int)? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    /// The most columns prose is wrapped to when the width comes from the terminal.
    package static let maximumWidth = 100
    /// The width when stdout is not a terminal.
    package static let pipeWidth = 80

    /// The width to render at: `--width` when given; otherwise the terminal's
    /// width capped at 100 when stdout is a TTY; otherwise 80.
    /// The widths `--width` accepts, in columns.
    package static let widthRange = 1...1000

    package static func width(
        requested: Int?, stdoutIsTTY: Bool = stdoutIsTTY,
        terminalColumns: () -> Int? = { size()?.columns }
    ) -> Int {
        if let requested { return requested }
        guard stdoutIsTTY else { return pipeWidth }
        return min(terminalColumns() ?? pipeWidth, maximumWidth)
    }

    /// Colour is on for a TTY, off when stdout is not one, when `NO_COLOR` is set
    /// (to anything non-empty, per no-color.org) or with `never`; `always` forces it on.
    package static func colorEnabled(
        _ choice: ColorChoice, stdoutIsTTY: Bool = stdoutIsTTY,
        noColor: String? = environment("NO_COLOR")
    ) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto: return stdoutIsTTY && (noColor ?? "").isEmpty
        }
    }
}
