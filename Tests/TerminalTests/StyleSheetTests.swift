/// The style sheet owns every look: these tests change the sheet and see the
/// renderers follow, and check that no-colour output is just another sheet.
import Foundation
import Markdown
import Report
@testable import Terminal
@testable import TerminalKit
import TestSupport
import Testing

@Suite struct StyleSheetTests {
    @Test func thePlainSheetHasNoStyleAtAll() {
        let plain = StyleSheet.plain
        let styles =
            plain.headings + [
                plain.headingPrefixStyle, plain.listMarker, plain.quoteBarStyle, plain.frame, plain.codeBlockText,
                plain.htmlStyle, plain.unknownStyle, plain.demoStyle, plain.hintStyle, plain.failureStyle, plain.link,
                plain.linkURL, plain.image, plain.figureValue, plain.tableTitle, plain.tableHeader, plain.contentsHeader,
                plain.plotTitle, plain.axisLabel, plain.overlap.style, plain.emphasis.style, plain.strong.style,
                plain.inlineCode.style, plain.quizQuestion, plain.quizAnswer, plain.quizRight, plain.quizClose, plain.quizWhy,
            ] + plain.series.map(\.style) + plain.references.map(\.style)
        #expect(styles.allSatisfy { $0 == .plain })
        #expect(plain.linkPresentation == .urlAfterText(open: " <", close: ">"))
        #expect(!plain.color && StyleSheet(color: false).series == plain.series)
    }

    @Test func markersComeFromTheSheet() {
        var sheet = StyleSheet.plain
        sheet.emphasis = SpanLook(style: .plain, open: "<<", close: ">>")
        sheet.bullets = ["+"]
        let document = MarkdownParser.parse("- *hi*\n")
        #expect(TerminalRenderer(sheet: sheet, width: 40).renderLines(document) == ["+ <<hi>>"])
    }

    @Test func plotMarkersAndReferenceGlyphsComeFromTheSheet() {
        var sheet = StyleSheet.plain
        sheet.series[0].marker = "Z"
        sheet.references[0].glyph = "%"
        let plot = Plot(
            title: "t", xLabel: "x", yLabel: "y", series: [Plot.Series(name: "s", x: [0, 1, 2], y: [0, 1, 2])],
            references: [Plot.Reference(name: "r", y: 1)])
        let text = TerminalPlot(sheet: sheet, width: 50).render(plot).joined(separator: "\n")
        #expect(text.contains("Z s") && text.contains("%%% r"))
    }

    @Test func hyperlinksDropC1Controls() {
        // U+009C is a C1 string terminator: it must not end the OSC 8 sequence early.
        let opener = StyledText.osc8("http://x.org/\u{9C}\u{1B}]8;;evil\u{07}a\u{85}b")
        #expect(!opener.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0 == "\u{07}" })
        #expect(opener == "\u{1B}]8;;http://x.org/]8;;evilab\u{1B}\\")
    }

    /// The renderers hold no style of their own: no `TextStyle(…)` literal
    /// outside the sheet, in any source file.
    @Test func noStyleLiteralOutsideTheSheet() throws {
        let sources = PackagePaths.root.appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("TerminalKit/StyleSheet.swift") } ?? []
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("TextStyle("), "\(file) has a TextStyle literal; add a style to StyleSheet")
        }
    }
}
