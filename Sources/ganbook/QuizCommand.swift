/// `ganbook quiz [NOTE…]` and `ganbook quiz stats`: spaced repetition over the
/// notes' quiz cards, with progress kept in the data folder.
import ArgumentParser
import Demos
import Foundation
import Localization
import Notebook
import Quiz
import Report
import Terminal

struct QuizCommand: ParsableCommand {
    // `quiz` runs `quiz run`; its help lists run's arguments and options itself, since
    // ArgumentParser shows only subcommands for a command that has them, and a parent
    // with its own note arguments would swallow `stats` as a note name.
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: HelpText.words("Review the notes' quiz cards (FSRS-6 spaced repetition)."),
        usage: """
            ganbook quiz [<notes> ...] [--new <n>] [--all] [--seed <n>] [--data <dir>] [--notes <dir>] [--lang <lang>] [--width <n>] [--color <when>]
              ganbook quiz stats [--json] [--data <dir>] [--notes <dir>] [--lang <lang>] [--width <n>] [--color <when>]
            """,
        discussion: QuizRun.discussion + """


            ARGUMENTS AND OPTIONS (of `ganbook quiz`, which is `ganbook quiz run`):
              <notes>        Notes to quiz (ids, numbers or prefixes); all when none.
              --new <n>      New cards per day, per notes folder (0-1000; default 10).
              --all          Cram: every card of the notes, whatever the schedule;
                             logged as cram, the schedule does not change.
              --seed <n>     Seed for option order and exercise numbers (default 1).
              --data <dir>   Keep progress in this folder (default $GANBOOK_DATA,
                             else $XDG_DATA_HOME/ganbook, else ~/.local/share/ganbook).
              --notes <dir>  Read notes from this folder instead of the bundled ones.
              --lang <lang>  en or zh: the cards' edition and the quiz's words
                             (default $GANBOOK_LANG, else the locale).
              --width <n>    Columns to wrap to.
              --color <when> auto, always or never (NO_COLOR is respected).
            """,
        subcommands: [QuizRun.self, QuizStats.self],
        defaultSubcommand: QuizRun.self
    )
}

struct QuizOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Keep progress in this folder (default $GANBOOK_DATA, else $XDG_DATA_HOME/ganbook, else ~/.local/share/ganbook).", valueName: "dir"))
    var data: String?

    @OptionGroup var notebook: NotebookOptions

    /// The cards of the named notes (all notes when none), refusing cards that
    /// do not parse; and every card id of the notebook folder.
    func items(_ queries: [String]) throws -> (items: [QuizItem], notebookCardIDs: Set<String>) {
        let book = try notebook.load()
        let all = try book.loadAll()
        let notes = try queries.isEmpty ? all : queries.map { try book.note($0) }
        var items: [QuizItem] = []
        for note in notes {
            if let problem = note.quizProblems.first {
                throw Failure("\(note.path):\(problem.line): \(problem.message)")
            }
            items += QuizItem.items(of: note)
        }
        return (items, Set(all.flatMap { $0.cards.map(\.id) }))
    }

    func store() throws -> ProgressStore { try ProgressStore(folder: ProgressStore.folder(flag: data)) }
}

struct QuizRunOptions: ParsableArguments {
    @Argument(help: "Notes to quiz (ids, numbers or prefixes); all notes when none.")
    var notes: [String] = []

    @Option(help: ArgumentHelp("New cards per day, counted per notes folder (0 to 1000).", valueName: "n"))
    var new: Int = 10

    @Flag(help: "Drill every card of the chosen notes, whatever the schedule; logged as cram, the schedule does not change.")
    var all = false

    @Option(help: ArgumentHelp("Seed for the order of multiple-choice options and for exercise numbers.", valueName: "n"))
    var seed: UInt64 = 1

    @OptionGroup var options: QuizOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard (0...1000).contains(new) else { throw ValidationError("--new must be between 0 and 1000, got \(new)") }
    }

    func start() throws {
        let (items, ids) = try options.items(notes)
        let clock = try QuizClock()
        var session = QuizSession(
            items: items, store: try options.store(), now: clock.now,
            startOfToday: clock.startOfDay(clock.now()))
        session.newPerDay = new
        session.cram = all
        session.seed = seed
        session.notebookCardIDs = ids
        session.demoFigure = QuizRun.demoFigure
        session.translator = Translator.forLanguage(options.notebook.language)
        // The note's heading ids are its edition's: `read` must open the same edition.
        session.readOptions = NotebookOptions.hintOptions(notes: options.notebook.notes, lang: options.notebook.lang)
        let io = TerminalQuizIO(look: QuizLook(sheet: display.sheet, width: display.resolvedWidth))
        defer { io.finish() }
        let folder = options.notebook.notes, lang = options.notebook.language.rawValue
        session.openNote = { item in QuizRun.read(item, notes: folder, lang: lang) }
        _ = try session.run(io)
    }
}

/// `quiz run`: the same as `quiz`, kept for scripts that spell it out.
struct QuizRun: ParsableCommand {
    static let discussion = """
        On a terminal the quiz reads single keys: Enter or space shows a recall card's answer, \
        1–4 grade it (Again, Hard, Good, Easy; each shows the interval it would give), a–e or \
        1–5 choose an option, u undoes the last answer, o opens the card's note at its section, \
        q stops. Numeric answers take a typed number or formula (log 2, 1/3, 2*pi). Cards in a \
        learning step come back in the same session. Every answer is saved the moment you give \
        it. When input is not a terminal, answers are read one line per prompt.
        """

    static let configuration = CommandConfiguration(
        commandName: "run", abstract: HelpText.words("Quiz yourself (the same as `ganbook quiz`)."), discussion: discussion)

    @OptionGroup var quiz: QuizRunOptions

    func run() throws { try quiz.start() }

    /// A figure of a demo's report, by name or by "name unit" (`JSD(p‖q) nats`).
    static func demoFigure(_ words: [String], _ name: String) throws -> Double {
        let report = try DemoRegistry.parse(words).report()
        for case .figures(let figures) in report.items {
            for f in figures where f.name == name || f.name + " " + (f.unit ?? "") == name {
                switch f.value {
                case .number(let x, _): return x
                case .integer(let n): return Double(n)
                default: throw Failure("demo \(words.joined(separator: " ")): figure '\(name)' is not a number")
                }
            }
        }
        throw Failure("demo \(words.joined(separator: " ")) has no figure '\(name)'")
    }

    /// `ganbook read NOTE#SECTION` in a child process, through the pager.
    static func read(_ item: QuizItem, notes: String?, lang: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["read", item.noteID + (item.anchor.map { "#" + $0 } ?? "")] + (notes.map { ["--notes", $0] } ?? []) + ["--lang", lang]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            Output.error("ganbook: cannot open the note: \(error)\n")
        }
    }
}

struct QuizStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: HelpText.words("Progress per note: counts, true retention, a 30-day forecast."))

    @Flag(help: "Print the statistics as JSON.")
    var json = false

    @OptionGroup var options: QuizOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let clock = try QuizClock()
        let now = clock.now()
        let stats = try QuizStatistics.overview(
            items: try options.items([]).items, store: try options.store(), now: now,
            startOfToday: clock.startOfDay(now))
        // The JSON form stays English: its column names are its rows' keys.
        let translator = json ? Translator.english : Translator.forLanguage(options.notebook.language)
        let report = stats.report(now: now, forecastTable: json, translator: translator)
        if json {
            Output.write(ReportJSON.encode(report))
        } else {
            let width = display.resolvedWidth
            Output.write(ReportRenderer(sheet: display.sheet, width: width).render(report))
            Output.write(stats.forecastChart(width: width, sheet: display.sheet, translator: translator))
        }
    }
}
