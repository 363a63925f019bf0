/// A training step of the remedies that are built on the tape: the full
/// Unrolled GAN, DRAGAN, EBGAN, MAD-GAN and MRGAN. Each loss names its paper
/// in RemedyLosses; here the batch is drawn, the losses are differentiated
/// and the optimisers step.
import Autodiff
import Distributions
import NeuralNet

/// A loss and the gradients of the networks it trains, in parameter order
/// (values: the tape they came from is gone).
struct RemedyGradients {
    var loss: Float
    var generator: [[Float]] = []
    var discriminator: [[Float]] = []
    var encoder: [[Float]] = []
    /// The Unrolled GAN's G-step also yields D's loss before D's update (its first unrolled step).
    var discriminatorLoss: Float?

    init(loss: Var, generator: [Var] = [], discriminator: [Var] = [], encoder: [Var] = [], discriminatorLoss: Var? = nil) {
        self.loss = loss.scalar
        self.discriminatorLoss = discriminatorLoss?.scalar
        self.generator = generator.map(\.value.values)
        self.discriminator = discriminator.map(\.value.values)
        self.encoder = encoder.map(\.value.values)
    }
}

/// The networks of one step on a tape, with the players being trained as variables.
struct RemedyPlayers {
    let tape: Tape
    var g: TapeNetwork, d: TapeNetwork, e: TapeNetwork?

    init(_ trainer: GANTrainer, training: Player, on tape: Tape) {
        self.tape = tape
        g = TapeNetwork(trainer.generator, on: tape, trainable: training == .generator)
        d = TapeNetwork(trainer.discriminator, on: tape, trainable: training == .discriminator)
        e = trainer.encoder.map { TapeNetwork($0, on: tape, trainable: training == .generator) }
    }

    enum Player { case generator, discriminator }
}

extension GANTrainer {
    /// The random draws of one step.
    mutating func drawBatch() -> RemedyBatch {
        let c = configuration, m = c.batch, dim = c.target.dimension
        let real = c.target.sample(m, using: &rng)
        let noise = Self.noise(m, c.zDimension, using: &rng)
        var uniform = Matrix<Float>(rows: 0, columns: 0)
        if case .dragan = c.variant {
            uniform = Matrix(rows: m, columns: dim + 1, values: (0..<(m * (dim + 1))).map { _ in Float(UnitInterval.open(using: &rng)) })
        }
        return RemedyBatch(real: real, noise: noise, uniform: uniform)
    }

    /// k D-steps and one G-step on the tape. The Unrolled GAN's G-step also
    /// yields D's gradient and loss on its batch (its first unrolled step); the
    /// gradient is applied after G's update, as in Metz et al.'s simultaneous
    /// updates (eqs. 10–11), and the loss is the D loss reported for the step.
    mutating func remedyStep() -> StepLosses {
        var dLoss: Float = 0
        let unrolled: Bool
        if case .unrolled = configuration.variant { unrolled = true } else { unrolled = false }
        for _ in 0..<(unrolled ? configuration.dSteps - 1 : configuration.dSteps) {
            let result = Self.discriminatorGradients(self, batch: drawBatch())
            discriminator.setGradients(result.discriminator)
            optimizerD.step(&discriminator)
            dLoss = result.loss
        }
        let batch = drawBatch()
        let result = Self.generatorGradients(self, batch: batch)
        generator.setGradients(result.generator)
        optimizerG.step(&generator)
        if var e = encoder, var optimizer = optimizerE {
            e.setGradients(result.encoder)
            optimizer.step(&e)
            encoder = e
            optimizerE = optimizer
        }
        if unrolled {
            discriminator.setGradients(result.discriminator)
            optimizerD.step(&discriminator)
            dLoss = result.discriminatorLoss ?? dLoss
        }
        steps += 1
        return StepLosses(d: dLoss, g: result.loss)
    }

    /// One G-step alone (the lab's "G step").
    mutating func remedyGeneratorStep() -> Float {
        let result = Self.generatorGradients(self, batch: drawBatch())
        generator.setGradients(result.generator)
        optimizerG.step(&generator)
        return result.loss
    }

    // MARK: D

    /// D's loss for the trainer's variant on `batch`, and D's gradients.
    static func discriminatorGradients(_ trainer: GANTrainer, batch: RemedyBatch) -> RemedyGradients {
        Tape.recording { discriminatorGradients(trainer, batch: batch, on: $0) }
    }

    static func discriminatorGradients(_ trainer: GANTrainer, batch: RemedyBatch, on tape: Tape) -> RemedyGradients {
        let p = RemedyPlayers(trainer, training: .discriminator, on: tape)
        let c = trainer.configuration
        let real = tape.constant(batch.real)
        let fake = generated(p, c, noise: tape.constant(batch.noise))
        let loss: Var
        switch c.variant {
        case .dragan(let lambda):
            loss =
                RemedyLosses.discriminator(real: p.d(real), fake: p.d(fake))
                + RemedyLosses.draganPenalty(p.d, batch: batch, lambda: Float(lambda), k: 1, on: tape)
        case .ebgan(let margin, _):
            // L_D = D(x) + [m − D(G(z))]⁺ (Zhao et al. 2017, eq. 1).
            let realEnergy = RemedyLosses.energy(p.d, real).energy
            let fakeEnergy = RemedyLosses.energy(p.d, fake).energy
            loss = realEnergy.mean() + (-fakeEnergy).shifted(Float(margin)).relu().mean()
        case .madgan(let k):
            // (k+1)-way cross-entropy: real → class k, the sample of G_i → class i (Ghosh et al. 2018, §3).
            let m = batch.real.rows
            loss =
                RemedyLosses.crossEntropy(p.d(real), labels: Array(repeating: k, count: m))
                + RemedyLosses.crossEntropy(p.d(fake), labels: (0..<m).map { $0 % k })
        default:
            loss = RemedyLosses.discriminator(real: p.d(real), fake: p.d(fake))
        }
        return RemedyGradients(loss: loss, discriminator: tape.gradients(of: loss, wrt: p.d.parameters))
    }

    /// G's samples for `noise`: under MAD-GAN, row i from generator i mod k.
    static func generated(_ p: RemedyPlayers, _ c: GANConfiguration, noise: Var) -> Var {
        let out = p.g(noise)
        guard c.generators > 1 else { return out }
        return RemedyLosses.ownHead(out, generators: c.generators, dimension: c.target.dimension)
    }

    // MARK: G

    /// G's loss for the trainer's variant on `batch`, and the gradients of G
    /// (and E, and for the Unrolled GAN, D's own gradient at its first step).
    static func generatorGradients(_ trainer: GANTrainer, batch: RemedyBatch) -> RemedyGradients {
        Tape.recording { tape in
            if case .unrolled(let k) = trainer.configuration.variant { return unrolledGradients(trainer, batch: batch, steps: k, on: tape) }
            return generatorGradients(trainer, batch: batch, on: tape)
        }
    }

    static func generatorGradients(_ trainer: GANTrainer, batch: RemedyBatch, on tape: Tape) -> RemedyGradients {
        let c = trainer.configuration
        let p = RemedyPlayers(trainer, training: .generator, on: tape)
        let fake = generated(p, c, noise: tape.constant(batch.noise))
        let loss: Var
        switch c.variant {
        case .ebgan(_, let weight):
            // L_G = D(G(z)) + λ_PT·f_PT(S) (Zhao et al. 2017, eq. 2 and §2.4).
            let (energy, code) = RemedyLosses.energy(p.d, fake)
            loss = energy.mean() + RemedyLosses.pullingAway(code).scaled(Float(weight))
        case .madgan(let k):
            // Each G_i pushes its samples toward D's "real" class: −log D_{k+1}(G_i(z)).
            loss = RemedyLosses.crossEntropy(p.d(fake), labels: Array(repeating: k, count: batch.real.rows))
        case .mrgan(let geometric, let mode):
            loss = mrganLoss(p, real: tape.constant(batch.real), fake: fake, geometric: Float(geometric), mode: Float(mode))
        default:
            loss = RemedyLosses.nonSaturating(fake: p.d(fake))
        }
        let wrt = p.g.parameters + (p.e?.parameters ?? [])
        let gradients = tape.gradients(of: loss, wrt: wrt)
        let count = p.g.parameters.count
        return RemedyGradients(loss: loss, generator: Array(gradients[..<count]), encoder: Array(gradients[count...]))
    }

    /// MRGAN's G loss (Che et al. 2017, §3.1, eq. 3):
    /// −𝔼 log D(G(z)) + 𝔼[λ₁‖x − G(E(x))‖² + λ₂·(−log D(G(E(x))))]. The paper
    /// prints +λ₂ log D(G∘E(x)) in a loss G minimises, which would push the
    /// reconstructions toward "fake", against the regulariser's stated
    /// purpose; we take it as a sign slip and use −log D, as the first term
    /// does. E minimises the bracket, so G's loss gives E's gradient too.
    static func mrganLoss(_ p: RemedyPlayers, real: Var, fake: Var, geometric: Float, mode: Float) -> Var {
        let reconstruction = p.g(p.e!(real))
        let distance = (real - reconstruction).squared().sumColumns().mean()
        return RemedyLosses.nonSaturating(fake: p.d(fake)) + distance.scaled(geometric)
            + RemedyLosses.nonSaturating(fake: p.d(reconstruction)).scaled(mode)
    }

    /// The Unrolled GAN (Metz et al. 2017, §2.1–2.2): D advanced K Adam steps
    /// on the fixed batch (θ_D^{k+1} = θ_D^k − Adam(∇L_D)), kept on the tape
    /// with their second-order terms; G minimises f_K = −L_D(θ_G, θ_D^K), the
    /// saturating minimax value (eq. 9), and its gradient flows through every
    /// unrolled step (eq. 12). D's gradient at θ_D^0 is returned for D's own
    /// update, which is the first unrolled step (eq. 11).
    static func unrolledGradients(_ trainer: GANTrainer, batch: RemedyBatch, steps k: Int, on tape: Tape) -> RemedyGradients {
        let g = TapeNetwork(trainer.generator, on: tape, trainable: true)
        var d = TapeNetwork(trainer.discriminator, on: tape, trainable: true)
        let real = tape.constant(batch.real)
        let fake = g(tape.constant(batch.noise))
        var adam = UnrolledAdam(trainer.optimizerD, shapes: d.parameters.map { ($0.rows, $0.columns) }, on: tape)
        var first: [Var] = []
        var firstLoss: Var?
        for step in 0..<k {
            let loss = RemedyLosses.discriminator(real: d(real), fake: d(fake))
            let gradient = tape.gradients(of: loss, wrt: d.parameters, createGraph: true)
            if step == 0 { (first, firstLoss) = (gradient, loss) }
            d = TapeNetwork(replacing: adam.step(d.parameters, gradients: gradient), of: d)
        }
        let value = -RemedyLosses.discriminator(real: d(real), fake: d(fake))
        let gradients = tape.gradients(of: value, wrt: g.parameters)
        return RemedyGradients(loss: value, generator: gradients, discriminator: first, discriminatorLoss: firstLoss)
    }
}
