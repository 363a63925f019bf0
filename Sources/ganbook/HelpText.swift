/// The words of `--help` in the learner's language.
import ArgumentParser
import Localization
import TerminalKit

/// The command summaries, discussions and options' help, in the learner's
/// language and laid out to fit (`HelpLayout`). They are fixed before options
/// are parsed, so the language comes from `--lang` anywhere on the command
/// line, else from the environment (`GANBOOK_LANG`, the locale). A text is
/// translated only by an entry for exactly it: help is fixed English, and a
/// template meant for a report's varying text (`{1} and {2}`) must not
/// rewrite a paragraph that has none.
enum HelpText {
    static let translator = Translator.forLanguage((try? NotebookSource.language(LanguageOption.onCommandLine)) ?? .en)

    /// The width help is laid out and printed at (`Main` prints it): ganbook's
    /// one rule, as for everything else it prints (the terminal's, at most
    /// 100; 80 when piped).
    static let columns = TerminalEnvironment.width(requested: nil)
    static let layout = HelpLayout(columns: columns)

    /// Whether the help's text needs laying out by display width: English
    /// help has none of the wide characters ArgumentParser measures wrong, so
    /// it is left as it is (and every command starts without measuring it).
    static let laysOut = translator.language != .en

    /// `text` in the learner's language, as it is when there is no entry.
    static func words(_ text: String) -> String { translator.exactEntry(for: text) ?? text }

    /// A command's one-line summary.
    static func abstract(_ text: String) -> String { laysOut ? layout.abstract(words(text)) : text }

    /// A command's discussion, line by line: each line (a paragraph, or an
    /// item of a list) is one entry of the tables.
    static func discussion(_ text: String) -> String {
        guard laysOut else { return text }
        return layout.discussion(text.split(separator: "\n", omittingEmptySubsequences: false).map { words(String($0)) }.joined(separator: "\n"))
    }

    /// An option's help; also the demos' (see `OptionHelp`).
    static func option(_ text: String, valueName: String? = nil) -> ArgumentHelp {
        laysOut ? layout.option(words(text), valueName: valueName) : ArgumentHelp(text, valueName: valueName)
    }

    /// The command line as ArgumentParser is to see it. `--lang` has already
    /// chosen the help's words (`translator`, read from the whole command
    /// line), and where help is asked ArgumentParser must not see it: an
    /// option it does not know sends a command with a default subcommand to
    /// that subcommand's help (`ganbook --help --lang zh` printed `list`'s,
    /// `ganbook quiz --help --lang zh` printed `quiz run`'s), and its
    /// built-in `help` command takes no options ("Unknown option '--lang'").
    /// So when help is asked `--lang` is taken out.
    static func arguments(_ arguments: [String]) -> [String] {
        let help = arguments.contains { $0 == "--help" || $0 == "-h" } || removingLang(arguments).first == "help"
        return help ? removingLang(arguments) : arguments
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
