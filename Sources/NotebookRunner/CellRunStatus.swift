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

    init(total: Int, totalCost: Double) { self.total = total; self.totalCost = totalCost }

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
        var line = "demo cells \(done)/\(total)"
        let since = ContinuousClock.now - start
        let elapsed = Double(since.components.seconds) + Double(since.components.attoseconds) * 1e-18
        if doneCost > 0, doneCost < totalCost {
            line += " · about \(Int((elapsed / doneCost * (totalCost - doneCost)).rounded())) s left"
        }
        // The running cells last: a narrow terminal cuts them, not the counts.
        if let first = running.first { line += " · running " + first + (running.count > 1 ? " (+\(running.count - 1))" : "") }
        let width = TerminalEnvironment.size()?.columns ?? 80
        while line.displayWidth > width - 1, !line.isEmpty { line.removeLast() }
        Output.error("\r\u{1B}[2K" + line)
    }
}
