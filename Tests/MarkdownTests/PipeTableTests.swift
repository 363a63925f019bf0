import Markdown
import Testing

/// Pipe tables (issue 25 §3: note 07's hand-aligned text table of remedies
/// misaligned in browsers, so it became a real table).
@Suite struct PipeTableTests {
    static let source = "| group | remedy |\n|---|:--:|\n| objective | **Unrolled** GAN |\n| | DRAGAN \\| x |\n"

    @Test func aPipeTableIsATableOnlyWhenAskedFor() throws {
        let table = MarkdownParser.parse(Self.source, tables: true)
        guard case .table(let t)? = table.blocks.first?.kind else {
            Issue.record("not a table: \(table.blocks)")
            return
        }
        #expect(t.header == [[.text("group")], [.text("remedy")]])
        #expect(t.alignments == [.none, .center])
        #expect(t.rows.count == 2)
        #expect(t.rows[0][1] == [.strong([.text("Unrolled")]), .text(" GAN")])
        #expect(t.rows[1][0] == [])
        #expect(t.rows[1][1].plainText == "DRAGAN | x")
        // Plain CommonMark (the spec) keeps it a paragraph.
        guard case .paragraph? = MarkdownParser.parse(Self.source).blocks.first?.kind else {
            Issue.record("CommonMark without tables changed")
            return
        }
    }

    @Test func aParagraphWithoutADelimiterRowStaysOne() {
        let doc = MarkdownParser.parse("| a | b |\n| c | d |\n", tables: true)
        guard case .paragraph? = doc.blocks.first?.kind else {
            Issue.record("\(doc.blocks)")
            return
        }
    }
}
