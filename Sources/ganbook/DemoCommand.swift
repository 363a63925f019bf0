/// `ganbook demo` and `ganbook demo NAME [options]`: lists the demos, or runs
/// one and presents its report in the terminal or as JSON.
import ArgumentParser
import Demos
import Installation
import Localization
import NotebookRunner
import Report
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
        let translator = Translator.forLanguage(try LanguageOption.resolve(language.lang))
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
/// The report also goes into the cell cache, so a note's cell with the same
/// words shows it without running again.
struct DemoRunner<D: Demo>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: D.name, abstract: HelpText.words(D.summary), discussion: D.discussion)
    }

    @OptionGroup var demo: D
    @OptionGroup var output: ReportOptions

    func run() throws {
        defer { ProgressBar.clear() }
        let report = try demo.report(progress: ProgressBar.onStandardError())
        // Into the default data folder ($GANBOOK_DATA, …): a demo's own `--data` is its input file.
        CellCache(dataFolder: DataFolder.resolve(flag: nil)).store(report, [D.name] + Self.words)
        if output.json {
            Output.write(ReportJSON.encode(report))
        } else {
            var renderer = ReportRenderer(sheet: output.display.sheet, width: output.display.resolvedWidth)
            let translator = Translator.forLanguage(try LanguageOption.resolve(output.language.lang ?? LanguageOption.onCommandLine))
            renderer.words = { translator($0) }
            let lines = renderer.renderLines(translator.translate(report))
            Pager.show(lines.map { $0 + "\n" }.joined(), lineCount: lines.count, enabled: !output.noPager)
        }
    }

    /// The demo's own words on this command line, as a cell would hold them
    /// (without the presentation options, which do not change the report).
    static var words: [String] {
        var words = Array(CommandLine.arguments.drop { $0 != D.name }.dropFirst())
        let presentation: Set<String> = ["--json", "--width", "--color", "--lang", "--no-pager"]
        var i = 0
        while i < words.count {
            let word = words[i], name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
            if presentation.contains(name) {
                words.remove(at: i)
                if name != "--json", name != "--no-pager", !word.contains("="), i < words.count { words.remove(at: i) }
            } else {
                i += 1
            }
        }
        return words
    }
}
