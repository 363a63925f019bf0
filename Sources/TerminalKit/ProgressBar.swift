/// A progress bar on stderr, for long demos: `label ▕█████░░░░░▏ 48%`,
/// redrawn in place, only when stderr is a terminal.
import Report

package enum ProgressBar {
    /// A `Progress` that draws on stderr when it is a terminal, else does
    /// nothing; `words` puts each label into the run's language.
    package static func onStandardError(width: Int = 30, words: @escaping @Sendable (String) -> String = { $0 }) -> Progress {
        guard TerminalEnvironment.stderrIsTTY else { return .silent }
        return Progress { fraction, label in Output.error(line(fraction, words(label), width: width)) }
    }

    /// What the bar draws: `label ▕█████░░░░░▏ 48%`, over the line before it.
    static func line(_ fraction: Double, _ label: String, width: Int) -> String {
        let fraction = fraction.isNaN ? 0 : min(max(fraction, 0), 1)  // a count may not go negative
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        return "\r\u{1B}[2K" + label + " ▕" + bar + "▏ " + String(percent) + "%" + (fraction >= 1 ? "\r\u{1B}[2K" : "")
    }

    /// Clears the bar's line (after a demo ends or fails).
    package static func clear() {
        if TerminalEnvironment.stderrIsTTY { Output.error("\r\u{1B}[2K") }
    }
}
