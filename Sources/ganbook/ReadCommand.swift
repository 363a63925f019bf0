/// `ganbook read NOTE`: one note, rendered for the terminal, paged when long.
import ArgumentParser
import Demos
import Markdown
import Notebook
import Installation
import Terminal

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a note.",
        discussion: "NOTE is an id (objective), a number from the contents (3), or a unique prefix (obj)."
    )

    @Argument(help: "The note to read.")
    var note: String

    @OptionGroup var notebook: NotebookOptions
    @OptionGroup var display: DisplayOptions

    @Flag(name: .long, help: "Never send output through $PAGER.")
    var noPager = false

    @Flag(name: .customLong("run"), help: "Run the note's demo cells and show their outputs under them (cached in the data folder).")
    var runCells = false

    @Flag(help: "With --run: recompute every cell instead of using the cache.")
    var refresh = false

    @Option(help: ArgumentHelp("The data folder for cached outputs (default $GANBOOK_DATA, else $XDG_DATA_HOME/ganbook, else ~/.local/share/ganbook).", valueName: "dir"))
    var data: String?

    var request: ReadRequest {
        ReadRequest(note: note, notesFolder: notebook.notes, width: display.width, color: display.color, pager: !noPager,
                    runCells: runCells, refresh: refresh, dataFolder: data)
    }

    func run() throws { try request.run() }
}

/// Everything `read` needs, as plain values, so that the fast path (see
/// `FastPath`) and ArgumentParser lead to the same work.
struct ReadRequest: Equatable, FastRequest {
    var note: String
    var notesFolder: String? = nil
    var width: Int? = nil
    var color: ColorChoice = .auto
    var pager = true
    var runCells = false
    var refresh = false
    var dataFolder: String? = nil

    func run() throws {
        let book = try NotebookOptions.load(folder: notesFolder)
        let note = try book.note(self.note)
        let sheet = StyleSheet(color: TerminalEnvironment.colorEnabled(color))
        let width = TerminalEnvironment.width(requested: width)
        var view = NoteView(note: note)
        if runCells {
            let cells = CellOutputs(cache: DemoCache(dataFolder: DataFolder.resolve(flag: dataFolder)), refresh: refresh)
            view.outputs = cells.terminalLines(for: note, sheet: sheet, width: width)
        }
        let lines = view.render(sheet: sheet, width: width)
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines { text += line; text += "\n" }
        Pager.show(text, lineCount: lines.count, enabled: pager)
    }
}

/// A note as terminal lines: its Markdown, with demo cells framed as commands
/// and quiz cards replaced by a hint.
struct NoteView {
    var note: Note
    /// Demo-cell outputs to show under the cells, keyed by the cell's line.
    var outputs: [Int: [String]] = [:]

    func render(sheet: StyleSheet, width: Int) -> [String] {
        let note = self.note, outputs = self.outputs
        let renderer = TerminalRenderer(sheet: sheet, width: width) { code, block in
            switch code.language {
            case "demo":
                guard let cell = note.demoCells.first(where: { $0.line == block.line + 1 }) else { return nil }
                return [.command(label: "demo", command: "ganbook demo " + cell.source)] + (outputs[cell.line].map { [.lines($0)] } ?? [])
            case "quiz":
                let count = note.quizBlocks.first(where: { $0.line == block.line })?.cardCount ?? 0
                let noun = count == 1 ? "quiz card" : "quiz cards"
                return [.hint("\(count) \(noun) · ganbook quiz \(note.id)")]
            default:
                return nil
            }
        }
        return renderer.renderLines(note.document)
    }
}
