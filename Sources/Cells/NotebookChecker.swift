/// `ganbook check`'s rules over a whole notebook: every note loads (UTF-8),
/// has a title and a unique id; every demo cell parses as `ganbook demo`
/// would parse it; quiz cards parse and their ids are unique; every link to
/// a note or a heading resolves. Problems come back by file and line. One
/// warning, which does not fail the check: a note whose cards (three or more)
/// all point to one section while it has others, as a quiz block at a note's
/// end without `See:` lines does.
import Demos
import Markdown
import Notebook

package struct NotebookChecker {
    package var notebook: Notebook

    package init(notebook: Notebook) { self.notebook = notebook }

    package struct Problem: Equatable, Sendable {
        package var file: String
        package var line: Int
        package var message: String
        /// Worth a look, but the note is usable: `check` still passes.
        package var isWarning = false
    }

    /// Every problem of every note, by file and line.
    package func problems() -> [Problem] {
        var problems: [Problem] = []
        var notes: [Note] = []
        for file in notebook.files {
            do {
                notes.append(try notebook.load(file))
            } catch {
                if case .invalidUTF8(let path, let line, let column, let byte) = error {
                    problems.append(
                        Problem(file: path, line: line, message: "not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column))"))
                } else {
                    problems.append(Problem(file: file.path, line: 1, message: "\(error)"))
                }
            }
        }
        var firstNote: [String: Note] = [:]
        var firstCard: [String: (Note, Int)] = [:]
        for note in notes {
            problems += note.problems.map { Problem(file: note.path, line: $0.line, message: $0.message) }
            if let other = firstNote[note.id] {
                problems.append(Problem(file: note.path, line: 1, message: "note id '\(note.id)' is also the id of \(other.fileName)"))
            } else {
                firstNote[note.id] = note
            }
            for cell in note.demoCells where cell.problem == nil {  // malformed cells are in note.problems
                do {
                    _ = try DemoRegistry.parse(cell.words)
                } catch {
                    problems.append(Problem(file: note.path, line: cell.line, message: "demo cell: \(error)"))
                }
            }
            if let warning = Self.oneSectionWarning(note) { problems.append(warning) }
            // Every `id:` line, whether its card parsed or not.
            let rules = CellBlockRules.check(note.document)
            problems += rules.problems.map { Problem(file: note.path, line: $0.line, message: $0.message) }
            for (line, id) in rules.idLines {
                if let (other, first) = firstCard[id] {
                    problems.append(Problem(file: note.path, line: line, message: "card id '\(id)' is also used at \(other.fileName):\(first)"))
                } else {
                    firstCard[id] = (note, line)
                }
            }
        }
        let byFile = Dictionary(notes.map { ($0.fileName, $0) }, uniquingKeysWith: { a, _ in a })
        for note in notes {
            let slugs = Set(note.headings.map(\.slug))
            for (line, url) in note.links {
                guard let link = NoteLink(url) else { continue }
                var target = note, targetSlugs = slugs
                if let file = link.file {
                    guard let other = byFile[file] else {
                        problems.append(Problem(file: note.path, line: line, message: "link to '\(url)': there is no note \(file)"))
                        continue
                    }
                    target = other
                    targetSlugs = Set(other.headings.map(\.slug))
                }
                if let anchor = link.anchor, !anchor.isEmpty, !targetSlugs.contains(anchor) {
                    problems.append(Problem(file: note.path, line: line, message: "link to '\(url)': \(target.fileName) has no heading '#\(anchor)'"))
                }
            }
        }
        return problems.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// A warning when three or more cards all point to one section of a note
    /// that has others: the quiz would send the learner to one place for every answer.
    package static func oneSectionWarning(_ note: Note) -> Problem? {
        let sections = note.cardSections.map { $0?.slug }
        guard sections.count >= 3, let only = sections.first ?? nil, sections.allSatisfy({ $0 == only }),
            note.headings.contains(where: { $0.level > 1 && $0.slug != only }), let first = note.cards.first
        else { return nil }
        return Problem(
            file: note.path, line: first.line,
            message: "all \(sections.count) cards point to one section, #\(only): give each card a See: line naming the section that explains its answer",
            isWarning: true)
    }
}
