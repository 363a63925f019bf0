/// One number per remedy that shows its mechanism at work in a trained
/// GAN: what `demo mode-collapse --method NAME` prints beside the modes.
import Autodiff
import Distributions
import NeuralNet

extension GANTrainer {
    /// `count` real samples all from mode `mode` (a collapsed batch), or, for
    /// nil, from the target itself (a diverse batch).
    public func probeBatch(count: Int, mode: Int?, seed: UInt64) -> Matrix<Float> {
        var rng = SeededGenerator(seed: seed)
        let target = configuration.target
        guard let mode else { return target.sample(count, using: &rng) }
        let (cx, cy) = target.modes[mode], sigma = target.modeSigma
        var values: [Float] = []
        for _ in 0..<count {
            values.append(Float(cx + sigma * StandardNormal.sample(using: &rng)))
            values.append(Float(cy + sigma * StandardNormal.sample(using: &rng)))
        }
        return Matrix(rows: count, columns: 2, values: values)
    }

    /// D's mean probability "real" for the rows of `x` (packed for PacGAN;
    /// for minibatch discrimination, `x` is seen as one batch).
    public mutating func meanRealProbability(_ x: Matrix<Float>) -> Double {
        let out = discriminator.forward(Self.packed(x, configuration.pack))
        return out.values.reduce(0.0) { $0 + Double(Losses.sigmoid($1)) } / Double(out.rows)
    }

    /// Minibatch discrimination's o(xᵢ) (Salimans et al. 2016, §3.2), averaged
    /// over the batch and the kernels: how crowded D finds the batch `x`.
    public mutating func meanCloseness(_ x: Matrix<Float>) -> Double {
        guard let layer = discriminator.minibatch else { return .nan }
        let features = Self.lastHidden(&discriminator, x)
        var copy = layer
        let out = copy.forward(features)
        var sum = 0.0
        for i in 0..<out.rows { for k in 0..<layer.kernels { sum += Double(out[i, layer.inputs + k] - layer.bias.values[k]) } }
        return sum / Double(out.rows * layer.kernels)
    }

    /// The input of `network`'s last dense layer for `x` (before any minibatch layer).
    static func lastHidden(_ network: inout Network<Float>, _ x: Matrix<Float>) -> Matrix<Float> {
        var h = x
        if network.inputScale != 1 { for i in h.values.indices { h.values[i] *= network.inputScale } }
        for i in network.layers.indices.dropLast() { h = network.layers[i].forward(h, activation: network.activations[i]).a }
        return h
    }

    /// The mean of ‖∇ₓ l(x̂)‖ over points x̂ near the data, drawn as DRAGAN
    /// draws them (x + α·0.5·std(x)·u): the slope DRAGAN's penalty pulls to 1.
    public mutating func meanSlopeNearData(count: Int, seed: UInt64) -> Double {
        var rng = SeededGenerator(seed: seed)
        let x = configuration.target.sample(count, using: &rng)
        let mean = x.values.reduce(0, +) / Float(x.values.count)
        let spread = (x.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(x.values.count)).squareRoot()
        var points = x
        for i in 0..<x.rows {
            let alpha = Float(UnitInterval.open(using: &rng))
            for j in 0..<x.columns { points[i, j] += alpha * 0.5 * spread * Float(UnitInterval.open(using: &rng)) }
        }
        var d = discriminator
        let out = d.forward(points)
        let slope = d.backward(Matrix(rows: out.rows, columns: 1, repeating: 1), parameters: false)
        var total = 0.0
        for i in 0..<slope.rows {
            var squared = 0.0
            for j in 0..<slope.columns { squared += Double(slope[i, j] * slope[i, j]) }
            total += squared.squareRoot()
        }
        return total / Double(slope.rows)
    }

    /// EBGAN's pulling-away term (Zhao et al. 2017, §2.4) of D's codes for `x`:
    /// near 1 for a batch of near-copies, small for a diverse batch.
    public func pullingAway(_ x: Matrix<Float>) -> Double {
        Tape.recording { tape in
            let d = TapeNetwork(discriminator, on: tape, trainable: false)
            return Double(RemedyLosses.pullingAway(d.forward(tape.constant(x)).features).scalar)
        }
    }

    /// MAD-GAN: `count` samples of generator `index` alone.
    public mutating func samples(ofGenerator index: Int, count: Int) -> Matrix<Float> {
        var sampler = SeededGenerator(seed: configuration.seed &+ 0x6E17 &+ UInt64(index))
        let out = generator.forward(Self.noise(count, configuration.zDimension, using: &sampler))
        let dim = configuration.target.dimension
        var mine = Matrix<Float>(rows: count, columns: dim)
        for i in 0..<count { for j in 0..<dim { mine[i, j] = out[i, index * dim + j] } }
        return mine
    }

    /// MRGAN: G(E(x)) for `count` real samples x, the reconstructions that the
    /// geometric regulariser keeps close to x.
    public mutating func reconstructions(count: Int, seed: UInt64) -> Matrix<Float>? {
        guard var e = encoder else { return nil }
        var rng = SeededGenerator(seed: seed)
        let x = configuration.target.sample(count, using: &rng)
        return generator.forward(e.forward(x))
    }
}
