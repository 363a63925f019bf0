import Distributions
@testable import GAN
import NeuralNet
import Testing

import Glibc

@Suite struct GANLossTests {
    /// Central differences in Float: h = 1e-2 keeps rounding small against the O(h²) error.
    func numericGradient(_ f: ([Float]) -> Float, at x: [Float], _ i: Int) -> Float {
        var p = x, m = x
        p[i] += 1e-2
        m[i] -= 1e-2
        return (f(p) - f(m)) / 2e-2
    }

    @Test(arguments: GANLoss.allCases)
    func generatorGradientsMatchFiniteDifferences(loss: GANLoss) {
        let logits: [Float] = [-3, -0.5, 0, 0.8, 2.5]
        let (_, gradient) = loss.generator(fake: logits)
        for i in logits.indices {
            let numeric = numericGradient({ loss.generator(fake: $0).loss }, at: logits, i)
            #expect(abs(numeric - gradient[i]) < 1e-3, "\(loss) l[\(i)]: \(gradient[i]) vs \(numeric)")
        }
    }

    @Test(arguments: GANLoss.allCases)
    func discriminatorGradientsMatchFiniteDifferences(loss: GANLoss) {
        let real: [Float] = [1.5, -0.2, 0.3], fake: [Float] = [-2, 0.1, 0.9, -0.4]
        let (_, dReal, dFake) = loss.discriminator(real: real, fake: fake)
        for i in real.indices {
            let numeric = numericGradient({ loss.discriminator(real: $0, fake: fake).loss }, at: real, i)
            #expect(abs(numeric - dReal[i]) < 1e-3)
        }
        for i in fake.indices {
            let numeric = numericGradient({ loss.discriminator(real: real, fake: $0).loss }, at: fake, i)
            #expect(abs(numeric - dFake[i]) < 1e-3)
        }
    }

    @Test func valuesAtAnUndecidedD() {
        // D(x) = σ(0) = ½ everywhere: the equilibrium of Goodfellow et al. 2014, Thm 1.
        #expect(abs(GANLoss.nonsaturating.discriminator(real: [0], fake: [0]).loss - Float(log(4.0))) < 1e-6)
        #expect(abs(GANLoss.minimax.generator(fake: [0]).loss + Float(log(2.0))) < 1e-6)
        #expect(abs(GANLoss.nonsaturating.generator(fake: [0]).loss - Float(log(2.0))) < 1e-6)
    }

    @Test func minimaxGradientVanishesWhereDIsSure() {
        // A confident D (logit −10 on a fake): minimax ∂/∂l = −σ(−10) ≈ −4.5e-5; non-saturating ≈ −1.
        #expect(abs(GANLoss.minimax.generator(fake: [-10]).dFake[0]) < 1e-4)
        #expect(abs(GANLoss.nonsaturating.generator(fake: [-10]).dFake[0] + 1) < 1e-4)
    }
}

@Suite struct TrainerTests {
    func configuration(_ target: Target = .ring, seed: UInt64 = 1) -> GANConfiguration {
        var c = GANConfiguration(target: target)
        c.hidden = 16
        c.batch = 32
        c.seed = seed
        return c
    }

    @Test func theSameSeedTrainsTheSameNetworks() {
        var a = GANTrainer(configuration()), b = GANTrainer(configuration()), c = GANTrainer(configuration(seed: 2))
        for _ in 0..<10 { a.step(); b.step(); c.step() }
        #expect(a.generator == b.generator && a.discriminator == b.discriminator)
        #expect(a.generator != c.generator)
    }

    @Test func wganClipsTheCriticAfterEveryStep() {
        var c = configuration()
        c.loss = .wgan
        c.learningRateD = 0.05  // large steps, so clipping has work to do
        var trainer = GANTrainer(c)
        for _ in 0..<5 {
            trainer.step()
            var critic = trainer.discriminator
            var largest: Float = 0
            critic.withParameters { _, p in largest = max(largest, p.values.map(abs).max() ?? 0) }
            #expect(largest <= 0.01)
            #expect(largest == 0.01)  // some weight sits on the bound: the clip acted
        }
    }

    @Test func packingGroupsSamples() {
        let x = Matrix<Float>(rows: 4, columns: 2, values: [1, 2, 3, 4, 5, 6, 7, 8])
        let packed = GANTrainer.packed(x, 2)
        #expect(packed.rows == 2 && packed.columns == 4 && packed.values == x.values)
    }

    @Test func aShortRunLearnsA1DGaussian() {
        var c = configuration(.oneDimensional(Mixture([(1, .normal(mu: 1, sigma: 0.5))]), spec: "N(1,0.5)"))
        c.hidden = 32
        c.batch = 128
        var run = TrainingRun(c)
        run.evaluationSamples = 2000
        run.train(steps: 800, evaluations: 4)
        let first = run.checkpoints.first!.wasserstein1!, last = run.checkpoints.last!.wasserstein1!
        #expect(first > 0.5)  // G starts near 0, far from N(1, 0.5)
        #expect(last < 0.25, "W1 after 800 steps: \(last)")
    }

    @Test func theSaturationExperimentShowsVanishingMinimaxGradients() {
        var c = configuration()
        c.hidden = 128  // the d-steps demo's networks
        c.batch = 256
        var trainer = GANTrainer(c)
        let before = trainer.generatorGradientNorm(.minimax)
        for _ in 0..<200 { trainer.trainDiscriminatorOnly() }
        #expect(trainer.discriminatorAccuracy() > 0.99)
        #expect(trainer.generatorGradientNorm(.minimax) < before / 10)
        #expect(trainer.generatorGradientNorm(.nonsaturating) > before)
    }
}

@Suite struct QualityMetricTests {
    let ring = Target.ring

    @Test func samplesOnThreeModesCaptureThree() {
        let modes = ring.modes
        let samples = (0..<300).map { i in modes[i % 3] }
        let coverage = ModeCoverage(samples: samples, modes: modes, sigma: 0.02)
        #expect(coverage.modesCaptured == 3)
        #expect(coverage.highQualityShare == 1)
        #expect(coverage.samplesPerMode == [100, 100, 100, 0, 0, 0, 0, 0])
    }

    @Test func samplesBetweenModesAreNotHighQuality() {
        let modes = ring.modes
        let between = (0..<8).map { k in ((modes[k].0 + modes[(k + 1) % 8].0) / 2, (modes[k].1 + modes[(k + 1) % 8].1) / 2) }
        let coverage = ModeCoverage(samples: between + [(modes[5].0 + 0.059, modes[5].1)], modes: modes, sigma: 0.02)
        #expect(coverage.modesCaptured == 1)  // only the one within 3σ = 0.06
        #expect(abs(coverage.highQualityShare - 1.0 / 9) < 1e-12)
    }

    @Test func samplesFromTheTargetCaptureEverything() {
        var rng = SeededGenerator(seed: 4)
        let m = Target.grid.sample(2500, using: &rng)
        let points = (0..<m.rows).map { (Double(m[$0, 0]), Double(m[$0, 1])) }
        let coverage = ModeCoverage(samples: points, modes: Target.grid.modes, sigma: 0.05)
        #expect(coverage.modesCaptured == 25)
        // A 2-D Gaussian puts 1 − e^{−9/2} ≈ 0.9889 of its mass within 3σ.
        #expect(abs(coverage.highQualityShare - (1 - exp(-4.5))) < 0.005)
    }

    @Test func sortedSampleW1() {
        let a = (0..<100).map { Double($0) / 10 }
        #expect(abs(SampleDistance.wasserstein1(a, a.map { $0 + 0.7 }) - 0.7) < 1e-12)
        #expect(SampleDistance.wasserstein1(a, a.reversed()) == 0)  // order does not matter
    }

    @Test func histogramJSD() {
        let a = (0..<1000).map { Double($0) / 1000 }
        #expect(SampleDistance.histogramJSD(a, a) == 0)
        #expect(abs(SampleDistance.histogramJSD(a, a.map { $0 + 5 }) - log(2.0)) < 1e-12)
    }

    @Test func edgeCasesGiveNumbersNotTraps() {
        #expect(SampleDistance.histogramJSD([], [1, 2]).isNaN)
        #expect(SampleDistance.histogramJSD([1, .nan], [1, 2]).isNaN)
        #expect(SampleDistance.histogramJSD([1], [2], bins: 0).isNaN)
        #expect(SampleDistance.histogramJSD([3, 3], [3]) == 0)
        let none = ModeCoverage(samples: [(0, 0), (1, 1)], modes: [], sigma: 0.1)
        #expect(none.modesCaptured == 0 && none.highQualityShare == 0 && none.reverseKL == 0)
        let empty = ModeCoverage(samples: [], modes: [(0, 0)], sigma: 0.1)
        #expect(empty.modesCaptured == 0 && empty.reverseKL == 0)
    }
}

@Suite struct WGANGPTests {
    @Test func theCriticMeetsThePenaltyWithoutClipping() {
        var c = GANConfiguration(target: .oneDimensional(Mixture([(1, .normal(mu: 0, sigma: 1))]), spec: "N(0,1)"))
        c.loss = .wganGP
        c.learningRateD = 1e-3
        c.hidden = 32
        c.batch = 64
        var trainer = GANTrainer(c)
        let first = trainer.trainDiscriminatorOnly()
        var last: Float = first
        for _ in 0..<150 { last = trainer.trainDiscriminatorOnly() }
        // At initialisation ‖∇f‖ ≈ 0.1, so the penalty 10·(‖∇f‖ − 1)² dominates; training brings it down.
        #expect(first > 2)
        #expect(last < first / 4)
        var largest: Float = 0
        var critic = trainer.discriminator
        critic.withParameters { _, p in largest = max(largest, p.values.map(abs).max() ?? 0) }
        #expect(largest > 0.01)  // no clipping
    }
}
