import Foundation

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
        weight = Parameter(
            (0..<(inputs * outputs)).map { _ in
                T(limit * (2 * (Double(rng.next() >> 11) * 0x1.0p-53) - 1))
            })
        bias = Parameter(Array(repeating: 0, count: outputs))
    }

    /// Orthogonal weights times `gain` (Saxe et al. 2014; Metz et al. 2017 use
    /// gain 0.8), zero biases: W's columns are orthonormal when in ≥ out, its
    /// rows when in < out. Gram–Schmidt, in Double, on Gaussian vectors drawn
    /// by Box–Muller from `rng`.
    @inlinable
    public init<G: RandomNumberGenerator>(inputs: Int, outputs: Int, orthogonalGain gain: Double, using rng: inout G) {
        self.inputs = inputs
        self.outputs = outputs
        let long = max(inputs, outputs), short = min(inputs, outputs)
        var basis: [[Double]] = []
        while basis.count < short {
            var v = (0..<long).map { _ -> Double in
                let u1 = max(Double(rng.next() >> 11) * 0x1.0p-53, 0x1.0p-60), u2 = Double(rng.next() >> 11) * 0x1.0p-53
                return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
            }
            for _ in 0..<2 {  // twice, for orthogonality to rounding
                for b in basis {
                    let dot = zip(v, b).reduce(0) { $0 + $1.0 * $1.1 }
                    for i in v.indices { v[i] -= dot * b[i] }
                }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 1e-8 { basis.append(v.map { $0 / norm }) }
        }
        // basis[k][i]: with in ≥ out, column k of W (W[i][k]); else row k (W[k][i]).
        var w = [T](repeating: 0, count: inputs * outputs)
        for k in 0..<short {
            for i in 0..<long {
                let index = inputs >= outputs ? i * outputs + k : k * outputs + i
                w[index] = T(gain * basis[k][i])
            }
        }
        weight = Parameter(w)
        bias = Parameter(Array(repeating: 0, count: outputs))
    }

    /// z = x·W + b, and a = activation(z). ReLU and leaky ReLU are applied in
    /// the product's own pass; other activations afterwards.
    @inlinable
    public mutating func forward(_ x: Matrix<T>, activation: Activation = .identity) -> (z: Matrix<T>, a: Matrix<T>) {
        input = x
        let weight = Matrix(rows: inputs, columns: outputs, values: self.weight.values)
        let count = x.rows * outputs
        guard let slope = activation.fusedSlope else {
            let z = Matrix<T>(rows: x.rows, columns: outputs) { c in
                Matrix.multiply(x, weight, transposeA: false, transposeB: false, into: c, bias: bias.values, accumulate: false)
            }
            var a = z
            activation.apply(to: &a.values)
            return (z, a)
        }
        var a = [T]()
        let z = Matrix<T>(rows: x.rows, columns: outputs) { c in
            a = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                Matrix.multiply(
                    x, weight, transposeA: false, transposeB: false, into: c, bias: bias.values, accumulate: false,
                    activated: buffer.baseAddress, slope: T(slope))
                initialized = count
            }
        }
        return (z, Matrix(rows: x.rows, columns: outputs, values: a))
    }

    /// Backpropagates ∂L/∂y. Adds ∂L/∂W and ∂L/∂b to the gradients when
    /// `parameters` is set; returns ∂L/∂x when `input` is set (else an empty matrix).
    @inlinable
    public mutating func backward(_ dy: Matrix<T>, parameters: Bool = true, input wantsInput: Bool = true) -> Matrix<T> {
        if parameters {
            let x = input
            weight.gradient.withUnsafeMutableBufferPointer { g in
                Matrix.multiply(x, dy, transposeA: true, transposeB: false, into: g.baseAddress!, bias: nil, accumulate: true)
            }
            dy.values.withUnsafeBufferPointer { d in
                bias.gradient.withUnsafeMutableBufferPointer { b in
                    if dy.rows > 0 { T.addColumnSums(b.baseAddress!, d.baseAddress!, rows: dy.rows, columns: outputs) }
                }
            }
        }
        guard wantsInput else { return Matrix(rows: 0, columns: 0) }
        return Matrix.product(dy, Matrix(rows: inputs, columns: outputs, values: weight.values), transposeB: true)
    }
}

public enum Activation: Sendable, Equatable {
    case identity, relu, tanh, sigmoid
    /// max(x, αx), for 0 < α < 1.
    case leakyReLU(Double)

    /// α of max(x, αx) for the activations the product applies in its own
    /// pass: 0 for ReLU, α for leaky ReLU; nil for the others.
    @inlinable
    public var fusedSlope: Double? {
        switch self {
        case .relu: return 0
        case .leakyReLU(let a): return a
        case .identity, .tanh, .sigmoid: return nil
        }
    }

    /// Applies the activation to every value, in place (one switch, then a tight loop).
    /// ReLU and leaky ReLU use the formula of the fused product (z > t ? z : t,
    /// t = αz or 0), so both give the same bits.
    @inlinable
    public func apply<T: Scalar>(to values: inout [T]) {
        values.withUnsafeMutableBufferPointer { v in
            switch self {
            case .identity: return
            case .relu: for i in v.indices { v[i] = v[i] > 0 ? v[i] : 0 }
            case .leakyReLU(let a):
                let alpha = T(a)  // 0 < α < 1: max(x, αx) is x for x ≥ 0 and αx below
                for i in v.indices { let t = alpha * v[i]; v[i] = v[i] > t ? v[i] : t }
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
                    case .relu: if !d.isEmpty { T.reluLikeBackward(d.baseAddress!, z: x.baseAddress!, count: d.count, slope: 0) }
                    case .leakyReLU(let a):
                        if !d.isEmpty { T.reluLikeBackward(d.baseAddress!, z: x.baseAddress!, count: d.count, slope: T(a)) }
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
/// o(xᵢ)_b = ∑_{j≠i} exp(−‖M_{i,b} − M_{j,b}‖_{L1}) + β_b, with a learnt bias β
/// per kernel (the authors' code, improved-gan `nn.py`, `MinibatchLayer`, leaves
/// out j = i and adds the bias). The layer outputs [f(xᵢ), o(xᵢ)] ∈ ℝ^{A+B}. A
/// collapsed batch (many equal samples) gives large o, which D can learn to
/// call fake.
public struct MinibatchDiscrimination<T: Scalar>: Sendable, Equatable {
    public var tensor: Parameter<T>  // A × (B·C)
    public var bias: Parameter<T>  // B
    public let inputs: Int, kernels: Int, kernelDimension: Int
    @usableFromInline var input = Matrix<T>(rows: 0, columns: 0)
    @usableFromInline var projected = Matrix<T>(rows: 0, columns: 0)  // (B·C) × n: Mᵀ, samples along rows
    @usableFromInline var closeness: [T] = []  // B × n × n: exp(−L1)

    @inlinable
    public init<G: RandomNumberGenerator>(inputs: Int, kernels: Int, kernelDimension: Int, using rng: inout G) {
        self.inputs = inputs
        self.kernels = kernels
        self.kernelDimension = kernelDimension
        tensor = Parameter(
            (0..<(inputs * kernels * kernelDimension)).map { _ in
                T(0.1 * (2 * (Double(rng.next() >> 11) * 0x1.0p-53) - 1))
            })
        bias = Parameter(Array(repeating: 0, count: kernels))
    }

    @inlinable
    public var outputs: Int { inputs + kernels }

    @inlinable
    public mutating func forward(_ x: Matrix<T>) -> Matrix<T> {
        input = x
        let n = x.rows, b = kernels, c = kernelDimension, a = inputs
        projected = Matrix.product(x, Matrix(rows: a, columns: b * c, values: tensor.values)).transposed()
        closeness = Array(repeating: 0, count: n * n * b)
        var out = Matrix<T>(rows: n, columns: a + b)
        out.values.withUnsafeMutableBufferPointer { o in
            x.values.withUnsafeBufferPointer { xv in
                for i in 0..<n { for k in 0..<a { o[i * (a + b) + k] = xv[i * a + k] } }
            }
            projected.values.withUnsafeBufferPointer { mt in
                closeness.withUnsafeMutableBufferPointer { close in
                    if n > 0 {
                        T.minibatchForward(
                            mt.baseAddress!, n: n, kernels: b, dimension: c, close: close.baseAddress!,
                            o: o.baseAddress! + a, ldo: a + b)
                    }
                }
            }
            // j = i added exp(0) = 1 to every o; the bias replaces it.
            for i in 0..<n { for k in 0..<b { o[i * (a + b) + a + k] += bias.values[k] - 1 } }
        }
        return out
    }

    @inlinable
    public mutating func backward(_ dy: Matrix<T>, parameters: Bool = true) -> Matrix<T> {
        let n = input.rows, b = kernels, c = kernelDimension, a = inputs
        // ∂L/∂M (as its transpose, kernels·dim × n): o_i and o_j both hold c_ij.
        var dMt = Matrix<T>(rows: b * c, columns: n)
        dy.values.withUnsafeBufferPointer { g in
            projected.values.withUnsafeBufferPointer { mt in
                closeness.withUnsafeBufferPointer { close in
                    dMt.values.withUnsafeMutableBufferPointer { dm in
                        guard n > 0 else { return }
                        var scratch = [T](repeating: 0, count: n)
                        scratch.withUnsafeMutableBufferPointer { w in
                            T.minibatchBackward(
                                mt.baseAddress!, close: close.baseAddress!, g: g.baseAddress! + a, ldg: a + b,
                                n: n, kernels: b, dimension: c, dmt: dm.baseAddress!, w: w.baseAddress!)
                        }
                    }
                }
            }
        }
        let dM = dMt.transposed()
        if parameters {
            for i in 0..<n { for k in 0..<b { bias.gradient[k] += dy.values[i * (a + b) + a + k] } }
            let x = input
            tensor.gradient.withUnsafeMutableBufferPointer { g in
                Matrix.multiply(x, dM, transposeA: true, transposeB: false, into: g.baseAddress!, bias: nil, accumulate: true)
            }
        }
        var dx = Matrix.product(dM, Matrix(rows: a, columns: b * c, values: tensor.values), transposeB: true)
        dx.values.withUnsafeMutableBufferPointer { d in
            dy.values.withUnsafeBufferPointer { g in
                for i in 0..<n { for k in 0..<a { d[i * a + k] += g[i * (a + b) + k] } }
            }
        }
        return dx
    }
}
