import ArgumentParser
import Demos
import Foundation
import Report
import TestSupport
import Testing

@testable import ganbook

/// `--help` in Chinese (issue 25 §5): the top-level help, not `list`'s; the
/// `help` command with `--lang`; every command's discussion and options, the
/// demos' and the lab's among them, within 80 columns, the width of help when piped, a Chinese
/// character counting two (every command's help: `HelpPageTests`).
@Suite struct ChineseHelpTests {
    @Test func theTopLevelHelpIsTheRootsInChinese() throws {
        for words in [["--help", "--lang", "zh"], ["--lang", "zh", "--help"], ["-h", "--lang=zh"], ["help", "--lang", "zh"]] {
            let run = try Binary.run(words, removing: Binary.unset)
            #expect(run.status == 0, "\(words): \(run.stderr)")
            #expect(run.stdout.contains("一个在终端里学习生成对抗网络理论的笔记本"), "\(words): \(run.stdout)")
            #expect(run.stdout.contains("子命令："), "\(words) printed a subcommand's help: \(run.stdout)")
        }
    }

    /// `quiz` runs `quiz run` by default, and `--lang`, which `quiz` itself
    /// does not take, sent its help there.
    @Test func aCommandWithADefaultSubcommandShowsItsOwnHelp() throws {
        for words in [["quiz", "--help", "--lang", "zh"], ["quiz", "--lang=zh", "-h"]] {
            let run = try Binary.run(words, removing: Binary.unset)
            #expect(run.status == 0, "\(words): \(run.stderr)")
            #expect(run.stdout.contains("ganbook quiz stats") && run.stdout.contains("复习笔记里的测验卡片"), "\(words): \(run.stdout)")
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

    /// Every command's help in Chinese, every demo's and the lab's among
    /// them: no English word but the names a Chinese reader keeps,
    /// ArgumentParser's own words included (`OVERVIEW:`, `(default: …)`,
    /// `Show help information.`).
    @Test(arguments: HelpPageTests.commands())
    func everyHelpIsChineseAndFits(command: [String]) throws {
        let run = try Binary.run(command + ["--help", "--lang", "zh"], removing: Binary.unset)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.tooWide(run.stdout).isEmpty, "\(command): lines wider than 80 columns:\n\(Self.tooWide(run.stdout).joined(separator: "\n"))")
        let english = Self.englishWords(run.stdout)
        #expect(english.isEmpty, "\(command) --help shows English: \(english.sorted())\n\(run.stdout)")
    }

    /// The Latin words of Chinese help that are not names it keeps.
    static func englishWords(_ help: String) -> Set<String> {
        Set(ChineseTermsTests.words(withoutArgumentParsersWords(help))).subtracting(ChineseTermsTests.allowed).subtracting(kept)
    }

    /// The check sees an English sentence, in a discussion or an option's
    /// help, and ArgumentParser's words left in English; it passes the kept
    /// names and the names of values.
    @Test func theCheckSeesEnglishHelp() {
        let help = """
            概述：训练一个 GAN。

            Trains an MLP GAN on the digits.

            OPTIONS:
              --steps <n>             (默认：5000)
                    训练步数，用 Adam 和 PacGAN。
              -h, --help              Show help information.
            """
        #expect(Self.englishWords(help) == ["Trains", "an", "MLP", "on", "the", "OPTIONS", "Show", "information"])
    }

    /// The lines of `text` wider than 80 columns.
    static func tooWide(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.displayWidth > 80 }
    }

    /// Help without the names of options' values (`<spec>`) and `-h`; the
    /// rest of ArgumentParser's words are translated (`HelpPage`), so they count.
    static func withoutArgumentParsersWords(_ help: String) -> String {
        help.replacing(/<[^>\n]*>/, with: "").replacing("-h, --help", with: "")
    }

    /// Latin words the help keeps beside `ChineseTermsTests.allowed`: option
    /// values, value names in the prose, commands, keys, variables, people,
    /// papers and tools, and symbols of formulas.
    static let kept: Set<String> = [
        // option values and the names in the prose that stand for values
        "ring", "grid", "minimax", "nonsaturating", "wgan", "wgan-gp", "pacgan", "minibatch", "unrolled", "dragan", "ebgan",
        "mad-gan", "mrgan", "veegan", "vanilla", "auto", "always", "never", "en", "NAME", "FILE.csv", "COLUMN", "data", "README.md",
        "x30",  // the lab's --size, 100x30
        // the lab's keys, as its key script (--keys) and its screen name them
        "g", "l", "q", "r", "s", "Ctrl-C", "space", "comma", "enter", "esc", "ctrl-c", "wait", "MS",
        // commands and arguments, and what read takes (NOTE#heading-anchor, a prefix obj)
        "list", "check", "export", "help", "quiz", "run", "stats", "NOTE", "heading-anchor", "obj",
        // the quiz's keys and its formulas (2*pi)
        "Enter", "u", "pi",
        // environment variables and paths
        "GANBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "PAGER", "COLORTERM", "GANBOOK_NOTES", "GANBOOK_DATA",
        "XDG_DATA_HOME", "local", "share",
        // formats and the quiz's scheduler
        "HTML", "Markdown", "UTF-8", "FSRS-6",
        // people, papers and tools
        "Goodfellow", "et", "al", "Arjovsky", "Chintala", "Bottou", "Wasserstein", "Wasserstein-1", "Gauss", "Kronrod", "Metz",
        "Lin", "Salimans", "Kodali", "Zhao", "Ghosh", "Che", "Srivastava", "Gulrajani", "Ng", "Jordan", "scipy", "jensenshannon",
        "Adam", "RMSProp", "ReLU", "LeakyReLU", "JSON", "CSV", "ROC", "RMS", "UCI", "MNIST", "FID", "Radford", "Heusel",
        // symbols in formulas, and the data sets' labels (a) and (b)
        "e", "m", "n", "t", "y", "I", "K", "L2", "P", "max_y", "n_critic", "p_t", "uniform", "a", "b", "E", "Tr", "min", "logit", "softmax",
    ]
}
