/// Which notes a command works on, and in which language: `--notes`, else
/// `$GANBOOK_NOTES`, else the bundled notes; `--lang`, else `$GANBOOK_LANG`,
/// else the locale. Also the words a printed hint must carry so that the
/// command it suggests reaches the same notes in the same language.
import Installation
import Localization
import Notebook
import Terminal
import TerminalKit

package struct NotebookSource: Equatable, Sendable {
    /// `--notes` as given (nil: from the environment, else the bundled notes).
    package var notes: String?
    /// `--lang` as given (nil: from the environment).
    package var lang: String?

    package init(notes: String? = nil, lang: String? = nil) {
        self.notes = notes
        self.lang = lang
    }

    /// The run's language.
    package var language: Language {
        get throws(Language.Unknown) { try Self.language(lang) }
    }

    /// The language `flag` names, else the environment's.
    package static func language(_ flag: String?) throws(Language.Unknown) -> Language {
        try Language.resolve(flag: flag, environment: TerminalEnvironment.environment)
    }

    /// The notebook folder (its English edition).
    package var folder: String {
        get throws {
            try NotesLocation.resolve(flag: notes, environment: TerminalEnvironment.environment(NotesLocation.environmentVariable)).path
        }
    }

    /// The notebook's edition in the run's language: its `zh/` subfolder for
    /// Chinese when it has one (the bundled notes do), else the folder itself.
    package func load() throws -> Notebook {
        try Notebook(folder: Editions(folder: try folder).folder(for: try language))
    }

    /// What a printed hint must add to `ganbook …` to reach the same notes in
    /// the same language: ` --notes DIR`, ` --lang zh`, as given.
    package var hintOptions: String {
        (notes.map { " --notes " + CommandWords.quoted($0) } ?? "") + (lang.map { " --lang " + $0 } ?? "")
    }

    /// `--lang` as it stands in `arguments`, for what is decided before the
    /// options are parsed (the help's summaries), or that a parent command
    /// hands on (`ganbook demo` declares `--lang` for its list, as its demos do).
    package static func langFlag(in arguments: [String]) -> String? {
        var flag: String?
        for (i, word) in arguments.enumerated() {
            if word.hasPrefix("--lang=") { flag = String(word.dropFirst("--lang=".count)) }
            if word == "--lang", i + 1 < arguments.count { flag = arguments[i + 1] }
        }
        return flag
    }
}
