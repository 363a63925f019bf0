import Markdown
import Terminal
import TestSupport
import Testing

/// The terminal renderer over all 652 CommonMark spec examples.
@Suite struct SpecRenderingTests {
    /// Every text literal of a document: text, code, code block and HTML lines.
    static func literals(_ blocks: [Block]) -> [String] {
        var out: [String] = []
        func inlines(_ content: [Inline]) {
            for inline in content {
                switch inline {
                case .text(let s), .code(let s), .html(let s): out.append(s)
                case .emphasis(let c), .strong(let c), .custom(_, _, let c): inlines(c)
                case .link(let l), .image(let l): inlines(l.content)
                case .softBreak, .lineBreak: break
                }
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let c), .heading(_, let c): inlines(c)
                case .blockQuote(let b), .customBlock(_, _, let b): walk(b)
                case .list(let list): list.items.forEach { walk($0.blocks) }
                case .codeBlock(let code): out += code.literal.split(separator: "\n").map(String.init)
                case .htmlBlock(let html): out += html.split(separator: "\n").map(String.init)
                case .thematicBreak: break
                }
            }
        }
        walk(blocks)
        return out.map(ANSI.fold).filter { !$0.isEmpty }
    }

    @Test(arguments: [true, false])
    func everyExampleRendersAndShowsAllItsText(color: Bool) {
        var shown = 0
        for example in CommonMarkSpec.examples {
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

    @Test func everyExampleFitsANarrowWidthExceptCode() {
        for example in CommonMarkSpec.examples {
            let document = MarkdownParser.parse(example.markdown)
            let hasVerbatim = Self.hasVerbatimBlock(document.blocks)
            let lines = TerminalRenderer(sheet: StyleSheet(color: false), width: 24).renderLines(document)
            if !hasVerbatim && !Self.isDeeplyNested(document.blocks) {
                for line in lines { #expect(line.displayWidth <= 24, "\(example): '\(line)' overflows") }
            }
        }
    }

    static func hasVerbatimBlock(_ blocks: [Block]) -> Bool {
        blocks.contains { block in
            switch block.kind {
            case .codeBlock, .htmlBlock: return true
            case .blockQuote(let b), .customBlock(_, _, let b): return hasVerbatimBlock(b)
            case .list(let l): return l.items.contains { hasVerbatimBlock($0.blocks) }
            default: return false
            }
        }
    }

    /// Lists and quotes nested so deep that their markers alone fill 24 columns.
    static func isDeeplyNested(_ blocks: [Block], depth: Int = 0) -> Bool {
        if depth > 5 { return true }
        return blocks.contains { block in
            switch block.kind {
            case .blockQuote(let b): return isDeeplyNested(b, depth: depth + 1)
            case .list(let l): return l.items.contains { isDeeplyNested($0.blocks, depth: depth + 2) }
            default: return false
            }
        }
    }
}
