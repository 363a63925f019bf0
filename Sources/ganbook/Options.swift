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
        help: ArgumentHelp(HelpText.words("The language: en or zh (default $GANBOOK_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG)."), valueName: "lang"))
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
        help: ArgumentHelp(
            "The data folder: quiz progress and cached demo outputs (default $GANBOOK_DATA, else $XDG_DATA_HOME/ganbook, else ~/.local/share/ganbook).",
            valueName: "dir"))
    var data: String?
}

struct NotebookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(HelpText.words("Read notes from this folder instead of the bundled ones."), valueName: "dir"))
    var notes: String?

    @OptionGroup var languageOption: LanguageOption

    var source: NotebookSource { NotebookSource(notes: notes, lang: languageOption.lang) }
}

struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(HelpText.words("Columns to wrap to (default: the terminal's, at most 100; 80 when piped)."), valueName: "n"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp(HelpText.words("Colour: auto (on a terminal, unless NO_COLOR is set), always or never."), valueName: "when"))
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

/// The words of `--help` in the learner's language, as far as ArgumentParser
/// allows: the command summaries are fixed before options are parsed, so the
/// language comes from `--lang` anywhere on the command line, else from the
/// environment (`GANBOOK_LANG`, the locale). Options' own help stays English.
enum HelpText {
    static let translator = Translator.forLanguage((try? NotebookSource.language(LanguageOption.onCommandLine)) ?? .en)

    static func words(_ text: String) -> String { translator(text) }

    /// A discussion, paragraph by paragraph (each paragraph is one entry of the tables).
    static func discussion(_ text: String) -> String {
        text.split(separator: "\n\n", omittingEmptySubsequences: false).map { words(String($0)) }.joined(separator: "\n\n")
    }

    /// The command line as ArgumentParser is to see it. `--lang` has already
    /// chosen the help's words (`translator`, read from the whole command
    /// line), and two places cannot take it: the root command has no options
    /// of its own, so `ganbook --help --lang zh` went to the default command
    /// (`list`) and printed its help; and ArgumentParser's built-in `help`
    /// command takes no options ("Unknown option '--lang'"). In those two
    /// cases `--lang` is taken out.
    static func arguments(_ arguments: [String]) -> [String] {
        let withoutLang = removingLang(arguments)
        let rootHelp = !withoutLang.isEmpty && withoutLang.allSatisfy { $0 == "--help" || $0 == "-h" }
        return rootHelp || withoutLang.first == "help" ? withoutLang : arguments
    }

    static func removingLang(_ arguments: [String]) -> [String] {
        var out: [String] = [], skip = false
        for (i, word) in arguments.enumerated() {
            if skip {
                skip = false
                continue
            }
            if word.hasPrefix("--lang=") { continue }
            if word == "--lang" && i + 1 < arguments.count {
                skip = true
                continue
            }
            out.append(word)
        }
        return out
    }
}
