/// `ganbook demo train`: trains a small GAN on toy data and shows why its
/// losses say little while a true distance to the target falls.
import ArgumentParser
import GAN
import NeuralNet
import Distributions
import Report

package struct TrainDemo: Demo {
    package static let name = "train"
    package static let summary = "train a toy GAN: its losses say little while the true distance to the data falls"
    package static let discussion = """
        Trains G and D (MLPs, --layers × --hidden, ReLU in G, LeakyReLU(0.2) in D) \
        with the alternating minibatch loop of Goodfellow et al. 2014, Algorithm 1: \
        --d-steps updates of D, then one of G, per step.

        --target is ring (8 Gaussians on a circle of radius 2, σ = 0.02), grid \
        (25 Gaussians at {−4,…,4}², σ = 0.05) or any 1-D spec such as \
        "0.5*N(-2,0.5) + 0.5*N(2,0.5)".

        --loss minimax (G minimises log(1 − D(G(z)))), nonsaturating (G minimises \
        −log D(G(z))) or wgan (a critic with weights clipped to ±0.01, RMSProp, \
        n_critic = 5 D-steps per G-step unless --d-steps says otherwise; \
        Arjovsky, Chintala & Bottou 2017, Algorithm 1) or wgan-gp (no clipping; a \
        gradient penalty 10·(‖∇f(x̂)‖ − 1)² at points between real and fake \
        samples, Adam 1e-4 with β₁ = 0 and β₂ = 0.9; Gulrajani et al. 2017). The \
        penalty's double gradient is computed exactly (it is checked against \
        finite differences), but here WGAN-GP learns slowly: on the two-peaked \
        1-D target its critic stays close to a straight line for thousands of \
        steps, and W1 does not settle in the default 3,000; with seed 1 it \
        climbs past 15 before step 1,000 and ends at 0.70. The paper trains for \
        around 10⁵ iterations; clipping (--loss wgan) is the one to watch here.

        The true distance is measured on 2,500 samples, without the networks: for \
        1-D targets the exact W1 between sorted samples and a histogram JS \
        estimate; for 2-D targets the number of modes captured and the share of \
        high-quality samples (within 3σ of a mode; the VEEGAN paper's metrics).
        """
    package static let version = 3
    package static let relativeCost = 1.0

    @OptionGroup package var choice: TrainingChoice

    @Option(help: .demo("Training steps (10 to 200000).", valueName: "n"))
    package var steps: Int = 3000

    @OptionGroup package var gan: GANOptions

    package init() {}

    package func validate() throws {
        guard (10...200_000).contains(steps) else { throw ValidationError("--steps must be between 10 and 200000, got \(steps)") }
    }

    package func report(progress: Progress) throws -> Report {
        let goal = choice.goal, loss = choice.loss, k = choice.resolvedDSteps
        var run = TrainingRun(gan.configuration(target: goal, loss: loss, dSteps: k))
        run.train(steps: steps, evaluations: 60, progress: progress, label: "training G and D")
        let history = Array(run.checkpoints.dropFirst())

        var report = Report(title: "A GAN with the \(loss.name) on \(goal.name), \(steps) steps, k = \(k)")
        report.text(
            "A GAN's two losses measure each player against the other, not against the data: when G improves, D's task gets harder and D's loss rises, so neither loss goes steadily down."
        )
        report.text(
            goal.dimension == 1
                ? "Beside them are two true distances to the target, computed from samples alone, without the networks: W1 and a histogram JSD."
                : "Beside them are two measures of how close G is to the target, computed from samples alone, without the networks: the modes captured and the share of high-quality samples."
        )
        report.plot(lossPlot(history, loss: loss))
        if goal.dimension == 1 {
            distances(&report, run.checkpoints, history, loss: loss)
        } else {
            coverage(&report, run.checkpoints, goal)
        }
        report.figures([
            // Significant digits: a clipped critic's losses are of order 1e-4, which three decimals showed as 0.000 ± 0.000.
            Figure(
                "D loss, last tenth of training", .estimate(Estimate(of: history.suffix(max(history.count / 10, 2)).map(\.dLoss)), .significant(3)),
                note: "mean ± sd over the last checkpoints"),
            Figure(
                "G loss, last tenth of training", .estimate(Estimate(of: history.suffix(max(history.count / 10, 2)).map(\.gLoss)), .significant(3))),
        ])
        report.plot(finalPlot(&run, goal))
        return report
    }

    /// D's and G's losses, averaged between checkpoints.
    func lossPlot(_ history: [Checkpoint], loss: GANLoss) -> Plot {
        let xs = history.map { Double($0.step) }
        let dName =
            loss == .wganGP ? "critic loss 𝔼f(G(z)) − 𝔼f(x) + penalty" : loss.isWasserstein ? "critic loss 𝔼f(G(z)) − 𝔼f(x)" : "D loss (BCE, real + fake)"
        return Plot(
            title: "The losses, averaged between checkpoints", xLabel: "step", yLabel: "loss",
            series: [
                Plot.Series(name: dName, x: xs, y: history.map(\.dLoss)),
                Plot.Series(name: "G loss", x: xs, y: history.map(\.gLoss)),
            ])
    }

    /// A 1-D target: W1 and the JSD estimate over the run, and with a critic,
    /// how its estimate follows W1.
    func distances(_ report: inout Report, _ checkpoints: [Checkpoint], _ history: [Checkpoint], loss: GANLoss) {
        let w1 = checkpoints.map { $0.wasserstein1 ?? .nan }, jsd = checkpoints.map { $0.jsdEstimate ?? .nan }
        let allX = checkpoints.map { Double($0.step) }
        report.plot(
            Plot(
                title: "The true distance to the target, from samples", xLabel: "step", yLabel: "distance",
                series: [
                    Plot.Series(name: "W1 (sorted samples)", x: allX, y: w1),
                    Plot.Series(name: "JSD (histograms, nats)", x: allX, y: jsd),
                ]))
        if loss.isWasserstein { criticFollowsW1(&report, history, w1: w1, loss: loss) }
        report.figures([
            Figure("W1 at the start", .fixed(w1.first!, 4)), Figure("W1 at the end", .fixed(w1.last!, 4)),
            Figure("JSD at the end", .fixed(jsd.last!, 4), unit: "nats"),
        ])
    }

    /// The critic's estimate of W1 (the negative of its loss) beside W1, each scaled to its largest value, and their correlation.
    func criticFollowsW1(_ report: inout Report, _ history: [Checkpoint], w1: [Double], loss: GANLoss) {
        // With the penalty included in the critic's loss, its estimate is −(loss) only approximately.
        let xs = history.map { Double($0.step) }
        let estimate = history.map { -$0.dLoss }
        let w = Array(w1.dropFirst())
        report.plot(
            Plot(
                title: "The critic's estimate follows W1 (each scaled to its largest value)", xLabel: "step", yLabel: "share of max",
                series: [
                    Plot.Series(name: "critic: 𝔼f(x) − 𝔼f(G(z))", x: xs, y: scaled(estimate)),
                    Plot.Series(name: "W1", x: xs, y: scaled(w)),
                ]))
        report.figures([
            Figure(
                "correlation(critic estimate, W1)", .fixed(Statistics.correlation(estimate, w), 3),
                note: loss == .wgan
                    ? "a clipped critic gives at most K·W1 (a lower bound, limited by its capacity) for an unknown K, so the shape is what can match"
                    : "the penalised critic's loss includes the penalty, so its negative only approximates W1")
        ])
    }

    /// A 2-D target: the modes captured and the share of high-quality samples over the run, and at its end.
    func coverage(_ report: inout Report, _ checkpoints: [Checkpoint], _ goal: GAN.Target) {
        let allX = checkpoints.map { Double($0.step) }
        let modes = checkpoints.map { Double($0.coverage!.modesCaptured) }
        let quality = checkpoints.map { $0.coverage!.highQualityShare * 100 }
        report.plot(
            Plot(
                title: "Modes captured (of \(goal.modes.count))", xLabel: "step", yLabel: "modes",
                series: [Plot.Series(name: "modes captured", x: allX, y: modes)],
                yRange: 0...Double(goal.modes.count)))
        report.plot(
            Plot(
                title: "High-quality samples (within 3σ of a mode)", xLabel: "step", yLabel: "%",
                series: [Plot.Series(name: "high quality", x: allX, y: quality)], yRange: 0...100))
        let last = checkpoints.last!.coverage!
        report.figures([
            Figure("modes captured", .count(last.modesCaptured, of: last.modes)),
            Figure("high-quality samples", .fixed(last.highQualityShare * 100, 1), unit: "%"),
        ])
    }

    func finalPlot(_ run: inout TrainingRun, _ goal: GAN.Target) -> Plot {
        let samples = run.finalSamples(2500)
        if goal.dimension == 2 {
            var rng = Distributions.SeededGenerator(seed: 99)
            let real = goal.sample(2500, using: &rng)
            return Plot(
                title: "Samples: target vs generated", kind: .scatter, xLabel: "x₁", yLabel: "x₂",
                series: [
                    Plot.Series(name: "target", x: (0..<real.rows).map { Double(real[$0, 0]) }, y: (0..<real.rows).map { Double(real[$0, 1]) }),
                    Plot.Series(name: "generated", x: (0..<samples.rows).map { Double(samples[$0, 0]) }, y: (0..<samples.rows).map { Double(samples[$0, 1]) }),
                ], equalScale: true)
        }
        var rng = Distributions.SeededGenerator(seed: 99)
        let real = goal.sample(2500, using: &rng).values.map(Double.init)
        let fake = samples.values.map(Double.init)
        let low = min(real.min()!, fake.min()!), high = max(real.max()!, fake.max()!)
        let bins = 60, width = (high - low) / Double(bins)
        func histogram(_ s: [Double]) -> [Double] {
            var h = [Double](repeating: 0, count: bins)
            for v in s { h[min(Int((v - low) / width), bins - 1)] += 1 }
            return h.map { $0 / (Double(s.count) * width) }
        }
        let centers = (0..<bins).map { low + (Double($0) + 0.5) * width }
        return Plot(
            title: "Histogram: target vs generated", xLabel: "x", yLabel: "density",
            series: [
                Plot.Series(name: "target", x: centers, y: histogram(real)),
                Plot.Series(name: "generated", x: centers, y: histogram(fake)),
            ])
    }
}

func scaled(_ values: [Double]) -> [Double] {
    let m = values.filter(\.isFinite).map(abs).max() ?? 1
    return values.map { $0 / (m > 0 ? m : 1) }
}
