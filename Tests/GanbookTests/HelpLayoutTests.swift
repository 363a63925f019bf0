import ArgumentParser
import Demos
import Localization
import Report
import TerminalKit
import Testing

@testable import ganbook

/// `HelpLayout` and ArgumentParser together, at widths from 40 to 120
/// columns: a command's Chinese summary (beside its name in its parent's
/// list, and after `OVERVIEW:`), a discussion with a list, and options with
/// and without ArgumentParser's `(default: …)` and `(values: …)` fit the
/// width, with nothing of the Chinese lost or moved.
@Suite struct HelpLayoutTests {
    static let zh = Translator.forLanguage(.zh)

    /// The table's Chinese for `english`, line by line (`missing` where it has none).
    static func chinese(_ english: String) -> String {
        english.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : zh.exactEntry(for: String($0)) ?? missing }
            .joined(separator: "\n")
    }
    static let missing = "(no entry)"

    /// A command laid out at `layout`'s width, with a subcommand.
    struct Probe: ParsableCommand {
        nonisolated(unsafe) static var layout = HelpLayout(columns: 80)
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "probe", abstract: layout.abstract(chinese(ModeCollapseDemo.summary)),
                discussion: layout.discussion(chinese(ModeCollapseDemo.discussion)), subcommands: [Child.self])
        }

        @Option(help: Probe.layout.option(chinese("Number of shifts in the sweep (2 to 1001)."), valueName: "n"))
        var steps = 81
        @Option(help: Probe.layout.option(chinese("Colour: auto (on a terminal, unless NO_COLOR is set), always or never."), valueName: "when"))
        var color: ColorChoice = .auto
        @Option(help: Probe.layout.option(chinese("The second distribution (default U(0.5,1.5); with --sweep, p itself)."), valueName: "spec"))
        var q: String?
        @Flag(help: Probe.layout.option("An English flag's help, long enough to be wrapped by ArgumentParser itself at these widths.", valueName: nil))
        var english = false
    }

    struct Child: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "child", abstract: Probe.layout.abstract(chinese(DStepsDemo.summary)),
                discussion: Probe.layout.discussion(chinese(TrainDemo.discussion)))
        }
    }

    @Test func chineseHelpFitsEveryWidth() {
        let texts = [ModeCollapseDemo.summary, ModeCollapseDemo.discussion, DStepsDemo.summary, TrainDemo.discussion].map(Self.chinese)
        #expect(!texts.contains { $0.contains(Self.missing) }, "a text has no entry")
        for columns in stride(from: 40, through: 120, by: 10) {
            Probe.layout = HelpLayout(columns: columns)
            let page = HelpPage(columns: columns)  // wraps the usage, as `Main` prints help
            let help = page.finished(Probe.helpMessage(columns: columns)) + "\n" + page.finished(Probe.helpMessage(for: Child.self, columns: columns))
            // ArgumentParser never wraps its pointer to `help`, in English either.
            let wide = help.split(separator: "\n").filter { $0.displayWidth > columns && !$0.hasPrefix("  See '") }
            #expect(wide.isEmpty, "at \(columns) columns:\n\(wide.joined(separator: "\n"))")
            let flat = help.filter { !$0.isWhitespace }
            for text in texts {
                #expect(flat.contains(text.filter { !$0.isWhitespace }), "at \(columns) columns, lost: \(text.prefix(30))…")
            }
        }
    }

    /// A list's items keep their later lines under their first word.
    @Test func aListItemHangs() {
        let item = HelpLayout.laidOut("- 小批量判别：加一层，比较同一批里的样本，5 个核，每个维数为 5（Salimans et al. 2016，§3.2）；", width: 30)
        let lines = item.split(separator: "\n")
        #expect(lines.count > 2 && lines[0].hasPrefix("- ") && lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }, "\(item)")
    }

    /// English is left to ArgumentParser, as it was.
    @Test func englishIsNotWrappedHere() {
        let text = "The data distribution p_data (default: 0.5*N(-2,0.6) + 0.5*N(2,0.6)), and words enough for two lines."
        #expect(HelpLayout.laidOut(text, width: 30) == text)
    }
}
