/// The comparison part of `demo digits --seeds N`: coverage at the end of
/// training for the vanilla GAN and `--method` on every seed, and for stacked
/// digits the stacked-MNIST papers' numbers beside ours, with why they are
/// not comparable.
import Distributions
import GAN
import Report

extension DigitsComparison {
    /// Per method, its outcomes in seed order.
    static func rows(_ outcomes: [Outcome]) -> [(method: CollapseMethod, outcomes: [Outcome])] {
        var rows: [(method: CollapseMethod, outcomes: [Outcome])] = []
        for o in outcomes {
            if let i = rows.firstIndex(where: { $0.method == o.method }) { rows[i].outcomes.append(o) } else { rows.append((o.method, [o])) }
        }
        return rows
    }

    func add(_ outcomes: [Outcome], seeds: [UInt64], into report: inout Report) {
        let first = seeds.first ?? 0, last = seeds.last ?? 0
        report.text(
            stack == 1
                ? "Every method here trains from each of seeds \(first)…\(last) with the same networks and steps, and is measured at the end of training on 2,500 samples; a digit is covered when at least 1 % of them show it."
                : "Every method here trains from each of seeds \(first)…\(last) with the same networks and steps, and is measured at the end of training on 25,600 stacks; a mode is covered when at least one of them shows it, as in the stacked-MNIST papers."
        )
        let rows = Self.rows(outcomes)
        report.table(summary(rows, first: first, last: last))
        conclusions(rows, first: first, last: last, into: &report)
        guard stack == 3 else { return }
        for table in Self.published { report.table(table) }
        report.text(
            "The papers' numbers are for stacks of 28×28 MNIST digits, convolutional networks, and each paper's own classifier and training budget; ours are for 8×8 digits and small MLPs. They show what each paper found in its own setting, not where our numbers should land: they are not comparable with ours."
        )
    }

    func summary(_ rows: [(method: CollapseMethod, outcomes: [Outcome])], first: UInt64, last: UInt64) -> Table {
        let covered = stack == 1 ? "digits covered (of 10)" : "modes covered (of 1,000)"
        return Table(
            title: "Ours at the end of training (mean ± sd over seeds \(first)…\(last))",
            columns: ["method", covered, "per seed", "KL (nats)", "Fréchet distance"],
            rows: rows.map { method, outcomes in
                let c = outcomes.map(\.coverage)
                return [
                    .text(method.title), .estimate(Estimate(of: c.map { Double($0.covered) }), .fixed(1)), .integers(c.map(\.covered)),
                    .estimate(Estimate(of: c.map(\.kl)), .fixed(3)), .estimate(Estimate(of: outcomes.map(\.frechet.value)), .fixed(2)),
                ]
            })
    }

    /// What the seeds show, from their own numbers: the means, and whether
    /// the remedy's differs from the vanilla GAN's by more than one sd.
    func conclusions(_ rows: [(method: CollapseMethod, outcomes: [Outcome])], first: UInt64, last: UInt64, into report: inout Report) {
        func covered(_ o: [Outcome]) -> Estimate { Estimate(of: o.map { Double($0.coverage.covered) }) }
        func kl(_ o: [Outcome]) -> Double { Statistics.mean(o.map(\.coverage.kl)) }
        guard let vanilla = rows.first(where: { $0.method == .vanilla })?.outcomes, vanilla.count >= 2 else { return }
        let total = stack == 1 ? 10 : 1000
        guard let remedy = rows.first(where: { $0.method != .vanilla }) else {
            report.text(
                "Over seeds \(first)…\(last) the vanilla GAN covered \(format(covered(vanilla).mean, 1)) of \(total) on average, with a KL of \(format(kl(vanilla), 3)) nats."
            )
            return
        }
        let a = covered(vanilla), b = covered(remedy.outcomes), name = remedy.method.title
        report.text(
            "Over seeds \(first)…\(last) the vanilla GAN covered \(format(a.mean, 1)) of \(total) on average, with a KL of \(format(kl(vanilla), 3)) nats; \(name) covered \(format(b.mean, 1)), with a KL of \(format(kl(remedy.outcomes), 3)) nats."
        )
        if a.overlaps(b) {
            report.text("The two means differ by less than one standard deviation across seeds: these seeds show no clear difference.")
        } else {
            report.text(
                b.mean > a.mean
                    ? "\(name) covered more than the vanilla GAN, by more than the spread between seeds."
                    : "\(name) covered less than the vanilla GAN, by more than the spread between seeds.")
        }
    }

    /// The stacked-MNIST papers' numbers, for context. Read from PacGAN's
    /// Tables 2 and 3 as the authors' repository shows them
    /// (fjxmlzn/PacGAN, stacked_MNIST_experiments/results/); their rows for
    /// other methods quote VEEGAN's Table 2 and Metz et al.'s Table 2, whose
    /// own text we did not read. PacGAN's ± is a standard error over its runs
    /// (10 in Table 2, 50 in Table 3); the quoted rows keep their papers' ±.
    static var published: [Table] {
        func e(_ mean: Double, _ spread: Double, _ digits: Int) -> Value {
            .estimate(Estimate(mean: mean, sd: spread, n: nil), .fixed(digits))
        }
        let veegan = Table(
            title: "Published: VEEGAN's stacked MNIST (VEEGAN, Table 2, as PacGAN's Table 2 quotes it, and PacGAN's own row)",
            columns: ["method", "modes (of 1,000)", "KL (nats)"],
            rows: [
                [.text("DCGAN"), .fixed(99, 1), .fixed(3.40, 2)],
                [.text("Unrolled GAN"), .fixed(48.7, 1), .fixed(4.32, 2)],
                [.text("VEEGAN"), .fixed(150, 1), .fixed(2.95, 2)],
                [.text("PacDCGAN2"), e(1000, 0, 1), e(0.06, 0.003, 3)],
            ])
        let metz = Table(
            title: "Published: stacked MNIST with a smaller D (Metz et al. 2017, Table 2, as PacGAN's Table 3 quotes it, and PacGAN's own row)",
            columns: ["method", "D ¼ of G: modes", "D ¼ of G: KL (nats)", "D ½ of G: modes", "D ½ of G: KL (nats)"],
            rows: [
                [.text("DCGAN"), e(30.6, 20.73, 1), e(5.99, 0.42, 2), e(628.0, 140.9, 1), e(2.58, 0.75, 2)],
                [.text("Unrolled GAN, 5 steps"), e(236.4, 63.30, 1), e(4.67, 0.43, 2), e(732.0, 44.98, 1), e(1.66, 0.09, 2)],
                [.text("PacDCGAN2"), e(484.5, 32.99, 1), e(2.61, 0.22, 2), e(840.7, 15.92, 1), e(1.00, 0.05, 2)],
            ])
        return [veegan, metz]
    }
}
