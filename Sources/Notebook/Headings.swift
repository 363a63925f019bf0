/// Headings and links of a note, for `ganbook check` and the HTML export.
///
/// Anchors follow GitHub's rule (`HeadingAnchors` in Markdown, shared with the
/// HTML renderer, so that ids and checked links agree).
import Markdown

extension Note {
    /// Every heading, in document order, with its level, text and anchor.
    package var headings: [(level: Int, text: String, slug: String, line: Int)] {
        struct Collector: MarkdownWalker {
            var anchors = HeadingAnchors()
            var out: [(level: Int, text: String, slug: String, line: Int)] = []
            mutating func visitHeading(level: Int, content: [Inline], block: Block) {
                out.append((level, content.plainText, anchors.anchor(for: content.plainText), block.line))
            }
        }
        var collector = Collector()
        collector.walk(document)
        return collector.out
    }

    package static func slug(_ text: String) -> String { HeadingAnchors.slug(text) }

    /// For each card, in order, the section that explains its answer (the quiz
    /// shows it, `o` opens it): the heading its `See:` names, else the last
    /// heading below the title above the card; nil when there is neither.
    package var cardSections: [(text: String, slug: String)?] {
        let headings = self.headings
        return cards.map { card in
            let heading = card.see.flatMap { see in headings.first { $0.slug == see } } ?? headings.last { $0.line < card.line && $0.level > 1 }
            return heading.map { (text: $0.text, slug: $0.slug) }
        }
    }

    /// Every link (not image) target, with the line of the block it is in.
    package var links: [(line: Int, url: String)] {
        struct Collector: MarkdownWalker {
            var line = 0
            var out: [(line: Int, url: String)] = []
            mutating func visit(_ block: Block) {
                line = block.line
                descend(into: block)
            }
            mutating func visitLink(_ link: Link) {
                out.append((line, link.url))
                walk(link.content)
            }
        }
        var collector = Collector()
        collector.walk(document)
        return collector.out
    }
}

/// A link between notes: `03-objective.md`, `03-objective.md#anchor` or `#anchor`.
package struct NoteLink: Sendable, Equatable {
    package var file: String?
    package var anchor: String?

    /// Nil for links that leave the notebook (a scheme, an absolute path, mailto).
    package init?(_ url: String) {
        if url.isEmpty || url.contains("://") || url.hasPrefix("/") || url.hasPrefix("mailto:") { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0]), anchor = parts.count > 1 ? String(parts[1]) : nil
        if !file.isEmpty && !file.hasSuffix(".md") { return nil }
        self.file = file.isEmpty ? nil : file
        self.anchor = anchor
    }
}
