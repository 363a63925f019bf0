import Datasets
import Foundation
@testable import Models
import Testing

/// Our naive Bayes and logistic regression against scikit-learn 1.9 fits of the
/// same data (Fixtures/make_sklearn_fixtures.py), to 1e-6 relative.
@Suite struct SklearnReferenceTests {
    struct NB: Decodable { var priors: [Double]; var means: [[Double]]; var variances: [[Double]]; var p1: [Double] }
    struct LR: Decodable { var coef: [Double]; var intercept: Double; var p1: [Double] }
    struct Case: Decodable, CustomStringConvertible {
        var name: String; var c: Double; var nb: NB; var lr: LR?
        var x: [[Double]]?; var y: [Int]?
        var description: String { name }
    }
    struct File: Decodable { var sklearn: String; var cases: [Case] }

    static let file: File = {
        let url = Bundle.module.url(forResource: "sklearn_models", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    /// The rows a case was fitted on: its own, or the bundled data prepared as the script did.
    static func data(_ c: Case) throws -> (x: [Double], d: Int, y: [Int]) {
        if let rows = c.x, let y = c.y { return (rows.flatMap { $0 }, rows[0].count, y) }
        var wdbc = try BundledDatasets.breastCancer()
        #expect(wdbc.classNames == ["benign", "malignant"])
        if c.name == "wdbc-standardized" {
            let stats = wdbc.featureStatistics()
            wdbc = wdbc.standardized(mean: stats.mean, std: stats.std)
        }
        return (wdbc.x, wdbc.features, wdbc.labels)
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-6, floor: Double = 1e-12) -> Bool {
        abs(a - b) <= relative * max(abs(b), floor)
    }

    @Test func fixturesComeFromScikitLearn19() {
        #expect(Self.file.sklearn.hasPrefix("1.9"))
        #expect(Self.file.cases.count >= 5)
    }

    @Test(arguments: file.cases)
    func naiveBayesMatches(_ c: Case) throws {
        let (x, d, y) = try Self.data(c)
        let nb = try GaussianNaiveBayes.fit(x: x, features: d, labels: y)
        for k in 0..<2 {
            #expect(Self.close(nb.priors[k], c.nb.priors[k]), "\(c) prior \(k)")
            for j in 0..<d {
                #expect(Self.close(nb.means[k][j], c.nb.means[k][j], floor: 1e-9), "\(c) mean[\(k)][\(j)]: \(nb.means[k][j]) vs \(c.nb.means[k][j])")
                #expect(Self.close(nb.variances[k][j], c.nb.variances[k][j]), "\(c) variance[\(k)][\(j)]")
            }
        }
        for i in 0..<y.count {
            let p = nb.probability(x[(i * d)..<((i + 1) * d)])
            #expect(abs(p - c.nb.p1[i]) <= 1e-6 * max(c.nb.p1[i], 1e-6) || abs(p - c.nb.p1[i]) < 1e-12, "\(c) P(1|x\(i)) \(p) vs \(c.nb.p1[i])")
        }
    }

    @Test(arguments: file.cases.filter { $0.lr != nil })
    func logisticRegressionMatches(_ c: Case) throws {
        let (x, d, y) = try Self.data(c)
        let reference = c.lr!
        let lr = try LogisticRegression.fit(x: x, features: d, labels: y, c: c.c)
        let scale = reference.coef.map(abs).max()!
        for j in 0..<d {
            #expect(
                abs(lr.weights[j] - reference.coef[j]) <= 1e-6 * max(abs(reference.coef[j]), 1e-2 * scale),
                "\(c) w[\(j)]: \(lr.weights[j]) vs \(reference.coef[j])")
        }
        #expect(abs(lr.intercept - reference.intercept) <= 1e-6 * max(abs(reference.intercept), 1e-2 * scale), "\(c) intercept")
        for i in 0..<y.count {
            let p = lr.probability(x[(i * d)..<((i + 1) * d)])
            #expect(abs(p - reference.p1[i]) <= 1e-6 * max(min(reference.p1[i], 1 - reference.p1[i]), 1e-3), "\(c) P(1|x\(i))")
        }
    }
}

@Suite struct ROCTests {
    /// The rank formula against the definition: count pairs, ties ½.
    func bruteForce(_ pos: [Double], _ neg: [Double]) -> Double {
        var wins = 0.0
        for p in pos { for n in neg { wins += p > n ? 1 : (p == n ? 0.5 : 0) } }
        return wins / Double(pos.count * neg.count)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func aucEqualsThePairwiseCount(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 58) }  // few values: many ties
        let pos = (0..<37).map { _ in next() + 3 }, neg = (0..<53).map { _ in next() }
        #expect(abs(ROC.auc(positives: pos, negatives: neg) - bruteForce(pos, neg)) < 1e-12)
    }

    @Test func extremes() {
        #expect(ROC.auc(positives: [3, 4], negatives: [1, 2]) == 1)
        #expect(ROC.auc(positives: [1, 2], negatives: [3, 4]) == 0)
        #expect(ROC.auc(positives: [1, 1], negatives: [1, 1]) == 0.5)
    }

    @Test func anEmptyClassOrANaNScoreGivesNaN() {
        #expect(ROC.auc(positives: [], negatives: [1, 2]).isNaN)
        #expect(ROC.auc(positives: [1], negatives: []).isNaN)
        #expect(ROC.auc(positives: [1, .nan], negatives: [0]).isNaN)
    }
}
