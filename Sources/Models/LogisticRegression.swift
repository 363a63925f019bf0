/// Binary logistic regression with an intercept and an L2 penalty, fitted by
/// Newton's method.
///
/// Objective (scikit-learn's convention, `LogisticRegression(C=…)`):
///
///     ½‖w‖² + C · ∑ᵢ log(1 + exp(−yᵢ (wᵀxᵢ + b))),   yᵢ ∈ {−1, +1}
///
/// The intercept b is not penalised. Each Newton step solves H Δ = g with the
/// exact Hessian H = diag(1,…,1,0) + C·X̃ᵀ S X̃ (S = σ(1−σ), X̃ = [X 1]) by
/// Cholesky, with a backtracking line search on the objective. Stopping rule:
/// the largest gradient component is at most `tolerance`·max(1, C·n), or
/// the step no longer lowers the objective, or 100 iterations.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct LogisticRegression: Sendable, Equatable {
    public var weights: [Double]
    public var intercept: Double
    public var iterations: Int

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Fits to rows `x` (row-major, `features` per row) with labels in {0, 1}.
    public static func fit(x: [Double], features d: Int, labels: [Int], c: Double = 1,
                           tolerance: Double = 1e-10, maximumIterations: Int = 100) throws(Failure) -> LogisticRegression {
        let n = labels.count
        guard n > 0, x.count == n * d else { throw Failure(description: "logistic regression needs rows of \(d) features, one per label") }
        guard labels.contains(0), labels.contains(1) else { throw Failure(description: "logistic regression needs both classes in the training data") }
        let p = d + 1
        var theta = [Double](repeating: 0, count: p)  // w₁…w_d, b
        var objective = Self.objective(theta, x: x, d: d, labels: labels, c: c)
        var iteration = 0
        while iteration < maximumIterations {
            iteration += 1
            var gradient = [Double](repeating: 0, count: p)
            var hessian = [Double](repeating: 0, count: p * p)
            for j in 0..<d { gradient[j] = theta[j]; hessian[j * p + j] = 1 }
            var row = [Double](repeating: 1, count: p)
            for i in 0..<n {
                for j in 0..<d { row[j] = x[i * d + j] }
                var z = theta[d]
                for j in 0..<d { z += theta[j] * row[j] }
                let s = sigmoid(z)
                let r = c * (s - Double(labels[i]))
                let weight = c * s * (1 - s)
                for j in 0..<p {
                    gradient[j] += r * row[j]
                    let wj = weight * row[j]
                    for k in 0...j { hessian[j * p + k] += wj * row[k] }
                }
            }
            for j in 0..<p { for k in 0..<j { hessian[k * p + j] = hessian[j * p + k] } }
            let largest = gradient.map(abs).max() ?? 0
            if largest <= tolerance * max(1, c * Double(n)) { break }
            guard let step = LinearAlgebra.solveSPD(hessian, gradient, n: p) else {
                throw Failure(description: "the Hessian is not positive definite (are two features identical?)")
            }
            var scale = 1.0
            var improved = false
            while scale > 1e-10 {
                let candidate = zip(theta, step).map { $0 - scale * $1 }
                let value = Self.objective(candidate, x: x, d: d, labels: labels, c: c)
                if value <= objective {
                    theta = candidate
                    improved = value < objective
                    objective = value
                    break
                }
                scale /= 2
            }
            if !improved { break }
        }
        return LogisticRegression(weights: Array(theta[0..<d]), intercept: theta[d], iterations: iteration)
    }

    static func objective(_ theta: [Double], x: [Double], d: Int, labels: [Int], c: Double) -> Double {
        var penalty = 0.0
        for j in 0..<d { penalty += theta[j] * theta[j] }
        var loss = 0.0
        for i in labels.indices {
            var z = theta[d]
            for j in 0..<d { z += theta[j] * x[i * d + j] }
            // log(1 + exp(−y z)) with y = ±1, stably
            let m = labels[i] == 1 ? -z : z
            loss += m > 0 ? m + log1p(exp(-m)) : log1p(exp(m))
        }
        return 0.5 * penalty + c * loss
    }

    /// P(y = 1 | x).
    public func probability<C: Collection>(_ row: C) -> Double where C.Element == Double {
        var z = intercept
        for (j, v) in row.enumerated() { z += weights[j] * v }
        return Self.sigmoid(z)
    }

    /// P(y = 1 | x) for an array row (the common case, without generic overhead).
    public func probability(_ row: [Double]) -> Double {
        var z = intercept
        for j in weights.indices { z += weights[j] * row[j] }
        return Self.sigmoid(z)
    }

    /// σ(z) = 1 / (1 + e⁻ᶻ), without overflow.
    public static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
