import Foundation
import TestSupport
import Testing

/// The Chinese edition through the binary: chosen by --lang, GANBOOK_LANG or
/// the locale; the same numbers under Chinese words; both sites linked.
@Suite struct LanguageTests {
    @Test func theLocaleOpensTheChineseContentsAndTheFlagOverridesIt() throws {
        let zh = try Binary.run(["list"], environment: ["LANG": "zh_CN.UTF-8"], removing: Binary.unset)
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("标题") && zh.stdout.contains("什么是 GAN"))
        let en = try Binary.run(["list", "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"], removing: Binary.unset)
        #expect(en.stdout.contains("title") && !en.stdout.contains("标题"))
        let env = try Binary.run(["read", "1", "--no-pager"], environment: ["GANBOOK_LANG": "zh", "LANG": "en_US.UTF-8"], removing: Binary.unset)
        #expect(env.stdout.contains("下一篇：2 · training · ganbook read 2"))
        let bad = try Binary.run(["list", "--lang", "fr"], removing: Binary.unset)
        #expect(bad.status != 0 && bad.stderr.hasPrefix("ganbook: --lang 'fr' is not a language ganbook has"))
    }

    @Test func aChineseDemoShowsTheSameNumbersAsTheEnglishOne() throws {
        let en = try Binary.run(["demo", "jsd", "--lang", "en"], removing: Binary.unset)
        let zh = try Binary.run(["demo", "jsd", "--lang", "zh"], removing: Binary.unset)
        #expect(en.status == 0 && zh.status == 0)
        func numbers(_ text: String) -> [String] {
            text.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "−" || $0 == "-") }).map(String.init)
                .filter { $0.contains(where: \.isNumber) && $0.contains(".") }
        }
        #expect(!numbers(en.stdout).isEmpty)
        #expect(numbers(en.stdout) == numbers(zh.stdout))
    }

    @Test func theSiteHasBothEditionsEachPageLinkedToItsCounterpart() throws {
        let site = temporaryFolder("site")
        let data = site + "-data"
        defer { try? FileManager.default.removeItem(atPath: site); try? FileManager.default.removeItem(atPath: data) }
        let result = try Binary.run(["export", "--html", site, "--no-run", "--data", data, "--lang", "zh"], removing: Binary.unset)
        #expect(result.status == 0, "\(result.stderr)")
        let zh = try String(contentsOfFile: site + "/gan.html", encoding: .utf8)
        let en = try String(contentsOfFile: site + "/en/gan.html", encoding: .utf8)
        #expect(zh.contains("<html lang=\"zh-Hans\">") && en.contains("<html lang=\"en\">"))
        #expect(zh.contains("href=\"en/gan.html\" hreflang=\"en\""))
        #expect(en.contains("href=\"../gan.html\" hreflang=\"zh-Hans\""))
        let css = try String(contentsOfFile: site + "/style.css", encoding: .utf8)
        #expect(css.contains("html:lang(zh-Hans)") && css.contains("Noto Sans CJK SC"))
    }

    /// A link to another note is something to act on: OSC 8 to its file on a
    /// terminal, the command that reads it without colour, with --notes kept.
    @Test func linksToNotesOpenTheNoteOrSayHowToReadIt() throws {
        let plain = try Binary.run(["read", "gan", "--no-pager", "--width", "100", "--lang", "en"], removing: Binary.unset)
        #expect(plain.stdout.contains("<ganbook read open-questions --lang en>"))
        let color = try Binary.run(["read", "gan", "--no-pager", "--color", "always", "--lang", "en"], removing: Binary.unset)
        #expect(color.stdout.contains("\u{1B}]8;;file://") && color.stdout.contains("/notes/09-open-questions.md"))
        let folder = "Tests/GanbookTests/Fixtures/notes"
        let other = try Binary.run(["read", "sample", "--no-pager", "--width", "100", "--notes", folder], removing: Binary.unset)
        #expect(other.stdout.contains("2 quiz cards · ganbook quiz sample --notes \(folder)\n"))
        #expect(other.stdout.contains("ganbook read 2 --notes \(folder)"))
    }

    @Test func theLabsLabelsAreChineseAroundTheSameNumbers() throws {
        let words = ["lab", "--frames", "1", "--every", "50", "--size", "100x30"]
        let en = try Binary.run(words + ["--lang", "en"], removing: Binary.unset)
        let zh = try Binary.run(words + ["--lang", "zh"], removing: Binary.unset)
        #expect(en.status == 0 && zh.status == 0, "\(zh.stderr)")
        #expect(en.stdout.contains("D loss") && zh.stdout.contains("D 的损失") && !zh.stdout.contains("D loss"))
        #expect(en.stdout.hasPrefix("ganbook lab · nonsaturating · ring (8 Gaussians"))
        #expect(zh.stdout.hasPrefix("ganbook lab · 非饱和损失 · 圆环（8 个高斯分布"))
        func numbers(_ text: String) -> [String] {
            text.split(whereSeparator: { !($0.isNumber || $0 == ".") }).map(String.init).filter { $0.contains(".") }
        }
        #expect(numbers(en.stdout) == numbers(zh.stdout))
    }
}
