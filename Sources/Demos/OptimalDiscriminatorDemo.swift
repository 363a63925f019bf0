/// `ganbook demo optimal-d`: the optimal discriminator D*, the value of the
/// game at it, and a discriminator trained from samples that approaches it.
import ArgumentParser
import Distributions
import Divergences
import Report

import Glibc

package struct OptimalDiscriminatorDemo: Demo {
    package static let name = "optimal-d"
    package static let summary = "the optimal discriminator D* = p_data/(p_data + p_g), V(D*,G) = −log 4 + 2·JSD, and a trained D"
    package static let discussion = """
        Plots p_data, p_g and D*(x) = p_data(x)/(p_data(x) + p_g(x)) (Goodfellow et \
        al. 2014, Proposition 1). Computes V(D*, G) by quadrature from its \
        definition and checks Theorem 1: V(D*, G) = −log 4 + 2·JSD(p_data ‖ p_g).

        It also trains a discriminator from --samples draws of each distribution \
        (logistic regression on --bumps Gaussian bumps of x, fitted by Newton's \
        method) and reports its largest gap |D − D*| where p_data + \
        p_g holds 99% of the mass.

        With --gen equal to --data, D* ≡ ½ and V = −log 4: the game's end point. \
        --sweep moves p_g toward p_data along p_t = (1−t)·p_g + t·p_data and plots \
        V(D*, G) falling to −log 4.
        """
    package static let version = 1
    package static let relativeCost = 0.03

    @Option(help: .demo("The data distribution p_data (default: 0.5*N(-2,0.6) + 0.5*N(2,0.6)).", valueName: "spec"), transform: densitySpec)
    package var data = Spec(default: "0.5*N(-2,0.6) + 0.5*N(2,0.6)", density)

    @Option(help: .demo("The generator's distribution p_g (default: N(0,1.5)).", valueName: "spec"), transform: densitySpec)
    package var gen = Spec(default: "N(0,1.5)", density)

    @Flag(help: .demo("Move p_g toward p_data and plot V(D*, G) against the step."))
    package var sweep = false

    @Option(help: .demo("Samples drawn from each distribution to train D.", valueName: "n"))
    package var samples: Int = 20_000

    @Option(help: .demo("Gaussian bumps the trained D's log-odds is built from (3 to 60).", valueName: "k"))
    package var bumps: Int = 20

    @Option(help: .demo("Seed for the samples.", valueName: "n"))
    package var seed: UInt64 = 1

    package init() {}

    package mutating func validate() throws {
        guard (100...1_000_000).contains(samples) else { throw ValidationError("--samples must be between 100 and 1000000, got \(samples)") }
        guard (3...60).contains(bumps) else { throw ValidationError("--bumps must be between 3 and 60, got \(bumps)") }
    }

    package func report(progress: Progress) throws -> Report {
        let (d, g) = (data.value, gen.value)
        return sweep ? sweepReport(d, g) : try discriminatorReport(d, g)
    }

    func discriminatorReport(_ d: Mixture, _ g: Mixture) throws -> Report {
        let optimal = OptimalDiscriminator(data: d, generator: g)
        let value = optimal.value()
        let jsd = Divergences.jsd(d, g)
        let theorem = -log(4.0) + 2 * jsd
        let region = optimal.centralRegion
        let trained = try TrainedDiscriminator(data: d, generator: g, region: region, samples: samples, bumps: bumps, seed: seed)
        let checkpoints = grid(region.lowerBound, region.upperBound, 2001)
        let gap = checkpoints.map { abs(trained($0) - optimal($0)) }.max() ?? 0
        let equal = d == g

        var report = Report(title: "The optimal discriminator for p_data = \(data), p_g = \(gen)")
        report.text(
            "For a fixed G, the best D says how much of the density at x is real: D*(x) = p_data(x)/(p_data(x) + p_g(x)) (Goodfellow et al. 2014, Prop. 1). Putting it back into V gives Theorem 1: V(D*, G) = −log 4 + 2·JSD(p_data ‖ p_g). Below, V is computed from its definition by quadrature and compared with the right-hand side."
        )
        report.figures([
            Figure("V(D*, G) by quadrature", .fixed(value, 12), unit: "nats"),
            Figure("−log 4 + 2·JSD", .fixed(theorem, 12), unit: "nats"),
            Figure("difference", .number(abs(value - theorem), .scientific(2)), note: "Theorem 1 holds when this is below 1e-9"),
            Figure("JSD(p_data ‖ p_g)", .fixed(jsd, 12), unit: "nats"),
            Figure("−log 4", .fixed(-log(4.0), 12), unit: "nats", note: "the smallest V can be"),
        ])
        let pad = (region.upperBound - region.lowerBound) * 0.15
        let xs = grid(region.lowerBound - pad, region.upperBound + pad, 241)
        report.plot(
            Plot(
                title: "The two densities", xLabel: "x", yLabel: "density",
                series: [
                    Plot.Series(name: "p_data", x: xs, y: xs.map(d.density)),
                    Plot.Series(name: "p_g", x: xs, y: xs.map(g.density)),
                ]))
        report.plot(
            Plot(
                title: "D*(x) and a discriminator trained from samples", xLabel: "x", yLabel: "P(real | x)",
                series: [
                    Plot.Series(name: "D*", x: xs, y: xs.map { optimal($0) }),
                    Plot.Series(name: "trained D", x: xs, y: xs.map { trained($0) }),
                ],
                yRange: 0...1, references: [Plot.Reference(name: "½", y: 0.5)]))
        report.figures([
            Figure(
                "largest |D − D*|", .fixed(gap, 4),
                note:
                    "over [\(NumberFormatting.printf("%.3g", region.lowerBound)), \(NumberFormatting.printf("%.3g", region.upperBound))], where p_data + p_g holds 99% of the mass"
            ),
            Figure("training samples", .integer(samples), note: "from each distribution, seed \(seed)"),
            Figure("features (Gaussian bumps)", .integer(bumps), note: "logistic regression, Newton's method, \(trained.model.iterations) iterations"),
        ])
        if equal {
            report.text(
                "Why does the game end with D unable to tell? With p_g = p_data, D*(x) = p/(p + p) = ½ at every x, and V(D*, G) = log ½ + log ½ = −log 4 ≈ −1.3863, the smallest value C(G) can take (Theorem 1). No discriminator can do better than a coin flip, because nothing is left to tell apart: D 'losing' is G having won."
            )
        } else {
            report.text(
                "Where p_data is denser, D* is above ½; where p_g is denser, below. The trained D, which only saw samples, follows D* closely inside the region where the samples are; outside it, there is little evidence and D is a guess."
            )
        }
        return report
    }

    func sweepReport(_ d: Mixture, _ g: Mixture) -> Report {
        let ts = grid(0, 1, 41)
        var values: [Double] = []
        for t in ts {
            let moved = Mixture(g.components.map { ((1 - t) * $0.weight, $0.component) } + d.components.map { (t * $0.weight, $0.component) })
                .withoutZeroWeights
            values.append(OptimalDiscriminator(data: d, generator: moved).value())
        }
        var report = Report(title: "Moving p_g toward p_data = \(data), from p_g = \(gen)")
        report.text(
            "Each step replaces p_g by p_t = (1−t)·p_g + t·p_data. At every step D is the best one for that p_t, so V(D*, G) = −log 4 + 2·JSD(p_data ‖ p_t) — which is what G minimises. It falls to −log 4 ≈ −1.3863 exactly when p_t = p_data (t = 1)."
        )
        report.plot(
            Plot(
                title: "V(D*, G_t) against t", xLabel: "t (0: p_g, 1: p_data)", yLabel: "V (nats)",
                series: [Plot.Series(name: "V(D*, G_t)", x: ts, y: values)],
                references: [Plot.Reference(name: "−log 4", y: -log(4.0))]))
        let rows = ts.indices.filter { $0 % 5 == 0 }.map { [Value.fixed(ts[$0], 3), .fixed(values[$0], 6), .fixed((values[$0] + log(4.0)) / 2, 6)] }
        report.table(Table(columns: ["t", "V(D*, G_t)", "JSD(p_data ‖ p_t)"], rows: rows))
        report.figures([Figure("V at t = 1", .fixed(values.last!, 9), unit: "nats", note: "−log 4 = \(NumberFormatting.printf("%.9f", -log(4.0)))")])
        return report
    }
}

extension Mixture {
    /// The same mixture without zero-weight components (which have no density to add).
    var withoutZeroWeights: Mixture { Mixture(components.filter { $0.weight > 0 }) }
}
