/// Image grids in the HTML export: crisp SVG rects, dark ink on the page, no script.
import HTML
import Report
import Testing

@Suite struct ImageGridHTMLTests {
    @Test func eachPixelWithInkIsACrispRect() {
        let grid = ImageGrid(title: "two <images>", imageWidth: 2, imageHeight: 2, columns: 2, images: [[1, 0, 0, 0.5], [0, 0, 0, 0]])
        var report = Report(title: "Grids")
        report.images(grid)
        let html = ReportHTML.render(report, id: "r")
        #expect(html.contains("shape-rendering=\"crispEdges\""))
        #expect(html.contains("<figcaption>two &lt;images&gt;</figcaption>"))
        #expect(!html.lowercased().contains("<script"))
        // Full ink is black, half ink mid-grey; no ink draws no pixel.
        #expect(html.contains("<rect x=\"0\" y=\"0\" width=\"6\" height=\"6\" fill=\"rgb(0,0,0)\"/>"))
        #expect(html.contains("<rect x=\"6\" y=\"6\" width=\"6\" height=\"6\" fill=\"rgb(128,128,128)\"/>"))
        #expect(html.matches(of: /fill="rgb\(/).count == 2)
        // The second image starts one image and a gap to the right: (2 + 2) × 6.
        #expect(html.contains("<rect x=\"24\" y=\"0\" width=\"12\" height=\"12\" fill=\"#fff\""))
    }
}
