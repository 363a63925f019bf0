/// The operations of the tape, each with its value and its backward rule.
///
/// Shapes: element-wise operations take equal shapes; a bias row is added
/// with `addingRow`, and a 1 × 1 value is spread with `expanded`. Every rule
/// is written with these same operations, so that a gradient taken with
/// `createGraph` can be differentiated again. The exceptions say so
/// (`minibatchFeatures`, whose rule is first-order only).
import NeuralNet

import Glibc

// MARK: Element-wise helpers

extension Matrix where T == Float {
    @inlinable
    func mapped(_ f: (Float) -> Float) -> Matrix {
        Matrix(rows: rows, columns: columns) { out in
            values.withUnsafeBufferPointer { v in for i in v.indices { out[i] = f(v[i]) } }
        }
    }

    @inlinable
    func combined(_ other: Matrix, _ f: (Float, Float) -> Float) -> Matrix {
        precondition(rows == other.rows && columns == other.columns, "shapes differ: \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        return Matrix(rows: rows, columns: columns) { out in
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in for i in a.indices { out[i] = f(a[i], b[i]) } }
            }
        }
    }
}

// MARK: Arithmetic

extension Var {
    public static func + (a: Var, b: Var) -> Var {
        a.tape.record(a.value.combined(b.value, +), [a, b]) { g, _ in [g, g] }
    }

    public static func - (a: Var, b: Var) -> Var {
        a.tape.record(a.value.combined(b.value, -), [a, b]) { g, _ in [g, -g] }
    }

    /// The element-wise (Hadamard) product.
    public static func * (a: Var, b: Var) -> Var {
        a.tape.record(a.value.combined(b.value, *), [a, b]) { g, _ in
            [a.tape.requiresGradient(a) ? g * b : nil, a.tape.requiresGradient(b) ? g * a : nil]
        }
    }

    public static func / (a: Var, b: Var) -> Var {
        a.tape.record(a.value.combined(b.value, /), [a, b]) { g, y in
            [a.tape.requiresGradient(a) ? g / b : nil, a.tape.requiresGradient(b) ? -(g * y / b) : nil]
        }
    }

    public static prefix func - (a: Var) -> Var { a.scaled(-1) }

    /// c·a for a constant c.
    public func scaled(_ c: Float) -> Var {
        tape.record(value.mapped { c * $0 }, [self]) { g, _ in [g.scaled(c)] }
    }

    /// a + c for a constant c.
    public func shifted(_ c: Float) -> Var {
        tape.record(value.mapped { $0 + c }, [self]) { g, _ in [g] }
    }
}

// MARK: Products and shapes

extension Var {
    /// op(a)·op(b), op transposing where asked.
    public static func matmul(_ a: Var, _ b: Var, transposeA: Bool = false, transposeB: Bool = false) -> Var {
        let value = Matrix.product(a.value, b.value, transposeA: transposeA, transposeB: transposeB)
        return a.tape.record(value, [a, b]) { g, _ in
            let tape = a.tape
            let da: Var?, db: Var?
            switch (transposeA, transposeB) {
            case (false, false):  // C = AB
                da = tape.requiresGradient(a) ? matmul(g, b, transposeB: true) : nil
                db = tape.requiresGradient(b) ? matmul(a, g, transposeA: true) : nil
            case (true, false):  // C = AᵀB
                da = tape.requiresGradient(a) ? matmul(b, g, transposeB: true) : nil
                db = tape.requiresGradient(b) ? matmul(a, g) : nil
            case (false, true):  // C = ABᵀ
                da = tape.requiresGradient(a) ? matmul(g, b) : nil
                db = tape.requiresGradient(b) ? matmul(g, a, transposeA: true) : nil
            case (true, true):  // C = AᵀBᵀ
                da = tape.requiresGradient(a) ? matmul(b, g, transposeA: true, transposeB: true) : nil
                db = tape.requiresGradient(b) ? matmul(g, a, transposeA: true, transposeB: true) : nil
            }
            return [da, db]
        }
    }

    /// Adds the 1 × columns row `b` to every row.
    public func addingRow(_ b: Var) -> Var {
        precondition(b.rows == 1 && b.columns == columns, "a bias row must be 1×\(columns)")
        var out = value
        out.addToEachRow(b.value.values)
        return tape.record(out, [self, b]) { g, _ in [g, g.sumRows()] }
    }

    /// The sum of the rows: a 1 × columns row.
    public func sumRows() -> Var {
        let n = rows, v = value
        let sums = Matrix<Float>(rows: 1, columns: columns) { out in
            for c in 0..<v.columns { out[c] = 0 }
            v.values.withUnsafeBufferPointer { if v.rows > 0 { Float.addColumnSums(out, $0.baseAddress!, rows: v.rows, columns: v.columns) } }
        }
        return tape.record(sums, [self]) { g, _ in [g.repeatingRows(n)] }
    }

    /// A 1 × columns row repeated `n` times.
    public func repeatingRows(_ n: Int) -> Var {
        precondition(rows == 1)
        let row = value.values, k = columns
        let out = Matrix<Float>(rows: n, columns: k) { o in
            row.withUnsafeBufferPointer { r in for i in 0..<n { (o + i * k).update(from: r.baseAddress!, count: k) } }
        }
        return tape.record(out, [self]) { g, _ in [g.sumRows()] }
    }

    /// The sum of each row: a rows × 1 column.
    public func sumColumns() -> Var {
        let k = columns, v = value
        let sums = Matrix<Float>(rows: rows, columns: 1) { out in
            for r in 0..<v.rows {
                var s: Float = 0
                for c in 0..<k { s += v.values[r * k + c] }
                out[r] = s
            }
        }
        return tape.record(sums, [self]) { g, _ in [g.repeatingColumns(k)] }
    }

    /// A rows × 1 column repeated `k` times side by side.
    public func repeatingColumns(_ k: Int) -> Var {
        precondition(columns == 1)
        let v = value.values
        let out = Matrix<Float>(rows: rows, columns: k) { o in
            for r in v.indices { for c in 0..<k { o[r * k + c] = v[r] } }
        }
        return tape.record(out, [self]) { g, _ in [g.sumColumns()] }
    }

    /// The sum of every value, as 1 × 1.
    public func sum() -> Var {
        let r = rows, c = columns
        var s: Float = 0
        for v in value.values { s += v }
        return tape.record(Matrix(rows: 1, columns: 1, values: [s]), [self]) { g, _ in [g.expanded(rows: r, columns: c)] }
    }

    /// The mean of every value, as 1 × 1.
    public func mean() -> Var { sum().scaled(1 / Float(rows * columns)) }

    /// A 1 × 1 value spread over a rows × columns matrix.
    public func expanded(rows r: Int, columns c: Int) -> Var {
        precondition(rows == 1 && columns == 1)
        return tape.record(Matrix(rows: r, columns: c, repeating: scalar), [self]) { g, _ in [g.sum()] }
    }

    public func transposed() -> Var {
        tape.record(value.transposed(), [self]) { g, _ in [g.transposed()] }
    }

    /// The same values, row-major, in another shape.
    public func reshaped(rows r: Int, columns c: Int) -> Var {
        let (r0, c0) = (rows, columns)
        return tape.record(Matrix(rows: r, columns: c, values: value.values), [self]) { g, _ in [g.reshaped(rows: r0, columns: c0)] }
    }

    /// Columns `range` (every row).
    public func columns(_ range: Range<Int>) -> Var {
        let total = columns, v = value, w = range.count
        let out = Matrix<Float>(rows: rows, columns: w) { o in
            for r in 0..<v.rows { for c in 0..<w { o[r * w + c] = v.values[r * total + range.lowerBound + c] } }
        }
        return tape.record(out, [self]) { g, _ in [g.paddingColumns(at: range.lowerBound, to: total)] }
    }

    /// This matrix placed at column `offset` of a zero matrix `total` columns wide.
    public func paddingColumns(at offset: Int, to total: Int) -> Var {
        let w = columns, v = value
        var out = Matrix<Float>(rows: rows, columns: total)
        for r in 0..<rows { for c in 0..<w { out.values[r * total + offset + c] = v.values[r * w + c] } }
        return tape.record(out, [self]) { g, _ in [g.columns(offset..<(offset + w))] }
    }

    /// [a | b]: the columns of `b` after those of `a`.
    public static func concatColumns(_ a: Var, _ b: Var) -> Var {
        precondition(a.rows == b.rows)
        let wa = a.columns, wb = b.columns, w = wa + wb
        var out = Matrix<Float>(rows: a.rows, columns: w)
        for r in 0..<a.rows {
            for c in 0..<wa { out.values[r * w + c] = a.value.values[r * wa + c] }
            for c in 0..<wb { out.values[r * w + wa + c] = b.value.values[r * wb + c] }
        }
        return a.tape.record(out, [a, b]) { g, _ in [g.columns(0..<wa), g.columns(wa..<w)] }
    }

    /// `a` stacked on top of `b`.
    public static func concatRows(_ a: Var, _ b: Var) -> Var {
        let ra = a.rows, rb = b.rows
        return a.tape.record(Matrix.stacked(a.value, b.value), [a, b]) { g, _ in
            [g.rows(0..<ra), g.rows(ra..<(ra + rb))]
        }
    }

    /// Rows `range`.
    public func rows(_ range: Range<Int>) -> Var {
        let total = rows
        return tape.record(value.rows(range), [self]) { g, _ in [g.paddingRows(at: range.lowerBound, to: total)] }
    }

    /// This matrix placed at row `offset` of a zero matrix `total` rows high.
    public func paddingRows(at offset: Int, to total: Int) -> Var {
        let r = rows, c = columns
        var out = Matrix<Float>(rows: total, columns: c)
        for i in 0..<(r * c) { out.values[offset * c + i] = value.values[i] }
        return tape.record(out, [self]) { g, _ in [g.rows(offset..<(offset + r))] }
    }
}
