/// Headings and links of a note, for `ganbook check` and the HTML export.
///
/// Anchors follow GitHub's rule, so that links written for GitHub work here
/// too: the heading's text, lower-cased, keeping letters, digits, spaces,
/// `-` and `_`; spaces become `-`; a repeated slug gets `-1`, `-2`, ….
import Markdown

extension Note {
    /// Every heading, in document order, with its level, text and anchor.
    public var headings: [(level: Int, text: String, slug: String, line: Int)] {
        var out: [(Int, String, String, Int)] = []
        var used: [String: Int] = [:]
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .heading(let level, let content):
                    let base = Self.slug(content.plainText)
                    let count = used[base, default: 0]
                    used[base] = count + 1
                    out.append((level, content.plainText, count == 0 ? base : "\(base)-\(count)", block.line))
                case .blockQuote(let children), .customBlock(_, _, let children): walk(children)
                case .list(let list): list.items.forEach { walk($0.blocks) }
                default: break
                }
            }
        }
        walk(document.blocks)
        return out
    }

    public static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "-" || c == "_" { out.append(c) }
            else if c == " " { out.append("-") }
        }
        return out
    }

    /// Every link (not image) target, with the line of the block it is in.
    public var links: [(line: Int, url: String)] {
        var out: [(Int, String)] = []
        func inlines(_ content: [Inline], line: Int) {
            for inline in content {
                switch inline {
                case .link(let l): out.append((line, l.url)); inlines(l.content, line: line)
                case .emphasis(let c), .strong(let c), .custom(_, _, let c): inlines(c, line: line)
                case .image(let l): inlines(l.content, line: line)
                default: break
                }
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let c), .heading(_, let c): inlines(c, line: block.line)
                case .blockQuote(let children), .customBlock(_, _, let children): walk(children)
                case .list(let list): list.items.forEach { walk($0.blocks) }
                default: break
                }
            }
        }
        walk(document.blocks)
        return out
    }
}

/// A link between notes: `03-objective.md`, `03-objective.md#anchor` or `#anchor`.
public struct NoteLink: Sendable, Equatable {
    public var file: String?
    public var anchor: String?

    /// Nil for links that leave the notebook (a scheme, an absolute path, mailto).
    public init?(_ url: String) {
        if url.isEmpty || url.contains("://") || url.hasPrefix("/") || url.hasPrefix("mailto:") { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0]), anchor = parts.count > 1 ? String(parts[1]) : nil
        if !file.isEmpty && !file.hasSuffix(".md") { return nil }
        self.file = file.isEmpty ? nil : file
        self.anchor = anchor
    }
}
