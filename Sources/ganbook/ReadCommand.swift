/// `ganbook read NOTE`: one note, rendered for the terminal, paged when long.
import ArgumentParser
import Cells

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: HelpText.abstract("Read a note."),
        discussion: HelpText.discussion("NOTE is an id (objective), a number from the contents (3), or a unique prefix (obj).")
    )

    @Argument(help: HelpText.option("The note to read: an id, a number or a prefix; NOTE#heading-anchor opens it at that heading."))
    var note: String

    @OptionGroup var notebook: NotebookOptions
    @OptionGroup var display: DisplayOptions

    @Flag(name: .long, help: HelpText.option("Never send output through $PAGER."))
    var noPager = false

    @Flag(name: .customLong("run"), help: HelpText.option("Run the note's demo cells and show their outputs under them (cached in the data folder)."))
    var runCells = false

    @Flag(help: HelpText.option("With --run: recompute every cell instead of using the cache."))
    var refresh = false

    @OptionGroup var dataFolder: DataFolderOption

    var request: ReadRequest {
        ReadRequest(
            note: note, source: notebook.source, width: display.width, color: display.color, pager: !noPager, runCells: runCells,
            refresh: refresh, dataFolder: dataFolder.data)
    }

    func run() throws { try request.run() }
}
