/// Renders a Markdown `Document` for the terminal.
///
/// Owns the tree walk only: every block and inline kind, wrapped to a width,
/// nested with prefixes (quote bars, list markers). How things look comes from
/// the `StyleSheet`. Fenced blocks that mean something to the caller (demo
/// cells, quiz cards) are handed to `cells`, which says how to present them.
import Markdown

/// How a special fenced block is shown instead of as code.
public enum CellPart: Sendable, Equatable {
    /// A framed command line, ready to copy: `▶ ganbook demo …`.
    case command(label: String, command: String)
    /// One dimmed line, e.g. `4 quiz cards · ganbook quiz objective`.
    case hint(String)
    /// Lines rendered elsewhere, shown as they are.
    case lines([String])
}

public struct TerminalRenderer: Sendable {
    public var sheet: StyleSheet
    public var width: Int
    /// Called for every code block; a non-nil answer replaces the code block.
    public var cells: @Sendable (CodeBlock, Block) -> [CellPart]?

    public init(sheet: StyleSheet, width: Int, cells: @escaping @Sendable (CodeBlock, Block) -> [CellPart]? = { _, _ in nil }) {
        self.sheet = sheet
        self.width = max(width, 1)
        self.cells = cells
    }

    /// The whole document, lines joined, ending in a newline.
    public func render(_ document: Document) -> String {
        let lines = renderLines(document)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    public func renderLines(_ document: Document) -> [String] {
        blocks(document.blocks, width: width, depth: 0, tight: false)
    }

    // MARK: Blocks

    private func blocks(_ blocks: [Block], width: Int, depth: Int, tight: Bool) -> [String] {
        var out: [String] = []
        for block in blocks {
            let lines = self.block(block, width: width, depth: depth, tight: tight)
            if lines.isEmpty { continue }
            if !out.isEmpty && !tight { out.append("") }
            out += lines
        }
        return out
    }

    private func block(_ block: Block, width: Int, depth: Int, tight: Bool) -> [String] {
        switch block.kind {
        case .paragraph(let content):
            return wrap(content, base: .plain, width: width)
        case .heading(let level, let content):
            return heading(level: level, content: content, width: width)
        case .blockQuote(let children):
            let bar = sheet.paint(sheet.quoteBar, sheet.quoteBarStyle)
            let emptyBar = sheet.paint(String(sheet.quoteBar.trimmingTrailingSpaces), sheet.quoteBarStyle)
            let inner = blocks(children, width: width - sheet.quoteBar.displayWidth, depth: depth, tight: false)
            return (inner.isEmpty ? [""] : inner).map { $0.isEmpty ? emptyBar : bar + $0 }
        case .list(let list):
            return self.list(list, width: width, depth: depth)
        case .codeBlock(let code):
            if let parts = cells(code, block) { return parts.flatMap { cell($0, width: width) } }
            return codeBlock(code, width: width)
        case .htmlBlock(let html):
            return html.trimmingFinalNewline.split(separator: "\n", omittingEmptySubsequences: false)
                .map { sheet.paint(StyledText.printable(String($0)), sheet.htmlStyle) }
        case .thematicBreak:
            return [sheet.paint(String(repeating: sheet.thematicBreak, count: width), sheet.frame)]
        case .customBlock(let onEnter, let onExit, let children):
            let inner = blocks(children, width: width, depth: depth, tight: tight)
            return [onEnter].filter { !$0.isEmpty } + inner + [onExit].filter { !$0.isEmpty }
        }
    }

    private func heading(level: Int, content: [Inline], width: Int) -> [String] {
        let style = sheet.heading(level)
        var text = StyledText(sheet.headingPrefix(level), style: sheet.headingPrefixStyle.over(style))
        inlines(content, base: style, link: nil, into: &text)
        let lines = text.wrapped(width: width)
        var out = lines.map { $0.encoded(color: sheet.color) }
        if let rule = sheet.headingRule(level) {
            let ruleWidth = min(width, lines.map(\.displayWidth).max() ?? 0)
            out.append(sheet.paint(String(repeating: rule, count: max(ruleWidth, 1)), style))
        }
        return out
    }

    private func list(_ list: List, width: Int, depth: Int) -> [String] {
        let markers: [String] = list.items.indices.map { index in
            switch list.kind {
            case .bullet: return sheet.bullet(depth: depth)
            case .ordered(let start, let delimiter):
                return String(start + index) + (delimiter == .paren ? ")" : ".")
            }
        }
        let markerWidth = markers.map(\.displayWidth).max() ?? 1
        let indent = markerWidth + 1
        var out: [String] = []
        for (item, marker) in zip(list.items, markers) {
            let inner = blocks(item.blocks, width: width - indent, depth: depth + 1, tight: list.isTight)
            if !out.isEmpty && !list.isTight { out.append("") }
            let padded = String(repeating: " ", count: markerWidth - marker.displayWidth) + marker
            let head = sheet.paint(padded, sheet.listMarker)
            guard let first = inner.first else {
                out.append(head)
                continue
            }
            out.append(head + " " + first)
            out += inner.dropFirst().map { $0.isEmpty ? "" : String(repeating: " ", count: indent) + $0 }
        }
        return out
    }

    private func codeBlock(_ code: CodeBlock, width: Int) -> [String] {
        let label = code.language.isEmpty ? "code" : code.language
        let lines = code.literal.trimmingFinalNewline
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { StyledText.printable(Self.expandingTabs(String($0))) }
        let side = sheet.paint(sheet.frameSide, sheet.frame)
        let emptySide = sheet.paint(String(sheet.frameSide.trimmingTrailingSpaces), sheet.frame)
        let longest = lines.map(\.displayWidth).max() ?? 0
        let frameWidth = min(width, max(longest + sheet.frameSide.displayWidth, label.displayWidth + 4))
        return [topRule(label: label, width: frameWidth)]
            + lines.map { $0.isEmpty ? emptySide : side + sheet.paint($0, sheet.codeBlockText) }
            + [bottomRule(width: frameWidth)]
    }

    private func cell(_ part: CellPart, width: Int) -> [String] {
        switch part {
        case .hint(let text):
            return StyledText(text, style: sheet.hintStyle).wrapped(width: width).map { $0.encoded(color: sheet.color) }
        case .lines(let lines):
            return lines
        case .command(let label, let command):
            let prompt = sheet.demoPrompt
            let lines = Self.shellLines(command, width: width - prompt.displayWidth, continuation: "  ")
            let body = lines.enumerated().map { index, line in
                (index == 0 ? prompt : String(repeating: " ", count: prompt.displayWidth))
                    + sheet.paint(line, sheet.demoStyle)
            }
            let frameWidth = min(width, max((lines.map(\.displayWidth).max() ?? 0) + prompt.displayWidth, label.displayWidth + 4))
            return [topRule(label: label, width: frameWidth)] + body + [bottomRule(width: frameWidth)]
        }
    }

    /// `╭─ label ───…`.
    private func topRule(label: String, width: Int) -> String {
        let head = sheet.frameTop + label + " "
        let fill = max(width - head.displayWidth, 0)
        return sheet.paint(head + String(repeating: sheet.frameRule, count: fill), sheet.frame)
    }

    private func bottomRule(width: Int) -> String {
        sheet.paint(sheet.frameBottom + String(repeating: sheet.frameRule, count: max(width - 1, 0)), sheet.frame)
    }

    /// A shell command split at spaces outside quotes into lines of at most
    /// `width` columns, each but the last ending in ` \` so that it pastes as one.
    static func shellLines(_ command: String, width: Int, continuation: String) -> [String] {
        var words: [String] = []
        var current = "", quote: Character? = nil
        for c in command {
            if let q = quote { current.append(c); if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c }
            if c == " " { if !current.isEmpty { words.append(current); current = "" }; continue }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        var lines: [String] = []
        var line = ""
        for word in words {
            let candidate = line.isEmpty ? word : line + " " + word
            let limit = lines.isEmpty ? width : width - continuation.displayWidth
            if line.isEmpty || candidate.displayWidth + 2 <= limit {
                line = candidate
            } else {
                lines.append(line + " \\")
                line = word
            }
        }
        lines.append(line)
        return lines.enumerated().map { $0 == 0 ? $1 : continuation + $1 }
    }

    static func expandingTabs(_ line: String, tabWidth: Int = 4) -> String {
        guard line.utf8.contains(9) else { return line }
        var out = "", column = 0
        for c in line {
            if c == "\t" {
                let spaces = tabWidth - column % tabWidth
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(c)
                column += c.displayWidth
            }
        }
        return out
    }

    // MARK: Inlines

    private func wrap(_ content: [Inline], base: TextStyle, width: Int) -> [String] {
        var text = StyledText()
        inlines(content, base: base, link: nil, into: &text)
        return text.wrapped(width: width).map { $0.encoded(color: sheet.color) }
    }

    private func inlines(_ content: [Inline], base: TextStyle, link: String?, into text: inout StyledText) {
        for inline in content { self.inline(inline, base: base, link: link, into: &text) }
    }

    private func inline(_ inline: Inline, base: TextStyle, link: String?, into text: inout StyledText) {
        switch inline {
        case .text(let s):
            text.append(s, style: base, link: link)
        case .softBreak:
            text.append(" ", style: base, link: link)
        case .lineBreak:
            text.append("\n", style: base, link: link)
        case .code(let s):
            span(sheet.inlineCode, base: base, link: link, into: &text) { $0.append(s, style: $1, link: link) }
        case .html(let s):
            text.append(s, style: sheet.htmlStyle.over(base), link: link)
        case .emphasis(let children):
            span(sheet.emphasis, base: base, link: link, into: &text) { inlines(children, base: $1, link: link, into: &$0) }
        case .strong(let children):
            span(sheet.strong, base: base, link: link, into: &text) { inlines(children, base: $1, link: link, into: &$0) }
        case .link(let target):
            let style = sheet.link.over(base)
            switch sheet.linkPresentation {
            case .hyperlink:
                inlines(target.content, base: style, link: target.url.isEmpty ? link : target.url, into: &text)
            case .urlAfterText(let open, let close):
                inlines(target.content, base: style, link: link, into: &text)
                let shown = target.content.plainText
                if !target.url.isEmpty && shown != target.url && "mailto:" + shown != target.url {
                    text.append(open + target.url + close, style: sheet.linkURL.over(base), link: link)
                }
            }
        case .image(let target):
            let style = sheet.image.over(base)
            let hyperlink = sheet.linkPresentation == .hyperlink && !target.url.isEmpty ? target.url : link
            text.append(sheet.imageOpen, style: style, link: hyperlink)
            inlines(target.content, base: style, link: hyperlink, into: &text)
            text.append(sheet.imageClose, style: style, link: hyperlink)
            if !target.url.isEmpty {
                text.append(sheet.imageURLOpen + target.url + sheet.imageURLClose, style: sheet.linkURL.over(base), link: link)
            }
        case .custom(let onEnter, let onExit, let children):
            text.append(onEnter, style: base, link: link)
            inlines(children, base: base, link: link, into: &text)
            text.append(onExit, style: base, link: link)
        }
    }

    /// A styled span: its markers around it (empty with colour), its style over `base`.
    private func span(_ look: SpanLook, base: TextStyle, link: String?, into text: inout StyledText,
                      _ body: (inout StyledText, TextStyle) -> Void) {
        text.append(look.open, style: base, link: link)
        body(&text, look.style.over(base))
        text.append(look.close, style: base, link: link)
    }
}

extension String {
    var trimmingFinalNewline: Substring { hasSuffix("\n") ? dropLast() : Substring(self) }
}

extension StringProtocol {
    /// The text without trailing spaces.
    public var trimmingTrailingSpaces: SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
