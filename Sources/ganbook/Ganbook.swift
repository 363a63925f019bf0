/// The `ganbook` command: parses the command line, runs a subcommand, and turns
/// every failure into one line on stderr and a non-zero exit.
import ArgumentParser
import Demos
import Installation
import Cells
import Terminal
import TerminalKit

struct Ganbook: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ganbook",
        abstract: HelpText.abstract("A terminal notebook for learning the theory of generative adversarial networks."),
        discussion: HelpText.discussion(
            """
            Notes are Markdown files. Without --notes or GANBOOK_NOTES, ganbook reads the \
            notes bundled with it.
            """),
        version: "\(version) (matrix kernels: \(DemoKernels.current))",
        subcommands: [ListCommand.self, ReadCommand.self, DemoCommand.self, QuizCommand.self, CheckCommand.self, ExportCommand.self, LabCommand.self],
        defaultSubcommand: ListCommand.self
    )

    /// Why `word`, the first word of a command line, names no command, with the
    /// nearest command when it looks like a typo (`reed` → `read`); nil for a command.
    static func unknownCommand(_ word: String) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !word.hasPrefix("-"), !names.contains(word) else { return nil }
        let hint = Suggestion.closest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? "."
        return "no command '\(word)'\(hint) The commands are " + names.dropLast().joined(separator: ", ") + "."
    }
}

/// A failure the user can act on; its description is the whole message.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

@main
enum Main {
    /// The words of the command line after the program's name: the one place
    /// the process's arguments are read (ArgumentParser parses these).
    static let words = Array(CommandLine.arguments.dropFirst())

    /// Whether the words ask for help. Every command's configuration is built
    /// at start-up; a part of one that is costly to build and shown only in
    /// help (quiz's copy of `quiz run`'s options) is built only then.
    static let helpAsked = words.contains { $0 == "--help" || $0 == "-h" } || words.first == "help"

    static func main() {
        Output.ignoreBrokenPipe()
        OptionHelp.presentation = HelpText.option
        if let problem = DemoKernels.environmentError {
            Output.error("ganbook: " + problem + "\n")
            Ganbook.exit(withError: ExitCode(2))
        }
        do {
            let arguments = HelpText.arguments(words)
            if arguments.first == "demo", let name = arguments.dropFirst().first, !name.hasPrefix("-"), let problem = DemoRegistry.unknown(name) {
                throw Failure(problem)
            }
            if let word = arguments.first, let problem = Ganbook.unknownCommand(word) { throw Failure(problem) }
            var command = try Ganbook.parseAsRoot(arguments)
            try command.run()
        } catch let exit as ExitCode {
            Ganbook.exit(withError: exit)  // the command has said what it had to say
        } catch {
            let code = Ganbook.exitCode(for: error)
            if code == .success {
                // --help and --version, at the width the help's own text was laid out for
                let page = HelpPage(columns: HelpText.columns, translator: HelpText.translator)
                let text = page.finished(Ganbook.fullMessage(for: error, columns: HelpText.columns))
                if !text.isEmpty { _ = Output.write(text + "\n") }
                Ganbook.exit()
            }
            let message =
                Ganbook.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "failed"
            Output.error("ganbook: " + message + "\n")
            Ganbook.exit(withError: ExitCode(code.rawValue == 0 ? 1 : code.rawValue))
        }
    }
}
