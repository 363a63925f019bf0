/// Element-wise functions, the fused dense layer, a row-wise log-sum-exp, and
/// minibatch discrimination's closeness features, on the tape.
///
/// Piecewise-linear functions (|x|, ReLU, leaky ReLU) take their slope as a
/// constant mask, so their second derivative is 0, as in PyTorch.
import NeuralNet

import Glibc

extension Var {
    public func exp() -> Var {
        tape.record(value.mapped { Float.exp($0) }, [self]) { g, y in [g * y] }
    }

    public func log() -> Var {
        tape.record(value.mapped { Float.log($0) }, [self]) { g, _ in [g / self] }
    }

    /// √x, whose slope at 0 is taken as 0 rather than ∞ (so that an Adam
    /// moment or a gradient norm that is exactly 0 passes no NaN back).
    public func squareRoot() -> Var {
        let root = value.mapped { $0.squareRoot() }
        let zeros = root.values.contains(0)
        return tape.record(root, [self]) { g, y in
            guard zeros else { return [(g / y).scaled(0.5)] }
            return [(g / (y + y.tape.constant(root.mapped { $0 == 0 ? .infinity : 0 }))).scaled(0.5)]
        }
    }

    public func squared() -> Var {
        tape.record(value.mapped { $0 * $0 }, [self]) { g, _ in [g * self.scaled(2)] }
    }

    public func tanh() -> Var {
        tape.record(value.mapped { Float.tanh($0) }, [self]) { g, y in [g - g * y * y] }
    }

    /// σ(x) = 1/(1 + e⁻ˣ), computed stably.
    public func sigmoid() -> Var {
        tape.record(value.mapped { Losses.sigmoid($0) }, [self]) { g, y in [g * y - g * y * y] }
    }

    /// softplus(x) = log(1 + eˣ), computed stably; its derivative is σ(x).
    public func softplus() -> Var {
        tape.record(value.mapped { Losses.softplus($0) }, [self]) { g, _ in [g * self.sigmoid()] }
    }

    /// |x|, with slope 0 at 0 (as `torch.abs`).
    public func absolute() -> Var {
        let sign = tape.constant(value.mapped { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 })
        return tape.record(value.mapped { Swift.abs($0) }, [self]) { g, _ in [g * sign] }
    }

    /// max(x, αx) for 0 ≤ α < 1 (ReLU for α = 0), with slope α at 0 as PyTorch's `leaky_relu`.
    public func leakyReLU(_ alpha: Float) -> Var {
        let mask = tape.constant(value.mapped { $0 > 0 ? 1 : alpha })
        return tape.record(
            value.mapped { x in
                let t = alpha * x; return x > t ? x : t
            }, [self]
        ) { g, _ in [g * mask] }
    }

    public func relu() -> Var { leakyReLU(0) }

    /// log ∑ⱼ exp(xᵢⱼ) for each row i: a rows × 1 column, computed stably.
    public func logSumExpRows() -> Var {
        let k = columns, v = value
        let out = Matrix<Float>(rows: rows, columns: 1) { o in
            for r in 0..<v.rows {
                var top = -Float.infinity
                for c in 0..<k { top = max(top, v.values[r * k + c]) }
                var s: Float = 0
                for c in 0..<k { s += Float.exp(v.values[r * k + c] - top) }
                o[r] = top + Float.log(s)
            }
        }
        return tape.record(out, [self]) { g, y in
            let softmax = (self - y.repeatingColumns(k)).exp()
            return [g.repeatingColumns(k) * softmax]
        }
    }
}

// MARK: Layers

extension Var {
    /// A dense layer, a = act(x·W + b), with W of shape in × out and b of 1 × out.
    /// `slope` is the leaky ReLU's α (0 for ReLU); nil leaves z as it is. The
    /// activation is applied in the product's own pass, as `Dense.forward` does,
    /// so both give the same bits.
    public static func dense(_ x: Var, _ w: Var, _ b: Var, slope: Float?) -> Var {
        guard let slope else { return matmul(x, w).addingRow(b) }
        let tape = x.tape
        let count = x.rows * w.columns
        var a = [Float]()
        let z = Matrix<Float>(rows: x.rows, columns: w.columns) { c in
            a = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                Matrix.multiply(
                    x.value, w.value, transposeA: false, transposeB: false, into: c, bias: b.value.values, accumulate: false,
                    activated: buffer.baseAddress, slope: slope)
                initialized = count
            }
        }
        let mask = tape.constant(z.mapped { $0 > 0 ? 1 : slope })
        return tape.record(Matrix(rows: x.rows, columns: w.columns, values: a), [x, w, b]) { [unowned tape] g, _ in
            let gz = g * mask
            return [
                tape.requiresGradient(x) ? matmul(gz, w, transposeB: true) : nil,
                tape.requiresGradient(w) ? matmul(x, gz, transposeA: true) : nil,
                tape.requiresGradient(b) ? gz.sumRows() : nil,
            ]
        }
    }

    /// Minibatch discrimination's closeness (Salimans et al. 2016, §3.2): for
    /// rows Mᵢ of `self` (n × B·C, kernel b in columns b·C..<(b+1)·C),
    /// o(xᵢ)_b = ∑_{j≠i} exp(−‖M_{i,b} − M_{j,b}‖₁), an n × B matrix. The sum
    /// leaves out j = i, as the authors' code does (improved-gan, `nn.py`,
    /// `MinibatchLayer`). First-order only: its rule records no graph, so it
    /// refuses to run inside `gradients(createGraph: true)`.
    public func minibatchFeatures(kernels b: Int, dimension c: Int) -> Var {
        precondition(columns == b * c, "minibatch features need n × (kernels·dimension) values")
        let n = rows
        let mt = value.transposed()
        var close = [Float](repeating: 0, count: n * n * b)
        var out = Matrix<Float>(rows: n, columns: b)
        mt.values.withUnsafeBufferPointer { m in
            close.withUnsafeMutableBufferPointer { cl in
                out.values.withUnsafeMutableBufferPointer { o in
                    if n > 0 { Float.minibatchForward(m.baseAddress!, n: n, kernels: b, dimension: c, close: cl.baseAddress!, o: o.baseAddress!, ldo: b) }
                }
            }
        }
        for i in out.values.indices { out.values[i] -= 1 }  // j = i adds exp(0) = 1
        let tape = self.tape
        return tape.record(out, [self]) { [unowned tape] g, _ in
            precondition(!tape.recording, "minibatch features have no second derivative on the tape")
            var dMt = Matrix<Float>(rows: b * c, columns: n)
            var scratch = [Float](repeating: 0, count: n)
            mt.values.withUnsafeBufferPointer { m in
                close.withUnsafeBufferPointer { cl in
                    g.value.values.withUnsafeBufferPointer { gv in
                        dMt.values.withUnsafeMutableBufferPointer { d in
                            scratch.withUnsafeMutableBufferPointer { w in
                                Float.minibatchBackward(
                                    m.baseAddress!, close: cl.baseAddress!, g: gv.baseAddress!, ldg: b, n: n, kernels: b, dimension: c,
                                    dmt: d.baseAddress!, w: w.baseAddress!)
                            }
                        }
                    }
                }
            }
            return [tape.constant(dMt.transposed())]
        }
    }
}
