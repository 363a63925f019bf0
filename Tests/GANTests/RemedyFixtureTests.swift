/// Every remedy's losses and parameter gradients against PyTorch autograd
/// (torch 2.13, float32) from the same weights and batch:
/// Fixtures/make_remedy_fixtures.py wrote Fixtures/remedies.json once.
///
/// Tolerance: 2e-5 absolute plus 2e-4 relative per value. Both sides compute
/// in float32 with sums in different orders; the unrolled case chains three
/// Adam steps, whose division by √v̂ amplifies rounding the most.
import Foundation
@testable import GAN
@testable import NeuralNet
import Testing

@Suite struct RemedyFixtureTests {
    struct Case: Decodable, CustomStringConvertible {
        var name: String
        var real: [Float], noise: [Float], uniform: [Float]
        var g: [[Float]], d: [[Float]], e: [[Float]]?
        var dLoss: Float?, dGradients: [[Float]]?
        var gLoss: Float?, gGradients: [[Float]]?, eGradients: [[Float]]?
        var minimaxLoss: Float?, minimaxGradients: [[Float]]?
        var nonsaturatingLoss: Float?, nonsaturatingGradients: [[Float]]?
        var firstOrderGradients: [[Float]]?
        var adamFirst: [[Float]]?, adamSecond: [[Float]]?, adamSteps: Int?, learningRate: Double?, unrollSteps: Int?
        var description: String { name }
    }
    struct File: Decodable { var torch: String; var cases: [Case] }

    static let cases: [Case] = {
        let url = Bundle.module.url(forResource: "remedies", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    static func named(_ name: String) -> Case { cases.first { $0.name == name }! }

    /// The fixture's shapes: z of 3, hidden 5, G 2 hidden layers, D 1, D's input × 0.25, ReLU.
    static func configuration(_ variant: GANConfiguration.Variant, slope: Double = 0) -> GANConfiguration {
        var c = GANConfiguration(target: .ring)
        c.zDimension = 3
        c.hidden = 5
        c.layers = 2
        c.discriminatorLayers = 1
        c.discriminatorInputScale = 0.25
        c.discriminatorActivation = slope > 0 ? .leakyReLU(slope) : .relu
        c.batch = 6
        c.variant = variant
        return c
    }

    static func load(_ network: inout Network<Float>, _ values: [[Float]]) {
        network.withParameters { i, p in
            precondition(p.values.count == values[i].count, "parameter \(i): \(p.values.count) against \(values[i].count)")
            p.values = values[i]
        }
    }

    static func trainer(_ c: Case, _ configuration: GANConfiguration) -> GANTrainer {
        var t = GANTrainer(configuration)
        load(&t.generator, c.g)
        load(&t.discriminator, c.d)
        if let e = c.e { load(&t.encoder!, e) }
        return t
    }

    static func batch(_ c: Case) -> RemedyBatch {
        RemedyBatch(
            real: Matrix(rows: 6, columns: 2, values: c.real), noise: Matrix(rows: 6, columns: 3, values: c.noise),
            uniform: Matrix(rows: 6, columns: 3, values: c.uniform))
    }

    static func gradients(_ network: Network<Float>) -> [[Float]] {
        var copy = network, out: [[Float]] = []
        copy.withParameters { _, p in out.append(p.gradient) }
        return out
    }

    static func expectClose(_ ours: [[Float]], _ theirs: [[Float]], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ours.count == theirs.count, "\(what): \(ours.count) parameters against \(theirs.count)", sourceLocation: sourceLocation)
        for (i, (a, b)) in zip(ours, theirs).enumerated() {
            let worst = zip(a, b).map { abs($0 - $1) - 2e-4 * abs($1) }.max() ?? 0
            #expect(a.count == b.count && worst <= 2e-5, "\(what), parameter \(i): off by \(worst)\n ours \(a)\n torch \(b)", sourceLocation: sourceLocation)
        }
    }

    static func expectClose(_ ours: Float, _ theirs: Float?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let theirs = theirs ?? .nan
        #expect(abs(ours - theirs) <= 2e-5 + 2e-4 * abs(theirs), "\(what): \(ours) against torch \(theirs)", sourceLocation: sourceLocation)
    }

    // MARK: The hand-written path (vanilla, PacGAN, minibatch discrimination)

    @Test(arguments: [("vanilla", GANConfiguration.Variant.vanilla), ("pacgan", .pack(2)), ("minibatch", .minibatchDiscrimination(kernels: 3))])
    func handWrittenLossesMatchTorch(name: String, variant: GANConfiguration.Variant) {
        let c = Self.named(name)
        var t = Self.trainer(c, Self.configuration(variant, slope: name == "vanilla" ? 0.2 : 0))
        let b = Self.batch(c)
        let pack = t.configuration.pack
        let fake = GANTrainer.packed(t.generator.forward(b.noise), pack)
        let dLoss = GANTrainer.accumulateDiscriminatorGradients(&t.discriminator, real: GANTrainer.packed(b.real, pack), fake: fake, t.configuration)
        Self.expectClose(dLoss, c.dLoss, "\(name) D loss")
        Self.expectClose(Self.gradients(t.discriminator), c.dGradients!, "\(name) D gradients")
        for (loss, value, gradients) in [
            (GANLoss.minimax, c.minimaxLoss, c.minimaxGradients!), (.nonsaturating, c.nonsaturatingLoss, c.nonsaturatingGradients!),
        ] {
            var critic = t.discriminator
            let gLoss = GANTrainer.accumulateGeneratorGradients(&t.generator, critic: &critic, noise: b.noise, loss: loss, pack: pack)
            Self.expectClose(gLoss, value, "\(name) G \(loss) loss")
            Self.expectClose(Self.gradients(t.generator), gradients, "\(name) G \(loss) gradients")
        }
    }

    // MARK: The tape (DRAGAN, EBGAN, MAD-GAN, MRGAN, Unrolled GAN)

    @Test(arguments: [
        ("dragan", GANConfiguration.Variant.dragan(lambda: 10)), ("ebgan", .ebgan(margin: 1, pullingAway: 0.1)),
        ("madgan", .madgan(generators: 3)), ("mrgan", .mrgan(geometric: 0.2, mode: 0.4)),
    ])
    func tapeLossesMatchTorch(name: String, variant: GANConfiguration.Variant) {
        let c = Self.named(name)
        let t = Self.trainer(c, Self.configuration(variant))
        let d = GANTrainer.discriminatorGradients(t, batch: Self.batch(c))
        Self.expectClose(d.loss, c.dLoss, "\(name) D loss")
        Self.expectClose(d.discriminator, c.dGradients!, "\(name) D gradients")
        let g = GANTrainer.generatorGradients(t, batch: Self.batch(c))
        Self.expectClose(g.loss, c.gLoss, "\(name) G loss")
        Self.expectClose(g.generator, c.gGradients!, "\(name) G gradients")
        if let e = c.eGradients { Self.expectClose(g.encoder, e, "\(name) E gradients") }
    }

    /// G's gradient through three unrolled Adam steps of D, from Adam state
    /// part-way through training; and it differs from the first-order one by
    /// far more than the tolerance, so the test sees the second-order terms.
    @Test func unrolledGradientFlowsThroughTheAdamSteps() {
        let c = Self.named("unrolled")
        var configuration = Self.configuration(.unrolled(c.unrollSteps!))
        configuration.learningRateD = c.learningRate!
        var t = Self.trainer(c, configuration)
        t.optimizerD.first = c.adamFirst!
        t.optimizerD.second = c.adamSecond!
        t.optimizerD.steps = c.adamSteps!
        let g = GANTrainer.generatorGradients(t, batch: Self.batch(c))
        Self.expectClose(g.loss, c.gLoss, "unrolled G loss")
        Self.expectClose(g.generator, c.gGradients!, "unrolled G gradients")
        Self.expectClose(g.discriminator, c.dGradients!, "D's gradient at its first unrolled step")
        let full = c.gGradients!.joined(), first = c.firstOrderGradients!.joined()
        let gap = zip(full, first).map { abs($0 - $1) }.max()!
        #expect(gap > 1e-4, "the fixture's full and first-order gradients differ by \(gap) only")
    }
}
