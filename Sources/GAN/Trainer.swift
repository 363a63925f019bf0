/// The GAN training loop (Goodfellow et al. 2014, Algorithm 1), for small
/// MLPs on toy data, with the variants the mode-collapse demo compares.
///
/// Each `step()` does k D-steps (each on a fresh minibatch of m real samples
/// and m fakes) and then one G-step. Variants:
/// - PacGAN (Lin et al. 2018): D sees `pack` samples concatenated, all real or
///   all fake;
/// - minibatch discrimination (Salimans et al. 2016, §3.2): a layer in D that
///   compares the samples of a batch;
/// - Unrolled GAN (Metz et al. 2017), first-order: G's loss is computed
///   against a copy of D advanced `unrolling` extra steps; the gradient does
///   not flow back through those steps. A labelled comparison only: the
///   paper's method (`.unrolled`) differentiates through them.
/// The remedies that need a second derivative or other networks (the full
/// Unrolled GAN, DRAGAN, EBGAN, MAD-GAN, MRGAN) train on a tape: see
/// Remedies/RemedyStep.swift, where each names its paper.
/// WGAN clips D's weights to [−c, c] after each D step.
import Distributions
import NeuralNet

public struct GANConfiguration: Sendable, Equatable {
    public enum Variant: Sendable, Equatable {
        case vanilla
        case pack(Int)
        case minibatchDiscrimination(kernels: Int)
        /// Metz et al. 2017: G's loss after K unrolled Adam steps of D, differentiated through them.
        case unrolled(Int)
        /// The same surrogate without the gradient through the steps (a comparison).
        case unrolledFirstOrder(Int)
        /// Kodali et al. 2017: λ(‖∇D(x̂)‖ − 1)² at perturbed real points.
        case dragan(lambda: Double)
        /// Zhao et al. 2017: an autoencoder D, margin m, pulling-away weight.
        case ebgan(margin: Double, pullingAway: Double)
        /// Ghosh et al. 2018: k generators sharing all layers but the last, a (k+1)-way D.
        case madgan(generators: Int)
        /// Che et al. 2017: an encoder E, λ₁·‖x − G(E(x))‖², λ₂·(−log D(G(E(x)))).
        case mrgan(geometric: Double, mode: Double)
    }

    public var target: Target
    public var loss: GANLoss = .nonsaturating
    public var variant: Variant = .vanilla
    public var dSteps = 1
    public var batch = 256
    public var learningRateD = 1e-3
    public var learningRateG = 1e-3
    public var hidden = 128
    public var layers = 2
    public var zDimension = 2
    public var clip = 0.01
    /// WGAN-GP's λ (Gulrajani et al. 2017 use 10).
    public var penalty = 10.0
    /// Adam's β₁ (0.5, as in DCGAN, Radford et al. 2016; PyTorch's default is 0.9).
    public var beta1 = 0.5
    /// D's hidden layers, when they differ from G's `layers`.
    public var discriminatorLayers: Int?
    /// D's hidden units per layer, when they differ from G's `hidden`.
    public var discriminatorHidden: Int?
    /// A fixed factor on D's input (Metz et al. 2017 divide by 4).
    public var discriminatorInputScale = 1.0
    /// D's hidden activation.
    public var discriminatorActivation: Activation = .leakyReLU(0.2)
    /// Orthogonal initial weights times this gain (Metz et al. 2017: 0.8); nil for Glorot.
    public var orthogonalGain: Double?
    public var seed: UInt64 = 1

    public init(target: Target) { self.target = target }

    /// How many samples D sees at once (PacGAN's m; 1 otherwise).
    public var pack: Int {
        if case .pack(let p) = variant { return p }
        return 1
    }

    /// MAD-GAN's k (1 otherwise).
    public var generators: Int {
        if case .madgan(let k) = variant { return k }
        return 1
    }
}

extension GANConfiguration {
    /// D's outputs: one logit; EBGAN's reconstruction; MAD-GAN's k + 1 logits.
    var discriminatorOutputs: Int {
        switch variant {
        case .ebgan: return target.dimension
        case .madgan(let k): return k + 1
        default: return 1
        }
    }
}

extension GANConfiguration.Variant {
    /// Whether the step is built on the autodiff tape (Remedies/RemedyStep.swift).
    var trainsOnTape: Bool {
        switch self {
        case .unrolled, .dragan, .ebgan, .madgan, .mrgan: return true
        case .vanilla, .pack, .minibatchDiscrimination, .unrolledFirstOrder: return false
        }
    }
}

public struct GANTrainer: Sendable {
    public private(set) var configuration: GANConfiguration
    /// G; under MAD-GAN, k generators sharing all layers but the last, whose
    /// outputs sit side by side (k × the data's dimension).
    public var generator: Network<Float>
    /// D; under EBGAN an autoencoder (its output is a reconstruction), under
    /// MAD-GAN k + 1 logits (one per generator, then "real").
    public var discriminator: Network<Float>
    /// MRGAN's encoder E: x → z.
    public var encoder: Network<Float>?
    var optimizerG: Optimizer<Float>
    var optimizerD: Optimizer<Float>
    var optimizerE: Optimizer<Float>?
    var rng: SeededGenerator
    public internal(set) var steps = 0

    public init(_ configuration: GANConfiguration) {
        self.configuration = configuration
        var rng = SeededGenerator(seed: configuration.seed)
        let data = configuration.target.dimension
        let pack = configuration.pack
        var kernels = 0
        if case .minibatchDiscrimination(let k) = configuration.variant { kernels = k }
        let c = configuration
        generator = .mlp(
            inputs: c.zDimension, hidden: c.hidden, layers: c.layers, outputs: data * c.generators, activation: .relu,
            orthogonalGain: c.orthogonalGain, using: &rng)
        discriminator = .mlp(
            inputs: data * pack, hidden: c.discriminatorHidden ?? c.hidden, layers: c.discriminatorLayers ?? c.layers, outputs: c.discriminatorOutputs,
            activation: c.discriminatorActivation, minibatchKernels: kernels, orthogonalGain: c.orthogonalGain, using: &rng)
        discriminator.inputScale = Float(c.discriminatorInputScale)
        if case .mrgan = c.variant {
            encoder = .mlp(
                inputs: data, hidden: c.hidden, layers: c.layers, outputs: c.zDimension, activation: .relu,
                orthogonalGain: c.orthogonalGain, using: &rng)
            optimizerE = .adam(c.learningRateG, beta1: c.beta1)
        }
        if configuration.loss == .wgan {
            // WGAN's Algorithm 1 uses RMSProp.
            optimizerD = .rmsprop(configuration.learningRateD)
            optimizerG = .rmsprop(configuration.learningRateG)
        } else if configuration.loss == .wganGP {
            // WGAN-GP's Algorithm 1: Adam with β₁ = 0, β₂ = 0.9.
            optimizerD = .adam(configuration.learningRateD, beta1: 0, beta2: 0.9)
            optimizerG = .adam(configuration.learningRateG, beta1: 0, beta2: 0.9)
        } else {
            optimizerD = .adam(configuration.learningRateD, beta1: configuration.beta1)
            optimizerG = .adam(configuration.learningRateG, beta1: configuration.beta1)
        }
        self.rng = rng
        if configuration.loss == .wgan { discriminator.clipWeights(Float(configuration.clip)) }
    }

    /// `count` noise vectors z ∼ N(0, I).
    static func noise(_ count: Int, _ dimension: Int, using rng: inout SeededGenerator) -> Matrix<Float> {
        Matrix(
            rows: count, columns: dimension,
            values: (0..<(count * dimension)).map { _ in Float(StandardNormal.sample(using: &rng)) })
    }

    /// Rows grouped `pack` at a time into one row of `pack`× the width.
    static func packed(_ x: Matrix<Float>, _ pack: Int) -> Matrix<Float> {
        pack == 1 ? x : Matrix(rows: x.rows / pack, columns: x.columns * pack, values: x.values)
    }

    public struct StepLosses: Sendable { public var d: Float; public var g: Float }

    /// k D-steps, then one G-step. Returns the last D loss and the G loss.
    @discardableResult
    public mutating func step() -> StepLosses {
        if configuration.variant.trainsOnTape { return remedyStep() }
        var dLoss: Float = 0
        for _ in 0..<configuration.dSteps {
            dLoss = Self.discriminatorStep(&discriminator, &optimizerD, generator: &generator, rng: &rng, configuration)
        }
        let gLoss = generatorStep()
        steps += 1
        return StepLosses(d: dLoss, g: gLoss)
    }

    /// One update of `d` on a fresh batch of real samples and fakes.
    static func discriminatorStep(
        _ d: inout Network<Float>, _ optimizer: inout Optimizer<Float>,
        generator: inout Network<Float>, rng: inout SeededGenerator,
        _ configuration: GANConfiguration
    ) -> Float {
        let m = configuration.batch
        let pack = configuration.pack
        let real = packed(configuration.target.sample(m, using: &rng), pack)
        let fake = packed(generator.forward(noise(m, configuration.zDimension, using: &rng)), pack)
        let loss = accumulateDiscriminatorGradients(&d, real: real, fake: fake, configuration)
        var total = loss
        if configuration.loss == .wganGP {
            let weights = (0..<real.rows).map { _ in Float(UnitInterval.open(using: &rng)) }
            let between = penaltyPoints(real: real, fake: fake, weights: weights)
            total += d.gradientPenalty(at: between, lambda: Float(configuration.penalty)) ?? 0
        }
        optimizer.step(&d)
        if configuration.loss == .wgan { d.clipWeights(Float(configuration.clip)) }
        return total
    }

    /// WGAN-GP's points x̂ = ε·x + (1 − ε)·G(z), on the line between the i-th
    /// real and fake rows with ε = `weights[i]` (Gulrajani et al. 2017, Alg. 1:
    /// ε ∼ U(0, 1) per pair).
    static func penaltyPoints(real: Matrix<Float>, fake: Matrix<Float>, weights: [Float]) -> Matrix<Float> {
        var between = real
        for i in 0..<real.rows {
            let e = weights[i]
            for j in 0..<real.columns { between[i, j] = e * real[i, j] + (1 - e) * fake[i, j] }
        }
        return between
    }

    /// Sets `d`'s gradients to those of its loss on packed `real` and `fake`
    /// batches, and returns the loss.
    static func accumulateDiscriminatorGradients(
        _ d: inout Network<Float>, real: Matrix<Float>, fake: Matrix<Float>, _ configuration: GANConfiguration
    ) -> Float {
        d.zeroGradients()
        if case .minibatchDiscrimination = configuration.variant {
            // Real and fake batches stay apart: the layer compares samples within a
            // batch. A copy keeps the fake pass's caches for its backward pass.
            let fakeOut = d.forward(fake)
            var fakePass = d
            let realOut = d.forward(real)
            let l = configuration.loss.discriminator(real: realOut.values, fake: fakeOut.values)
            d.backward(Matrix(rows: realOut.rows, columns: 1, values: l.dReal), input: false)
            fakePass.backward(Matrix(rows: fakeOut.rows, columns: 1, values: l.dFake), input: false)
            d.addGradients(of: fakePass)
            return l.loss
        }
        // One pass over real and fake stacked: the same gradients, half the calls.
        let out = d.forward(Matrix.stacked(real, fake))
        let l = configuration.loss.discriminator(real: Array(out.values[..<real.rows]), fake: Array(out.values[real.rows...]))
        d.backward(Matrix(rows: out.rows, columns: 1, values: l.dReal + l.dFake), input: false)
        return l.loss
    }

    /// Sets `g`'s gradients to those of `loss` against `critic` for noise `z`, and returns the loss.
    static func accumulateGeneratorGradients(
        _ g: inout Network<Float>, critic: inout Network<Float>, noise z: Matrix<Float>, loss: GANLoss, pack: Int
    ) -> Float {
        g.zeroGradients()
        let fake = g.forward(z)
        let out = critic.forward(packed(fake, pack))
        let (value, dOut) = loss.generator(fake: out.values)
        // Only ∂L/∂(G's samples) is needed from D: its own gradients are left alone.
        let dPacked = critic.backward(Matrix(rows: out.rows, columns: 1, values: dOut), parameters: false)
        g.backward(Matrix(rows: fake.rows, columns: fake.columns, values: dPacked.values), input: false)
        return value
    }

    /// One update of G against D (or, unrolled, against D advanced a few steps).
    mutating func generatorStep() -> Float {
        if configuration.variant.trainsOnTape { return remedyGeneratorStep() }
        var critic = discriminator
        if case .unrolledFirstOrder(let k) = configuration.variant {
            var optimizer = optimizerD
            for _ in 0..<k { _ = Self.discriminatorStep(&critic, &optimizer, generator: &generator, rng: &rng, configuration) }
        }
        let z = Self.noise(configuration.batch, configuration.zDimension, using: &rng)
        let loss = Self.accumulateGeneratorGradients(&generator, critic: &critic, noise: z, loss: configuration.loss, pack: configuration.pack)
        optimizerG.step(&generator)
        return loss
    }

    // MARK: The saturation experiment (Arjovsky & Bottou 2017, §2.2)

    /// One D update with G held fixed.
    @discardableResult
    public mutating func trainDiscriminatorOnly() -> Float {
        if configuration.variant.trainsOnTape {
            // The remedy's own D loss, as each D-step of `remedyStep()` takes it.
            let result = Self.discriminatorGradients(self, batch: drawBatch())
            discriminator.setGradients(result.discriminator)
            optimizerD.step(&discriminator)
            return result.loss
        }
        return Self.discriminatorStep(&discriminator, &optimizerD, generator: &generator, rng: &rng, configuration)
    }

    /// The share of a fresh batch (m real, m fake) that D classifies correctly at ½.
    public mutating func discriminatorAccuracy() -> Double {
        var probe = SeededGenerator(seed: configuration.seed &+ 0xACC &+ UInt64(steps))
        let m = configuration.batch
        let real = Self.packed(configuration.target.sample(m, using: &probe), configuration.pack)
        let fake = Self.packed(generator.forward(Self.noise(m, configuration.zDimension, using: &probe)), configuration.pack)
        var d = discriminator
        let right = d.forward(real).values.filter { $0 > 0 }.count + d.forward(fake).values.filter { $0 <= 0 }.count
        return Double(right) / Double(real.rows + fake.rows)
    }

    /// ‖∇_θ_G L_G‖ for a G loss, on a fixed batch of noise, without updating anything.
    public mutating func generatorGradientNorm(_ loss: GANLoss) -> Double {
        var probe = SeededGenerator(seed: configuration.seed &+ 0x96AD)
        let z = Self.noise(configuration.batch, configuration.zDimension, using: &probe)
        var g = generator, d = discriminator
        g.zeroGradients()
        let fake = g.forward(z)
        let out = d.forward(Self.packed(fake, configuration.pack))
        let (_, dOut) = loss.generator(fake: out.values)
        let dFake = d.backward(Matrix(rows: out.rows, columns: 1, values: dOut), parameters: false)
        g.backward(Matrix(rows: fake.rows, columns: fake.columns, values: dFake.values), input: false)
        var sum = 0.0
        g.withParameters { _, p in for v in p.gradient { sum += Double(v) * Double(v) } }
        return sum.squareRoot()
    }

    /// `count` generated samples (rows of the target's dimension).
    public mutating func sample(_ count: Int) -> Matrix<Float> {
        var sampler = SeededGenerator(seed: configuration.seed &+ 0x5EED &+ UInt64(steps))
        return generate(Self.noise(count, configuration.zDimension, using: &sampler))
    }

    /// G(z) for each row of `z`; under MAD-GAN, row i comes from generator i mod k.
    public mutating func generate(_ z: Matrix<Float>) -> Matrix<Float> {
        let out = generator.forward(z)
        let k = configuration.generators, dim = configuration.target.dimension
        guard k > 1 else { return out }
        var mine = Matrix<Float>(rows: out.rows, columns: dim)
        for i in 0..<out.rows { for j in 0..<dim { mine[i, j] = out[i, (i % k) * dim + j] } }
        return mine
    }
}

// MARK: Steering, one player at a time (the lab)

extension GANTrainer {
    /// One G update alone (GAN Lab's "G step"). It ends a step, as the G-step
    /// of `step()` does, so `steps` counts G updates either way.
    @discardableResult
    public mutating func trainGeneratorOnly() -> Float {
        let loss = generatorStep()
        steps += 1
        return loss
    }

    /// New settings from the next update on; the networks are kept. An
    /// optimiser keeps its state when its kind stays (only the rate changes)
    /// and starts afresh when it changes (Adam ↔ RMSProp ↔ WGAN-GP's Adam), as
    /// `init` would have chosen it. Switching to WGAN clips D's weights.
    public mutating func retune(loss: GANLoss, dSteps: Int, learningRateD: Double, learningRateG: Double) {
        var new = configuration
        new.loss = loss
        new.dSteps = dSteps
        new.learningRateD = learningRateD
        new.learningRateG = learningRateG
        let fresh = GANTrainer(new)
        if fresh.optimizerD.kind == optimizerD.kind {
            optimizerD.learningRate = learningRateD
            optimizerG.learningRate = learningRateG
        } else {
            optimizerD = fresh.optimizerD
            optimizerG = fresh.optimizerG
        }
        if loss == .wgan && configuration.loss != .wgan { discriminator.clipWeights(Float(new.clip)) }
        configuration = new
    }
}
