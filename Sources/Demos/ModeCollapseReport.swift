/// The parts of `demo mode-collapse`'s report built from its outcomes: the
/// published numbers, the scatter plots and snapshots, and the conclusions.
import Distributions
import GAN
import Report

extension ModeCollapseDemo {
    /// The papers' own tables, for context (their networks and budgets differ).
    /// PacGAN's ± is a standard error over 10 runs; VEEGAN gives means over 5.
    static func published(_ goal: Target) -> Table {
        let ring = goal == .ring
        func e(_ mean: Double, _ se: Double) -> Value { .estimate(Estimate(mean: mean, sd: se, n: nil), ring ? 1 : 1) }
        func kl(_ mean: Double, _ se: Double) -> Value { .estimate(Estimate(mean: mean, sd: se, n: nil), 2) }
        let rows: [[Value]] =
            ring
            ? [
                [.text("VEEGAN, Table 1"), .text("GAN"), .fixed(1, 1), .fixed(99.3, 1), .missing],
                [.text("VEEGAN, Table 1"), .text("Unrolled GAN"), .fixed(7.6, 1), .fixed(35.6, 1), .missing],
                [.text("PacGAN, Table 1"), .text("GAN"), e(6.3, 0.5), e(98.2, 0.2), kl(0.45, 0.09)],
                [.text("PacGAN, Table 1"), .text("PacGAN2"), e(7.9, 0.1), e(95.6, 2.0), kl(0.07, 0.03)],
            ]
            : [
                [.text("VEEGAN, Table 1"), .text("GAN"), .fixed(3.3, 1), .fixed(0.5, 1), .missing],
                [.text("VEEGAN, Table 1"), .text("Unrolled GAN"), .fixed(23.6, 1), .fixed(16, 1), .missing],
                [.text("PacGAN, Table 1"), .text("GAN"), e(17.3, 0.8), e(94.8, 0.7), kl(0.70, 0.07)],
                [.text("PacGAN, Table 1"), .text("PacGAN2"), e(23.8, 0.7), e(91.3, 0.8), kl(0.13, 0.04)],
            ]
        return Table(
            title: "Published, for context (their networks and budgets differ; not a target to match)",
            columns: ["paper", "method", "modes (of \(goal.modes.count))", "high quality (%)", "reverse KL (nats)"], rows: rows)
    }

    /// Every scatter plot of one target has the same axes, at an equal scale
    /// in x and y: the ring's box ±3 (radius 2), the grid's ±6 (modes at ±4).
    static func scatter(_ points: [(Double, Double)], title: String, goal: Target) -> Plot {
        let box = goal == .ring ? -3.0...3.0 : -6.0...6.0
        return Plot(
            title: title, kind: .scatter, xLabel: "x₁", yLabel: "x₂",
            series: [
                Plot.Series(name: "mode centres", x: goal.modes.map(\.0), y: goal.modes.map(\.1)),
                Plot.Series(name: "generated", x: points.map(\.0), y: points.map(\.1)),
            ], yRange: box, xRange: box, equalScale: true)
    }

    /// The final samples of one training.
    static func scatter(_ o: CollapseRuns.Outcome, goal: Target, into report: inout Report) {
        let title = "\(o.method.title), seed \(o.seed): \(o.coverage.modesCaptured) of \(goal.modes.count) modes"
        report.plot(scatter(o.samples, title: title, goal: goal))
    }

    /// G's samples at each snapshot of one training (Metz et al. 2017, Fig. 1).
    static func snapshots(_ o: CollapseRuns.Outcome, goal: Target, into report: inout Report) {
        for (step, coverage, points) in o.snapshots {
            let title = "\(o.method.title), seed \(o.seed), step \(step): \(coverage.modesCaptured) of \(goal.modes.count) modes"
            report.plot(scatter(points, title: title, goal: goal))
        }
    }

    /// What the run shows, from its own numbers: how often the vanilla GAN
    /// collapsed, and which remedies captured at least 2 more modes on average.
    static func conclusions(_ rows: [(String, [CollapseRuns.Outcome])], into report: inout Report) {
        func mean(_ o: [CollapseRuns.Outcome]) -> Double { Statistics.mean(o.map { Double($0.coverage.modesCaptured) }) }
        guard let vanilla = rows.first(where: { $0.1.first?.method == .vanilla })?.1 else { return }
        guard vanilla.count >= 3 else {
            report.text("One seed proves little: the conclusions need 3 seeds or more (the default is 5).")
            return
        }
        let modes = vanilla[0].coverage.modes
        let collapsed = vanilla.filter { $0.coverage.modesCaptured <= 3 }.count
        report.text(
            "The vanilla GAN captured \(format(mean(vanilla), 1)) of \(modes) modes on average, and at most 3 on \(collapsed) of its \(vanilla.count) seeds."
        )
        let remedies = rows.filter { $0.1.first?.method != .vanilla }
        let helped = remedies.filter { mean($0.1) >= mean(vanilla) + 2 }
        report.text("\(helped.count) of \(remedies.count) captured at least 2 more modes on average than the vanilla GAN.")
        for (name, outcomes) in remedies where mean(outcomes) < mean(vanilla) + 2 {
            report.text("\(name) did not: \(format(mean(outcomes), 1)) modes on average.")
        }
        report.text(
            "Read the seeds, not only the means: collapse is partly a matter of chance, and a remedy that keeps its modes but few high-quality samples has traded collapse for blur."
        )
    }
}
