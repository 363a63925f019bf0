/// Adam's update written on the tape, so that G can differentiate through D's
/// unrolled steps (Metz et al. 2017, §2.2: "In our experiments we unroll
/// Adam"; their notebook, poolio/unrolled_gan, differentiates through the
/// whole update, moments included, with no stop-gradient).
import Autodiff
import NeuralNet

import Glibc

struct UnrolledAdam {
    var first: [Var]
    var second: [Var]
    var steps: Int
    let learningRate: Float, beta1: Float, beta2: Float, epsilon: Float

    /// Starts from `optimizer`'s state for the parameters of shapes `shapes`.
    init(_ optimizer: Optimizer<Float>, shapes: [(Int, Int)], on tape: Tape) {
        guard case .adam(let b1, let b2, let eps) = optimizer.kind else {
            preconditionFailure("the Unrolled GAN unrolls Adam")
        }
        learningRate = Float(optimizer.learningRate)
        beta1 = Float(b1)
        beta2 = Float(b2)
        epsilon = Float(eps)
        steps = optimizer.stepsTaken
        first = []
        second = []
        for (index, shape) in shapes.enumerated() {
            let (m, v) = optimizer.moments(index)
            let count = shape.0 * shape.1
            first.append(tape.constant(Matrix(rows: shape.0, columns: shape.1, values: m.isEmpty ? Array(repeating: 0, count: count) : m)))
            second.append(tape.constant(Matrix(rows: shape.0, columns: shape.1, values: v.isEmpty ? Array(repeating: 0, count: count) : v)))
        }
    }

    /// θ − lr·m̂/(√v̂ + ε), with m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g² and the
    /// bias corrections of step t, as `Optimizer.step` computes it.
    mutating func step(_ parameters: [Var], gradients: [Var]) -> [Var] {
        steps += 1
        let c1 = 1 - Float(pow(Double(beta1), Double(steps)))
        let c2 = 1 - Float(pow(Double(beta2), Double(steps)))
        return parameters.indices.map { i in
            let g = gradients[i]
            first[i] = first[i].scaled(beta1) + g.scaled(1 - beta1)
            second[i] = second[i].scaled(beta2) + g.squared().scaled(1 - beta2)
            let update = first[i].scaled(1 / c1) / second[i].scaled(1 / c2).squareRoot().shifted(epsilon)
            return parameters[i] - update.scaled(learningRate)
        }
    }
}
