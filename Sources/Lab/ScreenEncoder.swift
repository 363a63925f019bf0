/// From a `Canvas` to what the terminal is sent: the colour depth the
/// terminal has (24-bit when `COLORTERM` says so, else 256 colours, none with
/// `NO_COLOR` or a dumb terminal), SGR sequences for each change of colour,
/// and in-place redrawing of only the rows that changed since the last frame.
///
/// Owns escape sequences for cells; entering and leaving the full screen is
/// `RawTerminal`'s (TerminalKit).
import TerminalKit

package enum ColorDepth: String, Sendable, Equatable {
    case none, palette256, trueColor

    /// NO_COLOR (non-empty, no-color.org) or TERM=dumb: none; COLORTERM
    /// truecolor/24bit: 24-bit; otherwise the 256-colour palette.
    package static func detect(
        noColor: String? = TerminalEnvironment.environment("NO_COLOR"),
        colorTerm: String? = TerminalEnvironment.environment("COLORTERM"),
        term: String? = TerminalEnvironment.environment("TERM")
    ) -> ColorDepth {
        if let noColor, !noColor.isEmpty { return .none }
        if term == "dumb" { return .none }
        if let c = colorTerm?.lowercased(), c == "truecolor" || c == "24bit" { return .trueColor }
        return .palette256
    }
}

package struct ScreenEncoder: Sendable {
    package var depth: ColorDepth
    private var previous: Canvas?

    package init(depth: ColorDepth) { self.depth = depth }

    /// Forget what is on screen, so the next frame is drawn whole (after a resize).
    package mutating func invalidate() { previous = nil }

    /// The bytes that turn the screen from the last frame into `canvas`.
    package mutating func update(to canvas: Canvas) -> String {
        var out = ""
        out.reserveCapacity(canvas.columns * 8)
        let whole = previous == nil || previous!.columns != canvas.columns || previous!.rows != canvas.rows
        if whole { out += "\u{1B}[0m\u{1B}[2J" }
        for row in 0..<canvas.rows {
            if !whole, rowEqual(previous!, canvas, row) { continue }
            out += "\u{1B}[\(row + 1);1H"
            out += encodeRow(canvas, row)
        }
        previous = canvas
        return out
    }

    func rowEqual(_ a: Canvas, _ b: Canvas, _ row: Int) -> Bool {
        let start = row * a.columns
        for i in start..<(start + a.columns) where a.cells[i] != b.cells[i] { return false }
        return true
    }

    /// One row with the fewest SGR changes: a new sequence only when a cell's look differs from the last.
    func encodeRow(_ canvas: Canvas, _ row: Int) -> String {
        var out = ""
        var current: (RGB?, RGB?, Bool)? = nil
        for column in 0..<canvas.columns {
            let cell = canvas[column, row]
            guard let character = cell.character else { continue }
            if depth != .none {
                let look = (cell.foreground, cell.background, cell.bold)
                if current == nil || current!.0 != look.0 || current!.1 != look.1 || current!.2 != look.2 {
                    out += sgr(cell)
                    current = look
                }
            }
            out.append(character)
        }
        if depth != .none { out += "\u{1B}[0m" }
        return out
    }

    func sgr(_ cell: Cell) -> String {
        var codes = ["0"]
        if cell.bold { codes.append("1") }
        if let f = cell.foreground { codes.append(color(f, foreground: true)) }
        if let b = cell.background { codes.append(color(b, foreground: false)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    func color(_ c: RGB, foreground: Bool) -> String {
        switch depth {
        case .trueColor: return (foreground ? "38;2;" : "48;2;") + "\(c.r);\(c.g);\(c.b)"
        case .palette256, .none: return (foreground ? "38;5;" : "48;5;") + String(Self.palette256(c))
        }
    }

    /// The nearest of xterm's 256 colours: the 6×6×6 cube (16…231) or the grey ramp (232…255),
    /// whichever is closer in RGB.
    package static func palette256(_ c: RGB) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ v: UInt8) -> Int {
            var best = 0
            for i in levels.indices where abs(levels[i] - Int(v)) < abs(levels[best] - Int(v)) { best = i }
            return best
        }
        let (r, g, b) = (nearestLevel(c.r), nearestLevel(c.g), nearestLevel(c.b))
        func distance(_ x: (Int, Int, Int)) -> Int {
            let dr = x.0 - Int(c.r), dg = x.1 - Int(c.g), db = x.2 - Int(c.b)
            return dr * dr + dg * dg + db * db
        }
        let cube = (levels[r], levels[g], levels[b])
        let mean = (Int(c.r) + Int(c.g) + Int(c.b)) / 3
        let greyIndex = min(max((mean - 8 + 5) / 10, 0), 23)
        let grey = 8 + 10 * greyIndex
        return distance((grey, grey, grey)) < distance(cube) ? 232 + greyIndex : 16 + 36 * r + 6 * g + b
    }
}
