/// `ganbook demo` and `ganbook demo NAME [options]`: lists the demos, or runs
/// one and presents its report in the terminal or as JSON.
import ArgumentParser
import Demos
import Localization
import Cells
import Terminal
import TerminalKit

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: HelpText.abstract("Run a numeric demo, or list them."),
        discussion: HelpText.discussion("Each demo is a subcommand with its own --help. The same words work in a note's demo cell."),
        subcommands: DemoRegistry.all.map { runner(for: $0) }
    )

    @OptionGroup var display: DisplayOptions
    @OptionGroup var language: LanguageOption

    /// The demos, how long each default run typically takes, and what each
    /// shows, the summaries wrapped under their own column.
    func run() throws {
        let translator = Translator.forLanguage(try language.language)
        let names = DemoRegistry.all.map { $0.name }
        let nameWidth = names.map(\.count).max() ?? 0
        let items = DemoRegistry.all.map { demo -> (String, String) in
            let duration = Self.typicalSeconds[demo.name].map { translator(Self.duration($0)) } ?? ""
            return (demo.name + String(repeating: " ", count: nameWidth - demo.name.count + 2) + duration, translator(demo.summary))
        }
        Output.write(DefinitionList.render(items, width: display.resolvedWidth))
    }

    /// A default run's typical wall time, per demo, in seconds: one `make
    /// bench` run (whole process, release build, hyperfine medians) on
    /// 2026-12-08, on a 2-core KVM guest whose lscpu says AMD EPYC, family 25
    /// model 17 (Zen 4); see docs/performance.md. Issue 23's 2-core Intel VM
    /// ran train in 3.5 to 4.1 s, about the same.
    static let typicalSeconds: [String: Double] = [
        "jsd": 0.006, "optimal-d": 0.08, "gen-vs-disc": 0.5, "train": 4, "mode-collapse": 29, "d-steps": 12,
        "digits": 4,
    ]

    /// How the list shows a duration: "under 1 s", or "about N s".
    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? "under 1 s" : "about \(Int(seconds.rounded())) s"
    }

    static func runner<D: Demo>(for demo: D.Type) -> ParsableCommand.Type { DemoRunner<D>.self }
}

/// Options every demo shares: how its report is presented.
struct ReportOptions: ParsableArguments {
    @Flag(help: HelpText.option("Print the report as JSON (tables as arrays of records, series as arrays); its words stay English."))
    var json = false

    @OptionGroup var display: DisplayOptions

    /// The language of the report's words (`--json` stays English).
    @OptionGroup var language: LanguageOption

    @Flag(name: .long, help: HelpText.option("Never send output through $PAGER (it is used only on a terminal, for output taller than it)."))
    var noPager = false
}

/// Runs one demo: its own options, then the shared presentation options.
/// The report also goes into the cell cache (see `DemoPresentation`), so a
/// note's cell with the same words shows it without running again.
struct DemoRunner<D: Demo>: ParsableCommand {
    /// The usage line names no options: ArgumentParser writes them all into
    /// it and never wraps it (it shortens it only past 12 options), so it ran
    /// past the terminal; every demo option is optional and listed below.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: D.name, abstract: HelpText.abstract(D.summary), usage: "ganbook demo \(D.name) [<options>]",
            discussion: HelpText.discussion(D.discussion))
    }

    @OptionGroup var demo: D
    @OptionGroup var output: ReportOptions

    func run() throws {
        let language = try NotebookSource.language(output.language.lang ?? LanguageOption.onCommandLine)
        let translator = Translator.forLanguage(language)
        if let notice = demo.notice { Output.error(translator(notice) + "\n") }
        defer { ProgressBar.clear() }
        let report = try demo.report(progress: ProgressBar.onStandardError(words: translator.words))
        let display = output.display
        DemoPresentation(json: output.json, sheet: display.sheet, width: display.resolvedWidth, language: language, pager: !output.noPager)
            .show(report, demo: D.name, arguments: Main.words)
    }
}
