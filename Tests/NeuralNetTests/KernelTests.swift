import CMatrixKernels
@testable import NeuralNet
import Testing

import Glibc

/// The matrix kernels against an independent definition: each output is one
/// fused multiply-add chain over the inner index, in order, from its initial
/// value. Every path the CPU supports must give exactly those bits.
@Suite(.serialized) struct KernelTests {
    static let paths = KernelPath.allCases.filter(\.isSupported)
    static let best = paths.last!  // what an unforced process chooses

    /// Switches this thread's products to `path` (each test is synchronous, so
    /// it runs on one thread; `restore` undoes it). Other suites are not touched.
    func use(_ path: KernelPath) -> Bool { path.use() }
    func restore() { KernelPath.useProcessPath() }

    /// The definition, written again in Swift (Float.addingProduct is a fused multiply-add).
    func reference(
        _ a: Matrix<Float>, _ b: Matrix<Float>, transposeA: Bool, transposeB: Bool,
        bias: [Float]?, old: [Float]?
    ) -> [Float] {
        let m = transposeA ? a.columns : a.rows, k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var acc: Float = old?[i * n + j] ?? bias?[j] ?? 0
                for p in 0..<k {
                    let x = transposeA ? a[p, i] : a[i, p]
                    let y = transposeB ? b[j, p] : b[p, j]
                    acc = acc.addingProduct(x, y)
                }
                c[i * n + j] = acc
            }
        }
        return c
    }

    func random(_ rows: Int, _ columns: Int, _ rng: inout TestRandom) -> Matrix<Float> {
        Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in Float(rng.uniform()) })
    }

    /// Shapes around every tile edge of both vector paths (6 or 8 rows; 8, 16 or 32 columns).
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (7, 2, 3), (8, 16, 5), (9, 17, 0), (13, 33, 130), (6, 31, 7), (33, 128, 2), (65, 1, 129), (256, 128, 128),
    ]

    @Test(arguments: paths)
    func everyPathComputesTheDefinitionBitForBit(path: KernelPath) throws {
        #expect(use(path))
        defer { restore() }
        var rng = TestRandom(state: 7)
        for (m, n, k) in Self.shapes {
            for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                let a = ta ? random(k, m, &rng) : random(m, k, &rng)
                let b = tb ? random(n, k, &rng) : random(k, n, &rng)
                let bias = (0..<n).map { _ in Float(rng.uniform()) }
                let old = (0..<(m * n)).map { _ in Float(rng.uniform()) }
                let plain = Matrix.product(a, b, transposeA: ta, transposeB: tb)
                #expect(
                    plain.values == reference(a, b, transposeA: ta, transposeB: tb, bias: nil, old: nil),
                    "\(path) \(m)×\(n)×\(k) ta=\(ta) tb=\(tb)")
                var withBias = [Float](repeating: .nan, count: m * n)
                var activated = [Float](repeating: .nan, count: m * n)
                withBias.withUnsafeMutableBufferPointer { c in
                    activated.withUnsafeMutableBufferPointer { act in
                        Matrix.multiply(
                            a, b, transposeA: ta, transposeB: tb, into: c.baseAddress!, bias: bias, accumulate: false,
                            activated: act.baseAddress!, slope: 0.2)
                    }
                }
                let expected = reference(a, b, transposeA: ta, transposeB: tb, bias: bias, old: nil)
                #expect(withBias == expected, "bias \(path) \(m)×\(n)×\(k)")
                #expect(activated == expected.map { $0 > 0.2 * $0 ? $0 : 0.2 * $0 }, "leaky \(path) \(m)×\(n)×\(k)")
                var accumulated = old
                accumulated.withUnsafeMutableBufferPointer { c in
                    Matrix.multiply(a, b, transposeA: ta, transposeB: tb, into: c.baseAddress!, bias: nil, accumulate: true)
                }
                #expect(accumulated == reference(a, b, transposeA: ta, transposeB: tb, bias: nil, old: old), "accumulate \(path)")
            }
        }
    }

    @Test func theDefinitionIsTheMatrixProduct() {
        // The reference itself, against a product in Double: a Float chain of
        // 130 terms of size ≤ 1 stays within 1e-4 of it.
        var rng = TestRandom(state: 3)
        let a = random(13, 130, &rng), b = random(130, 33, &rng)
        let c = reference(a, b, transposeA: false, transposeB: false, bias: nil, old: nil)
        for i in 0..<13 {
            for j in 0..<33 {
                let exact = (0..<130).reduce(0.0) { $0 + Double(a[i, $1]) * Double(b[$1, j]) }
                #expect(abs(Double(c[i * 33 + j]) - exact) < 1e-4)
            }
        }
    }

    @Test func reluGivesPositiveZero() {
        let a = Matrix<Float>(rows: 1, columns: 1, values: [-1]), b = Matrix<Float>(rows: 1, columns: 2, values: [1, 0])
        var z = [Float](repeating: 1, count: 2), act = [Float](repeating: 1, count: 2)
        z.withUnsafeMutableBufferPointer { c in
            act.withUnsafeMutableBufferPointer { y in
                Matrix.multiply(
                    a, b, transposeA: false, transposeB: false, into: c.baseAddress!, bias: nil, accumulate: false,
                    activated: y.baseAddress!, slope: 0)
            }
        }
        #expect(act.allSatisfy { $0 == 0 && $0.sign == .plus })
    }

    @Test(arguments: paths)
    func expIsWithinTwoUlpOfTheTrueValue(path: KernelPath) {
        #expect(use(path))
        defer { restore() }
        let x = (0...20_000).map { -Float($0) * 87 / 20_000 } + [-0.0, -1e-30, -87.5, -200, -.infinity]
        var y = [Float](repeating: .nan, count: x.count)
        gk_exp_nonpositive(&y, x, x.count)
        for (xi, yi) in zip(x, y) {
            if xi < -87 { #expect(yi == 0); continue }
            let exact = Glibc.exp(Double(xi))
            #expect(abs(Double(yi) - exact) <= 2 * Double(Float(exact).ulp), "exp(\(xi)) = \(yi), not \(exact)")
        }
    }

    @Test(arguments: paths)
    func minibatchPairsMatchTheDoubleImplementation(path: KernelPath) {
        #expect(use(path))
        defer { restore() }
        // The Float kernel (C) against the same formulas in Double (Swift).
        var rng = TestRandom(state: 11)
        let n = 37, kernels = 3, dim = 4
        let mt = (0..<(kernels * dim * n)).map { _ in rng.uniform() * 0.5 }
        let g = (0..<(n * (kernels + 2))).map { _ in rng.uniform() }
        var closeD = [Double](repeating: 0, count: kernels * n * n), oD = [Double](repeating: 0, count: n * (kernels + 2))
        Double.minibatchForward(mt, n: n, kernels: kernels, dimension: dim, close: &closeD, o: &oD, ldo: kernels + 2)
        var dmtD = [Double](repeating: 0, count: mt.count), wD = [Double](repeating: 0, count: n)
        Double.minibatchBackward(
            mt, close: closeD, g: g, ldg: kernels + 2, n: n, kernels: kernels, dimension: dim,
            dmt: &dmtD, w: &wD)
        let mtF = mt.map(Float.init), gF = g.map(Float.init)
        var closeF = [Float](repeating: 0, count: closeD.count), oF = [Float](repeating: 0, count: oD.count)
        Float.minibatchForward(mtF, n: n, kernels: kernels, dimension: dim, close: &closeF, o: &oF, ldo: kernels + 2)
        var dmtF = [Float](repeating: 0, count: mt.count), wF = [Float](repeating: 0, count: n)
        Float.minibatchBackward(
            mtF, close: closeF, g: gF, ldg: kernels + 2, n: n, kernels: kernels, dimension: dim,
            dmt: &dmtF, w: &wF)
        for i in 0..<n { for b in 0..<kernels { #expect(abs(Double(oF[i * (kernels + 2) + b]) - oD[i * (kernels + 2) + b]) < 1e-4) } }
        for (f, d) in zip(dmtF, dmtD) { #expect(abs(Double(f) - d) < 1e-4) }
    }

    @Test(arguments: paths)
    func adamMatchesItsFormula(path: KernelPath) {
        #expect(use(path))
        defer { restore() }
        var rng = TestRandom(state: 5)
        let count = 37
        var v = (0..<count).map { _ in Float(rng.uniform()) }, m = (0..<count).map { _ in Float(rng.uniform()) * 0.1 }
        var s = (0..<count).map { _ in Float(abs(rng.uniform())) * 0.01 }
        let g = (0..<count).map { _ in Float(rng.uniform()) }
        // Kingma & Ba (2015), Algorithm 1, one step, written out in Float.
        var ev = v, em = m, es = s
        let b1: Float = 0.5, b2: Float = 0.999, c1: Float = 0.75, c2: Float = 0.002, lr: Float = 1e-3, eps: Float = 1e-8
        for i in 0..<count {
            em[i] = b1 * em[i] + (1 - b1) * g[i]
            es[i] = b2 * es[i] + (1 - b2) * g[i] * g[i]
            ev[i] -= lr * (em[i] / c1) / ((es[i] / c2).squareRoot() + eps)
        }
        Float.adam(&v, g, &m, &s, count: count, lr: lr, b1: b1, b2: b2, c1: c1, c2: c2, epsilon: eps)
        #expect(v == ev && m == em && s == es)
    }
}
