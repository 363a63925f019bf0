/// Layers with hand-written backpropagation: dense (affine) layers,
/// element-wise activations, and minibatch discrimination.
///
/// Every layer caches what its backward pass needs during `forward`; `backward`
/// takes ∂L/∂output, adds the parameters' gradients to their `gradient`, and
/// returns ∂L/∂input.

/// A trainable array and the gradient accumulated for it.
public struct Parameter<T: Scalar>: Sendable, Equatable {
    public var values: [T]
    public var gradient: [T]

    @inlinable
    public init(_ values: [T]) {
        self.values = values
        self.gradient = Array(repeating: 0, count: values.count)
    }

    @inlinable
    public mutating func zeroGradient() {
        for i in gradient.indices { gradient[i] = 0 }
    }
}

/// y = x·W + b, with W of shape in × out.
public struct Dense<T: Scalar>: Sendable, Equatable {
    public var weight: Parameter<T>
    public var bias: Parameter<T>
    public let inputs: Int, outputs: Int
    @usableFromInline var input = Matrix<T>(rows: 0, columns: 0)

    /// Glorot/Xavier-uniform weights (Glorot & Bengio 2010), zero biases.
    @inlinable
    public init<G: RandomNumberGenerator>(inputs: Int, outputs: Int, using rng: inout G) {
        self.inputs = inputs
        self.outputs = outputs
        let limit = (6.0 / Double(inputs + outputs)).squareRoot()
        weight = Parameter((0..<(inputs * outputs)).map { _ in
            T(limit * (2 * (Double(rng.next() >> 11) * 0x1.0p-53) - 1))
        })
        bias = Parameter(Array(repeating: 0, count: outputs))
    }

    @inlinable
    public mutating func forward(_ x: Matrix<T>) -> Matrix<T> {
        input = x
        var y = Matrix.product(x, Matrix(rows: inputs, columns: outputs, values: weight.values))
        y.addToEachRow(bias.values)
        return y
    }

    @inlinable
    public mutating func backward(_ dy: Matrix<T>) -> Matrix<T> {
        let dw = Matrix.product(input, dy, transposeA: true)
        for i in weight.gradient.indices { weight.gradient[i] += dw.values[i] }
        let db = dy.columnSums()
        for i in bias.gradient.indices { bias.gradient[i] += db[i] }
        return Matrix.product(dy, Matrix(rows: inputs, columns: outputs, values: weight.values), transposeB: true)
    }
}

public enum Activation: Sendable, Equatable {
    case identity, relu, tanh, sigmoid
    /// max(x, αx), for 0 < α < 1.
    case leakyReLU(Double)

    /// Applies the activation to every value, in place (one switch, then a tight loop).
    @inlinable
    public func apply<T: Scalar>(to values: inout [T]) {
        values.withUnsafeMutableBufferPointer { v in
            switch self {
            case .identity: return
            // Branch-free forms, so the loops vectorise.
            case .relu: for i in v.indices { v[i] = max(v[i], 0) }
            case .leakyReLU(let a):
                let alpha = T(a)  // 0 < α < 1: max(x, αx) is x for x ≥ 0 and αx below
                for i in v.indices { v[i] = max(v[i], alpha * v[i]) }
            case .tanh: for i in v.indices { v[i] = T.tanh(v[i]) }
            case .sigmoid: for i in v.indices { v[i] = Losses.sigmoid(v[i]) }
            }
        }
    }

    /// d ← d ⊙ activation′, from the activation's input and output.
    @inlinable
    public func multiplyByDerivative<T: Scalar>(_ d: inout [T], input x: [T], output y: [T]) {
        d.withUnsafeMutableBufferPointer { d in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    switch self {
                    case .identity: return
                    case .relu: for i in d.indices { d[i] = x[i] > 0 ? d[i] : 0 }
                    case .leakyReLU(let a):
                        let alpha = T(a)
                        for i in d.indices { d[i] = x[i] > 0 ? d[i] : alpha * d[i] }
                    case .tanh: for i in d.indices { d[i] *= 1 - y[i] * y[i] }
                    case .sigmoid: for i in d.indices { d[i] *= y[i] * (1 - y[i]) }
                    }
                }
            }
        }
    }
}

/// Minibatch discrimination (Salimans et al. 2016, §3.2): lets D look at a
/// whole batch. Each sample's features f(xᵢ) ∈ ℝᴬ are projected by a tensor
/// T ∈ ℝ^{A×B×C} to Mᵢ ∈ ℝ^{B×C}; for each of the B kernels,
/// o(xᵢ)_b = ∑ⱼ exp(−‖M_{i,b} − M_{j,b}‖_{L1}) (the sum includes j = i). The
/// layer outputs [f(xᵢ), o(xᵢ)] ∈ ℝ^{A+B}. A collapsed batch (many equal
/// samples) gives large o, which D can learn to call fake.
public struct MinibatchDiscrimination<T: Scalar>: Sendable, Equatable {
    public var tensor: Parameter<T>  // A × (B·C)
    public let inputs: Int, kernels: Int, kernelDimension: Int
    @usableFromInline var input = Matrix<T>(rows: 0, columns: 0)
    @usableFromInline var projected = Matrix<T>(rows: 0, columns: 0)  // n × (B·C)
    @usableFromInline var closeness: [T] = []  // n × n × B: exp(−L1)

    @inlinable
    public init<G: RandomNumberGenerator>(inputs: Int, kernels: Int, kernelDimension: Int, using rng: inout G) {
        self.inputs = inputs
        self.kernels = kernels
        self.kernelDimension = kernelDimension
        tensor = Parameter((0..<(inputs * kernels * kernelDimension)).map { _ in
            T(0.1 * (2 * (Double(rng.next() >> 11) * 0x1.0p-53) - 1))
        })
    }

    @inlinable
    public var outputs: Int { inputs + kernels }

    @inlinable
    public mutating func forward(_ x: Matrix<T>) -> Matrix<T> {
        input = x
        let n = x.rows, b = kernels, c = kernelDimension, a = inputs
        projected = Matrix.product(x, Matrix(rows: a, columns: b * c, values: tensor.values))
        closeness = Array(repeating: 0, count: n * n * b)
        var out = Matrix<T>(rows: n, columns: a + b)
        projected.values.withUnsafeBufferPointer { m in
            closeness.withUnsafeMutableBufferPointer { close in
                out.values.withUnsafeMutableBufferPointer { o in
                    x.values.withUnsafeBufferPointer { xv in
                        for i in 0..<n { for k in 0..<a { o[i * (a + b) + k] = xv[i * a + k] } }
                    }
                    for i in 0..<n {
                        for kernel in 0..<b { close[(i * n + i) * b + kernel] = 1 }  // exp(−0)
                        for j in (i + 1)..<max(n, i + 1) {
                            for kernel in 0..<b {
                                var l1: T = 0
                                let mi = i * b * c + kernel * c, mj = j * b * c + kernel * c
                                for d in 0..<c { l1 += abs(m[mi + d] - m[mj + d]) }
                                let e = T.exp(-l1)
                                close[(i * n + j) * b + kernel] = e
                                close[(j * n + i) * b + kernel] = e
                            }
                        }
                    }
                    for i in 0..<n {
                        for kernel in 0..<b {
                            var sum: T = 0
                            for j in 0..<n { sum += close[(i * n + j) * b + kernel] }
                            o[i * (a + b) + a + kernel] = sum
                        }
                    }
                }
            }
        }
        return out
    }

    @inlinable
    public mutating func backward(_ dy: Matrix<T>) -> Matrix<T> {
        let n = input.rows, b = kernels, c = kernelDimension, a = inputs
        // ∂L/∂M: o_i and o_j both hold c_ij, so pair (i, j) passes (g_i + g_j)·∂c_ij/∂M.
        var dM = Matrix<T>(rows: n, columns: b * c)
        dy.values.withUnsafeBufferPointer { g in
            projected.values.withUnsafeBufferPointer { m in
                closeness.withUnsafeBufferPointer { close in
                    dM.values.withUnsafeMutableBufferPointer { dm in
                        for i in 0..<n {
                            for j in (i + 1)..<max(n, i + 1) {
                                for kernel in 0..<b {
                                    let w = (g[i * (a + b) + a + kernel] + g[j * (a + b) + a + kernel]) * close[(i * n + j) * b + kernel]
                                    let mi = i * b * c + kernel * c, mj = j * b * c + kernel * c
                                    for d in 0..<c {
                                        let diff = m[mi + d] - m[mj + d]
                                        let sign: T = diff > 0 ? 1 : (diff < 0 ? -1 : 0)
                                        // ∂c_ij/∂M_i = −c_ij·sign(M_i − M_j); ∂c_ij/∂M_j is its negative.
                                        dm[mi + d] -= w * sign
                                        dm[mj + d] += w * sign
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let dTensor = Matrix.product(input, dM, transposeA: true)
        for i in tensor.gradient.indices { tensor.gradient[i] += dTensor.values[i] }
        var dx = Matrix.product(dM, Matrix(rows: a, columns: b * c, values: tensor.values), transposeB: true)
        dx.values.withUnsafeMutableBufferPointer { d in
            dy.values.withUnsafeBufferPointer { g in
                for i in 0..<n { for k in 0..<a { d[i * a + k] += g[i * (a + b) + k] } }
            }
        }
        return dx
    }
}
