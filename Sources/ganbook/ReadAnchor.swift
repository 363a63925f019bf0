/// `ganbook read NOTE#HEADING`: the note opened at a heading, given by its
/// anchor (GitHub's slug, as `check` and the quiz's "↪ ganbook read …" lines
/// write it). The rendered note is shown from that heading on.
import Notebook

enum ReadAnchor {
    /// `objective#the-optimal-discriminator` → ("objective", "the-optimal-discriminator").
    static func split(_ query: String) -> (note: String, anchor: String?) {
        guard let hash = query.firstIndex(of: "#") else { return (query, nil) }
        return (String(query[..<hash]), String(query[query.index(after: hash)...]))
    }

    /// The rendered lines from the heading with `anchor` on; a `Failure` naming the anchors when there is none.
    static func lines(_ lines: [String], of note: Note, from anchor: String) throws -> [String] {
        let headings = note.headings
        guard let heading = headings.first(where: { $0.slug == anchor }) else {
            let known = headings.filter { $0.level > 1 }.map { "#" + $0.slug }.prefix(12).joined(separator: ", ")
            throw Failure("no heading '#\(anchor)' in note '\(note.id)'; its headings are \(known)")
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
