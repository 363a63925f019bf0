/// A demo's report as HTML: explanatory paragraphs, figures as a definition
/// table, tables as HTML tables, plots and image grids as inline SVG. Formats numbers; computes
/// none.
import Report

package enum ReportHTML {
    /// `id` prefixes the ids inside (one report's plots must not clash with another's).
    package static func render(_ report: Report, id: String) -> String {
        var plots = 0
        var html = "<section class=\"report\"><h4>\(escape(report.title))</h4>"
        for item in report.items {
            switch item {
            case .text(let text):
                html += "<p>\(escape(text))</p>"
            case .figures(let figures):
                html += "<table class=\"figures\"><tbody>"
                for figure in figures {
                    var note = figure.note
                    if case .infinite(let reason) = figure.value { note = reason + (note.map { "; " + $0 } ?? "") }
                    html +=
                        "<tr><th scope=\"row\">\(escape(figure.name))</th><td class=\"num\">\(escape(figure.value.formatted + (figure.unit.map { " " + $0 } ?? "")))</td><td class=\"note\">\(escape(note ?? ""))</td></tr>"
                }
                html += "</tbody></table>"
            case .table(let table):
                html += "<div class=\"table-wrap\"><table>"
                if let title = table.title { html += "<caption>\(escape(title))</caption>" }
                html += "<thead><tr>" + table.columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                for row in table.rows {
                    html += "<tr>" + row.map { "<td\($0.isNumeric ? " class=\"num\"" : "")>\(escape($0.formatted))</td>" }.joined() + "</tr>"
                }
                html += "</tbody></table></div>"
            case .plot(let plot):
                plots += 1
                // The title goes above its plot, as in the terminal: a caption
                // below would sit right above the next plot and read as its label.
                html +=
                    "<figure class=\"plot\"><figcaption>\(escape(plot.title))</figcaption>\(SVGPlot.render(plot, id: "\(id)-plot\(plots)"))</figure>"
            case .images(let grid):
                html += "<figure class=\"images\"><figcaption>\(escape(grid.title))</figcaption>\(SVGImages.render(grid))</figure>"
            }
        }
        return html + "</section>"
    }
}
