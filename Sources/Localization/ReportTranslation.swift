/// A report with its words in another language: the title, sentences,
/// names, units, notes, headers, legends and labels go through the table;
/// every number stays as it is.
import Report

extension Translator {
    package func translate(_ report: Report) -> Report {
        guard language != .en else { return report }
        var out = Report(title: self(report.title))
        out.items = report.items.map { item in
            switch item {
            case .text(let text):
                return .text(self(text))
            case .figures(let figures):
                return .figures(
                    figures.map { f in
                        Figure(self(f.name), translate(f.value), unit: f.unit.map { self($0) }, note: f.note.map { self($0) })
                    })
            case .table(let table):
                return .table(
                    Table(
                        title: table.title.map { self($0) }, columns: table.columns.map { self($0) },
                        rows: table.rows.map { $0.map(translate) }))
            case .plot(var plot):
                plot.title = self(plot.title)
                plot.xLabel = self(plot.xLabel)
                plot.yLabel = self(plot.yLabel)
                plot.series = plot.series.map { Plot.Series(name: self($0.name), x: $0.x, y: $0.y) }
                plot.references = plot.references.map { Plot.Reference(name: self($0.name), y: $0.y) }
                return .plot(plot)
            case .images(var grid):
                grid.title = self(grid.title)
                return .images(grid)
            }
        }
        return out
    }

    func translate(_ value: Value) -> Value {
        switch value {
        case .text(let text): return .text(self(text))
        case .infinite(let reason): return .infinite(reason: self(reason))
        case .count(let n, let total):
            // A keyed form, not a pattern over English sentences ("{1} of {2}" would catch unrelated text).
            return .text(MessageCatalogue.reports(language)("count.of", ["n": String(n), "total": String(total)]))
        default: return value
        }
    }
}
