/// The datasets ganbook ships and the synthetic data it generates.
import Distributions
import Installation

public enum BundledDatasets {
    public struct NotFound: Error, CustomStringConvertible {
        public var description = "cannot find ganbook's bundled data folder (data/wdbc/wdbc.csv)"
        public init(description: String = "cannot find ganbook's bundled data folder (data/wdbc/wdbc.csv)") {
            self.description = description
        }
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

/// Synthetic data on which naive Bayes' independence assumption is false.
///
/// Two equally likely Gaussian classes. A few informative features come in
/// correlated pairs (x₂ₖ, x₂ₖ₊₁): both have standard deviation `informativeScale`
/// and correlation ρ, and only x₂ₖ differs between the classes, by δ standard
/// deviations. The remaining features are pure noise with a larger standard
/// deviation `noiseScale`. Pairs: max(1, dims/10); noise: the rest.
///
/// Both classes share one covariance, so the Bayes rule is linear and logistic
/// regression can reach it, using x₂ₖ₊₁ to cancel the noise in x₂ₖ; naive Bayes
/// treats the features as independent and cannot. On the other hand naive
/// Bayes divides each feature by its own variance, so the large noise features
/// do not mislead it with few examples, while a penalised logistic regression on
/// the raw features needs more data to learn to ignore them.
public struct CorrelatedPairs: Sendable {
    public var dims: Int
    public var separation: Double
    public var correlation: Double
    public var informativeScale: Double
    public var noiseScale: Double

    public init(
        dims: Int, separation: Double = 1.2, correlation: Double = 0.7,
        informativeScale: Double = 0.2, noiseScale: Double = 2.0
    ) {
        self.dims = dims
        self.separation = separation
        self.correlation = correlation
        self.informativeScale = informativeScale
        self.noiseScale = noiseScale
    }

    public var pairs: Int { max(1, dims / 10) }
    public var noiseFeatures: Int { dims - 2 * pairs }

    public var name: String {
        "synthetic, \(2 * pairs) informative features in pairs with correlation \(correlation) + \(noiseFeatures) noise features"
    }

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
                x.append(informativeScale * (z1 + shift))
                x.append(informativeScale * (correlation * z1 + rest * z2))
            }
            for _ in 0..<noiseFeatures { x.append(noiseScale * StandardNormal.sample(using: &rng)) }
            labels.append(y)
        }
        let names = (0..<pairs).flatMap { ["a\($0 + 1)", "b\($0 + 1)"] } + (0..<noiseFeatures).map { "noise\($0 + 1)" }
        return Dataset(name: name, featureNames: names, x: x, labels: labels, classNames: ["A", "B"])
    }

    /// The Bayes error, which logistic regression approaches: Φ(−Δ/2) with the
    /// Mahalanobis distance Δ² = pairs·δ²/(1−ρ²).
    public var bayesError: Double {
        NormalCDF.phi(-(Double(pairs) * separation * separation / (1 - correlation * correlation)).squareRoot() / 2)
    }

    /// Naive Bayes' asymptotic error: it weighs each x₂ₖ alone (the x₂ₖ₊₁ and the
    /// noise carry no mean difference), giving Φ(−√(pairs·δ²)/2).
    public var naiveBayesAsymptoticError: Double {
        NormalCDF.phi(-(Double(pairs) * separation * separation).squareRoot() / 2)
    }
}
