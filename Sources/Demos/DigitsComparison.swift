/// The trainings behind `demo digits`: the one the demo shows, and with
/// `--seeds N` the vanilla GAN and `--method` on N seeds each, run side by
/// side and measured at the end of training.
import Datasets
import GAN
import Report

struct DigitsComparison {
    /// One training's result.
    struct Outcome: Sendable {
        var method: CollapseMethod
        var seed: UInt64
        var coverage: ClassCoverage
        var frechet: FrechetDistance
        /// The whole training, with its checkpoints and snapshots: the shown run only.
        var run: ImageTraining?
    }

    /// A training to run: a method and a seed; `shown` is the run the demo draws.
    struct Job: Sendable {
        var method: CollapseMethod
        var seed: UInt64
        var shown: Bool
        var cost: Double { method.relativeCost }
    }

    let loss: GANLoss
    let steps: Int
    let stack: Int
    /// D's hidden units per layer.
    let discriminatorHidden: Int
    let data: DigitsSplit
    let classifier: DigitClassifier

    /// Samples behind each measurement.
    var samples: Int { stack == 1 ? DigitsSetting.samples : DigitsSetting.stackedSamples }

    /// The jobs for `methods` on `seeds`, the pair (`shown`, first seed) drawn.
    static func jobs(methods: [CollapseMethod], seeds: [UInt64], shown: CollapseMethod) -> [Job] {
        methods.flatMap { m in seeds.map { Job(method: m, seed: $0, shown: m == shown && $0 == seeds[0]) } }
    }

    /// Runs every job on every core, longest first, with progress weighted by
    /// each job's cost. A lone job runs on this thread (and its large products on two).
    func run(_ jobs: [Job], progress: Progress) -> [Outcome] {
        let order = jobs.indices.sorted { (-jobs[$0].cost, $0) < (-jobs[$1].cost, $1) }
        let total = jobs.reduce(0) { $0 + $1.cost }
        let fractions = Box([Double](repeating: 0, count: jobs.count))
        let label = jobs.count == 1 ? "training G and D on the digits" : "training \(jobs.count) GANs on the digits"
        return ConcurrentJobs.run(jobs.count, order: order) { index in
            let job = jobs[index]
            let advanced = Progress { fraction, _ in
                let done = fractions.update { f -> Double in
                    f[index] = fraction
                    return zip(f, jobs).reduce(0) { $0 + $1.0 * $1.1.cost } / total
                }
                progress(done, label)
            }
            return train(job, progress: advanced)
        }
    }

    /// One training: the shown one measured through training (its curves and
    /// snapshots), the others once, at the end.
    func train(_ job: Job, progress: Progress) -> Outcome {
        var run = ImageTraining(
            DigitsSetting.configuration(
                loss: loss, method: job.method, seed: job.seed, training: data.training, stack: stack,
                discriminatorHidden: discriminatorHidden),
            classifier: classifier, realInk: data.training.pixels, realClasses: data.training.digits, evaluationSamples: samples)
        if job.shown {
            run.train(
                steps: steps, evaluations: stack == 1 ? 30 : 10, snapshotSteps: Set(DigitsSetting.snapshotSteps(steps)),
                progress: progress, label: "")
            let last = run.checkpoints.last!
            return Outcome(method: job.method, seed: job.seed, coverage: last.coverage, frechet: last.frechet, run: run)
        }
        for step in 1...steps {
            run.trainer.step()
            if step % 50 == 0 || step == steps { progress(Double(step) / Double(steps), "") }
        }
        let (frechet, coverage) = run.measure()
        return Outcome(method: job.method, seed: job.seed, coverage: coverage, frechet: frechet, run: nil)
    }
}
