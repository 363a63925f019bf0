/// `ganbook list` (and `ganbook` on its own): the contents.
import ArgumentParser
import Localization
import Notebook
import NotebookRunner
import Terminal

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: HelpText.words("Show the contents: number, id, title, demo cells and quiz cards of each note.")
    )

    @OptionGroup var notebook: NotebookOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try ListRequest(notesFolder: notebook.notes, language: notebook.lang, width: display.width, color: display.color).run()
    }
}

/// What `list` does, from `ListCommand` or from `FastPath`.
struct ListRequest: Equatable, FastRequest {
    var notesFolder: String?
    /// `--lang` as given (nil: from the environment).
    var language: String? = nil
    var width: Int?
    var color: ColorChoice = .auto

    func run() throws {
        let language = try LanguageOption.resolve(self.language)
        let book = try NotebookOptions.load(folder: notesFolder, language: language)
        let sheet = StyleSheet(color: TerminalEnvironment.colorEnabled(color))
        let contents = try Contents(
            notebook: book, translator: .forLanguage(language),
            hintOptions: NotebookOptions.hintOptions(notes: notesFolder, lang: self.language))
        Output.write(contents.render(sheet: sheet, width: TerminalEnvironment.width(requested: width)))
    }
}
