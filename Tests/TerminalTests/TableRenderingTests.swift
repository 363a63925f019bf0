import Markdown
import Report
import Terminal
import TerminalKit
import Testing

/// A pipe table in the terminal: columns line up by display width, Chinese
/// included; too narrow, rows become wrapped lines (issue 25 §3, note 07).
@Suite struct TableRenderingTests {
    static let source = "| 组别 | 对策 | 机制 |\n|---|---|---|\n| 目标函数 | 展开式 GAN | G 的贪心一步 |\n| | DRAGAN | D 的陡坡 |\n"

    @Test func chineseColumnsLineUp() throws {
        let lines = TerminalRenderer(sheet: .plain, width: 60).renderLines(MarkdownParser.parse(Self.source, tables: true))
        #expect(lines.count == 4, "\(lines)")
        // Where the third column starts, in display columns, on every row but the rule.
        let starts = [lines[0], lines[2], lines[3]].compactMap { line -> Int? in
            guard let r = line.range(of: "机制") ?? line.range(of: "G 的") ?? line.range(of: "D 的") else { return nil }
            return line[..<r.lowerBound].displayWidth
        }
        #expect(starts.count == 3 && Set(starts).count == 1, "\(lines)")
    }

    @Test func tooNarrowRowsWrapInsteadOfOverflowing() {
        let lines = TerminalRenderer(sheet: .plain, width: 16).renderLines(MarkdownParser.parse(Self.source, tables: true))
        #expect(lines.allSatisfy { $0.displayWidth <= 16 }, "\(lines)")
        #expect(lines.joined().contains("DRAGAN"))
    }
}
