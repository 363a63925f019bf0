/// The image-quality measures against numpy and scipy on fixed inputs:
/// Fixtures/make_frechet_fixtures.py wrote Fixtures/frechet.json once (the
/// Fréchet distance with scipy.linalg.sqrtm, as the FID's reference code
/// computes it; class counts and KL with numpy and scipy.special.rel_entr;
/// numpy.percentile).
import Distributions
import Foundation
@testable import GAN
import Testing

@Suite struct ImageQualityTests {
    struct FrechetCase: Decodable, CustomStringConvertible {
        var name: String, dimension: Int, a: [Double], b: [Double]
        var meanTerm: Double, traceOfSquareRoot: Double, value: Double
        var description: String { name }
    }
    struct Coverage: Decodable { var labels: [Int], reference: [Double], counts: [Int], covered: Int, kl: Double }
    struct Percentiles: Decodable { var values: [Double], p: [Double], expected: [Double] }
    struct File: Decodable { var frechet: [FrechetCase]; var coverage: Coverage; var percentiles: Percentiles }

    static let file: File = {
        let url = Bundle.module.url(forResource: "frechet", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    @Test(arguments: file.frechet)
    func theTraceOfTheSquareRootMatchesScipysSqrtm(_ c: FrechetCase) {
        let (_, s1) = FrechetDistance.moments(c.a, dimension: c.dimension)
        let (_, s2) = FrechetDistance.moments(c.b, dimension: c.dimension)
        let ours = FrechetDistance.traceOfSquareRoot(s1, s2, n: c.dimension)
        #expect(abs(ours - c.traceOfSquareRoot) <= 1e-8, "\(ours) vs scipy \(c.traceOfSquareRoot)")
    }

    @Test(arguments: file.frechet)
    func theDistanceMatchesTheReferenceComputation(_ c: FrechetCase) {
        let d = FrechetDistance(c.a, c.b, dimension: c.dimension)
        #expect(abs(d.meanTerm - c.meanTerm) <= 1e-10 * max(1, c.meanTerm))
        #expect(abs(d.value - c.value) <= 1e-8, "\(d.value) vs \(c.value)")
    }

    @Test func aSetIsAtDistanceZeroFromItself() {
        let c = Self.file.frechet[0]
        let d = FrechetDistance(c.a, c.a, dimension: c.dimension)
        #expect(abs(d.value) < 1e-9)
        #expect(FrechetDistance(c.a, c.b, dimension: c.dimension).value > 1)
    }

    @Test func theJacobiSolverGivesEigenpairs() {
        let c = Self.file.frechet[1]
        let n = c.dimension
        let (_, s) = FrechetDistance.moments(c.a, dimension: n)
        let e = SymmetricEigen(s, n: n)
        var worst = 0.0
        for k in 0..<n {
            for i in 0..<n {
                var av = 0.0
                for j in 0..<n { av += s[i * n + j] * e.vectors[j * n + k] }
                worst = max(worst, abs(av - e.values[k] * e.vectors[i * n + k]))
            }
        }
        #expect(worst < 1e-10)
        // The square root squares back to the matrix.
        let root = e.squareRoot
        let back = FrechetDistance.product(root, root, n)
        #expect(zip(back, s).map { abs($0 - $1) }.max()! < 1e-10)
    }

    @Test func coverageAndKLMatchNumpy() {
        let c = Self.file.coverage
        let ours = ClassCoverage(labels: c.labels, reference: c.reference)
        #expect(ours.counts == c.counts)
        #expect(ours.covered == c.covered)
        #expect(abs(ours.kl - c.kl) <= 1e-12)
    }

    @Test func coverageOfTheRealFrequenciesIsComplete() {
        let reference = [5.0, 5, 5, 5]
        let labels = [0, 1, 2, 3, 0, 1, 2, 3]
        let ours = ClassCoverage(labels: labels, reference: reference)
        #expect(ours.covered == 4 && abs(ours.kl) < 1e-15)
        let one = ClassCoverage(labels: [2, 2, 2], reference: reference)
        #expect(one.covered == 1 && abs(one.kl - log(4.0)) < 1e-12)
    }

    @Test func percentilesMatchNumpy() {
        let c = Self.file.percentiles
        for (p, expected) in zip(c.p, c.expected) {
            #expect(abs(Memorisation.percentile(c.values, p) - expected) <= 1e-12 * max(1, expected), "percentile \(p)")
        }
    }

    @Test func aCopyOfTheTrainingSetIsCaught() {
        // 40 training points on a line; held-out points between them; "generated" = copies of training points.
        let training: [Float] = (0..<40).flatMap { i -> [Float] in [Float(i), 0] }
        let heldOut: [Float] = (0..<39).flatMap { i -> [Float] in [Float(i) + 0.5, 0.3] }
        let copies = Memorisation(generated: Array(training.prefix(20)), heldOut: heldOut, training: training, dimension: 2)
        #expect(copies.generatedMedian == 0)
        #expect(copies.shareCloserThanHeldOut == 1)
        let fresh = Memorisation(generated: heldOut, heldOut: heldOut, training: training, dimension: 2)
        #expect(fresh.shareCloserThanHeldOut < 0.1)
        #expect(abs(fresh.heldOutMedian - (0.25 + 0.09).squareRoot()) < 1e-6)
    }

    @Test func stackedLabelsAreModesInBaseTen() {
        #expect(ClassCoverage.stackedModes([3, 1, 7, 0, 0, 9], stack: 3, classes: 10) == [317, 9])
        let reference = ClassCoverage.stackedReference([0.5, 0.25, 0.25], stack: 2)
        #expect(reference == [0.25, 0.125, 0.125, 0.125, 0.0625, 0.0625, 0.125, 0.0625, 0.0625])
        // One sample of a mode covers it when the threshold is 0; a mode the data lacks costs ∞.
        let c = ClassCoverage(labels: [0, 0, 4], reference: reference, threshold: 0)
        #expect(c.covered == 2)
        #expect(ClassCoverage(labels: [1], reference: [1, 0], threshold: 0).kl == .infinity)
    }

    @Test func aStackedImageSetDrawsIndependentImagesSideBySide() {
        let set = ImageSet(name: "three", values: [0, 0, 1, 1, 2, 2], dimension: 2, stack: 3)
        #expect(set.sampleDimension == 6 && set.count == 3)
        var rng = SeededGenerator(seed: 5)
        let m = set.sample(400, using: &rng)
        #expect(m.rows == 400 && m.columns == 6)
        // Every image is one of the set's, whole; over 400 stacks every combination of the first two appears.
        var pairs = Set<[Float]>()
        for i in 0..<m.rows {
            for s in 0..<3 { #expect(m[i, 2 * s] == m[i, 2 * s + 1]) }
            pairs.insert([m[i, 0], m[i, 2]])
        }
        #expect(pairs.count == 9)
    }
}
