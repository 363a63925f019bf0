/// A screen as data: a grid of cells, each a character with a foreground and
/// a background colour, that the lab's views draw into and `ScreenEncoder`
/// turns into escape sequences or plain text.
///
/// Owns placement and display width only (a wide character takes two cells,
/// the second a continuation), never escape sequences or colour depth.
import TerminalKit

/// A colour as red, green, blue; the encoder maps it to what the terminal has.
public struct RGB: Sendable, Equatable, Hashable {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// The colour a fraction `t` ∈ [0, 1] of the way from `a` to `b`.
    static func mix(_ a: RGB, _ b: RGB, _ t: Double) -> RGB {
        let t = min(max(t, 0), 1)
        func c(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return RGB(c(a.r, b.r), c(a.g, b.g), c(a.b, b.b))
    }
}

public struct Cell: Sendable, Equatable {
    /// The character; nil for the right half of a wide character.
    public var character: Character?
    public var foreground: RGB?
    public var background: RGB?
    public var bold = false

    public static let blank = Cell(character: " ")
}

public struct Canvas: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public private(set) var cells: [Cell]

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        cells = Array(repeating: .blank, count: columns * rows)
    }

    public subscript(column: Int, row: Int) -> Cell {
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
    public func plainRow(_ row: Int) -> String {
        var s = ""
        for c in 0..<columns { if let ch = self[c, row].character { s.append(ch) } }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The whole canvas as plain text, one line per row.
    public var plainText: String { (0..<rows).map(plainRow).joined(separator: "\n") + "\n" }
}
