import Foundation
import TestSupport
import Testing

/// `--help` in Chinese (issue 25 §5): the top-level help, not `list`'s; the
/// `help` command with `--lang`; a demo's discussion and shared options.
@Suite struct ChineseHelpTests {
    @Test func theTopLevelHelpIsTheRootsInChinese() throws {
        for words in [["--help", "--lang", "zh"], ["--lang", "zh", "--help"], ["-h", "--lang=zh"], ["help", "--lang", "zh"]] {
            let run = try Binary.run(words, removing: Binary.unset)
            #expect(run.status == 0, "\(words): \(run.stderr)")
            #expect(run.stdout.contains("一个在终端里学习生成对抗网络理论的笔记本"), "\(words): \(run.stdout)")
            #expect(run.stdout.contains("SUBCOMMANDS"), "\(words) printed a subcommand's help: \(run.stdout)")
        }
    }

    @Test func helpForACommandTakesLang() throws {
        let run = try Binary.run(["help", "demo", "--lang", "zh"], removing: Binary.unset)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("运行一个数值演示"), "\(run.stdout)")
    }

    @Test func aDemosDiscussionAndSharedOptionsAreChinese() throws {
        let run = try Binary.run(["demo", "jsd", "--help", "--lang", "zh"], removing: Binary.unset)
        #expect(run.status == 0)
        for chinese in ["以奈特和比特为单位的 JS 散度", "自适应 Gauss–Kronrod 求积", "以 JSON 输出报告", "语言：en 或 zh"] {
            #expect(run.stdout.contains(chinese), "missing \(chinese) in\n\(run.stdout)")
        }
        #expect(!run.stdout.contains("Prints KL(p‖q)"))
    }
}
