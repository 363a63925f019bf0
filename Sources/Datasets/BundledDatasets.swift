/// The datasets ganbook ships and the synthetic data it generates.
import Distributions
import Installation

public enum BundledDatasets {
    public struct NotFound: Error, CustomStringConvertible {
        public var description = "cannot find ganbook's bundled data folder (data/wdbc/wdbc.csv)"
    }

    /// The Wisconsin diagnostic breast cancer data (569 × 30, UCI; see
    /// data/wdbc/README.md for its source, citation and license).
    public static func breastCancer() throws -> Dataset {
        guard let folder = BundledFolder.locate("data") else { throw NotFound() }
        var data = try CSVDataset.load(path: FileSystem.join(folder, "wdbc/wdbc.csv"), label: "diagnosis")
        data.name = "breast cancer (Wisconsin diagnostic, 569 × 30)"
        return data
    }
}

/// Two Gaussian classes whose features come in strongly correlated pairs, so
/// that naive Bayes' independence assumption is false.
///
/// In each pair (x₂ₖ, x₂ₖ₊₁) both features have variance 1 and correlation ρ;
/// only x₂ₖ differs between the classes, by δ (class means ±δ/2). A lone last
/// feature (odd `dims`) is independent and also differs by δ. Both classes share
/// one covariance, so the Bayes-optimal rule is linear and logistic regression
/// can reach it; naive Bayes cannot use x₂ₖ₊₁ to cancel the noise in x₂ₖ.
public struct CorrelatedPairs: Sendable {
    public var dims: Int
    public var separation: Double
    public var correlation: Double

    public init(dims: Int, separation: Double = 0.75, correlation: Double = 0.9) {
        self.dims = dims
        self.separation = separation
        self.correlation = correlation
    }

    var pairs: Int { dims / 2 }

    public func sample<G: RandomNumberGenerator>(count: Int, using rng: inout G) -> Dataset {
        var x: [Double] = []
        var labels: [Int] = []
        x.reserveCapacity(count * dims)
        let rest = (1 - correlation * correlation).squareRoot()
        for _ in 0..<count {
            let y = rng.next() & 1 == 1 ? 1 : 0
            let shift = (y == 1 ? 0.5 : -0.5) * separation
            for _ in 0..<pairs {
                let z1 = StandardNormal.sample(using: &rng), z2 = StandardNormal.sample(using: &rng)
                x.append(z1 + shift)
                x.append(correlation * z1 + rest * z2)
            }
            if dims % 2 == 1 { x.append(StandardNormal.sample(using: &rng) + shift) }
            labels.append(y)
        }
        return Dataset(name: "synthetic, \(dims) features in correlated pairs (ρ = \(correlation))",
                       featureNames: (1...dims).map { "x\($0)" }, x: x, labels: labels, classNames: ["A", "B"])
    }

    /// The Bayes error, which logistic regression approaches: Φ(−Δ/2) with the
    /// Mahalanobis distance Δ² = pairs·δ²/(1−ρ²) (+ δ² for a lone feature).
    public var bayesError: Double {
        let delta2 = Double(pairs) * separation * separation / (1 - correlation * correlation)
            + (dims % 2 == 1 ? separation * separation : 0)
        return NormalCDF.phi(-delta2.squareRoot() / 2)
    }

    /// Naive Bayes' asymptotic error: it weighs each x₂ₖ alone (the x₂ₖ₊₁ carry no
    /// mean difference), giving Φ(−√(pairs·δ² (+ δ²))/2).
    public var naiveBayesAsymptoticError: Double {
        let delta2 = Double(pairs + dims % 2) * separation * separation
        return NormalCDF.phi(-delta2.squareRoot() / 2)
    }
}
