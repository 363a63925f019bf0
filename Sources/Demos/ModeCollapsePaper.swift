/// `demo mode-collapse --paper NAME`'s report: the rows of a published table
/// that ganbook implements, trained with the paper's set-up on ganbook's
/// trainer and measured with ganbook's metrics, beside the paper's numbers;
/// every seed; the set-up with the source of each value.
import Distributions
import GAN
import Report

extension ModeCollapseDemo {
    /// The stderr line before a `--paper` run: it is slow, and about how slow.
    var paperNotice: String? {
        guard let paper else { return nil }
        let setup = paper.setup
        let minutes = max(1, Int((setup.estimatedSeconds(steps: steps, seeds: seeds, cores: 2) / 60).rounded()))
        let runs = setup.targets.count * setup.methods.count * seeds
        return "--paper \(paper.rawValue) trains \(runs) GANs for \(steps) steps each: slow, about \(minutes) min on 2 cores."
    }

    func paperReport(_ setup: PaperSetup, progress: Progress) -> Report {
        var runs = CollapseRuns(target: setup.targets[0], steps: steps, unroll: setup.unroll, snapshots: 1)
        runs.paper = setup
        let jobs = setup.targets.flatMap { goal in
            setup.methods.flatMap { m in seedList.map { CollapseRuns.Job(method: m, seed: $0, keep: $0 == seed, target: goal) } }
        }
        let outcomes = runs.run(jobs, progress: progress, label: "training \(jobs.count) GANs")
        var report = Report(title: "\(setup.table), reproduced: \(steps) steps, \(seedWords)")
        report.text(
            "The rows of \(setup.table) that ganbook implements, trained with the paper's set-up on ganbook's trainer and measured with ganbook's metrics, beside the paper's numbers."
        )
        if steps != setup.steps {
            report.text("A shortened run: \(steps) steps, not the set-up's \(setup.steps). Its numbers say nothing about the paper's.")
        }
        report.table(Self.paperTable(setup, outcomes: outcomes, seeds: seedList))
        report.table(Self.paperSeedTable(setup, outcomes: outcomes))
        report.table(Self.setupTable(setup))
        report.text(
            "* Not in the VEEGAN text we could read (§5.1, Table 1, the authors' code): Metz et al. 2017's, the Unrolled GAN's authors, whose reference implementation VEEGAN names for K. Appendix A's values as locuslab/gradient_regularized_gan reimplements it; the batch and the 25,000 steps as their notebook (poolio/unrolled_gan) has them."
        )
        for goal in setup.targets {
            for outcome in outcomes where outcome.trainer != nil && outcome.target == goal { Self.scatter(outcome, goal: goal, into: &report) }
        }
        for goal in setup.targets {
            for method in setup.methods { Self.compare(setup, method: method, goal: goal, outcomes: outcomes, into: &report) }
        }
        report.text(
            "Five runs are few: a mean over five seeds can move by a mode or more from one set of seeds to the next, in the paper's runs as in ours."
        )
        return report
    }

    /// The short name of a 2-D target in the paper's tables.
    static func shortName(_ goal: Target) -> String { goal == .grid ? "grid" : "ring" }

    /// Our mean ± sd beside the paper's number, per target and method.
    static func paperTable(_ setup: PaperSetup, outcomes: [CollapseRuns.Outcome], seeds: [UInt64]) -> Table {
        let over = seeds.count == 1 ? "seed \(seeds[0])" : "seeds \(seeds[0])…\(seeds[seeds.count - 1])"
        var rows: [[Value]] = []
        for goal in setup.targets {
            for method in setup.methods {
                let c = outcomes.filter { $0.target == goal && $0.method == method }.map(\.coverage)
                let paper = setup.published(method, on: goal)
                rows.append([
                    .text(shortName(goal)), .text(method.title),
                    .estimate(Estimate(of: c.map { Double($0.modesCaptured) }), 1), paper.map { .fixed($0.modes, 1) } ?? .missing,
                    .integers(c.map(\.modesCaptured)),
                    .estimate(Estimate(of: c.map { $0.highQualityShare * 100 }), 1),
                    paper.map { .fixed($0.highQualityPercent, 1) } ?? .missing,
                ])
            }
        }
        return Table(
            title: "Ours (mean ± sd over \(over)) beside \(setup.table)",
            columns: ["target", "method", "modes: ours", "modes: paper", "modes per seed", "high quality (%): ours", "high quality (%): paper"],
            rows: rows)
    }

    /// Every seed's numbers, per target and method.
    static func paperSeedTable(_ setup: PaperSetup, outcomes: [CollapseRuns.Outcome]) -> Table {
        var rows: [[Value]] = []
        for goal in setup.targets {
            for method in setup.methods {
                for o in outcomes where o.target == goal && o.method == method {
                    rows.append([
                        .text(shortName(goal)), .text(method.title), .integer(Int(o.seed)), .integer(o.coverage.modesCaptured),
                        .fixed(o.coverage.highQualityShare * 100, 1), .fixed(o.coverage.reverseKL, 3),
                    ])
                }
            }
        }
        return Table(
            title: "Every seed", columns: ["target", "method", "seed", "modes captured", "high quality (%)", "reverse KL (nats)"], rows: rows)
    }

    static func setupTable(_ setup: PaperSetup) -> Table {
        Table(
            title: "The set-up, and where each value comes from", columns: ["setting", "value", "source"],
            rows: setup.settings.map { [.text($0.name), .text($0.value), .text($0.source)] })
    }

    /// Whether the paper's modes and high-quality share lie within our seeds' range.
    static func compare(_ setup: PaperSetup, method: CollapseMethod, goal: Target, outcomes: [CollapseRuns.Outcome], into report: inout Report) {
        let c = outcomes.filter { $0.target == goal && $0.method == method }.map(\.coverage)
        guard let paper = setup.published(method, on: goal), let fewest = c.map(\.modesCaptured).min(),
            let most = c.map(\.modesCaptured).max()
        else { return }
        let shares = c.map { $0.highQualityShare * 100 }
        let low = shares.min() ?? 0, high = shares.max() ?? 0
        let modesInside = Double(fewest) <= paper.modes && paper.modes <= Double(most)
        let shareInside = low <= paper.highQualityPercent && paper.highQualityPercent <= high
        let place = "On the \(shortName(goal)), \(method.title)"
        report.text(
            "\(place): the paper's \(format(paper.modes, 1)) modes lie \(modesInside ? "inside" : "outside") our seeds' range, \(fewest) to \(most)."
        )
        report.text(
            "\(place): the paper's \(format(paper.highQualityPercent, 1))% high-quality samples lie \(shareInside ? "inside" : "outside") our seeds' range, \(format(low, 1))% to \(format(high, 1))%."
        )
    }
}
