import Foundation
import TestSupport
import Testing

/// Rendered notes compared with golden files, so that any change to rendering
/// shows up as a readable diff (see `Golden`).
@Suite struct GoldenTests {
    static let golden = PackagePaths.root.appendingPathComponent("Tests/GanbookTests/Golden")

    @Test(arguments: ["sample", "learner"], [60, 100])
    func renderedNoteMatchesGolden(note: String, width: Int) throws {
        for color in ["never", "always"] {
            let result = try Binary.run([
                // Relative (ganbook runs in the package root), so that the hints it prints are the same on every machine.
                "read", note, "--notes", "Tests/GanbookTests/Fixtures/notes",
                "--width", String(width), "--color", color, "--no-pager",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let file = Self.golden.appendingPathComponent("\(note)-w\(width)-\(color == "always" ? "color" : "plain").txt")
            let expected = try #require(Golden.expected(result.stdout, file: file), "no golden file \(file.lastPathComponent)")
            #expect(result.stdout == expected, "\(Golden.differs(file))")
            // Nothing overflows the width: prose wraps, code and raw HTML soft-wrap.
            for line in ANSI.strip(result.stdout).split(separator: "\n") {
                #expect(line.displayColumns <= width, "\(note) at \(width): '\(line)'")
            }
            #expect((color == "always") == ANSI.hasEscapes(result.stdout))
        }
    }
}

extension Substring {
    /// Columns by a simple rule for this test: CJK and full-width forms are 2.
    var displayColumns: Int {
        reduce(0) { total, c in
            let v = c.unicodeScalars.first!.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
