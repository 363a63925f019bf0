import Markdown
import Testing

@Suite struct MarkdownParserTests {
    @Test func headingsKeepLevelAndLine() {
        let doc = MarkdownParser.parse("# One\n\ntext\n\n### Three *x*\n")
        #expect(doc.blocks.count == 3)
        #expect(doc.blocks[0] == Block(.heading(level: 1, content: [.text("One")]), line: 1, endLine: 1))
        #expect(doc.blocks[2].line == 5)
        #expect(doc.blocks[2].kind == .heading(level: 3, content: [.text("Three "), .emphasis([.text("x")])]))
    }

    @Test func setextHeadingSpansTwoLines() {
        let doc = MarkdownParser.parse("Title\n=====\n")
        #expect(doc.blocks == [Block(.heading(level: 1, content: [.text("Title")]), line: 1, endLine: 2)])
    }

    @Test func orderedListKeepsStartDelimiterAndTightness() {
        let doc = MarkdownParser.parse("7) a\n8) b\n\n\n- x\n\n- y\n")
        guard case .list(let ordered) = doc.blocks[0].kind, case .list(let bullets) = doc.blocks[1].kind else {
            Issue.record("expected two lists, got \(doc.blocks)")
            return
        }
        #expect(ordered.kind == .ordered(start: 7, delimiter: .paren))
        #expect(ordered.isTight)
        #expect(ordered.items.map(\.line) == [1, 2])
        #expect(bullets.kind == .bullet)
        #expect(!bullets.isTight)
        #expect(bullets.items[1].blocks == [Block(.paragraph([.text("y")]), line: 7, endLine: 7)])
    }

    @Test func codeBlocksKnowFenceInfoAndWhetherFenced() {
        let doc = MarkdownParser.parse("```demo jsd\nx --p 1\n```\n\n    indented\n\n> ~~~\n> q\n> ~~~\n")
        #expect(doc.blocks[0].kind == .codeBlock(CodeBlock(info: "demo jsd", literal: "x --p 1\n", isFenced: true)))
        #expect(doc.blocks[0].line == 1 && doc.blocks[0].endLine == 3)
        #expect(doc.blocks[1].kind == .codeBlock(CodeBlock(info: "", literal: "indented\n", isFenced: false)))
        guard case .blockQuote(let inner) = doc.blocks[2].kind, case .codeBlock(let quoted) = inner[0].kind else {
            Issue.record("expected a quoted code block")
            return
        }
        #expect(quoted.isFenced)
        #expect(CodeBlock(info: "demo  --x", literal: "", isFenced: true).language == "demo")
    }

    @Test func linksImagesAndTitles() {
        let doc = MarkdownParser.parse("[a *b*](http://x.org \"T\") ![alt](i.png)")
        #expect(
            doc.blocks[0].kind
                == .paragraph([
                    .link(Link(url: "http://x.org", title: "T", content: [.text("a "), .emphasis([.text("b")])])),
                    .text(" "),
                    .image(Link(url: "i.png", title: "", content: [.text("alt")])),
                ]))
    }

    @Test func everyInlineKind() {
        let doc = MarkdownParser.parse("a\nb  \nc `d` <span> **e**\n")
        #expect(
            doc.blocks[0].kind
                == .paragraph([
                    .text("a"), .softBreak, .text("b"), .lineBreak, .text("c "), .code("d"), .text(" "),
                    .html("<span>"), .text(" "), .strong([.text("e")]),
                ]))
    }

    @Test func htmlBlocksAndThematicBreaks() {
        let doc = MarkdownParser.parse("<div>\nhi\n</div>\n\n***\n")
        #expect(
            doc.blocks == [
                Block(.htmlBlock("<div>\nhi\n</div>\n"), line: 1, endLine: 3),
                Block(.thematicBreak, line: 5, endLine: 5),
            ])
    }

    @Test func htmlComesFromTheSameParse() {
        let doc = MarkdownParser.parse("*hi*", renderHTML: true)
        #expect(doc.html == "<p><em>hi</em></p>\n")
        #expect(MarkdownParser.parse("*hi*").html == nil)
        // Raw HTML is omitted unless asked for (cmark's safe default).
        #expect(MarkdownParser.html("<b>x</b>") == "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n")
    }

    @Test func deepNestingIsFlattenedWithoutLosingText() {
        let source = String(repeating: ">", count: 5000) + " deep"
        let doc = MarkdownParser.parse(source)
        var depth = 0
        var blocks = doc.blocks
        var text = ""
        while let first = blocks.first {
            switch first.kind {
            case .blockQuote(let inner): depth += 1; blocks = inner
            case .paragraph(let inlines): text = inlines.plainText; blocks = []
            default: blocks = []
            }
        }
        #expect(depth == MarkdownParser.maximumDepth - 1)
        #expect(text == "deep")
    }

    @Test func plainTextOfInlines() {
        let doc = MarkdownParser.parse("a *b* `c`\nd [e](u)")
        guard case .paragraph(let inlines) = doc.blocks[0].kind else { Issue.record("no paragraph"); return }
        #expect(inlines.plainText == "a b c d e")
    }
}

@Suite struct DeepNestingTests {
    @Test func deepListsKeepTheirText() {
        var source = ""
        for depth in 0..<300 { source += String(repeating: "  ", count: depth) + "- item\(depth)\n" }
        let doc = MarkdownParser.parse(source)
        struct Paragraphs: MarkdownWalker {
            var texts: [String] = []
            mutating func visitParagraph(_ content: [Inline], block: Block) { texts.append(content.plainText) }
        }
        var walker = Paragraphs()
        walker.walk(doc)
        let texts = walker.texts
        #expect(texts == (0..<300).map { "item\($0)" })
    }
}

@Suite struct WalkerTests {
    @Test func theWalkerDescendsEverywhereByDefault() {
        struct Everything: MarkdownWalker {
            var seen: [String] = []
            mutating func visitText(_ text: String) { seen.append(text) }
            mutating func visitCodeBlock(_ code: CodeBlock, block: Block) { seen.append("code@\(block.line)") }
        }
        var walker = Everything()
        walker.walk(MarkdownParser.parse("> - *a* [b ![c](i)](u)\n>\n>   ```\n>   x\n>   ```\n\n# **d**\n"))
        #expect(walker.seen == ["a", " ", "b ", "c", "code@3", "d"])
    }

    @Test func allBlocksListsEveryBlockInOrder() {
        let blocks = MarkdownParser.parse("> 1. x\n>\n>    ***\n").allBlocks
        #expect(blocks.map(\.line) == [1, 1, 1, 3])
    }

    @Test func unknownNodesKeepTheirTextForEveryWalker() {
        let inline = Inline.unknown(typeName: "strikethrough", literal: "~", children: [.text("gone?")])
        #expect([inline].plainText == "~gone?")
        struct Texts: MarkdownWalker {
            var out = ""
            mutating func visitText(_ text: String) { out += text }
        }
        var walker = Texts()
        walker.walk(
            Document(blocks: [
                Block(
                    .unknown(
                        typeName: "table", literal: "",
                        children: [
                            Block(.paragraph([inline]), line: 1, endLine: 1)
                        ]), line: 1, endLine: 1)
            ]))
        #expect(walker.out == "gone?")
    }
}

@Suite struct CJKLineJoinTests {
    func paragraph(_ source: String) -> [Inline] {
        guard case .paragraph(let inlines) = MarkdownParser.parse(source).blocks.first?.kind else { return [] }
        return inlines
    }

    @Test func aLineBreakBetweenTwoChineseCharactersIsNoSpace() {
        #expect(paragraph("生成器\n判别器") == [.text("生成器"), .text("判别器")])
        #expect(paragraph("生成器，\n判别器") == [.text("生成器，"), .text("判别器")])
        // Between Chinese and Latin, or Latin and Latin, the break stays a space.
        #expect(paragraph("生成器\nG") == [.text("生成器"), .softBreak, .text("G")])
        #expect(paragraph("one\ntwo") == [.text("one"), .softBreak, .text("two")])
        #expect(paragraph("한국어\n문장") == [.text("한국어"), .softBreak, .text("문장")])
    }
}
