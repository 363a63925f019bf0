/// `ganbook demo jsd`: KL, JS, total variation and W1 between two
/// distributions, and the sweep that shows why JS stops giving a gradient.
import ArgumentParser
import Distributions
import Divergences
import Report

import Glibc

package struct JSDDemo: Demo {
    package static let name = "jsd"
    package static let summary = "KL, JS divergence, total variation and W1 between p and q; --sweep slides q across p"
    package static let discussion = """
        Prints KL(p‖q) and KL(q‖p), the JS divergence in nats and bits, the JS \
        distance √JSD (what scipy's jensenshannon returns), total variation and, \
        for continuous p and q, the Wasserstein-1 distance.

        --sweep shifts q by θ from --from to --to and plots JSD, KL and W1 against \
        θ. With the defaults, p = U(0,1) and q = U(θ, θ+1): JSD = |θ|·log 2 up to \
        |θ| = 1 and log 2 beyond, W1 = |θ|, KL = ∞ for every θ ≠ 0 (the 1-D picture \
        of Example 1 in Arjovsky, Chintala & Bottou 2017, "Wasserstein GAN").

        Continuous integrals use adaptive Gauss–Kronrod quadrature to 1e-12 \
        relative; tails are cut where every density is below e^-40 of its peak.
        """
    package static let version = 2
    package static let relativeCost = 0.01

    @Option(help: .demo("The first distribution (default: U(0,1)).", valueName: "spec"), transform: distributionSpec)
    package var p = Spec(default: "U(0,1)", DistributionSpec.parse)

    @Option(help: .demo("The second distribution (default U(0.5,1.5); with --sweep, p itself).", valueName: "spec"), transform: distributionSpec)
    package var q: Spec<Distribution>?

    @Flag(help: .demo("Shift q by θ across a range and plot the divergences against θ."))
    package var sweep = false

    @Option(help: .demo("First shift of the sweep.", valueName: "θ"))
    package var from: Double = -2

    @Option(help: .demo("Last shift of the sweep.", valueName: "θ"))
    package var to: Double = 2

    @Option(help: .demo("Number of shifts in the sweep (2 to 1001).", valueName: "n"))
    package var steps: Int = 81

    package init() {}

    /// q as given, else p with --sweep, else U(0.5,1.5).
    var qSpec: Spec<Distribution> { q ?? (sweep ? p : Spec(default: "U(0.5,1.5)", DistributionSpec.parse)) }

    package mutating func validate() throws {
        let (p, q) = (self.p.value, qSpec.value)
        if p.isDiscrete != q.isDiscrete { throw ValidationError("--p and --q must both be continuous or both discrete") }
        if case .discrete(let a) = p, case .discrete(let b) = q, a.count != b.count {
            throw ValidationError("--p has \(a.count) categories and --q has \(b.count); they must have as many")
        }
        if sweep {
            if p.isDiscrete { throw ValidationError("--sweep shifts q along the x axis, so it needs continuous p and q") }
            guard from.isFinite, to.isFinite, from < to else { throw ValidationError("--from must be less than --to, and both finite") }
            guard (2...1001).contains(steps) else { throw ValidationError("--steps must be between 2 and 1001, got \(steps)") }
        }
    }

    /// A unit in the singular when the number shown is exactly 1 ("1 bit", not "1 bits").
    static func unit(_ value: Value, one: String, many: String) -> String {
        value.formatted == "1" ? one : many
    }

    package func report(progress: Progress) throws -> Report {
        let (p, q) = (self.p.value, qSpec.value)
        if sweep, case .continuous(let pm) = p, case .continuous(let qm) = q { return sweepReport(pm, qm) }
        return try comparisonReport(p, q)
    }

    func comparisonReport(_ p: Distribution, _ q: Distribution) throws -> Report {
        let c = try Comparison(p, q)
        var report = Report(title: "Divergences between p = \(self.p) and q = \(qSpec)")
        report.text(
            "KL is not symmetric and is infinite when p puts mass where q has none. JS compares both with their average m = (p+q)/2, so it is symmetric, finite and at most log 2 nats (1 bit); √JSD is a true distance. TV is half the L1 distance; W1 is the work to move one distribution onto the other."
        )
        var figures = [
            figure("KL(p‖q)", c.klPQ),
            figure("KL(q‖p)", c.klQP),
            Figure("JSD(p‖q)", .significant(c.jsd, 10), unit: Self.unit(.significant(c.jsd, 10), one: "nat", many: "nats")),
            Figure("JSD(p‖q)", .significant(c.jsdBits, 10), unit: Self.unit(.significant(c.jsdBits, 10), one: "bit", many: "bits")),
            Figure("√JSD", .significant(c.jsDistance, 10), note: "the Jensen–Shannon distance, scipy's jensenshannon"),
            Figure("TV(p, q)", .significant(c.totalVariation, 10)),
        ]
        if let w1 = c.wasserstein1 { figures.append(Figure("W1(p, q)", .significant(w1, 10))) }
        report.figures(figures)

        switch (p, q) {
        case (.continuous(let pm), .continuous(let qm)):
            report.plot(densityPlot(pm, qm))
        case (.discrete(let a), .discrete(let b)):
            report.table(
                Table(
                    title: "The two distributions", columns: ["category", "p", "q"],
                    rows: a.indices.map { [.integer($0), .significant(a[$0]), .significant(b[$0])] }))
        default: break
        }
        report.text(verdict(c))
        return report
    }

    func figure(_ name: String, _ d: DivergenceValue) -> Figure {
        d.isInfinite ? Figure(name, .infinite(reason: d.infiniteBecause!), unit: "nats") : Figure(name, .significant(d.value, 10), unit: "nats")
    }

    func verdict(_ c: Comparison) -> String {
        let log2 = log(2.0)
        if c.jsd >= log2 * (1 - 1e-9) {
            return
                "JSD is at its maximum, log 2: the two distributions do not overlap at all. Moving q a little closer would not change it, which is why a GAN whose generator misses the data entirely gets no useful gradient from the JS divergence — while W1 still says how far apart they are."
        }
        if c.jsd <= 1e-12 {
            return "JSD is 0: the distributions are the same. This is where the GAN game ends: with p_g = p_data, the best discriminator can only say ½."
        }
        return "JSD is between 0 and log 2: the distributions overlap partly. Here JS still changes when q moves, so it still gives a gradient."
    }

    func densityPlot(_ p: Mixture, _ q: Mixture) -> Plot {
        let low = min(p.quantile(0.001), q.quantile(0.001)), high = max(p.quantile(0.999), q.quantile(0.999))
        let pad = (high - low) * 0.1
        let xs = grid(low - pad, high + pad, 241)
        return Plot(
            title: "Densities", xLabel: "x", yLabel: "density",
            series: [
                Plot.Series(name: "p(x)", x: xs, y: xs.map(p.density)),
                Plot.Series(name: "q(x)", x: xs, y: xs.map(q.density)),
            ])
    }

    func sweepReport(_ p: Mixture, _ q: Mixture) -> Report {
        let thetas = grid(from, to, steps)
        var jsd: [Double] = [], kl: [Double] = [], w1: [Double] = [], tv: [Double] = []
        var klReasons: [String?] = []
        for theta in thetas {
            let shifted = q.shifted(by: theta)
            jsd.append(Divergences.jsd(p, shifted))
            let k = Divergences.kl(p, shifted)
            kl.append(k.value)
            klReasons.append(k.infiniteBecause)
            w1.append(Divergences.wasserstein1(p, shifted))
            tv.append(Divergences.totalVariation(p, shifted))
        }
        var report = Report(title: "Sliding q_θ = q shifted by θ across p = \(self.p)  (q = \(qSpec))")
        report.text(
            "Each row moves q by θ. JSD stops changing once the distributions no longer overlap: it sits at log 2 ≈ 0.6931 whatever θ is, so its gradient with respect to θ is zero. W1 keeps growing with the distance, so it always says which way to move. KL is infinite as soon as p has mass where q_θ has none."
        )
        let every = max(1, (steps - 1) / 16)
        let rows = thetas.indices.filter { $0 % every == 0 || $0 == steps - 1 }.map { i -> [Value] in
            [
                .fixed(thetas[i], 3), .fixed(jsd[i], 6),
                klReasons[i] != nil ? .infinite(reason: klReasons[i]!) : .fixed(kl[i], 6),
                .fixed(w1[i], 6), .fixed(tv[i], 6),
            ]
        }
        report.table(Table(title: "Divergences against the shift θ", columns: ["θ", "JSD (nats)", "KL(p‖q_θ)", "W1", "TV"], rows: rows))
        var series = [Plot.Series(name: "JSD", x: thetas, y: jsd), Plot.Series(name: "W1", x: thetas, y: w1)]
        let finiteKL = kl.filter(\.isFinite).count
        if finiteKL > 1 { series.append(Plot.Series(name: "KL(p‖q_θ)", x: thetas, y: kl)) }
        let yMax = max(w1.max() ?? 1, jsd.max() ?? 1)
        report.plot(
            Plot(
                title: "JSD saturates, W1 does not", xLabel: "shift θ", yLabel: "nats / distance",
                series: series, yRange: 0...(yMax * 1.05), references: [Plot.Reference(name: "log 2", y: log(2.0))]))
        let infiniteKL = klReasons.filter { $0 != nil }.count
        report.figures([
            Figure("JSD at the ends", .fixed(jsd.first!, 6), unit: "nats", note: "log 2 = \(NumberFormatting.printf("%.6f", log(2.0)))"),
            Figure("W1 at the ends", .fixed(w1.first!, 6)),
            Figure("shifts with KL = ∞", .integer(infiniteKL), note: "of \(steps)"),
        ])
        return report
    }
}

/// `count` evenly spaced points from `low` to `high`, both included.
func grid(_ low: Double, _ high: Double, _ count: Int) -> [Double] {
    (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
}
