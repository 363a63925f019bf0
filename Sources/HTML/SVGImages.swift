/// A report's image grid as inline SVG for the HTML export: one square
/// `<rect>` per pixel with ink, dark on the light page (grey 255·(1 − ink)),
/// drawn with `shape-rendering="crispEdges"` so that pixels stay sharp at any
/// zoom; no JavaScript. Layout only: the pixel values come from the report.
import Report

package enum SVGImages {
    /// Pixel size in SVG units, and the gap between images in pixels.
    static let pixel = 6, gap = 2

    package static func render(_ grid: ImageGrid) -> String {
        let columns = max(1, min(grid.columns, grid.images.count))
        let rows = (grid.images.count + columns - 1) / columns
        let cellWidth = grid.imageWidth + gap, cellHeight = grid.imageHeight + gap
        let width = (columns * cellWidth - gap) * pixel, height = max(rows * cellHeight - gap, 0) * pixel
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
        svg += " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(escape(grid.title))\"><title>\(escape(grid.title))</title>"
        for k in grid.images.indices {
            let x0 = (k % columns) * cellWidth * pixel, y0 = (k / columns) * cellHeight * pixel
            svg +=
                "<g class=\"image\"><rect x=\"\(x0)\" y=\"\(y0)\" width=\"\(grid.imageWidth * pixel)\" height=\"\(grid.imageHeight * pixel)\" fill=\"#fff\" stroke=\"#ccc\"/>"
            for row in 0..<grid.imageHeight {
                for column in 0..<grid.imageWidth {
                    let ink = grid.ink(k, row: row, column: column)
                    guard ink > 0 else { continue }
                    let grey = Int((255 * (1 - ink)).rounded())
                    svg +=
                        "<rect x=\"\(x0 + column * pixel)\" y=\"\(y0 + row * pixel)\" width=\"\(pixel)\" height=\"\(pixel)\" fill=\"rgb(\(grey),\(grey),\(grey))\"/>"
                }
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
