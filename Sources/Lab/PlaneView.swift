/// What the 2-D picture shows, as numbers: D evaluated at the centre of every
/// cell of the plane (the heat map), real and generated samples, and for a
/// subset of the generated ones the direction G's loss pushes them, −∇ₓ ℓ_G(x).
///
/// Owns these computations, on copies of the networks (training is never
/// touched). `LabScreen` only places what this computes.
import GAN
import NeuralNet
import Distributions

import Glibc

package struct PlaneWindow: Sendable, Equatable {
    package var xRange: ClosedRange<Double>
    package var yRange: ClosedRange<Double>
    package var columns: Int
    package var rows: Int

    /// The square of the plane around a 2-D target's modes.
    package static func around(_ target: Target, columns: Int, rows: Int) -> PlaneWindow {
        let half = target == .grid ? 5.5 : 3.0
        return PlaneWindow(xRange: -half...half, yRange: -half...half, columns: columns, rows: rows)
    }

    /// The point at the centre of cell (column, row); row 0 is the top.
    package func centre(_ column: Int, _ row: Int) -> (Double, Double) {
        let x = xRange.lowerBound + (Double(column) + 0.5) / Double(columns) * (xRange.upperBound - xRange.lowerBound)
        let y = yRange.upperBound - (Double(row) + 0.5) / Double(rows) * (yRange.upperBound - yRange.lowerBound)
        return (x, y)
    }

    /// The cell holding (x, y), or nil outside the window.
    package func cell(_ x: Double, _ y: Double) -> (column: Int, row: Int)? {
        let u = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let v = (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound)
        guard u >= 0, u < 1, v >= 0, v < 1 else { return nil }
        return (min(Int(u * Double(columns)), columns - 1), min(Int(v * Double(rows)), rows - 1))
    }
}

/// Fixed noise and real samples, drawn once per session so the picture
/// follows the same z's as G changes. Seeded apart from training.
package struct DisplaySamples: Sendable {
    package var noise: Matrix<Float>
    package var real: Matrix<Float>
    /// Generated samples shown in 2-D (a cloud); in 1-D the histogram's (`LineView.samples`), on the digits `DigitsView.samples`.
    package static let count = 400
    /// How many of the generated samples carry an arrow.
    package static let arrows = 40

    package init(configuration: GANConfiguration) {
        var rng = SeededGenerator(seed: configuration.seed &+ 0x1AB)
        // G's samples shown (in 1-D the histogram's) and real ones: 400 points, or on the digits as many images each.
        let count: Int, realCount: Int
        switch configuration.target {
        case .ring, .grid: (count, realCount) = (Self.count, Self.count)
        case .oneDimensional: (count, realCount) = (LineView.samples, Self.count)
        case .images: (count, realCount) = (DigitsView.samples, DigitsView.samples)
        }
        noise = Matrix(
            rows: count, columns: configuration.zDimension,
            values: (0..<(count * configuration.zDimension)).map { _ in Float(StandardNormal.sample(using: &rng)) })
        var realRNG = SeededGenerator(seed: 99)  // the same real samples as demo train's final picture
        real = configuration.target.sample(realCount, using: &realRNG)
    }
}

package struct PlaneView: Sendable {
    /// What the heat map shows, which follows D's output under each method.
    package enum Heat: Sendable, Equatable {
        /// D(x) = σ(logit), one logit per point.
        case probability
        /// The critic's f(x) under WGAN, scaled from its lowest to its highest value on the window.
        case critic
        /// PacGAN: D(x, …, x), the probability for a pack of copies of x (D sees packs only).
        case pack(Int)
        /// Minibatch discrimination: D(x) for x as one more sample of G's batch
        /// (the shown fakes, as many as a training batch), since D's output
        /// depends on the batch: o(x)_b = ∑ⱼ exp(−‖M_{x,b} − M_{j,b}‖₁) + β_b over G's samples j.
        case batch
        /// EBGAN: 1 − min(E(x)/m, 1) of the energy E(x) = ‖D(x) − x‖, D an
        /// autoencoder: 1 where D reconstructs x perfectly (real-like), 0 at the
        /// margin m and beyond, where D's loss stops pushing fakes up.
        case energy(margin: Double)
        /// MAD-GAN: softmax probability of D's last class, "real", of k + 1.
        case realClass

        package init(_ c: GANConfiguration) {
            switch c.variant {
            case .pack(let p): self = .pack(p)
            case .minibatchDiscrimination: self = .batch
            case .ebgan(let margin, _): self = .energy(margin: margin)
            case .madgan: self = .realClass
            case .vanilla, .unrolled, .unrolledFirstOrder, .dragan, .mrgan: self = c.loss.isWasserstein ? .critic : .probability
            }
        }

        /// The legend's words for a level of 0 and of 1.
        var low: String {
            switch self {
            case .probability, .batch: return LabText.legendHeatLow
            case .critic: return LabText.legendCriticLow
            case .pack: return LabText.t("D(x,x)→0")
            case .energy: return LabText.t("E≥m")
            case .realClass: return LabText.t("P(real)→0")
            }
        }
        var high: String {
            switch self {
            case .probability, .batch: return LabText.legendHeatHigh
            case .critic: return LabText.legendCriticHigh
            case .pack, .realClass: return LabText.t("→1")
            case .energy: return LabText.t("E=0")
            }
        }
    }

    /// What the heat map shows at each cell centre, row by row: D(x) = σ(logit),
    /// the critic's f(x) for WGAN, EBGAN's energy E(x), MAD-GAN's P(real | x).
    package var values: [Double]
    /// `values` mapped to [0, 1] for the heat colours (see `Heat`).
    package var levels: [Double]
    package var heat: Heat
    package var isCritic: Bool { heat == .critic }
    package var window: PlaneWindow
    package var real: [(Double, Double)]
    /// G's samples, from `GANTrainer.generate` (under MAD-GAN, row i from generator i mod k).
    package var fake: [(Double, Double)]
    /// −∇ₓ ℓ_G(x) at the first `DisplaySamples.arrows` fakes (see `push(on:discriminator:configuration:)`).
    package var push: [(Double, Double)]

    package init(trainer: GANTrainer, samples: DisplaySamples, window: PlaneWindow) {
        self.window = window
        var t = trainer
        let c = trainer.configuration
        heat = Heat(c)
        let generated = t.generate(samples.noise)
        var grid: [Float] = []
        grid.reserveCapacity(2 * window.columns * window.rows)
        for row in 0..<window.rows {
            for column in 0..<window.columns {
                let (x, y) = window.centre(column, row)
                grid.append(Float(x)); grid.append(Float(y))
            }
        }
        let points = Matrix(rows: window.columns * window.rows, columns: 2, values: grid)
        let reference = Matrix(rows: min(c.batch, generated.rows), columns: 2, values: Array(generated.values[..<(2 * min(c.batch, generated.rows))]))
        values = Self.heatValues(heat, discriminator: trainer.discriminator, at: points, batch: reference)
        switch heat {
        case .critic:
            let low = values.min() ?? 0, high = values.max() ?? 1
            let span = high - low
            levels = values.map { span > 0 ? ($0 - low) / span : 0.5 }
        case .energy(let margin): levels = values.map { max(0, 1 - $0 / margin) }
        default: levels = values
        }
        real = (0..<samples.real.rows).map { (Double(samples.real[$0, 0]), Double(samples.real[$0, 1])) }
        fake = (0..<generated.rows).map { (Double(generated[$0, 0]), Double(generated[$0, 1])) }
        // Minibatch discrimination judges a batch: the arrows come from a training batch's worth of fakes.
        let n = heat == .batch ? reference.rows : min(DisplaySamples.arrows, generated.rows)
        let pushed = Self.push(
            on: Matrix(rows: n, columns: 2, values: Array(generated.values[..<(2 * n)])), discriminator: trainer.discriminator, configuration: c)
        push = (0..<min(n, DisplaySamples.arrows)).map { (pushed[$0, 0], pushed[$0, 1]) }
    }

    /// The heat's quantity at each row of `x` (see `values`); `batch` is G's batch for minibatch discrimination.
    static func heatValues(_ heat: Heat, discriminator: Network<Float>, at x: Matrix<Float>, batch: Matrix<Float>) -> [Double] {
        var d = discriminator
        switch heat {
        case .probability: return d.forward(x).values.map { Double(Losses.sigmoid($0)) }
        case .critic: return d.forward(x).values.map { Double($0) }
        case .pack(let p):
            var copies: [Float] = []
            copies.reserveCapacity(x.values.count * p)
            for i in 0..<x.rows { for _ in 0..<p { copies += [x[i, 0], x[i, 1]] } }
            return d.forward(Matrix(rows: x.rows, columns: 2 * p, values: copies)).values.map { Double(Losses.sigmoid($0)) }
        case .batch:
            return MinibatchHeat.logits(discriminator, at: x, joining: batch).map { Double(Losses.sigmoid($0)) }
        case .energy:
            let out = d.forward(x)
            return (0..<x.rows).map { i in
                let dx = Double(out[i, 0] - x[i, 0]), dy = Double(out[i, 1] - x[i, 1])
                return (dx * dx + dy * dy).squareRoot()
            }
        case .realClass:
            let out = d.forward(x)
            return (0..<out.rows).map { i in
                let row = (0..<out.columns).map { Double(out[i, $0]) }
                let top = row.max() ?? 0
                let sum = row.reduce(0) { $0 + exp($1 - top) }
                return exp(row[row.count - 1] - top) / sum
            }
        }
    }

    /// G's loss against D's logit under `configuration`: the chosen loss for
    /// the vanilla GAN, PacGAN and minibatch discrimination, the non-saturating
    /// loss of DRAGAN and MRGAN (whose other terms do not involve G(z)), and for
    /// the Unrolled GAN its minimax value against today's D (K = 0: the arrows
    /// do not look through the unrolled steps).
    static func generatorLoss(_ c: GANConfiguration) -> GANLoss {
        switch c.variant {
        case .vanilla, .pack, .minibatchDiscrimination, .unrolledFirstOrder: return c.loss
        case .unrolled: return .minimax
        case .dragan, .mrgan, .ebgan, .madgan: return .nonsaturating
        }
    }

    /// −∇ₓ ℓ_G(x) for each row x: the gradient of G's loss on this batch (a
    /// mean over samples, or PacGAN's packs of consecutive rows) times the
    /// number of terms, so that each sample gets its own term's gradient;
    /// under minibatch discrimination that term depends on the whole batch.
    /// EBGAN: −∇ₓ E(x), the energy (its pulling-away term, on D's codes, is left
    /// out); MAD-GAN: −∇ₓ of −log P(real | x).
    package static func push(on x: Matrix<Float>, discriminator: Network<Float>, configuration c: GANConfiguration) -> Matrix<Double> {
        var d = discriminator
        let dIn: Matrix<Float>
        switch c.variant {
        case .ebgan:
            // E = ‖D(x) − x‖: ∂E/∂x = J_Dᵀu − u with u = (D(x) − x)/E.
            let out = d.forward(x)
            var u = out
            for i in 0..<x.rows {
                let r0 = out[i, 0] - x[i, 0], r1 = out[i, 1] - x[i, 1]
                let e = max((r0 * r0 + r1 * r1).squareRoot(), 1e-12)
                u[i, 0] = r0 / e; u[i, 1] = r1 / e
            }
            var g = d.backward(u, parameters: false)
            for i in g.values.indices { g.values[i] -= u.values[i] }
            dIn = g
        case .madgan:
            // −log softmax_k(l): ∂/∂l = softmax(l) − e_k, k the last class ("real").
            let out = d.forward(x)
            var dOut = out
            for i in 0..<out.rows {
                let top = (0..<out.columns).map { out[i, $0] }.max() ?? 0
                let e = (0..<out.columns).map { exp(out[i, $0] - top) }
                let sum = e.reduce(0, +)
                for j in 0..<out.columns { dOut[i, j] = e[j] / sum - (j == out.columns - 1 ? 1 : 0) }
            }
            dIn = d.backward(dOut, parameters: false)
        default:
            let p = c.pack
            let packed = Matrix(rows: x.rows / p, columns: x.columns * p, values: Array(x.values[..<(x.rows / p * p * x.columns)]))
            let out = d.forward(packed)
            let (_, dOut) = generatorLoss(c).generator(fake: out.values)
            let n = Float(out.rows)
            let g = d.backward(Matrix(rows: out.rows, columns: 1, values: dOut.map { $0 * n }), parameters: false)
            dIn = Matrix(rows: packed.rows * p, columns: x.columns, values: g.values)
        }
        var result = Matrix<Double>(rows: x.rows, columns: x.columns)
        for i in dIn.values.indices { result.values[i] = -Double(dIn.values[i]) }
        return result
    }

    /// The level at a cell (row 0 at the top).
    package func level(_ column: Int, _ row: Int) -> Double { levels[row * window.columns + column] }

    /// One of eight arrows for a direction (dx, dy), y up; nil for no push.
    package static func arrow(_ dx: Double, _ dy: Double) -> Character? {
        guard dx.isFinite, dy.isFinite, dx != 0 || dy != 0 else { return nil }
        let glyphs: [Character] = ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"]
        var angle = atan2(dy, dx) * 180 / Double.pi
        if angle < 0 { angle += 360 }
        return glyphs[Int((angle + 22.5) / 45) % 8]
    }
}
