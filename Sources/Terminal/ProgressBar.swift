/// A progress bar on stderr, for long demos: `label ▕█████░░░░░▏ 48%`,
/// redrawn in place, only when stderr is a terminal.
import Report

public enum ProgressBar {
    /// A `Progress` that draws on stderr when it is a terminal, else does nothing.
    public static func onStandardError(width: Int = 30) -> Progress {
        guard TerminalEnvironment.stderrIsTTY else { return .silent }
        return Progress { fraction, label in
            let fraction = fraction.isNaN ? 0 : min(max(fraction, 0), 1)  // a count may not go negative
            let filled = Int((fraction * Double(width)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let percent = Int((fraction * 100).rounded(.down))
            Output.error("\r\u{1B}[2K" + label + " ▕" + bar + "▏ " + String(percent) + "%" + (fraction >= 1 ? "\r\u{1B}[2K" : ""))
        }
    }

    /// Clears the bar's line (after a demo ends or fails).
    public static func clear() {
        if TerminalEnvironment.stderrIsTTY { Output.error("\r\u{1B}[2K") }
    }
}
