/// Plots for the terminal: line plots drawn in Unicode braille (2×4 dots per
/// cell), scatter plots on a character grid, both with axes, tick labels and a
/// legend.
///
/// Series are told apart by colour and by a marker character (`*`, `o`, `+`,
/// …): a line carries its marker every few columns, a scatter point is its
/// marker, and a cell holding points of two series shows the overlap marker
/// (`◆`), so neither hides the other. Reference lines each have their own
/// glyph (`···`, `- -`, …). Every axis has at least four labelled ticks, its
/// ends labelled (`Ticks.axis`). Markers, glyphs and colours come from the
/// style sheet, so a plot stays readable without colour; the title and labels
/// wrap to the width. Only layout happens here: the numbers come from the report.
import Report

import Glibc
import TerminalKit

public struct TerminalPlot: Sendable {
    public var sheet: StyleSheet
    public var width: Int
    public var height: Int
    /// The plot's own words in the report's language (see `ReportRenderer.words`).
    public var words: @Sendable (String) -> String = { $0 }

    public init(sheet: StyleSheet, width: Int, height: Int = 14) {
        self.sheet = sheet
        self.width = width
        self.height = max(height, 4)
    }

    /// The plotting area in cells: the full width and `height` rows; for an
    /// equal-scale plot, the largest area within `equalScaleRows` rows and the
    /// width in which a unit of y is as long as a unit of x, taking a cell to be
    /// twice as high as it is wide.
    func gridSize(_ plot: Plot, labelWidth: Int, xSpan: Double, ySpan: Double) -> (columns: Int, rows: Int) {
        let columns = max(width - labelWidth - 2, 10)
        guard plot.equalScale, xSpan > 0, ySpan > 0 else { return (columns, height) }
        let rows = Int((ySpan / (2 * xSpan) * Double(columns - 1)).rounded()) + 1
        if rows <= Self.equalScaleRows { return (columns, max(rows, 4)) }
        let narrower = Int((2 * xSpan / ySpan * Double(Self.equalScaleRows - 1)).rounded()) + 1
        return (max(min(narrower, columns), 10), Self.equalScaleRows)
    }

    /// The most rows an equal-scale plot takes.
    static let equalScaleRows = 20

    /// Owner codes in `Grid.owner` besides a series' index.
    static let overlapOwner = -2
    static func referenceOwner(_ k: Int) -> Int { -10 - k }

    public func render(_ plot: Plot) -> [String] {
        // A log axis is drawn as a linear axis over log₁₀ x, with ticks labelled in x.
        let position: (Double) -> Double = plot.logX ? { $0 > 0 ? log10(Swift.max($0, 1e-300)) : -.infinity } : { $0 }
        let plot = plot.logX ? Self.logTransformed(plot, position) : plot
        let references = plot.references.enumerated().filter { $0.element.y.isFinite }
        let finiteY = plot.series.flatMap { $0.y.filter(\.isFinite) } + references.map(\.element.y)
        let allX = plot.series.flatMap(\.x).filter(\.isFinite)
        let title = StyledText(plot.title, style: sheet.plotTitle).wrappedEncoded(width: width, color: sheet.color)
        guard let xMin = allX.min(), let xMax = allX.max(), !finiteY.isEmpty || plot.yRange != nil else {
            return title + ["(no finite values to plot)"]
        }
        let yAxis =
            plot.yRange.map { Ticks.axis($0.lowerBound, $0.upperBound, fixed: true) }
            ?? Ticks.axis(finiteY.min()!, finiteY.max()!)
        let xAxis =
            plot.xRange.map { Ticks.axis($0.lowerBound, $0.upperBound, fixed: true) }
            ?? (plot.logX ? Ticks.logarithmicAxis(xMin, xMax) : Ticks.axis(xMin, xMax))
        let (yMin, yMax) = (yAxis.low, yAxis.high)
        let xSpan = (xAxis.low, xAxis.high)
        let logX = plot.logX
        func xLabel(_ t: Double) -> String { logX ? Ticks.logLabel(t) : Ticks.label(t) }

        let labels = yAxis.ticks.map(Ticks.label)
        let labelWidth = max(labels.map(\.count).max() ?? 1, 1)
        let (columns, rows) = gridSize(plot, labelWidth: labelWidth, xSpan: xSpan.1 - xSpan.0, ySpan: yMax - yMin)

        var grid = Grid(columns: columns, rows: rows)
        let toColumn = { (x: Double) -> Double in (x - xSpan.0) / (xSpan.1 - xSpan.0) * Double(columns - 1) }
        let toRow = { (y: Double) -> Double in (yMax - y) / (yMax - yMin) * Double(rows - 1) }

        // Each reference line in its own glyph, every other column, offset per line.
        for (k, reference) in references where reference.y >= yMin && reference.y <= yMax {
            let row = Int(toRow(reference.y).rounded())
            for c in 0..<columns where grid.owner[row][c] == nil && (c + k) % 2 == 0 {
                grid.glyph[row][c] = sheet.reference(k).glyph
                grid.owner[row][c] = Self.referenceOwner(k)
            }
        }
        for (index, series) in plot.series.enumerated() {
            let points = zip(series.x, series.y).filter { $0.0.isFinite }
            switch plot.kind {
            case .line:
                grid.drawLine(points.map { ($0.0.isFinite && $0.1.isFinite) ? (toColumn($0.0), toRow($0.1)) : nil }, series: index, yLimit: Double(rows - 1))
            case .scatter:
                grid.drawPoints(
                    points.filter { $0.1.isFinite }.map { (toColumn($0.0), toRow($0.1)) }, series: index,
                    marker: sheet.series(index).marker, overlap: sheet.overlap.marker)
            }
        }
        if plot.kind == .line { grid.placeMarkers(plot.series.indices.map { sheet.series($0).marker }) }

        var out = title
        out += StyledText(plot.yLabel, style: sheet.axisLabel).wrapped(width: max(width - labelWidth - 2, 1))
            .map { String(repeating: " ", count: labelWidth + 2) + $0.encoded(color: sheet.color) }
        // y tick labels by row; the ends win when two ticks share a row.
        var tickRows: [Int: String] = [:]
        for index in yAxis.ticks.indices.sorted(by: { ($0 == 0 || $0 == yAxis.ticks.count - 1) && !($1 == 0 || $1 == yAxis.ticks.count - 1) }) {
            let row = Int(toRow(yAxis.ticks[index]).rounded())
            if row >= 0 && row < rows && tickRows[row] == nil { tickRows[row] = labels[index] }
        }
        for r in 0..<rows {
            let label = tickRows[r] ?? ""
            let pad = String(repeating: " ", count: labelWidth - label.count)
            let axis = String(tickRows[r] != nil ? sheet.axisTick : sheet.axisVertical)
            out.append(pad + label + " " + sheet.paint(axis, sheet.frame) + renderRow(grid, r))
        }
        // x axis with ticks, then tick labels under their columns: the two ends
        // first (kept inside the line), then the inner ones where they fit.
        var axis = Array(repeating: sheet.axisHorizontal, count: columns)
        var tickLine = Array(repeating: Character(" "), count: columns + labelWidth + 2)
        var taken = Array(repeating: false, count: tickLine.count)
        let ends = [0, xAxis.ticks.count - 1]
        for index in ends + xAxis.ticks.indices.filter({ !ends.contains($0) }) {
            let tick = xAxis.ticks[index]
            let c = Int(toColumn(tick).rounded())
            guard c >= 0 && c < columns else { continue }
            let text = Array(xLabel(tick))
            var start = labelWidth + 2 + c - text.count / 2
            start = min(max(start, 0), max(tickLine.count - text.count, 0))
            let span = max(start - 1, 0)..<min(start + text.count + 1, tickLine.count)
            if index != ends[0] && taken[span].contains(true) { continue }
            axis[c] = sheet.axisTickDown
            for (i, ch) in text.enumerated() where start + i < tickLine.count { tickLine[start + i] = ch; taken[start + i] = true }
        }
        out.append(String(repeating: " ", count: labelWidth) + " " + sheet.paint(String(sheet.axisCorner) + String(axis), sheet.frame))
        out.append(String(String(tickLine).trimmingTrailingSpaces))
        for line in StyledText(plot.xLabel, style: sheet.axisLabel).wrapped(width: columns) {
            out.append(String(repeating: " ", count: labelWidth + 2 + max((columns - line.displayWidth) / 2, 0)) + line.encoded(color: sheet.color))
        }
        var legend = plot.series.enumerated().map { index, series in
            (String(sheet.series(index).marker) + " " + series.name, sheet.series(index).style)
        }
        if grid.hasOverlap { legend.append((String(sheet.overlap.marker) + " " + overlapName(plot.series.map(\.name)), sheet.overlap.style)) }
        legend += references.map { k, reference in
            (String(repeating: sheet.reference(k).glyph, count: 3) + " " + reference.name, sheet.reference(k).style)
        }
        out += wrapLegend(legend, indent: labelWidth + 2)
        return out
    }

    /// What the overlap marker means: both series' names for two, else "several".
    func overlapName(_ names: [String]) -> String {
        guard names.count == 2 else { return words("several series") }
        return words("{1} and {2}").replacing("{1}", with: names[0]).replacing("{2}", with: names[1])
    }

    /// The plot with every x replaced by log₁₀ x (non-positive x become gaps).
    static func logTransformed(_ plot: Plot, _ position: (Double) -> Double) -> Plot {
        var copy = plot
        copy.series = plot.series.map { Plot.Series(name: $0.name, x: $0.x.map(position), y: $0.y) }
        return copy
    }

    /// Legend entries side by side, three spaces apart, wrapped to the width;
    /// an entry wider than the line wraps on its own.
    private func wrapLegend(_ entries: [(text: String, style: TextStyle)], indent: Int) -> [String] {
        let indent = width - indent >= 10 ? indent : 0
        let room = max(width - indent, 1)
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = "", used = 0
        for entry in entries {
            let visible = entry.text.displayWidth
            if used > 0 && used + 3 + visible > room { lines.append(pad + line); line = ""; used = 0 }
            if visible > room {
                let rows = StyledText(entry.text, style: entry.style).wrapped(width: room)
                lines += rows.dropLast().map { pad + $0.encoded(color: sheet.color) }
                line = rows.last!.encoded(color: sheet.color)
                used = rows.last!.displayWidth
                continue
            }
            if used > 0 { line += "   "; used += 3 }
            line += sheet.paint(entry.text, entry.style)
            used += visible
        }
        lines.append(pad + line)
        return lines
    }

    private func renderRow(_ grid: Grid, _ r: Int) -> String {
        var out = ""
        var run = "", runOwner: Int? = nil
        func flush() {
            guard !run.isEmpty else { return }
            if let owner = runOwner, owner >= 0 {
                out += sheet.paint(run, sheet.series(owner).style)
            } else if runOwner == TerminalPlot.overlapOwner {
                out += sheet.paint(run, sheet.overlap.style)
            } else if let owner = runOwner, owner <= TerminalPlot.referenceOwner(0) {
                out += sheet.paint(run, sheet.reference(TerminalPlot.referenceOwner(0) - owner).style)
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
            if glyph[r][c] != nil, let o = owner[r][c], o <= TerminalPlot.referenceOwner(0) { glyph[r][c] = nil }  // a line covers a reference mark
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
                guard cx.isFinite, cy.isFinite else { previous = nil; continue }
                let x = Int((min(max(cx, -1), Double(columns)) * 2).rounded()), y = Int((min(max(cy, 0), yLimit) * 4 + 1.5).rounded(.down))
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

        /// Whether a scatter cell holds points of two or more series.
        var hasOverlap = false

        /// Scatter points; a cell that already holds another series' point
        /// shows `overlap`, so that no series hides another.
        mutating func drawPoints(_ points: [(Double, Double)], series: Int, marker: Character, overlap: Character) {
            while path.count <= series { path.append([]) }
            for (cx, cy) in points {
                // Range checks before converting: a point far outside a fixed range must not trap.
                guard cx.isFinite, cy.isFinite, cx > -0.5, cy > -0.5, cx < Double(columns) - 0.5, cy < Double(rows) - 0.5 else { continue }
                let c = Int(cx.rounded()), r = Int(cy.rounded())
                if let other = owner[r][c], other >= 0 || other == TerminalPlot.overlapOwner, other != series {
                    glyph[r][c] = overlap
                    owner[r][c] = TerminalPlot.overlapOwner
                    hasOverlap = true
                } else if owner[r][c] != TerminalPlot.overlapOwner {
                    glyph[r][c] = marker
                    owner[r][c] = series
                }
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
