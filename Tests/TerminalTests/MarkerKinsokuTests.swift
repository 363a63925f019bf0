import Markdown
import Terminal
import TerminalKit
import TestSupport
import Testing

/// Issue 25 §5: without colour, a closing `**` stays on the line of the text
/// it closes; and a run of closing punctuation (`）：`) after a word too wide
/// for the line does not start the next line.
@Suite struct MarkerKinsokuTests {
    static let closing = Set("，。、；：！？）」』】〉》”’")

    @Test func markersStayWithTheTextTheyWrap() {
        let source = "我们在这里讨论模式崩溃，以及它的**代价**。后面还有一些文字。\n"
        for width in 8...40 {  // narrower, "价**。" (6 columns) must itself be broken
            let lines = TerminalRenderer(sheet: .plain, width: width).renderLines(MarkdownParser.parse(source))
            let joined = lines.joined(separator: "\n")
            #expect(joined.contains("**代") && joined.contains("价**"), "width \(width): \(lines)")
            #expect(!lines.contains { $0.hasPrefix("**。") || $0.hasSuffix("的**") }, "width \(width): \(lines)")
        }
    }

    @Test func aRunOfClosingPunctuationDoesNotStartALine() {
        let source = "- **超参数**（hyperparameter）：需要人工选定的设置，例如 k 或学习率。\n"
        for width in 10...40 {
            for line in TerminalRenderer(sheet: .plain, width: width).renderLines(MarkdownParser.parse(source)) {
                let body = line.drop { $0 == " " || $0 == "•" }
                if let first = body.first { #expect(!Self.closing.contains(first), "width \(width): '\(line)'") }
                #expect(line.displayWidth <= width, "width \(width): '\(line)'")
            }
        }
    }
}
