/// A small line chart of one series over the steps so far, drawn in Unicode
/// braille (2×4 dots per cell), with a header (name, latest value, range) and
/// a dotted column at each step where a setting changed.
///
/// One series per chart, so each reads without colour. Owns the binning of
/// points to dot columns and the dots; the values come from `LabSession`.
import TerminalKit

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

    /// Draws the header on `row` and the chart on the `height` rows below it.
    func draw(
        into canvas: inout Canvas, column: Int, row: Int, width: Int, height: Int, xMax: Double,
        changes: [Int], palette: LabPalette
    ) {
        let dots = 2 * width, dotRows = 4 * height
        let binned = Self.bins(points, xMax: xMax, dots: dots)
        let finite = binned.compactMap { $0 }
        var low = yRange?.lowerBound ?? finite.min() ?? 0
        var high = yRange?.upperBound ?? finite.max() ?? 1
        if high - low < 1e-9 { low -= 0.5; high += 0.5 }

        let header = title + "  " + format(latest)
        let range = format(low) + " … " + format(high)
        canvas.write(header, column, row, foreground: color, bold: true, limit: width)
        let headerWidth = header.displayWidth
        if headerWidth + 2 + range.displayWidth <= width {
            canvas.write(range, column + width - range.displayWidth, row, foreground: palette.dim)
        }

        var bits = [UInt8](repeating: 0, count: width * height)
        func set(_ dx: Int, _ dy: Int) {
            guard dx >= 0, dx < dots, dy >= 0, dy < dotRows else { return }
            let cell = (dy / 4) * width + dx / 2
            let masks: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            bits[cell] |= masks[dx % 2][dy % 4]
        }
        func dotRow(_ y: Double) -> Int {
            let t = (high - min(max(y, low), high)) / (high - low)
            return Int((t * Double(dotRows - 1)).rounded())
        }
        var previous: Int?
        for (dx, value) in binned.enumerated() {
            guard let value else { previous = nil; continue }
            let r = dotRow(value)
            if let p = previous {
                // Join to the previous column so steep moves stay a line.
                for y in min(p, r)...max(p, r) { set(dx, y) }
            } else {
                set(dx, r)
            }
            previous = r
        }
        let changeColumns = Set(changes.map { min(Int(Double($0) / xMax * Double(width)), width - 1) })
        for r in 0..<height {
            for c in 0..<width {
                let b = bits[r * width + c]
                if b != 0 {
                    canvas.put(Character(Unicode.Scalar(0x2800 + UInt32(b))!), column + c, row + 1 + r, foreground: color)
                } else if changeColumns.contains(c) {
                    canvas.put("┊", column + c, row + 1 + r, foreground: palette.marker)
                }
            }
        }
    }
}
