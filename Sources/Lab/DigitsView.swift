/// The digits' picture: G's images for the session's fixed noise, so that the
/// same z's are seen to change as G trains, and real training digits below
/// them when there is room, each image drawn as TerminalKit's `GreyImages`
/// draws the reports' image grids (half blocks in grey with colour, the
/// shade ramp without).
///
/// Owns where the images go in the picture's area; the images come from the
/// session's G (through `DigitsGauge`, as `demo digits` maps G's output to
/// ink) and its `DisplaySamples`.
import Report
import TerminalKit

struct DigitsView: Equatable {
    /// The most images of G's the picture shows (8 across, 6 rows), and the noise drawn for them.
    static let samples = 48
    static let maximumAcross = 8
    static let side = 8
    static let pixels = side * side

    /// Characters per pixel across, and the cells of one image.
    var pixelWidth: Int
    var imageColumns: Int
    var imageRows: Int
    /// Images per row, and the rows of G's images.
    var across: Int
    var generatedRows: Int
    /// Whether a row of real digits fits below them.
    var showsReal: Bool

    /// The layout for an area of `width` × `height` cells: a heading over G's
    /// images, as many rows of them as fit; when G keeps at least two rows,
    /// a blank row, a heading and one row of real digits below.
    init(width: Int, height: Int, color: Bool) {
        pixelWidth = GreyImages.pixelWidth(imageWidth: Self.side, color: color, fitting: 4, in: width)
        (imageColumns, imageRows) = GreyImages.size(imageWidth: Self.side, imageHeight: Self.side, color: color, pixelWidth: pixelWidth)
        across = max(1, min((width + 1) / (imageColumns + 1), Self.maximumAcross))
        let rows = imageRows, cap = Self.samples / across
        // The rows of G's images that fit under their heading and above `extra` rows, a blank row between two.
        func fit(above extra: Int) -> Int {
            var n = 0
            while n < cap, 1 + (n + 1) * (rows + 1) - 1 + extra <= height { n += 1 }
            return n
        }
        let withReal = fit(above: 2 + rows)
        showsReal = withReal >= 2
        generatedRows = showsReal ? withReal : max(fit(above: 0), 1)
    }

    var generatedCount: Int { across * generatedRows }
}

extension LabScreen {
    /// The digits' picture in the area left of the curves.
    func drawDigits(_ canvas: inout Canvas, _ session: LabSession) {
        guard let gauge = session.gauge else { return }
        let top = 1, height = rows - 2
        let view = DigitsView(width: pictureColumns, height: height, color: palette.color)
        let ink = gauge.images(session.trainer, noise: session.samples.noise).map(Double.init)
        let generated = (0..<view.generatedCount).map { k in Array(ink[(k * DigitsView.pixels)..<((k + 1) * DigitsView.pixels)]) }
        canvas.write(LabText.digitsGenerated(view.generatedCount), 0, top, foreground: palette.dim, limit: pictureColumns)
        drawImages(&canvas, generated, view, row: top + 1)
        guard view.showsReal else { return }
        // The training digits, scaled to [−1, 1] as G's output is, back to ink.
        let real = session.samples.real.values.map { Double(($0 + 1) / 2) }
        let shown = (0..<view.across).map { k in Array(real[(k * DigitsView.pixels)..<((k + 1) * DigitsView.pixels)]) }
        let realTop = top + 1 + view.generatedRows * (view.imageRows + 1) + 1
        canvas.write(LabText.digitsReal, 0, realTop - 1, foreground: palette.dim, limit: pictureColumns)
        drawImages(&canvas, shown, view, row: realTop)
    }

    /// Images of 8 × 8 ink values, `view.across` to a row from (0, `row`), one blank column and row apart.
    func drawImages(_ canvas: inout Canvas, _ images: [[Double]], _ view: DigitsView, row: Int) {
        let grid = ImageGrid(title: "", imageWidth: DigitsView.side, imageHeight: DigitsView.side, columns: view.across, images: images)
        for k in images.indices {
            let left = (k % view.across) * (view.imageColumns + 1)
            let top = row + (k / view.across) * (view.imageRows + 1)
            for (r, cells) in GreyImages.cells(grid, k, color: palette.color, pixelWidth: view.pixelWidth).enumerated() {
                for (c, cell) in cells.enumerated() {
                    let foreground = cell.top.map { RGB($0, $0, $0) }, background = cell.bottom.map { RGB($0, $0, $0) }
                    canvas.put(cell.character, left + c, top + r, foreground: foreground, background: background)
                }
            }
        }
    }
}
