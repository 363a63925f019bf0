import Report
@testable import Terminal
@testable import TerminalKit
@testable import Report
import TestSupport
import Testing
import TerminalKit

@Suite struct TerminalPlotTests {
    let line = Plot(
        title: "Two lines", xLabel: "x", yLabel: "y",
        series: [
            Plot.Series(name: "up", x: (0...40).map(Double.init), y: (0...40).map { Double($0) / 40 }),
            Plot.Series(name: "down", x: (0...40).map(Double.init), y: (0...40).map { 1 - Double($0) / 40 }),
        ], references: [Plot.Reference(name: "half", y: 0.5)])

    @Test(arguments: [40, 60, 100])
    func fitsTheWidth(width: Int) {
        for color in [false, true] {
            let lines = TerminalPlot(sheet: StyleSheet(color: color), width: width).render(line)
            for l in lines { #expect(ANSI.strip(l).displayWidth <= width, "\(width): '\(l)'") }
        }
    }

    @Test func seriesAreToldApartByMarkerWithoutColour() {
        let text = TerminalPlot(sheet: StyleSheet(color: false), width: 60).render(line).joined(separator: "\n")
        #expect(!ANSI.hasEscapes(text))
        #expect(text.contains("* up") && text.contains("o down") && text.contains("··· half"))
        // Each line carries its marker in the plot area, not only in the legend.
        let body = text.split(separator: "\n").dropLast(3).joined()
        #expect(body.contains("*") && body.contains("o"))
        #expect(body.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })  // braille dots
    }

    @Test func axesHaveTicksAndLabels() throws {
        let lines = TerminalPlot(sheet: StyleSheet(color: false), width: 60).render(line)
        #expect(lines.contains { $0.hasPrefix("  1 ┤") })
        #expect(lines.contains { $0.hasPrefix("  0 ┤") })
        #expect(lines.contains { $0.contains("└") && $0.contains("┬") })
        // The line under the axis holds the x ticks, each label a word of its own.
        let axis = try #require(lines.firstIndex { $0.contains("└") })
        let labels = lines[axis + 1].split(separator: " ")
        #expect(["0", "20", "40"].allSatisfy { labels.contains(Substring($0)) }, "\(lines[axis + 1])")
    }

    @Test func colourPaintsEachSeriesItsOwnColour() {
        let text = TerminalPlot(sheet: StyleSheet(color: true), width: 60).render(line).joined()
        #expect(text.contains("\u{1B}[36m") && text.contains("\u{1B}[33m"))
    }

    @Test func scatterPlotsUseMarkers() {
        let plot = Plot(
            title: "Ring", kind: .scatter, xLabel: "x₁", yLabel: "x₂",
            series: [
                Plot.Series(name: "target", x: [0, 1, 0, -1], y: [1, 0, -1, 0]),
                Plot.Series(name: "samples", x: [0.05, 0.9], y: [0.95, 0.05]),
            ])
        let text = TerminalPlot(sheet: StyleSheet(color: false), width: 50, height: 12).render(plot).joined(separator: "\n")
        #expect(text.filter { $0 == "*" }.count >= 3)  // target markers (one may be covered)
        #expect(text.contains("o samples"))
    }

    @Test func infiniteValuesAreGapsNotCrashes() {
        let plot = Plot(
            title: "KL", xLabel: "θ", yLabel: "nats",
            series: [
                Plot.Series(name: "KL", x: [0, 1, 2, 3], y: [.infinity, 0, .infinity, .nan])
            ])
        #expect(TerminalPlot(sheet: StyleSheet(color: false), width: 40).render(plot).count > 5)
        let empty = Plot(title: "none", xLabel: "x", yLabel: "y", series: [Plot.Series(name: "s", x: [0], y: [.infinity])])
        #expect(TerminalPlot(sheet: StyleSheet(color: false), width: 40).render(empty).last == "(no finite values to plot)")
    }

    @Test func niceTicks() {
        #expect(Ticks.nice(0, 1, count: 5) == [0, 0.5, 1])  // a step of 0.25 is not 1, 2 or 5 × 10ⁿ
        #expect(Ticks.nice(0, 1, count: 6) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(Ticks.nice(-2, 2, count: 5) == [-2, -1, 0, 1, 2])
        #expect(Ticks.nice(0, 7, count: 5) == [0, 2, 4, 6])
    }
}

@Suite struct ReportRendererTests {
    @Test func figuresAndTablesAlign() {
        var report = Report(title: "T")
        report.figures([Figure("short", .fixed(1.5, 2), unit: "nats"), Figure("a longer name", .infinite(reason: "supports differ"))])
        report.table(Table(columns: ["θ", "JSD"], rows: [[.fixed(0.5, 1), .fixed(0.25, 3)], [.fixed(-10, 1), .infinite(reason: "")]]))
        let lines = ReportRenderer(sheet: StyleSheet(color: false), width: 80).renderLines(report)
        // Values line up by decimal point (∞ where the units digit is), units in their own column.
        #expect(lines.contains("  short          1.50 nats"))
        #expect(lines.contains("  a longer name  ∞          supports differ"))
        #expect(lines.contains("      θ    JSD"))
        #expect(lines.contains("    0.5  0.250"))
        #expect(lines.contains("  -10.0  ∞"))
    }

    @Test func decimalPointsLineUpAndWideTablesFit() {
        #expect(
            ReportRenderer.alignedByDecimalPoint(["1.5", "10", "0.25", "∞", "2.0 ± 0.1"]) == [
                " 1.5      ", "10        ", " 0.25     ", " ∞        ", " 2.0 ± 0.1",
            ])
        var report = Report(title: "T")
        report.table(
            Table(
                columns: ["a rather long column header", "another long header for numbers", "third"],
                rows: [[.text("name"), .estimate(Estimate(mean: 0.5, sd: 0.01, n: 3), 3), .integer(7)]]))
        for width in [20, 30, 40, 60] {
            let lines = ReportRenderer(sheet: StyleSheet(color: false), width: width).renderLines(report)
            for line in lines { #expect(line.displayWidth <= max(width, 20), "width \(width): '\(line)'") }
            #expect(lines.contains { $0.contains("0.500 ± 0.010") }, "width \(width)")
        }
    }

    @Test func numbersAreFormattedWithoutLocaleOrNegativeZero() {
        #expect(Value.fixed(-0.0000001, 3).formatted == "0.000")
        #expect(Value.significant(0.693147180559945, 6).formatted == "0.693147")
        #expect(Value.number(2.2e-16, .scientific(2)).formatted == "2.20e-16")
        #expect(Value.fixed(.infinity, 2).formatted == "∞")
    }
}
