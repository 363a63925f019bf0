/// A note's Markdown as HTML, walked from the same parsed `Document` as the
/// terminal renderer (never cmark's HTML, never a regex over HTML).
///
/// Without options it writes what `cmark_render_html` writes for the same tree
/// (cmark 0.30's `html.c`, node by node: the same escaping of text and URLs,
/// the same newlines, tight lists without `<p>`, images' alt text as plain
/// text), which the CommonMark spec examples test. On top of that it gives
/// headings their anchors as ids (`HeadingAnchors`, the slugs `ganbook check`
/// uses), points links between notes at their pages (`07-mode-collapse.md#x`
/// → `mode-collapse.html#x`), and lets the caller supply the HTML of special
/// code blocks (demo cells, quiz cards) through `codeBlocks`.
import Markdown

package struct HTMLNoteRenderer: Sendable {
    package struct Options: Sendable {
        /// Raw HTML blocks and inlines, and `javascript:`-style URLs, pass
        /// through; otherwise they are omitted, as cmark does by default.
        package var unsafe: Bool
        /// Headings get `id="anchor"`.
        package var headingIDs: Bool

        package init(unsafe: Bool = false, headingIDs: Bool = true) {
            self.unsafe = unsafe
            self.headingIDs = headingIDs
        }
    }

    /// Note file name → page, e.g. `07-mode-collapse.md` → `mode-collapse.html`.
    package var pages: [String: String]
    package var options: Options
    /// Called for every code block with the block (its `line` is the fence's
    /// source line); a non-nil answer is written instead of `<pre><code>`.
    package var codeBlocks: @Sendable (CodeBlock, Block) -> String?

    package init(
        pages: [String: String] = [:], options: Options = Options(),
        codeBlocks: @escaping @Sendable (CodeBlock, Block) -> String? = { _, _ in nil }
    ) {
        self.pages = pages
        self.options = options
        self.codeBlocks = codeBlocks
    }

    /// The document's HTML (a fragment: no `<html>` or `<body>`).
    package func render(_ document: Document) -> String {
        var writer = Writer(renderer: self)
        writer.walk(document)
        return writer.out
    }

    /// `url` pointed at a note's page when it names a note file, else unchanged.
    package func pageURL(_ url: String) -> String {
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let page = pages[String(parts[0])] else { return url }
        return parts.count > 1 ? page + "#" + parts[1] : page
    }

    private struct Writer: MarkdownWalker {
        let renderer: HTMLNoteRenderer
        var out = ""
        var anchors = HeadingAnchors()
        /// Whether a paragraph here is the direct child of a tight list's item.
        var inTightItem = false

        init(renderer: HTMLNoteRenderer) { self.renderer = renderer }

        var unsafe: Bool { renderer.options.unsafe }

        /// A newline unless the output is empty or already ends in one (cmark's `cr`).
        mutating func cr() {
            if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
        }

        /// Walks `children` as the content of a container that is not a list item.
        mutating func container(_ children: [Block]) {
            let saved = inTightItem
            inTightItem = false
            walk(children)
            inTightItem = saved
        }

        // MARK: Blocks

        mutating func visitParagraph(_ content: [Inline], block: Block) {
            if inTightItem {
                walk(content)
                return
            }
            cr()
            out += "<p>"
            walk(content)
            out += "</p>\n"
        }

        mutating func visitHeading(level: Int, content: [Inline], block: Block) {
            cr()
            out += "<h\(level)"
            if renderer.options.headingIDs { out += " id=\"" + escape(anchors.anchor(for: content.plainText)) + "\"" }
            out += ">"
            walk(content)
            out += "</h\(level)>\n"
        }

        mutating func visitBlockQuote(_ children: [Block], block: Block) {
            cr()
            out += "<blockquote>\n"
            container(children)
            cr()
            out += "</blockquote>\n"
        }

        mutating func visitList(_ list: List, block: Block) {
            cr()
            switch list.kind {
            case .bullet: out += "<ul>\n"
            case .ordered(let start, _): out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            }
            for item in list.items { visitListItem(item, of: list) }
            out += list.kind == .bullet ? "</ul>\n" : "</ol>\n"
        }

        mutating func visitListItem(_ item: ListItem, of list: List) {
            cr()
            out += "<li>"
            let saved = inTightItem
            inTightItem = list.isTight
            walk(item.blocks)
            inTightItem = saved
            out += "</li>\n"
        }

        mutating func visitCodeBlock(_ code: CodeBlock, block: Block) {
            cr()
            if let html = renderer.codeBlocks(code, block) {
                out += html
                cr()
                return
            }
            // The first word of the info string, up to any ASCII space (cmark_isspace).
            let language = code.info.unicodeScalars.prefix { !" \t\n\u{0B}\u{0C}\r".unicodeScalars.contains($0) }
            if language.isEmpty {
                out += "<pre><code>"
            } else {
                out += "<pre><code class=\"language-" + escape(String(String.UnicodeScalarView(language))) + "\">"
            }
            out += escape(code.literal) + "</code></pre>\n"
        }

        mutating func visitHTMLBlock(_ html: String, block: Block) {
            cr()
            out += unsafe ? html : "<!-- raw HTML omitted -->"
            cr()
        }

        mutating func visitThematicBreak(block: Block) {
            cr()
            out += "<hr />\n"
        }

        /// A pipe table as GitHub writes it, inside a scrolling wrapper.
        mutating func visitTable(_ table: MarkdownTable, block: Block) {
            func align(_ k: Int) -> String {
                switch k < table.alignments.count ? table.alignments[k] : .none {
                case .none: return ""
                case .left: return " style=\"text-align: left\""
                case .center: return " style=\"text-align: center\""
                case .right: return " style=\"text-align: right\""
                }
            }
            cr()
            out += "<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n"
            for (k, cell) in table.header.enumerated() {
                out += "<th\(align(k))>"
                walk(cell)
                out += "</th>\n"
            }
            out += "</tr>\n</thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>\n"
                for (k, cell) in row.enumerated() {
                    out += "<td\(align(k))>"
                    walk(cell)
                    out += "</td>\n"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }

        mutating func visitCustomBlock(onEnter: String, onExit: String, children: [Block], block: Block) {
            cr()
            out += onEnter
            cr()
            container(children)
            cr()
            out += onExit
            cr()
        }

        /// A kind this renderer does not know: its literal as text, then its children.
        mutating func visitUnknownBlock(typeName: String, literal: String, children: [Block], block: Block) {
            cr()
            if !literal.isEmpty { out += "<p>" + escape(literal) + "</p>\n" }
            container(children)
        }

        // MARK: Inlines

        mutating func visitText(_ text: String) { out += escape(text) }
        mutating func visitSoftBreak() { out += "\n" }
        mutating func visitLineBreak() { out += "<br />\n" }
        mutating func visitCode(_ code: String) { out += "<code>" + escape(code) + "</code>" }
        mutating func visitInlineHTML(_ html: String) { out += unsafe ? html : "<!-- raw HTML omitted -->" }

        mutating func visitEmphasis(_ children: [Inline]) {
            out += "<em>"
            walk(children)
            out += "</em>"
        }

        mutating func visitStrong(_ children: [Inline]) {
            out += "<strong>"
            walk(children)
            out += "</strong>"
        }

        mutating func visitLink(_ link: Link) {
            out += "<a href=\"" + href(renderer.pageURL(link.url)) + "\""
            if !link.title.isEmpty { out += " title=\"" + escape(link.title) + "\"" }
            out += ">"
            walk(link.content)
            out += "</a>"
        }

        mutating func visitImage(_ image: Link) {
            out += "<img src=\"" + href(image.url) + "\" alt=\"" + Self.altText(image.content) + "\""
            if !image.title.isEmpty { out += " title=\"" + escape(image.title) + "\"" }
            out += " />"
        }

        mutating func visitCustomInline(onEnter: String, onExit: String, children: [Inline]) {
            out += onEnter
            walk(children)
            out += onExit
        }

        mutating func visitUnknownInline(typeName: String, literal: String, children: [Inline]) {
            out += escape(literal)
            walk(children)
        }

        /// A URL as cmark writes it in an attribute; dangerous schemes are dropped
        /// unless `unsafe`.
        func href(_ url: String) -> String {
            if !unsafe && Self.isDangerous(url) { return "" }
            return Self.escapeHref(url)
        }

        /// An image's alt text: the escaped literals of text, code and HTML
        /// inside, a space for each break, no markup (cmark's "plain" mode).
        static func altText(_ content: [Inline]) -> String {
            var text = ""
            for inline in content {
                switch inline {
                case .text(let s), .code(let s), .html(let s): text += escape(s)
                case .softBreak, .lineBreak: text += " "
                case .emphasis(let c), .strong(let c), .custom(_, _, let c): text += altText(c)
                case .link(let l), .image(let l): text += altText(l.content)
                case .unknown(_, let literal, let c): text += escape(literal) + altText(c)
                }
            }
            return text
        }

        /// `javascript:`, `vbscript:`, `file:` and `data:` other than raster
        /// images (cmark's `_scan_dangerous_url`).
        static func isDangerous(_ url: String) -> Bool {
            let lower = url.prefix(16).lowercased()
            if ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lower.hasPrefix) {
                return false
            }
            return ["javascript:", "vbscript:", "file:", "data:"].contains(where: lower.hasPrefix)
        }

        /// houdini_escape_href: bytes outside `-_.+!*'(),%#@?=;:/,+&$~`, letters
        /// and digits become %XX; `&` and `'` become entities.
        static func escapeHref(_ url: String) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(url.utf8.count)
            let hex = Array("0123456789ABCDEF".utf8)
            for byte in url.utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
                case UInt8(ascii: "'"): bytes += Array("&#x27;".utf8)
                case _ where isHrefSafe(byte): bytes.append(byte)
                default: bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        static func isHrefSafe(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%()*+,-./:;=?@_~".utf8.contains(byte)
            }
        }
    }
}
