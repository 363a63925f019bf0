/// Presents a demo's `Report` in the terminal: a title, wrapped explanatory
/// text, aligned figures and tables, and plots. Formats numbers; computes none.
import Report
import TerminalKit

package struct ReportRenderer: Sendable {
    package var sheet: StyleSheet
    package var width: Int
    package var plotHeight: Int
    /// The renderer's own few words (a plot's overlap legend) in the
    /// report's language: a translator, or English as written.
    package var words: @Sendable (String) -> String = { $0 }

    package init(sheet: StyleSheet, width: Int, plotHeight: Int = 14) {
        self.sheet = sheet
        self.width = max(width, 20)
        self.plotHeight = plotHeight
    }

    package func render(_ report: Report) -> String {
        renderLines(report).joined(separator: "\n") + "\n"
    }

    package func renderLines(_ report: Report) -> [String] {
        let title = StyledText(report.title, style: sheet.heading(2)).wrapped(width: width)
        var out = title.map { $0.encoded(color: sheet.color) }
        out.append(sheet.paint(String(repeating: sheet.reportTitleRule, count: min(title.map(\.displayWidth).max() ?? 0, width)), sheet.heading(2)))
        for item in report.items {
            out.append("")
            switch item {
            case .text(let text):
                out += StyledText(text).wrappedEncoded(width: width, color: sheet.color)
            case .figures(let figures):
                out += self.figures(figures)
            case .table(let table):
                out += self.table(table)
            case .plot(let plot):
                var plotter = TerminalPlot(sheet: sheet, width: width, height: plotHeight)
                plotter.words = words
                out += plotter.render(plot)
            case .images(let grid):
                out += StyledText(grid.title, style: sheet.tableTitle).wrappedEncoded(width: width, color: sheet.color)
                out += TerminalImages(color: sheet.color, width: width).render(grid)
            }
        }
        return out
    }

    /// Numbers padded so that their decimal points (or their ends, for whole
    /// numbers) line up; a number's "point" is its first `.`.
    static func alignedByDecimalPoint(_ texts: [String]) -> [String] {
        func split(_ text: String) -> (left: Int, right: Int) {
            guard let dot = text.firstIndex(of: ".") else { return (text.displayWidth, 0) }
            return (String(text[..<dot]).displayWidth, String(text[dot...]).displayWidth)
        }
        let parts = texts.map(split)
        let left = parts.map(\.left).max() ?? 0, right = parts.map(\.right).max() ?? 0
        return zip(texts, parts).map { text, part in
            String(repeating: " ", count: left - part.left) + text + String(repeating: " ", count: right - part.right)
        }
    }

    /// Name, value (aligned by decimal point), unit, each in its own column,
    /// then the note, wrapped beside them or under them.
    func figures(_ figures: [Figure]) -> [String] {
        let nameWidth = figures.map(\.name.displayWidth).max() ?? 0
        let values = Self.alignedByDecimalPoint(figures.map(\.value.formatted))
        let valueWidth = values.map(\.displayWidth).max() ?? 0
        let unitWidth = figures.map { $0.unit?.displayWidth ?? 0 }.max() ?? 0
        var out: [String] = []
        for (figure, value) in zip(figures, values) {
            let name = figure.name + String(repeating: " ", count: nameWidth - figure.name.displayWidth)
            let unit = (figure.unit ?? "") + String(repeating: " ", count: unitWidth - (figure.unit?.displayWidth ?? 0))
            var line = "  " + name + "  " + sheet.paint(value, sheet.figureValue) + (unitWidth > 0 ? " " + unit : "")
            var note = figure.note
            if case .infinite(let reason) = figure.value { note = reason + (note.map { "; " + $0 } ?? "") }
            guard let note else { out.append(String(line.trimmingTrailingSpaces)); continue }
            let indent = 2 + nameWidth + 2 + valueWidth + (unitWidth > 0 ? 1 + unitWidth : 0) + 2
            let noteLines = StyledText(note, style: sheet.hintStyle).wrapped(width: max(width - indent, 20))
            if indent + 20 <= width {
                line += "  " + noteLines[0].encoded(color: sheet.color)
                out.append(line)
                out += noteLines.dropFirst().map { String(repeating: " ", count: indent) + $0.encoded(color: sheet.color) }
            } else {
                out.append(String(line.trimmingTrailingSpaces))
                out += StyledText(note, style: sheet.hintStyle).wrapped(width: max(width - 4, 1)).map { "    " + $0.encoded(color: sheet.color) }
            }
        }
        return out
    }

    /// Columns of numbers right-aligned and lined up by decimal point, text
    /// left-aligned. Headers wrap (CJK-aware) when the table is wider than the
    /// screen; when even that does not fit, each row becomes a list of
    /// `column: value` lines.
    func table(_ table: Table) -> [String] {
        let columns = table.columns.indices
        let numeric = columns.map { c in table.rows.allSatisfy { c >= $0.count || $0[c].isNumeric || $0[c] == .missing } }
        var cells = table.rows.map { row in columns.map { c in c < row.count ? row[c].formatted : "" } }
        for c in columns where numeric[c] {
            let aligned = Self.alignedByDecimalPoint(cells.map { $0[c] })
            for r in cells.indices { cells[r][c] = aligned[r] }
        }
        let cellWidths = columns.map { c in cells.map { $0[c].displayWidth }.max() ?? 0 }
        let headerWidths = table.columns.map(\.displayWidth)
        var out: [String] = []
        if let title = table.title {
            out += StyledText(title, style: sheet.tableTitle).wrappedEncoded(width: width, color: sheet.color)
        }
        // Separate by 2 and indent by 2 when that fits; tighten, then wrap headers, when it does not.
        func total(_ widths: [Int], _ gap: Int) -> Int { widths.reduce(0, +) + gap * (widths.count - 1) }
        var widths = columns.map { max(cellWidths[$0], headerWidths[$0]) }
        var gap = 2
        if total(widths, 2) + 2 > width { gap = total(widths, 2) <= width ? 2 : 1 }
        if total(widths, gap) > width {
            // Headers wrap to their column's cells (at least their longest word).
            widths = columns.map { c in
                max(cellWidths[c], table.columns[c].split(separator: " ").map { String($0).displayWidth }.max() ?? 0, 1)
            }
            if total(widths, 1) > width { return out + records(table.columns, cells) }
            gap = total(widths, 2) <= width ? 2 : 1
        }
        let indent = total(widths, gap) + 2 <= width ? "  " : ""
        let separator = String(repeating: " ", count: gap)
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: max(widths[c] - text.displayWidth, 0))
                return numeric[c] ? pad + text : text + pad
            }.joined(separator: separator).trimmingTrailingSpaces.description
        }
        let headerLines = columns.map { c in StyledText(table.columns[c]).wrapped(width: widths[c]).map(\.plainText) }
        let headerHeight = headerLines.map(\.count).max() ?? 1
        for k in 0..<headerHeight {
            // A wrapped header sits at the bottom, against its column.
            let row = columns.map { c in k >= headerHeight - headerLines[c].count ? headerLines[c][k - (headerHeight - headerLines[c].count)] : "" }
            out.append(indent + sheet.paint(line(row), sheet.tableHeader))
        }
        out += cells.map { indent + line($0) }
        return out
    }

    /// A table too wide for the screen: each row as `column: value` lines
    /// (the value under its column's name when the two do not fit on one).
    func records(_ columns: [String], _ cells: [[String]]) -> [String] {
        var out: [String] = []
        for row in cells {
            out.append("")
            for (column, value) in zip(columns, row) {
                let value = String(value.drop(while: { $0 == " " }).trimmingTrailingSpaces)
                var text = StyledText(column + ":", style: sheet.tableHeader)
                if 2 + text.displayWidth + 1 + value.displayWidth <= width {
                    text.append(" " + value)
                    out.append("  " + text.encoded(color: sheet.color))
                    continue
                }
                out += text.wrapped(width: max(width - 2, 1)).map { "  " + $0.encoded(color: sheet.color) }
                out += StyledText(value).wrapped(width: max(width - 4, 1)).map { "    " + $0.encoded(color: sheet.color) }
            }
        }
        return out
    }
}
