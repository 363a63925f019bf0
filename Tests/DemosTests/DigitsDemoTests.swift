/// `demo digits` and its measures on the bundled digits: the classifier is
/// good enough to judge with, a trained G is measurably closer to the digits
/// than an untrained one, and the report carries every number as a number.
import Datasets
@testable import Demos
import Distributions
import Foundation
import GAN
@testable import Report
import Testing

@Suite struct DigitsDemoTests {
    static let data = try! BundledDatasets.digits()
    static let classifier = DigitClassifier(
        pixels: data.training.pixels, labels: data.training.digits, inputs: DigitImages.pixelCount, classes: 10, seed: 1)

    @Test func theBundledSplitIsTheOneTheREADMEDescribes() {
        #expect(Self.data.training.count == 1442 && Self.data.heldOut.count == 355)
        #expect(Self.data.heldOut.classCounts.allSatisfy { (34...37).contains($0) })
        #expect(Self.data.training.pixels.allSatisfy { (0...1).contains($0) })
        #expect(Self.data.training.pixels.contains(1) && Self.data.training.pixels.contains(0))
    }

    @Test func theClassifierIsRightOnAtLeast95PercentOfTheHeldOutDigits() {
        let accuracy = Self.classifier.accuracy(Self.data.heldOut.pixels, labels: Self.data.heldOut.digits)
        #expect(accuracy >= 0.95, "held-out accuracy \(accuracy)")
    }

    /// Held-out real digits are far closer to the training digits than an
    /// untrained G's images, and a trained G is clearly closer than an untrained one.
    @Test func trainingBringsTheFrechetDistanceDown() {
        var run = ImageTraining(
            DigitsSetting.configuration(loss: .nonsaturating, method: .vanilla, seed: 1, training: Self.data.training),
            classifier: Self.classifier, realInk: Self.data.training.pixels, realClasses: Self.data.training.digits)
        run.train(steps: 1000, evaluations: 2, snapshotSteps: [], label: "test")
        let untrained = run.checkpoints.first!.frechet.value, trained = run.checkpoints.last!.frechet.value
        let floor = FrechetDistance(
            Self.classifier.features(Self.data.heldOut.pixels), run.realFeatures, dimension: Self.classifier.featureDimension
        ).value
        #expect(floor < untrained / 20, "floor \(floor), untrained \(untrained)")
        #expect(trained < untrained / 3, "trained \(trained), untrained \(untrained)")
        #expect(trained > floor)
        #expect(run.checkpoints.last!.coverage.covered >= 8)
    }

    @Test func realDigitsAreNotCaughtCopying() {
        // Held-out digits against themselves as "generated": about 5 % closer than their own 5th percentile.
        let m = Memorisation(
            generated: Self.data.heldOut.pixels, heldOut: Self.data.heldOut.pixels, training: Self.data.training.pixels,
            dimension: DigitImages.pixelCount)
        #expect(abs(m.shareCloserThanHeldOut - 0.05) < 0.01)
        // Training digits as "generated" are at distance 0: all copies.
        let copies = Memorisation(
            generated: Array(Self.data.training.pixels.prefix(640)), heldOut: Self.data.heldOut.pixels,
            training: Self.data.training.pixels, dimension: DigitImages.pixelCount)
        #expect(copies.generatedMedian == 0 && copies.shareCloserThanHeldOut == 1)
    }

    @Test func theJSONCarriesEveryMeasureAsANumber() throws {
        let report = try DemoRegistry.parse(["digits", "--steps", "30"]).report(progress: .silent)
        let json = try JSONSerialization.jsonObject(with: Data(ReportJSON.encode(report).utf8)) as? [String: Any]
        let items = json?["items"] as? [[String: Any]] ?? []
        let figures = items.compactMap { $0["figures"] as? [[String: Any]] }.joined()
        func value(_ name: String) -> Any? { figures.first { $0["name"] as? String == name }?["value"] }
        func number(_ name: String) -> Double? { (value(name) as? NSNumber)?.doubleValue }
        #expect(number("classifier accuracy, held-out digits").map { $0 >= 95 } == true)
        #expect((value("Fréchet distance, untrained G → trained G") as? [String: Any])?["to"] is NSNumber)
        #expect(number("Fréchet distance, held-out real digits") != nil)
        #expect((value("digits covered") as? [String: Any])?["of"] as? NSNumber == 10)
        #expect(number("KL(G's classes ‖ real classes)") != nil)
        #expect(number("median distance to the nearest training digit, G's samples") != nil)
        #expect(number("G's samples closer than the held-out digits' 5th percentile") != nil)
        let grids = report.items.compactMap { if case .images(let g) = $0 { return g } else { return nil } }
        #expect(
            grids.map(\.title) == ["Real training digits", "G's samples at step 0", "G's samples at step 3", "G's samples at step 9", "G's samples at step 30"])
        #expect(grids.allSatisfy { $0.images.count == 8 && $0.imageWidth == 8 && $0.images.joined().allSatisfy { (0...1).contains($0) } })
    }

    @Test func aRemedyNeedsItsOwnLoss() {
        #expect(throws: DemoRegistry.ParseError.self) { try DemoRegistry.parse(["digits", "--method", "pacgan", "--loss", "wgan"]) }
        #expect(throws: DemoRegistry.ParseError.self) { try DemoRegistry.parse(["digits", "--steps", "5"]) }
    }

    /// Stacked digits: three digits a sample, modes counted of 1,000, each
    /// grid image three digits wide; no memorisation figures.
    @Test func stackedDigitsCountModesOfAThousand() throws {
        let report = try DemoRegistry.parse(["digits", "--stack", "3", "--steps", "20"]).report(progress: .silent)
        let figures = report.items.compactMap { if case .figures(let f) = $0 { return f } else { return nil } }.joined()
        guard case .count(let covered, let total) = figures.first(where: { $0.name == "modes covered" })?.value else {
            Issue.record("no modes covered figure")
            return
        }
        #expect(total == 1000 && covered >= 1 && covered <= 1000)
        #expect(!figures.contains { $0.name.hasPrefix("median distance") })
        let grids = report.items.compactMap { if case .images(let g) = $0 { return g } else { return nil } }
        #expect(grids.allSatisfy { $0.imageWidth == 24 && $0.imageHeight == 8 && $0.images.count == 8 })
        // Real stacks, labelled by the classifier, cover nearly every mode in 25,600 samples.
        var rng = SeededGenerator(seed: 9)
        let labels = (0..<(3 * 25_600)).map { _ in Self.data.training.digits[Int(rng.next() % UInt64(Self.data.training.count))] }
        let reference = ClassCoverage.stackedReference(Self.data.training.classCounts.map(Double.init), stack: 3)
        let real = ClassCoverage(labels: ClassCoverage.stackedModes(labels, stack: 3, classes: 10), reference: reference, threshold: 0)
        #expect(real.covered >= 990 && real.kl < 0.05, "\(real.covered), \(real.kl)")
        #expect(throws: DemoRegistry.ParseError.self) { try DemoRegistry.parse(["digits", "--stack", "2"]) }
    }

    /// --seeds 2: the shown run is the one a single-seed run shows (the same
    /// items, byte for byte), and a table compares both methods on both seeds.
    @Test func theComparisonAddsATableAndLeavesTheShownRunAlone() throws {
        let words = ["digits", "--steps", "20", "--method", "pacgan", "--d-hidden", "32"]
        let one = try DemoRegistry.parse(words).report(progress: .silent)
        let two = try DemoRegistry.parse(words + ["--seeds", "2"]).report(progress: .silent)
        #expect(Array(two.items.prefix(one.items.count)) == one.items)
        let tables = two.items.dropFirst(one.items.count).compactMap { if case .table(let t) = $0 { return t } else { return nil } }
        let ours = try #require(tables.first)
        #expect(ours.columns[1] == "digits covered (of 10)")
        #expect(ours.rows.map { $0[0] } == [.text("vanilla GAN"), .text("PacGAN2")])
        for row in ours.rows {
            guard case .integers(let perSeed) = row[2], case .estimate(let e, _) = row[1] else {
                Issue.record("row \(row)")
                continue
            }
            #expect(perSeed.count == 2 && perSeed.allSatisfy { (0...10).contains($0) })
            #expect(abs(e.mean - Double(perSeed.reduce(0, +)) / 2) < 1e-12)
        }
        // No stacked-MNIST numbers beside single digits.
        #expect(tables.count == 1)
    }

    /// --d-hidden narrows D's hidden layers and leaves G as it is; the
    /// published stacked-MNIST tables come with --stack 3 only.
    @Test func aNarrowerDAndThePublishedTables() throws {
        let narrow = GANTrainer(
            DigitsSetting.configuration(loss: .nonsaturating, method: .vanilla, seed: 1, training: Self.data.training, discriminatorHidden: 32))
        let usual = GANTrainer(DigitsSetting.configuration(loss: .nonsaturating, method: .vanilla, seed: 1, training: Self.data.training))
        #expect(narrow.discriminator.parameterCount == (64 * 32 + 32) + (32 * 32 + 32) + (32 + 1))
        #expect(narrow.generator.parameterCount == usual.generator.parameterCount)
        #expect(throws: DemoRegistry.ParseError.self) { try DemoRegistry.parse(["digits", "--d-hidden", "4"]) }
        #expect(throws: DemoRegistry.ParseError.self) { try DemoRegistry.parse(["digits", "--seeds", "21"]) }
        let published = DigitsComparison.published
        #expect(published.count == 2 && published.allSatisfy { $0.title?.contains("PacGAN's Table") == true })
        #expect(published[1].rows.allSatisfy { $0.count == published[1].columns.count })
        // JSON keys a row by its column names: they must differ.
        #expect(published.allSatisfy { Set($0.columns).count == $0.columns.count })
    }
}
