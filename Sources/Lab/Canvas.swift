/// A screen as data: a grid of cells, each a character with a foreground and
/// a background colour, that the lab's views draw into and `ScreenEncoder`
/// turns into escape sequences or plain text.
///
/// Owns placement and display width only (a wide character takes two cells,
/// the second a continuation), never escape sequences or colour depth.
import TerminalKit

/// A colour as red, green, blue; the encoder maps it to what the terminal has.
package struct RGB: Sendable, Equatable, Hashable {
    package var r: UInt8, g: UInt8, b: UInt8
    package init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// The colour a fraction `t` ∈ [0, 1] of the way from `a` to `b`.
    static func mix(_ a: RGB, _ b: RGB, _ t: Double) -> RGB {
        let t = min(max(t, 0), 1)
        func c(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return RGB(c(a.r, b.r), c(a.g, b.g), c(a.b, b.b))
    }
}

package struct Cell: Sendable, Equatable {
    /// The character; nil for the right half of a wide character.
    package var character: Character?
    package var foreground: RGB?
    package var background: RGB?
    package var bold = false

    package static let blank = Cell(character: " ")
}

package struct Canvas: Sendable, Equatable {
    package let columns: Int
    package let rows: Int
    package private(set) var cells: [Cell]

    package init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        cells = Array(repeating: .blank, count: columns * rows)
    }

    package subscript(column: Int, row: Int) -> Cell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }

    func contains(_ column: Int, _ row: Int) -> Bool { column >= 0 && column < columns && row >= 0 && row < rows }

    /// Sets one cell's character and colours (nil keeps the cell's colour).
    mutating func put(
        _ character: Character, _ column: Int, _ row: Int, foreground: RGB? = nil, background: RGB? = nil,
        bold: Bool = false
    ) {
        guard contains(column, row) else { return }
        var cell = self[column, row]
        cell.character = character
        if let foreground { cell.foreground = foreground }
        if let background { cell.background = background }
        cell.bold = bold
        self[column, row] = cell
    }

    /// Writes `text` from (column, row), at most `limit` columns wide (to the
    /// canvas's edge by default), cutting by display width. Returns the columns used.
    @discardableResult
    mutating func write(
        _ text: String, _ column: Int, _ row: Int, foreground: RGB? = nil, background: RGB? = nil,
        bold: Bool = false, limit: Int? = nil
    ) -> Int {
        guard row >= 0 && row < rows else { return 0 }
        let end = min(columns, column + (limit ?? columns))
        var c = column
        for character in text {
            let w = character.displayWidth
            if w == 0 { continue }
            if c + w > end { break }
            if c >= 0 {
                put(character, c, row, foreground: foreground, background: background, bold: bold)
                if w == 2 {
                    put(" ", c + 1, row, foreground: foreground, background: background, bold: bold)
                    self[c + 1, row].character = nil
                }
            }
            c += w
        }
        return c - column
    }

    /// Fills a rectangle's background (and blanks its characters).
    mutating func fill(_ column: Int, _ row: Int, width: Int, height: Int, background: RGB?) {
        for r in row..<(row + height) {
            for c in column..<(column + width) where contains(c, r) {
                self[c, r] = Cell(character: " ", foreground: nil, background: background)
            }
        }
    }

    /// Row `row` as plain text, trailing spaces removed.
    package func plainRow(_ row: Int) -> String {
        var s = ""
        for c in 0..<columns { if let ch = self[c, row].character { s.append(ch) } }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The whole canvas as plain text, one line per row.
    package var plainText: String { (0..<rows).map(plainRow).joined(separator: "\n") + "\n" }
}
