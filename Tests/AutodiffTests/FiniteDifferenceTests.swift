/// The tape's first and second derivatives against central finite
/// differences, in Double arithmetic on Float values (so the tolerance is the
/// Float rounding of the values, about 1e-3 relative for these step sizes).
import Autodiff
import NeuralNet
import Testing

/// Deterministic values in [−1, 1].
func values(_ count: Int, seed: UInt64) -> [Float] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(Double(state >> 11) * 0x1.0p-53 * 2 - 1)
    }
}

/// f's gradient with respect to its input, by central differences.
func numericGradient(_ x: Matrix<Float>, step: Float = 1e-2, _ f: (Matrix<Float>) -> Float) -> [Float] {
    x.values.indices.map { i in
        var up = x, down = x
        up.values[i] += step
        down.values[i] -= step
        return (f(up) - f(down)) / (2 * step)
    }
}

func close(_ a: [Float], _ b: [Float], tolerance: Float) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
}

@Suite struct FiniteDifferenceTests {
    /// A scalar built from most operations, to check first derivatives.
    static func mixture(_ x: Var) -> Var {
        let tape = x.tape
        let w = tape.constant(Matrix(rows: 3, columns: 4, values: values(12, seed: 2)))
        let b = tape.constant(Matrix(rows: 1, columns: 4, values: values(4, seed: 3)))
        let h = Var.dense(x, w, b, slope: 0.2)
        let t = Var.matmul(h, h, transposeA: true).tanh().sum()
        let s = (h.sigmoid() * h.shifted(2).softplus()).sumColumns().logSumExpRows().sum()
        let q = (h.squared().shifted(1).squareRoot() / h.exp()).mean()
        let c = Var.concatColumns(h.columns(1..<3), h.absolute()).transposed().sumRows().sum()
        return t + s.scaled(0.5) + q + c.scaled(0.1)
    }

    @Test func firstDerivativesMatchDifferences() {
        let x0 = Matrix(rows: 5, columns: 3, values: values(15, seed: 1))
        let gradient = Tape.recording { tape in
            let x = tape.variable(x0)
            return tape.gradients(of: Self.mixture(x), wrt: [x])[0].value.values
        }
        let numeric = numericGradient(x0) { x in Tape.recording { Self.mixture($0.constant(x)).scalar } }
        #expect(close(gradient, numeric, tolerance: 2e-2), "tape \(gradient) against differences \(numeric)")
    }

    /// ‖∇ₓf‖² of a two-layer tanh network, differentiated with respect to its
    /// first weight: the double backward that DRAGAN and WGAN-GP need.
    static func gradientNormSquared(_ w1: Var, _ x: Var) -> Var {
        let tape = w1.tape
        let b1 = tape.constant(Matrix(rows: 1, columns: 4, values: values(4, seed: 5)))
        let w2 = tape.constant(Matrix(rows: 4, columns: 1, values: values(4, seed: 6)))
        let f = Var.matmul(Var.matmul(x, w1).addingRow(b1).tanh(), w2).softplus().sum()
        let g = tape.gradients(of: f, wrt: [x], createGraph: true)[0]
        return g.squared().sum()
    }

    @Test func secondDerivativesMatchDifferences() {
        let w0 = Matrix(rows: 2, columns: 4, values: values(8, seed: 4))
        let x0 = Matrix(rows: 6, columns: 2, values: values(12, seed: 7))
        let gradient = Tape.recording { tape in
            let w = tape.variable(w0), x = tape.variable(x0)
            return tape.gradients(of: Self.gradientNormSquared(w, x), wrt: [w])[0].value.values
        }
        let numeric = numericGradient(w0, step: 1e-2) { w in
            Tape.recording { t in Self.gradientNormSquared(t.variable(w), t.variable(x0)).scalar }
        }
        #expect(close(gradient, numeric, tolerance: 2e-2), "tape \(gradient) against differences \(numeric)")
    }

    @Test func aVariableTheResultIgnoresGetsZeros() {
        let g = Tape.recording { tape in
            let a = tape.variable(Matrix(rows: 2, columns: 2, values: [1, 2, 3, 4]))
            let unused = tape.variable(Matrix(rows: 1, columns: 3, values: [1, 1, 1]))
            return tape.gradients(of: a.squared().sum(), wrt: [a, unused]).map(\.value.values)
        }
        #expect(g[0] == [2, 4, 6, 8])
        #expect(g[1] == [0, 0, 0])
    }
}

@Suite struct TapeLifetimeTests {
    /// The backward rules hold values of their own tape; a tape must still be
    /// freed once the caller drops it, or every training step leaks its graph.
    @Test func aTapeIsFreedAfterUse() {
        weak var weakTape: Tape?
        Tape.recording { tape in
            weakTape = tape
            let x = tape.variable(Matrix(rows: 4, columns: 3, values: values(12, seed: 9)))
            let w = tape.variable(Matrix(rows: 3, columns: 2, values: values(6, seed: 10)))
            let b = tape.constant(Matrix(rows: 1, columns: 2, values: [0.1, -0.1]))
            let y = Var.dense(x, w, b, slope: 0.2).absolute().minibatchFeatures(kernels: 1, dimension: 2).sum()
            let g = tape.gradients(of: y, wrt: [x, w], createGraph: false)
            #expect(g.count == 2)
            let second = tape.gradients(of: Var.dense(x, w, b, slope: 0).tanh().sum(), wrt: [x], createGraph: true)[0]
            _ = tape.gradients(of: second.squared().sum(), wrt: [w])
        }
        #expect(weakTape == nil, "the tape outlived its last user")
    }
}
