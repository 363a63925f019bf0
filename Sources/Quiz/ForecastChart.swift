/// The forecast as a bar chart: a column per day, filled by eighths, the count
/// scale on the left, and day marks under it, drawn on TerminalKit's
/// `ChartGrid`. Every glyph and colour comes from the style sheet (its bar
/// eighths, axis glyphs and series style), so the plain sheet (`NO_COLOR`, a
/// pipe) draws it without an escape.
import Localization
import TerminalKit

extension QuizOverview {
    package func forecastChart(width: Int, sheet: StyleSheet, height: Int = 6, language: Language = .en) -> String {
        let words = QuizWords.of(language)
        let top = max(forecast.max() ?? 0, 1)
        let label = String(top).count
        let column = width >= label + 3 + 2 * forecast.count ? 2 : 1
        let grid = bars(height: height, column: column, sheet)
        // The count's scale: the top on the top row, a tick on every row, 0 at the corner.
        let ticks = Dictionary(uniqueKeysWithValues: (0..<height).map { ($0, $0 == 0 ? String(top) : "") })
        let rows = grid.rowsWithYAxis(labels: ticks, labelWidth: label, sheet: sheet) { run, _ in sheet.paint(run, sheet.series(0).style) }
        var out = sheet.paint(words(.statsChart, ["days": "\(forecast.count)"]), sheet.plotTitle) + "\n"
        out += rows.map { $0 + "\n" }.joined()
        out += grid.xAxis(cornerLabel: "0", labelWidth: label, sheet: sheet) + "\n"
        return out + marks(grid, today: words(.statsToday), column: column, margin: label + 2) + "\n"
    }

    /// The bars: a cell per day (and a space after it in two-column days), all
    /// the series' so that a row is painted as one run; a day with reviews
    /// shows at least the lowest eighth on the bottom row.
    func bars(height: Int, column: Int, _ sheet: StyleSheet) -> ChartGrid {
        let top = max(forecast.max() ?? 0, 1)
        var grid = ChartGrid(columns: forecast.count * column, rows: height)
        for (day, count) in forecast.enumerated() {
            let eighths = Int((Double(count) / Double(top) * Double(height * 8)).rounded())
            for row in 0..<height {
                let filled = min(max(eighths - row * 8, 0), 8)
                let bar = sheet.barEighths[count > 0 && row == 0 && filled == 0 ? 1 : filled]
                grid.put(bar, row: height - 1 - row, column: day * column, owner: .series(0))
                if column == 2 { grid.put(" ", row: height - 1 - row, column: day * column + 1, owner: .series(0)) }
            }
        }
        return grid
    }

    /// The day marks under the axis: today, +7, +14, +21 and the last day,
    /// each starting at its day's column where it fits.
    func marks(_ grid: ChartGrid, today: String, column: Int, margin: Int) -> String {
        let days = [(0, today), (7, "+7"), (14, "+14"), (21, "+21"), (forecast.count - 1, "+\(forecast.count - 1)")]
        return grid.xLabels(days.map { (column: $0.0 * column, text: $0.1) }, margin: margin, centred: false, overhang: 6).line
    }
}
