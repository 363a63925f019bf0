/// A feed-forward network: dense layers with activations, and optionally a
/// minibatch-discrimination layer before the last dense layer.
///
/// Layers live in arrays and are updated in place, so that an optimiser step
/// never copies a weight matrix.
public struct Network<T: Scalar>: Sendable, Equatable {
    public var layers: [Dense<T>]
    /// The activation after each dense layer.
    public var activations: [Activation]
    /// Applied to the input of the last dense layer, when present.
    public var minibatch: MinibatchDiscrimination<T>?
    /// A fixed factor on the input, before the first layer (Metz et al. 2017's
    /// D divides its input by 4).
    public var inputScale: T = 1
    /// Per dense layer, the activation's input and output from the last forward pass.
    @usableFromInline var preActivations: [Matrix<T>] = []
    @usableFromInline var outputs: [Matrix<T>] = []

    @inlinable
    public init(layers: [Dense<T>], activations: [Activation], minibatch: MinibatchDiscrimination<T>? = nil) {
        precondition(layers.count == activations.count && !layers.isEmpty)
        self.layers = layers
        self.activations = activations
        self.minibatch = minibatch
    }

    /// An MLP: `inputs` → `layers` hidden layers of `hidden` units with
    /// `activation` → `outputs` with `output` activation. With `minibatchKernels`
    /// > 0, a minibatch-discrimination layer (kernel dimension 5) comes before the
    /// output layer. Weights are Glorot-uniform, or orthogonal times
    /// `orthogonalGain` when it is given.
    @inlinable
    public static func mlp<G: RandomNumberGenerator>(
        inputs: Int, hidden: Int, layers count: Int, outputs: Int, activation: Activation, output: Activation = .identity,
        minibatchKernels: Int = 0, orthogonalGain: Double? = nil, using rng: inout G
    ) -> Network {
        func dense(_ i: Int, _ o: Int) -> Dense<T> {
            if let gain = orthogonalGain { return Dense(inputs: i, outputs: o, orthogonalGain: gain, using: &rng) }
            return Dense(inputs: i, outputs: o, using: &rng)
        }
        var layers: [Dense<T>] = []
        var width = inputs
        for _ in 0..<count {
            layers.append(dense(width, hidden))
            width = hidden
        }
        var minibatch: MinibatchDiscrimination<T>?
        if minibatchKernels > 0 {
            let layer = MinibatchDiscrimination<T>(inputs: width, kernels: minibatchKernels, kernelDimension: 5, using: &rng)
            minibatch = layer
            width = layer.outputs
        }
        layers.append(dense(width, outputs))
        return Network(layers: layers, activations: Array(repeating: activation, count: count) + [output], minibatch: minibatch)
    }

    @inlinable
    public mutating func forward(_ x: Matrix<T>) -> Matrix<T> {
        preActivations.removeAll(keepingCapacity: true)
        outputs.removeAll(keepingCapacity: true)
        var h = x
        if inputScale != 1 { for i in h.values.indices { h.values[i] *= inputScale } }
        for i in layers.indices {
            if i == layers.count - 1, minibatch != nil { h = minibatch!.forward(h) }
            let (z, a) = layers[i].forward(h, activation: activations[i])
            preActivations.append(z)
            outputs.append(a)
            h = a
        }
        return h
    }

    /// Backpropagates ∂L/∂output and returns ∂L/∂input. Accumulates the
    /// parameter gradients unless `parameters` is false (a G-step needs D's
    /// ∂L/∂input, not its own gradients); computes ∂L/∂input only when `input`
    /// is set (a D-step needs none), else returns an empty matrix.
    @discardableResult
    @inlinable
    public mutating func backward(_ dOutput: Matrix<T>, parameters: Bool = true, input: Bool = true) -> Matrix<T> {
        var d = dOutput
        for i in layers.indices.reversed() {
            activations[i].multiplyByDerivative(&d.values, input: preActivations[i].values, output: outputs[i].values)
            let needsInput = i > 0 || input || (minibatch != nil && i == layers.count - 1)
            d = layers[i].backward(d, parameters: parameters, input: needsInput)
            if i == layers.count - 1, minibatch != nil { d = minibatch!.backward(d, parameters: parameters) }
        }
        if inputScale != 1 { for i in d.values.indices { d.values[i] *= inputScale } }
        return d
    }

    /// WGAN-GP's gradient penalty (Gulrajani et al. 2017, eq. 3) at the rows of
    /// `x`: P = λ·mean_i (‖∇ₓf(xᵢ)‖ − 1)², for a network with one output. Adds
    /// ∂P/∂θ to the parameter gradients and returns P.
    ///
    /// The double gradient, by hand: with piecewise-linear activations (identity,
    /// ReLU, LeakyReLU) the activation masks mₗ are constant almost everywhere,
    /// so ∇ₓf = 1·W_Lᵀ⊙m_{L−1}·…·W₁ᵀ is a product of matrices that depend on the
    /// weights only, and P is differentiated back through that product.
    /// Biases do not enter it. Other activations, or minibatch discrimination,
    /// would need second derivatives: the network refuses them (returns nil).
    @inlinable
    public mutating func gradientPenalty(at x: Matrix<T>, lambda: T) -> T? {
        guard minibatch == nil, layers.last?.outputs == 1,
            activations.allSatisfy({ a in
                switch a {
                case .identity, .relu, .leakyReLU: return true;
                default: return false
                }
            })
        else { return nil }
        _ = forward(x)
        let n = x.rows, count = layers.count
        func weight(_ l: Int) -> Matrix<T> { Matrix(rows: layers[l].inputs, columns: layers[l].outputs, values: layers[l].weight.values) }
        func mask(_ l: Int) -> [T] {
            let z = preActivations[l].values
            switch activations[l] {
            case .relu: return z.map { $0 > 0 ? 1 : 0 }
            case .leakyReLU(let a): return z.map { $0 > 0 ? 1 : T(a) }
            default: return Array(repeating: 1, count: z.count)
            }
        }
        // a[l] = ∂f/∂z_l for every sample (n × outputs of layer l), from a[count−1] = 1.
        var a = Array(repeating: Matrix<T>(rows: 0, columns: 0), count: count)
        a[count - 1] = Matrix(rows: n, columns: 1, values: mask(count - 1))
        for l in stride(from: count - 2, through: 0, by: -1) {
            var next = Matrix.product(a[l + 1], weight(l + 1), transposeB: true)
            let m = mask(l)
            for i in next.values.indices { next.values[i] *= m[i] }
            a[l] = next
        }
        var g = Matrix.product(a[0], weight(0), transposeB: true)  // n × inputs: ∇ₓf per row
        if inputScale != 1 { for i in g.values.indices { g.values[i] *= inputScale } }
        // P and γ = ∂P/∂g.
        var penalty: T = 0
        var gamma = Matrix<T>(rows: n, columns: g.columns)
        for i in 0..<n {
            var squared: T = 0
            for j in 0..<g.columns { squared += g[i, j] * g[i, j] }
            let norm = squared.squareRoot()
            penalty += (norm - 1) * (norm - 1)
            let scale = norm > 0 ? 2 * lambda * (norm - 1) / (T(n) * norm) : 0
            for j in 0..<g.columns { gamma[i, j] = scale * g[i, j] }
        }
        // Back through g = a₀W₀ᵀ, then aₗ = (aₗ₊₁Wₗ₊₁ᵀ)⊙mₗ.
        if inputScale != 1 { for i in gamma.values.indices { gamma.values[i] *= inputScale } }
        var dA = Matrix.product(gamma, weight(0))  // ∂P/∂a₀ (n × outputs₀)
        var dW = Matrix.product(gamma, a[0], transposeA: true)  // ∂P/∂W₀ (inputs × outputs₀)
        for i in dW.values.indices { layers[0].weight.gradient[i] += dW.values[i] }
        for l in 0..<(count - 1) {
            let m = mask(l)
            var masked = dA
            for i in masked.values.indices { masked.values[i] *= m[i] }
            dW = Matrix.product(masked, a[l + 1], transposeA: true)  // ∂P/∂W_{l+1}
            for i in dW.values.indices { layers[l + 1].weight.gradient[i] += dW.values[i] }
            dA = Matrix.product(masked, weight(l + 1))
        }
        return lambda * penalty / T(n)
    }

    /// Every trainable parameter, in a fixed order (for optimisers and clipping).
    @inlinable
    public mutating func withParameters(_ body: (Int, inout Parameter<T>) -> Void) {
        for i in layers.indices {
            body(2 * i, &layers[i].weight)
            body(2 * i + 1, &layers[i].bias)
        }
        if minibatch != nil {
            body(2 * layers.count, &minibatch!.tensor)
            body(2 * layers.count + 1, &minibatch!.bias)
        }
    }

    /// Adds the gradients accumulated in `other` (a copy of this network) to this one's.
    @inlinable
    public mutating func addGradients(of other: Network) {
        var theirs: [[T]] = []
        var copy = other
        copy.withParameters { _, p in theirs.append(p.gradient) }
        withParameters { index, p in for i in p.gradient.indices { p.gradient[i] += theirs[index][i] } }
    }

    @inlinable
    public mutating func zeroGradients() { withParameters { _, p in p.zeroGradient() } }

    /// Clamps every weight to [−c, c] (WGAN's weight clipping, Arjovsky et al. 2017, Alg. 1).
    @inlinable
    public mutating func clipWeights(_ c: T) {
        withParameters { _, p in
            p.values.withUnsafeMutableBufferPointer { v in for i in v.indices { v[i] = min(max(v[i], -c), c) } }
        }
    }

    @inlinable
    public var parameterCount: Int {
        layers.reduce(0) { $0 + $1.weight.values.count + $1.bias.values.count } + (minibatch.map { $0.tensor.values.count + $0.bias.values.count } ?? 0)
    }
}
