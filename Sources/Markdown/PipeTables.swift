/// GitHub-style pipe tables, which Debian's libcmark (plain CommonMark) does
/// not parse: a paragraph whose source lines are a header row, a delimiter row
/// (`|---|:---:|`) and body rows, each starting with `|`, becomes a `.table`.
/// Cells are parsed as CommonMark inlines of their own. Only notes ask for
/// this (`MarkdownParser.parse(_:tables:)`); the CommonMark spec is untouched.
package struct MarkdownTable: Sendable, Equatable {
    package enum Alignment: Sendable, Equatable { case none, left, center, right }

    package var header: [[Inline]]
    package var alignments: [Alignment]
    /// Each row has as many cells as the header (missing ones empty, extra ones dropped).
    package var rows: [[[Inline]]]

    package init(header: [[Inline]], alignments: [Alignment], rows: [[[Inline]]]) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }
}

enum PipeTables {
    /// `blocks` with every paragraph that is a pipe table turned into one,
    /// inside block quotes and list items too. `lines` are the source's lines.
    static func recognise(_ blocks: [Block], lines: [Substring]) -> [Block] {
        blocks.map { block in
            var block = block
            switch block.kind {
            case .paragraph:
                guard block.line >= 1, block.endLine <= lines.count, block.line < block.endLine,
                    let table = table(Array(lines[(block.line - 1)..<block.endLine]))
                else { return block }
                block.kind = .table(table)
            case .blockQuote(let children): block.kind = .blockQuote(recognise(children, lines: lines))
            case .list(var list):
                for k in list.items.indices { list.items[k].blocks = recognise(list.items[k].blocks, lines: lines) }
                block.kind = .list(list)
            default: break
            }
            return block
        }
    }

    /// The table these lines are, if they are one.
    static func table(_ lines: [Substring]) -> MarkdownTable? {
        let rows = lines.map { $0.drop { $0 == " " || $0 == ">" || $0 == "\t" } }
        guard rows.count >= 2, rows.allSatisfy({ $0.first == "|" }) else { return nil }
        let delimiters = cells(rows[1])
        var alignments: [MarkdownTable.Alignment] = []
        for cell in delimiters {
            let text = cell.trimmingSpaces
            let dashes = text.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (text.first == ":", text.last == ":") {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        let header = cells(rows[0])
        guard header.count == alignments.count else { return nil }
        func inlines(_ row: Substring) -> [[Inline]] {
            let texts = cells(row)
            return (0..<header.count).map { $0 < texts.count ? parseInlines(texts[$0]) : [] }
        }
        return MarkdownTable(header: inlines(rows[0]), alignments: alignments, rows: rows.dropFirst(2).map(inlines))
    }

    /// A row's cells between its pipes (`\|` is a pipe inside a cell).
    static func cells(_ row: Substring) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in row.dropFirst() {
            if character == "|" && !escaped {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        if !current.trimmingSpaces.isEmpty { cells.append(current) }
        return cells.map { $0.replacingPipeEscapes }
    }

    static func parseInlines(_ text: String) -> [Inline] {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, case .paragraph(let content)? = MarkdownParser.parse(trimmed).blocks.first?.kind else { return [] }
        return content
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    fileprivate var replacingPipeEscapes: String {
        var out = "", previous: Character?
        for character in self {
            if character == "|", previous == "\\" { out.removeLast() }
            out.append(character)
            previous = character
        }
        return out
    }
}
