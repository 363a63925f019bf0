/// A small line chart of one series over the steps so far, drawn in Unicode
/// braille (2×4 dots per cell) on TerminalKit's `ChartGrid`, with a header
/// (name, latest value, range) and a dotted column at each step where a
/// setting changed.
///
/// One series per chart, so each reads without colour. Owns the binning of
/// points to dot columns and where each column's dots go; the values come
/// from `LabSession`, the grid's cells go into the lab's `Canvas`.
import TerminalKit

import Glibc

struct CurveChart {
    var title: String
    /// (step, value) points, in step order.
    var points: [(Double, Double)]
    /// The value shown in the header (the latest).
    var latest: Double
    /// A fixed y range (modes, percentages), or nil to fit the values.
    var yRange: ClosedRange<Double>?
    var color: RGB
    /// How the header writes values (the latest and the range).
    var format: (Double) -> String = LabFormat.compact
    /// A level drawn as a dotted line with its label at the left, and kept in
    /// the y range: the floor a distance can reach.
    var reference: (value: Double, label: String)?
    /// A y axis in log₁₀ (every value > 0): for a distance that falls by orders of magnitude.
    var logarithmic = false

    /// Per dot column, the mean of the points falling in it (nil: none).
    static func bins(_ points: [(Double, Double)], xMax: Double, dots: Int) -> [Double?] {
        var sums = [Double](repeating: 0, count: dots), counts = [Int](repeating: 0, count: dots)
        for (x, y) in points where y.isFinite {
            let u = x / xMax * Double(dots)
            guard u >= 0 else { continue }
            let i = min(Int(u), dots - 1)
            sums[i] += y
            counts[i] += 1
        }
        var means: [Double?] = (0..<dots).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil }
        // Between two known columns, a straight line: sparse series (checkpoints) stay joined.
        var last: Int?
        for i in 0..<dots {
            guard let v = means[i] else { continue }
            if let l = last, i - l > 1, let u = means[l] {
                for j in (l + 1)..<i { means[j] = u + (v - u) * Double(j - l) / Double(i - l) }
            }
            last = i
        }
        return means
    }

    /// The y range drawn: the fixed one, else the binned values' together with
    /// the latest value, so the header never shows a value outside the range
    /// it states (before any point is binned, the range is the latest value's).
    static func range(fixed: ClosedRange<Double>?, values: [Double], latest: Double) -> (low: Double, high: Double) {
        if let fixed { return (fixed.lowerBound, fixed.upperBound) }
        let all = latest.isFinite ? values + [latest] : values
        return (all.min() ?? 0, all.max() ?? 1)
    }

    /// Draws the header on `row` and the chart on the `height` rows below it.
    func draw(
        into canvas: inout Canvas, column: Int, row: Int, width: Int, height: Int, xMax: Double,
        changes: [Int], palette: LabPalette
    ) {
        // On a log axis the binning, the range and the dots are in log₁₀ of the values; the header in the values.
        let scale: (Double) -> Double = logarithmic ? { $0 > 0 ? log10($0) : .nan } : { $0 }
        let unscale: (Double) -> Double = logarithmic ? { pow(10, $0) } : { $0 }
        let binned = Self.bins(points.map { ($0.0, scale($0.1)) }, xMax: xMax, dots: 2 * width)
        let level = reference.map { scale($0.value) }
        let finite = binned.compactMap { $0 } + (level.map { $0.isFinite ? [$0] : [] } ?? [])
        var (low, high) = Self.range(fixed: yRange, values: finite, latest: scale(latest))
        if high - low < 1e-9 { low -= 0.5; high += 0.5 }

        let header = title + "  " + format(latest)
        let range = format(unscale(low)) + " … " + format(unscale(high))
        canvas.write(header, column, row, foreground: color, bold: true, limit: width)
        let headerWidth = header.displayWidth
        if headerWidth + 2 + range.displayWidth <= width {
            canvas.write(range, column + width - range.displayWidth, row, foreground: palette.dim)
        }

        let changeColumns = Self.changeColumns(changes, xMax: xMax, width: width)
        var grid = Self.grid(binned, low: low, high: high, width: width, height: height, changes: changeColumns)
        let referenceRow = level.flatMap { Self.referenceRow($0, low: low, high: high, height: height) }
        if let r = referenceRow {
            for c in 0..<width { grid.putIfEmpty("┈", row: r, column: c, owner: .reference(1)) }
        }
        for r in 0..<height {
            for c in 0..<width {
                guard let owner = grid.owner(row: r, column: c) else { continue }
                let foreground = owner == .series(0) ? color : owner == .reference(1) ? palette.dim : palette.marker
                canvas.put(grid.character(row: r, column: c), column + c, row + 1 + r, foreground: foreground)
            }
        }
        // The reference's label at the line's left end, where nothing but the line is.
        if let r = referenceRow, let reference {
            let label = reference.label + " " + format(reference.value) + " "
            let free = (0..<min(label.displayWidth, width)).allSatisfy { grid.owner(row: r, column: $0) == .reference(1) }
            if free { canvas.write(label, column, row + 1 + r, foreground: palette.dim, limit: width) }
        }
    }

    /// The row of the chart (0 at the top) holding `level` within low…high; nil outside.
    static func referenceRow(_ level: Double, low: Double, high: Double, height: Int) -> Int? {
        guard level.isFinite, level >= low, level <= high else { return nil }
        let t = (high - level) / (high - low)
        return Int((t * Double(4 * height - 1)).rounded()) / 4
    }

    /// The columns of the steps where a setting changed.
    static func changeColumns(_ changes: [Int], xMax: Double, width: Int) -> Set<Int> {
        Set(changes.map { min(Int(Double($0) / xMax * Double(width)), width - 1) })
    }

    /// The curve in braille dots on TerminalKit's `ChartGrid`: each dot
    /// column at its bin's value, joined down its column to the previous one
    /// so that steep moves stay a line; a dotted column (┊) where a setting
    /// changed, in the cells the curve leaves empty.
    static func grid(
        _ binned: [Double?], low: Double, high: Double, width: Int, height: Int, changes: Set<Int>
    ) -> ChartGrid {
        var grid = ChartGrid(columns: width, rows: height)
        let dotRows = 4 * height
        func dotRow(_ y: Double) -> Int {
            let t = (high - min(max(y, low), high)) / (high - low)
            return Int((t * Double(dotRows - 1)).rounded())
        }
        var previous: Int?
        for (dx, value) in binned.enumerated() {
            guard let value else { previous = nil; continue }
            let r = dotRow(value)
            for y in min(previous ?? r, r)...max(previous ?? r, r) { grid.setDot(x: dx, y: y, series: 0) }
            previous = r
        }
        for c in changes {
            for r in 0..<height { grid.putIfEmpty("┊", row: r, column: c, owner: .reference(0)) }
        }
        return grid
    }
}
