import Foundation
import Markdown
import Terminal
import TerminalKit
import TestSupport
import Testing

/// The terminal renderer over all 652 CommonMark spec examples, kept as
/// golden files (mdcat's approach): one file per look, every example in it
/// under its number and section, so any rendering change is a readable diff.
/// `GANBOOK_UPDATE_GOLDEN=1 swift test --filter SpecRenderingTests` (or
/// `make golden`) rewrites them; read the diff before committing it.
@Suite struct SpecRenderingTests {
    static let golden = PackagePaths.root.appendingPathComponent("Tests/TerminalTests/Golden")

    /// One golden file: the examples rendered with `sheet` at `width`.
    struct Look: Sendable, CustomStringConvertible {
        var name: String
        var color: Bool
        var width: Int
        var description: String { name }
    }

    static let looks = [
        Look(name: "spec-w80-plain", color: false, width: 80),
        Look(name: "spec-w80-color", color: true, width: 80),
        Look(name: "spec-w24-plain", color: false, width: 24),
    ]

    /// One example's section of a golden file. Tabs show as `→` (as the spec
    /// writes them) and the escape character as `␛`, so the file is plain text.
    static func section(_ example: SpecExample, look: Look) -> String {
        let lines = TerminalRenderer(sheet: StyleSheet(color: look.color), width: look.width)
            .renderLines(MarkdownParser.parse(example.markdown))
        func visible(_ text: String) -> String {
            text.replacingOccurrences(of: "\t", with: "→").replacingOccurrences(of: "\u{1B}", with: "␛")
        }
        return "━━━━ example \(example.number) · \(example.section)\n" + visible(example.markdown)
            + "──── rendered\n" + lines.map { visible($0) + "\n" }.joined()
    }

    @Test(arguments: looks)
    func everyExampleMatchesItsGolden(look: Look) throws {
        let examples = try CommonMarkSpec.all()
        let sections = examples.map { Self.section($0, look: look) }
        let file = Self.golden.appendingPathComponent(look.name + ".txt")
        let text = try #require(Golden.expected(sections.joined(separator: "\n"), file: file), "no golden file \(file.lastPathComponent)")
        let expected = text.components(separatedBy: "\n━━━━ ")
            .enumerated().map { $0.offset == 0 ? $0.element : "━━━━ " + $0.element }
        #expect(expected.count == sections.count, "\(file.lastPathComponent) holds \(expected.count) examples, the spec \(sections.count)")
        var differing = 0
        for (example, (want, got)) in zip(examples, zip(expected, sections)) where want != got {
            differing += 1
            if differing <= 5 {
                Issue.record("\(look.name): \(example) renders differently\n--- golden ---\n\(want)--- now ---\n\(got)")
            }
        }
        #expect(
            differing == 0, "\(differing) examples differ from \(file.lastPathComponent); if intended, run `make golden` and read the diff")
        print("terminal renderer (\(look.name)): \(examples.count - differing)/\(examples.count) spec examples match their golden")
    }

    /// Escapes appear exactly when the sheet has colour.
    @Test(arguments: [true, false])
    func escapesOnlyWithColour(color: Bool) throws {
        let withEscapes = try CommonMarkSpec.all().filter { example in
            TerminalRenderer(sheet: StyleSheet(color: color), width: 80).renderLines(MarkdownParser.parse(example.markdown))
                .contains(where: ANSI.hasEscapes)
        }
        if color { #expect(withEscapes.count > 400) } else { #expect(withEscapes.isEmpty, "\(withEscapes.prefix(3))") }
    }

    /// Every example fits 24 columns, code, raw HTML and deep nesting included.
    @Test func everyExampleFitsANarrowWidth() throws {
        for example in try CommonMarkSpec.all() {
            let lines = TerminalRenderer(sheet: StyleSheet(color: false), width: 24).renderLines(MarkdownParser.parse(example.markdown))
            for line in lines { #expect(line.displayWidth <= 24, "\(example): '\(line)' overflows") }
        }
    }
}
