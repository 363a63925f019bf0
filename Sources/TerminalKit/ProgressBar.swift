/// A progress bar on stderr, for long demos: `label ▕█████░░░░░▏ 48% · about
/// 3 min left`, redrawn in place, only when stderr is a terminal.
import Report
import Synchronization

package enum ProgressBar {
    /// A `Progress` that draws on stderr when it is a terminal, else does
    /// nothing; `words` puts each label into the run's language. The time left
    /// is the time so far scaled by the fraction still to do.
    package static func onStandardError(width: Int = 30, words: @escaping @Sendable (String) -> String = { $0 }) -> Progress {
        guard TerminalEnvironment.stderrIsTTY else { return .silent }
        let start = ContinuousClock.now
        let drawn = Mutex("")
        return Progress { fraction, label in
            let seconds = start.duration(to: .now) / .seconds(1)
            let text = line(fraction, words(label), width: width, left: timeLeft(fraction: fraction, elapsed: seconds).map(words))
            // Only a line that differs from the last one drawn is written.
            let changed = drawn.withLock { last in
                let changed = last != text
                last = text
                return changed
            }
            guard changed else { return }
            Output.error(text)
        }
    }

    /// "about 40 s left" or "about 12 min left", once a run is 1% done and has
    /// taken 3 s (too early a guess misleads); nil before.
    static func timeLeft(fraction: Double, elapsed: Double) -> String? {
        guard fraction >= 0.01, fraction < 1, elapsed >= 3 else { return nil }
        let seconds = elapsed / fraction * (1 - fraction)
        return seconds < 120 ? "about \(Int(seconds.rounded())) s left" : "about \(Int((seconds / 60).rounded())) min left"
    }

    /// What the bar draws: `label ▕█████░░░░░▏ 48%`, over the line before it,
    /// then ` · ` and the time left when there is one.
    static func line(_ fraction: Double, _ label: String, width: Int, left: String? = nil) -> String {
        let fraction = fraction.isNaN ? 0 : min(max(fraction, 0), 1)  // a count may not go negative
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        let end = fraction >= 1 ? "\r\u{1B}[2K" : left.map { " · " + $0 } ?? ""
        return "\r\u{1B}[2K" + label + " ▕" + bar + "▏ " + String(percent) + "%" + end
    }

    /// Clears the bar's line (after a demo ends or fails).
    package static func clear() {
        if TerminalEnvironment.stderrIsTTY { Output.error("\r\u{1B}[2K") }
    }
}
