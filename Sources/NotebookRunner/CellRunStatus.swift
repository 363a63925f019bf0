/// The progress line of a batch of cells on stderr.
import Demos
import Terminal

/// What `runMissing` shows on stderr: `demo cells 3/22 · about 40 s left ·
/// running mode-collapse --target grid …`, redrawn in place, only on a TTY. The
/// time left is the elapsed time scaled by the demos' relative costs.
final class CellRunStatus: @unchecked Sendable {
    private let lock = NSLockLike()
    private let total: Int, totalCost: Double
    private var done = 0, doneCost = 0.0
    private var running: [String] = []
    private let start = ContinuousClock.now
    private let enabled = TerminalEnvironment.stderrIsTTY
    private let words: @Sendable (String) -> String

    init(total: Int, totalCost: Double, words: @escaping @Sendable (String) -> String = { $0 }) {
        self.total = total
        self.totalCost = totalCost
        self.words = words
    }

    func started(_ cell: String) {
        lock.locked {
            running.append(cell); draw()
        }
    }

    func finished(_ cell: String, cost: Double) {
        lock.locked {
            if let i = running.firstIndex(of: cell) { running.remove(at: i) }
            done += 1
            doneCost += cost
            draw()
        }
    }

    func clear() { if enabled { Output.error("\r\u{1B}[2K") } }

    private func draw() {
        guard enabled else { return }
        let since = ContinuousClock.now - start
        let elapsed = Double(since.components.seconds) + Double(since.components.attoseconds) * 1e-18
        let secondsLeft = doneCost > 0 && doneCost < totalCost ? Int((elapsed / doneCost * (totalCost - doneCost)).rounded()) : nil
        var line = Self.line(done: done, total: total, secondsLeft: secondsLeft, running: running, words: words)
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
