/// A notebook's editions: English in its folder, each other language in a
/// subfolder named for it (`zh/`), with the same file names. `check` checks
/// them all and the rules between them; `export` writes them all, the run's
/// language at the top and each other one in its subfolder.
import Cells
import HTML
import Installation
import Localization
import Notebook
import Terminal
import TerminalKit

package struct Editions {
    /// The notebook folder (the English edition).
    package var folder: String

    package init(folder: String) { self.folder = folder }

    /// The folder of the edition in `language`: its subfolder when the
    /// notebook has one, else the notebook folder itself.
    package func folder(for language: Language) -> String {
        guard let sub = language.editionFolder else { return folder }
        let path = folder + "/" + sub
        return FileSystem.isDirectory(path) ? path : folder
    }

    /// The languages this notebook has an edition in, English first.
    package var languages: [Language] {
        Language.allCases.filter { $0 == .en || folder(for: $0) != folder }
    }

    /// Every edition's problems, and those between each translation and English.
    package func problems() throws -> (problems: [NotebookChecker.Problem], notesChecked: Int) {
        let english = try Notebook(folder: folder)
        var problems = NotebookChecker(notebook: english).problems()
        var checked = english.files.count
        let originals = english.files.compactMap { try? english.load($0) }
        for language in languages where language != .en {
            let edition = try Notebook(folder: folder(for: language))
            problems += NotebookChecker(notebook: edition).problems()
            problems += EditionChecker(english: originals, translation: edition.files.compactMap { try? edition.load($0) }).problems()
            checked += edition.files.count
        }
        return (problems.sorted { ($0.file, $0.line) < ($1.file, $1.line) }, checked)
    }

    /// What `ganbook check` prints: every problem as a `FILE:LINE: message`
    /// line (a warning as `FILE:LINE: warning: message`), then "ok: N notes
    /// checked" when only warnings were found; and, when there are problems,
    /// the line that counts them (for stderr).
    package func checkReport() throws -> (report: String, failure: String?) {
        let (problems, checked) = try problems()
        let report = problems.map { "\($0.file):\($0.line): \($0.isWarning ? "warning: " : "")\($0.message)\n" }.joined()
        let errors = problems.filter { !$0.isWarning }
        if errors.isEmpty {
            let warnings = problems.count
            return (report + "ok: \(checked) notes checked" + (warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")") + "\n", nil)
        }
        let files = Set(errors.map(\.file)).count
        return (report, "\(errors.count) problem\(errors.count == 1 ? "" : "s") in \(files) note\(files == 1 ? "" : "s")")
    }

    /// `ganbook export --html SITE`: writes each edition's site (see `exports`)
    /// and tells `say` what it wrote, as each is done, and how many cells were
    /// left unrun with `run` off.
    package func export(into site: String, primary: Language, dataFolder: String?, run: Bool, say: (String) -> Void) throws {
        let status = CellRunStatus(words: Translator.forLanguage(primary).words)
        let runner = CellRunner(cache: CellCache(dataFolder: DataFolder.resolve(flag: dataFolder)), observer: status)
        var unrun = 0
        for (export, folder) in try exports(into: site, primary: primary, runner: runner, run: run) {
            unrun += try export.write(to: folder)
            let language = export.translator.language.rawValue
            say("wrote \(export.notes.count + 2) files to \(folder) (\(language)): index.html, style.css and one page per note\n")
        }
        if unrun > 0 {
            say("\(unrun) demo cell\(unrun == 1 ? " was" : "s were") not run (--no-run) and show no output; export without --no-run to run them\n")
        }
    }

    /// One site per edition: `primary`'s into `site`, every other one into
    /// `site/LANG/`, each page linked to its counterpart. The editions share
    /// their cells' words, so the first one's run leaves the others cached.
    package func exports(into site: String, primary: Language, runner: CellRunner, run: Bool) throws -> [(export: SiteExport, folder: String)] {
        let order = [primary] + languages.filter { $0 != primary }
        let notes = try order.map { try Notebook(folder: folder(for: $0)).loadAll() }
        return order.indices.map { k in
            let counterpart: (path: String, language: Language)? =
                order.count < 2
                ? nil
                : k == 0 ? (order[1].rawValue + "/", order[1]) : ("../", order[0])
            var export = SiteExport(
                notes: notes[k], runner: runner, runDemos: run,
                translator: .forLanguage(order[k]), counterpart: counterpart)
            export.progress = ProgressBar.onStandardError(words: export.translator.words)
            return (export, k == 0 ? site : site + "/" + order[k].rawValue)
        }
    }
}
