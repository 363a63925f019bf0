/// The progress line of a batch of cells on stderr.
import Cells
import Notebook
import Synchronization
import TerminalKit

/// What a batch of cells shows on stderr: `demo cells 3/22 · about 40 s left ·
/// running mode-collapse --target grid …`, redrawn in place, only on a TTY. The
/// time left is the elapsed time scaled by the demos' relative costs.
package final class CellRunStatus: CellRunObserver {
    private struct State {
        var total = 0, totalCost = 0.0
        var done = 0, doneCost = 0.0
        var running: [String] = []
        var start = ContinuousClock.now
    }
    private let state = Mutex(State())
    private let enabled = TerminalEnvironment.stderrIsTTY
    private let words: @Sendable (String) -> String

    /// `words` puts the line's words into the run's language.
    package init(words: @escaping @Sendable (String) -> String = { $0 }) { self.words = words }

    package func begin(count: Int, cost: Double) {
        state.withLock { $0 = State(total: count, totalCost: cost) }
    }

    package func started(_ cell: DemoCell) {
        state.withLock {
            $0.running.append(cell.source)
            draw($0)
        }
    }

    package func finished(_ cell: DemoCell, cost: Double) {
        state.withLock {
            if let i = $0.running.firstIndex(of: cell.source) { $0.running.remove(at: i) }
            $0.done += 1
            $0.doneCost += cost
            draw($0)
        }
    }

    package func end() { if enabled { Output.error("\r\u{1B}[2K") } }

    private func draw(_ s: State) {
        guard enabled else { return }
        let elapsed = (ContinuousClock.now - s.start) / .seconds(1)
        let secondsLeft = s.doneCost > 0 && s.doneCost < s.totalCost ? Int((elapsed / s.doneCost * (s.totalCost - s.doneCost)).rounded()) : nil
        var line = Self.line(done: s.done, total: s.total, secondsLeft: secondsLeft, running: s.running, words: words)
        let width = TerminalEnvironment.size()?.columns ?? 80
        while line.displayWidth > width - 1, !line.isEmpty { line.removeLast() }
        Output.error("\r\u{1B}[2K" + line)
    }

    /// The line's words, each part put into the run's language by `words`.
    static func line(done: Int, total: Int, secondsLeft: Int?, running: [String], words: (String) -> String) -> String {
        var line = words("demo cells \(done)/\(total)")
        if let secondsLeft { line += " · " + words("about \(secondsLeft) s left") }
        // The running cells last: a narrow terminal cuts them, not the counts.
        if let first = running.first {
            line += " · " + words("running \(first)") + (running.count > 1 ? " (+\(running.count - 1))" : "")
        }
        return line
    }
}
