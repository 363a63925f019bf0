/// The report of `demo digits`: the grids of real and generated digits, the
/// losses beside the Fréchet distance and the coverage, and the numbers.
import Datasets
import Distributions
import GAN
import Report

struct DigitsOutcome {
    let data: DigitsSplit
    let classifier: DigitClassifier
    let run: ImageTraining
    /// The held-out digits' distance to the training digits.
    let floor: FrechetDistance
    /// Single digits only.
    let memorisation: Memorisation?
    /// D's hidden units per layer.
    let discriminatorHidden: Int

    static let side = DigitImages.side
    var stack: Int { run.stack }

    func report(title: String, seed: UInt64) -> Report {
        var report = Report(title: title)
        if stack == 1 {
            report.text(
                "G turns a noise vector z into a 64-pixel image. It learns from \(data.training.count) training digits; \(data.heldOut.count) more are held out for measuring. Below, real training digits, then G's images for the same 8 noise vectors at four points of training."
            )
        } else {
            report.text(
                "Each sample is \(stack) digits drawn independently, side by side: 1,000 combinations, the modes, equally likely in the data. G learns from stacks of \(data.training.count) training digits; \(data.heldOut.count) more are held out for measuring. Below, real stacks, then G's samples for the same 8 noise vectors at four points of training."
            )
        }
        if discriminatorHidden != DigitsSetting.hidden {
            report.text(
                "D's hidden layers have \(discriminatorHidden) units here, against G's \(DigitsSetting.hidden): Metz et al. (2017) and PacGAN (Lin et al. 2018) provoked collapse on stacked MNIST by making their convolutional D smaller than G; a narrower D is the same idea for our MLPs."
            )
        }
        report.images(grid(stack == 1 ? "Real training digits" : "Real stacks of training digits", realExamples(seed: seed)))
        for (step, images) in run.snapshots {
            report.images(grid("G's samples at step \(step)", images))
        }
        report.text(
            "A GAN's losses measure each player against the other, not against the data, so they say little about the images. A classifier trained on the real digits gives numbers that do: the Fréchet distance between its features of G's samples and of the real digits, and the digit classes it finds among the samples."
        )
        curves(into: &report)
        figures(into: &report)
        if stack == 1 { report.table(classTable()) }
        conclusions(into: &report)
        return report
    }

    /// Each sample as one image: its `stack` digits side by side.
    func grid(_ title: String, _ ink: [Float]) -> ImageGrid {
        let n = DigitImages.pixelCount * stack, side = Self.side
        let images = (0..<(ink.count / n)).map { k in
            (0..<side).flatMap { row in
                (0..<stack).flatMap { s in
                    let start = k * n + s * DigitImages.pixelCount + row * side
                    return ink[start..<(start + side)].map(Double.init)
                }
            }
        }
        return ImageGrid(title: title, imageWidth: side * stack, imageHeight: side, columns: stack == 1 ? 8 : 4, images: images)
    }

    /// 8 samples of training digits (stacks of `stack`), drawn with `seed`.
    func realExamples(seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed &+ 0x12EA1)
        return (0..<(8 * stack)).flatMap { _ in data.training.image(Int(rng.next() % UInt64(data.training.count))) }
    }

    func curves(into report: inout Report) {
        let trained = Array(run.checkpoints.dropFirst())
        let xs = trained.map { Double($0.step) }, all = run.checkpoints.map { Double($0.step) }
        report.plot(
            Plot(
                title: "The losses, averaged between checkpoints", xLabel: "step", yLabel: "loss",
                series: [
                    Plot.Series(name: "D loss", x: xs, y: trained.map(\.dLoss)),
                    Plot.Series(name: "G loss", x: xs, y: trained.map(\.gLoss)),
                ]))
        report.plot(
            Plot(
                title: "Fréchet distance to the training digits (classifier features)", xLabel: "step", yLabel: "distance",
                series: [Plot.Series(name: "G's samples", x: all, y: run.checkpoints.map(\.frechet.value))],
                references: [Plot.Reference(name: "held-out real digits (the floor)", y: floor.value)]))
        let covered = run.checkpoints.map { Double($0.coverage.covered) }
        report.plot(
            stack == 1
                ? Plot(
                    title: "Digits covered (a class with at least 1 % of 2,500 samples)", xLabel: "step", yLabel: "digits",
                    series: [Plot.Series(name: "digits covered", x: all, y: covered)], yRange: 0...10)
                : Plot(
                    title: "Modes covered (a combination of digits in at least one of 25,600 samples)", xLabel: "step", yLabel: "modes",
                    series: [Plot.Series(name: "modes covered", x: all, y: covered)], yRange: 0...1000))
    }

    func figures(into report: inout Report) {
        let first = run.checkpoints.first!, last = run.checkpoints.last!
        let accuracy = classifier.accuracy(data.heldOut.pixels, labels: data.heldOut.digits)
        let modes = last.coverage.counts.count
        report.figures([
            Figure(
                "classifier accuracy, held-out digits", .fixed(accuracy * 100, 1), unit: "%",
                note: "\(data.heldOut.count) digits the classifier and the GAN never saw"),
            Figure("Fréchet distance, untrained G → trained G", .change(from: first.frechet.value, to: last.frechet.value, .fixed(3))),
            Figure("Fréchet distance, held-out real digits", .fixed(floor.value, 3), note: "the floor: new real digits are this far"),
            stack == 1
                ? Figure("digits covered", .count(last.coverage.covered, of: 10), note: "classes with at least 1 % of the samples")
                : Figure("modes covered", .count(last.coverage.covered, of: modes), note: "combinations in at least one sample"),
            Figure(stack == 1 ? "KL(G's classes ‖ real classes)" : "KL(G's modes ‖ real modes)", .fixed(last.coverage.kl, 4), unit: "nats"),
        ])
        guard let memorisation else { return }
        report.figures([
            Figure(
                "median distance to the nearest training digit, G's samples", .fixed(memorisation.generatedMedian, 3),
                note: "pixels as ink 0…1, Euclidean over 64 pixels"),
            Figure("median distance to the nearest training digit, held-out digits", .fixed(memorisation.heldOutMedian, 3)),
            Figure(
                "G's samples closer than the held-out digits' 5th percentile", .fixed(memorisation.shareCloserThanHeldOut * 100, 1), unit: "%",
                note: "about 5 % if G draws new digits, far more if it copies"),
        ])
    }

    func classTable() -> Table {
        let generated = run.checkpoints.last!.coverage.counts
        let n = Double(generated.reduce(0, +)), real = data.training.classCounts, m = Double(real.reduce(0, +))
        return Table(
            title: "Classes of G's \(Int(n)) samples, as the classifier sees them", columns: ["digit", "real (%)", "G's samples (%)"],
            rows: (0..<10).map { d in [.integer(d), .fixed(Double(real[d]) / m * 100, 1), .fixed(Double(generated[d]) / n * 100, 1)] })
    }

    func conclusions(into report: inout Report) {
        let first = run.checkpoints.first!, last = run.checkpoints.last!
        guard last.frechet.value < first.frechet.value / 2 else {
            report.text(
                "In this run the Fréchet distance went from \(format(first.frechet.value, 2)) to \(format(last.frechet.value, 2)) (the held-out digits are at \(format(floor.value, 2))): G did not come close to the digits in \(last.step) steps."
            )
            return
        }
        let later = run.checkpoints.dropFirst(max(run.checkpoints.count / 10, 1))
        let dLosses = later.map(\.dLoss), gLosses = later.map(\.gLoss)
        report.text(
            "Over training the Fréchet distance went from \(format(first.frechet.value, 2)) to \(format(last.frechet.value, 2)) (the held-out digits are at \(format(floor.value, 2))), while after the first tenth D's loss stayed between \(format(dLosses.min() ?? .nan, 2)) and \(format(dLosses.max() ?? .nan, 2)) and G's between \(format(gLosses.min() ?? .nan, 2)) and \(format(gLosses.max() ?? .nan, 2)). The eye is not the only judge: the distance tracks how close G's images come to the real ones, and the losses do not."
        )
    }
}
