/// `ganbook export --html DIR`: the notebook as a static site (see
/// NotebookRunner's `SiteExport`).
import ArgumentParser
import Foundation
import Installation
import Localization
import Notebook
import NotebookRunner
import Terminal

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the notebook as a static HTML site.",
        discussion: "Demo outputs come from the cache in the data folder; cells not yet cached are run first (the GAN demos take a while)."
    )

    @Option(name: .customLong("html"), help: ArgumentHelp("The folder to write the site into (created if missing).", valueName: "dir"))
    var folder: String

    @Flag(help: "Do not run demo cells that are not cached; show them without output.")
    var noRun = false

    @Option(help: ArgumentHelp("The data folder for cached demo outputs.", valueName: "dir"))
    var data: String?

    @OptionGroup var notebook: NotebookOptions

    /// Writes the edition in this run's language into the folder and, when
    /// the notebook has the other edition too, that one into `FOLDER/LANG/`,
    /// each page linked to its counterpart.
    func run() throws {
        let language = notebook.language
        let base = try NotesLocation.resolve(flag: notebook.notes, environment: TerminalEnvironment.environment(NotesLocation.environmentVariable)).path
        let runner = CellRunner(cache: CellCache(dataFolder: DataFolder.resolve(flag: data)))
        var editions: [(language: Language, notes: [Note], folder: String)] = [(language, try Notebook(folder: NotebookOptions.editionFolder(base, language)).loadAll(), folder)]
        for other in Language.allCases where other != language {
            let otherFolder = NotebookOptions.editionFolder(base, other)
            // English is the notebook folder itself; another edition is a subfolder of it.
            let exists = other.editionFolder == nil ? otherFolder != NotebookOptions.editionFolder(base, language) : otherFolder != base
            if exists { editions.append((other, try Notebook(folder: otherFolder).loadAll(), folder + "/" + other.rawValue)) }
        }
        // Every edition's cells at once: the same words in two editions run once.
        if !noRun { runner.runMissing(editions.flatMap { $0.notes.flatMap(\.demoCells) }) }
        var unrun = 0
        for (k, edition) in editions.enumerated() {
            let counterpart: (path: String, language: Language)? = editions.count < 2 ? nil
                : k == 0 ? (editions[1].language.rawValue + "/", editions[1].language) : ("../", editions[0].language)
            let site = SiteExport(notes: edition.notes, runner: runner, runDemos: false,
                                  translator: .forLanguage(edition.language), counterpart: counterpart)
            do {
                try FileManager.default.createDirectory(atPath: edition.folder, withIntermediateDirectories: true)
                try site.write(to: edition.folder)
            } catch let error as CocoaError {
                throw Failure("cannot write the site to \(edition.folder): \(error.localizedDescription)")
            }
            Output.write("wrote \(edition.notes.count + 2) files to \(edition.folder) (\(edition.language.rawValue)): index.html, style.css and one page per note\n")
            unrun += site.unrunCells
        }
        if unrun > 0 {
            Output.write("\(unrun) demo cell\(unrun == 1 ? " was" : "s were") not run (--no-run) and show no output; export without --no-run to run them\n")
        }
    }
}
