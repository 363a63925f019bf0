/// Divergences and distances between two 1-D distributions.
///
/// Definitions (natural logs, so values are in nats):
/// - KL(p‖q) = ∫ p log(p/q), +∞ when p puts mass where q has none (Kullback &
///   Leibler 1951);
/// - JSD(p‖q) = ½KL(p‖m) + ½KL(q‖m), m = (p+q)/2; 0 ≤ JSD ≤ log 2, and √JSD is
///   a metric (Lin 1991; Endres & Schindelin 2003);
/// - TV(p, q) = ½∫|p − q|;
/// - W1(p, q) = ∫|F_p − F_q| dx for 1-D distributions (Vallender 1974).
///
/// Discrete distributions use sums with 0·log 0 = 0. Continuous ones use
/// adaptive Gauss–Kronrod quadrature to 1e-12 relative, split at every
/// uniform end and component centre. Tails: the integrals run over the union of
/// the components' effective ranges (μ ± 40σ for a Normal, μ ± 40b for a
/// Laplace, [a, b] for a Uniform); outside them every density is below e⁻⁴⁰ of
/// its peak, so what is left out is below 1e-17 of the mass.
import Distributions

import Glibc

/// A divergence that may be infinite, with the reason when it is.
public struct DivergenceValue: Sendable, Equatable {
    public var value: Double
    public var infiniteBecause: String?

    public static func finite(_ value: Double) -> DivergenceValue { DivergenceValue(value: value, infiniteBecause: nil) }
    public static func infinite(_ reason: String) -> DivergenceValue { DivergenceValue(value: .infinity, infiniteBecause: reason) }
    public var isInfinite: Bool { infiniteBecause != nil }
}

public struct DivergenceError: Error, Equatable, CustomStringConvertible {
    public var description: String
}

public enum Divergences {
    // MARK: Discrete

    static func checkSameLength(_ p: [Double], _ q: [Double]) throws(DivergenceError) {
        guard p.count == q.count else {
            throw DivergenceError(description: "p has \(p.count) categories and q has \(q.count); they must have as many")
        }
    }

    /// KL(p‖q); `names` are how the reason for an infinite value calls p and q.
    public static func kl(_ p: [Double], _ q: [Double], names: (String, String) = ("p", "q")) throws(DivergenceError) -> DivergenceValue {
        try checkSameLength(p, q)
        var sum = 0.0
        for i in p.indices where p[i] > 0 {
            if q[i] == 0 {
                return .infinite("category \(i) has \(names.0) = \(p[i]) but \(names.1) = 0: the support of \(names.0) is not inside that of \(names.1)")
            }
            sum += p[i] * log(p[i] / q[i])
        }
        return .finite(max(sum, 0))
    }

    public static func jsd(_ p: [Double], _ q: [Double]) throws(DivergenceError) -> Double {
        try checkSameLength(p, q)
        var sum = 0.0
        for i in p.indices {
            let m = (p[i] + q[i]) / 2
            if p[i] > 0 { sum += p[i] * log(p[i] / m) }
            if q[i] > 0 { sum += q[i] * log(q[i] / m) }
        }
        return max(sum / 2, 0)
    }

    public static func totalVariation(_ p: [Double], _ q: [Double]) throws(DivergenceError) -> Double {
        try checkSameLength(p, q)
        return zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
    }

    // MARK: Continuous

    /// Break points for integrals involving these mixtures.
    static func breakPoints(_ mixtures: Mixture...) -> [Double] {
        let sorted = mixtures.flatMap(\.kinks).sorted()
        return sorted.enumerated().filter { $0.offset == 0 || sorted[$0.offset - 1] != $0.element }.map(\.element)
    }

    static func range(_ mixtures: Mixture...) -> ClosedRange<Double> {
        let ranges = mixtures.map(\.effectiveRange)
        return ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!
    }

    /// Why KL(p‖q) is infinite, or nil when the support of p lies inside that of q.
    static func supportProblem(_ p: Mixture, _ q: Mixture, names: (String, String)) -> String? {
        guard let qSupport = q.support else { return nil }
        let (pn, qn) = names
        let describe = { (s: [ClosedRange<Double>]) in s.map { "[\(short($0.lowerBound)), \(short($0.upperBound))]" }.joined(separator: " ∪ ") }
        guard let pSupport = p.support else {
            return "\(pn) is positive on all of ℝ but \(qn) is zero outside \(describe(qSupport)): the support of \(pn) is not inside that of \(qn)"
        }
        for interval in pSupport where !qSupport.contains(where: { $0.lowerBound <= interval.lowerBound && interval.upperBound <= $0.upperBound }) {
            return "\(pn) has mass on \(describe([interval])) but \(qn) only on \(describe(qSupport)): the support of \(pn) is not inside that of \(qn)"
        }
        return nil
    }

    /// KL(p‖q); `names` are how the reason for an infinite value calls p and q.
    public static func kl(_ p: Mixture, _ q: Mixture, names: (String, String) = ("p", "q")) -> DivergenceValue {
        if let reason = supportProblem(p, q, names: names) { return .infinite(reason) }
        let r = p.effectiveRange
        let result = Quadrature.integrate(
            { x in
                let lp = p.logDensity(x)
                guard lp > -.infinity else { return 0 }
                return exp(lp) * (lp - q.logDensity(x))
            }, from: r.lowerBound, to: r.upperBound, breakPoints: breakPoints(p, q))
        return .finite(max(result.value, 0))
    }

    public static func jsd(_ p: Mixture, _ q: Mixture) -> Double {
        let r = range(p, q)
        let result = Quadrature.integrate(
            { x in
                let lp = p.logDensity(x), lq = q.logDensity(x)
                let lm = LogSumExp.of(lp, lq) - log(2.0)
                var sum = 0.0
                if lp > -.infinity { sum += exp(lp) * (lp - lm) }
                if lq > -.infinity { sum += exp(lq) * (lq - lm) }
                return sum / 2
            }, from: r.lowerBound, to: r.upperBound, breakPoints: breakPoints(p, q))
        return min(max(result.value, 0), log(2.0))
    }

    public static func totalVariation(_ p: Mixture, _ q: Mixture) -> Double {
        let r = range(p, q)
        return Quadrature.integrate(
            { x in abs(p.density(x) - q.density(x)) / 2 },
            from: r.lowerBound, to: r.upperBound, breakPoints: breakPoints(p, q)
        ).value
    }

    /// W1 = ∫|F_p(x) − F_q(x)| dx.
    public static func wasserstein1(_ p: Mixture, _ q: Mixture) -> Double {
        let r = range(p, q)
        return Quadrature.integrate(
            { x in abs(p.cdf(x) - q.cdf(x)) },
            from: r.lowerBound, to: r.upperBound, breakPoints: breakPoints(p, q)
        ).value
    }

    static func short(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

/// Every divergence between p and q that makes sense for their kind.
public struct Comparison: Sendable, Equatable {
    public var klPQ: DivergenceValue
    public var klQP: DivergenceValue
    /// In nats.
    public var jsd: Double
    public var totalVariation: Double
    /// Only for continuous p and q.
    public var wasserstein1: Double?

    public var jsdBits: Double { jsd / log(2.0) }
    /// The Jensen–Shannon distance, what `scipy.spatial.distance.jensenshannon` returns.
    public var jsDistance: Double { jsd.squareRoot() }

    public init(_ p: Distribution, _ q: Distribution) throws(DivergenceError) {
        switch (p, q) {
        case (.discrete(let p), .discrete(let q)):
            klPQ = try Divergences.kl(p, q)
            klQP = try Divergences.kl(q, p, names: ("q", "p"))
            jsd = try Divergences.jsd(p, q)
            totalVariation = try Divergences.totalVariation(p, q)
            wasserstein1 = nil
        case (.continuous(let p), .continuous(let q)):
            klPQ = Divergences.kl(p, q)
            klQP = Divergences.kl(q, p, names: ("q", "p"))
            jsd = Divergences.jsd(p, q)
            totalVariation = Divergences.totalVariation(p, q)
            wasserstein1 = Divergences.wasserstein1(p, q)
        default:
            throw DivergenceError(description: "p and q must both be continuous or both discrete")
        }
    }
}
