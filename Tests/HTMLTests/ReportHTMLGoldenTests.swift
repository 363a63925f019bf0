import Foundation
import HTML
import Report
import TestSupport
import Testing

/// Demo reports as the HTML export draws them (tables, inline SVG plots, the
/// equal-scale scatter, image grids), compared with golden files. The reports
/// are committed JSON (`ganbook demo NAME … --json`, the words below), so
/// that this test checks the renderer alone, whatever the demos compute. In
/// mode-collapse-unrolled.json each scatter series is cut to its first 150
/// points, to keep the files small.
@Suite struct ReportHTMLGoldenTests {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/HTMLTests")

    /// Each fixture and the demo command that wrote it.
    static let fixtures: [(name: String, words: String)] = [
        ("jsd-sweep", "jsd --sweep --steps 41 --json"),
        ("mode-collapse-unrolled", "mode-collapse --method unrolled --steps 20 --seeds 1 --json"),
        ("digits", "digits --steps 20 --json"),
    ]

    @Test(arguments: fixtures.map(\.name))
    func reportHTMLMatchesGolden(name: String) throws {
        let json = try Data(contentsOf: Self.folder.appendingPathComponent("Fixtures/reports/\(name).json"))
        let html = ReportHTML.render(try ReportJSON.decode(json), id: name) + "\n"
        let file = Self.folder.appendingPathComponent("Golden/\(name).html")
        let expected = try #require(Golden.expected(html, file: file), "no golden file \(file.lastPathComponent)")
        #expect(html == expected, "\(Golden.differs(file))")
        #expect(!html.lowercased().contains("<script"))
    }
}
