/// `ganbook quiz [NOTE…]` and `ganbook quiz stats`: spaced repetition over the
/// notes' quiz cards, with progress kept in the data folder.
import ArgumentParser
import Cells
import Quiz
import Terminal
import TerminalKit

struct QuizCommand: ParsableCommand {
    // `quiz` runs `quiz run`; its help lists run's arguments and options itself, since
    // ArgumentParser shows only subcommands for a command that has them, and a parent
    // with its own note arguments would swallow `stats` as a note name.
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: HelpText.abstract("Review the notes' quiz cards (FSRS-6 spaced repetition)."),
        usage: Main.helpAsked ? forms : nil,
        discussion: HelpText.discussion(QuizRun.discussion) + (Main.helpAsked ? "\n\n" + runArguments : ""),
        subcommands: [QuizRun.self, QuizStats.self],
        defaultSubcommand: QuizRun.self
    )

    /// The usage's two forms, `quiz [<notes> ...] …` and `quiz stats …`, made
    /// from `run`'s and `stats`'s own usage, so that they never differ (a
    /// hand-written copy had lost `stats`'s `--no-pager`).
    static var forms: String {
        "ganbook quiz" + QuizRun.usageString().dropFirst("run".count) + "\nganbook quiz " + QuizStats.usageString()
    }

    /// `quiz run`'s arguments and options, cut from its own help, so that the two never differ.
    static var runArguments: String {
        let help = QuizRun.helpMessage(columns: HelpText.columns)
        guard let start = help.range(of: "ARGUMENTS:") else { return "" }
        let lines = help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("OPTIONS:") && !$0.contains("--help") && !$0.contains("--version") && !$0.isEmpty }
        return HelpText.words("ARGUMENTS AND OPTIONS (of `ganbook quiz`, which is `ganbook quiz run`):") + "\n" + lines.joined(separator: "\n")
    }
}

struct QuizOptions: ParsableArguments {
    @OptionGroup var dataFolder: DataFolderOption

    @OptionGroup var notebook: NotebookOptions

    func request(notes: [String] = [], display: DisplayOptions) -> QuizRequest {
        QuizRequest(notes: notes, source: notebook.source, dataFolder: dataFolder.data, sheet: display.sheet, width: display.resolvedWidth)
    }
}

struct QuizRunOptions: ParsableArguments {
    @Argument(help: HelpText.option("Notes to quiz (ids, numbers or prefixes); all notes when none."))
    var notes: [String] = []

    @Option(help: HelpText.option("New cards per day, counted per notes folder (0 to 1000).", valueName: "n"))
    var new: Int = 10

    @Flag(help: HelpText.option("Drill every card of the chosen notes, whatever the schedule; logged as cram, the schedule does not change."))
    var all = false

    @Option(help: HelpText.option("Seed for the order of multiple-choice options and for exercise numbers.", valueName: "n"))
    var seed: UInt64 = 1

    @OptionGroup var options: QuizOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard (0...1000).contains(new) else { throw ValidationError("--new must be between 0 and 1000, got \(new)") }
    }

    func start() throws {
        try options.request(notes: notes, display: display).review(newPerDay: new, cram: all, seed: seed)
    }
}

/// `quiz run`: the same as `quiz`, kept for scripts that spell it out.
struct QuizRun: ParsableCommand {
    static let discussion = TerminalQuizIO.keysHelp

    static let configuration = CommandConfiguration(
        commandName: "run", abstract: HelpText.abstract("Quiz yourself (the same as `ganbook quiz`)."), discussion: HelpText.discussion(discussion))

    @OptionGroup var quiz: QuizRunOptions

    func run() throws { try quiz.start() }
}

struct QuizStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: HelpText.abstract("Progress per note: counts, true retention, a 30-day forecast."))

    @Flag(help: HelpText.option("Print the statistics as JSON."))
    var json = false

    @Flag(name: .long, help: HelpText.option("Never send output through $PAGER."))
    var noPager = false

    @OptionGroup var options: QuizOptions
    @OptionGroup var display: DisplayOptions

    /// About 50 lines: paged when taller than the screen, as `read` and `demo` are.
    func run() throws {
        let text = try options.request(display: display).statistics(json: json)
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        Pager.show(text, lineCount: lines, enabled: !noPager && !json, title: "ganbook quiz stats")
    }
}
