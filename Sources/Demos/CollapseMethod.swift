/// The methods `demo mode-collapse` compares: the vanilla GAN and the seven
/// remedies, each with the hyperparameters of its own paper, on one shared
/// setting (the networks, optimiser, batch and budget of `CollapseSetting`).
import ArgumentParser
import GAN

package enum CollapseMethod: String, CaseIterable, Sendable, ExpressibleByArgument {
    case vanilla, pacgan, minibatch, unrolled, dragan, ebgan
    case madgan = "mad-gan"
    case mrgan

    /// The name in reports.
    package var title: String {
        switch self {
        case .vanilla: return "vanilla GAN"
        case .pacgan: return "PacGAN2"
        case .minibatch: return "minibatch discrimination"
        case .unrolled: return "Unrolled GAN"
        case .dragan: return "DRAGAN"
        case .ebgan: return "EBGAN"
        case .madgan: return "MAD-GAN"
        case .mrgan: return "MRGAN"
        }
    }

    /// The remedies, without the vanilla GAN.
    package static var remedies: [CollapseMethod] { allCases.filter { $0 != .vanilla } }

    /// This method's variant of the trainer, with its paper's hyperparameters.
    /// `unroll` is the Unrolled GAN's K.
    package func variant(unroll: Int) -> GANConfiguration.Variant {
        switch self {
        case .vanilla: return .vanilla
        // Lin et al. 2018, Table 1: two samples per D input.
        case .pacgan: return .pack(2)
        // Salimans et al. 2016, §3.2, and their code (improved-gan nn.py): kernels
        // of dimension C = 5. Their code uses B = 100 kernels on 192 image features;
        // on a 2-D toy we use B = 5 (see CollapseSetting.minibatchKernels).
        case .minibatch: return .minibatchDiscrimination(kernels: CollapseSetting.minibatchKernels)
        // Metz et al. 2017, §2.2: K Adam steps of D unrolled, G's gradient through them.
        case .unrolled: return .unrolled(unroll)
        // Kodali et al. 2017, §4 and their README: λ = 10, k = 1.
        case .dragan: return .dragan(lambda: 10)
        // Zhao et al. 2017: pulling-away weight 0.1 (Appendix F); the margin is
        // scale-dependent and the paper grid-searched it (§4.1), see CollapseSetting.
        case .ebgan: return .ebgan(margin: CollapseSetting.ebganMargin, pullingAway: 0.1)
        // Ghosh et al. 2018: k generators sharing all layers but the last.
        case .madgan: return .madgan(generators: CollapseSetting.generators)
        // Che et al. 2017: λ₁ and λ₂, see CollapseSetting.
        case .mrgan: return .mrgan(geometric: CollapseSetting.lambda1, mode: CollapseSetting.lambda2)
        }
    }

    /// How long a step takes, relative to the vanilla GAN's, to start the
    /// longest trainings first and to weigh the progress bar: measured with
    /// `ganbook-bench remedy-step` (one thread, AMD Zen 5; vanilla 0.37 ms).
    var relativeCost: Double {
        switch self {
        case .vanilla, .pacgan: return 1
        case .minibatch: return 3.6
        case .unrolled: return 8.9
        case .dragan: return 1.6
        case .ebgan: return 2.3
        case .madgan: return 1.7
        case .mrgan: return 2.9
        }
    }
}

/// The shared setting: the networks of Metz et al. 2017's 2-D mixture
/// (Appendix A, as reimplemented in locuslab/gradient_regularized_gan: G with
/// two hidden layers of 128 ReLU units; D dividing its input by 4, then one
/// hidden layer of 128 ReLU units; orthogonal initial weights with gain 0.8;
/// Adam with β₁ = 0.5), with a shorter budget than theirs so that the whole
/// comparison runs in seconds: z of 2 dimensions (PacGAN's), batch 128,
/// learning rate 1e-3 for both players (Metz et al.'s notebook uses it for G),
/// the non-saturating G loss of Goodfellow et al. 2014 (§3), and one D step per
/// G step. Under it the vanilla GAN collapses on most seeds.
package enum CollapseSetting {
    package static let steps = 2000
    package static let batch = 128
    package static let learningRate = 1e-3
    package static let zDimension = 2
    /// Minibatch discrimination's B (the authors' code: 100 for CIFAR images).
    package static let minibatchKernels = 5
    /// EBGAN's margin m, in the data's units: the energy is a distance in the
    /// plane, where the ring's radius is 2 (the paper's m = 10 is for MNIST pixels).
    package static let ebganMargin = 1.0
    /// MAD-GAN's k: one generator per two ring modes.
    package static let generators = 4
    /// MRGAN's λ₁ (geometric) and λ₂ (mode); the values in the paper could not
    /// be checked, these are ours.
    package static let lambda1 = 0.2
    package static let lambda2 = 0.4

    /// The configuration of `method` with `seed`.
    package static func configuration(_ method: CollapseMethod, target: Target, seed: UInt64, unroll: Int) -> GANConfiguration {
        var c = GANConfiguration(target: target)
        c.loss = .nonsaturating
        c.dSteps = 1
        c.batch = batch
        c.hidden = 128
        c.layers = 2
        c.discriminatorLayers = 1
        c.discriminatorInputScale = 0.25
        c.discriminatorActivation = .relu
        c.orthogonalGain = 0.8
        c.zDimension = zDimension
        c.learningRateD = learningRate
        c.learningRateG = learningRate
        c.beta1 = 0.5
        c.seed = seed
        c.variant = method.variant(unroll: unroll)
        return c
    }
}
