/// `ganbook read NOTE`: one note, rendered for the terminal, paged when long.
import ArgumentParser
import Markdown
import Notebook
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

    var request: ReadRequest {
        ReadRequest(note: note, notesFolder: notebook.notes, width: display.width, color: display.color, pager: !noPager)
    }

    func run() throws { try request.run() }
}

/// Everything `read` needs, as plain values, so that the fast path (see
/// `FastPath`) and ArgumentParser lead to the same work.
struct ReadRequest: Equatable {
    var note: String
    var notesFolder: String? = nil
    var width: Int? = nil
    var color: ColorChoice = .auto
    var pager = true

    func run() throws {
        let book = try NotebookOptions.load(folder: notesFolder)
        let note = try book.note(self.note)
        let sheet = StyleSheet(color: TerminalEnvironment.colorEnabled(color))
        let lines = NoteView(note: note).render(sheet: sheet, width: TerminalEnvironment.width(requested: width))
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

    func render(sheet: StyleSheet, width: Int) -> [String] {
        let note = self.note
        let renderer = TerminalRenderer(sheet: sheet, width: width) { code, block in
            switch code.language {
            case "demo":
                guard let cell = note.demoCells.first(where: { $0.line == block.line + 1 }) else { return nil }
                return [.command(label: "demo", command: "ganbook demo " + cell.source)]
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
