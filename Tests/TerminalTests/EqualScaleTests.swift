/// A plane drawn at an equal scale (issue 25 §3): a unit of y is as long on
/// the screen as a unit of x, taking a cell to be twice as high as wide, so
/// the ring of radius 2 is round rather than a flat ellipse.
import Foundation
import Report
@testable import Terminal
@testable import TerminalKit
import Testing
import TerminalKit

@Suite struct EqualScaleTests {
    /// The ring's 8 modes in the box ±3.
    static func ring(equalScale: Bool) -> Plot {
        let angles = (0..<8).map { 2 * Double.pi * Double($0) / 8 }
        return Plot(
            title: "ring", kind: .scatter, xLabel: "x₁", yLabel: "x₂",
            series: [Plot.Series(name: "modes", x: angles.map { 2 * cos($0) }, y: angles.map { 2 * sin($0) })],
            yRange: -3...3, xRange: -3...3, equalScale: equalScale)
    }

    /// The plot area's rows (between the title lines and the x axis) and the
    /// columns between the leftmost and rightmost drawn mode.
    static func shape(_ lines: [String]) -> (rows: Int, modeRows: Int, modeColumns: Int) {
        let axis = lines.firstIndex { $0.contains("└") }!
        let area = lines[..<axis].filter { $0.contains("┤") || $0.contains("│") }
        let marked = area.enumerated().filter { $0.element.contains("*") }
        let columns = area.flatMap { line in line.enumerated().filter { $0.element == "*" }.map(\.offset) }
        return (area.count, marked.last!.offset - marked.first!.offset, columns.max()! - columns.min()!)
    }

    @Test(arguments: [60, 80, 100])
    func theRingIsRound(width: Int) {
        let (rows, tall, wide) = Self.shape(TerminalPlot(sheet: .plain, width: width).render(Self.ring(equalScale: true)))
        // 4 units across is `wide` columns and 4 units high is `tall` rows: twice as many columns, within a cell's rounding.
        #expect(abs(Double(wide) - 2 * Double(tall)) <= 3, "\(wide) columns against \(tall) rows at width \(width)")
        #expect(rows <= TerminalPlot.equalScaleRows)
    }

    @Test func withoutEqualScaleTheRingIsFlattened() {
        let (_, tall, wide) = Self.shape(TerminalPlot(sheet: .plain, width: 100).render(Self.ring(equalScale: false)))
        #expect(Double(wide) > 3 * Double(tall), "the check above would see nothing: \(wide) against \(tall)")
    }
}
