/// A GAN trained for a number of steps, with its losses and its true distance
/// to the target recorded along the way: the data behind the `train`,
/// `mode-collapse` and `d-steps` demos.
import Distributions
import NeuralNet
import Report

import Glibc

public struct Checkpoint: Sendable, Equatable {
    public var step: Int
    /// Mean D and G losses since the previous checkpoint.
    public var dLoss: Double
    public var gLoss: Double
    /// 1-D: exact W1 of sorted samples, and a histogram JSD estimate.
    public var wasserstein1: Double?
    public var jsdEstimate: Double?
    /// 2-D: the VEEGAN metrics.
    public var coverage: ModeCoverage?
    /// Wall-clock seconds of training so far (evaluation excluded).
    public var seconds: Double
}

public struct TrainingRun: Sendable {
    public var trainer: GANTrainer
    public var checkpoints: [Checkpoint] = []
    /// Samples drawn at each evaluation.
    public var evaluationSamples = 2500

    public init(_ configuration: GANConfiguration) { trainer = GANTrainer(configuration) }

    /// Trains `steps` steps, evaluating `evaluations` times (and at step 0).
    public mutating func train(steps: Int, evaluations: Int, progress: Progress = .silent, label: String = "training") {
        let every = max(steps / max(evaluations, 1), 1)
        var dSum = 0.0, gSum = 0.0, count = 0
        var seconds = 0.0
        checkpoints.append(evaluate(step: 0, dLoss: .nan, gLoss: .nan, seconds: 0))
        let clock = ContinuousClock()
        for step in 1...max(steps, 1) {
            let start = clock.now
            let losses = trainer.step()
            seconds += (clock.now - start) / .seconds(1)
            dSum += Double(losses.d)
            gSum += Double(losses.g)
            count += 1
            if step % every == 0 || step == steps {
                checkpoints.append(evaluate(step: step, dLoss: dSum / Double(count), gLoss: gSum / Double(count), seconds: seconds))
                dSum = 0; gSum = 0; count = 0
                progress(Double(step) / Double(steps), label)
            }
        }
    }

    /// The checkpoint `train` records at `step`: the true distance of the current G, with the given losses.
    public func evaluate(step: Int, dLoss: Double, gLoss: Double, seconds: Double) -> Checkpoint {
        var checkpoint = Checkpoint(step: step, dLoss: dLoss, gLoss: gLoss, seconds: seconds)
        let target = trainer.configuration.target
        if case .images = target { return checkpoint }  // measured by the digits demo, with its classifier
        var copy = trainer
        let generated = copy.sample(evaluationSamples)
        switch target {
        case .oneDimensional:
            var rng = SeededGenerator(seed: 0xC0FFEE &+ UInt64(step))
            let reference = target.sample(evaluationSamples, using: &rng).values.map(Double.init)
            let samples = generated.values.map(Double.init)
            checkpoint.wasserstein1 = SampleDistance.wasserstein1(samples, reference)
            checkpoint.jsdEstimate = SampleDistance.histogramJSD(samples, reference)
        case .ring, .grid:
            checkpoint.coverage = ModeCoverage(samples: Self.points(generated), modes: target.modes, sigma: target.modeSigma)
        case .images:
            break
        }
        return checkpoint
    }

    static func points(_ m: Matrix<Float>) -> [(Double, Double)] {
        (0..<m.rows).map { (Double(m[$0, 0]), Double(m[$0, 1])) }
    }

    /// Final samples, as (x, y) points (y = 0 for 1-D).
    public mutating func finalSamples(_ count: Int) -> Matrix<Float> { trainer.sample(count) }
}
