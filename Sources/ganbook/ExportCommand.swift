/// `ganbook export --html DIR`: the notebook as a static site (see
/// HTML's `SiteExport`).
import ArgumentParser
import Cells
import Terminal
import TerminalKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: HelpText.abstract("Write the notebook as a static HTML site."),
        discussion: HelpText.discussion("Demo outputs come from the cache in the data folder; cells not yet cached are run first (the GAN demos take a while).")
    )

    @Option(name: .customLong("html"), help: HelpText.option("The folder to write the site into (created if missing).", valueName: "dir"))
    var folder: String

    @Flag(help: HelpText.option("Do not run demo cells that are not cached; show them without output."))
    var noRun = false

    @OptionGroup var dataFolder: DataFolderOption

    @OptionGroup var notebook: NotebookOptions

    /// Writes the edition in this run's language into the folder and every
    /// other edition the notebook has into `FOLDER/LANG/` (see `Editions`).
    func run() throws {
        try Editions(folder: try notebook.source.folder).export(
            into: folder, primary: try notebook.source.language, dataFolder: dataFolder.data, run: !noRun, say: { Output.write($0) })
    }
}
