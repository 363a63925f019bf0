/// `ganbook list` (and `ganbook` on its own): the contents.
import ArgumentParser
import Cells

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: HelpText.abstract("Show the contents: number, id, title, demo cells and quiz cards of each note.")
    )

    @OptionGroup var notebook: NotebookOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try ListRequest(source: notebook.source, width: display.width, color: display.color).run()
    }
}
