/// Labelled numeric data for the binary classifiers of `gen-vs-disc`.
///
/// Rows are stored row-major in one array; labels are 0 or 1, with the class
/// names kept so that reports can say "malignant" rather than "1".
public struct Dataset: Sendable, Equatable {
    public var name: String
    public var featureNames: [String]
    /// Row-major: row i is x[i·features ..< (i+1)·features].
    public var x: [Double]
    public var labels: [Int]
    /// The names of class 0 and class 1.
    public var classNames: [String]

    public init(name: String, featureNames: [String], x: [Double], labels: [Int], classNames: [String]) {
        self.name = name
        self.featureNames = featureNames
        self.x = x
        self.labels = labels
        self.classNames = classNames
    }

    public var features: Int { featureNames.count }
    public var count: Int { labels.count }

    public func row(_ i: Int) -> ArraySlice<Double> { x[(i * features)..<((i + 1) * features)] }

    /// The rows at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        var rows: [Double] = []
        rows.reserveCapacity(indices.count * features)
        for i in indices { rows += row(i) }
        return Dataset(name: name, featureNames: featureNames, x: rows, labels: indices.map { labels[$0] }, classNames: classNames)
    }

    /// Per-feature mean and standard deviation (population, ddof = 0).
    public func featureStatistics() -> (mean: [Double], std: [Double]) {
        let d = features, n = Double(count)
        var mean = [Double](repeating: 0, count: d), sq = [Double](repeating: 0, count: d)
        for i in 0..<count { for j in 0..<d { mean[j] += x[i * d + j] } }
        for j in 0..<d { mean[j] /= n }
        for i in 0..<count { for j in 0..<d { let e = x[i * d + j] - mean[j]; sq[j] += e * e } }
        return (mean, sq.map { ($0 / n).squareRoot() })
    }

    /// (x − mean) / std per feature, with the given statistics (a feature with
    /// std 0 is only centred).
    public func standardized(mean: [Double], std: [Double]) -> Dataset {
        var copy = self
        let d = features
        for i in 0..<count {
            for j in 0..<d { copy.x[i * d + j] = (x[i * d + j] - mean[j]) / (std[j] > 0 ? std[j] : 1) }
        }
        return copy
    }
}
