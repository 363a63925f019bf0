/// A note as terminal lines (`read`, `read --run`): its Markdown, with demo
/// cells framed as commands and, when run, their outputs under them, quiz
/// blocks replaced by a hint, and a last line that leads to the next note.
/// Every command it prints runs as printed (with the reader's --notes and
/// --lang), and its own words come in the reader's language.
import Cells
import Installation
import Localization
import Notebook
import Report
import TerminalKit

package struct TerminalNote {
    package var note: Note
    package var sheet: StyleSheet
    package var width: Int
    package var translator: Translator
    /// Added to every `ganbook …` hint: ` --notes DIR`, ` --lang zh`, as the reader gave them.
    package var hintOptions: String
    /// The note after this one in the contents, if any.
    package var next: NoteFile?
    /// The notebook's notes, so that a link to one of them becomes an action.
    package var notes: [NoteFile]

    package init(
        note: Note, sheet: StyleSheet, width: Int, translator: Translator = .english,
        hintOptions: String = "", next: NoteFile? = nil, notes: [NoteFile] = []
    ) {
        self.note = note
        self.sheet = sheet
        self.width = width
        self.translator = translator
        self.hintOptions = hintOptions
        self.next = next
        self.notes = notes
    }

    /// A link to a note of the notebook (`09-open-questions.md#q1`): its file's
    /// absolute path as a `file://` URL, and `ganbook read open-questions#q1`.
    func resolve(_ url: String) -> ResolvedLink? {
        guard let link = NoteLink(url) else { return nil }
        let target = link.file.flatMap { file in notes.first { $0.fileName == file } } ?? (link.file == nil ? note.file : nil)
        guard let target else { return nil }
        let path = FileSystem.realPath(target.path) ?? target.path
        let anchor = link.anchor.map { "#" + $0 } ?? ""
        return ResolvedLink(url: "file://" + path + anchor, shown: "ganbook read " + target.id + anchor + hintOptions)
    }

    /// The note without cell outputs.
    package func render() -> [String] { render(outputs: [:]) }

    /// The note with every demo cell's output under it, run when missing.
    package func render(running runner: CellRunner) -> [String] {
        render(outputs: cellLines(runner))
    }

    /// "Next: 2 · training · ganbook read 2", or the way to the quiz after the last note.
    var footer: String {
        guard let next else { return translator("The end of the notebook · \("ganbook quiz" + hintOptions)") }
        return translator("Next: \(next.number) · \(next.id) · \("ganbook read \(next.number)" + hintOptions)")
    }

    func render(outputs: [Int: [String]]) -> [String] {
        let note = self.note, translator = self.translator
        let quizCommand = "ganbook quiz \(note.id)" + hintOptions
        // Resolved once each, up front (a path is resolved on disk). An array of a
        // struct, not a Dictionary: its types cost less to set up, and notes have few links.
        var links: [KnownLink] = []
        for (_, url) in notes.isEmpty ? [] : note.links where !links.contains(where: { $0.url == url }) {
            links.append(KnownLink(url: url, resolved: resolve(url)))
        }
        var renderer = TerminalRenderer(sheet: sheet, width: width) { code, block in
            switch code.language {
            case "demo":
                guard let cell = note.demoCells.first(where: { $0.line == block.line + 1 }) else { return nil }
                return [.command(label: "demo", command: "ganbook demo " + cell.source)] + (outputs[cell.line].map { [.lines($0)] } ?? [])
            case "quiz":
                let count = note.quizBlocks.first(where: { $0.line == block.line })?.cardCount ?? 0
                let noun = count == 1 ? "quiz card" : "quiz cards"
                return [.hint(translator("\(count) \(noun) · \(quizCommand)"))]
            default:
                return nil
            }
        }
        renderer.links = { [links] url in links.first { $0.url == url }?.resolved }
        let footer = StyledText(self.footer, style: sheet.hintStyle).wrappedEncoded(width: width, color: sheet.color)
        return renderer.renderLines(note.document) + [""] + footer
    }

    /// Each cell's output as framed terminal lines, keyed by the cell's line:
    /// rendered from the report, which is run first when it is not cached.
    func cellLines(_ runner: CellRunner) -> [Int: [String]] {
        runner.runMissing(note.demoCells)
        let inner = max(width - 2, 20)
        let gutter = sheet.paint(sheet.cellGutter, sheet.frame)
        var out: [Int: [String]] = [:]
        for cell in note.demoCells {
            switch CellRunner(cache: runner.cache).output(for: cell) {
            case .report(let report):
                var renderer = ReportRenderer(sheet: sheet, width: inner)
                renderer.words = translator.words
                let lines = renderer.renderLines(translator.translate(report))
                    .map { $0.isEmpty ? String(gutter.trimmingTrailingSpaces) : gutter + $0 }
                out[cell.line] = lines
            case .failed(let message):
                out[cell.line] = [gutter + sheet.paint(sheet.failureMark + translator("this cell failed: \(message)"), sheet.failureStyle)]
            case .notRun:
                break
            }
        }
        return out
    }
}

/// A link of a note and what it leads to (nil: not another note).
private struct KnownLink: Sendable {
    var url: String
    var resolved: ResolvedLink?
}
