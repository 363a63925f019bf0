/// The Fréchet distance between two sets of feature vectors, each summarised
/// by its mean μ and covariance Σ as a Gaussian:
///
///   d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½)
///
/// (Dowson & Landau 1982, the Fréchet distance between two Gaussians; Heusel
/// et al. 2017 made it the FID by taking the features from Inception-v3's
/// pool layer). Covariances divide by n − 1, as numpy.cov and the FID's
/// reference code do.
///
/// The trace of the square root without a non-symmetric one: Σ₁Σ₂ is similar
/// to the symmetric positive semi-definite M = Σ₁^½ Σ₂ Σ₁^½
/// (Σ₁^½ · Σ₁Σ₂ · Σ₁^−½ = M when Σ₁ is invertible, and by continuity
/// otherwise), so Tr(Σ₁Σ₂)^½ = Σₖ √λₖ(M). Both square roots come from the
/// Jacobi eigen solver (`SymmetricEigen`), in Double; negative eigenvalues
/// left by rounding count as 0. The FID code (and the committed fixtures)
/// take `scipy.linalg.sqrtm(Σ₁Σ₂)` instead; on the fixtures the two traces
/// agree to 1e-8.
public struct FrechetDistance: Sendable, Equatable {
    public var value: Double
    /// ‖μ₁ − μ₂‖², the part of `value` from the means.
    public var meanTerm: Double
    /// Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½), the part from the covariances.
    public var covarianceTerm: Double

    /// Rows of `a` and of `b` (each `dimension` wide, row-major) are the feature vectors.
    public init(_ a: [Double], _ b: [Double], dimension d: Int) {
        let (m1, s1) = Self.moments(a, dimension: d), (m2, s2) = Self.moments(b, dimension: d)
        meanTerm = zip(m1, m2).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let rootTrace = Self.traceOfSquareRoot(s1, s2, n: d)
        var trace = 0.0
        for i in 0..<d { trace += s1[i * d + i] + s2[i * d + i] }
        covarianceTerm = trace - 2 * rootTrace
        value = meanTerm + covarianceTerm
    }

    /// The mean and the covariance (n − 1 in the denominator) of the rows.
    public static func moments(_ x: [Double], dimension d: Int) -> (mean: [Double], covariance: [Double]) {
        let n = x.count / d
        precondition(n >= 2 && x.count == n * d, "a covariance needs at least two rows of \(d) values")
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { mean[j] += x[i * d + j] } }
        for j in 0..<d { mean[j] /= Double(n) }
        var cov = [Double](repeating: 0, count: d * d)
        var centred = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for j in 0..<d { centred[j] = x[i * d + j] - mean[j] }
            for j in 0..<d where centred[j] != 0 {
                let cj = centred[j]
                for k in j..<d { cov[j * d + k] += cj * centred[k] }
            }
        }
        for j in 0..<d {
            for k in j..<d {
                cov[j * d + k] /= Double(n - 1)
                cov[k * d + j] = cov[j * d + k]
            }
        }
        return (mean, cov)
    }

    /// Tr((Σ₁Σ₂)^½) = Σₖ √λₖ(Σ₁^½ Σ₂ Σ₁^½), for symmetric positive semi-definite n × n matrices.
    public static func traceOfSquareRoot(_ s1: [Double], _ s2: [Double], n: Int) -> Double {
        let root = SymmetricEigen(s1, n: n).squareRoot
        let m = product(product(root, s2, n), root, n)
        // Symmetric in exact arithmetic; averaged with its transpose against rounding.
        var sym = m
        for i in 0..<n { for j in 0..<n { sym[i * n + j] = (m[i * n + j] + m[j * n + i]) / 2 } }
        return SymmetricEigen(sym, n: n).values.reduce(0) { $0 + max($1, 0).squareRoot() }
    }

    static func product(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in 0..<n {
                let aik = a[i * n + k]
                guard aik != 0 else { continue }
                for j in 0..<n { c[i * n + j] += aik * b[k * n + j] }
            }
        }
        return c
    }
}
