/// `ganbook demo` and `ganbook demo NAME [options]`: lists the demos, or runs
/// one and presents its report in the terminal or as JSON.
import ArgumentParser
import Demos
import Localization
import NotebookRunner
import Terminal

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: HelpText.words("Run a numeric demo, or list them."),
        discussion: "Each demo is a subcommand with its own --help. The same words work in a note's demo cell.",
        subcommands: DemoRegistry.all.map { runner(for: $0) }
    )

    @OptionGroup var display: DisplayOptions
    @OptionGroup var language: LanguageOption

    /// The demos and what each shows, the summaries wrapped under their own column.
    func run() throws {
        let translator = Translator.forLanguage(try language.language)
        Output.write(DefinitionList.render(DemoRegistry.all.map { ($0.name, translator($0.summary)) }, width: display.resolvedWidth))
    }

    static func runner<D: Demo>(for demo: D.Type) -> ParsableCommand.Type { DemoRunner<D>.self }
}

/// Options every demo shares: how its report is presented.
struct ReportOptions: ParsableArguments {
    @Flag(help: "Print the report as JSON (tables as arrays of records, series as arrays); its words stay English.")
    var json = false

    @OptionGroup var display: DisplayOptions

    /// The language of the report's words (`--json` stays English).
    @OptionGroup var language: LanguageOption

    @Flag(name: .long, help: "Never send output through $PAGER (it is used only on a terminal, for output taller than it).")
    var noPager = false
}

/// Runs one demo: its own options, then the shared presentation options.
/// The report also goes into the cell cache (see `DemoPresentation`), so a
/// note's cell with the same words shows it without running again.
struct DemoRunner<D: Demo>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: D.name, abstract: HelpText.words(D.summary), discussion: D.discussion)
    }

    @OptionGroup var demo: D
    @OptionGroup var output: ReportOptions

    func run() throws {
        let language = try NotebookSource.language(output.language.lang ?? LanguageOption.onCommandLine)
        let translator = Translator.forLanguage(language)
        defer { ProgressBar.clear() }
        let report = try demo.report(progress: ProgressBar.onStandardError(words: translator.words))
        let display = output.display
        DemoPresentation(json: output.json, sheet: display.sheet, width: display.resolvedWidth, language: language, pager: !output.noPager)
            .show(report, demo: D.name, arguments: CommandLine.arguments)
    }
}
