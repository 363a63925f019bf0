/// `ganbook demo digits`: a GAN learns the bundled 8 × 8 handwritten digits,
/// and its quality is measured, not eyeballed: a classifier's Fréchet
/// distance and class coverage beside the losses, and its nearest-neighbour
/// distances for copying.
import ArgumentParser
import Datasets
import Distributions
import GAN
import NeuralNet
import Report

package struct DigitsDemo: Demo {
    package static let name = "digits"
    package static let summary = "a GAN learns 8×8 handwritten digits: its samples, and a Fréchet distance that falls while the losses say little"
    package static let discussion = """
        Trains an MLP GAN on the 1,442 training images of the bundled UCI \
        optical digits (8 × 8, 16 grey levels; data/digits/README.md): G maps \
        z ∼ N(0, I₁₆) through 2 hidden layers of 128 ReLU units to 64 pixels \
        (linear output, pixels scaled to [−1, 1]); D has 2 hidden layers of 128 \
        LeakyReLU(0.2) units; Adam with learning rate 1e-3 and β₁ = 0.5 (DCGAN's, \
        Radford et al. 2016), batch 64, one D step per G step. The sizes, rate \
        and budget are ours, chosen so that the default run takes seconds.

        Quality is measured with a classifier trained on the same training \
        images (64 → 64 ReLU → 10; its held-out accuracy is printed):
        - the Fréchet distance between G's samples and the training images in \
        the classifier's hidden layer, ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½), as \
        the FID defines it (Heusel et al. 2017) but in another feature space, so \
        its numbers are not comparable with published FIDs; the held-out digits' \
        distance is the floor a perfect G would reach;
        - coverage: the classes the classifier gives 2,500 samples, "digits \
        covered" counting a class with at least 1 % of them, and the KL of that \
        histogram from the real class frequencies (the stacked-MNIST protocol, \
        Metz et al. 2017; VEEGAN; PacGAN, on one digit);
        - memorisation: each sample's distance to its nearest training image, \
        against the same for the held-out digits.

        --stack 3 makes each sample three digits drawn independently, side by \
        side (stacked MNIST's protocol, on 8 × 8 digits: Metz et al. 2017; \
        VEEGAN; PacGAN): 1,000 combinations, the modes. A mode is covered when \
        at least one of 25,600 samples has it, as in those papers; the \
        distance is that of every digit of every stack, and memorisation is \
        not measured. Our networks, sample counts and budget differ from the \
        papers', so our mode counts are not comparable with theirs.

        --method NAME trains one of `demo mode-collapse`'s remedies instead of \
        the vanilla GAN, on the same networks, with the remedy's settings from \
        that demo (it needs the non-saturating loss). They were chosen for the \
        2-D ring, not for images: EBGAN's margin of 1, for one, is in the \
        ring's units.

        --seeds N (2 or more) also trains the vanilla GAN and --method from \
        seeds --seed, --seed+1, …, side by side, and compares what each covers \
        at the end of training: digits (or modes) covered, the KL and the \
        Fréchet distance, mean ± sd over the seeds and every seed's count. With \
        --stack 3 the published stacked-MNIST numbers are shown beside ours \
        (Metz et al. 2017, Table 2, and VEEGAN, Table 2, as PacGAN's Tables 3 \
        and 2 quote them; PacGAN's own rows), for context only: they are for \
        28 × 28 digits and convolutional networks.

        --d-hidden N gives D's hidden layers N units (G keeps 128). Metz et al. \
        and PacGAN made collapse appear on stacked MNIST with a D ¼ or ½ of G's \
        size; with --d-hidden 32 the vanilla GAN collapses on stacked digits too.
        """
    package static let version = 3
    package static let relativeCost = 2.0

    @Option(help: .demo("Training steps (10 to 100000).", valueName: "n"))
    package var steps: Int = DigitsSetting.steps

    @Option(help: .demo("minimax, nonsaturating, wgan or wgan-gp.", valueName: "loss"))
    package var loss: GANLoss = .nonsaturating

    @Option(help: .demo("vanilla, or a remedy: pacgan, minibatch, unrolled, dragan, ebgan, mad-gan or mrgan.", valueName: "name"))
    package var method: CollapseMethod = .vanilla

    @Option(help: .demo("Digits per sample: 1, or 3 for stacked digits with 1,000 modes.", valueName: "n"))
    package var stack: Int = 1

    @Option(help: .demo("Seed for initialisation and sampling.", valueName: "n"))
    package var seed: UInt64 = 1

    @Option(help: .demo("Seeds to compare the vanilla GAN and --method on (1 to 20; 1 compares nothing).", valueName: "n"))
    package var seeds: Int = 1

    @Option(
        name: .customLong("d-hidden"),
        help: .demo("D's hidden units per layer (8 to 512; G has 128): a narrower D makes G collapse.", valueName: "n"))
    package var discriminatorHidden: Int = DigitsSetting.hidden

    package init() {}

    package func validate() throws {
        guard (10...100_000).contains(steps) else { throw ValidationError("--steps must be between 10 and 100000, got \(steps)") }
        guard stack == 1 || stack == 3 else { throw ValidationError("--stack must be 1 or 3, got \(stack)") }
        guard (1...20).contains(seeds) else { throw ValidationError("--seeds must be between 1 and 20, got \(seeds)") }
        guard (8...512).contains(discriminatorHidden) else {
            throw ValidationError("--d-hidden must be between 8 and 512, got \(discriminatorHidden)")
        }
        if method != .vanilla && loss != .nonsaturating {
            throw ValidationError("--method \(method.rawValue) trains with the non-saturating loss of its paper; leave out --loss")
        }
    }

    package func report(progress: Progress) throws -> Report {
        let data = try BundledDatasets.digits()
        let classifier = DigitClassifier(
            pixels: data.training.pixels, labels: data.training.digits, inputs: DigitImages.pixelCount, classes: 10, seed: seed)
        let trainings = DigitsComparison(
            loss: loss, steps: steps, stack: stack, discriminatorHidden: discriminatorHidden, data: data, classifier: classifier)
        let seedList = (0..<seeds).map { seed &+ UInt64($0) }
        let methods: [CollapseMethod] = seeds == 1 ? [method] : method == .vanilla ? [.vanilla] : [.vanilla, method]
        let outcomes = trainings.run(DigitsComparison.jobs(methods: methods, seeds: seedList, shown: method), progress: progress)
        var run = outcomes.first { $0.run != nil }!.run!
        let floor = FrechetDistance(classifier.features(data.heldOut.pixels), run.realFeatures, dimension: classifier.featureDimension)
        var memorisation: Memorisation?
        if stack == 1 {
            let final = run.samples(DigitsSetting.samples, seed: seed &+ 0xF1A1)
            memorisation = Memorisation(
                generated: final, heldOut: data.heldOut.pixels, training: data.training.pixels, dimension: DigitImages.pixelCount)
        }
        let outcome = DigitsOutcome(
            data: data, classifier: classifier, run: run, floor: floor, memorisation: memorisation, discriminatorHidden: discriminatorHidden)
        var report = outcome.report(title: title, seed: seed)
        if seeds > 1 { trainings.add(outcomes, seeds: seedList, into: &report) }
        return report
    }

    var title: String {
        let who = method == .vanilla ? "A GAN with the \(loss.name)" : method.title
        if stack > 1 { return "\(who) learns stacked 8×8 digits, \(stack) per sample: \(steps) steps, seed \(seed)" }
        return "\(who) learns 8×8 handwritten digits: \(steps) steps, seed \(seed)"
    }
}

/// The default setting of `demo digits` (see its discussion): ours, chosen
/// so that a default run takes seconds and ends with recognisable digits.
package enum DigitsSetting {
    package static let steps = 5000
    package static let batch = 64
    package static let zDimension = 16
    package static let hidden = 128
    package static let learningRate = 1e-3
    /// Samples behind every measurement (2,500 as the 2-D demos).
    package static let samples = 2500
    /// Stacked samples behind every measurement of stacked digits (ours):
    /// enough that each of 1,000 equally likely modes is expected 25.6 times,
    /// so that a G with every mode shows it.
    package static let stackedSamples = 25_600

    /// Snapshots at 0, 10 %, 30 % and 100 % of the steps.
    package static func snapshotSteps(_ steps: Int) -> [Int] {
        Array(Set([0, steps / 10, 3 * steps / 10, steps])).sorted()
    }

    /// The GAN for the training images, with `method`'s variant when it is a
    /// remedy, and D's hidden layers `discriminatorHidden` units wide.
    package static func configuration(
        loss: GANLoss, method: CollapseMethod, seed: UInt64, training: DigitImages, stack: Int = 1, discriminatorHidden: Int = hidden
    ) -> GANConfiguration {
        let scaled = training.pixels.map { 2 * $0 - 1 }
        let set = ImageSet(name: "8×8 digits", values: scaled, dimension: DigitImages.pixelCount, stack: stack)
        var c = GANConfiguration(target: .images(set))
        c.loss = loss
        c.dSteps = loss.isWasserstein ? 5 : 1
        c.batch = batch
        c.hidden = hidden
        c.layers = 2
        c.zDimension = zDimension
        c.learningRateD = loss == .wgan ? 5e-5 : loss == .wganGP ? 1e-4 : learningRate
        c.learningRateG = c.learningRateD
        c.beta1 = 0.5
        c.seed = seed
        c.variant = method.variant(unroll: 5)
        c.discriminatorHidden = discriminatorHidden == hidden ? nil : discriminatorHidden
        return c
    }
}
