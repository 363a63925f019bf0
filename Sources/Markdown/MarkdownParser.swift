/// The one conversion point from cmark's C tree to Swift values.
///
/// `MarkdownParser.parse` parses once, walks the tree once with cmark's iterator
/// (enter/exit events, so no recursion on the C side), copies every node into
/// `Document` values, optionally renders HTML from the same tree, and frees the
/// tree exactly once. No C pointer leaves this file.
import CCmark

import Glibc

/// cmark's parse and render options.
package struct ParseOptions: OptionSet, Sendable {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    /// Keep raw HTML and unsafe links in the HTML output (cmark omits them by default).
    package static let unsafe = ParseOptions(rawValue: CMARK_OPT_UNSAFE)
    /// Straight quotes to curly, `--` to dashes.
    package static let smart = ParseOptions(rawValue: CMARK_OPT_SMART)
    /// Replace invalid UTF-8 with U+FFFD.
    package static let validateUTF8 = ParseOptions(rawValue: CMARK_OPT_VALIDATE_UTF8)
    /// Add `data-sourcepos` attributes to the HTML.
    package static let sourcePositions = ParseOptions(rawValue: CMARK_OPT_SOURCEPOS)
}

package enum MarkdownParser {
    /// Containers nested deeper than this are spliced into their parent, so that
    /// pathological input (thousands of `>`) cannot exhaust the stack of any
    /// recursive renderer. No text is lost.
    package static let maximumDepth = 100

    /// Parses `source` as CommonMark. With `renderHTML`, `Document.html` holds
    /// `cmark_render_html` of the same tree.
    /// With `tables`, GitHub-style pipe tables are recognised (see `PipeTables`).
    package static func parse(
        _ source: String, options: ParseOptions = [], renderHTML: Bool = false, tables: Bool = false
    ) -> Document {
        let bytes = Array(source.utf8)
        guard
            let root = bytes.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                    cmark_parse_document($0, buffer.count, options.rawValue)
                }
            })
        else {
            // cmark returns NULL only when it cannot allocate.
            return Document(blocks: [])
        }
        defer { cmark_node_free(root) }

        var document = Document(blocks: convert(root, sourceLines: SourceLines(bytes)))
        if tables && source.contains("|") {
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            document.blocks = PipeTables.recognise(document.blocks, lines: lines)
        }
        if renderHTML, let html = cmark_render_html(root, options.rawValue) {
            document.html = String(cString: html)
            free(html)
        }
        return document
    }

    /// cmark's HTML for `source`, for callers that need nothing else.
    package static func html(_ source: String, options: ParseOptions = []) -> String {
        parse(source, options: options, renderHTML: true).html ?? ""
    }

    // MARK: - Conversion

    /// A container node being built: its children accumulate until its exit event.
    private struct Frame {
        let node: OpaquePointer
        var blocks: [Block] = []
        var inlines: [Inline] = []
        var items: [ListItem] = []
    }

    private static func convert(_ root: OpaquePointer, sourceLines: SourceLines) -> [Block] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }

        var stack: [Frame] = []
        var result: [Block] = []

        /// Adds finished children to the innermost open container (in place:
        /// this runs for every node of every note that is read).
        func append(blocks: [Block], inlines: [Inline]) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].blocks += blocks
            stack[stack.count - 1].inlines += inlines
        }
        func append(block: Block) { if !stack.isEmpty { stack[stack.count - 1].blocks.append(block) } }
        func append(inline: Inline) { if !stack.isEmpty { stack[stack.count - 1].inlines.append(inline) } }
        func append(item: ListItem) { if !stack.isEmpty { stack[stack.count - 1].items.append(item) } }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)

            if event == CMARK_EVENT_ENTER {
                if let leaf = leafValue(node, type: type, sourceLines: sourceLines) {
                    switch leaf {
                    case .block(let b): append(block: b)
                    case .inline(let i): append(inline: i)
                    }
                } else {
                    stack.append(Frame(node: node))
                }
                continue
            }

            // Exit of a container.
            guard let frame = stack.popLast() else { continue }
            let alwaysBuilt = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
            if stack.count >= maximumDepth, !alwaysBuilt {
                // Too deep: splice the children into the parent instead of nesting them.
                append(blocks: frame.blocks + frame.items.flatMap(\.blocks), inlines: frame.inlines)
                continue
            }
            switch finished(frame, node: node, type: type) {
            case .document(let blocks): result = blocks
            case .block(let b): append(block: b)
            case .inline(let i): append(inline: i)
            case .item(let item): append(item: item)
            }
        }
        return result
    }

    /// What a container becomes when cmark leaves it.
    private enum Finished { case document([Block]), block(Block), inline(Inline), item(ListItem) }

    /// The value of the container `node` of kind `type`, from its finished children.
    private static func finished(_ frame: Frame, node: OpaquePointer, type: cmark_node_type) -> Finished {
        let line = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        func block(_ kind: Block.Kind) -> Finished { .block(Block(kind, line: line, endLine: endLine)) }
        let link = { Link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), content: frame.inlines) }
        let onEnter = { string(cmark_node_get_on_enter(node)) }, onExit = { string(cmark_node_get_on_exit(node)) }
        switch type {
        case CMARK_NODE_DOCUMENT: return .document(frame.blocks)
        case CMARK_NODE_BLOCK_QUOTE: return block(.blockQuote(frame.blocks))
        case CMARK_NODE_LIST:
            let kind: List.Kind
            if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                let delimiter: List.Delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? .paren : .period
                kind = .ordered(start: Int(cmark_node_get_list_start(node)), delimiter: delimiter)
            } else {
                kind = .bullet
            }
            return block(.list(List(kind: kind, isTight: cmark_node_get_list_tight(node) != 0, items: frame.items)))
        case CMARK_NODE_ITEM: return .item(ListItem(blocks: frame.blocks, line: line, endLine: endLine))
        case CMARK_NODE_CUSTOM_BLOCK: return block(.customBlock(onEnter: onEnter(), onExit: onExit(), children: frame.blocks))
        case CMARK_NODE_PARAGRAPH: return block(.paragraph(Self.joiningCJKLines(frame.inlines)))
        case CMARK_NODE_HEADING:
            return block(.heading(level: Int(cmark_node_get_heading_level(node)), content: Self.joiningCJKLines(frame.inlines)))
        case CMARK_NODE_EMPH: return .inline(.emphasis(frame.inlines))
        case CMARK_NODE_STRONG: return .inline(.strong(frame.inlines))
        case CMARK_NODE_LINK: return .inline(.link(link()))
        case CMARK_NODE_IMAGE: return .inline(.image(link()))
        case CMARK_NODE_CUSTOM_INLINE: return .inline(.custom(onEnter: onEnter(), onExit: onExit(), children: frame.inlines))
        default:
            // A kind this layer does not know: kept with its name and literal, never dropped.
            let name = string(cmark_node_get_type_string(node)), literal = string(cmark_node_get_literal(node))
            if type.rawValue >= CMARK_NODE_FIRST_INLINE.rawValue && type.rawValue <= CMARK_NODE_LAST_INLINE.rawValue {
                return .inline(.unknown(typeName: name, literal: literal, children: frame.inlines))
            }
            let children =
                frame.blocks + frame.items.flatMap(\.blocks)
                + (frame.inlines.isEmpty ? [] : [Block(.paragraph(frame.inlines), line: line, endLine: endLine)])
            return block(.unknown(typeName: name, literal: literal, children: children))
        }
    }

    private enum Leaf { case block(Block), inline(Inline) }

    /// Chinese and Japanese put no space where a line of the source breaks
    /// between two of their characters, so such a soft break is dropped (a
    /// space would show inside a sentence). Every other soft break stays.
    static func joiningCJKLines(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(.softBreak) else { return inlines }
        var out: [Inline] = []
        for (i, inline) in inlines.enumerated() {
            if inline == .softBreak, i > 0, i + 1 < inlines.count,
                case .text(let before) = inlines[i - 1], case .text(let after) = inlines[i + 1],
                let last = before.unicodeScalars.last, let first = after.unicodeScalars.first,
                isCJK(last), isCJK(first)
            {
                continue
            }
            out.append(inline)
        }
        return out
    }

    /// Han ideographs, kana, CJK punctuation and full-width forms (not Hangul:
    /// Korean separates words with spaces).
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// The value of a node that has no children, or nil for a container.
    private static func leafValue(_ node: OpaquePointer, type: cmark_node_type, sourceLines: SourceLines) -> Leaf? {
        let literal = { string(cmark_node_get_literal(node)) }
        func block(_ kind: Block.Kind) -> Leaf {
            .block(Block(kind, line: Int(cmark_node_get_start_line(node)), endLine: Int(cmark_node_get_end_line(node))))
        }
        switch type {
        case CMARK_NODE_TEXT: return .inline(.text(literal()))
        case CMARK_NODE_SOFTBREAK: return .inline(.softBreak)
        case CMARK_NODE_LINEBREAK: return .inline(.lineBreak)
        case CMARK_NODE_CODE: return .inline(.code(literal()))
        case CMARK_NODE_HTML_INLINE: return .inline(.html(literal()))
        case CMARK_NODE_HTML_BLOCK: return block(.htmlBlock(literal()))
        case CMARK_NODE_THEMATIC_BREAK: return block(.thematicBreak)
        case CMARK_NODE_CODE_BLOCK:
            // cmark 0.30 has no getter for "fenced"; the block's first character tells.
            let fenced = sourceLines.startsWithFence(
                line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            return block(
                .codeBlock(
                    CodeBlock(
                        info: string(cmark_node_get_fence_info(node)), literal: literal(), isFenced: fenced)))
        default: return nil
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// The source's bytes, to look at the character a code block starts with.
/// Line starts are found by scanning on from the last block asked about:
/// blocks come in source order, so the source is scanned once in all.
private final class SourceLines {
    let bytes: [UInt8]
    private var line = 1, lineStart = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The byte offset where `target` (1-based) starts, or nil past the end.
    private func start(of target: Int) -> Int? {
        if target < line { line = 1; lineStart = 0 }
        while line < target {
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lineStart = newline + 1
            line += 1
        }
        return lineStart
    }

    /// Whether the first non-space byte at or after (line, column) is a fence character.
    func startsWithFence(line: Int, column: Int) -> Bool {
        guard line >= 1, let start = start(of: line) else { return false }
        var i = start + max(column - 1, 0)
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        return i < bytes.count && (bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "~"))
    }
}
