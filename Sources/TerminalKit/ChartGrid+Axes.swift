/// A chart's frame around its grid, in the style sheet's axis glyphs: the y
/// axis with its labels on the left of each row, the x axis under the grid
/// with its ticks, and the x labels under their columns.
extension ChartGrid {
    /// The grid's rows behind the y axis: a row's label right-aligned in
    /// `labelWidth` columns, a space, then the axis, with a tick (`axisTick`)
    /// on a row that has a label (an empty label is the tick alone) and the
    /// plain axis (`axisVertical`) elsewhere; then the row as `text` paints it.
    package func rowsWithYAxis(
        labels: [Int: String], labelWidth: Int, sheet: StyleSheet, paint: (String, Owner?) -> String
    ) -> [String] {
        (0..<rows).map { r in
            let label = labels[r] ?? ""
            let pad = String(repeating: " ", count: max(labelWidth - label.count, 0))
            let axis = String(labels[r] != nil ? sheet.axisTick : sheet.axisVertical)
            return pad + label + " " + sheet.paint(axis, sheet.frame) + text(row: r, paint: paint)
        }
    }

    /// The x axis under the grid: `cornerLabel` (the y axis's origin, or
    /// nothing) right-aligned in `labelWidth` columns, a space, the corner, and
    /// the line with a tick (`axisTickDown`) at each of `ticks`.
    package func xAxis(ticks: Set<Int> = [], cornerLabel: String = "", labelWidth: Int, sheet: StyleSheet) -> String {
        let line = (0..<columns).map { ticks.contains($0) ? sheet.axisTickDown : sheet.axisHorizontal }
        let pad = String(repeating: " ", count: max(labelWidth - cornerLabel.count, 0))
        return pad + cornerLabel + " " + sheet.paint(String(sheet.axisCorner) + String(line), sheet.frame)
    }

    /// The x labels in one line under a grid that starts `margin` columns in:
    /// each label centred on its column or starting at it (`centred`), kept
    /// inside the line (the margin, the grid and `overhang` columns more). They
    /// are placed in the order given, each only where it has a free column on
    /// either side: the first always is. A wide character takes two columns.
    /// Returns the line, without trailing spaces, and the columns whose labels were placed.
    package func xLabels(
        _ labels: [(column: Int, text: String)], margin: Int, centred: Bool, overhang: Int = 0
    ) -> (line: String, placed: [Int]) {
        var cells = [String](repeating: " ", count: margin + columns + overhang)
        var taken = [Bool](repeating: false, count: cells.count)
        var placed: [Int] = []
        for label in labels {
            let text = label.text.flatMap { c in c.displayWidth == 2 ? [String(c), ""] : [String(c)] }
            var start = margin + label.column - (centred ? text.count / 2 : 0)
            start = min(max(start, 0), max(cells.count - text.count, 0))
            let span = max(start - 1, 0)..<min(start + text.count + 1, cells.count)
            if taken[span].contains(true) { continue }
            for (i, cell) in text.enumerated() where start + i < cells.count {
                cells[start + i] = cell
                taken[start + i] = true
            }
            placed.append(label.column)
        }
        var line = cells.joined()
        while line.last == " " { line.removeLast() }
        return (line, placed)
    }
}
