import Testing

@testable import TerminalKit

/// The one chart drawer, as the plots, the lab's curves and the quiz's forecast use it.
@Suite struct ChartGridTests {
    @Test func dotsFillBrailleCellsAndALineJoinsItsPoints() {
        var grid = ChartGrid(columns: 2, rows: 1)
        grid.setDot(x: 0, y: 0, series: 0)  // dot 1
        grid.setDot(x: 1, y: 3, series: 0)  // dot 8
        #expect(grid.character(row: 0, column: 0) == "⢁")
        #expect(grid.character(row: 0, column: 1) == " ")
        grid.drawLine([(0, 0), (1.5, 0)], series: 1, yLimit: 0)
        #expect((0..<2).allSatisfy { grid.owner(row: 0, column: $0) == .series(1) })
    }

    @Test func aRowIsPaintedInRunsOfOneOwnerWithoutTrailingBlanks() {
        var grid = ChartGrid(columns: 6, rows: 1)
        grid.put("*", row: 0, column: 0, owner: .series(0))
        grid.put("*", row: 0, column: 1, owner: .series(0))
        grid.putIfEmpty("·", row: 0, column: 1, owner: .reference(0))  // taken: stays a star
        grid.putIfEmpty("·", row: 0, column: 3, owner: .reference(0))
        let text = grid.text(row: 0) { run, owner in owner.map { "[\($0 == .series(0) ? "s" : "r"):\(run)]" } ?? run }
        #expect(text == "[s:**] [r:·]")
    }

    @Test func scatterPointsOfTwoSeriesInOneCellShowTheOverlap() {
        var grid = ChartGrid(columns: 3, rows: 1)
        grid.drawPoints([(1, 0)], series: 0, marker: "*", overlap: "◆")
        grid.drawPoints([(1, 0), (2, 0)], series: 1, marker: "o", overlap: "◆")
        #expect(grid.text(row: 0) { run, _ in run } == " ◆o")
        #expect(grid.hasOverlap)
    }

    @Test func theFrameLabelsRowsAndPlacesXLabelsWhereTheyFit() {
        let grid = ChartGrid(columns: 10, rows: 2)
        #expect(grid.rowsWithYAxis(labels: [0: "10"], labelWidth: 2, sheet: .plain) { run, _ in run } == ["10 ┤", "   │"])
        #expect(grid.xAxis(ticks: [0, 9], cornerLabel: "0", labelWidth: 2, sheet: .plain) == " 0 └┬────────┬")
        // Centred under their columns; the third would touch the first, so it is left out.
        let (line, placed) = grid.xLabels([(0, "0"), (9, "90"), (1, "10")], margin: 4, centred: true)
        #expect(line == "    0       90")
        #expect(placed == [0, 9])
        // Starting at their columns; a wide character takes two.
        #expect(grid.xLabels([(0, "今天"), (6, "+6")], margin: 2, centred: false).line == "  今天  +6")
    }
}
