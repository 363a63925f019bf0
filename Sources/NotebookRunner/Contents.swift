/// The table of contents (`ganbook list`): number, id, title, demo cells
/// and quiz cards of each note, the title column giving way on a narrow
/// screen, and a hint that runs as printed.
import Localization
import Notebook
import Terminal

/// The table of contents as lines.
public struct Contents {
    public var notes: [Note]
    public var translator: Translator
    /// Added to the printed hint, so that it runs as printed (` --notes DIR`, ` --lang zh`).
    public var hintOptions: String

    public init(notes: [Note], translator: Translator, hintOptions: String) {
        self.notes = notes
        self.translator = translator
        self.hintOptions = hintOptions
    }

    public func render(sheet: StyleSheet, width: Int) -> String {
        let header = ["#", "id", "title", "demos", "cards"].map { translator($0) }
        let rows = notes.map { note in
            [String(note.number), note.id, note.title, String(note.demoCells.count), String(note.cards.count)]
        }
        let widths = (0..<header.count).map { column in
            ([header] + rows).map { $0[column].displayWidth }.max() ?? 0
        }
        // The title column gives way when the table is wider than the screen.
        let fixed = widths.enumerated().filter { $0.offset != 2 }.map(\.element).reduce(0, +) + 2 * (header.count - 1)
        let titleWidth = max(10, min(widths[2], width - fixed))

        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let w = column == 2 ? titleWidth : widths[column]
                let text = column == 2 ? truncate(cell, to: w) : cell
                let pad = String(repeating: " ", count: max(w - text.displayWidth, 0))
                return column == 0 || column >= 3 ? pad + text : text + pad  // numbers right-aligned
            }.joined(separator: "  ").trimmingTrailingSpaces.description
        }
        var out = sheet.paint(line(header), sheet.contentsHeader) + "\n"
        for row in rows { out += line(row) + "\n" }
        let cards = notes.map(\.cards.count).reduce(0, +)
        let demos = notes.map(\.demoCells.count).reduce(0, +)
        out +=
            sheet.paint(translator("\(notes.count) notes · \(demos) demo cells · \(cards) quiz cards · ganbook read ID") + hintOptions, sheet.hintStyle) + "\n"
        return out
    }

    private func truncate(_ text: String, to width: Int) -> String {
        guard text.displayWidth > width else { return text }
        var out = "", used = 0
        for c in text {
            if used + c.displayWidth > width - 1 { break }
            out.append(c)
            used += c.displayWidth
        }
        return out + "…"
    }
}
