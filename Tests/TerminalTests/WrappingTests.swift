@testable import Terminal
@testable import TerminalKit
import TerminalKit
import Testing

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumn() { #expect("GAN loss".displayWidth == 8) }
    @Test func cjkIsTwoColumns() { #expect("生成器".displayWidth == 6) }
    @Test func fullwidthPunctuationIsTwo() { #expect("，。（）".displayWidth == 8) }
    @Test func hangulSyllablesAreTwo() { #expect("한국".displayWidth == 4) }
    @Test func combiningMarksAreZero() {
        #expect("e\u{301}".displayWidth == 1)  // é as e + combining acute
        #expect("x\u{0332}\u{0332}".displayWidth == 1)  // double underline marks
    }
    @Test func emojiAreTwo() {
        #expect("🎲".displayWidth == 2)
        #expect("❤️".displayWidth == 2)  // text-default heart with VS16
    }
    @Test func greekAndMathAreOne() { #expect("𝔼∼‖θσ₁".displayWidth == 6) }
}

@Suite struct WrappingTests {
    func lines(_ text: String, _ width: Int) -> [String] {
        StyledText(text).wrapped(width: width).map(\.plainText)
    }

    @Test func latinBreaksAtSpaces() {
        #expect(lines("the generator maps noise to samples", 16) == ["the generator", "maps noise to", "samples"])
    }

    @Test func mixedChineseAndLatinBreaksBetweenIdeographs() {
        // Width 20: ideographs may break anywhere, Latin words never split,
        // and the full-width comma never starts a line.
        #expect(
            lines("生成器G把噪声z映射成样本，判别器D判断真假。GAN的训练是一个minimax博弈。", 20) == [
                "生成器G把噪声z映射成",
                "样本，判别器D判断真",
                "假。GAN的训练是一个",
                "minimax博弈。",
            ])
    }

    @Test func closingPunctuationStaysWithItsCharacter() {
        // "判别器判断真假" fills 14 columns; "。" may not start the next line, so "假" goes with it.
        #expect(lines("判别器判断真假。下一句", 14) == ["判别器判断真", "假。下一句"])
    }

    @Test func openingBracketStaysWithWhatFollows() {
        #expect(lines("分布（均匀分布）", 6) == ["分布", "（均匀", "分布）"])
    }

    @Test func everyLineFitsAndNothingIsLost() {
        let text = "模式崩溃 mode collapse 是指生成器只产生少数几种样本 (low diversity)，判别器因此很容易被骗过。"
        for width in 4...40 {
            let wrapped = lines(text, width)
            for line in wrapped { #expect(line.displayWidth <= width, "width \(width): \(line)") }
            #expect(wrapped.joined().filter { $0 != " " } == text.filter { $0 != " " }, "width \(width)")
        }
    }

    @Test func aWordLongerThanTheLineIsBroken() {
        #expect(
            lines("see https://example.org/a/very/long/path ok", 12) == [
                "see", "https://exam", "ple.org/a/ve", "ry/long/path", "ok",
            ])
    }

    @Test func wideCharacterNeverStraddlesTheEdge() {
        #expect(lines("abc中文", 4) == ["abc", "中文"])
        #expect(lines("中文字", 3) == ["中", "文", "字"])
    }

    @Test func hardBreaksAreKept() {
        #expect(lines("one\ntwo three", 80) == ["one", "two three"])
    }

    @Test func controlCharactersAreNeutralised() {
        #expect(StyledText("a\u{1B}[31mb").plainText == "a\u{FFFD}[31mb")
    }
}

@Suite struct TerminalEnvironmentTests {
    @Test func explicitWidthWins() {
        #expect(TerminalEnvironment.width(requested: 42, stdoutIsTTY: true, terminalColumns: { 200 }) == 42)
    }
    @Test func terminalWidthIsCappedAt100() {
        #expect(TerminalEnvironment.width(requested: nil, stdoutIsTTY: true, terminalColumns: { 200 }) == 100)
        #expect(TerminalEnvironment.width(requested: nil, stdoutIsTTY: true, terminalColumns: { 72 }) == 72)
    }
    @Test func pipesGet80() {
        #expect(TerminalEnvironment.width(requested: nil, stdoutIsTTY: false, terminalColumns: { 200 }) == 80)
    }
    @Test func colourRules() {
        #expect(TerminalEnvironment.colorEnabled(.auto, stdoutIsTTY: true, noColor: nil))
        #expect(!TerminalEnvironment.colorEnabled(.auto, stdoutIsTTY: false, noColor: nil))
        #expect(!TerminalEnvironment.colorEnabled(.auto, stdoutIsTTY: true, noColor: "1"))
        #expect(TerminalEnvironment.colorEnabled(.auto, stdoutIsTTY: true, noColor: ""))
        #expect(!TerminalEnvironment.colorEnabled(.never, stdoutIsTTY: true, noColor: nil))
        #expect(TerminalEnvironment.colorEnabled(.always, stdoutIsTTY: false, noColor: "1"))
    }
}

@Suite struct DemoCellLayoutTests {
    @Test func longCommandsContinueWithBackslashes() {
        let lines = TerminalRenderer.shellLines(
            #"train --target ring --loss nonsaturating --d-steps 5 --data "0.5*N(-2,1) + 0.5*N(2,1)""#,
            width: 40, continuation: "  ")
        #expect(
            lines == [
                "train --target ring --loss \\",
                "  nonsaturating --d-steps 5 --data \\",
                #"  "0.5*N(-2,1) + 0.5*N(2,1)""#,
            ])
    }
}
