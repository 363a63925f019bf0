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
/// wrap to the width. Only layout happens here: the numbers come from the
/// report, and the cells, lines, markers and axes are drawn by TerminalKit's
/// `ChartGrid`, the one chart drawer.
import Report

import Glibc
import TerminalKit

package struct TerminalPlot: Sendable {
    package var sheet: StyleSheet
    package var width: Int
    package var height: Int
    /// The plot's own words in the report's language (see `ReportRenderer.words`).
    package var words: @Sendable (String) -> String = { $0 }

    package init(sheet: StyleSheet, width: Int, height: Int = 14) {
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

    /// Where a plot's values fall: its axes (ticks as `Ticks` chooses them),
    /// the y tick labels and their width, and the grid's size.
    struct Layout {
        let xAxis: Ticks.Axis, yAxis: Ticks.Axis
        let yLabels: [String]
        let labelWidth: Int
        let columns: Int, rows: Int
        /// The references drawn (finite ones), with their index in the plot.
        let references: [(offset: Int, element: Plot.Reference)]

        /// The cell column of `x` (fractional).
        func column(_ x: Double) -> Double { (x - xAxis.low) / (xAxis.high - xAxis.low) * Double(columns - 1) }
        /// The cell row of `y` (fractional, from the top).
        func row(_ y: Double) -> Double { (yAxis.high - y) / (yAxis.high - yAxis.low) * Double(rows - 1) }
    }

    package func render(_ plot: Plot) -> [String] {
        // A log axis is drawn as a linear axis over log₁₀ x, with ticks labelled in x.
        let position: (Double) -> Double = plot.logX ? { $0 > 0 ? log10(Swift.max($0, 1e-300)) : -.infinity } : { $0 }
        let plot = plot.logX ? Self.logTransformed(plot, position) : plot
        let title = StyledText(plot.title, style: sheet.plotTitle).wrappedEncoded(width: width, color: sheet.color)
        guard let layout = layout(plot) else { return title + ["(no finite values to plot)"] }
        let grid = drawGrid(plot, layout)
        var out = title
        out += StyledText(plot.yLabel, style: sheet.axisLabel).wrapped(width: max(width - layout.labelWidth - 2, 1))
            .map { String(repeating: " ", count: layout.labelWidth + 2) + $0.encoded(color: sheet.color) }
        out += grid.rowsWithYAxis(labels: yTickRows(layout), labelWidth: layout.labelWidth, sheet: sheet, paint: paint)
        out += xAxisLines(plot, layout, grid)
        return out + legend(plot, layout, grid)
    }

    /// The axes and the grid's size, or nil when there is nothing finite to plot.
    func layout(_ plot: Plot) -> Layout? {
        let references = Array(plot.references.enumerated().filter { $0.element.y.isFinite })
        let finiteY = plot.series.flatMap { $0.y.filter(\.isFinite) } + references.map(\.element.y)
        let allX = plot.series.flatMap(\.x).filter(\.isFinite)
        guard let xMin = allX.min(), let xMax = allX.max(), !finiteY.isEmpty || plot.yRange != nil else { return nil }
        let yAxis =
            plot.yRange.map { Ticks.axis($0.lowerBound, $0.upperBound, fixed: true) }
            ?? Ticks.axis(finiteY.min()!, finiteY.max()!)
        let xAxis =
            plot.xRange.map { Ticks.axis($0.lowerBound, $0.upperBound, fixed: true) }
            ?? (plot.logX ? Ticks.logarithmicAxis(xMin, xMax) : Ticks.axis(xMin, xMax))
        let labels = yAxis.ticks.map(Ticks.label)
        let labelWidth = max(labels.map(\.count).max() ?? 1, 1)
        let (columns, rows) = gridSize(plot, labelWidth: labelWidth, xSpan: xAxis.high - xAxis.low, ySpan: yAxis.high - yAxis.low)
        return Layout(
            xAxis: xAxis, yAxis: yAxis, yLabels: labels, labelWidth: labelWidth, columns: columns, rows: rows, references: references)
    }

    /// The plotting area: each reference line in its own glyph, every other
    /// column, offset per line; then the series, as lines (with their markers) or points.
    func drawGrid(_ plot: Plot, _ layout: Layout) -> ChartGrid {
        var grid = ChartGrid(columns: layout.columns, rows: layout.rows)
        for (k, reference) in layout.references where reference.y >= layout.yAxis.low && reference.y <= layout.yAxis.high {
            let row = Int(layout.row(reference.y).rounded())
            for c in 0..<layout.columns where (c + k) % 2 == 0 {
                grid.putIfEmpty(sheet.reference(k).glyph, row: row, column: c, owner: .reference(k))
            }
        }
        for (index, series) in plot.series.enumerated() {
            let points = zip(series.x, series.y).filter { $0.0.isFinite }
            switch plot.kind {
            case .line:
                let cells = points.map { $0.1.isFinite ? (layout.column($0.0), layout.row($0.1)) : nil }
                grid.drawLine(cells, series: index, yLimit: Double(layout.rows - 1))
            case .scatter:
                grid.drawPoints(
                    points.filter { $0.1.isFinite }.map { (layout.column($0.0), layout.row($0.1)) }, series: index,
                    marker: sheet.series(index).marker, overlap: sheet.overlap.marker)
            }
        }
        if plot.kind == .line { grid.placeMarkers(plot.series.indices.map { sheet.series($0).marker }) }
        return grid
    }

    /// A run of the grid's cells in its owner's style.
    func paint(_ run: String, _ owner: ChartGrid.Owner?) -> String {
        switch owner {
        case .series(let index)?: sheet.paint(run, sheet.series(index).style)
        case .overlap?: sheet.paint(run, sheet.overlap.style)
        case .reference(let k)?: sheet.paint(run, sheet.reference(k).style)
        case nil: run
        }
    }

    /// The y tick labels by row; the ends win when two ticks share a row.
    func yTickRows(_ layout: Layout) -> [Int: String] {
        let ticks = layout.yAxis.ticks
        var tickRows: [Int: String] = [:]
        for index in ticks.indices.sorted(by: { ($0 == 0 || $0 == ticks.count - 1) && !($1 == 0 || $1 == ticks.count - 1) }) {
            let row = Int(layout.row(ticks[index]).rounded())
            if row >= 0 && row < layout.rows && tickRows[row] == nil { tickRows[row] = layout.yLabels[index] }
        }
        return tickRows
    }

    /// The x axis with ticks, the tick labels under their columns (the two
    /// ends first, kept inside the line, then the inner ones where they fit),
    /// and the x label, centred under the grid.
    func xAxisLines(_ plot: Plot, _ layout: Layout, _ grid: ChartGrid) -> [String] {
        let ticks = layout.xAxis.ticks
        let ends = [0, ticks.count - 1]
        let labels = (ends + ticks.indices.filter { !ends.contains($0) }).compactMap { index -> (column: Int, text: String)? in
            let c = Int(layout.column(ticks[index]).rounded())
            guard c >= 0 && c < layout.columns else { return nil }
            return (c, plot.logX ? Ticks.logLabel(ticks[index]) : Ticks.label(ticks[index]))
        }
        let (line, placed) = grid.xLabels(labels, margin: layout.labelWidth + 2, centred: true)
        var out = [grid.xAxis(ticks: Set(placed), labelWidth: layout.labelWidth, sheet: sheet), line]
        for label in StyledText(plot.xLabel, style: sheet.axisLabel).wrapped(width: layout.columns) {
            let indent = layout.labelWidth + 2 + max((layout.columns - label.displayWidth) / 2, 0)
            out.append(String(repeating: " ", count: indent) + label.encoded(color: sheet.color))
        }
        return out
    }

    /// The legend: each series' marker and name, the overlap marker when a
    /// cell shows it, each reference line's glyph and name.
    func legend(_ plot: Plot, _ layout: Layout, _ grid: ChartGrid) -> [String] {
        var legend = plot.series.enumerated().map { index, series in
            (String(sheet.series(index).marker) + " " + series.name, sheet.series(index).style)
        }
        if grid.hasOverlap { legend.append((String(sheet.overlap.marker) + " " + overlapName(plot.series.map(\.name)), sheet.overlap.style)) }
        legend += layout.references.map { k, reference in
            (String(repeating: sheet.reference(k).glyph, count: 3) + " " + reference.name, sheet.reference(k).style)
        }
        return wrapLegend(legend, indent: layout.labelWidth + 2)
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
}
