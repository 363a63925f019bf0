/// `ganbook check`: validates every note and prints `FILE:LINE: message` for
/// each problem; exits 1 when there is any.
import ArgumentParser
import Notebook
import NotebookRunner
import Terminal

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: HelpText.words("Check every note: UTF-8, a title, unique ids, demo cells, quiz cards, links."),
        discussion: "Demo cells are parsed by the same parser as `ganbook demo`, without running them."
    )

    @OptionGroup var notebook: NotebookOptions

    /// Checks the notebook, and each of its other editions (`zh/`) with the
    /// rules between them.
    func run() throws {
        let base = try notebook.folder
        let (problems, checked) = try Editions(folder: base).problems()
        if problems.isEmpty {
            Output.write("ok: \(checked) notes checked\n")
            return
        }
        Output.write(problems.map { "\($0.file):\($0.line): \($0.message)\n" }.joined())
        let files = Set(problems.map(\.file)).count
        Output.error("ganbook: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(files) note\(files == 1 ? "" : "s")\n")
        throw ExitCode(1)
    }
}
