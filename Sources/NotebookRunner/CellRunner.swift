/// Running a notebook's demo cells: one pipeline for `read --run`, `export`,
/// `check` and `ganbook demo`.
///
/// NotebookRunner owns everything between a note on disk and a presented
/// output: parsing a cell's words into a demo (through `DemoRegistry.parse`,
/// never the command line's root command), running the cells that are not
/// cached, concurrently and longest first, the cache itself (`CellCache`),
/// the notebook checker, and the site export. Every output is joined to its
/// cell by the cell's source line, so a malformed cell keeps its place and no
/// later output moves under the wrong command. It presents through the
/// Terminal and HTML renderers and never formats a number itself.
import Demos
import Notebook
import Report
import Terminal

/// What a cell shows under its command.
public enum CellOutput: Sendable, Equatable {
    case report(Report)
    /// The cell's words do not make a demo, or the demo failed: one line.
    case failed(String)
    /// Not cached, and running was not asked for (`export --no-run`).
    case notRun
}

public struct CellRunner: Sendable {
    public var cache: CellCache
    /// Run every cell again, ignoring (and replacing) cached outputs.
    public var refresh: Bool
    /// Puts the progress line's words into the run's language.
    public var words: @Sendable (String) -> String = { $0 }

    public init(cache: CellCache, refresh: Bool = false) {
        self.cache = cache
        self.refresh = refresh
    }

    /// The cell's output: cached data, or (when `run`) a fresh run, then cached.
    public func output(for cell: DemoCell, run: Bool = true, progress: Progress = .silent) -> CellOutput {
        if let problem = cell.problem { return .failed(problem) }
        let demo: any Demo
        do {
            demo = try DemoRegistry.parse(cell.words)
        } catch {
            return .failed(error.description)
        }
        if !refresh, let cached = cache.report(cell.words) { return .report(cached) }
        guard run else { return .notRun }
        do {
            let report = try demo.report(progress: progress)
            cache.store(report, cell.words)
            return .report(report)
        } catch {
            return .failed(Self.firstLine(of: error))
        }
    }

    /// The output of each of `cells`, in their order: the missing ones run
    /// first, all at once (when `run`).
    public func outputs(for cells: [DemoCell], run: Bool = true) -> [CellOutput] {
        if run { runMissing(cells) }
        return cells.map { output(for: $0, run: run) }
    }

    /// Runs every cell of `cells` that is not cached (or all, with `refresh`)
    /// and caches its report: on every core at once, the longest demos first.
    /// A demo that is itself parallel shares the cores with the others; each
    /// result depends only on its cell's words. On a TTY, stderr shows the
    /// cells done of the total, the ones running and an estimate of the time left.
    public func runMissing(_ cells: [DemoCell]) {
        var seen = Set<[String]>()
        let missing = cells.filter { cell in
            guard cell.problem == nil, (try? DemoRegistry.parse(cell.words)) != nil, seen.insert(cell.words).inserted else { return false }
            return refresh || cache.report(cell.words) == nil
        }
        guard !missing.isEmpty else { return }
        let cost = missing.map { DemoRegistry.demo(named: $0.name)?.relativeCost ?? 1 }
        let order = missing.indices.sorted { (-cost[$0], $0) < (-cost[$1], $1) }
        let status = CellRunStatus(total: missing.count, totalCost: cost.reduce(0, +), words: words)
        let fresh = CellRunner(cache: cache, refresh: true)
        _ = ConcurrentJobs.run(missing.count, order: order) { index in
            status.started(missing[index].source)
            _ = fresh.output(for: missing[index])
            status.finished(missing[index].source, cost: cost[index])
        }
        status.clear()
    }

    static func firstLine(of error: any Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "failed"
    }
}
