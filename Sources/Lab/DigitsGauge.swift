/// The lab's measures of G on the digits, `demo digits`'s own: a classifier
/// trained on the training digits (with the session's seed, as `demo digits
/// --seed` trains it), the Fréchet distance between its features of G's
/// images and of the training digits, the held-out digits' distance as the
/// floor a perfect G would reach, and the digits covered. `ImageTraining`
/// measures, on the same 2,500 samples of fixed noise, so that the lab's
/// numbers at a step are the demo's at that step.
///
/// Owns nothing but the classifier and its reference features; the session
/// says when to measure, the screen how to show it.
import Datasets
import Demos
import GAN
import NeuralNet

/// One measure of G at a step.
package struct DigitsMeasure: Sendable, Equatable {
    package var step: Int
    package var frechet: FrechetDistance
    package var coverage: ClassCoverage
}

package struct DigitsGauge: Sendable {
    /// `demo digits`'s measuring, for whichever trainer it is given.
    let measuring: ImageTraining
    /// The held-out digits' Fréchet distance to the training digits.
    package let floor: FrechetDistance
    /// The classes a sample can be: 10 digits.
    package var classes: Int { measuring.classifier.classes }

    init(configuration: GANConfiguration, digits: DigitsSplit) {
        let training = digits.training
        let classifier = DigitClassifier(
            pixels: training.pixels, labels: training.digits, inputs: DigitImages.pixelCount, classes: 10, seed: configuration.seed)
        measuring = ImageTraining(
            configuration, classifier: classifier, realInk: training.pixels, realClasses: training.digits,
            evaluationSamples: DigitsSetting.samples)
        floor = FrechetDistance(classifier.features(digits.heldOut.pixels), measuring.realFeatures, dimension: classifier.featureDimension)
    }

    /// `trainer`'s images for the rows of `noise`, as ink in 0…1, mapped from G's output as `demo digits` maps it.
    func images(_ trainer: GANTrainer, noise: Matrix<Float>) -> [Float] {
        var copy = measuring
        copy.trainer = trainer
        return copy.ink(noise)
    }

    /// The distance and coverage of `trainer`'s G, measured as `demo digits` measures (training is never touched).
    func measure(_ trainer: GANTrainer, step: Int) -> DigitsMeasure {
        var copy = measuring
        copy.trainer = trainer
        let (frechet, coverage) = copy.measure()
        return DigitsMeasure(step: step, frechet: frechet, coverage: coverage)
    }
}
