/// GAN losses: what D and G each minimise, on D's logits (or critic values).
///
/// - D, standard GAN: binary cross-entropy, real → 1, fake → 0, i.e. it
///   maximises V = 𝔼 log D(x) + 𝔼 log(1 − D(G(z))) (Goodfellow et al. 2014, eq. 1).
/// - G, minimax: minimises 𝔼 log(1 − D(G(z))) = −𝔼 softplus(l); its gradient
///   −σ(l) vanishes when D confidently rejects the fakes (l ≪ 0).
/// - G, non-saturating: minimises −𝔼 log D(G(z)) = 𝔼 softplus(−l) (ibid., §3).
/// - WGAN: the critic f minimises 𝔼 f(G(z)) − 𝔼 f(x), G minimises −𝔼 f(G(z))
///   (Arjovsky, Chintala & Bottou 2017, Alg. 1), with weights clipped to [−c, c].
/// - WGAN-GP: the same losses, and instead of clipping the critic also
///   minimises λ·𝔼(‖∇f(x̂)‖ − 1)² at points x̂ between real and fake samples
///   (Gulrajani et al. 2017, Alg. 1; `Network.gradientPenalty`).
import NeuralNet

public enum GANLoss: String, Sendable, CaseIterable {
    case minimax, nonsaturating, wgan
    case wganGP = "wgan-gp"

    /// Whether D is a critic with the Wasserstein losses (clipped or penalised).
    public var isWasserstein: Bool { self == .wgan || self == .wganGP }

    /// D's (or the critic's) loss and its gradients with respect to the real and fake outputs.
    public func discriminator(real: [Float], fake: [Float]) -> (loss: Float, dReal: [Float], dFake: [Float]) {
        switch self {
        case .minimax, .nonsaturating:
            let r = Losses.binaryCrossEntropy(logits: real, target: 1)
            let f = Losses.binaryCrossEntropy(logits: fake, target: 0)
            return (r.loss + f.loss, r.gradient, f.gradient)
        case .wgan, .wganGP:
            let nr = Float(real.count), nf = Float(fake.count)
            let loss = fake.reduce(0, +) / nf - real.reduce(0, +) / nr
            return (loss, Array(repeating: -1 / nr, count: real.count), Array(repeating: 1 / nf, count: fake.count))
        }
    }

    /// G's loss and its gradient with respect to D's outputs on the fakes.
    public func generator(fake: [Float]) -> (loss: Float, dFake: [Float]) {
        let n = Float(fake.count)
        switch self {
        case .minimax:
            // 𝔼 log(1 − σ(l)) = −𝔼 softplus(l); ∂/∂l = −σ(l)/n
            return (-fake.reduce(0) { $0 + Losses.softplus($1) } / n, fake.map { -Losses.sigmoid($0) / n })
        case .nonsaturating:
            // −𝔼 log σ(l) = 𝔼 softplus(−l); ∂/∂l = (σ(l) − 1)/n
            return (fake.reduce(0) { $0 + Losses.softplus(-$1) } / n, fake.map { (Losses.sigmoid($0) - 1) / n })
        case .wgan, .wganGP:
            return (-fake.reduce(0, +) / n, Array(repeating: -1 / n, count: fake.count))
        }
    }
}
