/// `ganbook demo` and `ganbook demo NAME [options]`: lists the demos, or runs
/// one and presents its report in the terminal or as JSON.
import ArgumentParser
import Demos
import Report
import Terminal

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a numeric demo, or list them.",
        discussion: "Each demo is a subcommand with its own --help. The same words work in a note's demo cell.",
        subcommands: DemoRegistry.all.map { runner(for: $0) }
    )

    func run() throws {
        let width = DemoRegistry.all.map { $0.name.count }.max() ?? 0
        var out = ""
        for demo in DemoRegistry.all {
            out += demo.name + String(repeating: " ", count: width - demo.name.count) + "  " + demo.summary + "\n"
        }
        Output.write(out)
    }

    static func runner<D: Demo>(for demo: D.Type) -> ParsableCommand.Type { DemoRunner<D>.self }
}

/// Options every demo shares: how its report is presented.
struct ReportOptions: ParsableArguments {
    @Flag(help: "Print the report as JSON (tables as arrays of records, series as arrays).")
    var json = false

    @OptionGroup var display: DisplayOptions
}

/// Runs one demo: its own options, then the shared presentation options.
struct DemoRunner<D: Demo>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: D.name, abstract: D.summary, discussion: D.discussion)
    }

    @OptionGroup var demo: D
    @OptionGroup var output: ReportOptions

    func run() throws {
        defer { ProgressBar.clear() }
        let report = try demo.report(progress: ProgressBar.onStandardError())
        if output.json {
            Output.write(ReportJSON.encode(report))
        } else {
            let renderer = ReportRenderer(sheet: output.display.sheet, width: output.display.resolvedWidth)
            Output.write(renderer.render(report))
        }
    }
}

extension DemoCommand {
    /// The demo a cell's words invoke, parsed and validated exactly as
    /// `ganbook demo WORDS…` would be, without running it.
    static func parseCell(_ words: [String]) throws -> any ParsableCommand {
        guard let name = words.first, DemoRegistry.demo(named: name) != nil else {
            throw Failure("no demo '\(words.first ?? "")'; the demos are " + DemoRegistry.all.map { $0.name }.joined(separator: ", "))
        }
        return try Ganbook.parseAsRoot(["demo"] + words)
    }
}
