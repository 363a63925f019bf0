import Localization
import Notebook
@testable import Terminal
@testable import TerminalKit
@testable import ganbook
import TestSupport
import Testing

/// The progress lines on stderr (drawn only on a terminal, so tested as the
/// lines they would draw), in both languages.
@Suite struct ProgressLineTests {
    static let zh = Translator.forLanguage(.zh)

    @Test func theCellLineInEnglishAndInChinese() {
        let running = ["mode-collapse --target grid", "jsd"]
        #expect(
            CellRunStatus.line(done: 3, total: 22, secondsLeft: 40, running: running, words: { $0 })
                == "demo cells 3/22 · about 40 s left · running mode-collapse --target grid (+1)")
        #expect(
            CellRunStatus.line(done: 3, total: 22, secondsLeft: 40, running: running, words: { Self.zh($0) })
                == "演示单元 3/22 · 约剩 40 秒 · 正在运行 mode-collapse --target grid (+1)")
        #expect(CellRunStatus.line(done: 0, total: 5, secondsLeft: nil, running: [], words: { Self.zh($0) }) == "演示单元 0/5")
    }

    /// Every cell's words and every note's id pass through unchanged inside
    /// the Chinese line: none is mistaken for a phrase the table translates.
    @Test func theBundledCellsAndNotesKeepTheirWordsInChinese() throws {
        let folder = try NotebookSource().folder
        for language in Editions(folder: folder).languages {
            let book = try Notebook(folder: Editions(folder: folder).folder(for: language))
            for note in try book.loadAll() {
                #expect(Self.zh("exporting \(note.id)") == "正在导出 \(note.id)")
                for cell in note.demoCells {
                    #expect(Self.zh("running \(cell.source)") == "正在运行 \(cell.source)")
                }
            }
        }
    }

    @Test func theBarShowsTheLabelAndTheShareDone() {
        #expect(ProgressBar.line(0.48, "正在训练 G 和 D", width: 10) == "\r\u{1B}[2K正在训练 G 和 D ▕████░░░░░░▏ 48%")
        #expect(ProgressBar.line(1, "done", width: 4).hasSuffix("▏ 100%\r\u{1B}[2K"))
        #expect(ProgressBar.line(.nan, "x", width: 4).contains("▕░░░░▏ 0%"))
    }

    /// The time left is the time so far scaled by the share still to do, in
    /// seconds under 2 minutes, else in minutes; no guess before 1% and 3 s.
    @Test func theBarShowsTheTimeLeft() {
        #expect(ProgressBar.timeLeft(fraction: 0.5, elapsed: 30) == "about 30 s left")
        #expect(ProgressBar.timeLeft(fraction: 0.1, elapsed: 60) == "about 9 min left")
        #expect(ProgressBar.timeLeft(fraction: 0.005, elapsed: 60) == nil)
        #expect(ProgressBar.timeLeft(fraction: 0.5, elapsed: 2) == nil)
        #expect(ProgressBar.timeLeft(fraction: 1, elapsed: 60) == nil)
        let left = ProgressBar.timeLeft(fraction: 0.1, elapsed: 60).map { Self.zh($0) }
        #expect(left == "约剩 9 分钟")
        #expect(ProgressBar.line(0.5, "x", width: 2, left: left) == "\r\u{1B}[2Kx ▕█░▏ 50% · 约剩 9 分钟")
        #expect(ProgressBar.line(1, "x", width: 2, left: left).hasSuffix("▏ 100%\r\u{1B}[2K"))
    }
}
