/// Gaussian naive Bayes: a generative classifier. It models the joint
/// p(x, y) = P(y) · ∏ⱼ N(xⱼ; μ_yj, σ²_yj), learning a prior per class and a mean
/// and variance per class and feature, as if the features were independent
/// given the class.
///
/// As scikit-learn's `GaussianNB` does: priors are class frequencies,
/// variances are population variances (ddof = 0), and every variance is
/// increased by `varianceSmoothing` × the largest variance of any feature over
/// the whole training set, so that a constant feature cannot divide by zero.
import Glibc

public struct GaussianNaiveBayes: Sendable, Equatable {
    /// P(y) for y = 0, 1.
    public var priors: [Double]
    /// means[y][j] and variances[y][j].
    public var means: [[Double]]
    public var variances: [[Double]]
    public var epsilon: Double
    /// Per class: log P(y) − ½·∑ⱼ log(2π σ²_yj), and 1/σ²_yj — computed once, used per row.
    var logNormalizers: [Double] = []
    var inverseVariances: [[Double]] = []

    public init(priors: [Double], means: [[Double]], variances: [[Double]], epsilon: Double) {
        self.priors = priors
        self.means = means
        self.variances = variances
        self.epsilon = epsilon
        logNormalizers = (0..<priors.count).map { y in
            log(priors[y]) - 0.5 * variances[y].reduce(0) { $0 + log(2 * Double.pi * $1) }
        }
        inverseVariances = variances.map { $0.map { 1 / $0 } }
    }

    public static func == (a: GaussianNaiveBayes, b: GaussianNaiveBayes) -> Bool {
        a.priors == b.priors && a.means == b.means && a.variances == b.variances && a.epsilon == b.epsilon
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func fit(x: [Double], features d: Int, labels: [Int], varianceSmoothing: Double = 1e-9) throws(Failure) -> GaussianNaiveBayes {
        let n = labels.count
        guard n > 0, x.count == n * d else { throw Failure(description: "naive Bayes needs rows of \(d) features, one per label") }
        var counts = [0, 0]
        var sums = [[Double]](repeating: [Double](repeating: 0, count: d), count: 2)
        var all = [Double](repeating: 0, count: d)
        for i in 0..<n {
            let y = labels[i]
            counts[y] += 1
            for j in 0..<d {
                sums[y][j] += x[i * d + j]
                all[j] += x[i * d + j]
            }
        }
        guard counts[0] > 0, counts[1] > 0 else { throw Failure(description: "naive Bayes needs both classes in the training data") }
        let means = (0..<2).map { y in sums[y].map { $0 / Double(counts[y]) } }
        let overallMean = all.map { $0 / Double(n) }
        var squares = [[Double]](repeating: [Double](repeating: 0, count: d), count: 2)
        var overall = [Double](repeating: 0, count: d)
        for i in 0..<n {
            let y = labels[i]
            for j in 0..<d {
                let v = x[i * d + j]
                let e = v - means[y][j]
                squares[y][j] += e * e
                let o = v - overallMean[j]
                overall[j] += o * o
            }
        }
        let epsilon = varianceSmoothing * (overall.map { $0 / Double(n) }.max() ?? 0)
        let variances = (0..<2).map { y in squares[y].map { $0 / Double(counts[y]) + epsilon } }
        return GaussianNaiveBayes(priors: counts.map { Double($0) / Double(n) }, means: means, variances: variances, epsilon: epsilon)
    }

    /// log p(x, y) = log P(y) + ∑ⱼ log N(xⱼ; μ_yj, σ²_yj).
    public func logJoint(_ row: ArraySlice<Double>, _ y: Int) -> Double {
        var sum = 0.0
        let mean = means[y], inverse = inverseVariances[y]
        var j = 0
        for v in row {
            let e = v - mean[j]
            sum += e * e * inverse[j]
            j += 1
        }
        return logNormalizers[y] - 0.5 * sum
    }

    /// log p(x) = log ∑_y p(x, y): how plausible x is under the model.
    public func logMarginal(_ row: ArraySlice<Double>) -> Double {
        let a = logJoint(row, 0), b = logJoint(row, 1)
        let m = max(a, b)
        return m + log(exp(a - m) + exp(b - m))
    }

    /// P(y = 1 | x) = p(x, 1) / p(x).
    public func probability(_ row: ArraySlice<Double>) -> Double {
        let a = logJoint(row, 0), b = logJoint(row, 1)
        return 1 / (1 + exp(a - b))
    }
}
