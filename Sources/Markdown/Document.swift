/// The Markdown layer's values: a parsed document as plain Swift data.
///
/// Owns the shape of a CommonMark tree (every node kind cmark 0.30 produces,
/// and `unknown` for any other) and nothing else: no C pointers, no rendering.
/// `MarkdownParser` builds these values from cmark; renderers walk them with a
/// `MarkdownWalker`.

/// A parsed Markdown document.
package struct Document: Sendable, Equatable {
    /// The top-level blocks, in source order.
    package var blocks: [Block]
    /// cmark's own HTML for the same tree, when it was asked for at parse time.
    package var html: String?

    package init(blocks: [Block], html: String? = nil) {
        self.blocks = blocks
        self.html = html
    }
}

/// A block node with the source lines it spans (1-based, inclusive), so that
/// later errors can say FILE:LINE.
package struct Block: Sendable, Equatable {
    package var kind: Kind
    package var line: Int
    package var endLine: Int

    package init(_ kind: Kind, line: Int, endLine: Int) {
        self.kind = kind
        self.line = line
        self.endLine = endLine
    }

    package enum Kind: Sendable, Equatable {
        case paragraph([Inline])
        /// Level 1 to 6, ATX (`#`) or setext (`===`).
        case heading(level: Int, content: [Inline])
        case blockQuote([Block])
        case list(List)
        case codeBlock(CodeBlock)
        /// Raw HTML, verbatim, including its trailing newline.
        case htmlBlock(String)
        case thematicBreak
        /// A GitHub-style pipe table, produced only when asked for (`tables: true`).
        case table(MarkdownTable)
        /// Never produced by the parser; exists because cmark's tree can hold it.
        case customBlock(onEnter: String, onExit: String, children: [Block])
        /// A block node of a kind this layer does not know (cmark's type name,
        /// its literal if any): kept, so that renderers show it as text.
        case unknown(typeName: String, literal: String, children: [Block])
    }
}

/// A bullet or ordered list.
package struct List: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case bullet
        case ordered(start: Int, delimiter: Delimiter)
    }
    package enum Delimiter: Sendable, Equatable { case period, paren }

    package var kind: Kind
    /// Tight lists have no blank lines between their items (CommonMark §5.3).
    package var isTight: Bool
    package var items: [ListItem]

    package init(kind: Kind, isTight: Bool, items: [ListItem]) {
        self.kind = kind
        self.isTight = isTight
        self.items = items
    }
}

/// One item of a list: a sequence of blocks.
package struct ListItem: Sendable, Equatable {
    package var blocks: [Block]
    package var line: Int
    package var endLine: Int

    package init(blocks: [Block], line: Int, endLine: Int) {
        self.blocks = blocks
        self.line = line
        self.endLine = endLine
    }
}

/// A fenced or indented code block.
package struct CodeBlock: Sendable, Equatable {
    /// The fence's info string (empty for indented blocks).
    package var info: String
    /// The code, verbatim, ending in a newline unless empty.
    package var literal: String
    package var isFenced: Bool

    package init(info: String, literal: String, isFenced: Bool) {
        self.info = info
        self.literal = literal
        self.isFenced = isFenced
    }

    /// The first word of the info string: `demo`, `swift`, `quiz`, … or "".
    package var language: String {
        String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}

/// An inline node.
package enum Inline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(Link)
    case image(Link)
    /// Never produced by the parser; exists because cmark's tree can hold it.
    case custom(onEnter: String, onExit: String, children: [Inline])
    /// An inline node of a kind this layer does not know: kept, shown as text.
    case unknown(typeName: String, literal: String, children: [Inline])
}

/// The target of a link or image, with its content (for an image: the alt text).
package struct Link: Sendable, Equatable {
    package var url: String
    package var title: String
    package var content: [Inline]

    package init(url: String, title: String, content: [Inline]) {
        self.url = url
        self.title = title
        self.content = content
    }
}

extension Inline {
    /// The text a reader sees, without markup: soft breaks become spaces.
    package var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .html: return ""
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .emphasis(let c), .strong(let c), .custom(_, _, let c): return c.plainText
        case .link(let l), .image(let l): return l.content.plainText
        case .unknown(_, let literal, let c): return literal + c.plainText
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of a run of inlines.
    package var plainText: String {
        var text = ""
        for inline in self { text += inline.plainText }
        return text
    }
}
