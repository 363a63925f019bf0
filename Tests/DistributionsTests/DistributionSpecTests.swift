@testable import Distributions
import Testing

import Glibc

@Suite struct DistributionSpecTests {
    @Test func familiesParse() throws {
        #expect(try DistributionSpec.parse("N(0,1)") == .continuous(Mixture([(1, .normal(mu: 0, sigma: 1))])))
        #expect(try DistributionSpec.parse(" U( -1 , 2.5 ) ") == .continuous(Mixture([(1, .uniform(a: -1, b: 2.5))])))
        #expect(try DistributionSpec.parse("Laplace(1e-1,2E0)") == .continuous(Mixture([(1, .laplace(mu: 0.1, b: 2))])))
        #expect(try DistributionSpec.parse("normal(0,1)") == DistributionSpec.parse("N(0,1)"))
        #expect(try DistributionSpec.parse("1*N(0,1)") == DistributionSpec.parse("N(0,1)"))
    }

    @Test func mixturesParse() throws {
        #expect(
            try DistributionSpec.parse("0.3*N(-2,0.5) + 0.7*N(2,1)")
                == .continuous(
                    Mixture([
                        (0.3, .normal(mu: -2, sigma: 0.5)), (0.7, .normal(mu: 2, sigma: 1)),
                    ])))
        #expect(try DistributionSpec.parse("0.2*U(0,1)+0.5*Laplace(0,1)+0.3*N(0,1)") != DistributionSpec.parse("N(0,1)"))
    }

    @Test func discreteParses() throws {
        #expect(try DistributionSpec.parse("[0.1, 0.2, 0.7]") == .discrete([0.1, 0.2, 0.7]))
        #expect(try DistributionSpec.parse("[1,0]") == .discrete([1, 0]))
    }

    @Test func specsRoundTrip() throws {
        for spec in ["N(0,1)", "0.3*N(-2,0.5) + 0.7*Laplace(2,1)", "[0.25, 0.75]", "U(-1,3)"] {
            let d = try DistributionSpec.parse(spec)
            #expect(try DistributionSpec.parse(d.spec) == d, "\(spec)")
        }
    }

    /// At least twenty bad specs, each with the column it points at and its message.
    @Test(arguments: [
        ("N(0,-1)", 5, "sigma must be > 0, got -1"),
        ("N(0,0)", 5, "sigma must be > 0, got 0"),
        ("U(1,1)", 5, "b must be greater than a, got U(1,1)"),
        ("U(2,1)", 5, "b must be greater than a, got U(2,1)"),
        ("Laplace(0,-2)", 11, "scale b must be > 0, got -2"),
        ("-0.3*N(0,1) + 1.3*N(1,1)", 1, "weight must be > 0, got -0.3"),
        ("0*N(0,1) + 1*N(1,1)", 1, "weight must be > 0, got 0"),
        ("0.3*N(0,1) + 0.6*N(1,1)", 1, "weights sum to 0.9, not 1"),
        ("0.5*N(0,1)", 1, "weights sum to 0.5, not 1"),
        ("0.5*N(0,1) + N(1,1)", 14, "each part of a mixture needs a weight, as in 0.5*N(0,1)"),
        ("[0.2, 0.2]", 1, "probabilities sum to 0.4, not 1"),
        ("[0.5, -0.5, 1]", 7, "probability must be ≥ 0, got -0.5"),
        ("[]", 2, "a discrete distribution needs at least one probability"),
        ("[0.5, 0.5", 10, "missing ']' to close the '[' at column 1"),
        ("Beta(1,2)", 1, "unknown family 'Beta'; use N(mu,sigma), U(a,b) or Laplace(mu,b)"),
        ("N(0,1", 6, "missing ')' to close N("),
        ("N 0,1)", 3, "expected '(' after N, found '0'"),
        ("N(0,1))", 7, "unexpected ')': one ')' too many"),
        ("N(nan,1)", 3, "NaN is not allowed"),
        ("N(0,inf)", 5, "infinity is not allowed"),
        ("U(-Infinity,0)", 3, "infinity is not allowed"),
        ("N(0,1e999)", 5, "'1e999' is too large"),
        ("0.5*[0.5,0.5] + 0.5*N(0,1)", 5, "a discrete distribution cannot be mixed with continuous ones"),
        ("[0.5,0.5] + N(0,1)", 11, "a discrete distribution cannot be mixed with continuous ones"),
        ("N(0,1,2)", 1, "N takes 2 parameters (mu, sigma), got 3"),
        ("U(0)", 1, "U takes 2 parameters (a, b), got 1"),
        ("", 1, "empty spec; try N(0,1), U(0,1), Laplace(0,1), 0.3*N(-2,0.5) + 0.7*N(2,1) or [0.2, 0.8]"),
        ("N(0,x)", 5, "expected a parameter of N, found 'x'"),
        ("0.5 N(0,1)", 5, "expected '*' after the weight, found 'N'"),
        ("N(1.2.3,1)", 3, "'1.2.3' is not a number"),
        ("0.5*N(0,1) +", 13, "expected a distribution: the spec ends early"),
    ])
    func badSpecsSayWhatAndWhere(spec: String, column: Int, message: String) {
        #expect(throws: SpecError(spec: spec, column: column, message: message)) { try DistributionSpec.parse(spec) }
    }

    @Test func theErrorLineHasACaretBeforeTheCharacter() {
        let error = SpecError(spec: "N(0,-1)", column: 5, message: "sigma must be > 0, got -1")
        #expect(error.description == "sigma must be > 0, got -1 (column 5: N(0,^-1))")
    }
}

@Suite struct DistributionTests {
    func mixture(_ spec: String) -> Mixture {
        guard case .continuous(let m) = try! DistributionSpec.parse(spec) else { fatalError() }
        return m
    }

    @Test func densitiesIntegrateToOneAndMatchCDFs() {
        for spec in ["N(1,2)", "U(-1,3)", "Laplace(0.5,0.7)", "0.3*N(-2,0.5) + 0.7*U(0,4)"] {
            let m = mixture(spec)
            // Trapezoid on a fine grid against the CDF: an independent check of pdf and cdf.
            let (a, b) = (-3.0, 2.0)
            let n = 200_000
            var sum = 0.0
            for i in 0...n {
                let x = a + (b - a) * Double(i) / Double(n)
                sum += (i == 0 || i == n ? 0.5 : 1) * m.density(x)
            }
            sum *= (b - a) / Double(n)
            #expect(abs(sum - (m.cdf(b) - m.cdf(a))) < 1e-4, "\(spec)")
        }
    }

    @Test func samplesHaveTheRightMeanAndAreReproducible() {
        let m = mixture("0.3*N(-2,0.5) + 0.7*Laplace(2,1)")
        var g1 = SeededGenerator(seed: 7), g2 = SeededGenerator(seed: 7)
        let a = (0..<200_000).map { _ in m.sample(using: &g1) }
        let b = (0..<10).map { _ in m.sample(using: &g2) }
        #expect(Array(a.prefix(10)) == b)
        let mean = a.reduce(0, +) / Double(a.count)
        #expect(abs(mean - m.mean) < 0.02)  // σ_mean ≈ 0.005
    }

    @Test func quantileInvertsTheCDF() {
        let m = mixture("0.5*N(-2,0.6) + 0.5*N(2,0.6)")
        for p in [0.005, 0.25, 0.5, 0.9, 0.995] { #expect(abs(m.cdf(m.quantile(p)) - p) < 1e-10) }
    }

    @Test func supportsMerge() {
        #expect(mixture("0.5*U(0,1) + 0.5*U(0.5,2)").support == [0...2])
        #expect(mixture("0.5*U(0,1) + 0.5*U(3,4)").support == [0...1, 3...4])
        #expect(mixture("0.5*U(0,1) + 0.5*N(3,4)").support == nil)
    }
}
