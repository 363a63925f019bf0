/// The one drawer of charts on a character grid, for every chart ganbook
/// draws in a terminal: the reports' line and scatter plots (Terminal's
/// `TerminalPlot`), the lab's loss curves (`CurveChart`) and the quiz's
/// forecast bars. A cell holds Unicode braille dots (2×4 per cell, U+2800…
/// U+28FF) or a glyph (a marker, a bar, a reference line's mark), and the
/// owner whose colour it takes. Around the grid, the frame: the y axis with
/// its labels on the left, the x axis with its ticks and labels below
/// (`ChartGrid+Axes.swift`).
///
/// Owns where dots, lines, points, markers and labels fall; never the numbers
/// (the caller maps values to cells and picks the ticks) nor the colours (the
/// caller paints each owner's runs).
package struct ChartGrid: Sendable {
    /// Whose a cell is, for its colour.
    package enum Owner: Sendable, Hashable {
        case series(Int)
        /// Points of two or more series in one scatter cell, so that neither hides the other.
        case overlap
        case reference(Int)
    }

    package let columns: Int
    package let rows: Int
    private var dots: [[UInt8]]
    private var glyphs: [[Character?]]
    private var owners: [[Owner?]]
    /// Per series, the cells its line passes through, in order, for its markers.
    private var paths: [Int: [(row: Int, column: Int)]] = [:]
    /// Whether a scatter cell holds points of two or more series.
    package private(set) var hasOverlap = false

    package init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        dots = Array(repeating: Array(repeating: 0, count: columns), count: rows)
        glyphs = Array(repeating: Array(repeating: nil, count: columns), count: rows)
        owners = Array(repeating: Array(repeating: nil, count: columns), count: rows)
    }

    func contains(_ row: Int, _ column: Int) -> Bool { row >= 0 && row < rows && column >= 0 && column < columns }

    /// What the cell shows: its glyph, else its dots, else a space.
    package func character(row: Int, column: Int) -> Character {
        if let g = glyphs[row][column] { return g }
        let d = dots[row][column]
        return d == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(d))!)
    }

    /// Whose the cell is; nil while it is empty.
    package func owner(row: Int, column: Int) -> Owner? { owners[row][column] }

    /// Braille dot bits: a cell's left column is dots 1, 2, 3, 7; its right 4, 5, 6, 8.
    static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// The dot at `x`, `y` (in dots from the top left, two across and four down
    /// a cell) for `series`; a dot covers a reference line's mark. Off the grid: nothing.
    package mutating func setDot(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
        let (c, r) = (x / 2, y / 4)
        if glyphs[r][c] != nil, case .reference = owners[r][c] { glyphs[r][c] = nil }
        dots[r][c] |= Self.bits[x % 2][y % 4]
        owners[r][c] = .series(series)
        if paths[series, default: []].last.map({ $0 != (r, c) }) ?? true { paths[series, default: []].append((r, c)) }
    }

    /// `glyph` in the cell, for `owner` (off the grid: nothing).
    package mutating func put(_ glyph: Character, row: Int, column: Int, owner: Owner) {
        guard contains(row, column) else { return }
        glyphs[row][column] = glyph
        owners[row][column] = owner
    }

    /// `glyph` in the cell while it is empty (a reference line's mark, a setting's change).
    package mutating func putIfEmpty(_ glyph: Character, row: Int, column: Int, owner: Owner) {
        guard contains(row, column), owners[row][column] == nil else { return }
        put(glyph, row: row, column: column, owner: owner)
    }

    /// Connects consecutive points (in cells: x from the left, y from the top)
    /// with dots; nil or non-finite points are gaps. y is held within 0…`yLimit`.
    package mutating func drawLine(_ points: [(Double, Double)?], series: Int, yLimit: Double) {
        var previous: (Int, Int)?
        for point in points {
            guard let (cx, cy) = point, cx.isFinite, cy.isFinite else { previous = nil; continue }
            let x = Int((min(max(cx, -1), Double(columns)) * 2).rounded())
            let y = Int((min(max(cy, 0), yLimit) * 4 + 1.5).rounded(.down))
            if let (px, py) = previous {
                let steps = max(abs(x - px), abs(y - py), 1)
                for s in 0...steps {
                    let t = Double(s) / Double(steps)
                    let dx = Int((Double(px) + t * Double(x - px)).rounded()), dy = Int((Double(py) + t * Double(y - py)).rounded())
                    setDot(x: dx, y: dy, series: series)
                }
            } else {
                setDot(x: x, y: y, series: series)
            }
            previous = (x, y)
        }
    }

    /// Scatter points (in cells) as `marker`; a cell that already holds
    /// another series' point shows `overlap`, so that no series hides another.
    package mutating func drawPoints(_ points: [(Double, Double)], series: Int, marker: Character, overlap: Character) {
        for (cx, cy) in points {
            // Range checks before converting: a point far outside a fixed range must not trap.
            guard cx.isFinite, cy.isFinite, cx > -0.5, cy > -0.5, cx < Double(columns) - 0.5, cy < Double(rows) - 0.5 else { continue }
            let c = Int(cx.rounded()), r = Int(cy.rounded())
            if let other = owners[r][c], Self.isAnotherSeries(other, than: series) {
                put(overlap, row: r, column: c, owner: .overlap)
                hasOverlap = true
            } else {
                put(marker, row: r, column: c, owner: .series(series))
            }
        }
    }

    /// Whether `owner` is another series' point, or points of several already.
    static func isAnotherSeries(_ owner: Owner, than series: Int) -> Bool {
        switch owner {
        case .series(let other): other != series
        case .overlap: true
        case .reference: false
        }
    }

    /// Puts each series' marker on its own line every few columns, offset per
    /// series so that markers of overlapping lines do not land together.
    package mutating func placeMarkers(_ markers: [Character]) {
        let spacing = max(columns / 6, 6)
        for series in markers.indices {
            var nextColumn = (series * spacing) / max(markers.count, 1) + spacing / 2
            for (r, c) in paths[series] ?? [] where c >= nextColumn && owners[r][c] == .series(series) {
                glyphs[r][c] = markers[series]
                nextColumn = c + spacing
            }
        }
    }

    /// Row `row` as text: each run of cells with one owner as `paint` writes
    /// it; the blank cells at its end left out.
    package func text(row: Int, paint: (String, Owner?) -> String) -> String {
        let characters = (0..<columns).map { character(row: row, column: $0) }
        guard let last = characters.lastIndex(where: { $0 != " " }) else { return "" }
        var out = ""
        var start = 0
        for c in 1...(last + 1) where c == last + 1 || owners[row][c] != owners[row][start] {
            out += paint(String(characters[start..<c]), owners[row][start])
            start = c
        }
        return out
    }
}
