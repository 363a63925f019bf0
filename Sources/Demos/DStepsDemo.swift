/// `ganbook demo d-steps`: which of D and G to update more (open question 2).
/// A sweep over k D-steps per G-step, and the saturation experiment behind
/// "don't let D win outright with the original loss".
import ArgumentParser
import Dispatch
import GAN
import NeuralNet
import Report

package struct DStepsDemo: Demo {
    package static let name = "d-steps"
    package static let summary = "k D-steps per G-step: quality per step and per second; why a perfect D stalls the minimax G"
    package static let discussion = """
        The sweep trains the same GAN (non-saturating loss, 2×128 MLPs, batch 256, \
        Adam 1e-3) with k ∈ {1, 2, 5} D-steps per G-step (Goodfellow et al. 2014, \
        Algorithm 1) on --target (default ring) and on a 1-D target (--target-1d), \
        for --steps G-steps each. Quality is plotted against G-steps and against \
        wall-clock seconds: more D-steps may help per G-step and still lose per second. \
        The seconds are measured, so they (and only they) change from run to run.

        The saturation experiment holds a freshly initialised G fixed and trains \
        D towards optimality on the ring, whose support G's samples do not touch. \
        As D's accuracy rises, the norm of G's gradient under the minimax loss \
        log(1 − D(G(z))) goes to zero (Arjovsky & Bottou 2017, Theorem 2.4), while \
        under the non-saturating loss −log D(G(z)) it does not.
        """
    package static let version = 2
    package static let relativeCost = 3.0

    @Option(help: .demo("The 2-D target of the sweep: ring or grid (default: ring).", valueName: "target"), transform: planeTargetSpec)
    package var target = Spec(default: "ring", planeTarget)

    @Option(
        name: .customLong("target-1d"), help: .demo("The 1-D target of the sweep (default: 0.5*N(-2,0.5) + 0.5*N(2,0.5)).", valueName: "spec"),
        transform: lineTargetSpec)
    package var target1D = Spec(default: "0.5*N(-2,0.5) + 0.5*N(2,0.5)", lineTarget)

    @Option(help: .demo("G-steps per run of the sweep (50 to 50000).", valueName: "n"))
    package var steps: Int = 1500

    @Option(help: .demo("D-steps in the saturation experiment (10 to 10000).", valueName: "n"))
    package var saturationSteps: Int = 600

    @Option(help: .demo("Seed.", valueName: "n"))
    package var seed: UInt64 = 1

    package init() {}

    package mutating func validate() throws {
        guard (50...50_000).contains(steps) else { throw ValidationError("--steps must be between 50 and 50000, got \(steps)") }
        guard (10...10_000).contains(saturationSteps) else { throw ValidationError("--saturation-steps must be between 10 and 10000, got \(saturationSteps)") }
    }

    static let ks = [1, 2, 5]

    /// Which k did best on each target after the sweep (the learner's open
    /// question "which of D and G should be updated more often"): on the 2-D
    /// target the highest high-quality share, on the 1-D one the lowest W1.
    static func bestK(_ runs: [TrainingRun], into report: inout Report) {
        let twoD = runs.prefix(ks.count).map { $0.checkpoints.last!.coverage!.highQualityShare }
        let oneD = runs.suffix(ks.count).map { -$0.checkpoints.last!.wasserstein1! }
        let best2 = ks[twoD.indices.max { twoD[$0] < twoD[$1] }!], best1 = ks[oneD.indices.max { oneD[$0] < oneD[$1] }!]
        report.text("Per G-step, the best k here is \(best2) on the 2-D target and \(best1) on the 1-D target.")
        report.text(
            best1 == best2
                ? "The two targets agree in this run; other targets, losses and learning rates can disagree."
                : "The two targets disagree: the best k depends on the target, the loss and the learning rates, so there is no one right k. Choose it by a quality measure, never by the losses."
        )
    }

    package func report(progress: Progress) throws -> Report {
        let (twoD, oneD) = (target.value, target1D.value)
        var report = Report(title: "D-steps per G-step, and a D that wins")
        report.text(
            "Algorithm 1 of Goodfellow et al. (2014) takes k D-steps per G-step so that D stays near its optimum, where G's gradient follows the JS divergence; the paper used k = 1. WGAN takes 5 critic steps, because its critic must be near-optimal for its value to estimate W1. With the original minimax loss, though, a D that is too good starves G of gradient. Both sides are measured below."
        )

        let runs = sweep([twoD, oneD], progress: progress.part(0, 0.8))
        for (t, goal) in [twoD, oneD].enumerated() {
            Self.present(goal, runs: Array(runs[(t * Self.ks.count)..<((t + 1) * Self.ks.count)]), steps: steps, into: &report)
        }
        Self.bestK(runs, into: &report)
        saturation(twoD, progress: progress, into: &report)

        return report
    }

    /// The sweep: each k on each target, every training on its own core, the longest first.
    func sweep(_ targets: [Target], progress: Progress) -> [TrainingRun] {
        var jobs: [GANConfiguration] = []
        for goal in targets {
            for k in Self.ks {
                var c = GANConfiguration(target: goal)
                c.dSteps = k
                c.seed = seed
                jobs.append(c)
            }
        }
        let configurations = jobs, steps = self.steps
        // k = 5 first: the longest runs start first.
        let order = jobs.indices.sorted { (-jobs[$0].dSteps, $0) < (-jobs[$1].dSteps, $1) }
        return ConcurrentJobs.run(
            jobs.count, order: order,
            finished: { done in
                progress(Double(done) / Double(configurations.count), "training \(configurations.count) GANs")
            }
        ) { index in
            var run = TrainingRun(configurations[index])
            run.evaluationSamples = 1000
            run.train(steps: steps, evaluations: 15)
            return run
        }
    }

    /// One target's runs: quality against steps and against time, and the final table.
    static func present(_ goal: Target, runs: [TrainingRun], steps: Int, into report: inout Report) {
        let mine = runs
        let quality: (Checkpoint) -> Double =
            goal.dimension == 2
            ? { $0.coverage!.highQualityShare * 100 } : { $0.wasserstein1! }
        let yLabel = goal.dimension == 2 ? "high-quality %" : "W1 to the target"
        let series = { (x: (Checkpoint) -> Double) in
            zip(Self.ks, mine).map { k, run in
                Plot.Series(name: "k = \(k)", x: run.checkpoints.map(x), y: run.checkpoints.map(quality))
            }
        }
        report.plot(
            Plot(
                title: "\(goal.name): quality against G-steps", xLabel: "G-steps", yLabel: yLabel,
                series: series { Double($0.step) }))
        report.plot(
            Plot(
                title: "\(goal.name): quality against training time", xLabel: "seconds", yLabel: yLabel,
                series: series { $0.seconds }))
        report.table(
            Table(
                title: "\(goal.name), after \(steps) G-steps",
                columns: ["k", goal.dimension == 2 ? "modes" : "W1", goal.dimension == 2 ? "high quality %" : "JSD (histograms)", "seconds"],
                rows: zip(Self.ks, mine).map { k, run in
                    let last = run.checkpoints.last!
                    return goal.dimension == 2
                        ? [.integer(k), .integer(last.coverage!.modesCaptured), .fixed(last.coverage!.highQualityShare * 100, 1), .fixed(last.seconds, 1)]
                        : [.integer(k), .fixed(last.wasserstein1!, 3), .fixed(last.jsdEstimate!, 3), .fixed(last.seconds, 1)]
                }))
    }

    /// The saturation experiment: G fixed at its random start, D trained alone,
    /// G's gradient norm under both losses as D's accuracy rises.
    func saturation(_ twoD: Target, progress: Progress, into report: inout Report) {
        var c = GANConfiguration(target: twoD)
        c.seed = seed
        var trainer = GANTrainer(c)
        var accuracy: [Double] = [], minimax: [Double] = [], nonSaturating: [Double] = [], dSteps: [Double] = []
        let checkpoints = 30
        for stage in 0...checkpoints {
            if stage > 0 { for _ in 0..<(saturationSteps / checkpoints) { trainer.trainDiscriminatorOnly() } }
            accuracy.append(trainer.discriminatorAccuracy())
            minimax.append(trainer.generatorGradientNorm(.minimax))
            nonSaturating.append(trainer.generatorGradientNorm(.nonsaturating))
            dSteps.append(Double(stage * (saturationSteps / checkpoints)))
            progress(0.8 + 0.2 * Double(stage) / Double(checkpoints), "training D against a fixed G")
        }
        report.text("The saturation experiment: G is fixed at its random start, so its samples sit near the centre, away from every mode; D trains alone.")
        report.plot(
            Plot(
                title: "‖∇G‖ as D improves (G fixed)", xLabel: "D-steps", yLabel: "‖∇_θG L_G‖",
                series: [
                    Plot.Series(name: "minimax log(1 − D(G(z)))", x: dSteps, y: minimax),
                    Plot.Series(name: "non-saturating −log D(G(z))", x: dSteps, y: nonSaturating),
                ]))
        report.table(
            Table(
                title: "G's gradient norm against D's accuracy", columns: ["D-steps", "D accuracy", "‖∇G‖ minimax", "‖∇G‖ non-saturating"],
                rows: stride(from: 0, through: checkpoints, by: 5).map {
                    [.integer(Int(dSteps[$0])), .fixed(accuracy[$0], 3), .number(minimax[$0], .scientific(2)), .number(nonSaturating[$0], .scientific(2))]
                }))
        report.figures([
            Figure("minimax ‖∇G‖, start → end", .change(from: minimax.first!, to: minimax.last!, .significant(3))),
            Figure("minimax ‖∇G‖ falls by a factor", .significant(minimax.first! / max(minimax.last!, 1e-300), 3)),
            Figure("non-saturating ‖∇G‖, start → end", .change(from: nonSaturating.first!, to: nonSaturating.last!, .significant(3))),
            Figure("D accuracy, start → end", .change(from: accuracy.first!, to: accuracy.last!, .fixed(3))),
        ])
        report.text(
            "So: update D enough to keep it informative (k ≥ 1; 5 for a WGAN critic, whose value needs a near-optimal critic), but with the minimax loss never let it win outright — or use the non-saturating loss, or give D and G their own learning rates (TTUR, Heusel et al. 2017) instead of more steps."
        )
    }
}
