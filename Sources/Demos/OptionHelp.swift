/// How the demos' options' help reaches ArgumentParser.
import ArgumentParser

/// The demos, and the lab (whose options are `demo train`'s and its own),
/// write their options' help in English. The command-line tool,
/// which knows the learner's language and the terminal's width, sets
/// `presentation` once, before it parses a command line, to give that text
/// in the learner's language and laid out to fit (the executable's
/// `HelpText`); the demos know no language. Until then, the English as it is.
package enum OptionHelp {
    nonisolated(unsafe) package static var presentation: @Sendable (_ english: String, _ valueName: String?) -> ArgumentHelp = {
        ArgumentHelp($0, valueName: $1)
    }
}

extension ArgumentHelp {
    /// A demo's (or the lab's) option help, as `OptionHelp.presentation` gives it.
    package static func demo(_ english: String, valueName: String? = nil) -> ArgumentHelp {
        OptionHelp.presentation(english, valueName)
    }
}
