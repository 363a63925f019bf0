/// Walking a parsed `Document`: one method per node kind, each descending into
/// the node's children unless a walker overrides it (as swift-markdown's
/// `MarkupWalker`). Renderers, the heading and cell collectors and the tests
/// are walkers, so no one writes a recursive `switch` of their own and a new
/// node kind is one new method here, with a default every walker inherits.
///
/// An overriding method calls `descend(into:)` (or `walk(_:)` on the children)
/// to keep going below its node.
package protocol MarkdownWalker {
    /// Dispatches to the `visitX` method of the block's kind (the default).
    mutating func visit(_ block: Block)
    /// Dispatches to the `visitX` method of the inline's kind (the default).
    mutating func visit(_ inline: Inline)

    // Blocks
    mutating func visitParagraph(_ content: [Inline], block: Block)
    mutating func visitHeading(level: Int, content: [Inline], block: Block)
    mutating func visitBlockQuote(_ children: [Block], block: Block)
    mutating func visitList(_ list: List, block: Block)
    mutating func visitListItem(_ item: ListItem, of list: List)
    mutating func visitCodeBlock(_ code: CodeBlock, block: Block)
    mutating func visitHTMLBlock(_ html: String, block: Block)
    mutating func visitThematicBreak(block: Block)
    mutating func visitTable(_ table: MarkdownTable, block: Block)
    mutating func visitCustomBlock(onEnter: String, onExit: String, children: [Block], block: Block)
    mutating func visitUnknownBlock(typeName: String, literal: String, children: [Block], block: Block)

    // Inlines
    mutating func visitText(_ text: String)
    mutating func visitSoftBreak()
    mutating func visitLineBreak()
    mutating func visitCode(_ code: String)
    mutating func visitInlineHTML(_ html: String)
    mutating func visitEmphasis(_ children: [Inline])
    mutating func visitStrong(_ children: [Inline])
    mutating func visitLink(_ link: Link)
    mutating func visitImage(_ image: Link)
    mutating func visitCustomInline(onEnter: String, onExit: String, children: [Inline])
    mutating func visitUnknownInline(typeName: String, literal: String, children: [Inline])
}

extension MarkdownWalker {
    // MARK: Dispatch

    package mutating func walk(_ document: Document) { walk(document.blocks) }

    package mutating func walk(_ blocks: [Block]) {
        for block in blocks { visit(block) }
    }

    package mutating func walk(_ inlines: [Inline]) {
        for inline in inlines { visit(inline) }
    }

    package mutating func visit(_ block: Block) {
        switch block.kind {
        case .paragraph(let content): visitParagraph(content, block: block)
        case .heading(let level, let content): visitHeading(level: level, content: content, block: block)
        case .blockQuote(let children): visitBlockQuote(children, block: block)
        case .list(let list): visitList(list, block: block)
        case .codeBlock(let code): visitCodeBlock(code, block: block)
        case .htmlBlock(let html): visitHTMLBlock(html, block: block)
        case .thematicBreak: visitThematicBreak(block: block)
        case .table(let table): visitTable(table, block: block)
        case .customBlock(let onEnter, let onExit, let children):
            visitCustomBlock(onEnter: onEnter, onExit: onExit, children: children, block: block)
        case .unknown(let typeName, let literal, let children):
            visitUnknownBlock(typeName: typeName, literal: literal, children: children, block: block)
        }
    }

    package mutating func visit(_ inline: Inline) {
        switch inline {
        case .text(let text): visitText(text)
        case .softBreak: visitSoftBreak()
        case .lineBreak: visitLineBreak()
        case .code(let code): visitCode(code)
        case .html(let html): visitInlineHTML(html)
        case .emphasis(let children): visitEmphasis(children)
        case .strong(let children): visitStrong(children)
        case .link(let link): visitLink(link)
        case .image(let image): visitImage(image)
        case .custom(let onEnter, let onExit, let children):
            visitCustomInline(onEnter: onEnter, onExit: onExit, children: children)
        case .unknown(let typeName, let literal, let children):
            visitUnknownInline(typeName: typeName, literal: literal, children: children)
        }
    }

    /// Walks the children of `block` (its inlines, blocks or list items).
    package mutating func descend(into block: Block) {
        switch block.kind {
        case .paragraph(let content), .heading(_, let content): walk(content)
        case .blockQuote(let children), .customBlock(_, _, let children), .unknown(_, _, let children): walk(children)
        case .list(let list): for item in list.items { visitListItem(item, of: list) }
        case .table(let table): for cell in table.header + table.rows.joined() { walk(cell) }
        case .codeBlock, .htmlBlock, .thematicBreak: break
        }
    }

    /// Walks the children of `inline`.
    package mutating func descend(into inline: Inline) {
        switch inline {
        case .emphasis(let children), .strong(let children), .custom(_, _, let children), .unknown(_, _, let children):
            walk(children)
        case .link(let link), .image(let link): walk(link.content)
        case .text, .softBreak, .lineBreak, .code, .html: break
        }
    }

    // MARK: Defaults: descend, do nothing at leaves

    package mutating func visitParagraph(_ content: [Inline], block: Block) { walk(content) }
    package mutating func visitHeading(level: Int, content: [Inline], block: Block) { walk(content) }
    package mutating func visitBlockQuote(_ children: [Block], block: Block) { walk(children) }
    package mutating func visitList(_ list: List, block: Block) { for item in list.items { visitListItem(item, of: list) } }
    package mutating func visitListItem(_ item: ListItem, of list: List) { walk(item.blocks) }
    package mutating func visitCodeBlock(_ code: CodeBlock, block: Block) {}
    package mutating func visitHTMLBlock(_ html: String, block: Block) {}
    package mutating func visitThematicBreak(block: Block) {}
    package mutating func visitTable(_ table: MarkdownTable, block: Block) { descend(into: block) }
    package mutating func visitCustomBlock(onEnter: String, onExit: String, children: [Block], block: Block) { walk(children) }
    package mutating func visitUnknownBlock(typeName: String, literal: String, children: [Block], block: Block) { walk(children) }

    package mutating func visitText(_ text: String) {}
    package mutating func visitSoftBreak() {}
    package mutating func visitLineBreak() {}
    package mutating func visitCode(_ code: String) {}
    package mutating func visitInlineHTML(_ html: String) {}
    package mutating func visitEmphasis(_ children: [Inline]) { walk(children) }
    package mutating func visitStrong(_ children: [Inline]) { walk(children) }
    package mutating func visitLink(_ link: Link) { walk(link.content) }
    package mutating func visitImage(_ image: Link) { walk(image.content) }
    package mutating func visitCustomInline(onEnter: String, onExit: String, children: [Inline]) { walk(children) }
    package mutating func visitUnknownInline(typeName: String, literal: String, children: [Inline]) { walk(children) }
}

/// A walker that calls `body` for every block, in document order, at any depth.
package struct BlockVisitor: MarkdownWalker {
    var body: (Block) -> Void
    package init(_ body: @escaping (Block) -> Void) { self.body = body }
    package mutating func visit(_ block: Block) {
        body(block)
        descend(into: block)
    }
}

extension Document {
    /// Every block, at any depth, in document order (a walk, for simple questions).
    package var allBlocks: [Block] {
        var out: [Block] = []
        var walker = BlockVisitor { out.append($0) }
        walker.walk(self)
        return out
    }
}
