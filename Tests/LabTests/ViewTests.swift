import GAN
@testable import Lab
import NeuralNet
import Testing

/// The picture shows what the networks compute: the heat map is D on the
/// grid, and the arrows are −∇ of G's loss at each sample.
@Suite struct ViewTests {
    /// A session trained a little, so D is not flat.
    func trained(_ loss: GANLoss = .nonsaturating, target: String = "ring", steps: Int = 150) throws -> LabSession {
        var session = LabSession(settings: try labSettings(target: target, loss: loss, ["--hidden", "32", "--seed", "5"]))
        for _ in 0..<steps { session.fullStep() }
        return session
    }

    /// D at one point, in a forward pass of its own.
    func d(_ network: Network<Float>, _ x: Double, _ y: Double) -> Float {
        var n = network
        return n.forward(Matrix(rows: 1, columns: 2, values: [Float(x), Float(y)])).values[0]
    }

    @Test(arguments: [GANLoss.nonsaturating, .wgan])
    func theHeatMapIsDOnTheGrid(loss: GANLoss) throws {
        let session = try trained(loss)
        let window = PlaneWindow.around(.ring, columns: 40, rows: 20)
        let view = PlaneView(trainer: session.trainer, samples: session.samples, window: window)
        var values: [Double] = []
        for row in 0..<20 {
            for column in 0..<40 {
                let (x, y) = window.centre(column, row)
                let logit = d(session.trainer.discriminator, x, y)
                values.append(loss.isWasserstein ? Double(logit) : Double(Losses.sigmoid(logit)))
            }
        }
        #expect(view.values == values)
        #expect(Set(view.levels.map { LabPalette.rampIndex($0) }).count >= 2, "D is not flat after training")
        if loss.isWasserstein {
            #expect(view.levels.min() == 0 && view.levels.max() == 1)
        }
    }

    /// In the drawn frame (no colour), every plane cell without a sample shows
    /// the ramp character of D at that cell's centre, computed here on its own.
    @Test func theDrawnHeatMapMatchesD() throws {
        var session = try trained()
        let screen = LabScreen(columns: 100, rows: 30, color: false)
        let canvas = screen.compose(&session, rates: .init())
        let window = PlaneWindow.around(.ring, columns: screen.pictureColumns, rows: screen.pictureRows)
        var heatCells = 0, levelsSeen = Set<Character>()
        for row in 0..<window.rows {
            for column in 0..<window.columns {
                let shown = canvas[column, 1 + row].character!
                guard LabPalette.ramp.contains(shown) else { continue }
                let (x, y) = window.centre(column, row)
                let expected = LabPalette.rampCharacter(Double(Losses.sigmoid(d(session.trainer.discriminator, x, y))))
                #expect(shown == expected, "cell (\(column), \(row)) at (\(x), \(y))")
                heatCells += 1
                levelsSeen.insert(shown)
            }
        }
        #expect(heatCells > window.columns * window.rows / 2)
        #expect(levelsSeen.count >= 2)
    }

    @Test func withColourTheHeatIsTheBackground() throws {
        var session = try trained()
        let screen = LabScreen(columns: 100, rows: 30, color: true)
        let canvas = screen.compose(&session, rates: .init())
        let window = PlaneWindow.around(.ring, columns: screen.pictureColumns, rows: screen.pictureRows)
        let palette = LabPalette(color: true)
        for row in stride(from: 0, to: window.rows, by: 3) {
            for column in stride(from: 0, to: window.columns, by: 3) {
                let (x, y) = window.centre(column, row)
                let expected = palette.heat(Double(Losses.sigmoid(d(session.trainer.discriminator, x, y))))
                #expect(canvas[column, 1 + row].background == expected)
            }
        }
    }

    /// ℓ_G at one sample: G's loss on a batch of one.
    func generatorLoss(_ network: Network<Float>, _ loss: GANLoss, _ x: Float, _ y: Float) -> Double {
        var n = network
        let logit = n.forward(Matrix(rows: 1, columns: 2, values: [x, y])).values
        return Double(loss.generator(fake: logit).loss)
    }

    /// Central differences; a coordinate where the one-sided differences disagree
    /// (a kink of LeakyReLU between x − h and x + h) is skipped, and few may be.
    @Test(arguments: [GANLoss.nonsaturating, .minimax, .wgan])
    func theArrowsAreMinusTheGradientOfGsLoss(loss: GANLoss) throws {
        let session = try trained(loss)
        let window = PlaneWindow.around(.ring, columns: 40, rows: 20)
        let view = PlaneView(trainer: session.trainer, samples: session.samples, window: window)
        let d = session.trainer.discriminator
        let h: Float = 1e-3
        var checked = 0, skipped = 0
        for (i, push) in view.push.enumerated() {
            let (x, y) = (Float(view.fake[i].0), Float(view.fake[i].1))
            let at = generatorLoss(d, loss, x, y)
            var numeric: [Double] = []
            for j in 0..<2 {
                let plus = j == 0 ? generatorLoss(d, loss, x + h, y) : generatorLoss(d, loss, x, y + h)
                let minus = j == 0 ? generatorLoss(d, loss, x - h, y) : generatorLoss(d, loss, x, y - h)
                let forward = (plus - at) / Double(h), backward = (at - minus) / Double(h)
                if abs(forward - backward) > 0.05 * max(abs(forward), abs(backward)) + 1e-3 { numeric.append(.nan); continue }
                numeric.append(-(plus - minus) / (2 * Double(h)))
            }
            let analytic = [push.0, push.1]
            for j in 0..<2 {
                guard numeric[j].isFinite else { skipped += 1; continue }
                #expect(
                    abs(numeric[j] - analytic[j]) <= 0.03 * max(abs(analytic[j]), abs(numeric[j])) + 2e-3,
                    "\(loss) sample \(i) coordinate \(j): backprop \(analytic[j]), finite differences \(numeric[j])")
                checked += 1
            }
        }
        #expect(checked >= 70, "checked \(checked), skipped \(skipped) at kinks")
        #expect(view.push.contains { $0.0 != 0 || $0.1 != 0 })
    }

    @Test func arrowsPointTheirWay() {
        #expect(PlaneView.arrow(1, 0) == "→")
        #expect(PlaneView.arrow(1, 1) == "↗")
        #expect(PlaneView.arrow(0, 2) == "↑")
        #expect(PlaneView.arrow(-1, 1) == "↖")
        #expect(PlaneView.arrow(-3, 0.1) == "←")
        #expect(PlaneView.arrow(-1, -1) == "↙")
        #expect(PlaneView.arrow(0, -1) == "↓")
        #expect(PlaneView.arrow(1, -1) == "↘")
        #expect(PlaneView.arrow(0, 0) == nil)
        #expect(PlaneView.arrow(.nan, 1) == nil)
    }

    /// In the frame, an arrow sits on its sample's cell and points along its push.
    @Test func drawnArrowsSitOnTheirSamples() throws {
        var session = try trained()
        let screen = LabScreen(columns: 100, rows: 30, color: false)
        let canvas = screen.compose(&session, rates: .init())
        let window = PlaneWindow.around(.ring, columns: screen.pictureColumns, rows: screen.pictureRows)
        let view = PlaneView(trainer: session.trainer, samples: session.samples, window: window)
        var found = 0
        for (i, push) in view.push.enumerated() {
            guard let (c, r) = window.cell(view.fake[i].0, view.fake[i].1), let glyph = PlaneView.arrow(push.0, push.1) else { continue }
            let shown = canvas[c, 1 + r].character!
            if shown == glyph { found += 1 }
            #expect(!LabPalette.ramp.contains(shown), "an arrow's cell shows a glyph, not the heat")
        }
        // Later arrows may cover earlier ones in the same cell; most show.
        #expect(found >= view.push.count / 2, "\(found) of \(view.push.count)")
    }

    @Test func theOneDimensionalViewComputesDStarFromGsSamples() throws {
        let session = try trained(target: "0.5*N(-2,0.5) + 0.5*N(2,0.5)", steps: 100)
        guard case .oneDimensional(let mixture, _) = session.settings.target else { Issue.record("not 1-D"); return }
        let view = LineView(trainer: session.trainer, noise: session.samples.noise, data: mixture, columns: 50)
        #expect(view.data.count == 50 && view.optimal.count == 50)
        #expect(view.optimal.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(view.discriminator.allSatisfy { $0 >= 0 && $0 <= 1 })
        // The histogram is a density: it integrates to the share of samples inside the window.
        let width = (view.xRange.upperBound - view.xRange.lowerBound) / 50
        let mass = view.histogram.reduce(0, +) * width
        #expect(abs(mass + view.outside - 1) < 1e-9)
        // Where p_data has its peaks and G's histogram is empty, D* is 1.
        for (c, x) in view.centres.enumerated() where view.histogram[c] == 0 && mixture.density(x) > 0.3 {
            #expect(view.optimal[c] > 0.9)
        }
    }
}
