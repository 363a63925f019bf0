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
import Glibc

public struct LogisticRegression: Sendable, Equatable {
    public var weights: [Double]
    public var intercept: Double
    public var iterations: Int

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Fits to rows `x` (row-major, `features` per row) with labels in {0, 1}.
    public static func fit(
        x: [Double], features d: Int, labels: [Int], c: Double = 1,
        tolerance: Double = 1e-10, maximumIterations: Int = 100
    ) throws(Failure) -> LogisticRegression {
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
            Self.accumulate(x: x, d: d, labels: labels, theta: theta, c: c, gradient: &gradient, hessian: &hessian)
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

    /// Adds C·∑ᵢ (σᵢ − yᵢ)·x̃ᵢ to the gradient and C·∑ᵢ σᵢ(1−σᵢ)·x̃ᵢx̃ᵢᵀ to the Hessian
    /// (x̃ = [x, 1]), plus the penalty's w and I. The hot loop of the fit, on raw
    /// buffers: only the lower triangle is summed, then mirrored.
    static func accumulate(
        x: [Double], d: Int, labels: [Int], theta: [Double], c: Double,
        gradient: inout [Double], hessian: inout [Double]
    ) {
        let p = d + 1
        x.withUnsafeBufferPointer { x in
            theta.withUnsafeBufferPointer { theta in
                gradient.withUnsafeMutableBufferPointer { g in
                    hessian.withUnsafeMutableBufferPointer { h in
                        for j in 0..<d { g[j] = theta[j]; h[j * p + j] = 1 }
                        for i in 0..<labels.count {
                            let row = x.baseAddress! + i * d
                            var z = theta[d]
                            for j in 0..<d { z += theta[j] * row[j] }
                            let s = sigmoid(z)
                            let r = c * (s - Double(labels[i]))
                            let weight = c * s * (1 - s)
                            for j in 0..<d {
                                g[j] += r * row[j]
                                let wj = weight * row[j]
                                let hRow = h.baseAddress! + j * p
                                for k in 0...j { hRow[k] += wj * row[k] }
                            }
                            g[d] += r
                            let last = h.baseAddress! + d * p
                            for k in 0..<d { last[k] += weight * row[k] }
                            last[d] += weight
                        }
                        for j in 0..<p { for k in 0..<j { h[k * p + j] = h[j * p + k] } }
                    }
                }
            }
        }
    }

    static func objective(_ theta: [Double], x: [Double], d: Int, labels: [Int], c: Double) -> Double {
        var penalty = 0.0
        for j in 0..<d { penalty += theta[j] * theta[j] }
        var loss = 0.0
        x.withUnsafeBufferPointer { x in
            theta.withUnsafeBufferPointer { theta in
                for i in labels.indices {
                    let row = x.baseAddress! + i * d
                    var z = theta[d]
                    for j in 0..<d { z += theta[j] * row[j] }
                    // log(1 + exp(−y z)) with y = ±1, stably
                    let m = labels[i] == 1 ? -z : z
                    loss += m > 0 ? m + log1p(exp(-m)) : log1p(exp(m))
                }
            }
        }
        return 0.5 * penalty + c * loss
    }

    /// P(y = 1 | x).
    public func probability(_ row: ArraySlice<Double>) -> Double {
        var z = intercept
        var j = 0
        for v in row {
            z += weights[j] * v
            j += 1
        }
        return Self.sigmoid(z)
    }

    public func probability(_ row: [Double]) -> Double { probability(row[...]) }

    /// σ(z) = 1 / (1 + e⁻ᶻ), without overflow.
    public static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
