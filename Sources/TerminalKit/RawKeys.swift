/// Keys from a terminal in raw mode (`RawTerminal`), decoded by `KeyDecoder`:
/// the next key with a timeout and a small line editor for typed answers (the
/// quiz), or every key typed so far without waiting (the lab's loop).
///
/// An escape byte that ends a read may begin a sequence cut between two
/// reads, as may a partial sequence or UTF-8 character: the rest is waited
/// for briefly, so that an arrow key is never read as Escape, `[` and `A`.
import Glibc

package final class RawKeys: @unchecked Sendable {
    package let terminal: RawTerminal
    private var decoder = KeyDecoder()
    private var queue: [Key] = []
    /// Where the line editor echoes (stdout).
    private let echo: (String) -> Void

    package init(terminal: RawTerminal, echo: @escaping (String) -> Void = { _ = Output.write($0) }) {
        self.terminal = terminal
        self.echo = echo
    }

    /// Raw mode on stdin (no screen mode; an ending signal gives the terminal
    /// back and dies of it), or nil when stdin is not a terminal or refuses raw mode.
    package static func start(echo: @escaping (String) -> Void = { _ = Output.write($0) }) -> RawKeys? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        let terminal = RawTerminal(keyboard: true)
        guard terminal.enter() else { return nil }
        return RawKeys(terminal: terminal, echo: echo)
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    package func restore() { terminal.restore() }

    /// Runs `body` with the terminal as it was (for a pager or a child process), then raw again.
    package func suspended(_ body: () -> Void) { terminal.suspended(body) }

    /// The next key; nil when `seconds` pass first (nil: wait as long as it takes).
    package func key(timeout seconds: Double? = nil) -> Key? {
        let start = ContinuousClock.now
        while queue.isEmpty {
            let waited = start.duration(to: .now) / .seconds(1)
            let left = seconds.map { max($0 - waited, 0) }
            switch read(timeout: left) {
            case .end: return .end
            case .timeout: return nil
            case .bytes: continue
            }
        }
        return queue.removeFirst()
    }

    /// Every key typed since the last call, without waiting.
    package func typed() -> [Key] {
        _ = read(timeout: 0)
        defer { queue = [] }
        return queue
    }

    /// Reads what is typed within `seconds` and decodes it into the queue.
    private func read(timeout seconds: Double?) -> RawTerminal.Input {
        let input = terminal.read(timeout: seconds)
        guard case .bytes(var bytes) = input else { return input }
        while bytes.last == 0x1B, case .bytes(let more) = terminal.read(timeout: 0.03) { bytes += more }
        queue += decoder.keys(from: bytes)
        while decoder.isPartway {
            guard case .bytes(let more) = terminal.read(timeout: 0.05) else {
                decoder.discardPartial()
                break
            }
            queue += decoder.keys(from: more)
        }
        return input
    }

    /// A typed line, echoed, with Backspace and Ctrl-U; nil on Ctrl-C, Ctrl-D
    /// or a closed terminal. A key of `commands` pressed on an empty line is
    /// the whole line at once, without Enter (the quiz's `o`, `u`, `q`, which
    /// no answer starts with).
    package func line(prompt: String, commands: Set<Character> = []) -> String? {
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
            case .escape, nil:
                continue
            }
        }
    }

    static func erase(_ columns: Int) -> String {
        String(repeating: "\u{8} \u{8}", count: columns)
    }
}
