/// What a new user tripped over in plots (issue 12 §6): hidden targets, one
/// tick on an axis, reference lines that look alike, titles past the width,
/// and formula frames shorter than their formulas.
import Foundation
import Markdown
import Report
@testable import Terminal
@testable import TerminalKit
import TestSupport
import Testing
import TerminalKit

@Suite struct PlotLayoutTests {
    let plain = StyleSheet.plain

    /// The tick labels under the x axis (the line after `└`).
    func xTickLabels(_ lines: [String]) -> [String] {
        guard let axis = lines.firstIndex(where: { $0.contains("└") }) else { return [] }
        return lines[axis + 1].split(separator: " ").map(String.init)
    }

    @Test func optimalDsAxisHasFourTicksWithBothEndsLabelled() {
        // optimal-d's x runs over [−4.7, 4.7]; it used to get the one tick 0.
        let xs = stride(from: -4.7, through: 4.7, by: 0.1).map { $0 }
        let plot = Plot(
            title: "D*", xLabel: "x", yLabel: "D", series: [Plot.Series(name: "D*", x: xs, y: xs.map { 1 / (1 + exp(-$0)) })],
            yRange: 0...1)
        for width in [40, 60, 100] {
            let lines = TerminalPlot(sheet: plain, width: width).render(plot)
            let labels = xTickLabels(lines)
            #expect(labels.count >= 4, "width \(width): \(labels)")
            #expect(labels.first == "-4.8" && labels.last == "4.8", "width \(width): \(labels)")  // fitted to the data
            let yLabels = lines.compactMap { line in line.contains("┤") ? line.split(separator: "┤")[0].trimmingCharacters(in: .whitespaces) : nil }
            #expect(yLabels.count >= 4 && yLabels.first == "1" && yLabels.last == "0", "width \(width): \(yLabels)")
        }
    }

    @Test func axesAlwaysGetFourTicksAndTheirEnds() {
        for (low, high) in [(0.0, 1.0), (-4.7, 4.7), (0.001, 0.0093), (3.0, 3.2), (-1e6, 2.5e6), (0.5, 0.6931)] {
            let fitted = Ticks.axis(low, high)
            #expect(fitted.ticks.count >= 4 && fitted.low <= low && fitted.high >= high, "\(low)…\(high): \(fitted)")
            #expect(fitted.ticks.first == fitted.low && fitted.ticks.last == fitted.high)
            let fixed = Ticks.axis(low, high, fixed: true)
            #expect(fixed.ticks.count >= 4 && fixed.ticks.first == low && fixed.ticks.last == high, "\(low)…\(high): \(fixed)")
        }
        #expect(Ticks.axis(-4.7, 4.7).ticks == [-4.8, -2, 0, 2, 4.8])  // fitted: steps of 5 would give 3 ticks
        #expect(Ticks.axis(-3.283, 5.3).ticks == [-3.6, -2, 0, 2, 4, 5.6])  // not −5…10
        #expect(Ticks.axis(0, 1, fixed: true).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(Ticks.axis(0, 0.3).ticks == [0, 0.1, 0.2, 0.3])
        let log = Ticks.logarithmicAxis(log10(4), log10(455))
        #expect(log.ticks.count >= 4 && Ticks.logLabel(log.ticks.first!) == "4" && Ticks.logLabel(log.ticks.last!) == "455")
        #expect(Ticks.axis(.nan, 1).ticks.count == 3)  // no trap on a bad range
    }

    @Test func referenceLinesDifferWithoutColour() {
        let plot = Plot(
            title: "errors", xLabel: "m", yLabel: "error", series: [Plot.Series(name: "NB", x: [1, 2, 3], y: [0.4, 0.3, 0.25])],
            references: [Plot.Reference(name: "NB asymptote", y: 0.2), Plot.Reference(name: "Bayes error", y: 0.1)])
        let text = TerminalPlot(sheet: plain, width: 60).render(plot).joined(separator: "\n")
        #expect(text.contains("··· NB asymptote") && text.contains("--- Bayes error"))
        let rows = text.split(separator: "\n")
        #expect(rows.contains { $0.contains("· · ·") } && rows.contains { $0.contains("- - -") })
    }

    /// G's samples on top of the target used to hide it: a cell with both shows ◆.
    @Test func scatterKeepsTheTargetVisibleUnderTheSamples() {
        let ring = (0..<8).map { Double($0) * .pi / 4 }
        let target = Plot.Series(name: "target", x: ring.map { 2 * cos($0) }, y: ring.map { 2 * sin($0) })
        let generated = Plot.Series(name: "generated", x: ring.map { 2 * cos($0) + 0.01 } + [0], y: ring.map { 2 * sin($0) } + [0])
        let plot = Plot(title: "Samples: target vs generated", kind: .scatter, xLabel: "x₁", yLabel: "x₂", series: [target, generated])
        let lines = TerminalPlot(sheet: plain, width: 60).render(plot)
        let body = lines.filter { $0.contains("┤") || $0.contains("│") }.joined()
        #expect(body.filter { $0 == "◆" }.count + body.filter { $0 == "*" }.count == 8, "\(lines.joined(separator: "\n"))")
        #expect(body.contains("o"))  // the sample off the ring
        #expect(lines.last!.contains("◆ target and generated"))
        // The legend's own words go through the renderer's `words` (a translator in Chinese).
        var chinese = TerminalPlot(sheet: plain, width: 60)
        chinese.words = { $0 == "{1} and {2}" ? "{1}与{2}" : $0 }
        #expect(chinese.render(plot).last!.contains("◆ target与generated"))
    }

    @Test func titlesAndLegendsWrapToTheWidth() {
        let title = "Learning curves: test error of naive Bayes and logistic regression as the training set grows (m, log scale)"
        #expect(title.displayWidth > 100)
        let plot = Plot(
            title: title, xLabel: "training examples m (log scale, from 4 to the whole set)", yLabel: "test error",
            series: [Plot.Series(name: "naive Bayes, averaged over the repeats with its spread", x: [4, 40, 455], y: [0.3, 0.2, 0.1])],
            references: [Plot.Reference(name: "the asymptote of naive Bayes from the whole training set", y: 0.15)], logX: true)
        for width in [20, 33, 60, 100] {
            for sheet in [StyleSheet.plain, StyleSheet.colored] {
                for line in TerminalPlot(sheet: sheet, width: width).render(plot) {
                    #expect(ANSI.strip(line).displayWidth <= width, "width \(width): '\(ANSI.strip(line))'")
                }
            }
        }
    }

    @Test func pointsFarOutsideAFixedRangeDoNotTrap() {
        let plot = Plot(
            title: "t", kind: .scatter, xLabel: "x", yLabel: "y",
            series: [Plot.Series(name: "s", x: [0, 1, 2], y: [1e300, -1e300, 0.5])], yRange: 0...1,
            references: [Plot.Reference(name: "inf", y: .infinity)])
        #expect(TerminalPlot(sheet: plain, width: 40).render(plot).count > 10)
    }

    /// Formula blocks are framed code: the frame is never shorter than its content.
    @Test func formulaFramesAreNeverShorterThanTheirContent() {
        let source = "```formula\nC(G) = max_D V(D,G)\n     = −log 4 + KL(p_data ‖ M) + KL(p_g ‖ M)      (eq. 5)\n```\n"
        for width in [24, 40, 60, 100] {
            let lines = TerminalRenderer(sheet: plain, width: width).renderLines(MarkdownParser.parse(source))
            let frame = lines.first!.displayWidth
            #expect(lines.last!.displayWidth == frame)
            for line in lines { #expect(line.displayWidth <= frame, "width \(width): '\(line)' past its frame of \(frame)") }
        }
    }
}
