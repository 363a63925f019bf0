/// Small grey images in the terminal (a report's `ImageGrid`), as lines of
/// text: each image's cells come from TerminalKit's `GreyImages` (half
/// blocks in 24-bit grey with colour, the shade ramp ` ░▒▓█` without, two
/// characters a pixel when the images still fit four to a line), and here
/// become escape codes or plain characters.
///
/// Images are laid out `grid.columns` to a line, or as many as fit the width,
/// one column of space apart; nothing is wider than the width. Layout only:
/// the pixel values come from the report.
import Report
import TerminalKit

package struct TerminalImages: Sendable {
    package var color: Bool
    package var width: Int

    package init(color: Bool, width: Int) {
        self.color = color
        self.width = width
    }

    /// Characters per pixel across (see `GreyImages.pixelWidth`): 2 without colour when four images fit a line that way.
    func pixelWidth(_ grid: ImageGrid) -> Int {
        GreyImages.pixelWidth(imageWidth: grid.imageWidth, color: color, fitting: 4, in: width)
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
            out += lines(grid, group)
        }
        return out
    }

    /// The images of `group` side by side: with colour each cell's greys as
    /// 24-bit foreground and background, reset at each image's end; without,
    /// the shades alone, trailing spaces removed.
    func lines(_ grid: ImageGrid, _ group: [Int]) -> [String] {
        let images = group.map { GreyImages.cells(grid, $0, color: color, pixelWidth: pixelWidth(grid)) }
        return (0..<(images.first?.count ?? 0)).map { row in
            let line = images.map { cells in
                guard color else { return String(cells[row].map(\.character)) }
                var text = ""
                for cell in cells[row] {
                    let top = cell.top ?? 0, bottom = cell.bottom ?? 0
                    text += "\u{1B}[38;2;\(top);\(top);\(top)m\u{1B}[48;2;\(bottom);\(bottom);\(bottom)m\(cell.character)"
                }
                return text + "\u{1B}[0m"
            }.joined(separator: " ")
            return color ? line : String(line.trimmingTrailingSpaces)
        }
    }
}
