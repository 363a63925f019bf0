import Demos
import GAN
@testable import Lab
import NeuralNet
import Testing

import Glibc

/// Under each method the heat map shows what its D computes, labelled, the
/// samples are G's as the method draws them, and the arrows are −∇ of G's loss.
@Suite struct MethodViewTests {
    func trained(_ method: CollapseMethod, steps: Int = 60) throws -> LabSession {
        var s = try labSettings(["--hidden", "32", "--batch", "64", "--seed", "5"])
        s.method = method
        var session = LabSession(settings: s)
        for _ in 0..<steps { session.fullStep() }
        return session
    }

    func forward(_ network: Network<Float>, _ values: [Float], columns: Int) -> [Float] {
        var n = network
        return n.forward(Matrix(rows: values.count / columns, columns: columns, values: values)).values
    }

    /// Each cell's value, from a forward pass of its own, as each method's D defines it.
    @Test(arguments: [CollapseMethod.ebgan, .madgan, .pacgan, .dragan])
    func theHeatMapIsTheMethodsD(method: CollapseMethod) throws {
        let session = try trained(method)
        let window = PlaneWindow.around(.ring, columns: 24, rows: 12)
        let view = PlaneView(trainer: session.trainer, samples: session.samples, window: window)
        let d = session.trainer.discriminator
        for row in 0..<12 {
            for column in 0..<24 {
                let (x, y) = window.centre(column, row)
                let p = [Float(x), Float(y)]
                let value = view.values[row * 24 + column], level = view.level(column, row)
                switch method {
                case .ebgan:
                    let r = forward(d, p, columns: 2)
                    let dx = Double(r[0] - p[0]), dy = Double(r[1] - p[1])
                    let energy = (dx * dx + dy * dy).squareRoot()
                    #expect(abs(value - energy) <= 1e-5 * max(1, energy))
                    #expect(abs(level - max(0, 1 - energy / CollapseSetting.ebganMargin)) <= 1e-5)
                case .madgan:
                    let l = forward(d, p, columns: 2).map(Double.init)
                    #expect(l.count == CollapseSetting.generators + 1)
                    let real = exp(l.last!) / l.map(exp).reduce(0, +)
                    #expect(abs(value - real) <= 1e-5 && level == value)
                case .pacgan:
                    #expect(value == Double(Losses.sigmoid(forward(d, p + p, columns: 4)[0])))
                default:
                    #expect(value == Double(Losses.sigmoid(forward(d, p, columns: 2)[0])))
                }
                #expect((0...1).contains(level))
            }
        }
        #expect(Set(view.levels.map { LabPalette.rampIndex($0) }).count >= 2, "the heat map is not flat")
    }

    /// Minibatch discrimination: a cell's D(x) is the last row of D on G's batch with x appended.
    @Test func theMinibatchHeatIsDOnGsBatchWithXAdded() throws {
        let session = try trained(.minibatch)
        var trainer = session.trainer
        let batch = trainer.generate(session.samples.noise)
        let reference = Matrix(rows: 64, columns: 2, values: Array(batch.values[..<128]))
        let points: [[Float]] = [[0, 0], [2, 0], [-1.4, 1.4], [2.5, -2.5]]
        let heat = MinibatchHeat.logits(
            session.trainer.discriminator, at: Matrix(rows: 4, columns: 2, values: points.flatMap { $0 }), joining: reference)
        var spread: Set<Float> = []
        for (i, p) in points.enumerated() {
            let whole = forward(session.trainer.discriminator, reference.values + p, columns: 2)
            #expect(abs(heat[i] - whole.last!) <= 1e-4 * max(1, abs(whole.last!)), "point \(p)")
            spread.insert(heat[i])
        }
        #expect(spread.count == 4)
    }

    /// MAD-GAN's samples come from each generator's own head, as `generate` draws them.
    @Test func madGansSamplesAreEachGeneratorsOwn() throws {
        let session = try trained(.madgan)
        let window = PlaneWindow.around(.ring, columns: 24, rows: 12)
        let view = PlaneView(trainer: session.trainer, samples: session.samples, window: window)
        var trainer = session.trainer
        let generated = trainer.generate(session.samples.noise)
        #expect(view.fake.count == DisplaySamples.count)
        for i in [0, 1, 2, 3, 397] { #expect(view.fake[i].0 == Double(generated[i, 0]) && view.fake[i].1 == Double(generated[i, 1])) }
        var g = session.trainer.generator
        let heads = g.forward(session.samples.noise)
        #expect(heads.columns == 2 * CollapseSetting.generators)
        #expect(view.fake[1].0 != Double(heads[1, 0]) || view.fake[1].1 != Double(heads[1, 1]), "row 1 is generator 1's, not the first head's")
    }

    /// G's loss on a batch of samples (the sum of its terms), independently of `PlaneView.push`.
    func generatorLoss(_ method: CollapseMethod, _ d: Network<Float>, _ x: [Float]) -> Double {
        switch method {
        case .ebgan:
            let r = forward(d, x, columns: 2)
            var sum = 0.0
            for i in stride(from: 0, to: x.count, by: 2) {
                let dx = Double(r[i] - x[i]), dy = Double(r[i + 1] - x[i + 1])
                sum += (dx * dx + dy * dy).squareRoot()
            }
            return sum
        case .madgan:
            let l = forward(d, x, columns: 2).map(Double.init), c = CollapseSetting.generators + 1
            return stride(from: 0, to: l.count, by: c).reduce(0.0) { sum, i in
                let row = l[i..<(i + c)]
                return sum + log(row.map(exp).reduce(0, +)) - row.last!
            }
        case .pacgan:
            return forward(d, x, columns: 4).reduce(0.0) { $0 + Double(Losses.softplus(-$1)) }
        default:
            return forward(d, x, columns: 2).reduce(0.0) { $0 + Double(Losses.softplus(-$1)) }
        }
    }

    /// Central differences of that loss against the arrows; kinks of ReLU are skipped, as in ViewTests.
    @Test(arguments: [CollapseMethod.ebgan, .madgan, .pacgan, .minibatch, .dragan])
    func theArrowsAreMinusTheGradientOfTheMethodsGLoss(method: CollapseMethod) throws {
        let session = try trained(method)
        let view = PlaneView(trainer: session.trainer, samples: session.samples, window: .around(.ring, columns: 24, rows: 12))
        let d = session.trainer.discriminator
        let n = method == .minibatch ? 64 : DisplaySamples.arrows
        let batch = view.fake[..<n].flatMap { [Float($0.0), Float($0.1)] }
        let h: Float = 1e-2
        var checked = 0, skipped = 0
        for (i, push) in view.push.enumerated() {
            for j in 0..<2 {
                func loss(_ delta: Float) -> Double {
                    var x = batch
                    x[2 * i + j] += delta
                    return generatorLoss(method, d, x)
                }
                let at = loss(0), plus = loss(h), minus = loss(-h)
                let forward = (plus - at) / Double(h), backward = (at - minus) / Double(h)
                if abs(forward - backward) > 0.05 * max(abs(forward), abs(backward)) + 1e-3 { skipped += 1; continue }
                let numeric = -(plus - minus) / (2 * Double(h)), analytic = j == 0 ? push.0 : push.1
                #expect(
                    abs(numeric - analytic) <= 0.03 * max(abs(analytic), abs(numeric)) + 3e-3,
                    "\(method) sample \(i) coordinate \(j): \(analytic) against finite differences \(numeric)")
                checked += 1
            }
        }
        #expect(checked >= 50, "checked \(checked), skipped \(skipped)")
        #expect(view.push.contains { abs($0.0) + abs($0.1) > 1e-3 })
    }

    @Test func theLegendNamesWhatTheHeatShows() throws {
        for (method, words) in [(CollapseMethod.ebgan, "−∇ energy  E≥m ░▒▓█ E=0"), (.madgan, "P(real)→0 ░▒▓█ →1"), (.pacgan, "D(x,x)→0 ░▒▓█ →1")] {
            var session = try trained(method, steps: 1)
            let text = LabScreen(columns: 120, rows: 30, color: false).compose(&session, rates: .init()).plainText
            #expect(text.contains(words), "\(method)")
            #expect(text.hasPrefix("ganbook lab · \(method.title) · "))
        }
    }
}
