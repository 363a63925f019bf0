/// Renders a Markdown `Document` for the terminal.
///
/// Owns the tree walk only: every block and inline kind, wrapped to a width,
/// nested with prefixes (quote bars, list markers). How things look comes from
/// the `StyleSheet`. Fenced blocks that mean something to the caller (demo
/// cells, quiz cards) are handed to `cells`, which says how to present them.
import Markdown
import Report
import TerminalKit

/// How a special fenced block is shown instead of as code.
package enum CellPart: Sendable, Equatable {
    /// A framed command line, ready to copy: `▶ ganbook demo …`.
    case command(label: String, command: String)
    /// One dimmed line, e.g. `4 quiz cards · ganbook quiz objective`.
    case hint(String)
    /// Lines rendered elsewhere, shown as they are.
    case lines([String])
}

/// Where a link really goes, when the caller knows better than its URL: a
/// link to another note opens (OSC 8) at the note's absolute `file://` path,
/// and without hyperlinks shows the command that reads it.
package struct ResolvedLink: Sendable, Equatable {
    package var url: String
    package var shown: String
    package init(url: String, shown: String) {
        self.url = url
        self.shown = shown
    }
}

package struct TerminalRenderer: Sendable {
    package var sheet: StyleSheet
    package var width: Int
    /// Called for every code block; a non-nil answer replaces the code block.
    package var cells: @Sendable (CodeBlock, Block) -> [CellPart]?
    /// Called for every link's URL; nil keeps the URL as written.
    package var links: @Sendable (String) -> ResolvedLink? = { _ in nil }

    package init(sheet: StyleSheet, width: Int, cells: @escaping @Sendable (CodeBlock, Block) -> [CellPart]? = { _, _ in nil }) {
        self.sheet = sheet
        self.width = max(width, 1)
        self.cells = cells
    }

    /// The whole document, lines joined, ending in a newline.
    package func render(_ document: Document) -> String {
        let lines = renderLines(document)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    package func renderLines(_ document: Document) -> [String] {
        var walker = Walker(renderer: self, width: width)
        return walker.lines(of: document.blocks, width: width, depth: 0, tight: false)
    }

    // MARK: Blocks

    /// The walk itself. Block visits add their lines to the innermost open
    /// container (`lines`, at `width`); inline visits append to `text`, in the
    /// current `base` style and `link`.
    private struct Walker: MarkdownWalker {
        let renderer: TerminalRenderer
        var sheet: StyleSheet { renderer.sheet }
        var width: Int
        var depth = 0
        var tight = false
        var lines: [String] = []
        var text = StyledText()
        var base = TextStyle.plain
        var link: String?

        init(renderer: TerminalRenderer, width: Int) {
            self.renderer = renderer
            self.width = width
        }

        /// Adds one block's lines, with a blank line before it unless the container is tight.
        mutating func emit(_ block: [String]) {
            if block.isEmpty { return }
            if !lines.isEmpty && !tight { lines.append("") }
            lines += block
        }

        /// The lines of `blocks` rendered as a container's content.
        mutating func lines(of blocks: [Block], width: Int, depth: Int, tight: Bool) -> [String] {
            let saved = (self.width, self.depth, self.tight, self.lines)
            (self.width, self.depth, self.tight, self.lines) = (width, depth, tight, [])
            walk(blocks)
            defer { (self.width, self.depth, self.tight, self.lines) = saved }
            return self.lines
        }

        /// `content` as styled text over `base`.
        mutating func styledText(_ content: [Inline], base: TextStyle, prefix: StyledText = StyledText()) -> StyledText {
            let saved = (self.text, self.base, self.link)
            (self.text, self.base, self.link) = (prefix, base, nil)
            walk(content)
            defer { (self.text, self.base, self.link) = saved }
            return self.text
        }

        func encoded(_ text: StyledText, width: Int) -> [String] {
            text.wrappedEncoded(width: width, color: sheet.color)
        }

        mutating func visitParagraph(_ content: [Inline], block: Block) {
            emit(encoded(styledText(content, base: .plain), width: width))
        }

        mutating func visitHeading(level: Int, content: [Inline], block: Block) {
            let style = sheet.heading(level)
            let prefix = StyledText(sheet.headingPrefix(level), style: sheet.headingPrefixStyle.over(style))
            let wrapped = styledText(content, base: style, prefix: prefix).wrapped(width: width)
            var out = wrapped.map { $0.encoded(color: sheet.color) }
            if let rule = sheet.headingRule(level) {
                let ruleWidth = min(width, wrapped.map(\.displayWidth).max() ?? 0)
                out.append(sheet.paint(String(repeating: rule, count: max(ruleWidth, 1)), style))
            }
            emit(out)
        }

        mutating func visitBlockQuote(_ children: [Block], block: Block) {
            let barWidth = sheet.quoteBar.displayWidth
            guard TerminalRenderer.fitsNested(indent: barWidth, in: width) else {
                // Too deep for the width: the quote keeps its content, not its bar.
                emit(lines(of: children, width: width, depth: depth, tight: false))
                return
            }
            let bar = sheet.paint(sheet.quoteBar, sheet.quoteBarStyle)
            let emptyBar = sheet.paint(String(sheet.quoteBar.trimmingTrailingSpaces), sheet.quoteBarStyle)
            let inner = lines(of: children, width: width - barWidth, depth: depth, tight: false)
            emit((inner.isEmpty ? [""] : inner).map { $0.isEmpty ? emptyBar : bar + $0 })
        }

        mutating func visitList(_ list: List, block: Block) {
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
            guard TerminalRenderer.fitsNested(indent: indent, in: width) else {
                // Too deep for the width: each marker on a line of its own (cut
                // to the width), the item's blocks under it without indent.
                for (item, marker) in zip(list.items, markers) {
                    if !out.isEmpty && !list.isTight { out.append("") }
                    out.append(sheet.paint(TerminalRenderer.clipped(marker, to: width), sheet.listMarker))
                    out += lines(of: item.blocks, width: width, depth: depth + 1, tight: list.isTight)
                }
                emit(out)
                return
            }
            for (item, marker) in zip(list.items, markers) {
                let inner = lines(of: item.blocks, width: width - indent, depth: depth + 1, tight: list.isTight)
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
            emit(out)
        }

        mutating func visitCodeBlock(_ code: CodeBlock, block: Block) {
            if let parts = renderer.cells(code, block) {
                emit(parts.flatMap { renderer.cell($0, width: width) })
            } else {
                emit(renderer.codeBlock(code, width: width))
            }
        }

        /// Raw HTML, verbatim; a line wider than the width continues on the next.
        mutating func visitHTMLBlock(_ html: String, block: Block) {
            emit(
                html.trimmingFinalNewline.split(separator: "\n", omittingEmptySubsequences: false)
                    .flatMap { TerminalRenderer.softWrapped(StyledText.printable(String($0)), width: width) }
                    .map { sheet.paint($0, sheet.htmlStyle) })
        }

        mutating func visitThematicBreak(block: Block) {
            emit([sheet.paint(String(repeating: sheet.thematicBreak, count: width), sheet.frame)])
        }

        /// A pipe table in columns measured by display width, two spaces apart,
        /// the header over a rule. Too wide for the line, each row becomes a
        /// wrapped paragraph of its cells joined by " · " instead.
        mutating func visitTable(_ table: MarkdownTable, block: Block) {
            let header = table.header.map { styledText($0, base: sheet.strong.style) }
            let rows = table.rows.map { $0.map { styledText($0, base: .plain) } }
            var widths = header.map(\.displayWidth)
            for row in rows {
                for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], cell.displayWidth) }
            }
            let total = widths.reduce(0, +) + 2 * max(widths.count - 1, 0)
            guard total <= width else {
                emit(
                    ([table.header] + table.rows).flatMap { cells in
                        let joined = cells.enumerated().flatMap { k, cell in k == 0 ? cell : [.text(" · ")] + cell }
                        return encoded(styledText(joined, base: .plain), width: width)
                    })
                return
            }
            func line(_ cells: [[Inline]], base: TextStyle) -> String {
                var text = StyledText()
                for (k, cell) in cells.enumerated() where k < widths.count {
                    let start = text.displayWidth
                    text = styledText(cell, base: base, prefix: text)
                    if k + 1 < widths.count {
                        text.append(String(repeating: " ", count: widths[k] + 2 - (text.displayWidth - start)))
                    }
                }
                return text.encoded(color: sheet.color)
            }
            let rule = sheet.paint(String(repeating: sheet.thematicBreak, count: total), sheet.frame)
            emit([line(table.header, base: sheet.strong.style), rule] + table.rows.map { line($0, base: .plain) })
        }

        mutating func visitCustomBlock(onEnter: String, onExit: String, children: [Block], block: Block) {
            let inner = lines(of: children, width: width, depth: depth, tight: tight)
            let enter = onEnter.isEmpty ? [] : TerminalRenderer.softWrapped(StyledText.printable(onEnter), width: width)
            let exit = onExit.isEmpty ? [] : TerminalRenderer.softWrapped(StyledText.printable(onExit), width: width)
            emit(enter + inner + exit)
        }

        /// A kind the renderer does not know: its literal as text, then its children.
        mutating func visitUnknownBlock(typeName: String, literal: String, children: [Block], block: Block) {
            let shown = StyledText(literal.isEmpty ? "[\(typeName)]" : literal, style: sheet.unknownStyle)
            emit(encoded(shown, width: width) + lines(of: children, width: width, depth: depth, tight: tight))
        }

        // MARK: Inlines

        mutating func visitText(_ s: String) { text.append(s, style: base, link: link) }
        mutating func visitSoftBreak() { text.append(" ", style: base, link: link) }
        mutating func visitLineBreak() { text.append("\n", style: base, link: link) }
        mutating func visitCode(_ code: String) {
            span(sheet.inlineCode) { $0.text.append(code, style: $0.base, link: $0.link) }
        }
        mutating func visitInlineHTML(_ html: String) { text.append(html, style: sheet.htmlStyle.over(base), link: link) }
        mutating func visitEmphasis(_ children: [Inline]) { span(sheet.emphasis) { $0.walk(children) } }
        mutating func visitStrong(_ children: [Inline]) { span(sheet.strong) { $0.walk(children) } }

        mutating func visitLink(_ target: Link) {
            let outer = (base, link)
            defer { (base, link) = outer }
            base = sheet.link.over(outer.0)
            let resolved = renderer.links(target.url)
            switch sheet.linkPresentation {
            case .hyperlink:
                if !target.url.isEmpty { link = resolved?.url ?? target.url }
                walk(target.content)
            case .urlAfterText(let open, let close):
                walk(target.content)
                let shown = target.content.plainText
                if let resolved {
                    text.append(open + resolved.shown + close, style: sheet.linkURL.over(outer.0), link: outer.1)
                } else if !target.url.isEmpty && shown != target.url && "mailto:" + shown != target.url {
                    text.append(open + target.url + close, style: sheet.linkURL.over(outer.0), link: outer.1)
                }
            }
        }

        mutating func visitImage(_ target: Link) {
            let outer = (base, link)
            defer { (base, link) = outer }
            base = sheet.image.over(outer.0)
            if sheet.linkPresentation == .hyperlink && !target.url.isEmpty { link = target.url }
            text.append(sheet.imageOpen, style: base, link: link)
            walk(target.content)
            text.append(sheet.imageClose, style: base, link: link)
            if !target.url.isEmpty {
                text.append(sheet.imageURLOpen + target.url + sheet.imageURLClose, style: sheet.linkURL.over(outer.0), link: outer.1)
            }
        }

        mutating func visitCustomInline(onEnter: String, onExit: String, children: [Inline]) {
            text.append(onEnter, style: base, link: link)
            walk(children)
            text.append(onExit, style: base, link: link)
        }

        mutating func visitUnknownInline(typeName: String, literal: String, children: [Inline]) {
            text.append(literal, style: sheet.unknownStyle.over(base), link: link)
            walk(children)
        }

        /// A styled span: its markers around it (empty with colour), its style over `base`.
        mutating func span(_ look: SpanLook, _ body: (inout Walker) -> Void) {
            text.append(look.open, style: base, link: link)
            let outer = base
            base = look.style.over(outer)
            body(&self)
            base = outer
            text.append(look.close, style: base, link: link)
        }
    }

    /// A framed code block. A line wider than the frame is soft-wrapped inside
    /// it, as `bat` does: its continuation rows carry `frameContinuation` in
    /// the frame's side column, outside the text, so the text column still
    /// holds the original line. Below four columns there is no side column.
    func codeBlock(_ code: CodeBlock, width: Int) -> [String] {
        let label = code.language.isEmpty ? "code" : code.language
        let lines = code.literal.trimmingFinalNewline
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { StyledText.printable(Self.expandingTabs(String($0))) }
        let sideWidth = sheet.frameSide.displayWidth
        let hasSide = width >= sideWidth + 2 && sheet.frameContinuation.displayWidth == sideWidth
        let textWidth = hasSide ? width - sideWidth : width
        let side = hasSide ? sheet.paint(sheet.frameSide, sheet.frame) : ""
        let continuation = hasSide ? sheet.paint(sheet.frameContinuation, sheet.frame) : ""
        let emptySide = hasSide ? sheet.paint(String(sheet.frameSide.trimmingTrailingSpaces), sheet.frame) : ""
        var body: [String] = []
        var longest = 0
        for line in lines {
            if line.isEmpty { body.append(emptySide); continue }
            for (index, row) in Self.softWrapped(line, width: textWidth).enumerated() {
                longest = max(longest, row.displayWidth)
                body.append((index == 0 ? side : continuation) + sheet.paint(row, sheet.codeBlockText))
            }
        }
        // Never narrower than the content, never wider than the width.
        let frameWidth = min(width, max(longest + (hasSide ? sideWidth : 0), label.displayWidth + 4))
        return [topRule(label: label, width: frameWidth)] + body + [bottomRule(width: frameWidth)]
    }

    func cell(_ part: CellPart, width: Int) -> [String] {
        switch part {
        case .hint(let text):
            return StyledText(text, style: sheet.hintStyle).wrappedEncoded(width: width, color: sheet.color)
        case .lines(let lines):
            return lines
        case .command(let label, let command):
            let prompt = sheet.demoPrompt
            let promptWidth = prompt.displayWidth
            let hasPrompt = width >= promptWidth + 2 && sheet.frameContinuation.displayWidth == promptWidth
            let textWidth = hasPrompt ? width - promptWidth : width
            var body: [String] = []
            var longest = 0
            for (index, line) in Self.shellLines(StyledText.printable(command), width: textWidth, continuation: "  ").enumerated() {
                // A word too long for any line is soft-wrapped, marked outside the text.
                for (part, row) in Self.softWrapped(line, width: textWidth).enumerated() {
                    longest = max(longest, row.displayWidth)
                    let head =
                        !hasPrompt
                        ? ""
                        : part > 0
                            ? sheet.paint(sheet.frameContinuation, sheet.frame)
                            : index == 0 ? prompt : String(repeating: " ", count: promptWidth)
                    body.append(head + sheet.paint(row, sheet.demoStyle))
                }
            }
            let frameWidth = min(width, max(longest + (hasPrompt ? promptWidth : 0), label.displayWidth + 4))
            return [topRule(label: label, width: frameWidth)] + body + [bottomRule(width: frameWidth)]
        }
    }

    /// Whether a container may indent its content by `indent` columns at
    /// `width` and still leave it room (8 columns, or the whole width when that
    /// is less). When not, it renders its content unindented instead: the
    /// text never goes past the width, however deep the nesting.
    static func fitsNested(indent: Int, in width: Int) -> Bool {
        width - indent >= min(8, width)
    }

    /// `text` cut to at most `width` display columns.
    static func clipped(_ text: String, to width: Int) -> String {
        softWrapped(text, width: width).first ?? ""
    }

    /// `text` cut into rows of at most `width` display columns, at character
    /// boundaries and keeping every character (a zero-width one stays with
    /// what precedes it); only a wide character alone may exceed a width of 1.
    static func softWrapped(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        guard text.displayWidth > width else { return [text] }
        var rows: [String] = []
        var row = String.UnicodeScalarView(), used = 0
        var measure = DisplayWidth.Measure()
        for scalar in text.unicodeScalars {
            let w = measure.width(of: scalar)
            if w > 0 && used + w > width && used > 0 {
                rows.append(String(row))
                row = String.UnicodeScalarView()
                used = 0
            }
            row.append(scalar)
            used += w
        }
        if !row.isEmpty { rows.append(String(row)) }
        return rows
    }

    /// `╭─ label ───…`.
    private func topRule(label: String, width: Int) -> String {
        let head = Self.clipped(sheet.frameTop + StyledText.printable(label) + " ", to: width)
        let fill = max(width - head.displayWidth, 0)
        return sheet.paint(head + String(repeating: sheet.frameRule, count: fill), sheet.frame)
    }

    private func bottomRule(width: Int) -> String {
        let corner = Self.clipped(sheet.frameBottom, to: width)
        return sheet.paint(corner + String(repeating: sheet.frameRule, count: max(width - corner.displayWidth, 0)), sheet.frame)
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

}

extension String {
    var trimmingFinalNewline: Substring { hasSuffix("\n") ? dropLast() : Substring(self) }
}

extension StringProtocol {
    /// The text without trailing spaces.
    package var trimmingTrailingSpaces: SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
