/// The optimal discriminator and the value of the game at it.
///
/// For a fixed generator with density p_g, the D that maximises
/// V(D, G) = 𝔼_{p_data}[log D(x)] + 𝔼_{p_g}[log(1 − D(x))] is
///
///     D*(x) = p_data(x) / (p_data(x) + p_g(x))          (Goodfellow et al. 2014, Prop. 1)
///
/// and the value there is
///
///     V(D*, G) = −log 4 + 2·JSD(p_data ‖ p_g)             (ibid., Theorem 1)
///
/// `value` computes V(D*, G) directly from its definition by quadrature, so
/// that comparing it with −log 4 + 2·JSD (computed by `Divergences.jsd`) checks
/// the theorem numerically.
import Distributions
import Divergences
import Models

import Glibc

package struct OptimalDiscriminator: Sendable {
    package var data: Mixture
    package var generator: Mixture

    package init(data: Mixture, generator: Mixture) {
        self.data = data
        self.generator = generator
    }

    /// D*(x); ½ where both densities vanish (no evidence either way).
    package func callAsFunction(_ x: Double) -> Double {
        let ld = data.logDensity(x), lg = generator.logDensity(x)
        guard ld > -.infinity || lg > -.infinity else { return 0.5 }
        return 1 / (1 + exp(lg - ld))
    }

    /// V(D*, G) = ∫ p_data log D* + p_g log(1 − D*), by adaptive quadrature.
    package func value() -> Double {
        let ranges = [data.effectiveRange, generator.effectiveRange]
        let low = ranges.map(\.lowerBound).min()!, high = ranges.map(\.upperBound).max()!
        return Quadrature.integrate(
            { x in
                let ld = data.logDensity(x), lg = generator.logDensity(x)
                let lsum = LogSumExp.of(ld, lg)  // log(p_data + p_g)
                var v = 0.0
                if ld > -.infinity { v += exp(ld) * (ld - lsum) }  // p_data · log D*
                if lg > -.infinity { v += exp(lg) * (lg - lsum) }  // p_g · log(1 − D*)
                return v
            }, from: low, to: high, breakPoints: (data.kinks + generator.kinks).sorted()
        ).value
    }

    /// The interval holding 99% of the mass of ½(p_data + p_g): from its
    /// 0.5% to its 99.5% quantile.
    package var centralRegion: ClosedRange<Double> {
        let both = Mixture(
            data.components.map { ($0.weight / 2, $0.component) }
                + generator.components.map { ($0.weight / 2, $0.component) })
        return both.quantile(0.005)...both.quantile(0.995)
    }
}

/// A discriminator trained from samples: logistic regression on Gaussian
/// bumps (radial basis functions) of x, fitted by Newton's method to `samples`
/// draws from each of p_data and p_g.
///
/// The bumps are centred evenly across the central region (and a little past
/// it), each as wide as 1.5 spacings, so the fitted log-odds is a smooth curve
/// that can bend wherever the data say: D = σ(b + ∑ₖ wₖ·exp(−(x − cₖ)²/(2h²))).
package struct TrainedDiscriminator: Sendable {
    package var model: LogisticRegression
    package var centers: [Double]
    package var bandwidth: Double

    package init(data: Mixture, generator: Mixture, region: ClosedRange<Double>, samples: Int, bumps: Int, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let pad = (region.upperBound - region.lowerBound) * 0.1
        let centers = grid(region.lowerBound - pad, region.upperBound + pad, bumps)
        let bandwidth = 1.5 * (centers[1] - centers[0])
        self.centers = centers
        self.bandwidth = bandwidth
        let features = { (x: Double) in Self.features(x, centers: centers, bandwidth: bandwidth) }
        var x: [Double] = []
        var labels: [Int] = []
        x.reserveCapacity(2 * samples * bumps)
        for _ in 0..<samples {
            x += features(data.sample(using: &rng))
            labels.append(1)
            x += features(generator.sample(using: &rng))
            labels.append(0)
        }
        // A light penalty (C large) keeps Newton stable where the classes separate.
        model = try LogisticRegression.fit(x: x, features: bumps, labels: labels, c: 1e3)
    }

    static func features(_ x: Double, centers: [Double], bandwidth: Double) -> [Double] {
        centers.map {
            let u = (x - $0) / bandwidth; return exp(-0.5 * u * u)
        }
    }

    /// D(x): the trained probability that x is real.
    package func callAsFunction(_ x: Double) -> Double {
        model.probability(Self.features(x, centers: centers, bandwidth: bandwidth))
    }
}
