/// Presents a demo's `Report` in the terminal: a title, wrapped explanatory
/// text, aligned figures and tables, and plots. Formats numbers; computes none.
import Report

public struct ReportRenderer: Sendable {
    /// Bump when the terminal presentation of a report changes: cached
    /// terminal text of another version is rendered again.
    public static let version = 2

    public var sheet: StyleSheet
    public var width: Int
    public var plotHeight: Int

    public init(sheet: StyleSheet, width: Int, plotHeight: Int = 14) {
        self.sheet = sheet
        self.width = max(width, 20)
        self.plotHeight = plotHeight
    }

    public func render(_ report: Report) -> String {
        renderLines(report).joined(separator: "\n") + "\n"
    }

    public func renderLines(_ report: Report) -> [String] {
        let title = StyledText(report.title, style: sheet.heading(2)).wrapped(width: width)
        var out = title.map { $0.encoded(color: sheet.color) }
        out.append(sheet.paint(String(repeating: sheet.reportTitleRule, count: min(title.map(\.displayWidth).max() ?? 0, width)), sheet.heading(2)))
        for item in report.items {
            out.append("")
            switch item {
            case .text(let text):
                out += StyledText(text).wrapped(width: width).map { $0.encoded(color: sheet.color) }
            case .figures(let figures):
                out += self.figures(figures)
            case .table(let table):
                out += self.table(table)
            case .plot(let plot):
                out += TerminalPlot(sheet: sheet, width: width, height: plotHeight).render(plot)
            }
        }
        return out
    }

    func figures(_ figures: [Figure]) -> [String] {
        let nameWidth = figures.map(\.name.displayWidth).max() ?? 0
        let values = figures.map { $0.value.formatted + ($0.unit.map { " " + $0 } ?? "") }
        let valueWidth = values.map(\.displayWidth).max() ?? 0
        var out: [String] = []
        for (figure, value) in zip(figures, values) {
            let name = figure.name + String(repeating: " ", count: nameWidth - figure.name.displayWidth)
            let paddedValue = String(repeating: " ", count: valueWidth - value.displayWidth) + value
            var line = "  " + name + "  " + sheet.paint(paddedValue, sheet.figureValue)
            var note = figure.note
            if case .infinite(let reason) = figure.value { note = reason + (note.map { "; " + $0 } ?? "") }
            guard let note else { out.append(line); continue }
            let indent = 2 + nameWidth + 2 + valueWidth + 2
            let noteLines = StyledText(note, style: sheet.hintStyle).wrapped(width: max(width - indent, 20))
            if indent + noteLines[0].displayWidth <= width || width - indent >= 20 {
                line += "  " + noteLines[0].encoded(color: sheet.color)
                out.append(line)
                out += noteLines.dropFirst().map { String(repeating: " ", count: indent) + $0.encoded(color: sheet.color) }
            } else {
                out.append(line)
                out += StyledText(note, style: sheet.hintStyle).wrapped(width: width - 4).map { "    " + $0.encoded(color: sheet.color) }
            }
        }
        return out
    }

    func table(_ table: Table) -> [String] {
        let cells = table.rows.map { $0.map(\.formatted) }
        let widths = table.columns.indices.map { c in
            ([table.columns[c].displayWidth] + cells.map { c < $0.count ? $0[c].displayWidth : 0 }).max() ?? 0
        }
        let numeric = table.columns.indices.map { c in table.rows.allSatisfy { c >= $0.count || $0[c].isNumeric || $0[c] == .missing } }
        // Indent by 2 and separate by 2 when that fits; tighten when it does not.
        let content = widths.reduce(0, +)
        let separator = content + 2 * (widths.count - 1) <= width ? "  " : " "
        let indent = content + separator.count * (widths.count - 1) + 2 <= width ? "  " : ""
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: max(widths[c] - text.displayWidth, 0))
                return numeric[c] ? pad + text : text + pad
            }.joined(separator: separator).trimmingTrailingSpaces.description
        }
        var out: [String] = []
        if let title = table.title {
            out += StyledText(title, style: sheet.tableTitle).wrapped(width: width).map { $0.encoded(color: sheet.color) }
        }
        out.append(indent + sheet.paint(line(table.columns), sheet.tableHeader))
        out += cells.map { indent + line($0) }
        return out
    }
}
