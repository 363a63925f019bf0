/// `ganbook demo mode-collapse`: the vanilla GAN against the seven remedies
/// of the learner's notes (and PacGAN), each faithful to its paper, on the
/// same networks and budget, every seed reported.
import ArgumentParser
import Distributions
import GAN
import NeuralNet
import Report

package struct ModeCollapseDemo: Demo {
    package static let name = "mode-collapse"
    package static let summary = "the vanilla GAN against seven remedies for mode collapse, on the ring or the grid: modes captured"
    package static let discussion = """
        Trains the vanilla GAN and each remedy with the same networks and budget \
        (Metz et al. 2017's 2-D networks: G with 2 hidden layers of 128 ReLU units, \
        D dividing its input by 4 and then 1 hidden layer of 128 ReLU units, \
        orthogonal initial weights with gain 0.8; z ∼ N(0, I₂), batch 128, Adam \
        with learning rate 1e-3 and β₁ = 0.5, the non-saturating G loss, one D \
        step per G step, 2,000 steps). Each remedy keeps its own paper's \
        hyperparameters:
        - PacGAN2: D sees two samples at once (Lin et al. 2018);
        - minibatch discrimination: a layer comparing the samples of a batch, \
        5 kernels of dimension 5 (Salimans et al. 2016, §3.2);
        - Unrolled GAN: G's loss after --unroll Adam steps of D, differentiated \
        through them (Metz et al. 2017, §2);
        - DRAGAN: λ(‖∇D(x̂)‖ − 1)², λ = 10, at perturbed real points (Kodali et al. 2017);
        - EBGAN: an autoencoder D, margin 1, pulling-away weight 0.1 (Zhao et al. 2017);
        - MAD-GAN: 4 generators and a 5-way D (Ghosh et al. 2018); the \
        generators share all layers but the last, as in the authors' toy \
        code;
        - MRGAN: an encoder, λ₁ = 0.2 and λ₂ = 0.4 (Che et al. 2017).

        Metrics on 2,500 samples: a sample is high quality within 3σ of its \
        nearest mode; a mode is captured if it is the nearest mode of at least \
        one high-quality sample (VEEGAN, Srivastava et al. 2017); reverse KL is \
        KL(p̂ ‖ uniform) over the share of samples nearest to each mode (PacGAN, \
        Lin et al. 2018, Table 1). Every seed is reported (--seed, --seed+1, …).

        --method NAME compares one remedy with the vanilla GAN: snapshots of G's \
        samples during training, and a number that shows the remedy's mechanism.

        --paper veegan runs the set-up of VEEGAN's Table 1 instead (Srivastava \
        et al. 2017, §5.1): the vanilla GAN and the Unrolled GAN (K = 5) on the \
        ring and the grid, 25,000 steps, seeds --seed to --seed+4, with the \
        paper's numbers beside ours. What VEEGAN leaves unstated is Metz et al. \
        2017's, and the report names the source of every value. Slow: about an \
        hour on 2 cores.
        """
    package static let version = 4
    package static let relativeCost = 12.0

    @Option(help: .demo("ring or grid (default: ring).", valueName: "target"), transform: planeTargetSpec)
    package var target = Spec(default: "ring", planeTarget)

    @Option(help: .demo("One remedy against the vanilla GAN: pacgan, minibatch, unrolled, dragan, ebgan, mad-gan or mrgan.", valueName: "name"))
    package var method: CollapseMethod?

    @Option(
        name: .customLong("steps"),
        help: .demo("Training steps for every method (10 to 100000; default 2000, or the set-up's with --paper).", valueName: "n"))
    package var stepsOption: Int?

    @Option(help: .demo("Seeds per method (1 to 20).", valueName: "n"))
    package var seeds: Int = 5

    @Option(help: .demo("The first seed.", valueName: "n"))
    package var seed: UInt64 = 1

    @Option(help: .demo("Unrolling steps K of the Unrolled GAN (1 to 20).", valueName: "k"))
    package var unroll: Int = 5

    @Option(
        help: .demo(
            "Run a published table's own set-up instead: veegan (VEEGAN's Table 1: the vanilla GAN and the Unrolled GAN on the ring and the grid, 25,000 steps, 5 seeds; its numbers beside ours). Slow: about an hour on 2 cores.",
            valueName: "paper"))
    package var paper: ReproducedPaper?

    package init() {}

    package mutating func validate() throws {
        if let stepsOption, !(10...100_000).contains(stepsOption) {
            throw ValidationError("--steps must be between 10 and 100000, got \(stepsOption)")
        }
        guard (1...20).contains(seeds) else { throw ValidationError("--seeds must be between 1 and 20, got \(seeds)") }
        guard (1...20).contains(unroll) else { throw ValidationError("--unroll must be between 1 and 20, got \(unroll)") }
        if method == .vanilla { throw ValidationError("--method names a remedy; the vanilla GAN is always shown beside it") }
        if let paper, method != nil { throw ValidationError("--paper \(paper.rawValue) runs the paper's own methods; leave out --method") }
        if let paper, unroll != paper.setup.unroll {
            throw ValidationError("--paper \(paper.rawValue) unrolls K = \(paper.setup.unroll) steps, as the paper does; leave out --unroll")
        }
        if let paper, target.text != "ring" {
            throw ValidationError("--paper \(paper.rawValue) runs the ring and the grid, as the paper's table does; leave out --target")
        }
    }

    /// Training steps: --steps, else the paper's, else the shared setting's.
    var steps: Int { stepsOption ?? paper?.setup.steps ?? CollapseSetting.steps }

    package var notice: String? { paperNotice }

    /// The seeds, in order.
    var seedList: [UInt64] { (0..<seeds).map { seed &+ UInt64($0) } }

    /// "5 seeds", or "seed 1" for one.
    var seedWords: String { seeds == 1 ? "seed \(seed)" : "\(seeds) seeds" }

    package func report(progress: Progress) throws -> Report {
        if let paper { return paperReport(paper.setup, progress: progress) }
        let goal = target.value
        let runs = CollapseRuns(target: goal, steps: steps, unroll: unroll, snapshots: method == nil ? 1 : 4)
        let methods = method.map { [.vanilla, $0] } ?? CollapseMethod.allCases
        var jobs = methods.flatMap { m in seedList.map { CollapseRuns.Job(method: m, seed: $0, keep: $0 == seed) } }
        if method == .unrolled { jobs += seedList.map { CollapseRuns.Job(method: .unrolled, firstOrder: true, seed: $0, keep: false) } }
        let outcomes = runs.run(jobs, progress: progress, label: "training \(jobs.count) GANs")
        var report = Report(
            title: method.map { "\($0.title) against the vanilla GAN on the \(goal.name): \(steps) steps, \(seedWords)" }
                ?? "Mode collapse on the \(goal.name): \(steps) steps, \(seedWords)\(seeds == 1 ? "" : " per method")")
        report.text(
            "Every method trains the same G and D for the same number of steps, in a setting where the vanilla GAN collapses on most seeds. A collapsed G puts its samples on a few modes and leaves the rest empty; a remedy should bring the empty modes back without blurring the samples."
        )
        let rows = Self.rows(outcomes)
        report.table(summaryTable(rows, goal: goal))
        report.table(seedTable(outcomes))
        report.table(Self.published(goal))
        if let method {
            report.text(CollapseMechanism.explanation(method))
            CollapseMechanism.add(method, outcomes: outcomes, to: &report)
            for outcome in outcomes where outcome.trainer != nil { Self.snapshots(outcome, goal: goal, into: &report) }
        } else {
            for outcome in outcomes where outcome.trainer != nil { Self.scatter(outcome, goal: goal, into: &report) }
        }
        Self.conclusions(rows, into: &report)
        return report
    }

    /// Per method (and the first-order Unrolled GAN), its outcomes in seed order.
    static func rows(_ outcomes: [CollapseRuns.Outcome]) -> [(String, [CollapseRuns.Outcome])] {
        var rows: [(String, [CollapseRuns.Outcome])] = []
        for outcome in outcomes {
            let name = outcome.firstOrder ? "Unrolled GAN, first-order" : outcome.method.title
            if let i = rows.firstIndex(where: { $0.0 == name }) { rows[i].1.append(outcome) } else { rows.append((name, [outcome])) }
        }
        return rows
    }

    func summaryTable(_ rows: [(String, [CollapseRuns.Outcome])], goal: Target) -> Table {
        Table(
            title: seeds == 1 ? "Ours (seed \(seed))" : "Ours (mean ± sd over seeds \(seed)…\(seed &+ UInt64(seeds - 1)))",
            columns: ["method", "modes captured (of \(goal.modes.count))", "per seed", "high quality (%)", "reverse KL (nats)"],
            rows: rows.map { name, outcomes in
                let c = outcomes.map(\.coverage)
                return [
                    .text(name), .estimate(Estimate(of: c.map { Double($0.modesCaptured) }), 1), .integers(c.map(\.modesCaptured)),
                    .estimate(Estimate(of: c.map { $0.highQualityShare * 100 }), 1), .estimate(Estimate(of: c.map(\.reverseKL)), 3),
                ]
            })
    }

    func seedTable(_ outcomes: [CollapseRuns.Outcome]) -> Table {
        Table(
            title: "Every seed", columns: ["method", "seed", "modes captured", "high quality (%)", "reverse KL (nats)"],
            rows: Self.rows(outcomes).flatMap { name, outcomes in
                outcomes.map { o in
                    [
                        .text(name), .integer(Int(o.seed)), .integer(o.coverage.modesCaptured),
                        .fixed(o.coverage.highQualityShare * 100, 1), .fixed(o.coverage.reverseKL, 3),
                    ]
                }
            })
    }
}
