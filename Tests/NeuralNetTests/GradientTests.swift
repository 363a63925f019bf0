@testable import NeuralNet
import Testing

import Glibc

/// A tiny seeded generator for the tests (SplitMix64).
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 * 2 - 1 }
}

func randomMatrix(_ rows: Int, _ columns: Int, _ rng: inout TestRandom) -> Matrix<Double> {
    Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in rng.uniform() })
}

/// L = ∑ coefficients ⊙ network(x): a scalar whose gradient backprop computes
/// from ∂L/∂output = coefficients.
func loss(_ network: Network<Double>, _ x: Matrix<Double>, _ coefficients: Matrix<Double>) -> Double {
    var n = network
    let y = n.forward(x)
    return zip(y.values, coefficients.values).reduce(0) { $0 + $1.0 * $1.1 }
}

/// Central differences on every parameter and every input, against backprop.
func checkGradients(_ network: Network<Double>, inputs: Int, outputs: Int, batch: Int = 5, seed: UInt64, tolerance: Double = 1e-6) {
    var rng = TestRandom(state: seed)
    let x = randomMatrix(batch, inputs, &rng), c = randomMatrix(batch, outputs, &rng)
    var net = network
    net.zeroGradients()
    _ = net.forward(x)
    let dx = net.backward(c)
    let h = 1e-6
    var analytic: [[Double]] = []
    net.withParameters { _, p in analytic.append(p.gradient) }
    var flat: [(Int, Int)] = []
    net.withParameters { i, p in for k in p.values.indices { flat.append((i, k)) } }
    for (i, k) in flat {
        var plus = network, minus = network
        plus.withParameters { j, p in if j == i { p.values[k] += h } }
        minus.withParameters { j, p in if j == i { p.values[k] -= h } }
        let numeric = (loss(plus, x, c) - loss(minus, x, c)) / (2 * h)
        #expect(abs(numeric - analytic[i][k]) <= tolerance * max(1, abs(numeric)), "parameter \(i)[\(k)]: \(analytic[i][k]) vs \(numeric)")
    }
    for k in x.values.indices {
        var xp = x, xm = x
        xp.values[k] += h
        xm.values[k] -= h
        let numeric = (loss(network, xp, c) - loss(network, xm, c)) / (2 * h)
        #expect(abs(numeric - dx.values[k]) <= tolerance * max(1, abs(numeric)), "input \(k): \(dx.values[k]) vs \(numeric)")
    }
}

@Suite struct GradientTests {
    @Test(arguments: [Activation.identity, .relu, .leakyReLU(0.2), .tanh, .sigmoid])
    func mlpGradientsMatchFiniteDifferences(activation: Activation) {
        var rng = TestRandom(state: 11)
        let net = Network<Double>.mlp(inputs: 3, hidden: 6, layers: 2, outputs: 2, activation: activation, output: .sigmoid, using: &rng)
        checkGradients(net, inputs: 3, outputs: 2, seed: 5)
    }

    @Test func minibatchDiscriminationGradientsMatchFiniteDifferences() {
        var rng = TestRandom(state: 12)
        let net = Network<Double>.mlp(
            inputs: 2, hidden: 5, layers: 1, outputs: 1, activation: .tanh,
            minibatchKernels: 3, using: &rng)
        checkGradients(net, inputs: 2, outputs: 1, batch: 6, seed: 7, tolerance: 1e-5)
    }

    @Test func minibatchFeaturesAreTheClosenessSums() {
        var rng = TestRandom(state: 3)
        var layer = MinibatchDiscrimination<Double>(inputs: 2, kernels: 1, kernelDimension: 2, using: &rng)
        layer.tensor.values = [1, 0, 0, 1]  // M = x
        let x = Matrix<Double>(rows: 3, columns: 2, values: [0, 0, 0, 0, 1, 2])
        layer.bias.values = [0.25]
        let out = layer.forward(x)
        // j = i left out, then the bias: rows 0 and 1 are equal, 1 + e^{−3}; row 2: e^{−3} + e^{−3}
        #expect(abs(out[0, 2] - (1 + exp(-3.0) + 0.25)) < 1e-12)
        #expect(abs(out[2, 2] - (2 * exp(-3.0) + 0.25)) < 1e-12)
        #expect(out[2, 0] == 1 && out[2, 1] == 2)  // the input passes through
    }

    @Test func binaryCrossEntropyGradient() {
        let logits: [Double] = [-30, -2, -0.1, 0, 0.7, 3, 40]
        for target in [0.0, 1.0] {
            let (loss, gradient) = Losses.binaryCrossEntropy(logits: logits, target: target)
            #expect(loss.isFinite)
            for i in logits.indices {
                var p = logits, m = logits
                p[i] += 1e-6
                m[i] -= 1e-6
                let numeric =
                    (Losses.binaryCrossEntropy(logits: p, target: target).loss
                        - Losses.binaryCrossEntropy(logits: m, target: target).loss) / 2e-6
                #expect(abs(numeric - gradient[i]) < 1e-8)
            }
        }
        // The closed form at a point: −log σ(0) = log 2.
        #expect(abs(Losses.binaryCrossEntropy(logits: [0.0], target: 1).loss - log(2.0)) < 1e-15)
    }
}

@Suite struct OptimizerTests {
    func network(_ values: [Double], gradient: [Double]) -> Network<Double> {
        var rng = TestRandom(state: 1)
        var net = Network<Double>.mlp(inputs: 1, hidden: 1, layers: 0, outputs: 2, activation: .identity, using: &rng)
        net.layers[0].weight.values = values
        net.layers[0].weight.gradient = gradient
        net.layers[0].bias.gradient = [0, 0]
        return net
    }

    @Test func sgdSubtractsTheScaledGradient() {
        var net = network([1, -2], gradient: [0.5, -1])
        var sgd = Optimizer<Double>(.sgd, learningRate: 0.1)
        sgd.step(&net)
        #expect(net.layers[0].weight.values == [1 - 0.05, -2 + 0.1])
    }

    @Test func adamMatchesAHandComputation() {
        var net = network([1, -2], gradient: [0.5, -1])
        var adam = Optimizer<Double>.adam(0.01, beta1: 0.9, beta2: 0.999)
        adam.step(&net)
        // Step 1: m̂ = g, v̂ = g², so θ ← θ − lr·g/(|g| + ε) ≈ θ − lr·sign(g).
        #expect(abs(net.layers[0].weight.values[0] - (1 - 0.01 * 0.5 / (0.5 + 1e-8))) < 1e-15)
        // Step 2 with the same gradient: m = 0.19g, v = 0.001999g², corrected back to g and g².
        adam.step(&net)
        #expect(abs(net.layers[0].weight.values[1] - (-2 + 2 * 0.01 * 1 / (1 + 1e-8))) < 1e-12)
    }

    @Test func rmspropMatchesAHandComputation() {
        var net = network([1, -2], gradient: [0.5, -1])
        var rms = Optimizer<Double>.rmsprop(0.01)
        rms.step(&net)
        let v = 0.01 * 0.25  // (1 − α)·g², α = 0.99
        #expect(abs(net.layers[0].weight.values[0] - (1 - 0.01 * 0.5 / (v.squareRoot() + 1e-8))) < 1e-15)
    }

    @Test func clippingClampsEveryWeight() {
        var rng = TestRandom(state: 2)
        var net = Network<Double>.mlp(inputs: 2, hidden: 8, layers: 2, outputs: 1, activation: .relu, using: &rng)
        net.clipWeights(0.01)
        net.withParameters { _, p in #expect(p.values.allSatisfy { abs($0) <= 0.01 }) }
        #expect(net.layers[0].weight.values.contains { abs($0) == 0.01 })  // Glorot weights are larger: clipped
    }
}

@Suite struct GradientPenaltyTests {
    /// P(θ) = λ·mean(‖∇ₓf‖ − 1)², computed independently: ∇ₓf by central
    /// differences of f itself.
    func penaltyByDifferences(_ network: Network<Double>, _ x: Matrix<Double>, lambda: Double) -> Double {
        var total = 0.0
        for i in 0..<x.rows {
            var squared = 0.0
            for j in 0..<x.columns {
                var p = x.rows(i..<(i + 1)), m = p
                p[0, j] += 1e-5
                m[0, j] -= 1e-5
                var a = network, b = network
                let d = (a.forward(p)[0, 0] - b.forward(m)[0, 0]) / 2e-5
                squared += d * d
            }
            total += (squared.squareRoot() - 1) * (squared.squareRoot() - 1)
        }
        return lambda * total / Double(x.rows)
    }

    @Test func thePenaltyAndItsWeightGradientsMatchFiniteDifferences() {
        var rng = TestRandom(state: 21)
        let network = Network<Double>.mlp(inputs: 2, hidden: 6, layers: 2, outputs: 1, activation: .leakyReLU(0.2), using: &rng)
        let x = randomMatrix(5, 2, &rng)
        var net = network
        net.zeroGradients()
        let penalty = net.gradientPenalty(at: x, lambda: 10)!
        #expect(abs(penalty - penaltyByDifferences(network, x, lambda: 10)) < 1e-6)
        var analytic: [[Double]] = []
        net.withParameters { _, p in analytic.append(p.gradient) }
        var flat: [(Int, Int)] = []
        net.withParameters { i, p in for k in p.values.indices { flat.append((i, k)) } }
        for (i, k) in flat {
            var plus = network, minus = network
            plus.withParameters { j, p in if j == i { p.values[k] += 1e-6 } }
            minus.withParameters { j, p in if j == i { p.values[k] -= 1e-6 } }
            let numeric = (plus.gradientPenalty(at: x, lambda: 10)! - minus.gradientPenalty(at: x, lambda: 10)!) / 2e-6
            #expect(abs(numeric - analytic[i][k]) < 1e-5 * max(1, abs(numeric)), "parameter \(i)[\(k)]: \(analytic[i][k]) vs \(numeric)")
        }
    }

    @Test func smoothActivationsAreRefused() {
        var rng = TestRandom(state: 3)
        var tanhNet = Network<Double>.mlp(inputs: 2, hidden: 4, layers: 1, outputs: 1, activation: .tanh, using: &rng)
        #expect(tanhNet.gradientPenalty(at: randomMatrix(3, 2, &rng), lambda: 10) == nil)
    }
}
