/// One-dimensional distributions: the values the spec language describes.
///
/// A `Distribution` is either continuous, a mixture of Normal, Uniform and
/// Laplace components, or discrete, probabilities over categories 0…k−1.
/// Densities are computed in log space so that far tails give −∞ or a very
/// negative number, never NaN. Formulas: standard (e.g. Johnson, Kotz &
/// Balakrishnan, *Continuous Univariate Distributions*); the Normal CDF uses
/// the C library's `erfc`, accurate to a few ulps.
import Glibc

/// A continuous family with its parameters.
public enum Component: Sendable, Equatable {
    case normal(mu: Double, sigma: Double)
    case uniform(a: Double, b: Double)
    case laplace(mu: Double, b: Double)

    public func logDensity(_ x: Double) -> Double {
        switch self {
        case .normal(let mu, let sigma):
            let z = (x - mu) / sigma
            return -0.5 * z * z - log(sigma) - 0.5 * log(2 * Double.pi)
        case .uniform(let a, let b):
            return x >= a && x <= b ? -log(b - a) : -.infinity
        case .laplace(let mu, let b):
            return -abs(x - mu) / b - log(2 * b)
        }
    }

    public func cdf(_ x: Double) -> Double {
        switch self {
        case .normal(let mu, let sigma):
            return 0.5 * erfc(-(x - mu) / (sigma * 2.0.squareRoot()))
        case .uniform(let a, let b):
            return x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a)
        case .laplace(let mu, let b):
            return x < mu ? 0.5 * exp((x - mu) / b) : 1 - 0.5 * exp(-(x - mu) / b)
        }
    }

    public var mean: Double {
        switch self {
        case .normal(let mu, _), .laplace(let mu, _): return mu
        case .uniform(let a, let b): return (a + b) / 2
        }
    }

    /// Where the density is non-zero; nil for the whole real line.
    public var support: ClosedRange<Double>? {
        if case .uniform(let a, let b) = self { return a...b }
        return nil
    }

    /// An interval outside which the density is below e⁻⁴⁰ of its peak (for
    /// the Normal, e⁻⁸⁰⁰): integrals over it miss less than 1e-17 of any mass.
    public var effectiveRange: ClosedRange<Double> {
        switch self {
        case .normal(let mu, let sigma): return (mu - 40 * sigma)...(mu + 40 * sigma)
        case .uniform(let a, let b): return a...b
        case .laplace(let mu, let b): return (mu - 40 * b)...(mu + 40 * b)
        }
    }

    /// Points where the density is not smooth (uniform ends, Laplace peak).
    public var kinks: [Double] {
        switch self {
        case .normal(let mu, _): return [mu]
        case .uniform(let a, let b): return [a, b]
        case .laplace(let mu, _): return [mu]
        }
    }

    public func shifted(by delta: Double) -> Component {
        switch self {
        case .normal(let mu, let sigma): return .normal(mu: mu + delta, sigma: sigma)
        case .uniform(let a, let b): return .uniform(a: a + delta, b: b + delta)
        case .laplace(let mu, let b): return .laplace(mu: mu + delta, b: b)
        }
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        switch self {
        case .normal(let mu, let sigma):
            return mu + sigma * StandardNormal.sample(using: &generator)
        case .uniform(let a, let b):
            return a + (b - a) * UnitInterval.open(using: &generator)
        case .laplace(let mu, let b):
            let u = UnitInterval.open(using: &generator) - 0.5
            return mu - b * (u < 0 ? -1 : 1) * log(1 - 2 * abs(u))
        }
    }
}

/// A finite mixture ∑ wᵢ·pᵢ of continuous components (weights sum to 1).
public struct Mixture: Sendable, Equatable {
    public var components: [(weight: Double, component: Component)]

    public init(_ components: [(weight: Double, component: Component)]) {
        self.components = components
    }

    public static func == (a: Mixture, b: Mixture) -> Bool {
        a.components.count == b.components.count
            && zip(a.components, b.components).allSatisfy { $0.weight == $1.weight && $0.component == $1.component }
    }

    /// log p(x), by log-sum-exp over the components.
    public func logDensity(_ x: Double) -> Double {
        if components.count == 1 { return components[0].component.logDensity(x) }
        var terms: [Double] = []
        terms.reserveCapacity(components.count)
        for (w, c) in components { terms.append(log(w) + c.logDensity(x)) }
        return LogSumExp.of(terms)
    }

    public func density(_ x: Double) -> Double { exp(logDensity(x)) }

    public func cdf(_ x: Double) -> Double {
        components.reduce(0) { $0 + $1.weight * $1.component.cdf(x) }
    }

    public var mean: Double { components.reduce(0) { $0 + $1.weight * $1.component.mean } }

    /// The support as sorted, disjoint closed intervals; nil when it is all of ℝ.
    public var support: [ClosedRange<Double>]? {
        var intervals: [ClosedRange<Double>] = []
        for (_, c) in components {
            guard let s = c.support else { return nil }
            intervals.append(s)
        }
        intervals.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Double>] = []
        for interval in intervals {
            if let last = merged.last, interval.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, interval.upperBound)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }

    public var effectiveRange: ClosedRange<Double> {
        let ranges = components.map(\.component.effectiveRange)
        return ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!
    }

    public var kinks: [Double] { components.flatMap(\.component.kinks) }

    public func shifted(by delta: Double) -> Mixture {
        Mixture(components.map { ($0.weight, $0.component.shifted(by: delta)) })
    }

    /// The x with cdf(x) = p, by bisection (to 1e-12 of the effective range).
    public func quantile(_ p: Double) -> Double {
        var low = effectiveRange.lowerBound, high = effectiveRange.upperBound
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if cdf(mid) < p { low = mid } else { high = mid }
            if high - low <= 1e-12 * max(1, abs(mid)) { break }
        }
        return (low + high) / 2
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        var u = UnitInterval.open(using: &generator)
        for (w, c) in components.dropLast() {
            if u < w { return c.sample(using: &generator) }
            u -= w
        }
        return components[components.count - 1].component.sample(using: &generator)
    }
}

/// A continuous mixture or a discrete distribution.
public enum Distribution: Sendable, Equatable {
    case continuous(Mixture)
    /// Probabilities of categories 0…k−1 (they sum to 1; zeros allowed).
    case discrete([Double])

    public var isDiscrete: Bool {
        if case .discrete = self { return true }
        return false
    }
}

/// log(∑ exp(xᵢ)) without overflow; −∞ when every term is −∞.
public enum LogSumExp {
    public static func of(_ terms: [Double]) -> Double {
        guard let m = terms.max(), m > -.infinity else { return -.infinity }
        if m == .infinity { return .infinity }
        return m + log(terms.reduce(0) { $0 + exp($1 - m) })
    }

    public static func of(_ a: Double, _ b: Double) -> Double {
        let m = max(a, b)
        guard m > -.infinity else { return -.infinity }
        return m + log(exp(a - m) + exp(b - m))
    }
}

/// The standard normal CDF Φ(x) = ½·erfc(−x/√2).
public enum NormalCDF {
    public static func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
}
