/// What the 2-D picture shows, as numbers: D evaluated at the centre of every
/// cell of the plane (the heat map), real and generated samples, and for a
/// subset of the generated ones the direction G's loss pushes them, −∇ₓ ℓ_G(x).
///
/// Owns these computations, on copies of the networks (training is never
/// touched). `LabScreen` only places what this computes.
import GAN
import NeuralNet
import Distributions

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct PlaneWindow: Sendable, Equatable {
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var columns: Int
    public var rows: Int

    /// The square of the plane around a 2-D target's modes.
    public static func around(_ target: Target, columns: Int, rows: Int) -> PlaneWindow {
        let half = target == .grid ? 5.5 : 3.0
        return PlaneWindow(xRange: -half...half, yRange: -half...half, columns: columns, rows: rows)
    }

    /// The point at the centre of cell (column, row); row 0 is the top.
    public func centre(_ column: Int, _ row: Int) -> (Double, Double) {
        let x = xRange.lowerBound + (Double(column) + 0.5) / Double(columns) * (xRange.upperBound - xRange.lowerBound)
        let y = yRange.upperBound - (Double(row) + 0.5) / Double(rows) * (yRange.upperBound - yRange.lowerBound)
        return (x, y)
    }

    /// The cell holding (x, y), or nil outside the window.
    public func cell(_ x: Double, _ y: Double) -> (column: Int, row: Int)? {
        let u = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let v = (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound)
        guard u >= 0, u < 1, v >= 0, v < 1 else { return nil }
        return (min(Int(u * Double(columns)), columns - 1), min(Int(v * Double(rows)), rows - 1))
    }
}

/// Fixed noise and real samples, drawn once per session so the picture
/// follows the same z's as G changes. Seeded apart from training.
public struct DisplaySamples: Sendable {
    public var noise: Matrix<Float>
    public var real: Matrix<Float>
    /// Generated samples shown: a cloud in 2-D; in 1-D the histogram's (`LineView.samples`).
    public static let count = 400
    /// How many of the generated samples carry an arrow.
    public static let arrows = 40

    public init(configuration: GANConfiguration) {
        var rng = SeededGenerator(seed: configuration.seed &+ 0x1AB)
        let count = configuration.target.dimension == 2 ? Self.count : LineView.samples
        noise = Matrix(
            rows: count, columns: configuration.zDimension,
            values: (0..<(count * configuration.zDimension)).map { _ in Float(StandardNormal.sample(using: &rng)) })
        var realRNG = SeededGenerator(seed: 99)  // the same real samples as demo train's final picture
        real = configuration.target.sample(Self.count, using: &realRNG)
    }
}

public struct PlaneView: Sendable {
    /// D's value at each cell centre, row by row: D(x) = σ(logit) for the
    /// standard losses, the critic's f(x) for WGAN.
    public var values: [Double]
    /// `values` mapped to [0, 1] for the heat colours: D itself, or f scaled
    /// from its lowest to its highest value on the window.
    public var levels: [Double]
    public var isCritic: Bool
    public var window: PlaneWindow
    public var real: [(Double, Double)]
    public var fake: [(Double, Double)]
    /// −∇ₓ ℓ_G(x) at the first `DisplaySamples.arrows` fakes.
    public var push: [(Double, Double)]

    public init(trainer: GANTrainer, samples: DisplaySamples, window: PlaneWindow) {
        self.window = window
        var d = trainer.discriminator
        var g = trainer.generator
        let loss = trainer.configuration.loss
        let isCritic = loss.isWasserstein
        self.isCritic = isCritic
        var grid: [Float] = []
        grid.reserveCapacity(2 * window.columns * window.rows)
        for row in 0..<window.rows {
            for column in 0..<window.columns {
                let (x, y) = window.centre(column, row)
                grid.append(Float(x)); grid.append(Float(y))
            }
        }
        let out = d.forward(Matrix(rows: window.columns * window.rows, columns: 2, values: grid)).values
        let values = out.map { isCritic ? Double($0) : Double(Losses.sigmoid($0)) }
        self.values = values
        if isCritic {
            let low = values.min() ?? 0, high = values.max() ?? 1
            let span = high - low
            levels = values.map { span > 0 ? ($0 - low) / span : 0.5 }
        } else {
            levels = values
        }
        real = (0..<samples.real.rows).map { (Double(samples.real[$0, 0]), Double(samples.real[$0, 1])) }
        let generated = g.forward(samples.noise)
        fake = (0..<generated.rows).map { (Double(generated[$0, 0]), Double(generated[$0, 1])) }
        let n = min(DisplaySamples.arrows, generated.rows)
        let pushed = Self.push(on: Matrix(rows: n, columns: 2, values: Array(generated.values[..<(2 * n)])), discriminator: d, loss: loss)
        push = (0..<n).map { (pushed[$0, 0], pushed[$0, 1]) }
    }

    /// −∇ₓ ℓ_G(x) for each row x, where ℓ_G is G's loss on that one sample
    /// (`GANLoss.generator` on a batch of one), by backpropagation through D.
    public static func push(on x: Matrix<Float>, discriminator: Network<Float>, loss: GANLoss) -> Matrix<Double> {
        var d = discriminator
        let out = d.forward(x)
        // The batch loss is the mean of per-sample losses: ×n gives each sample's own gradient.
        let (_, dOut) = loss.generator(fake: out.values)
        let n = Float(x.rows)
        let dx = d.backward(Matrix(rows: out.rows, columns: 1, values: dOut.map { $0 * n }), parameters: false)
        return Matrix(rows: x.rows, columns: x.columns, values: dx.values.map { -Double($0) })
    }

    /// The level at a cell (row 0 at the top).
    public func level(_ column: Int, _ row: Int) -> Double { levels[row * window.columns + column] }

    /// One of eight arrows for a direction (dx, dy), y up; nil for no push.
    public static func arrow(_ dx: Double, _ dy: Double) -> Character? {
        guard dx.isFinite, dy.isFinite, dx != 0 || dy != 0 else { return nil }
        let glyphs: [Character] = ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"]
        var angle = atan2(dy, dx) * 180 / Double.pi
        if angle < 0 { angle += 360 }
        return glyphs[Int((angle + 22.5) / 45) % 8]
    }
}
