/// Plots for the terminal: line plots drawn in Unicode braille (2×4 dots per
/// cell), scatter plots on a character grid, both with axes, tick labels and a
/// legend.
///
/// Series are told apart by colour and by a marker character (`*`, `o`, `+`,
/// …): a line carries its marker every few columns, a scatter point is its
/// marker, so a plot stays readable without colour. Only layout happens here:
/// the numbers come from the report.
import Report

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct TerminalPlot: Sendable {
    public var sheet: StyleSheet
    public var width: Int
    public var height: Int

    public init(sheet: StyleSheet, width: Int, height: Int = 14) {
        self.sheet = sheet
        self.width = width
        self.height = max(height, 4)
    }

    public func render(_ plot: Plot) -> [String] {
        // A log axis is drawn as a linear axis over log₁₀ x, with ticks labelled in x.
        let position: (Double) -> Double = plot.logX ? { $0 > 0 ? log10(Swift.max($0, 1e-300)) : -.infinity } : { $0 }
        let plot = plot.logX ? Self.logTransformed(plot, position) : plot
        let finiteY = plot.series.flatMap { $0.y.filter(\.isFinite) } + plot.references.map(\.y)
        let allX = plot.series.flatMap(\.x).filter(\.isFinite)
        guard let xMin = allX.min(), let xMax = allX.max(), !finiteY.isEmpty || plot.yRange != nil else {
            return [sheet.paint(plot.title, sheet.plotTitle), "(no finite values to plot)"]
        }
        var (yMin, yMax) = plot.yRange.map { ($0.lowerBound, $0.upperBound) } ?? (finiteY.min()!, finiteY.max()!)
        if yMax - yMin < 1e-12 { yMin -= 0.5; yMax += 0.5 }
        let xSpan = xMax - xMin > 0 ? (xMin, xMax) : (xMin - 0.5, xMax + 0.5)
        let yTicks = Ticks.nice(yMin, yMax, count: height >= 10 ? 5 : 3)
        if plot.yRange == nil { yMin = min(yMin, yTicks.first!); yMax = max(yMax, yTicks.last!) }
        let xTicks = plot.logX ? Ticks.logarithmic(xSpan.0, xSpan.1) : Ticks.nice(xSpan.0, xSpan.1, count: 5)

        let labels = yTicks.map(Ticks.label)
        let labelWidth = max(labels.map(\.count).max() ?? 1, 1)
        let columns = max(width - labelWidth - 2, 10)
        let rows = height

        var grid = Grid(columns: columns, rows: rows)
        let toColumn = { (x: Double) -> Double in (x - xSpan.0) / (xSpan.1 - xSpan.0) * Double(columns - 1) }
        let toRow = { (y: Double) -> Double in (yMax - y) / (yMax - yMin) * Double(rows - 1) }

        for reference in plot.references where reference.y >= yMin && reference.y <= yMax {
            let row = Int(toRow(reference.y).rounded())
            for c in 0..<columns where grid.owner[row][c] == nil && c % 2 == 0 { grid.glyph[row][c] = sheet.reference(0).glyph; grid.owner[row][c] = -1 }
        }
        for (index, series) in plot.series.enumerated() {
            let points = zip(series.x, series.y).filter { $0.0.isFinite }
            switch plot.kind {
            case .line: grid.drawLine(points.map { ($0.0.isFinite && $0.1.isFinite) ? (toColumn($0.0), toRow($0.1)) : nil }, series: index, yLimit: Double(rows - 1))
            case .scatter: grid.drawPoints(points.filter { $0.1.isFinite }.map { (toColumn($0.0), toRow($0.1)) }, series: index, marker: sheet.series(index).marker)
            }
        }
        if plot.kind == .line { grid.placeMarkers(plot.series.indices.map { sheet.series($0).marker }) }

        var out: [String] = [sheet.paint(plot.title, sheet.plotTitle)]
        out.append(String(repeating: " ", count: labelWidth) + "  " + sheet.paint(plot.yLabel, sheet.axisLabel))
        let tickRows = Dictionary(uniqueKeysWithValues: yTicks.enumerated().map { (Int(toRow($0.element).rounded()), labels[$0.offset]) })
        for r in 0..<rows {
            let label = tickRows[r] ?? ""
            let pad = String(repeating: " ", count: labelWidth - label.count)
            let axis = String(tickRows[r] != nil ? sheet.axisTick : sheet.axisVertical)
            out.append(pad + label + " " + sheet.paint(axis, sheet.frame) + renderRow(grid, r))
        }
        // x axis with ticks, then tick labels placed under their columns.
        var axis = Array(repeating: sheet.axisHorizontal, count: columns)
        var tickLine = Array(repeating: Character(" "), count: columns + labelWidth + 2)
        var lastEnd = -1
        for tick in xTicks {
            let c = Int(toColumn(tick).rounded())
            guard c >= 0 && c < columns else { continue }
            axis[c] = sheet.axisTickDown
            let text = Array(Ticks.label(plot.logX ? Ticks.power10(tick) : tick))
            var start = labelWidth + 2 + c - text.count / 2
            start = min(max(start, 0), tickLine.count - text.count)
            if start <= lastEnd + 1 { continue }
            for (i, ch) in text.enumerated() where start + i < tickLine.count { tickLine[start + i] = ch }
            lastEnd = start + text.count - 1
        }
        out.append(String(repeating: " ", count: labelWidth) + " " + sheet.paint(String(sheet.axisCorner) + String(axis), sheet.frame))
        out.append(String(String(tickLine).trimmingTrailingSpaces))
        let xLabel = plot.xLabel
        out.append(String(repeating: " ", count: labelWidth + 2 + max((columns - xLabel.displayWidth) / 2, 0)) + sheet.paint(xLabel, sheet.axisLabel))
        var legend = plot.series.enumerated().map { index, series in
            sheet.paint(String(sheet.series(index).marker) + " " + series.name, sheet.series(index).style)
        }
        legend += plot.references.map { sheet.paint(String(repeating: sheet.reference(0).glyph, count: 3) + " " + $0.name, sheet.reference(0).style) }
        out += wrapLegend(legend, indent: labelWidth + 2)
        return out
    }

    /// The plot with every x replaced by log₁₀ x (non-positive x become gaps).
    static func logTransformed(_ plot: Plot, _ position: (Double) -> Double) -> Plot {
        var copy = plot
        copy.series = plot.series.map { Plot.Series(name: $0.name, x: $0.x.map(position), y: $0.y) }
        return copy
    }

    private func wrapLegend(_ entries: [String], indent: Int) -> [String] {
        var lines: [String] = []
        var line = String(repeating: " ", count: indent), used = indent
        for entry in entries {
            let visible = entryWidth(entry)
            if used > indent && used + 3 + visible > width { lines.append(line); line = String(repeating: " ", count: indent); used = indent }
            if used > indent { line += "   "; used += 3 }
            line += entry
            used += visible
        }
        lines.append(line)
        return lines
    }

    /// Display width of a painted entry (escape sequences excluded).
    private func entryWidth(_ painted: String) -> Int {
        var width = 0, inEscape = false
        for scalar in painted.unicodeScalars {
            if scalar == "\u{1B}" { inEscape = true; continue }
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            width += String(scalar).displayWidth
        }
        return width
    }

    private func renderRow(_ grid: Grid, _ r: Int) -> String {
        var out = ""
        var run = "", runOwner: Int? = nil
        func flush() {
            guard !run.isEmpty else { return }
            if let owner = runOwner, owner >= 0 {
                out += sheet.paint(run, sheet.series(owner).style)
            } else if runOwner == -1 {
                out += sheet.paint(run, sheet.reference(0).style)
            } else {
                out += run
            }
            run = ""
        }
        for c in 0..<grid.columns {
            let owner = grid.owner[r][c]
            if owner != runOwner { flush(); runOwner = owner }
            run.append(grid.character(r, c))
        }
        flush()
        return String(out.trimmingTrailingSpaces)
    }

    /// A character grid with braille dots per cell and which series owns each cell.
    struct Grid {
        let columns: Int, rows: Int
        var dots: [[UInt8]]
        var glyph: [[Character?]]
        var owner: [[Int?]]
        /// Per series, the cells its line passes through, for marker placement.
        var path: [[(Int, Int)]] = []

        init(columns: Int, rows: Int) {
            self.columns = columns
            self.rows = rows
            dots = Array(repeating: Array(repeating: 0, count: columns), count: rows)
            glyph = Array(repeating: Array(repeating: nil, count: columns), count: rows)
            owner = Array(repeating: Array(repeating: nil, count: columns), count: rows)
        }

        func character(_ r: Int, _ c: Int) -> Character {
            if let g = glyph[r][c] { return g }
            let d = dots[r][c]
            return d == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(d))!)
        }

        /// Braille dot bits: column 0 is dots 1,2,3,7; column 1 is 4,5,6,8.
        static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

        mutating func setDot(_ x: Int, _ y: Int, series: Int) {
            guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
            let (c, r) = (x / 2, y / 4)
            if glyph[r][c] != nil && owner[r][c] == -1 { glyph[r][c] = nil }  // a line covers a reference mark
            dots[r][c] |= Self.bits[x % 2][y % 4]
            owner[r][c] = series
            if path[series].last.map({ $0 != (r, c) }) ?? true { path[series].append((r, c)) }
        }

        /// Connects consecutive points (in cell coordinates); nil points are gaps.
        mutating func drawLine(_ points: [(Double, Double)?], series: Int, yLimit: Double) {
            while path.count <= series { path.append([]) }
            var previous: (Int, Int)?
            for point in points {
                guard let (cx, cy) = point else { previous = nil; continue }
                let x = Int((cx * 2).rounded()), y = Int((min(max(cy, 0), yLimit) * 4 + 1.5).rounded(.down))
                if let (px, py) = previous {
                    let steps = max(abs(x - px), abs(y - py), 1)
                    for s in 0...steps {
                        let t = Double(s) / Double(steps)
                        setDot(Int((Double(px) + t * Double(x - px)).rounded()), Int((Double(py) + t * Double(y - py)).rounded()), series: series)
                    }
                } else {
                    setDot(x, y, series: series)
                }
                previous = (x, y)
            }
        }

        mutating func drawPoints(_ points: [(Double, Double)], series: Int, marker: Character) {
            while path.count <= series { path.append([]) }
            for (cx, cy) in points {
                let c = Int(cx.rounded()), r = Int(cy.rounded())
                guard c >= 0, r >= 0, c < columns, r < rows else { continue }
                glyph[r][c] = marker
                owner[r][c] = series
            }
        }

        /// Puts each series' marker on its own line every few columns, offset
        /// per series so that markers of overlapping lines do not land together.
        mutating func placeMarkers(_ markers: [Character]) {
            let seriesCount = markers.count
            let spacing = max(columns / 6, 6)
            for series in 0..<min(seriesCount, path.count) {
                var nextColumn = (series * spacing) / max(seriesCount, 1) + spacing / 2
                for (r, c) in path[series] where c >= nextColumn && owner[r][c] == series {
                    glyph[r][c] = markers[series]
                    nextColumn = c + spacing
                }
            }
        }
    }
}
