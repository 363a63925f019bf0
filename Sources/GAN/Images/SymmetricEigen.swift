/// Eigenvalues and eigenvectors of a real symmetric matrix, by the cyclic
/// Jacobi method (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.5.2
/// Algorithm 8.5.1 for one rotation and §8.5.3 Algorithm 8.5.3 for the sweeps),
/// in Double.
///
/// Each rotation J(p, q, θ) zeroes A[p][q] in A ← JᵀAJ: with
/// τ = (A[q][q] − A[p][p]) / (2A[p][q]), t = sign(τ) / (|τ| + √(1 + τ²)),
/// c = 1/√(1 + t²) and s = t·c. Sweeps visit every pair p < q in row order and
/// stop when the off-diagonal part is below 1e-15 of the whole (by the
/// Frobenius norm). The method is slow for large n (O(n³) per sweep) and very
/// accurate, which is what a 64 × 64 covariance needs.
public struct SymmetricEigen: Sendable {
    /// The eigenvalues, in the order of the diagonal the sweeps leave.
    public var values: [Double]
    /// Row-major n × n; column k is the unit eigenvector of `values[k]`.
    public var vectors: [Double]
    public let n: Int

    /// `matrix` is n × n row-major and must be symmetric.
    public init(_ matrix: [Double], n: Int) {
        precondition(matrix.count == n * n, "an \(n) × \(n) matrix needs \(n * n) values")
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        let total = a.reduce(0) { $0 + $1 * $1 }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in 0..<n where q != p { off += a[p * n + q] * a[p * n + q] } }
            if off <= 1e-30 * total || off == 0 { break }
            for p in 0..<(n - 1) { for q in (p + 1)..<n { Self.rotate(&a, &v, n, p, q) } }
        }
        values = (0..<n).map { a[$0 * n + $0] }
        vectors = v
        self.n = n
    }

    /// One Jacobi rotation in the (p, q) plane: A ← JᵀAJ, V ← VJ.
    static func rotate(_ a: inout [Double], _ v: inout [Double], _ n: Int, _ p: Int, _ q: Int) {
        let apq = a[p * n + q]
        guard apq != 0 else { return }
        let tau = (a[q * n + q] - a[p * n + p]) / (2 * apq)
        let t = tau >= 0 ? 1 / (tau + (1 + tau * tau).squareRoot()) : -1 / (-tau + (1 + tau * tau).squareRoot())
        let c = 1 / (1 + t * t).squareRoot(), s = t * c
        for k in 0..<n {  // columns p and q: A ← AJ
            let akp = a[k * n + p], akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
        }
        for k in 0..<n {  // rows p and q: A ← JᵀA
            let apk = a[p * n + k], aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
        }
        a[p * n + q] = 0
        a[q * n + p] = 0
        for k in 0..<n {
            let vkp = v[k * n + p], vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
        }
    }

    /// The symmetric square root V·diag(√λ)·Vᵀ of a positive semi-definite
    /// matrix; eigenvalues below 0 (rounding) count as 0.
    public var squareRoot: [Double] {
        var out = [Double](repeating: 0, count: n * n)
        for k in 0..<n {
            let root = max(values[k], 0).squareRoot()
            guard root > 0 else { continue }
            for i in 0..<n {
                let vik = vectors[i * n + k] * root
                for j in 0..<n { out[i * n + j] += vik * vectors[j * n + k] }
            }
        }
        return out
    }
}
