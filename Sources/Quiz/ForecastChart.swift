/// The forecast as a bar chart: a column per day, filled by eighths, the count
/// scale on the left, and day marks under it. Every glyph and colour comes from
/// the style sheet (its bar eighths, axis glyphs and series style), so the
/// plain sheet (`NO_COLOR`, a pipe) draws it without an escape.
import Localization
import TerminalKit

extension QuizOverview {
    public func forecastChart(width: Int, sheet: StyleSheet, height: Int = 6, language: Language = .en) -> String {
        let words = QuizWords.of(language)
        let top = max(forecast.max() ?? 0, 1)
        let label = String(top).count
        let column = width >= label + 3 + 2 * forecast.count ? 2 : 1
        var out = sheet.paint(words(.statsChart, ["days": "\(forecast.count)"]), sheet.plotTitle) + "\n"
        for row in stride(from: height - 1, through: 0, by: -1) {
            let tick = row == height - 1 ? String(top) : ""
            let axis = String(repeating: " ", count: label - tick.count) + tick + " " + sheet.paint(String(sheet.axisTick), sheet.frame)
            out += axis + sheet.paint(bars(row: row, height: height, column: column, sheet), sheet.series(0).style) + "\n"
        }
        let corner = String(sheet.axisCorner) + String(repeating: sheet.axisHorizontal, count: forecast.count * column)
        out += String(repeating: " ", count: label - 1) + "0 " + sheet.paint(corner, sheet.frame) + "\n"
        return out + String(repeating: " ", count: label + 2) + marks(today: words(.statsToday), column: column) + "\n"
    }

    /// One row of bars: a cell per day (and a space after it in two-column days); a
    /// day with reviews shows at least the lowest eighth on the bottom row.
    func bars(row: Int, height: Int, column: Int, _ sheet: StyleSheet) -> String {
        let top = max(forecast.max() ?? 0, 1)
        var bars = ""
        for count in forecast {
            let eighths = Int((Double(count) / Double(top) * Double(height * 8)).rounded())
            let filled = min(max(eighths - row * 8, 0), 8)
            bars.append(sheet.barEighths[count > 0 && row == 0 && filled == 0 ? 1 : filled])
            if column == 2 { bars.append(" ") }
        }
        while bars.last == " " { bars.removeLast() }
        return bars
    }

    /// The day marks under the axis: today, +7, +14, +21 and the last day, each
    /// where it fits. A cell per column; a wide character (今天) takes two, the second left empty.
    func marks(today: String, column: Int) -> String {
        var cells = [String](repeating: " ", count: forecast.count * column + 6)
        for (day, text) in [(0, today), (7, "+7"), (14, "+14"), (21, "+21"), (forecast.count - 1, "+\(forecast.count - 1)")] {
            let at = day * column
            let mark = text.flatMap { c in String(c).displayWidth == 2 ? [String(c), ""] : [String(c)] }
            guard at + mark.count <= cells.count, cells[max(at - 1, 0)..<at + mark.count].allSatisfy({ $0 == " " }) || day == 0 else { continue }
            for (i, c) in mark.enumerated() { cells[at + i] = c }
        }
        var line = cells.joined()
        while line.last == " " { line.removeLast() }
        return line
    }
}
