import Markdown
import Terminal
import TestSupport
import Testing

/// The terminal renderer over all 652 CommonMark spec examples.
@Suite struct SpecRenderingTests {
    /// Every text literal of a document: text, code, code block and HTML lines.
    struct Literals: MarkdownWalker {
        var out: [String] = []
        mutating func visitText(_ text: String) { out.append(text) }
        mutating func visitCode(_ code: String) { out.append(code) }
        mutating func visitInlineHTML(_ html: String) { out.append(html) }
        mutating func visitCodeBlock(_ code: CodeBlock, block: Block) { out += code.literal.split(separator: "\n").map(String.init) }
        mutating func visitHTMLBlock(_ html: String, block: Block) { out += html.split(separator: "\n").map(String.init) }
    }

    static func literals(_ blocks: [Block]) -> [String] {
        var walker = Literals()
        walker.walk(blocks)
        return walker.out.map(ANSI.fold).filter { !$0.isEmpty }
    }

    @Test(arguments: [true, false])
    func everyExampleRendersAndShowsAllItsText(color: Bool) throws {
        var shown = 0
        for example in try CommonMarkSpec.all() {
            let document = MarkdownParser.parse(example.markdown)
            // Wide enough that no text literal is wrapped, so each must appear whole.
            let output = TerminalRenderer(sheet: StyleSheet(color: color), width: 1000).render(document)
            let seen = ANSI.fold(ANSI.strip(output))
            let missing = Self.literals(document.blocks).filter { !seen.contains($0) }
            #expect(missing.isEmpty, "\(example): missing \(missing) in \(seen)")
            #expect(color || !ANSI.hasEscapes(output), "\(example): escapes without colour")
            if missing.isEmpty { shown += 1 }
        }
        print("terminal renderer (colour \(color ? "on" : "off")): \(shown)/\(CommonMarkSpec.examples.count) spec examples show every text literal")
        #expect(shown == 652)
    }

    @Test func everyExampleFitsANarrowWidthExceptCode() throws {
        for example in try CommonMarkSpec.all() {
            let document = MarkdownParser.parse(example.markdown)
            let hasVerbatim = Self.hasVerbatimBlock(document.blocks)
            let lines = TerminalRenderer(sheet: StyleSheet(color: false), width: 24).renderLines(document)
            if !hasVerbatim && !Self.isDeeplyNested(document.blocks) {
                for line in lines { #expect(line.displayWidth <= 24, "\(example): '\(line)' overflows") }
            }
        }
    }

    static func hasVerbatimBlock(_ blocks: [Block]) -> Bool {
        Document(blocks: blocks).allBlocks.contains { block in
            switch block.kind {
            case .codeBlock, .htmlBlock: return true
            default: return false
            }
        }
    }

    /// Lists and quotes nested so deep that their markers alone fill 24 columns.
    static func isDeeplyNested(_ blocks: [Block]) -> Bool {
        struct Depth: MarkdownWalker {
            var depth = 0, deepest = 0
            mutating func visitBlockQuote(_ children: [Block], block: Block) { nested(1) { $0.walk(children) } }
            mutating func visitListItem(_ item: ListItem, of list: List) { nested(2) { $0.walk(item.blocks) } }
            mutating func nested(_ step: Int, _ body: (inout Depth) -> Void) {
                depth += step
                deepest = max(deepest, depth)
                body(&self)
                depth -= step
            }
        }
        var walker = Depth()
        walker.walk(blocks)
        return walker.deepest > 5
    }
}
