/// The trainings behind `demo mode-collapse`: every (method, seed) pair, run
/// side by side, each measured at its snapshots and at its end.
import Distributions
import GAN
import NeuralNet
import Report

struct CollapseRuns {
    /// One training's result.
    struct Outcome: Sendable {
        var method: CollapseMethod
        var target: Target
        var firstOrder: Bool
        var seed: UInt64
        var coverage: ModeCoverage
        /// The final samples (kept for the first seed only).
        var samples: [(Double, Double)]
        /// (step, coverage, samples) at each snapshot (the first seed only).
        var snapshots: [(Int, ModeCoverage, [(Double, Double)])]
        /// The trained networks (the first seed only), for the mechanism figures.
        var trainer: GANTrainer?
    }

    /// A training to run: a method (or the first-order Unrolled GAN) and a
    /// seed, on the runs' target unless it names its own (`--paper` runs both).
    struct Job: Sendable {
        var method: CollapseMethod
        var firstOrder = false
        var seed: UInt64
        var keep: Bool
        var target: Target? = nil
        var cost: Double { firstOrder ? 2 : method.relativeCost }
    }

    let target: Target
    let steps: Int
    let unroll: Int
    let snapshots: Int
    /// A published set-up (`--paper`), in place of `CollapseSetting`'s.
    var paper: PaperSetup? = nil

    /// Runs every job on every core, longest first, with progress weighted by each job's cost.
    func run(_ jobs: [Job], progress: Progress, label: String) -> [Outcome] {
        let order = jobs.indices.sorted { (-jobs[$0].cost, $0) < (-jobs[$1].cost, $1) }
        let total = jobs.reduce(0) { $0 + $1.cost } * Double(steps)
        let done = Box(0.0)
        return ConcurrentJobs.run(jobs.count, order: order) { index in
            let job = jobs[index]
            return train(job) { stepsDone in
                let fraction = done.update { d -> Double in
                    d += Double(stepsDone) * job.cost; return d / total
                }
                progress(fraction, label)
            }
        }
    }

    /// One training, measured at its snapshots; `advanced(n)` after each n steps.
    func train(_ job: Job, advanced: (Int) -> Void) -> Outcome {
        let goal = job.target ?? target
        var c =
            paper?.configuration(job.method, target: goal, seed: job.seed)
            ?? CollapseSetting.configuration(job.method, target: goal, seed: job.seed, unroll: unroll)
        if job.firstOrder { c.variant = .unrolledFirstOrder(unroll) }
        var trainer = GANTrainer(c)
        var shots: [(Int, ModeCoverage, [(Double, Double)])] = []
        let marks = Set((1...snapshots).map { steps * $0 / snapshots })
        var pending = 0
        for step in 1...steps {
            trainer.step()
            pending += 1
            if pending == 50 || step == steps {
                advanced(pending)
                pending = 0
            }
            if job.keep, marks.contains(step), step < steps { shots.append(measure(&trainer, step: step)) }
        }
        let last = measure(&trainer, step: steps)
        shots.append(last)
        return Outcome(
            method: job.method, target: goal, firstOrder: job.firstOrder, seed: job.seed, coverage: last.1, samples: job.keep ? last.2 : [],
            snapshots: job.keep ? shots : [], trainer: job.keep ? trainer : nil)
    }

    func measure(_ trainer: inout GANTrainer, step: Int) -> (Int, ModeCoverage, [(Double, Double)]) {
        let m = trainer.sample(2500)
        let points = (0..<m.rows).map { (Double(m[$0, 0]), Double(m[$0, 1])) }
        let goal = trainer.configuration.target
        return (step, ModeCoverage(samples: points, modes: goal.modes, sigma: goal.modeSigma), points)
    }
}
