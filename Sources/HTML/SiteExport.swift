/// The notebook as a static site that opens from the file system with no
/// server and no network: an index, one page per note (the prose, demo cells
/// with their outputs, quiz cards as <details>), one stylesheet, no JavaScript.
import Cells
import Foundation
import Localization
import Markdown
import Notebook
import Report
import struct Report.Progress

package struct SiteExport: Sendable {
    package var notes: [Note]
    package var runner: CellRunner
    /// Run the cells that are not cached (false: `export --no-run`).
    package var runDemos: Bool

    /// The pages' language: their `lang`, and the words around the notes.
    package var translator: Translator
    /// The other edition of the same site, when it is exported too: the
    /// relative path from these pages to its pages (`zh/`, `../`) and its name.
    package var counterpart: (path: String, language: Language)?
    /// Told the pages written so far (the terminal's progress bar; silent by default).
    package var progress: Progress = .silent

    package init(
        notes: [Note], runner: CellRunner, runDemos: Bool, translator: Translator = .english,
        counterpart: (path: String, language: Language)? = nil
    ) {
        self.notes = notes
        self.runner = runner
        self.runDemos = runDemos
        self.translator = translator
        self.counterpart = counterpart
    }

    static func page(for note: Note) -> String { note.id + ".html" }

    /// A site that cannot be written: the folder and why.
    package struct WriteFailure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Writes the site into `folder`, created if missing: runs the missing
    /// cells first, all at once (when `runDemos`), then index.html, style.css
    /// and one page per note. Returns how many cells it shows without output
    /// (not cached and not run).
    @discardableResult
    package func write(to folder: String) throws -> Int {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return try writeFiles(to: folder)
        } catch let error as CocoaError {
            throw WriteFailure(description: "cannot write the site to \(folder): \(error.localizedDescription)")
        }
    }

    private func writeFiles(to folder: String) throws -> Int {
        let outputs = runner.outputs(for: notes.flatMap(\.demoCells), run: runDemos)
        var byNote: [[Int: CellOutput]] = [], k = 0
        for note in notes {
            var lines: [Int: CellOutput] = [:]
            for cell in note.demoCells {
                lines[cell.line] = outputs[k]
                k += 1
            }
            byNote.append(lines)
        }
        try HTMLStyle.css.write(toFile: folder + "/style.css", atomically: true, encoding: .utf8)
        try index().write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)
        for (i, note) in notes.enumerated() {
            progress(Double(i) / Double(notes.count), "exporting \(note.id)")
            let previous = i > 0 ? notes[i - 1] : nil, next = i + 1 < notes.count ? notes[i + 1] : nil
            try page(note, outputs: byNote[i], previous: previous, next: next).write(
                toFile: folder + "/" + Self.page(for: note), atomically: true, encoding: .utf8)
        }
        progress(1, "exported")
        return outputs.filter { $0 == .notRun }.count
    }

    func frame(title: String, body: String, navigation: String, page: String) -> String {
        var navigation = navigation
        if let (path, language) = counterpart {
            navigation +=
                " · <a href=\"\(path)\(page)\" hreflang=\"\(language.htmlTag)\" lang=\"\(language.htmlTag)\">\(language == .zh ? "中文" : "English")</a>"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(translator.language.htmlTag)"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(title)) · ganbook</title><link rel="stylesheet" href="style.css"/></head>
            <body><nav class="pages">\(navigation)</nav>
            <main>\(body)</main>
            <nav class="pages bottom">\(navigation)</nav>
            <footer>\(escape(translator("ganbook · a terminal notebook for the theory of GANs")))</footer></body></html>

            """
    }

    func index() -> String {
        var body =
            "<h1>\(escape(translator("ganbook: the theory of GANs")))</h1><p>"
            + escape(translator("Notes on generative adversarial networks, with runnable demos and quiz cards. Each note is one page."))
            + "</p><ol class=\"contents\">"
        for note in notes {
            let counts = translator(
                "\(note.demoCells.count) demo\(note.demoCells.count == 1 ? "" : "s") · \(note.cards.count) card\(note.cards.count == 1 ? "" : "s")")
            body += "<li><a href=\"\(Self.page(for: note))\">\(escape(note.title))</a> <span class=\"meta\">\(escape(counts))</span></li>"
        }
        body += "</ol>"
        let first = notes.first.map { "<a href=\"\(Self.page(for: $0))\" rel=\"next\">\(escape(translator("Start: \($0.title) →")))</a>" } ?? ""
        let contents = escape(translator("Contents"))
        return frame(title: contents, body: body, navigation: "<span>\(contents)</span> · " + first, page: "index.html")
    }

    func page(_ note: Note, outputs: [Int: CellOutput], previous: Note?, next: Note?) -> String {
        // Cells and quiz blocks are found by their source line, never by order.
        let cells = Dictionary(note.demoCells.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        let quizBlocks = Dictionary(note.quizBlocks.map { ($0.line, $0.cardCount) }, uniquingKeysWith: { a, _ in a })
        var cardsBefore: [Int: Int] = [:], running = 0
        for block in note.quizBlocks.sorted(by: { $0.line < $1.line }) {
            cardsBefore[block.line] = running
            running += block.cardCount
        }
        var cellNumber: [Int: Int] = [:]
        for (i, cell) in note.demoCells.sorted(by: { $0.line < $1.line }).enumerated() { cellNumber[cell.line] = i + 1 }
        let pages = Dictionary(notes.map { ($0.fileName, Self.page(for: $0)) }, uniquingKeysWith: { a, _ in a })
        let renderer = HTMLNoteRenderer(pages: pages) { [self, cellNumber, cardsBefore, outputs] code, block in
            switch code.language {
            case "demo":
                guard let cell = cells[block.line + 1] else { return nil }
                return demoCell(cell, outputs[cell.line] ?? .notRun, in: note, id: "\(note.id)-cell\(cellNumber[cell.line] ?? 0)")
            case "quiz":
                guard let count = quizBlocks[block.line], let first = cardsBefore[block.line] else { return nil }
                return note.cards[first..<min(first + count, note.cards.count)].map(quizCard).joined()
            default:
                return nil
            }
        }
        let html = renderer.render(note.document)
        var navigation = "<a href=\"index.html\">\(escape(translator("Contents")))</a>"
        if let previous { navigation += " · <a href=\"\(Self.page(for: previous))\" rel=\"prev\">← \(escape(previous.title))</a>" }
        if let next { navigation += " · <a href=\"\(Self.page(for: next))\" rel=\"next\">\(escape(next.title)) →</a>" }
        return frame(title: note.title, body: html, navigation: navigation, page: Self.page(for: note))
    }

    func demoCell(_ cell: DemoCell, _ output: CellOutput, in note: Note, id: String) -> String {
        var html = "<div class=\"demo-cell\"><pre class=\"command\"><code>▶ ganbook demo \(escape(cell.source))</code></pre>"
        switch output {
        case .report(let report): html += "<div class=\"demo-output\">\(ReportHTML.render(translator.translate(report), id: id))</div>"
        case .failed(let message): html += "<p class=\"failure\">\(escape(translator("This cell failed: \(message)")))</p>"
        case .notRun:
            html += "<p class=\"meta\">\(escape(translator("Not run yet: run ganbook read \(note.id) --run, then export again.")))</p>"
        }
        return html + "</div>"
    }

    func quizCard(_ card: QuizCard) -> String {
        let answer: String
        switch card.answer {
        case .recall(let text): answer = escape(text)
        case .numeric(let value, let tolerance): answer = escape(NumberFormatting.plusMinus(value, tolerance))
        case .exercise(let exercise):
            // The quiz draws fresh numbers at each review; the page shows one draw.
            guard let example = exercise.instance(seed: 0) else { return "" }
            let result = example.answer.map { Value.significant($0, 4).formatted } ?? translator("computed by the demo")
            return "<details class=\"quiz\"><summary>\(escape(example.question))</summary><div>\(escape(result))"
                + "<p class=\"meta\">" + escape(translator("An exercise: each review draws new numbers.")) + "</p></div></details>"
        case .choice(let choices):
            answer =
                "<ul>" + choices.map { "<li\($0.isCorrect ? " class=\"right\"" : "")>\(escape($0.text))\($0.isCorrect ? " ✓" : "")</li>" }.joined() + "</ul>"
        }
        return "<details class=\"quiz\"><summary>\(escape(card.question))</summary><div>\(answer)</div></details>"
    }
}
