/// What the 1-D picture shows, as numbers, at the centre of each column: the
/// target's density p_data (exact, from its spec), a histogram of G's samples,
/// D(x), and the optimal D*(x) = p_data/(p_data + p_g) for the current G
/// (Goodfellow et al. 2014, Prop. 1), with p_g estimated from G's samples by a
/// Gaussian kernel density (Silverman's bandwidth, 1.06·σ̂·n^(−1/5)).
///
/// D* is computed by `OptimalDiscriminator`, the same code as `demo optimal-d`.
/// Owns these computations on copies of the networks; drawing is `LabScreen`'s.
import Demos
import Distributions
import GAN
import NeuralNet

import Glibc

package struct LineView: Sendable {
    package var xRange: ClosedRange<Double>
    package var centres: [Double]
    package var data: [Double]
    /// G's samples per column, as a density (count / (n · column width)).
    package var histogram: [Double]
    /// The share of G's samples left or right of the window.
    package var outside: Double
    package var discriminator: [Double]
    package var optimal: [Double]
    package var isCritic: Bool

    /// The window: the target's central 99.8%, widened by a quarter on each side.
    package static func window(_ data: Mixture) -> ClosedRange<Double> {
        let low = data.quantile(0.001), high = data.quantile(0.999)
        let pad = (high - low) * 0.25
        return (low - pad)...(high + pad)
    }

    /// The number of G's samples the histogram and p_g's estimate use.
    package static let samples = 2000
    /// Of those, how many enter the kernel density (it costs samples × columns).
    static let densitySamples = 500

    package init(trainer: GANTrainer, noise: Matrix<Float>, data: Mixture, columns: Int) {
        let range = Self.window(data)
        xRange = range
        let width = (range.upperBound - range.lowerBound) / Double(columns)
        centres = (0..<columns).map { range.lowerBound + (Double($0) + 0.5) * width }
        self.data = centres.map { data.density($0) }

        var g = trainer.generator
        let generated = g.forward(noise).values.map(Double.init)
        var counts = [Double](repeating: 0, count: columns)
        var out = 0
        for v in generated {
            let u = (v - range.lowerBound) / width
            if u >= 0 && u < Double(columns) { counts[Int(u)] += 1 } else { out += 1 }
        }
        histogram = counts.map { $0 / (Double(generated.count) * width) }
        outside = generated.isEmpty ? 0 : Double(out) / Double(generated.count)

        var d = trainer.discriminator
        let outputs = d.forward(Matrix(rows: columns, columns: 1, values: centres.map(Float.init))).values
        isCritic = trainer.configuration.loss.isWasserstein
        if isCritic {
            let f = outputs.map(Double.init)
            let low = f.min() ?? 0, high = f.max() ?? 1
            discriminator = f.map { high > low ? ($0 - low) / (high - low) : 0.5 }
        } else {
            discriminator = outputs.map { Double(Losses.sigmoid($0)) }
        }

        let kernelSamples = Array(generated.filter(\.isFinite).prefix(Self.densitySamples))
        let pg = Self.kernelDensity(kernelSamples, minimumBandwidth: width / 2)
        let dStar = OptimalDiscriminator(data: data, generator: pg)
        optimal = centres.map { dStar($0) }
    }

    /// p_g as a mixture of equal Normals at the samples.
    static func kernelDensity(_ samples: [Double], minimumBandwidth: Double) -> Mixture {
        guard !samples.isEmpty else { return Mixture([(1, .normal(mu: 0, sigma: 1e6))]) }
        let n = Double(samples.count)
        let mean = samples.reduce(0, +) / n
        let sd = (samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(n - 1, 1)).squareRoot()
        let h = max(1.06 * sd * pow(n, -0.2), minimumBandwidth)
        return Mixture(samples.map { (1 / n, Component.normal(mu: $0, sigma: h)) })
    }
}
