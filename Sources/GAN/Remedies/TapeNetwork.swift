/// A `Network` read onto a tape, so that a loss built from it can be
/// differentiated (twice, where a remedy needs it), and the gradients written
/// back for the network's own optimiser.
import Autodiff
import NeuralNet

struct TapeNetwork {
    /// Per dense layer, W (in × out) and b (1 × out).
    var weights: [Var]
    var biases: [Var]
    /// Per dense layer, the leaky-ReLU slope (0 for ReLU), or nil for none.
    let slopes: [Float?]
    /// The fixed factor on the input (`Network.inputScale`).
    let inputScale: Float
    /// Minibatch discrimination's tensor T (A × B·C), before the last layer.
    var minibatch: (tensor: Var, bias: Var, kernels: Int, dimension: Int)?

    /// The network's parameters as variables (`trainable`) or constants.
    init(_ network: Network<Float>, on tape: Tape, trainable: Bool) {
        let leaf = trainable ? tape.variable : tape.constant
        inputScale = network.inputScale
        weights = network.layers.map { leaf(Matrix(rows: $0.inputs, columns: $0.outputs, values: $0.weight.values)) }
        biases = network.layers.map { leaf(Matrix(rows: 1, columns: $0.outputs, values: $0.bias.values)) }
        slopes = network.activations.map { a in
            switch a {
            case .relu: return 0
            case .leakyReLU(let alpha): return Float(alpha)
            case .identity: return nil
            case .tanh, .sigmoid: preconditionFailure("the remedies' networks use ReLU, leaky ReLU or no activation")
            }
        }
        if let layer = network.minibatch {
            let t = leaf(Matrix(rows: layer.inputs, columns: layer.kernels * layer.kernelDimension, values: layer.tensor.values))
            minibatch = (t, leaf(Matrix(rows: 1, columns: layer.kernels, values: layer.bias.values)), layer.kernels, layer.kernelDimension)
        }
    }

    /// The same layers with other parameter values (an unrolled D's later weights).
    init(replacing parameters: [Var], of network: TapeNetwork) {
        self = network
        let count = network.weights.count
        weights = (0..<count).map { parameters[2 * $0] }
        biases = (0..<count).map { parameters[2 * $0 + 1] }
        precondition(network.minibatch == nil, "an unrolled D has no minibatch layer")
    }

    /// Parameters in `Network.withParameters` order: W₀, b₀, W₁, b₁, …, then T and its bias.
    var parameters: [Var] {
        var p: [Var] = []
        for i in weights.indices { p += [weights[i], biases[i]] }
        if let m = minibatch { p += [m.tensor, m.bias] }
        return p
    }

    /// The output, and the last hidden layer's features (the input of the last dense layer).
    func forward(_ x: Var) -> (output: Var, features: Var) {
        var h = inputScale == 1 ? x : x.scaled(inputScale)
        for i in weights.indices.dropLast() { h = Var.dense(h, weights[i], biases[i], slope: slopes[i]) }
        var features = h
        if let m = minibatch {
            let o = Var.matmul(h, m.tensor).minibatchFeatures(kernels: m.kernels, dimension: m.dimension).addingRow(m.bias)
            features = Var.concatColumns(h, o)
        }
        let last = weights.count - 1
        return (Var.dense(features, weights[last], biases[last], slope: slopes[last]), h)
    }

    func callAsFunction(_ x: Var) -> Var { forward(x).output }
}

extension Network where T == Float {
    /// Sets the accumulated gradients to `gradients`, given in `parameters` order.
    mutating func setGradients(_ gradients: [[Float]]) {
        withParameters { index, p in
            let g = gradients[index]
            precondition(g.count == p.gradient.count, "gradient \(index) has \(g.count) values for \(p.gradient.count)")
            p.gradient = g
        }
    }
}
