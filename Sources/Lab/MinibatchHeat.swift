/// D's logit at points x under minibatch discrimination, where D's output
/// depends on the batch a sample comes in: each x is taken as one more sample
/// of a given batch (G's), alone with it, so its minibatch features are
/// o(x)_b = ∑ⱼ exp(−‖M_{x,b} − M_{j,b}‖₁) + β_b over the batch's samples j
/// (Salimans et al. 2016, §3.2; the layer's own sum leaves out j = x, as here).
/// It equals the last row of D's forward pass on the batch with x appended,
/// for every x at once, without the points seeing each other.
///
/// Owns this one computation for `PlaneView`; it reads the network's layers and
/// never changes them.
import NeuralNet

import Glibc

enum MinibatchHeat {
    static func logits(_ network: Network<Float>, at x: Matrix<Float>, joining batch: Matrix<Float>) -> [Float] {
        var d = network
        guard let layer = d.minibatch, let lastActivation = d.activations.last else { return d.forward(x).values }
        let fx = features(&d, x), fb = features(&d, batch)
        let a = layer.inputs, kernels = layer.kernels, c = layer.kernelDimension, width = kernels * c
        let tensor = Matrix(rows: a, columns: width, values: layer.tensor.values)
        let mx = Matrix.product(fx, tensor).values, mb = Matrix.product(fb, tensor).values
        var joined = Matrix<Float>(rows: x.rows, columns: a + kernels)
        for i in 0..<x.rows {
            for k in 0..<a { joined.values[i * (a + kernels) + k] = fx.values[i * a + k] }
            for b in 0..<kernels {
                var o: Float = 0
                for j in 0..<batch.rows {
                    var distance: Float = 0
                    for e in 0..<c { distance += abs(mx[i * width + b * c + e] - mb[j * width + b * c + e]) }
                    o += exp(-distance)
                }
                joined.values[i * (a + kernels) + a + b] = o + layer.bias.values[b]
            }
        }
        var last = d.layers[d.layers.count - 1]
        return last.forward(joined, activation: lastActivation).a.values
    }

    /// The features the minibatch layer sees: the input scaled, through every layer but the last.
    static func features(_ d: inout Network<Float>, _ x: Matrix<Float>) -> Matrix<Float> {
        var h = x
        if d.inputScale != 1 { for i in h.values.indices { h.values[i] *= d.inputScale } }
        for i in 0..<(d.layers.count - 1) { h = d.layers[i].forward(h, activation: d.activations[i]).a }
        return h
    }
}
