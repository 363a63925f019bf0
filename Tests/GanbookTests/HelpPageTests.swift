import ArgumentParser
import TerminalKit
import TestSupport
import Testing

@testable import ganbook

/// Every `--help` fits 80 columns, the width of help when piped, in English
/// and in Chinese (a Chinese character counting two), usage lines included:
/// ArgumentParser never wraps a usage, and `read`'s ran to 137 columns.
@Suite struct HelpPageTests {
    /// Every command's path, the root's (empty) first.
    static func commands(_ type: any ParsableCommand.Type = Ganbook.self, _ path: [String] = []) -> [[String]] {
        [path] + type.configuration.subcommands.flatMap { commands($0, path + [$0.configuration.commandName ?? ""]) }
    }

    @Test(arguments: ["en", "zh"])
    func everyHelpFitsEightyColumns(lang: String) throws {
        let paths = Self.commands()
        #expect(paths.contains(["quiz", "stats"]) && paths.contains(["demo", "digits"]) && paths.contains(["lab"]))
        for path in paths {
            let run = try Binary.run(path + ["--help", "--lang", lang], removing: Binary.unset)
            #expect(run.status == 0, "\(path): \(run.stderr)")
            #expect(run.stdout.contains("USAGE: ganbook"), "\(path) printed no usage:\n\(run.stdout)")
            let wide = run.stdout.split(separator: "\n").filter { $0.displayWidth > 80 }
            #expect(wide.isEmpty, "\(path) --lang \(lang): lines wider than 80 columns:\n\(wide.joined(separator: "\n"))")
        }
    }

    static let help = """
        OVERVIEW: Read a note.

        USAGE: ganbook read <note> [--notes <dir>] [--lang <lang>] [--width <n>] [--color <when>] [--no-pager] [--run]
               ganbook read stats [<notes> ...] --html <dir> [--json]

        OPTIONS:
          -h, --help              Show help information.
        """

    /// The usage is broken between options, later lines under the first
    /// argument, each form starting its own line; nothing else changes.
    @Test func theUsageIsWrappedBetweenOptions() {
        let page = HelpPage(columns: 52).finished(Self.help)
        #expect(
            page == """
                OVERVIEW: Read a note.

                USAGE: ganbook read <note> [--notes <dir>]
                                    [--lang <lang>] [--width <n>]
                                    [--color <when>] [--no-pager]
                                    [--run]
                       ganbook read stats [<notes> ...] --html <dir>
                                          [--json]

                OPTIONS:
                  -h, --help              Show help information.
                """, "\(page)")
    }

    /// A usage that fits is left as ArgumentParser wrote it; so is help without one (--version).
    @Test func whatFitsIsLeftAsItIs() {
        #expect(HelpPage(columns: 200).finished(Self.help) == Self.help)
        #expect(HelpPage(columns: 20).finished("0.1.0 (matrix kernels: avx2)") == "0.1.0 (matrix kernels: avx2)")
    }

    @Test func aUsagesWordsKeepAnOptionWithItsValue() {
        #expect(HelpPage.words("ganbook quiz [<notes> ...] --html <dir> [--all]") == ["ganbook", "quiz", "[<notes> ...]", "--html <dir>", "[--all]"])
    }
}
