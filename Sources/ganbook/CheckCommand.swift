/// `ganbook check`: validates every note and prints `FILE:LINE: message` for
/// each problem; exits 1 when there is any.
import ArgumentParser
import Cells
import Terminal
import TerminalKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: HelpText.abstract("Check every note: UTF-8, a title, unique ids, demo cells, quiz cards, links."),
        discussion: HelpText.discussion("Demo cells are parsed by the same parser as `ganbook demo`, without running them.")
    )

    @OptionGroup var notebook: NotebookOptions

    /// Checks the notebook, and each of its other editions (`zh/`) with the
    /// rules between them.
    func run() throws {
        let (report, failure) = try Editions(folder: try notebook.source.folder).checkReport()
        Output.write(report)
        if let failure {
            Output.error("ganbook: " + failure + "\n")
            throw ExitCode(1)
        }
    }
}
