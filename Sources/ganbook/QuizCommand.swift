/// `ganbook quiz [NOTE…]` and `ganbook quiz stats`: spaced repetition over the
/// notes' quiz cards, with progress kept in the data folder.
import ArgumentParser
import Foundation
import Notebook
import Quiz
import Report
import Terminal

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Review the notes' quiz cards (FSRS-6 spaced repetition).",
        subcommands: [QuizRun.self, QuizStats.self],
        defaultSubcommand: QuizRun.self
    )
}

struct QuizOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep progress in this folder (default $GANBOOK_DATA, else $XDG_DATA_HOME/ganbook, else ~/.local/share/ganbook).", valueName: "dir"))
    var data: String?

    @OptionGroup var notebook: NotebookOptions

    /// The cards of the named notes (all notes when none), refusing cards that do not parse.
    func items(_ queries: [String]) throws -> [QuizItem] {
        let book = try notebook.load()
        let notes = try queries.isEmpty ? book.loadAll() : queries.map { try book.note($0) }
        var items: [QuizItem] = []
        for note in notes {
            if let problem = note.quizProblems.first {
                throw Failure("\(note.path):\(problem.line): \(problem.message)")
            }
            items += note.cards.map { QuizItem(noteID: note.id, card: $0) }
        }
        return items
    }

    func store() throws -> ProgressStore { try ProgressStore(folder: ProgressStore.folder(flag: data)) }

    /// Now, or $GANBOOK_NOW (seconds since the epoch) — a hook for scripted tests.
    static func now() -> Double {
        if let text = ProcessInfo.processInfo.environment["GANBOOK_NOW"], let t = Double(text) { return t }
        return Date().timeIntervalSince1970
    }

    static func startOfDay(_ t: Double) -> Double {
        Calendar.current.startOfDay(for: Date(timeIntervalSince1970: t)).timeIntervalSince1970
    }
}

struct QuizRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Quiz yourself: due cards first, then new ones.",
        discussion: """
            Recall cards show the answer when you press Enter; then grade yourself 1 Again, \
            2 Hard, 3 Good, 4 Easy. Multiple-choice and numeric cards are graded for you \
            (right: Good, wrong: Again). Type q, or Ctrl-D, to stop: every answer is saved \
            the moment you give it. When input is not a terminal, answers are read one line \
            per prompt.
            """
    )

    @Argument(help: "Notes to quiz (ids, numbers or prefixes); all notes when none.")
    var notes: [String] = []

    @Option(help: ArgumentHelp("New cards per day (0 to 1000).", valueName: "n"))
    var new: Int = 10

    @Flag(help: "Drill every card of the chosen notes, whatever the schedule; logged as cram, the schedule does not change.")
    var all = false

    @Option(help: ArgumentHelp("Seed for the order of multiple-choice options.", valueName: "n"))
    var seed: UInt64 = 1

    @OptionGroup var options: QuizOptions

    func validate() throws {
        guard (0...1000).contains(new) else { throw ValidationError("--new must be between 0 and 1000, got \(new)") }
    }

    func run() throws {
        let items = try options.items(notes)
        var session = QuizSession(items: items, store: try options.store(), now: QuizOptions.now,
                                  startOfToday: QuizOptions.startOfDay(QuizOptions.now()))
        session.newPerDay = new
        session.cram = all
        session.seed = seed
        _ = try session.run(StandardQuizIO())
    }
}

/// Lines from stdin, text to stdout.
struct StandardQuizIO: QuizIO {
    func write(_ text: String) { Output.write(text) }
    func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}

struct QuizStats: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Progress per note.")

    @Flag(help: "Print the statistics as JSON.")
    var json = false

    @OptionGroup var options: QuizOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let now = QuizOptions.now()
        let progress = try QuizStatistics.compute(items: try options.items([]), store: try options.store(), now: now)
        var report = Report(title: "Quiz progress")
        let rows: [[Value]] = progress.map { p in
            [.text(p.noteID), .integer(p.cards), .integer(p.new), .integer(p.learning), .integer(p.review), .integer(p.due),
             .integer(p.reviews), p.firstTryShare.map { .fixed($0 * 100, 0) } ?? .missing,
             p.nextDue.map { .text(Self.date($0)) } ?? .missing]
        }
        report.table(Table(columns: ["note", "cards", "new", "learning", "review", "due", "reviews", "first try %", "next due"], rows: rows))
        let total = progress.reduce(into: NoteProgress(noteID: "all")) { t, p in
            t.cards += p.cards; t.new += p.new; t.learning += p.learning; t.review += p.review; t.due += p.due; t.reviews += p.reviews
        }
        report.text("\(total.due) due now · \(total.new) new · \(total.reviews) reviews logged · ganbook quiz")
        if json {
            Output.write(ReportJSON.encode(report))
        } else {
            Output.write(ReportRenderer(sheet: display.sheet, width: display.resolvedWidth).render(report))
        }
    }

    static func date(_ t: Double) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date(timeIntervalSince1970: t))
    }
}
