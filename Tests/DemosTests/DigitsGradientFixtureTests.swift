/// The networks and losses of `demo digits` against PyTorch autograd
/// (torch 2.13 CPU, float32), from the same weights and batch:
/// Fixtures/make_digits_gradient_fixtures.py wrote Fixtures/digits-gradients.json
/// once. The networks are built by `DigitsSetting.configuration`, as the demo
/// builds them, and the fixture's values are loaded into them.
///
/// Tolerance, per value: |ours − torch| ≤ 1e-5·max|torch| over the tensor, plus
/// 1e-5·|torch|. Both sides compute in float32 but sum in different orders (a
/// 128-wide layer's gradient sums 64 samples of 128 products); such rounding is
/// a few float32 epsilons (6e-8) of the largest terms, and cancellation can make
/// a small entry's own relative error large, hence the tensor's scale. Measured
/// when the fixture was made: at most 2.7e-6 of the tensor's largest value (D's
/// cross-entropy gradients), 2.2e-7 for the penalty's and G's, and every loss
/// within 2e-7 of torch's.
import Datasets
@testable import Demos
import Foundation
@testable import GAN
import NeuralNet
import Testing

@Suite struct DigitsGradientFixtureTests {
    struct Fixture: Decodable {
        var torch: String
        var batch: Int
        var real: [Float], noise: [Float], epsilon: [Float], fake: [Float], discriminatorOutputs: [Float]
        var losses: [String: Float]
        var gradients: [String: [[Float]]]
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "digits-gradients", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static let data = try! BundledDatasets.digits()

    /// The script's weight rule: the k-th value of a network is s·(u/32768 − 1),
    /// u the top 16 bits of SplitMix64's k-th output from `seed`; exact in float32.
    static func loadRuleWeights(_ network: inout Network<Float>, seed: UInt64, firstScale: Double) {
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        network.withParameters { i, p in
            let scale = i % 2 == 1 ? 1.0 / 16 : i == 0 ? firstScale : 1.0 / 8
            p.values = p.values.map { _ in Float(scale * (Double(splitMix() >> 48) / 32768 - 1)) }
        }
    }

    /// A trainer with `demo digits`' networks for `loss`, holding the fixture's weights.
    static func trainer(_ loss: GANLoss) -> GANTrainer {
        var t = GANTrainer(DigitsSetting.configuration(loss: loss, method: .vanilla, seed: 1, training: data.training))
        loadRuleWeights(&t.generator, seed: 0x6A11, firstScale: 1.0 / 4)
        loadRuleWeights(&t.discriminator, seed: 0xD15C, firstScale: 1.0 / 8)
        return t
    }

    static func matrix(_ values: [Float], columns: Int) -> Matrix<Float> {
        Matrix(rows: values.count / columns, columns: columns, values: values)
    }

    static var real: Matrix<Float> { matrix(fixture.real, columns: DigitImages.pixelCount) }
    static var noise: Matrix<Float> { matrix(fixture.noise, columns: DigitsSetting.zDimension) }

    static func gradients(_ network: Network<Float>) -> [[Float]] {
        var copy = network, out: [[Float]] = []
        copy.withParameters { _, p in out.append(p.gradient) }
        return out
    }

    /// The largest |ours − torch| beyond the tolerance, per tensor (≤ 0 when within it).
    static func excess(_ ours: [Float], _ theirs: [Float]) -> Float {
        let scale = theirs.map(abs).max() ?? 0
        return zip(ours, theirs).map { abs($0 - $1) - 1e-5 * scale - 1e-5 * abs($1) }.max() ?? 0
    }

    static func expectClose(_ ours: [[Float]], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let theirs = fixture.gradients[name]!
        #expect(ours.map(\.count) == theirs.map(\.count), "\(name): parameter sizes", sourceLocation: sourceLocation)
        for (i, (a, b)) in zip(ours, theirs).enumerated() {
            let worst = excess(a, b)
            #expect(worst <= 0, "\(name), parameter \(i) of \(ours.count): \(worst) beyond the tolerance", sourceLocation: sourceLocation)
        }
    }

    static func expectClose(_ ours: Float, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let theirs = fixture.losses[name]!
        #expect(abs(ours - theirs) <= 1e-5 * max(abs(theirs), 1), "\(name): \(ours) against torch \(theirs)", sourceLocation: sourceLocation)
    }

    @Test func theBatchIsTheFirstTrainingDigitsScaledAsTheDemoScalesThem() {
        let n = Self.fixture.batch * DigitImages.pixelCount
        #expect(Self.fixture.real == Self.data.training.pixels.prefix(n).map { 2 * $0 - 1 })
        #expect(Self.fixture.noise.count == Self.fixture.batch * DigitsSetting.zDimension)
    }

    /// G's images and D's logits on the real batch: the forward passes agree before any gradient is compared.
    @Test func theForwardPassesMatchTorch() {
        var t = Self.trainer(.nonsaturating)
        let fake = t.generator.forward(Self.noise).values
        #expect(Self.excess(fake, Self.fixture.fake) <= 0)
        let logits = t.discriminator.forward(Self.real).values
        #expect(Self.excess(logits, Self.fixture.discriminatorOutputs) <= 0)
    }

    /// D's loss on the real batch and G's images: cross-entropy (minimax and
    /// non-saturating share it) and the Wasserstein critic's (WGAN, WGAN-GP).
    @Test(arguments: [(GANLoss.nonsaturating, "discriminatorCrossEntropy"), (.wgan, "criticWasserstein")])
    func discriminatorLossAndGradientsMatchTorch(loss: GANLoss, name: String) {
        var t = Self.trainer(loss)
        let fake = t.generator.forward(Self.noise)
        let value = GANTrainer.accumulateDiscriminatorGradients(&t.discriminator, real: Self.real, fake: fake, t.configuration)
        Self.expectClose(value, name)
        Self.expectClose(Self.gradients(t.discriminator), name)
    }

    /// WGAN-GP's penalty at the fixture's points between real and fake, alone (the D step adds it to the critic's gradients).
    @Test func gradientPenaltyAndItsGradientsMatchTorch() {
        var t = Self.trainer(.wganGP)
        let fake = t.generator.forward(Self.noise)
        let between = GANTrainer.penaltyPoints(real: Self.real, fake: fake, weights: Self.fixture.epsilon)
        t.discriminator.zeroGradients()
        let value = t.discriminator.gradientPenalty(at: between, lambda: Float(t.configuration.penalty))
        Self.expectClose(value ?? .nan, "gradientPenalty")
        Self.expectClose(Self.gradients(t.discriminator), "gradientPenalty")
    }

    @Test(arguments: [
        (GANLoss.nonsaturating, "generatorNonsaturating"), (.minimax, "generatorMinimax"), (.wgan, "generatorWasserstein"),
    ])
    func generatorLossAndGradientsMatchTorch(loss: GANLoss, name: String) {
        var t = Self.trainer(loss)
        var critic = t.discriminator
        let value = GANTrainer.accumulateGeneratorGradients(&t.generator, critic: &critic, noise: Self.noise, loss: loss, pack: 1)
        Self.expectClose(value, name)
        Self.expectClose(Self.gradients(t.generator), name)
    }
}
