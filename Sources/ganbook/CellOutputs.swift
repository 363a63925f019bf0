/// The outputs of a note's demo cells for `read --run` (and the export):
/// each cell's report, from the cache when it is there, otherwise by running
/// the demo, parsed by the same parser as `ganbook demo`.
import ArgumentParser
import Demos
import Notebook
import Report
import Terminal

/// What a demo runner can do for a cell: produce its report.
protocol ReportingCommand {
    func makeReport(progress: Progress) throws -> Report
}

extension DemoRunner: ReportingCommand {
    func makeReport(progress: Progress) throws -> Report { try demo.report(progress: progress) }
}

struct CellOutputs {
    var cache: DemoCache
    var refresh: Bool

    enum Outcome {
        case report(Report)
        case failure(String)
    }

    /// The cell's report: cached data, or (when `run`) a fresh run, then cached;
    /// nil when it is not cached and may not be run.
    func report(for cell: DemoCell, progress: Progress, run: Bool = true) -> Outcome? {
        guard let version = DemoCache.version(of: cell.words) else {
            return .failure("no demo '\(cell.name)'; the demos are " + DemoRegistry.all.map { $0.name }.joined(separator: ", "))
        }
        if !refresh, let cached = cache.report(cell.words, version: version) { return .report(cached) }
        guard run else { return nil }
        do {
            let command = try DemoCommand.parseCell(cell.words)
            guard let runner = command as? ReportingCommand else { return .failure("'\(cell.name)' is not a demo") }
            let report = try runner.makeReport(progress: progress)
            cache.store(report, cell.words, version: version)
            return .report(report)
        } catch {
            return .failure(Ganbook.message(for: error).split(separator: "\n").first.map(String.init) ?? "failed")
        }
    }

    /// Runs every cell of `cells` that is not cached (or all, with `refresh`)
    /// and caches its report: on every core at once, the longest demos first.
    /// A demo that is itself parallel shares the cores with the others; each
    /// result depends only on its cell's words. On a TTY, stderr shows the
    /// cells done of the total, the ones running and an estimate of the time left.
    func runMissing(_ cells: [DemoCell]) {
        var seen = Set<[String]>()
        let missing = cells.filter { cell in
            guard let version = DemoCache.version(of: cell.words), seen.insert(cell.words).inserted else { return false }
            return refresh || cache.report(cell.words, version: version) == nil
        }
        guard !missing.isEmpty else { return }
        let cost = missing.map { DemoRegistry.demo(named: $0.name)?.relativeCost ?? 1 }
        let order = missing.indices.sorted { (-cost[$0], $0) < (-cost[$1], $1) }
        let status = CellRunStatus(total: missing.count, totalCost: cost.reduce(0, +))
        _ = ConcurrentJobs.run(missing.count, order: order) { index in
            status.started(missing[index].source)
            _ = report(for: missing[index], progress: .silent)
            status.finished(missing[index].source, cost: cost[index])
        }
        status.clear()
    }

    /// Terminal lines for every demo cell of `note`, keyed by the cell's line.
    func terminalLines(for note: Note, sheet: StyleSheet, width: Int) -> [Int: [String]] {
        var out: [Int: [String]] = [:]
        if !note.demoCells.isEmpty { runMissing(note.demoCells.filter { cell in
            guard let version = DemoCache.version(of: cell.words) else { return false }
            return refresh || cache.text(cell.words, version: version, width: width, color: sheet.color) == nil
        }) }
        let inner = max(width - 2, 20)
        let gutter = sheet.paint(sheet.cellGutter, sheet.frame)
        let progress = ProgressBar.onStandardError()
        for (index, cell) in note.demoCells.enumerated() {
            guard let version = DemoCache.version(of: cell.words) else {
                out[cell.line] = [sheet.paint(sheet.failureMark + "no demo '\(cell.name)'", sheet.failureStyle)]
                continue
            }
            if !refresh, let text = cache.text(cell.words, version: version, width: width, color: sheet.color) {
                out[cell.line] = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
                continue
            }
            let label = "running demo cell \(index + 1)/\(note.demoCells.count): \(cell.name)"
            progress(Double(index) / Double(note.demoCells.count), label)
            switch report(for: cell, progress: progress.part(Double(index) / Double(note.demoCells.count), Double(index + 1) / Double(note.demoCells.count)))! {
            case .report(let report):
                let lines = ReportRenderer(sheet: sheet, width: inner).renderLines(report).map { $0.isEmpty ? String(gutter.trimmingTrailingSpaces) : gutter + $0 }
                cache.store(text: lines.map { $0 + "\n" }.joined(), cell.words, version: version, width: width, color: sheet.color)
                out[cell.line] = lines
            case .failure(let message):
                out[cell.line] = [gutter + sheet.paint(sheet.failureMark + "this cell failed: " + message, sheet.failureStyle)]
            }
        }
        ProgressBar.clear()
        return out
    }
}

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

    func started(_ cell: String) { lock.locked { running.append(cell); draw() } }

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
