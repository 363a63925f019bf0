/// Dense row-major matrices of Float or Double, with products through BLAS.
///
/// `Scalar` is the element type: Float for training (what BLAS is fastest
/// at), Double for the finite-difference checks in the tests. Matrix products
/// go to OpenBLAS's `cblas_?gemm`; everything else is a plain loop.
import CBLAS

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public protocol Scalar: BinaryFloatingPoint, Sendable where Self.RawSignificand: FixedWidthInteger {
    /// C ← α·op(A)·op(B) + β·C, all row-major.
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
}

extension Float: Scalar {
    @inlinable
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
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
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
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
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 { return c }
        if k == 0 { return c }
        BLASLock.shared.lock()
        defer { BLASLock.shared.unlock() }
        a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                c.values.withUnsafeMutableBufferPointer { pc in
                    T.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                           a: pa.baseAddress!, lda: a.columns, b: pb.baseAddress!, ldb: b.columns,
                           beta: 0, c: pc.baseAddress!, ldc: n)
                }
            }
        }
        return c
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

    /// Stacks `a` on top of `b`.
    @inlinable
    public static func stacked(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.columns)
        return Matrix(rows: a.rows + b.rows, columns: a.columns, values: a.values + b.values)
    }
}


/// Serialises calls into OpenBLAS. Debian's serial build keeps shared buffers
/// and is not safe to call from two threads at once: the two-core demos
/// (`mode-collapse`, `d-steps`) gave different numbers from run to run until
/// every product went through this lock. A spin lock, because each product
/// takes tens of microseconds and a sleeping mutex cost more than it saved.
public final class BLASLock: @unchecked Sendable {
    public static let shared = BLASLock()
    @usableFromInline var spin = pthread_spinlock_t()
    init() { pthread_spin_init(&spin, Int32(PTHREAD_PROCESS_PRIVATE)) }
    @inlinable public func lock() { pthread_spin_lock(&spin) }
    @inlinable public func unlock() { pthread_spin_unlock(&spin) }
}
