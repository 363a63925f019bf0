/// `ganbook demo gen-vs-disc`: a generative classifier (Gaussian naive Bayes)
/// against a discriminative one (logistic regression): learning curves, and
/// what each makes of points unlike anything in its training data.
import ArgumentParser
import Datasets
import Distributions
import Models
import Report

import Glibc

package struct GenVsDiscDemo: Demo {
    package static let name = "gen-vs-disc"
    package static let summary = "naive Bayes vs logistic regression: learning curves, and outlier detection with p(x)"
    package static let discussion = """
        A generative model (Gaussian naive Bayes) learns p(x, y); a discriminative \
        one (logistic regression, L2 with C = 1) learns only p(y | x).

        Learning curves: test error against the training-set size m, log-spaced \
        from 4 examples to the whole training set, averaged over --repeats draws, \
        on (a) synthetic data where naive Bayes' independence assumption is false \
        (a few informative features in pairs with correlation 0.7, the rest \
        larger-scale noise), and (b) the bundled \
        Wisconsin breast-cancer data (or --data FILE.csv --label COLUMN). Ng & \
        Jordan (2002) describe the picture: naive Bayes reaches its (higher) \
        asymptote with fewer examples, logistic regression has the lower one.

        Outlier detection: both models are trained on inliers and shown held-out \
        inliers plus --outliers points placed 4 to 8 standard deviations out per \
        coordinate (RMS), in random directions. The generative score is naive \
        Bayes' −log p(x); the discriminative one is logistic regression's doubt, \
        1 − max_y P(y | x). The ROC AUC says how well each tells outliers apart.

        Both models see the features as they are, as in Ng & Jordan. Naive \
        Bayes divides each feature by its own variance; a penalised logistic \
        regression does not, which is part of why it needs more examples. \
        --standardize gives logistic regression z-scored features (mean and \
        standard deviation of the m training examples) and shows how much of \
        naive Bayes' head start that removes.

        Logistic regression is fitted by Newton's method until the largest \
        gradient component is below 1e-10·C·n.
        """
    package static let version = 2
    package static let relativeCost = 0.2

    @Option(help: .demo("Features of the synthetic data (2 to 100).", valueName: "d"))
    package var dims: Int = 30

    @Option(help: .demo("Size of the synthetic training set, the largest m of its curve (20 to 100000).", valueName: "n"))
    package var train: Int = 1000

    @Option(help: .demo("Outliers in each outlier test (10 to 100000).", valueName: "n"))
    package var outliers: Int = 500

    @Option(help: .demo("Draws averaged for each point of a curve (1 to 1000).", valueName: "r"))
    package var repeats: Int = 20

    @Option(help: .demo("Seed for every draw.", valueName: "n"))
    package var seed: UInt64 = 1

    @Flag(help: .demo("Give logistic regression z-scored features (statistics of its own training examples)."))
    package var standardize = false

    @Option(help: .demo("Your own numeric CSV (with a header) instead of the bundled breast-cancer data.", valueName: "file.csv"))
    package var data: String?

    @Option(help: .demo("The label column of --data (two classes).", valueName: "column"))
    package var label: String?

    package init() {}

    package func validate() throws {
        guard (2...100).contains(dims) else { throw ValidationError("--dims must be between 2 and 100, got \(dims)") }
        guard (20...100_000).contains(train) else { throw ValidationError("--train must be between 20 and 100000, got \(train)") }
        guard (10...100_000).contains(outliers) else { throw ValidationError("--outliers must be between 10 and 100000, got \(outliers)") }
        guard (1...1000).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 1000, got \(repeats)") }
        if data != nil && label == nil { throw ValidationError("--data needs --label COLUMN: the column that holds the class") }
        if data == nil && label != nil { throw ValidationError("--label names a column of --data FILE.csv; give the file too") }
    }

    func realData() throws -> Dataset {
        guard let path = data, let label else { return try BundledDatasets.breastCancer() }
        let dataset = try CSVDataset.load(path: path, label: label)
        guard dataset.count >= 10 else { throw ValidationError("\(path): \(dataset.count) rows is too few; gen-vs-disc needs at least 10") }
        return dataset
    }

    package func report(progress: Progress) throws -> Report {
        let real = try realData()
        let generator = CorrelatedPairs(dims: dims)
        var report = Report(title: "Generative vs discriminative: naive Bayes and logistic regression")
        report.text(
            "Naive Bayes (generative) models how the data are made: a prior P(y) and, per class, an independent Gaussian per feature, so it also knows p(x). Logistic regression (discriminative) only draws the boundary P(y | x). Below: how fast each learns, and what each says about points unlike its training data."
        )

        // (a) Synthetic data, where NB's independence assumption is false.
        let synthetic = syntheticCurve(generator)
        report.items += curveItems(
            synthetic, title: "(a) \(generator.name)",
            references: [
                Plot.Reference(name: "NB asymptote \(format(generator.naiveBayesAsymptoticError))", y: generator.naiveBayesAsymptoticError),
                Plot.Reference(name: "Bayes error \(format(generator.bayesError))", y: generator.bayesError),
            ])
        report.text(
            "Theory for (a): naive Bayes cannot use a feature's correlated partner to cancel its noise, so its error can only fall to \(format(generator.naiveBayesAsymptoticError)); logistic regression can reach the Bayes error, \(format(generator.bayesError)). With few examples, though, naive Bayes' per-feature variances keep the \(generator.noiseFeatures) noisy features quiet, while logistic regression is still learning to ignore them."
        )

        // (b) Real data.
        let realCurve = try self.realCurve(real)
        report.items += curveItems(realCurve, title: "(b) \(real.name)", references: [])

        // Outliers.
        let syntheticOutliers = try outlierTest(name: "(a) synthetic") { rng in
            let pool = generator.sample(count: train, using: &rng)
            let test = generator.sample(count: max(outliers, 200), using: &rng)
            return (pool, test)
        }
        let realOutliers = try outlierTest(name: "(b) \(data == nil ? "breast cancer" : "your data")") { rng in
            let (pool, test) = split(real, using: &rng)
            return (pool, test)
        }
        report.table(
            Table(
                title: "Outlier detection: inliers vs points 4–8 SD away, mean ± sd over \(repeats) draws",
                columns: ["data", "AUC, NB −log p(x)", "AUC, LR 1 − max P(y|x)", "outliers LR calls with ≥ 0.99 (%)"],
                rows: [syntheticOutliers, realOutliers].map { row in
                    [
                        .text(row.name), .estimate(Estimate(of: row.nbAUC), 3), .estimate(Estimate(of: row.lrAUC), 3),
                        .estimate(Estimate(of: row.confident.map { $0 * 100 }), 1),
                    ]
                }))
        report.text("Naive Bayes knows p(x): a point far from everything it saw gets a tiny p(x), so −log p(x) flags it (AUC near 1).")
        report.text(
            "Logistic regression only knows which side of a line x is on: far from the data it is often more certain, not less, so it is confidently wrong about points it has never seen anything like (AUC at or below 0.5)."
        )
        // The outlier table above already shows the AUCs and the confident share; only what it does not.
        report.figures([
            Figure(
                "failed fits", .integer(synthetic.failedFits + realCurve.failedFits),
                note: "fits that did not converge are left out of the means, and counted here"),
            Figure("seed", .integer(Int(seed)), note: "\(repeats) draws per point"),
        ])
        return report
    }

    // MARK: Learning curves

    struct Curve {
        var sizes: [Int]
        var nbError: [[Double]]  // [size][repeat]
        var lrError: [[Double]]
        var testSize: Int
        var poolSize: Int
        /// Fits that failed (a singular class, no convergence): left out, counted.
        var failedFits = 0
    }

    /// Log-spaced sizes from 4 to `largest`, whole numbers, without repeats.
    static func sizes(upTo largest: Int, points: Int = 12) -> [Int] {
        var out: [Int] = []
        for i in 0..<points {
            let m = Int((4 * pow(Double(largest) / 4, Double(i) / Double(points - 1))).rounded())
            if out.last != m { out.append(m) }
        }
        if out.last != largest { out.append(largest) }
        return out
    }

    func syntheticCurve(_ generator: CorrelatedPairs) -> Curve {
        var rng = SeededGenerator(seed: seed)
        let test = generator.sample(count: 5000, using: &rng)
        let sizes = Self.sizes(upTo: train)
        var curve = Curve(
            sizes: sizes, nbError: Array(repeating: [], count: sizes.count),
            lrError: Array(repeating: [], count: sizes.count), testSize: test.count, poolSize: train)
        for _ in 0..<repeats {
            let pool = generator.sample(count: train, using: &rng)
            record(pool: pool, test: test, into: &curve)
        }
        return curve
    }

    func realCurve(_ data: Dataset) throws -> Curve {
        var rng = SeededGenerator(seed: seed &+ 1)
        var curve: Curve?
        for _ in 0..<repeats {
            let (pool, test) = split(data, using: &rng)
            if curve == nil {
                let sizes = Self.sizes(upTo: pool.count)
                curve = Curve(
                    sizes: sizes, nbError: Array(repeating: [], count: sizes.count),
                    lrError: Array(repeating: [], count: sizes.count), testSize: test.count, poolSize: pool.count)
            }
            record(pool: pool, test: test, into: &curve!)
        }
        return curve!
    }

    /// Fits both models on growing prefixes of `pool` and records their test errors.
    func record(pool: Dataset, test: Dataset, into curve: inout Curve) {
        let order = Self.bothClassesFirst(pool.labels)
        for (k, m) in curve.sizes.enumerated() {
            let subset = pool.subset(Array(order.prefix(m)))
            var lrTrain = subset, lrTest = test
            if standardize {
                let stats = subset.featureStatistics()
                lrTrain = subset.standardized(mean: stats.mean, std: stats.std)
                lrTest = test.standardized(mean: stats.mean, std: stats.std)
            }
            // Both models are scored on the same draws, or neither is.
            do {
                let nb = try GaussianNaiveBayes.fit(x: subset.x, features: subset.features, labels: subset.labels)
                let lr = try LogisticRegression.fit(x: lrTrain.x, features: lrTrain.features, labels: lrTrain.labels, c: 1)
                curve.nbError[k].append(errorRate(test) { nb.probability($0) })
                curve.lrError[k].append(errorRate(lrTest) { lr.probability($0) })
            } catch {
                curve.failedFits += 1
            }
        }
    }

    /// Indices 0…n−1 with the first example of each class moved to the front,
    /// so that every prefix of two or more holds both classes.
    static func bothClassesFirst(_ labels: [Int]) -> [Int] {
        var order = Array(labels.indices)
        if let second = order.firstIndex(where: { labels[$0] != labels[order[0]] }), second != 1 {
            order.insert(order.remove(at: second), at: 1)
        }
        return order
    }

    func errorRate(_ test: Dataset, _ probability: (ArraySlice<Double>) -> Double) -> Double {
        var wrong = 0
        for i in 0..<test.count where (probability(test.row(i)) >= 0.5 ? 1 : 0) != test.labels[i] { wrong += 1 }
        return Double(wrong) / Double(test.count)
    }

    /// A shuffled split: 70% training pool, 30% test, with both classes in each.
    func split<G: RandomNumberGenerator>(_ data: Dataset, using rng: inout G) -> (Dataset, Dataset) {
        var indices = Array(0..<data.count)
        indices.seededShuffle(using: &rng)
        let cut = Int((Double(data.count) * 0.7).rounded())
        return (data.subset(Array(indices[..<cut])), data.subset(Array(indices[cut...])))
    }

    func curveItems(_ curve: Curve, title: String, references: [Plot.Reference]) -> [Report.Item] {
        let nb = curve.nbError.map { Estimate(of: $0) }, lr = curve.lrError.map { Estimate(of: $0) }
        let verdicts = LearningCurves.verdicts(nb: nb, lr: lr)
        let rows: [[Value]] = curve.sizes.indices.map { k in
            [.integer(curve.sizes[k]), .estimate(nb[k], 3), .estimate(lr[k], 3), .text(verdicts[k].label)]
        }
        let xs = curve.sizes.map(Double.init)
        return [
            .table(
                Table(
                    title: "\(title): test error (mean ± sd over \(curve.nbError[0].count) draws; \(curve.testSize) test examples)",
                    columns: ["m", "naive Bayes", "logistic regression", "lower (beyond 1 sd)"], rows: rows)),
            .plot(
                Plot(
                    title: "Learning curves, \(title)", xLabel: "training examples m (log scale)", yLabel: "test error",
                    series: [Plot.Series(name: "naive Bayes", x: xs, y: nb.map(\.mean)), Plot.Series(name: "logistic regression", x: xs, y: lr.map(\.mean))],
                    references: references, logX: true)),
            .text(LearningCurves.narrative(sizes: curve.sizes, nb: nb, lr: lr)),
        ]
    }

    // MARK: Outliers

    struct OutlierResult {
        var name: String
        var nbAUC: [Double] = []
        var lrAUC: [Double] = []
        var confident: [Double] = []
    }

    /// Trains on a pool of inliers, then scores held-out inliers and outliers.
    func outlierTest(name: String, draw: (inout SeededGenerator) -> (Dataset, Dataset)) throws -> OutlierResult {
        var rng = SeededGenerator(seed: seed &+ 2)
        var result = OutlierResult(name: name)
        for _ in 0..<repeats {
            let (pool, inliers) = draw(&rng)
            let stats = pool.featureStatistics()
            let nb = try GaussianNaiveBayes.fit(x: pool.x, features: pool.features, labels: pool.labels)
            let lr = try LogisticRegression.fit(x: pool.x, features: pool.features, labels: pool.labels, c: 1)
            let far = Self.outliers(count: outliers, mean: stats.mean, std: stats.std, using: &rng)
            let d = pool.features
            let inlierRows = (0..<inliers.count).map { inliers.row($0) }
            let outlierRows = (0..<outliers).map { far[($0 * d)..<(($0 + 1) * d)] }
            let doubt = { (row: ArraySlice<Double>) -> Double in
                let p = lr.probability(row); return 1 - max(p, 1 - p)
            }
            result.nbAUC.append(ROC.auc(positives: outlierRows.map { -nb.logMarginal($0) }, negatives: inlierRows.map { -nb.logMarginal($0) }))
            result.lrAUC.append(ROC.auc(positives: outlierRows.map(doubt), negatives: inlierRows.map(doubt)))
            result.confident.append(Double(outlierRows.filter { doubt($0) <= 0.01 }.count) / Double(outliers))
        }
        return result
    }

    /// Points mean + std ⊙ (r·√d·u), r uniform in [4, 8] and u a uniform random
    /// direction: in standardised coordinates each is r standard deviations out
    /// per coordinate (root mean square).
    static func outliers(count: Int, mean: [Double], std: [Double], using rng: inout SeededGenerator) -> [Double] {
        let dims = mean.count
        var out: [Double] = []
        out.reserveCapacity(count * dims)
        for _ in 0..<count {
            let direction = (0..<dims).map { _ in StandardNormal.sample(using: &rng) }
            let norm = direction.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let r = 4 + 4 * UnitInterval.open(using: &rng)
            for j in 0..<dims { out.append(mean[j] + std[j] * r * Double(dims).squareRoot() * direction[j] / norm) }
        }
        return out
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
