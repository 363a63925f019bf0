import Distributions
@testable import Divergences
import Foundation
import Testing

import Glibc

/// Discrete divergences against reference values made once with scipy
/// (Fixtures/make_scipy_fixtures.py).
@Suite struct ScipyReferenceTests {
    struct Case: Decodable, CustomStringConvertible {
        var p: [Double]
        var q: [Double]
        var jsd: Double
        var kl_pq: Double?
        var kl_qp: Double?
        var description: String { "p = \(p), q = \(q)" }
    }
    struct File: Decodable { var scipy: String; var cases: [Case] }

    static let cases: [Case] = {
        let url = Bundle.module.url(forResource: "scipy_divergences", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    @Test func thereAreAtLeast20Cases() { #expect(Self.cases.count >= 20) }

    @Test(arguments: cases)
    func jsdMatchesScipy(_ c: Case) throws {
        let jsd = try Divergences.jsd(c.p, c.q)
        #expect(abs(jsd - c.jsd) <= 1e-12, "\(c): \(jsd) vs scipy \(c.jsd)")
    }

    @Test(arguments: cases)
    func klMatchesScipy(_ c: Case) throws {
        for (ours, theirs) in [(try Divergences.kl(c.p, c.q), c.kl_pq), (try Divergences.kl(c.q, c.p), c.kl_qp)] {
            if let theirs {
                #expect(!ours.isInfinite && abs(ours.value - theirs) <= 1e-12 * max(1, theirs), "\(c)")
            } else {
                #expect(ours.isInfinite && ours.infiniteBecause!.contains("support"), "\(c)")
            }
        }
    }

    @Test func categoryCountsMustMatch() {
        #expect(throws: DivergenceError.self) { try Divergences.jsd([0.5, 0.5], [1]) }
    }
}

/// Continuous divergences against closed forms.
@Suite struct ClosedFormTests {
    func mixture(_ spec: String) -> Mixture {
        guard case .continuous(let m) = try! DistributionSpec.parse(spec) else { fatalError(spec) }
        return m
    }

    /// KL(N(μ₁,σ₁)‖N(μ₂,σ₂)) = log(σ₂/σ₁) + (σ₁² + (μ₁−μ₂)²)/(2σ₂²) − ½.
    @Test(arguments: [(0.0, 1.0, 0.0, 1.0), (0.0, 1.0, 1.0, 1.0), (0.0, 1.0, 2.0, 3.0), (-1.5, 0.3, 2.0, 0.7), (5.0, 10.0, -3.0, 0.5)])
    func klBetweenGaussians(m1: Double, s1: Double, m2: Double, s2: Double) {
        let exact = log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5
        let ours = Divergences.kl(mixture("N(\(m1),\(s1))"), mixture("N(\(m2),\(s2))")).value
        #expect(abs(ours - exact) <= 1e-9 * max(exact, 1e-3), "ours \(ours), exact \(exact)")
    }

    /// p = U(0,1), q = U(θ,θ+1): JSD = min(|θ|,1)·log 2, W1 = |θ|, TV = min(|θ|,1), KL = ∞ for θ ≠ 0.
    @Test(arguments: [0.0, 0.1, 0.25, 0.5, 0.999, 1.0, 1.5, 3.0, -0.3, -2.0])
    func shiftedUniforms(theta: Double) {
        let p = mixture("U(0,1)"), q = mixture("U(\(theta),\(theta + 1))")
        let overlapless = min(abs(theta), 1)
        #expect(abs(Divergences.jsd(p, q) - overlapless * log(2.0)) <= 1e-12)
        #expect(abs(Divergences.wasserstein1(p, q) - abs(theta)) <= 1e-10 * max(abs(theta), 1))
        #expect(abs(Divergences.totalVariation(p, q) - overlapless) <= 1e-10)
        #expect(Divergences.kl(p, q).isInfinite == (theta != 0))
    }

    @Test(arguments: ["U(0,1)|U(2,3)", "U(-5,-4)|0.5*U(1,2) + 0.5*U(7,9)", "U(0,1)|U(1,2)"])
    func disjointSupportsGiveLog2(pair: String) {
        let parts = pair.split(separator: "|").map(String.init)
        #expect(abs(Divergences.jsd(mixture(parts[0]), mixture(parts[1])) - log(2.0)) <= 1e-12)
    }

    @Test func farApartGaussiansSaturateToo() {
        // 40σ apart: no overlap left to see.
        #expect(abs(Divergences.jsd(mixture("N(0,1)"), mixture("N(80,1)")) - log(2.0)) <= 1e-12)
    }

    /// W1 between Gaussians of equal σ is |μ₁ − μ₂|; between N(0,σ₁) and N(0,σ₂) it is
    /// |σ₁ − σ₂|·√(2/π) (the mean absolute difference of the quantile functions).
    @Test func wassersteinOfGaussians() {
        #expect(abs(Divergences.wasserstein1(mixture("N(0,1)"), mixture("N(2.5,1)")) - 2.5) <= 1e-9)
        let exact = 1.5 * (2 / Double.pi).squareRoot()
        #expect(abs(Divergences.wasserstein1(mixture("N(0,1)"), mixture("N(0,2.5)")) - exact) <= 1e-9)
    }

    @Test func klOfLaplaceMatchesItsClosedForm() {
        // KL(Laplace(0,b₁)‖Laplace(μ,b₂)) = log(b₂/b₁) + (b₁·e^{−|μ|/b₁} + |μ|)/b₂ − 1
        let (b1, mu, b2) = (0.7, 1.3, 2.0)
        let exact = log(b2 / b1) + (b1 * exp(-abs(mu) / b1) + abs(mu)) / b2 - 1
        let ours = Divergences.kl(mixture("Laplace(0,\(b1))"), mixture("Laplace(\(mu),\(b2))")).value
        #expect(abs(ours - exact) <= 1e-9 * exact)
    }

    @Test func infiniteKLSaysWhy() {
        let kl = Divergences.kl(mixture("N(0,1)"), mixture("U(-1,1)"))
        #expect(kl.isInfinite)
        #expect(kl.infiniteBecause == "p is positive on all of ℝ but q is zero outside [-1, 1]: the support of p is not inside that of q")
        #expect(!Divergences.kl(mixture("U(-1,1)"), mixture("N(0,1)")).isInfinite)
        #expect(!Divergences.kl(mixture("U(0,1)"), mixture("0.5*U(-1,0.5) + 0.5*U(0.5,2)")).isInfinite)
    }

    @Test func jsdIsSymmetricAndBounded() {
        let p = mixture("0.3*N(-2,0.5) + 0.7*N(2,1)"), q = mixture("Laplace(0.5,1.5)")
        let a = Divergences.jsd(p, q), b = Divergences.jsd(q, p)
        #expect(abs(a - b) <= 1e-12)
        #expect(a > 0 && a < log(2.0))
    }
}

@Suite struct QuadratureTests {
    @Test func polynomialsAreExact() {
        let r = Quadrature.integrate({ $0 * $0 * $0 - 2 * $0 }, from: -1, to: 3)
        #expect(abs(r.value - (20 - 8)) <= 1e-12)
    }

    @Test func gaussianMassIsOne() {
        let r = Quadrature.integrate({ exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() }, from: -40, to: 40)
        #expect(abs(r.value - 1) <= 1e-14)
    }

    @Test func breakPointsHandleJumps() {
        // ∫₀³ step(x − 1.3) dx = 1.7
        let r = Quadrature.integrate({ $0 < 1.3 ? 0 : 1 }, from: 0, to: 3, breakPoints: [1.3])
        #expect(abs(r.value - 1.7) <= 1e-14)
    }

    @Test func kinksConverge() {
        let r = Quadrature.integrate({ abs($0 - 0.123) }, from: -1, to: 1)
        let exact = (1.123 * 1.123 + 0.877 * 0.877) / 2
        #expect(abs(r.value - exact) <= 1e-11)
    }
}
