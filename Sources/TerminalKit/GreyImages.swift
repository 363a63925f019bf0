/// Small grey images as character cells: the one drawing of them, for the
/// reports' image grids (Terminal's `TerminalImages`) and the lab's digits.
///
/// With colour, each cell holds two pixels, one above the other: the upper
/// half block `▀` in the upper pixel's grey (foreground) on the lower
/// pixel's grey (background), so that a pixel is about as wide as it is
/// high. Ink is light on black, as a terminal shows text.
///
/// Without colour (NO_COLOR, a pipe), each pixel is the shade of the ramp
/// ` ░▒▓█` nearest its ink, `pixelWidth` characters wide.
///
/// Owns the cells of one image and the rule for the pixel width; where the
/// images go (lines of a report, a canvas) and how a grey reaches the
/// terminal are the caller's.
import Report

package enum GreyImages {
    /// One character cell of an image.
    package struct Cell: Sendable, Equatable {
        package var character: Character
        /// The upper and lower pixel's grey, 0 (no ink) … 255 (full ink); nil without colour.
        package var top: UInt8?
        package var bottom: UInt8?
    }

    /// No ink to full ink.
    package static let ramp: [Character] = [" ", "░", "▒", "▓", "█"]

    /// The grey of `ink` in 0…1: 0 … 255.
    package static func grey(_ ink: Double) -> UInt8 { UInt8((min(max(ink, 0), 1) * 255).rounded()) }

    /// The shade of the ramp nearest `ink` in 0…1.
    package static func shade(_ ink: Double) -> Character {
        ramp[Int((min(max(ink, 0), 1) * Double(ramp.count - 1)).rounded())]
    }

    /// Characters per pixel across: 1 with half blocks; without colour 2 when
    /// `count` images of `imageWidth` pixels, one column apart, fit `width`
    /// that way (so that a pixel is about square), else 1.
    package static func pixelWidth(imageWidth: Int, color: Bool, fitting count: Int, in width: Int) -> Int {
        guard !color else { return 1 }
        return count * (2 * imageWidth + 1) - 1 <= width ? 2 : 1
    }

    /// The columns and rows of cells one image takes.
    package static func size(imageWidth: Int, imageHeight: Int, color: Bool, pixelWidth: Int) -> (columns: Int, rows: Int) {
        color ? (imageWidth, (imageHeight + 1) / 2) : (imageWidth * pixelWidth, imageHeight)
    }

    /// Image `k` of `grid` as rows of cells: with colour, two pixel rows per
    /// cell row (an odd last row over no ink); without, one pixel row per
    /// cell row, each pixel `pixelWidth` shades.
    package static func cells(_ grid: ImageGrid, _ k: Int, color: Bool, pixelWidth: Int) -> [[Cell]] {
        if color {
            return stride(from: 0, to: grid.imageHeight, by: 2).map { row in
                (0..<grid.imageWidth).map { column in
                    let bottom = row + 1 < grid.imageHeight ? grid.ink(k, row: row + 1, column: column) : 0
                    return Cell(character: "▀", top: grey(grid.ink(k, row: row, column: column)), bottom: grey(bottom))
                }
            }
        }
        return (0..<grid.imageHeight).map { row in
            (0..<grid.imageWidth).flatMap { column in
                let cell = Cell(character: shade(grid.ink(k, row: row, column: column)), top: nil, bottom: nil)
                return Array(repeating: cell, count: pixelWidth)
            }
        }
    }
}
