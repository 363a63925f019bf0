import Datasets
import Demos
import GAN
@testable import Lab
import Localization
import TestSupport
import Testing

/// `ganbook lab --target digits`: `demo digits`'s GAN and measures, live.
/// The golden frames are in `FrameTests`.
@Suite struct DigitsLabTests {
    static func settings(_ arguments: [String] = []) throws -> LabSettings {
        try LabOptions.parse(["--target", "digits"] + arguments).settings()
    }

    /// The lab trains `demo digits`'s G and measures it as the demo does: the same distance and coverage at the same steps.
    @Test func theLabsMeasuresAreDemoDigits() throws {
        var session = LabSession(settings: try Self.settings(["--seed", "2"]))
        for _ in 0..<300 { session.fullStep() }

        let data = try BundledDatasets.digits()
        let classifier = DigitClassifier(
            pixels: data.training.pixels, labels: data.training.digits, inputs: DigitImages.pixelCount, classes: 10, seed: 2)
        var run = ImageTraining(
            DigitsSetting.configuration(loss: .nonsaturating, method: .vanilla, seed: 2, training: data.training),
            classifier: classifier, realInk: data.training.pixels, realClasses: data.training.digits)
        run.train(steps: 300, evaluations: 3, snapshotSteps: [], label: "")
        #expect(session.digitsMeasures.map(\.step) == [0, 100, 200, 300])
        #expect(session.digitsMeasures.map(\.frechet) == run.checkpoints.map(\.frechet))
        #expect(session.digitsMeasures.map(\.coverage) == run.checkpoints.map(\.coverage))
        let z = session.samples.noise
        var lab = session.trainer, demo = run.trainer
        #expect(lab.generate(z) == demo.generate(z), "the same G")
        let floor = FrechetDistance(classifier.features(data.heldOut.pixels), run.realFeatures, dimension: classifier.featureDimension)
        #expect(session.gauge?.floor == floor)
    }

    /// Drawing never measures: the distance is recomputed every 100 steps, not every frame.
    @Test func framesDoNotMeasure() throws {
        var session = LabSession(settings: try Self.settings())
        for _ in 0..<150 { session.fullStep() }
        for size in [(80, 24), (100, 30)] {
            _ = LabScreen(columns: size.0, rows: size.1, color: true).compose(&session, rates: .init())
        }
        #expect(session.digitsMeasures.map(\.step) == [0, 100])
    }

    /// G's images and the real ones fit left of the curves, at the minimum size and at 100×30, with and without colour.
    @Test(arguments: [(80, 24, false, 8, false), (100, 30, false, 12, true), (80, 24, true, 12, true), (100, 30, true, 24, true)])
    func theImagesFitTheirArea(columns: Int, rows: Int, color: Bool, generated: Int, real: Bool) {
        let screen = LabScreen(columns: columns, rows: rows, color: color)
        let view = DigitsView(width: screen.pictureColumns, height: rows - 2, color: color)
        #expect(view.generatedCount == generated)
        #expect(view.showsReal == real)
        #expect(view.across * (view.imageColumns + 1) - 1 <= screen.pictureColumns)
        let used = 1 + view.generatedRows * (view.imageRows + 1) - 1 + (view.showsReal ? 2 + view.imageRows : 0)
        #expect(used <= rows - 2, "\(used) rows of \(rows - 2)")
    }

    /// Without colour (NO_COLOR) the images are shades and nothing is coloured; with it, half blocks in grey.
    @Test func withoutColourShadesWithColourGreyHalfBlocks() throws {
        var session = LabSession(settings: try Self.settings())
        for _ in 0..<100 { session.fullStep() }
        let plain = LabScreen(columns: 100, rows: 30, color: false).compose(&session, rates: .init())
        var none = ScreenEncoder(depth: .none)
        let bytes = none.update(to: plain)
        #expect(!bytes.contains("38;") && !bytes.contains("48;"), "no colour under NO_COLOR")
        #expect(!plain.plainText.contains("▀"))
        #expect(plain.plainText.contains("▓"))

        let colour = LabScreen(columns: 100, rows: 30, color: true).compose(&session, rates: .init())
        let cell = colour[0, 2]
        #expect(cell.character == "▀")
        let (top, bottom) = (try #require(cell.foreground), try #require(cell.background))
        #expect(top.r == top.g && top.g == top.b && bottom.r == bottom.g && bottom.g == bottom.b, "grey")
    }

    /// The same seed draws the same frames; another seed other ones; every line fits.
    @Test func framesFitAndFollowTheSeed() throws {
        let arguments = ["lab", "--target", "digits", "--frames", "2", "--every", "100", "--size", "80x24"]
        let first = try Binary.run(arguments), second = try Binary.run(arguments)
        let other = try Binary.run(arguments + ["--seed", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout != other.stdout)
        let lines = first.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 * 24 + 1 + 1, "two frames of 24 rows, a blank line between, a final newline")
        for line in lines { #expect(line.displayWidthForTest <= 80, "\(line)") }
        #expect(!ANSI.hasEscapes(first.stdout))
    }

    /// The keys on the digits: a method restarts on them, `t` cycles to the toy targets and back, a loss retunes.
    @Test func keysOnTheDigits() throws {
        var session = LabSession(settings: try Self.settings())
        _ = session.handle(.character("m"))
        #expect(session.settings.method == .pacgan)
        #expect(session.settings.onDigits && session.gauge != nil)
        #expect(session.trainer.configuration.batch == DigitsSetting.batch)
        _ = session.handle(.character("m"))
        _ = session.handle(.character("t"))
        #expect(session.settings.target == .ring, "a method cycles to the next target that is not 1-D")
        #expect(session.gauge == nil && session.trainer.configuration.batch == 256, "the ring takes the lab's own networks")
        _ = session.handle(.character("t"))
        _ = session.handle(.character("t"))
        #expect(session.settings.onDigits && session.digitsMeasures.map(\.step) == [0])
        _ = session.handle(.character("l"))
        #expect(session.settings.method == .minibatch && session.trainer.configuration.loss == .wgan, "minibatch keeps the chosen loss")
        #expect(session.gauge != nil)
    }

    /// Every word the digits add is in the lab's Chinese table.
    @Test func theDigitsWordsAreInChinese() {
        let zh = Translator.forLab(.zh)
        let words = [
            LabText.digitsGenerated(12), LabText.digitsReal, LabText.frechet, LabText.floor, LabText.digitsCovered,
            LabText.digitsCurvesNote(LabSession.digitsMeasureEvery), "8×8 digits",
        ]
        for english in words { #expect(zh(english) != english, "\(english)") }
        #expect(zh("G's images for 24 fixed z") == "G 对 24 个固定 z 生成的图片")
    }
}
