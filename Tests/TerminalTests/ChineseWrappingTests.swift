import Foundation
import Markdown
import Terminal
import TerminalKit
import TestSupport
import Testing

/// Chinese text in the terminal, as golden files at widths 20, 40 and 80
/// (`GANBOOK_UPDATE_GOLDEN=1 swift test --filter ChineseWrappingTests`
/// rewrites them; read the diff). At every width: no line starts with
/// closing punctuation or ends with opening punctuation (kinsoku), and none
/// is wider than the width.
@Suite struct ChineseWrappingTests {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/TerminalTests/ChineseWrapping")
    static let closing = Set("，。、；：！？）」』】〉》”’")
    static let opening = Set("（「『【〈《“‘")

    static func render(width: Int) throws -> [String] {
        let source = try String(contentsOf: folder.appendingPathComponent("corpus.md"), encoding: .utf8)
        return TerminalRenderer(sheet: .plain, width: width).renderLines(MarkdownParser.parse(source))
    }

    @Test(arguments: [20, 40, 80])
    func theCorpusMatchesItsGoldenFile(width: Int) throws {
        let text = try Self.render(width: width).joined(separator: "\n") + "\n"
        let file = Self.folder.appendingPathComponent("w\(width).txt")
        #expect(text == Golden.expected(text, file: file), "\(Golden.differs(file))")
    }

    @Test func noLineBreaksAgainstChinesePunctuationAtAnyWidth() throws {
        for width in 12...100 {
            for line in try Self.render(width: width) {
                let body = line.drop(while: { $0 == " " || $0 == "•" || $0 == "│" || $0 == "▌" || $0 == "-" || $0 == "┃" })
                if let first = body.first { #expect(!Self.closing.contains(first), "width \(width) starts with \(first): '\(line)'") }
                if let last = line.last { #expect(!Self.opening.contains(last), "width \(width) ends with \(last): '\(line)'") }
                #expect(line.displayWidth <= width, "width \(width): '\(line)'")
            }
        }
    }
}
