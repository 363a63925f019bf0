import ArgumentParser
import TerminalKit
import TestSupport
import Testing

@testable import ganbook

/// Every `--help` fits 80 columns, the width of help when piped, in English
/// and in Chinese (a Chinese character counting two), usage lines included:
/// ArgumentParser never wraps a usage, and `read`'s ran to 137 columns. In
/// Chinese, ArgumentParser's own words are the catalogue's.
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
            #expect(run.stdout.contains(lang == "zh" ? "用法：ganbook" : "USAGE: ganbook"), "\(path) printed no usage:\n\(run.stdout)")
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

    static let zh = HelpPage(columns: 80, translator: .forLanguage(.zh))

    /// ArgumentParser's headers and fixed phrases in Chinese, from the
    /// catalogue; the text beside a subcommand keeps its column after the
    /// narrower `(默认)`, and a default broken onto the next line is found.
    @Test func argumentParsersWordsInChinese() {
        let help = """
            OVERVIEW: 阅读一篇笔记。

            USAGE: ganbook read <note>

            ARGUMENTS:
              <note>                  要读的笔记。

            OPTIONS:
              --color <when>          (values: auto, always, never; default: auto)
              --loss <loss>           (values: minimax, nonsaturating, wgan, wgan-gp;
                                      default: nonsaturating)
              --steps <n>             (default: 5000)
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              list (default)          显示目录。

              See 'ganbook help <subcommand>' for detailed help.
            """
        #expect(
            Self.zh.finished(help) == """
                概述：阅读一篇笔记。

                用法：ganbook read <note>

                参数：
                  <note>                  要读的笔记。

                选项：
                  --color <when>          (可选值：auto, always, never; 默认：auto)
                  --loss <loss>           (可选值：minimax, nonsaturating, wgan, wgan-gp;
                                          默认：nonsaturating)
                  --steps <n>             (默认：5000)
                  --version               显示版本号。
                  -h, --help              显示帮助信息。

                子命令：
                  list (默认)             显示目录。

                  运行 'ganbook help <subcommand>' 查看详细帮助。
                """, "\(Self.zh.finished(help))")
        #expect(HelpPage(columns: 80).finished(help) == help, "English is left as ArgumentParser wrote it")
    }

    /// Only ArgumentParser's words where it writes them: not the same words
    /// inside a sentence, nor a header-like line with no entry.
    @Test func aSentenceIsNotTranslated() {
        let help = """
            USAGE: ganbook x

            NOTES:
            Show help information. (default: none) is a sentence here.
              --x <n>                 Show the version. Not at the end.
            """
        #expect(Self.zh.finished(help) == help.replacing("USAGE: ", with: "用法："), "\(Self.zh.finished(help))")
    }

    /// The Chinese usage wraps under its narrower header.
    @Test func theChineseUsageWrapsUnderItsHeader() {
        let help = "USAGE: ganbook read <note> [--notes <dir>] [--lang <lang>] [--width <n>]\n       ganbook read stats\n"
        #expect(
            HelpPage(columns: 50, translator: .forLanguage(.zh)).finished(help) == """
                用法：ganbook read <note> [--notes <dir>]
                                   [--lang <lang>] [--width <n>]
                      ganbook read stats

                """)
    }
}
