/// Options shared by the commands: where the notes are, in which language,
/// and how output looks.
import ArgumentParser
import Installation
import Localization
import Notebook
import NotebookRunner
import Terminal

/// `--lang`: the one language option of every command that shows words.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The language: en or zh (default $GANBOOK_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG).", valueName: "lang"))
    var lang: String?

    func validate() throws {
        do { _ = try Self.resolve(lang) } catch { throw ValidationError(error.description) }
    }

    /// The run's language: `flag`, else `GANBOOK_LANG`, else the locale.
    static func resolve(_ flag: String?) throws(Language.Unknown) -> Language {
        try Language.resolve(flag: flag, environment: TerminalEnvironment.environment)
    }

    /// `--lang` as it stands on the command line, for what is decided before
    /// ArgumentParser runs (the help's summaries) or that it hands to a parent
    /// command (`ganbook demo` declares `--lang` for its list, as its demos do).
    static let onCommandLine: String? = {
        let arguments = CommandLine.arguments
        var flag: String?
        for (i, word) in arguments.enumerated() {
            if word.hasPrefix("--lang=") { flag = String(word.dropFirst("--lang=".count)) }
            if word == "--lang", i + 1 < arguments.count { flag = arguments[i + 1] }
        }
        return flag
    }()
}

struct NotebookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read notes from this folder instead of the bundled ones.", valueName: "dir"))
    var notes: String?

    @OptionGroup var languageOption: LanguageOption

    /// `--lang` as given (nil: from the environment).
    var lang: String? { languageOption.lang }
    var language: Language { (try? LanguageOption.resolve(lang)) ?? .en }

    /// The notebook folder: --notes, else $GANBOOK_NOTES, else the bundled notes (its English edition).
    var folder: String { get throws { try Self.folder(notes) } }

    static func folder(_ flag: String?) throws -> String {
        try NotesLocation.resolve(flag: flag, environment: TerminalEnvironment.environment(NotesLocation.environmentVariable)).path
    }

    /// The notebook in this run's language.
    func load() throws -> Notebook { try Self.load(folder: notes, language: language) }

    /// The notebook's edition in `language`: its `zh/` subfolder for Chinese
    /// when it has one (the bundled notes do), else the folder itself.
    static func load(folder: String?, language: Language) throws -> Notebook {
        try Notebook(folder: Editions(folder: try Self.folder(folder)).folder(for: language))
    }

    /// What a printed hint must add to `ganbook …` to reach the same notes in
    /// the same language: ` --notes DIR`, ` --lang zh`, as given.
    static func hintOptions(notes: String?, lang: String?) -> String {
        (notes.map { " --notes " + CommandWords.quoted($0) } ?? "") + (lang.map { " --lang " + $0 } ?? "")
    }
}

struct DisplayOptions: ParsableArguments {
    static let widthRange = 1...1000

    @Option(name: .long, help: ArgumentHelp("Columns to wrap to (default: the terminal's, at most 100; 80 when piped).", valueName: "n"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    func validate() throws {
        if let width, !Self.widthRange.contains(width) {
            throw ValidationError("--width must be between \(Self.widthRange.lowerBound) and \(Self.widthRange.upperBound) columns, got \(width)")
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
    static let translator = Translator.forLanguage((try? LanguageOption.resolve(LanguageOption.onCommandLine)) ?? .en)

    static func words(_ text: String) -> String { translator(text) }
}
