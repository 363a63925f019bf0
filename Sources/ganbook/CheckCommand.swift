/// `ganbook check`: validates every note and prints `FILE:LINE: message` for
/// each problem; exits 1 when there is any.
import ArgumentParser
import Demos
import Notebook
import Terminal

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every note: UTF-8, a title, unique ids, demo cells, quiz cards, links.",
        discussion: "Demo cells are parsed by the same parser as `ganbook demo`, without running them."
    )

    @OptionGroup var notebook: NotebookOptions

    func run() throws {
        let book = try notebook.load()
        let problems = NotebookChecker(notebook: book).problems()
        if problems.isEmpty {
            Output.write("ok: \(book.files.count) notes checked\n")
            return
        }
        Output.write(problems.map { "\($0.file):\($0.line): \($0.message)\n" }.joined())
        Output.error("ganbook: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(Set(problems.map(\.file)).count) note\(Set(problems.map(\.file)).count == 1 ? "" : "s")\n")
        throw ExitCode(1)
    }
}

struct NotebookChecker {
    var notebook: Notebook

    struct Problem: Equatable {
        var file: String
        var line: Int
        var message: String
    }

    func problems() -> [Problem] {
        var problems: [Problem] = []
        var notes: [Note] = []
        for file in notebook.files {
            do {
                notes.append(try notebook.load(file))
            } catch {
                if case .invalidUTF8(let path, let line, let column, let byte) = error {
                    problems.append(Problem(file: path, line: line, message: "not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column))"))
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
            for cell in note.demoCells {
                do {
                    _ = try DemoCommand.parseCell(cell.words)
                } catch {
                    let message = Ganbook.message(for: error).split(separator: "\n").first.map(String.init) ?? "does not parse"
                    problems.append(Problem(file: note.path, line: cell.line, message: "demo cell: \(message)"))
                }
            }
            for card in note.cards where card.hasExplicitID {
                if let (other, line) = firstCard[card.id] {
                    problems.append(Problem(file: note.path, line: card.line, message: "card id '\(card.id)' is also used at \(other.fileName):\(line)"))
                } else {
                    firstCard[card.id] = (note, card.line)
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
}
