/// Small grey images in the terminal (a report's `ImageGrid`).
///
/// With colour, each character cell holds two pixels, one above the other:
/// the upper half block `▀` in the upper pixel's grey (24-bit foreground) on
/// the lower pixel's grey (background), so that a pixel is about as wide as
/// it is high. Ink is light on black, as a terminal shows text.
///
/// Without colour (NO_COLOR, a pipe), each pixel is a shade of the ramp
/// ` ░▒▓█` (no ink to full ink), two characters wide when the images still
/// fit four to a line, else one; no escape codes.
///
/// Images are laid out `grid.columns` to a line, or as many as fit the width,
/// one column of space apart; nothing is wider than the width. Layout only:
/// the pixel values come from the report.
import Report

package struct TerminalImages: Sendable {
    package var color: Bool
    package var width: Int

    package init(color: Bool, width: Int) {
        self.color = color
        self.width = width
    }

    static let ramp: [Character] = [" ", "░", "▒", "▓", "█"]

    /// Characters per pixel across: 1 with half blocks; 2 for the shade ramp
    /// when four images fit a line that way, else 1.
    func pixelWidth(_ grid: ImageGrid) -> Int {
        guard !color else { return 1 }
        return 4 * (2 * grid.imageWidth + 1) - 1 <= width ? 2 : 1
    }

    /// How many images go on one line.
    func perLine(_ grid: ImageGrid) -> Int {
        let cell = pixelWidth(grid) * grid.imageWidth
        return max(1, min(grid.columns, (width + 1) / (cell + 1), max(grid.images.count, 1)))
    }

    package func render(_ grid: ImageGrid) -> [String] {
        let n = perLine(grid)
        var out: [String] = []
        for start in stride(from: 0, to: grid.images.count, by: n) {
            let group = Array(start..<min(start + n, grid.images.count))
            if start > 0 { out.append("") }
            out += color ? halfBlockLines(grid, group) : shadeLines(grid, group)
        }
        return out
    }

    /// Two pixel rows per line, `▀` with 24-bit greys; the colours reset at each image's end.
    func halfBlockLines(_ grid: ImageGrid, _ group: [Int]) -> [String] {
        func grey(_ ink: Double) -> Int { Int((ink * 255).rounded()) }
        return stride(from: 0, to: grid.imageHeight, by: 2).map { row in
            group.map { k in
                var line = ""
                for column in 0..<grid.imageWidth {
                    let top = grey(grid.ink(k, row: row, column: column))
                    let bottom = row + 1 < grid.imageHeight ? grey(grid.ink(k, row: row + 1, column: column)) : 0
                    line += "\u{1B}[38;2;\(top);\(top);\(top)m\u{1B}[48;2;\(bottom);\(bottom);\(bottom)m▀"
                }
                return line + "\u{1B}[0m"
            }.joined(separator: " ")
        }
    }

    /// One pixel row per line, each pixel the ramp's shade nearest its ink.
    func shadeLines(_ grid: ImageGrid, _ group: [Int]) -> [String] {
        let repeatCount = pixelWidth(grid)
        return (0..<grid.imageHeight).map { row in
            let line = group.map { k in
                var text = ""
                for column in 0..<grid.imageWidth {
                    let level = Int((grid.ink(k, row: row, column: column) * Double(Self.ramp.count - 1)).rounded())
                    text += String(repeating: Self.ramp[level], count: repeatCount)
                }
                return text
            }.joined(separator: " ")
            return String(line.trimmingTrailingSpaces)
        }
    }
}
