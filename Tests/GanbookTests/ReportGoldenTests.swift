import Foundation
import TestSupport
import Testing

/// Demo reports as the terminal shows them, compared with golden files: text,
/// figures, tables, line and scatter plots (the equal-scale ring), and image
/// grids, without colour and with it, at 80 columns. The demos are short,
/// seeded runs, so the files are the same on every machine and kernel path.
@Suite struct ReportGoldenTests {
    static let golden = PackagePaths.root.appendingPathComponent("Tests/GanbookTests/Golden/reports")

    static let demos: [(name: String, words: [String])] = [
        ("jsd", ["jsd"]),
        ("jsd-sweep", ["jsd", "--sweep", "--steps", "41"]),
        ("optimal-d-sweep", ["optimal-d", "--sweep"]),
        ("train", ["train", "--steps", "60", "--hidden", "32"]),
        ("mode-collapse-unrolled", ["mode-collapse", "--method", "unrolled", "--steps", "20", "--seeds", "1"]),
        ("digits", ["digits", "--steps", "20"]),
    ]

    @Test(arguments: demos.map(\.name))
    func reportMatchesGolden(name: String) throws {
        let words = Self.demos.first { $0.name == name }!.words
        for color in ["never", "always"] {
            let result = try Binary.run(["demo"] + words + ["--width", "80", "--color", color, "--no-pager"])
            #expect(result.status == 0, "\(result.stderr)")
            let file = Self.golden.appendingPathComponent("\(name)-\(color == "always" ? "color" : "plain").txt")
            let expected = try #require(Golden.expected(result.stdout, file: file), "no golden file \(file.lastPathComponent)")
            #expect(result.stdout == expected, "\(Golden.differs(file))")
            for line in ANSI.strip(result.stdout).split(separator: "\n") {
                #expect(line.displayColumns <= 80, "\(name): '\(line)'")
            }
        }
    }
}
