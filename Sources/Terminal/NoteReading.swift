/// `ganbook read NOTE[#HEADING]`: a note of a notebook found by the reader's
/// words, rendered for the terminal (with its cells' outputs when a runner is
/// given), and opened at a heading when the words name one by its anchor
/// (GitHub's slug, as `check` and the quiz's "↪ ganbook read …" lines write it).
import Cells
import Localization
import Notebook
import TerminalKit

package enum NoteReading {
    /// The lines of the note `query` names (`objective`, `3`, `obj#the-value-function`).
    /// `hintOptions` go into every hint it prints (` --notes DIR`, ` --lang zh`).
    package static func lines(
        of query: String, in book: Notebook, sheet: StyleSheet, width: Int, translator: Translator, hintOptions: String,
        running runner: CellRunner? = nil
    ) throws -> [String] {
        let (noteQuery, anchor) = NoteAnchor.split(query)
        let note = try book.note(noteQuery)
        let view = TerminalNote(
            note: note, sheet: sheet, width: width, translator: translator, hintOptions: hintOptions,
            next: book.files.first { $0.number == note.number + 1 }, notes: book.files)
        let lines = runner.map { view.render(running: $0) } ?? view.render()
        return try anchor.map { try NoteAnchor.lines(lines, of: note, from: $0) } ?? lines
    }
}

/// A heading a reader asked for that the note does not have.
package struct NoSuchHeading: Error, CustomStringConvertible {
    package var description: String
}

enum NoteAnchor {
    /// `objective#the-optimal-discriminator` → ("objective", "the-optimal-discriminator").
    static func split(_ query: String) -> (note: String, anchor: String?) {
        guard let hash = query.firstIndex(of: "#") else { return (query, nil) }
        return (String(query[..<hash]), String(query[query.index(after: hash)...]))
    }

    /// The rendered lines from the heading with `anchor` on; an error naming the anchors when there is none.
    static func lines(_ lines: [String], of note: Note, from anchor: String) throws -> [String] {
        let headings = note.headings
        guard let heading = headings.first(where: { $0.slug == anchor }) else {
            let known = headings.filter { $0.level > 1 }.map { "#" + $0.slug }.prefix(12).joined(separator: ", ")
            throw NoSuchHeading(description: "no heading '#\(anchor)' in note '\(note.id)'; its headings are \(known)")
        }
        // Headings with the same text come in order: skip the earlier ones.
        let earlier = headings.prefix { $0.slug != anchor }.filter { $0.text == heading.text }.count
        var seen = 0
        for (i, line) in lines.enumerated() where visible(line).contains(heading.text) {
            if seen == earlier { return Array(lines[i...]) }
            seen += 1
        }
        return lines
    }

    /// The text of a rendered line without SGR and OSC 8 escapes.
    static func visible(_ line: String) -> String {
        var out = ""
        var scalars = line.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            guard s == "\u{1B}" else { out.unicodeScalars.append(s); continue }
            switch scalars.next() {
            case "["?: while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
            case "]"?:
                while let c = scalars.next() {
                    if c == "\u{07}" { break }
                    if c == "\u{1B}" { _ = scalars.next(); break }
                }
            default: break
            }
        }
        return out
    }
}
