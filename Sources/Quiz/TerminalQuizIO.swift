/// The session's input and output on the real terminal: single keys in raw
/// mode when both stdin and stdout are terminals, one line per prompt
/// otherwise (exactly the protocol scripts use), and the clock.
import Foundation
import TerminalKit

package final class TerminalQuizIO: QuizIO {
    package let look: QuizLook
    private let rawKeys: RawKeys?

    /// Raw keys only when `interactive` and stdin and stdout are both terminals.
    package init(look: QuizLook, interactive: Bool = true) {
        self.look = look
        rawKeys = interactive && TerminalEnvironment.stdoutIsTTY ? RawKeys.start() : nil
    }

    /// The keys and the line protocol, for `ganbook quiz --help`: kept here, beside the IO that reads them.
    package static let keysHelp = """
        On a terminal the quiz reads single keys: Enter or space shows a recall card's answer, \
        1–4 grade it (Again, Hard, Good, Easy; each shows the interval it would give), a–e or \
        1–5 choose an option, u undoes the last answer, o opens the card's note at its section \
        in the pager (q there comes back to the card), q stops. Numeric answers take a typed \
        number or formula (log 2, 1/3, 2*pi); on an empty answer, o, u and q act at once. Cards in a \
        learning step come back in the same session. Every answer is saved the moment you give \
        it. When input is not a terminal, answers are read one line per prompt.
        """

    package var keys: QuizKeys? { rawKeys }
    package func write(_ text: String) { _ = Output.write(text) }
    package func readLine() -> String? { Swift.readLine(strippingNewline: true) }

    /// Gives the terminal back (also done at exit and on signals).
    package func finish() { rawKeys?.restore() }
}

/// Now: the system clock, or `$GANBOOK_NOW` (seconds since the epoch) at
/// start-up and advancing from there with the monotonic clock, so scripted
/// tests start at a known time and a session's countdowns still run.
package struct QuizClock: Sendable {
    let base: Double?
    let started: UInt64

    /// Why `GANBOOK_NOW` cannot be the clock: it is set, but not a number of seconds.
    package struct BadNow: Error, CustomStringConvertible {
        package var value: String
        package var description: String { "GANBOOK_NOW '\(value)' is not a number of seconds since 1970; unset it to use the clock" }
    }

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(BadNow) {
        if let text = environment["GANBOOK_NOW"] {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { throw BadNow(value: text) }
            base = value
        } else {
            base = nil
        }
        started = DispatchTime.now().uptimeNanoseconds
    }

    package func now() -> Double {
        guard let base else { return Date().timeIntervalSince1970 }
        return base + Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }

    package func startOfDay(_ t: Double) -> Double {
        Calendar.current.startOfDay(for: Date(timeIntervalSince1970: t)).timeIntervalSince1970
    }
}
