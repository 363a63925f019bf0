/// Dense row-major matrices of Float or Double, and their products.
///
/// `Scalar` is the element type: Float for training, Double for the
/// finite-difference checks in the tests. Products go to CMatrixKernels
/// (Float: AVX-512, AVX2+FMA or portable C, chosen by CPU features; Double:
/// portable C). Each output element is one fused multiply-add chain over the
/// inner index in a fixed order, so every path prints the same numbers.
/// Everything else is a plain sequential loop.
import CMatrixKernels

import Glibc

public protocol Scalar: BinaryFloatingPoint, Sendable where Self.RawSignificand: FixedWidthInteger {
    /// C ← op(A)·op(B) + (old C if `accumulate`, else `bias` per column, else 0),
    /// row-major; `activated`, when given, gets max(z, slope·z) of every z of C.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        bias: UnsafePointer<Self>?, accumulate: Bool, c: UnsafeMutablePointer<Self>, ldc: Int,
        activated: UnsafeMutablePointer<Self>?, slope: Self)
    /// Adam's update of `count` values (see gk_adam); `b1`, `b2` are β₁, β₂, `c1`, `c2` the bias corrections.
    static func adam(
        _ v: UnsafeMutablePointer<Self>, _ g: UnsafePointer<Self>, _ m: UnsafeMutablePointer<Self>,
        _ s: UnsafeMutablePointer<Self>, count: Int, lr: Self, b1: Self, b2: Self, c1: Self, c2: Self, epsilon: Self)
    /// RMSProp's update (see gk_rmsprop).
    static func rmsprop(
        _ v: UnsafeMutablePointer<Self>, _ g: UnsafePointer<Self>, _ s: UnsafeMutablePointer<Self>,
        count: Int, lr: Self, alpha: Self, epsilon: Self)
    /// d ← d where z > 0, else slope·d.
    static func reluLikeBackward(_ d: UnsafeMutablePointer<Self>, z: UnsafePointer<Self>, count: Int, slope: Self)
    /// sums[c] += Σ_r x[r][c], rows in order.
    static func addColumnSums(_ sums: UnsafeMutablePointer<Self>, _ x: UnsafePointer<Self>, rows: Int, columns: Int)
    /// Minibatch discrimination's pairwise part (see gk_minibatch_forward).
    static func minibatchForward(
        _ mt: UnsafePointer<Self>, n: Int, kernels: Int, dimension: Int,
        close: UnsafeMutablePointer<Self>, o: UnsafeMutablePointer<Self>, ldo: Int)
    /// Its backward pass (see gk_minibatch_backward).
    static func minibatchBackward(
        _ mt: UnsafePointer<Self>, close: UnsafePointer<Self>, g: UnsafePointer<Self>, ldg: Int,
        n: Int, kernels: Int, dimension: Int, dmt: UnsafeMutablePointer<Self>,
        w: UnsafeMutablePointer<Self>)
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
}

extension Float: Scalar {
    @inlinable
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        bias: UnsafePointer<Float>?, accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int,
        activated: UnsafeMutablePointer<Float>?, slope: Float
    ) {
        gk_sgemm(
            transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), a, Int32(lda), b, Int32(ldb),
            bias, accumulate ? GK_ACCUMULATE : GK_STORE, c, Int32(ldc), activated, slope)
    }
    @inlinable
    public static func adam(
        _ v: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
        _ s: UnsafeMutablePointer<Float>, count: Int, lr: Float, b1: Float, b2: Float, c1: Float, c2: Float,
        epsilon: Float
    ) {
        gk_adam(v, g, m, s, count, lr, b1, b2, c1, c2, epsilon)
    }
    @inlinable
    public static func rmsprop(
        _ v: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ s: UnsafeMutablePointer<Float>,
        count: Int, lr: Float, alpha: Float, epsilon: Float
    ) {
        gk_rmsprop(v, g, s, count, lr, alpha, epsilon)
    }
    @inlinable
    public static func reluLikeBackward(_ d: UnsafeMutablePointer<Float>, z: UnsafePointer<Float>, count: Int, slope: Float) {
        gk_relu_like_backward(d, z, count, slope)
    }
    @inlinable
    public static func addColumnSums(_ sums: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, rows: Int, columns: Int) {
        gk_add_column_sums(sums, x, rows, columns)
    }
    @inlinable
    public static func minibatchForward(
        _ mt: UnsafePointer<Float>, n: Int, kernels: Int, dimension: Int,
        close: UnsafeMutablePointer<Float>, o: UnsafeMutablePointer<Float>, ldo: Int
    ) {
        gk_minibatch_forward(mt, n, kernels, dimension, close, o, ldo)
    }
    @inlinable
    public static func minibatchBackward(
        _ mt: UnsafePointer<Float>, close: UnsafePointer<Float>, g: UnsafePointer<Float>,
        ldg: Int, n: Int, kernels: Int, dimension: Int, dmt: UnsafeMutablePointer<Float>,
        w: UnsafeMutablePointer<Float>
    ) {
        gk_minibatch_backward(mt, close, g, ldg, n, kernels, dimension, dmt, w)
    }
    @inlinable
    public static func exp(_ x: Float) -> Float { expf(x) }
    @inlinable
    public static func log(_ x: Float) -> Float { logf(x) }
    @inlinable
    public static func log1p(_ x: Float) -> Float { log1pf(x) }
    @inlinable
    public static func tanh(_ x: Float) -> Float { tanhf(x) }
}

extension Double: Scalar {
    @inlinable
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        bias: UnsafePointer<Double>?, accumulate: Bool, c: UnsafeMutablePointer<Double>, ldc: Int,
        activated: UnsafeMutablePointer<Double>?, slope: Double
    ) {
        gk_dgemm(
            transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), a, Int32(lda), b, Int32(ldb),
            bias, accumulate ? GK_ACCUMULATE : GK_STORE, c, Int32(ldc), activated, slope)
    }
    @inlinable
    public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inlinable
    public static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inlinable
    public static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @inlinable
    public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
}

/// The same updates as plain Swift loops, for Double (the tests' networks).
extension Scalar {
    @inlinable
    public static func adam(
        _ v: UnsafeMutablePointer<Self>, _ g: UnsafePointer<Self>, _ m: UnsafeMutablePointer<Self>,
        _ s: UnsafeMutablePointer<Self>, count: Int, lr: Self, b1: Self, b2: Self, c1: Self, c2: Self,
        epsilon: Self
    ) {
        let ob1 = 1 - b1, ob2 = 1 - b2
        for i in 0..<count {
            m[i] = b1 * m[i] + ob1 * g[i]
            s[i] = b2 * s[i] + ob2 * g[i] * g[i]
            v[i] -= lr * (m[i] / c1) / ((s[i] / c2).squareRoot() + epsilon)
        }
    }
    @inlinable
    public static func rmsprop(
        _ v: UnsafeMutablePointer<Self>, _ g: UnsafePointer<Self>, _ s: UnsafeMutablePointer<Self>,
        count: Int, lr: Self, alpha: Self, epsilon: Self
    ) {
        let oa = 1 - alpha
        for i in 0..<count {
            s[i] = alpha * s[i] + oa * g[i] * g[i]
            v[i] -= lr * g[i] / (s[i].squareRoot() + epsilon)
        }
    }
    @inlinable
    public static func reluLikeBackward(_ d: UnsafeMutablePointer<Self>, z: UnsafePointer<Self>, count: Int, slope: Self) {
        for i in 0..<count { d[i] = z[i] > 0 ? d[i] : (slope == 0 ? 0 : slope * d[i]) }
    }
    @inlinable
    public static func addColumnSums(_ sums: UnsafeMutablePointer<Self>, _ x: UnsafePointer<Self>, rows: Int, columns: Int) {
        for r in 0..<rows { for c in 0..<columns { sums[c] += x[r * columns + c] } }
    }
    @inlinable
    public static func minibatchForward(
        _ mt: UnsafePointer<Self>, n: Int, kernels: Int, dimension: Int,
        close: UnsafeMutablePointer<Self>, o: UnsafeMutablePointer<Self>, ldo: Int
    ) {
        for b in 0..<kernels {
            let cb = close + b * n * n
            for j in 0..<n {
                for i in 0..<n {
                    var l1: Self = 0
                    for d in 0..<dimension { let md = mt + (b * dimension + d) * n; l1 += abs(md[i] - md[j]) }
                    cb[j * n + i] = Self.exp(-l1)
                }
            }
            for i in 0..<n {
                var sum: Self = 0
                for j in 0..<n { sum += cb[j * n + i] }
                o[i * ldo + b] = sum
            }
        }
    }
    @inlinable
    public static func minibatchBackward(
        _ mt: UnsafePointer<Self>, close: UnsafePointer<Self>, g: UnsafePointer<Self>,
        ldg: Int, n: Int, kernels: Int, dimension: Int, dmt: UnsafeMutablePointer<Self>,
        w: UnsafeMutablePointer<Self>
    ) {
        for k in 0..<(kernels * dimension * n) { dmt[k] = 0 }
        for b in 0..<kernels {
            for j in 0..<n {
                for i in 0..<n { w[i] = (g[i * ldg + b] + g[j * ldg + b]) * close[b * n * n + j * n + i] }
                for d in 0..<dimension {
                    let md = mt + (b * dimension + d) * n, out = dmt + (b * dimension + d) * n
                    for i in 0..<n {
                        let diff = md[j] - md[i]
                        out[i] += w[i] * (diff > 0 ? 1 : (diff < 0 ? -1 : 0))
                    }
                }
            }
        }
    }
}

/// The kernel path products take: the best the CPU supports, unless
/// `GANBOOK_KERNEL=portable|avx2|avx512` forces one.
public enum KernelPath: String, CaseIterable, Sendable {
    case portable, avx2, avx512

    var c: gk_path {
        switch self {
        case .portable: return GK_PATH_PORTABLE
        case .avx2: return GK_PATH_AVX2
        case .avx512: return GK_PATH_AVX512
        }
    }

    /// The path in use.
    public static var current: KernelPath {
        switch gk_current_path() {
        case GK_PATH_AVX512: return .avx512
        case GK_PATH_AVX2: return .avx2
        default: return .portable
        }
    }

    public var isSupported: Bool { gk_path_supported(c) != 0 }

    /// Uses this path on the calling thread from now on (other threads keep
    /// theirs); false (and no change) when the CPU cannot run it.
    @discardableResult
    public func use() -> Bool { gk_set_path(c) != 0 }

    /// Returns the calling thread to the process's path (undoes `use`).
    public static func useProcessPath() { gk_set_path(gk_path(rawValue: UInt32(bitPattern: -1))) }

    /// Why `GANBOOK_KERNEL` could not be honoured, if it could not.
    public static var environmentError: String? { gk_forced_path_error().map { String(cString: $0) } }
}

public struct Matrix<T: Scalar>: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var values: [T]

    @inlinable
    public init(rows: Int, columns: Int, values: [T]) {
        precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix needs \(rows * columns) values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    @inlinable
    public init(rows: Int, columns: Int, repeating value: T = 0) {
        self.init(rows: rows, columns: columns, values: Array(repeating: value, count: rows * columns))
    }

    @inlinable
    public subscript(row: Int, column: Int) -> T {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// op(a)·op(b), where op transposes when asked.
    @inlinable
    public static func product(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        precondition(k == (transposeB ? b.columns : b.rows), "inner dimensions differ")
        return Matrix(rows: m, columns: n) { c in
            multiply(a, b, transposeA: transposeA, transposeB: transposeB, into: c, bias: nil, accumulate: false)
        }
    }

    /// A rows × columns matrix whose every value `fill` writes.
    @inlinable
    public init(rows: Int, columns: Int, filling fill: (UnsafeMutablePointer<T>) -> Void) {
        let count = rows * columns
        self.init(
            rows: rows, columns: columns,
            values: [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                if count > 0 { fill(buffer.baseAddress!) }
                initialized = count
            })
    }

    /// c ← op(a)·op(b) + (old c | bias | 0); `activated` gets max(z, slope·z).
    @inlinable
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool,
        into c: UnsafeMutablePointer<T>, bias: [T]?, accumulate: Bool,
        activated: UnsafeMutablePointer<T>? = nil, slope: T = 0
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                let call = { (bias: UnsafePointer<T>?) in
                    T.gemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        a: pa.baseAddress ?? UnsafePointer(c), lda: a.columns,
                        b: pb.baseAddress ?? UnsafePointer(c), ldb: b.columns,
                        bias: bias, accumulate: accumulate, c: c, ldc: n, activated: activated, slope: slope)
                }
                if let bias { bias.withUnsafeBufferPointer { call($0.baseAddress) } } else { call(nil) }
            }
        }
    }

    /// Adds `vector` to every row.
    @inlinable
    public mutating func addToEachRow(_ vector: [T]) {
        precondition(vector.count == columns)
        values.withUnsafeMutableBufferPointer { v in
            for r in 0..<rows { for c in 0..<columns { v[r * columns + c] += vector[c] } }
        }
    }

    /// The sum of the rows (a vector of `columns` values).
    @inlinable
    public func columnSums() -> [T] {
        var sums = [T](repeating: 0, count: columns)
        values.withUnsafeBufferPointer { v in
            for r in 0..<rows { for c in 0..<columns { sums[c] += v[r * columns + c] } }
        }
        return sums
    }

    /// Rows `range` as a new matrix.
    @inlinable
    public func rows(_ range: Range<Int>) -> Matrix {
        Matrix(rows: range.count, columns: columns, values: Array(values[(range.lowerBound * columns)..<(range.upperBound * columns)]))
    }

    /// The transpose.
    @inlinable
    public func transposed() -> Matrix {
        Matrix(rows: columns, columns: rows) { t in
            values.withUnsafeBufferPointer { v in
                for r in 0..<rows { for c in 0..<columns { t[c * rows + r] = v[r * columns + c] } }
            }
        }
    }

    /// Stacks `a` on top of `b`.
    @inlinable
    public static func stacked(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.columns)
        return Matrix(rows: a.rows + b.rows, columns: a.columns, values: a.values + b.values)
    }
}
