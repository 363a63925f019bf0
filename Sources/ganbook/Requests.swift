/// What `ganbook read` and `ganbook list` do, as plain values that their
/// ArgumentParser commands fill.
import Cells
import Installation
import Localization
import Notebook
import Terminal
import TerminalKit

/// `read NOTE[#heading]`: the note rendered for the terminal, paged when long.
package struct ReadRequest: Equatable {
    package var note: String
    package var source = NotebookSource()
    package var width: Int? = nil
    package var color: ColorChoice = .auto
    package var pager = true
    /// `--run`: show the demo cells' outputs (cached in the data folder).
    package var runCells = false
    package var refresh = false
    package var dataFolder: String? = nil

    package init(
        note: String, source: NotebookSource = NotebookSource(), width: Int? = nil, color: ColorChoice = .auto, pager: Bool = true,
        runCells: Bool = false, refresh: Bool = false, dataFolder: String? = nil
    ) {
        (self.note, self.source, self.width, self.color, self.pager) = (note, source, width, color, pager)
        (self.runCells, self.refresh, self.dataFolder) = (runCells, refresh, dataFolder)
    }

    package func run() throws {
        let translator = Translator.forLanguage(try source.language)
        let status = CellRunStatus(words: translator.words)
        let runner = runCells ? CellRunner(cache: CellCache(dataFolder: DataFolder.resolve(flag: dataFolder)), refresh: refresh, observer: status) : nil
        let lines = try NoteReading.lines(
            of: note, in: try source.load(), sheet: StyleSheet(color: TerminalEnvironment.colorEnabled(color)),
            width: TerminalEnvironment.width(requested: width), translator: translator, hintOptions: source.hintOptions, running: runner)
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines { text += line; text += "\n" }
        Pager.show(text, lineCount: lines.count, enabled: pager, title: "ganbook read \(note)")
    }
}

/// `list`: the contents of the notebook.
package struct ListRequest: Equatable {
    package var source: NotebookSource
    package var width: Int?
    package var color: ColorChoice

    package init(source: NotebookSource = NotebookSource(), width: Int? = nil, color: ColorChoice = .auto) {
        (self.source, self.width, self.color) = (source, width, color)
    }

    package func run() throws {
        let contents = try Contents(notebook: try source.load(), translator: .forLanguage(try source.language), hintOptions: source.hintOptions)
        Output.write(contents.render(sheet: StyleSheet(color: TerminalEnvironment.colorEnabled(color)), width: TerminalEnvironment.width(requested: width)))
    }
}
