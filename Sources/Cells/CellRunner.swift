/// Running a notebook's demo cells: one pipeline for `read --run`, `export`,
/// `check` and `ganbook demo`.
///
/// Cells owns what lies between a note's cells and their outputs as data:
/// parsing a cell's words into a demo (through `DemoRegistry.parse`, never
/// the command line's root command), running the cells that are not cached,
/// concurrently and longest first, the cache itself (`CellCache`), and the
/// notebook checker. Every output is joined to its cell by the cell's source
/// line, so a malformed cell keeps its place and no later output moves under
/// the wrong command. It never presents anything: the terminal and HTML
/// renderers do, and a `CellRunObserver` shows the progress.
import Demos
import Notebook
import Report

/// What a cell shows under its command.
package enum CellOutput: Sendable, Equatable {
    case report(Report)
    /// The cell's words do not make a demo, or the demo failed: one line.
    case failed(String)
    /// Not cached, and running was not asked for (`export --no-run`).
    case notRun
}

/// Told, from the worker threads, how a batch of cells advances (the
/// terminal's progress line is one).
package protocol CellRunObserver: Sendable {
    /// A batch of `count` cells of total relative cost `cost` starts.
    func begin(count: Int, cost: Double)
    func started(_ cell: DemoCell)
    func finished(_ cell: DemoCell, cost: Double)
    /// The batch is done.
    func end()
}

package struct CellRunner: Sendable {
    package var cache: CellCache
    /// Run every cell again, ignoring (and replacing) cached outputs.
    package var refresh: Bool
    /// Shown each batch's progress (nil: nobody watches).
    package var observer: (any CellRunObserver)?

    package init(cache: CellCache, refresh: Bool = false, observer: (any CellRunObserver)? = nil) {
        self.cache = cache
        self.refresh = refresh
        self.observer = observer
    }

    /// The cell's output: cached data, or (when `run`) a fresh run, then cached.
    package func output(for cell: DemoCell, run: Bool = true, progress: Progress = .silent) -> CellOutput {
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
    package func outputs(for cells: [DemoCell], run: Bool = true) -> [CellOutput] {
        if run { runMissing(cells) }
        return cells.map { output(for: $0, run: run) }
    }

    /// Runs every cell of `cells` that is not cached (or all, with `refresh`)
    /// and caches its report: on every core at once, the longest demos first.
    /// A demo that is itself parallel shares the cores with the others; each
    /// result depends only on its cell's words. The observer is told of each
    /// cell as it starts and ends.
    package func runMissing(_ cells: [DemoCell]) {
        var seen = Set<[String]>()
        let missing = cells.filter { cell in
            guard cell.problem == nil, (try? DemoRegistry.parse(cell.words)) != nil, seen.insert(cell.words).inserted else { return false }
            return refresh || cache.report(cell.words) == nil
        }
        guard !missing.isEmpty else { return }
        let cost = missing.map { DemoRegistry.demo(named: $0.name)?.relativeCost ?? 1 }
        let order = missing.indices.sorted { (-cost[$0], $0) < (-cost[$1], $1) }
        observer?.begin(count: missing.count, cost: cost.reduce(0, +))
        let fresh = CellRunner(cache: cache, refresh: true)
        _ = ConcurrentJobs.run(missing.count, order: order) { [observer] index in
            observer?.started(missing[index])
            _ = fresh.output(for: missing[index])
            observer?.finished(missing[index], cost: cost[index])
        }
        observer?.end()
    }

    static func firstLine(of error: any Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "failed"
    }
}
