/// A GAN trained on a set of images, measured as it trains: its losses, and
/// against the real training images the Fréchet distance in a classifier's
/// feature space and the classes its samples cover. The data behind
/// `demo digits`. For stacked images (`ImageSet.stack` > 1) the distance is
/// that of every image of every stack, and the coverage counts modes: the
/// combinations of classes in a stack, each covered with one sample.
///
/// The GAN works on pixels scaled to [−1, 1] (x = 2·ink − 1), with a linear
/// output; its samples are mapped back (ink = (x + 1)/2) and clipped to the
/// grey range 0…1 before they are shown or measured, as a grey-level image
/// must be.
import Distributions
import NeuralNet
import Report

public struct ImageCheckpoint: Sendable, Equatable {
    public var step: Int
    /// Mean D and G losses since the previous checkpoint (NaN at step 0).
    public var dLoss: Double
    public var gLoss: Double
    public var frechet: FrechetDistance
    public var coverage: ClassCoverage
}

public struct ImageTraining: Sendable {
    public var trainer: GANTrainer
    public let classifier: DigitClassifier
    /// The classifier's features of the real training images.
    public let realFeatures: [Double]
    /// The real class frequencies (counts per class).
    public let realClasses: [Double]
    /// Images per sample.
    public let stack: Int
    /// The noise behind every evaluation (`evaluationSamples` rows), fixed
    /// so that the curves differ by G alone.
    let evaluationNoise: Matrix<Float>
    public private(set) var checkpoints: [ImageCheckpoint] = []
    /// (step, ink of each snapshot image) at the requested steps.
    public private(set) var snapshots: [(step: Int, images: [Float])] = []
    let snapshotNoise: Matrix<Float>

    /// `configuration.target` must be `.images` of the training images, in [−1, 1].
    public init(
        _ configuration: GANConfiguration, classifier: DigitClassifier, realInk: [Float], realClasses: [Int],
        evaluationSamples: Int = 2500, snapshotImages: Int = 8
    ) {
        trainer = GANTrainer(configuration)
        self.classifier = classifier
        realFeatures = classifier.features(realInk)
        var counts = [Double](repeating: 0, count: classifier.classes)
        for c in realClasses { counts[c] += 1 }
        self.realClasses = counts
        if case .images(let set) = configuration.target { stack = set.stack } else { stack = 1 }
        var rng = SeededGenerator(seed: configuration.seed &+ 0xE7A1)
        evaluationNoise = GANTrainer.noise(evaluationSamples, configuration.zDimension, using: &rng)
        snapshotNoise = GANTrainer.noise(snapshotImages, configuration.zDimension, using: &rng)
    }

    /// G's images for `z`, as ink in 0…1.
    public mutating func ink(_ z: Matrix<Float>) -> [Float] {
        trainer.generate(z).values.map { min(max(($0 + 1) / 2, 0), 1) }
    }

    /// `count` of G's images for fresh noise drawn from `seed`, as ink.
    public mutating func samples(_ count: Int, seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        return ink(GANTrainer.noise(count, trainer.configuration.zDimension, using: &rng))
    }

    /// The Fréchet distance and class coverage of G's images for the evaluation noise.
    public mutating func measure() -> (FrechetDistance, ClassCoverage) {
        let images = ink(evaluationNoise)
        let fd = FrechetDistance(classifier.features(images), realFeatures, dimension: classifier.featureDimension)
        let labels = classifier.classify(images)
        guard stack > 1 else { return (fd, ClassCoverage(labels: labels, reference: realClasses)) }
        let modes = ClassCoverage.stackedModes(labels, stack: stack, classes: classifier.classes)
        let reference = ClassCoverage.stackedReference(realClasses, stack: stack)
        return (fd, ClassCoverage(labels: modes, reference: reference, threshold: 0))
    }

    /// Trains `steps` steps, measuring at step 0 and `evaluations` times
    /// after, and keeping the snapshot images at each of `snapshotSteps`.
    public mutating func train(steps: Int, evaluations: Int, snapshotSteps: Set<Int>, progress: Progress = .silent, label: String) {
        let every = max(steps / max(evaluations, 1), 1)
        var dSum = 0.0, gSum = 0.0, count = 0
        record(step: 0, dLoss: .nan, gLoss: .nan, snapshot: snapshotSteps.contains(0))
        for step in 1...max(steps, 1) {
            let losses = trainer.step()
            dSum += Double(losses.d)
            gSum += Double(losses.g)
            count += 1
            let snapshot = snapshotSteps.contains(step)
            if step % every == 0 || step == steps || snapshot {
                record(step: step, dLoss: dSum / Double(count), gLoss: gSum / Double(count), snapshot: snapshot)
                dSum = 0; gSum = 0; count = 0
                progress(Double(step) / Double(steps), label)
            }
        }
    }

    mutating func record(step: Int, dLoss: Double, gLoss: Double, snapshot: Bool) {
        let (fd, coverage) = measure()
        checkpoints.append(ImageCheckpoint(step: step, dLoss: dLoss, gLoss: gLoss, frechet: fd, coverage: coverage))
        if snapshot { snapshots.append((step, ink(snapshotNoise))) }
    }
}
