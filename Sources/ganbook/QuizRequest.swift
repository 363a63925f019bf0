/// What `ganbook quiz` and `ganbook quiz stats` do, from the command line's
/// values: a review session in the terminal, or the progress report.
import Cells
import Localization
import Notebook
import Quiz
import Report
import Scheduling
import Terminal
import TerminalKit

struct QuizRequest {
    /// The notes to quiz (ids, numbers or prefixes); all notes when empty.
    var notes: [String] = []
    var source = NotebookSource()
    /// `--data` as given (nil: `$GANBOOK_DATA`, else the XDG data folder).
    var dataFolder: String?
    var sheet = StyleSheet.plain
    var width = 80

    init(notes: [String] = [], source: NotebookSource = NotebookSource(), dataFolder: String?, sheet: StyleSheet, width: Int) {
        (self.notes, self.source, self.dataFolder, self.sheet, self.width) = (notes, source, dataFolder, sheet, width)
    }

    /// A session over the due cards, asked and graded in the terminal. `o`
    /// shows a card's note from its section on, as `ganbook read NOTE#ANCHOR`
    /// shows it, in the same edition (whose heading ids the cards' anchors are).
    func review(newPerDay: Int, cram: Bool, seed: UInt64) throws {
        let notebook = try source.load()
        var session = QuizSession(deck: try QuizDeck(notebook: notebook, notes: notes), store: try store(), clock: try QuizClock())
        session.newPerDay = newPerDay
        session.cram = cram
        session.seed = seed
        session.demoFigure = DemoFigure.value
        let language = try source.language
        let translator = Translator.forLanguage(language)
        session.language = language
        session.readOptions = source.hintOptions
        let (sheet, width, hints) = (sheet, width, source.hintOptions)
        session.openNote = { item in
            do {
                let lines = try NoteReading.lines(
                    of: item.noteID + (item.anchor.map { "#" + $0 } ?? ""), in: notebook, sheet: sheet, width: width, translator: translator,
                    hintOptions: hints)
                Pager.page(lines.map { $0 + "\n" }.joined())
            } catch {
                Output.error("ganbook: cannot open the note: \(error)\n")
            }
        }
        let io = TerminalQuizIO(look: QuizLook(sheet: sheet, width: width))
        defer { io.finish() }
        _ = try session.run(io)
    }

    /// Progress per note, true retention and a 30-day forecast: a table and
    /// chart in the run's language, or JSON, whose keys stay English.
    func statistics(json: Bool) throws -> String {
        let clock = try QuizClock()
        let now = clock.now()
        let stats = try QuizStatistics.overview(items: try deck().items, store: try store(), now: now, startOfToday: clock.startOfDay(now))
        let language = json ? Language.en : try source.language
        let report = stats.report(now: now, forecastTable: json, language: language)
        if json { return ReportJSON.encode(report) }
        return ReportRenderer(sheet: sheet, width: width).render(report) + stats.forecastChart(width: width, sheet: sheet, language: language)
    }

    private func deck() throws -> QuizDeck { try QuizDeck(notebook: try source.load(), notes: notes) }

    private func store() throws -> ProgressStore { try ProgressStore(folder: ProgressStore.folder(flag: dataFolder)) }
}
