/// Image grids in the terminal: half blocks with 24-bit greys when colour is
/// on, the shade ramp and no escape codes without it; never wider than the width.
import Report
@testable import Terminal
import TerminalKit
import TestSupport
import Testing

@Suite struct ImageRenderingTests {
    /// A 3 × 4 grid of 8 × 8 images: image k is a vertical bar at column k mod 8, full ink.
    static let grid = ImageGrid(
        title: "bars", imageWidth: 8, imageHeight: 8, columns: 4,
        images: (0..<12).map { k in (0..<64).map { $0 % 8 == k % 8 ? 1.0 : 0.0 } })

    @Test(arguments: [20, 40, 80, 100])
    func nothingIsWiderThanTheWidth(width: Int) {
        for color in [false, true] {
            for line in TerminalImages(color: color, width: width).render(Self.grid) {
                #expect(ANSI.strip(line).displayWidth <= width, "\(width), colour \(color): '\(ANSI.strip(line))'")
            }
        }
    }

    @Test func halfBlocksCarryTwoPixelRowsIn24BitGrey() {
        let lines = TerminalImages(color: true, width: 80).render(Self.grid)
        // Four images to a line at 80 columns: 3 groups of 4 rows, 2 blank lines between.
        #expect(lines.count == 3 * 4 + 2)
        let first = lines[0]
        #expect(first.contains("\u{1B}[38;2;255;255;255m\u{1B}[48;2;255;255;255m▀"))
        #expect(first.contains("\u{1B}[38;2;0;0;0m\u{1B}[48;2;0;0;0m▀"))
        #expect(ANSI.strip(first) == Array(repeating: String(repeating: "▀", count: 8), count: 4).joined(separator: " "))
    }

    @Test func withoutColourEachPixelIsAShadeAndThereAreNoEscapes() {
        let lines = TerminalImages(color: false, width: 80).render(Self.grid)
        let text = lines.joined(separator: "\n")
        #expect(!ANSI.hasEscapes(text))
        // Two characters a pixel at 80 columns: image 0's bar is the first two columns.
        #expect(lines[0].hasPrefix("██" + String(repeating: " ", count: 14) + " " + "  ██"))
        #expect(lines.count == 3 * 8 + 2)
        let grey = ImageGrid(title: "ramp", imageWidth: 5, imageHeight: 1, columns: 1, images: [[0, 0.25, 0.5, 0.75, 1]])
        #expect(TerminalImages(color: false, width: 80).render(grey) == ["  ░░▒▒▓▓██"])
        #expect(TerminalImages(color: false, width: 30).render(grey) == [" ░▒▓█"])
    }

    @Test func theReportRendererShowsTheTitleAndTheGrid() {
        var report = Report(title: "Digits")
        report.images(Self.grid)
        let text = ReportRenderer(sheet: StyleSheet(color: false), width: 80).render(report)
        #expect(text.contains("bars\n██"))
        #expect(!ANSI.hasEscapes(text))
    }
}
