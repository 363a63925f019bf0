/// Options shared by the commands: where the notes are, in which language,
/// and how output looks.
import ArgumentParser
import Localization
import Cells
import Terminal
import TerminalKit

/// `--lang`: the one language option of every command that shows words.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .long,
        help: HelpText.option("The language: en or zh (default $GANBOOK_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG).", valueName: "lang"))
    var lang: String?

    func validate() throws {
        do { _ = try language } catch { throw ValidationError(error.description) }
    }

    var language: Language {
        get throws(Language.Unknown) { try NotebookSource.language(lang) }
    }

    /// `--lang` anywhere on the command line (see `NotebookSource.langFlag`).
    static let onCommandLine = NotebookSource.langFlag(in: Main.words)
}

/// `--data`: the one data folder option, of every command that keeps
/// something there (the quiz's progress, the cached demo outputs). `demo`
/// has none: its demos use `--data` for their own input (a p_data spec, a
/// CSV file), so it caches into `$GANBOOK_DATA`, else the XDG folder.
struct DataFolderOption: ParsableArguments {
    @Option(
        help: HelpText.option(
            "The data folder: quiz progress and cached demo outputs (default $GANBOOK_DATA, else $XDG_DATA_HOME/ganbook, else ~/.local/share/ganbook).",
            valueName: "dir"))
    var data: String?
}

struct NotebookOptions: ParsableArguments {
    @Option(name: .long, help: HelpText.option("Read notes from this folder instead of the bundled ones.", valueName: "dir"))
    var notes: String?

    @OptionGroup var languageOption: LanguageOption

    var source: NotebookSource { NotebookSource(notes: notes, lang: languageOption.lang) }
}

struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: HelpText.option("Columns to wrap to (default: the terminal's, at most 100; 80 when piped).", valueName: "n"))
    var width: Int?

    @Option(name: .long, help: HelpText.option("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    func validate() throws {
        let range = TerminalEnvironment.widthRange
        if let width, !range.contains(width) {
            throw ValidationError("--width must be between \(range.lowerBound) and \(range.upperBound) columns, got \(width)")
        }
    }

    var resolvedWidth: Int { TerminalEnvironment.width(requested: width) }
    var sheet: StyleSheet { StyleSheet(color: TerminalEnvironment.colorEnabled(color)) }
}

extension ColorChoice: ExpressibleByArgument {}
