/// The table of contents (`ganbook list`): number, id, title, demo cells
/// and quiz cards of each note, the title column giving way on a narrow
/// screen, and a hint that runs as printed.
import Cells
import Localization
import Notebook
import TerminalKit

/// The table of contents as lines.
package struct Contents {
    /// What the contents shows of a note: a note's parsed tree is dropped as
    /// soon as its row is made, so that listing holds one tree at a time.
    package struct Entry: Sendable, Equatable {
        package var number: Int
        package var id: String
        package var title: String
        package var demoCells: Int
        package var cards: Int

        package init(_ note: Note) {
            self.init(number: note.number, id: note.id, title: note.title, demoCells: note.demoCells.count, cards: note.cards.count)
        }

        package init(number: Int, id: String, title: String, demoCells: Int, cards: Int) {
            (self.number, self.id, self.title, self.demoCells, self.cards) = (number, id, title, demoCells, cards)
        }
    }

    package var entries: [Entry]
    package var translator: Translator
    /// Added to the printed hint, so that it runs as printed (` --notes DIR`, ` --lang zh`).
    package var hintOptions: String

    package init(entries: [Entry], translator: Translator, hintOptions: String) {
        self.entries = entries
        self.translator = translator
        self.hintOptions = hintOptions
    }

    /// The contents of every note of `notebook`, read one by one.
    package init(notebook: Notebook, translator: Translator, hintOptions: String) throws(NotebookError) {
        var entries: [Entry] = []
        for file in notebook.files { entries.append(Entry(try notebook.load(file))) }
        self.init(entries: entries, translator: translator, hintOptions: hintOptions)
    }

    package func render(sheet: StyleSheet, width: Int) -> String {
        let header = ["#", "id", "title", "demos", "cards"].map { translator($0) }
        let rows = entries.map { entry in
            [String(entry.number), entry.id, entry.title, String(entry.demoCells), String(entry.cards)]
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
        let cards = entries.reduce(0) { $0 + $1.cards }
        let demos = entries.reduce(0) { $0 + $1.demoCells }
        out +=
            sheet.paint(translator("\(entries.count) notes · \(demos) demo cells · \(cards) quiz cards · ganbook read ID") + hintOptions, sheet.hintStyle)
            + "\n"
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
