/// `ganbook read NOTE`: one note, rendered for the terminal, paged when long.
import ArgumentParser
import Localization
import Notebook
import NotebookRunner
import Installation
import Terminal

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: HelpText.words("Read a note."),
        discussion: "NOTE is an id (objective), a number from the contents (3), or a unique prefix (obj)."
    )

    @Argument(help: "The note to read: an id, a number or a prefix; NOTE#heading-anchor opens it at that heading.")
    var note: String

    @OptionGroup var notebook: NotebookOptions
    @OptionGroup var display: DisplayOptions

    @Flag(name: .long, help: "Never send output through $PAGER.")
    var noPager = false

    @Flag(name: .customLong("run"), help: "Run the note's demo cells and show their outputs under them (cached in the data folder).")
    var runCells = false

    @Flag(help: "With --run: recompute every cell instead of using the cache.")
    var refresh = false

    @Option(
        help: ArgumentHelp(
            "The data folder for cached outputs (default $GANBOOK_DATA, else $XDG_DATA_HOME/ganbook, else ~/.local/share/ganbook).", valueName: "dir"))
    var data: String?

    var request: ReadRequest {
        ReadRequest(
            note: note, notesFolder: notebook.notes, language: notebook.lang, width: display.width, color: display.color,
            pager: !noPager, runCells: runCells, refresh: refresh, dataFolder: data)
    }

    func run() throws { try request.run() }
}

/// Everything `read` needs, as plain values, so that the fast path (see
/// `FastPath`) and ArgumentParser lead to the same work.
struct ReadRequest: Equatable, FastRequest {
    var note: String
    var notesFolder: String? = nil
    /// `--lang` as given (nil: from the environment).
    var language: String? = nil
    var width: Int? = nil
    var color: ColorChoice = .auto
    var pager = true
    var runCells = false
    var refresh = false
    var dataFolder: String? = nil

    func run() throws {
        let language = try LanguageOption.resolve(self.language)
        let book = try NotebookOptions.load(folder: notesFolder, language: language)
        let runner = runCells ? CellRunner(cache: CellCache(dataFolder: DataFolder.resolve(flag: dataFolder)), refresh: refresh) : nil
        let lines = try NoteReading.lines(
            of: note, in: book, sheet: StyleSheet(color: TerminalEnvironment.colorEnabled(color)),
            width: TerminalEnvironment.width(requested: width), translator: .forLanguage(language),
            hintOptions: NotebookOptions.hintOptions(notes: notesFolder, lang: self.language), running: runner)
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines { text += line; text += "\n" }
        Pager.show(text, lineCount: lines.count, enabled: pager)
    }
}
