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

    /// Terminal lines for every demo cell of `note`, keyed by the cell's line.
    func terminalLines(for note: Note, sheet: StyleSheet, width: Int) -> [Int: [String]] {
        var out: [Int: [String]] = [:]
        let inner = max(width - 2, 20)
        let gutter = sheet.paint("┃ ", sheet.frame)
        let progress = ProgressBar.onStandardError()
        for (index, cell) in note.demoCells.enumerated() {
            guard let version = DemoCache.version(of: cell.words) else {
                out[cell.line] = [sheet.paint("✗ no demo '\(cell.name)'", TextStyle(bold: true, foreground: 31))]
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
                out[cell.line] = [gutter + sheet.paint("✗ this cell failed: " + message, TextStyle(bold: true, foreground: 31))]
            }
        }
        ProgressBar.clear()
        return out
    }
}
