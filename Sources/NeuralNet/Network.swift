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
    /// output layer.
    @inlinable
    public static func mlp<G: RandomNumberGenerator>(
        inputs: Int, hidden: Int, layers count: Int, outputs: Int, activation: Activation, output: Activation = .identity,
        minibatchKernels: Int = 0, using rng: inout G
    ) -> Network {
        var layers: [Dense<T>] = []
        var width = inputs
        for _ in 0..<count {
            layers.append(Dense(inputs: width, outputs: hidden, using: &rng))
            width = hidden
        }
        var minibatch: MinibatchDiscrimination<T>?
        if minibatchKernels > 0 {
            let layer = MinibatchDiscrimination<T>(inputs: width, kernels: minibatchKernels, kernelDimension: 5, using: &rng)
            minibatch = layer
            width = layer.outputs
        }
        layers.append(Dense(inputs: width, outputs: outputs, using: &rng))
        return Network(layers: layers, activations: Array(repeating: activation, count: count) + [output], minibatch: minibatch)
    }

    @inlinable
    public mutating func forward(_ x: Matrix<T>) -> Matrix<T> {
        preActivations.removeAll(keepingCapacity: true)
        outputs.removeAll(keepingCapacity: true)
        var h = x
        for i in layers.indices {
            if i == layers.count - 1, minibatch != nil { h = minibatch!.forward(h) }
            let z = layers[i].forward(h)
            var a = z
            activations[i].apply(to: &a.values)
            preActivations.append(z)
            outputs.append(a)
            h = a
        }
        return h
    }

    /// Backpropagates ∂L/∂output; accumulates parameter gradients; returns ∂L/∂input.
    @discardableResult
    @inlinable
    public mutating func backward(_ dOutput: Matrix<T>) -> Matrix<T> {
        var d = dOutput
        for i in layers.indices.reversed() {
            activations[i].multiplyByDerivative(&d.values, input: preActivations[i].values, output: outputs[i].values)
            d = layers[i].backward(d)
            if i == layers.count - 1, minibatch != nil { d = minibatch!.backward(d) }
        }
        return d
    }

    /// Every trainable parameter, in a fixed order (for optimisers and clipping).
    @inlinable
    public mutating func withParameters(_ body: (Int, inout Parameter<T>) -> Void) {
        for i in layers.indices {
            body(2 * i, &layers[i].weight)
            body(2 * i + 1, &layers[i].bias)
        }
        if minibatch != nil { body(2 * layers.count, &minibatch!.tensor) }
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
        layers.reduce(0) { $0 + $1.weight.values.count + $1.bias.values.count } + (minibatch?.tensor.values.count ?? 0)
    }
}
