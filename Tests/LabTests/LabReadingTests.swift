import GAN
@testable import Lab
import Testing

/// What a new user misread in the lab (issue 25 §2).
@Suite struct LabReadingTests {
    func trained(target: String = "ring", loss: GANLoss = .nonsaturating, steps: Int = 300) throws -> LabSession {
        var session = LabSession(settings: try labSettings(target: target, loss: loss, ["--seed", "5"]))
        for _ in 0..<steps { session.fullStep() }
        return session
    }

    /// Where G's x lands on a real o, the cell shows ◆ (unless an arrow is drawn there).
    @Test func generatedOnRealShowsTheOverlapMark() throws {
        var session = try trained()
        let screen = LabScreen(columns: 100, rows: 30, color: false)
        let canvas = screen.compose(&session, rates: .init())
        let window = PlaneWindow.around(.ring, columns: screen.pictureColumns, rows: screen.pictureRows)
        let view = PlaneView(trainer: session.trainer, samples: session.samples, window: window)
        func cells(_ points: [(Double, Double)]) -> Set<Int> {
            Set(points.compactMap { window.cell($0.0, $0.1).map { $0.row * window.columns + $0.column } })
        }
        let arrows = cells(Array(view.fake.prefix(view.push.count)))
        let both = cells(view.real).intersection(cells(view.fake)).subtracting(arrows)
        #expect(!both.isEmpty, "no real and generated sample share a cell: the test shows nothing")
        for cell in both {
            #expect(canvas[cell % window.columns, 1 + cell / window.columns].character == LabPalette.overlapGlyph)
        }
        let onlyReal = cells(view.real).subtracting(cells(view.fake))
        for cell in onlyReal { #expect(canvas[cell % window.columns, 1 + cell / window.columns].character == LabPalette.realGlyph) }
    }

    /// The header's latest value lies inside the range the header states.
    @Test func theLossRangeIncludesTheLatestValue() {
        for (values, latest) in [([] as [Double], 1.234), ([0, 1], 1.234), ([0.2, 0.5], -0.7), ([0.3], 0.3)] {
            let (low, high) = CurveChart.range(fixed: nil, values: values, latest: latest)
            #expect(low <= latest && latest <= high, "\(values), \(latest): \(low) … \(high)")
            for v in values { #expect(low <= v && v <= high) }
        }
        #expect(CurveChart.range(fixed: 0...8, values: [3], latest: 9) == (0, 8))
    }

    /// The 1-D view says what is scaled, and shows D* only beside a discriminator.
    @Test(arguments: [GANLoss.nonsaturating, .wgan])
    func theLineViewSaysWhatIsScaled(loss: GANLoss) throws {
        var session = try trained(target: "0.5*N(-2,0.5)+0.5*N(2,0.5)", loss: loss, steps: 50)
        let text = LabScreen(columns: 80, rows: 24, color: false).compose(&session, rates: .init()).plainText
        #expect(text.contains(loss.isWasserstein ? LabText.legendScaleCritic : LabText.legendScale), "\(text)")
        #expect(text.contains(LabText.legendDStar) == !loss.isWasserstein, "\(text)")
    }

    /// --frames: no rates (they are not timed), and the output ends with a newline.
    @Test func framesHaveNoRatesAndEndTheirLastLine() throws {
        var out = ""
        LabLoop.frames(try labSettings(), count: 2, every: 5, columns: 80, rows: 24) {
            out += $0; return true
        }
        #expect(out.hasSuffix("\n"))
        #expect(!out.contains(LabText.stepsPerSecond) && !out.contains(LabText.framesPerSecond), "\(out.suffix(200))")
        #expect(out.contains("? keys"))
    }
}
