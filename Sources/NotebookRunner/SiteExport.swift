/// The notebook as a static site that opens from the file system with no
/// server and no network: an index, one page per note (the prose, demo cells
/// with their outputs, quiz cards as <details>), one stylesheet, no JavaScript.
import Foundation
import HTML
import Markdown
import Notebook
import Report
import Terminal

public struct SiteExport {
    public var notes: [Note]
    public var runner: CellRunner
    /// Run the cells that are not cached (false: `export --no-run`).
    public var runDemos: Bool

    public init(notes: [Note], runner: CellRunner, runDemos: Bool) {
        self.notes = notes
        self.runner = runner
        self.runDemos = runDemos
    }

    static func page(for note: Note) -> String { note.id + ".html" }

    /// How many cells the site shows without output, because they were not
    /// run (with `runDemos` false) and are not cached.
    public var unrunCells: Int {
        notes.flatMap(\.demoCells).filter { runner.output(for: $0, run: false) == .notRun }.count
    }

    /// Writes the site: runs the missing cells first (when `runDemos`), then
    /// index.html, style.css and one page per note.
    public func write(to folder: String) throws {
        if runDemos { runner.runMissing(notes.flatMap(\.demoCells)) }
        try Self.stylesheet.write(toFile: folder + "/style.css", atomically: true, encoding: .utf8)
        try index().write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)
        let progress = ProgressBar.onStandardError()
        for (i, note) in notes.enumerated() {
            progress(Double(i) / Double(notes.count), "exporting \(note.id)")
            let previous = i > 0 ? notes[i - 1] : nil, next = i + 1 < notes.count ? notes[i + 1] : nil
            try page(note, previous: previous, next: next).write(toFile: folder + "/" + Self.page(for: note), atomically: true, encoding: .utf8)
        }
        ProgressBar.clear()
    }

    func frame(title: String, body: String, navigation: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(escape(title)) · ganbook</title><link rel="stylesheet" href="style.css"/></head>
        <body><nav class="pages">\(navigation)</nav>
        <main>\(body)</main>
        <nav class="pages bottom">\(navigation)</nav>
        <footer>ganbook · a terminal notebook for the theory of GANs</footer></body></html>

        """
    }

    func index() -> String {
        var body = "<h1>ganbook: the theory of GANs</h1><p>Notes on generative adversarial networks, with runnable demos and quiz cards. Each note is one page.</p><ol class=\"contents\">"
        for note in notes {
            body += "<li><a href=\"\(Self.page(for: note))\">\(escape(note.title))</a> <span class=\"meta\">\(note.demoCells.count) demo\(note.demoCells.count == 1 ? "" : "s") · \(note.cards.count) card\(note.cards.count == 1 ? "" : "s")</span></li>"
        }
        body += "</ol>"
        let first = notes.first.map { "<a href=\"\(Self.page(for: $0))\" rel=\"next\">Start: \(escape($0.title)) →</a>" } ?? ""
        return frame(title: "Contents", body: body, navigation: "<span>Contents</span> · " + first)
    }

    func page(_ note: Note, previous: Note?, next: Note?) -> String {
        let parsed = MarkdownParser.parse((try? String(contentsOfFile: note.path, encoding: .utf8)) ?? "", renderHTML: true)
        var html = parsed.html ?? ""
        html = Self.addHeadingIDs(html, note.headings.map(\.slug))
        html = Self.rewriteLinks(html, notes: notes)
        // Demo cells, in document order.
        var cellIndex = 0
        html = Self.replaceCodeBlocks(html, language: "demo") { _ in
            defer { cellIndex += 1 }
            guard cellIndex < note.demoCells.count else { return "" }
            return demoCell(note.demoCells[cellIndex], in: note, id: "\(note.id)-cell\(cellIndex + 1)")
        }
        // Quiz blocks, each with its cards.
        var blockIndex = 0, cardIndex = 0
        html = Self.replaceCodeBlocks(html, language: "quiz") { _ in
            defer { blockIndex += 1 }
            guard blockIndex < note.quizBlocks.count else { return "" }
            let count = note.quizBlocks[blockIndex].cardCount
            let cards = note.cards[cardIndex..<min(cardIndex + count, note.cards.count)]
            cardIndex += count
            return cards.map(quizCard).joined()
        }
        var navigation = "<a href=\"index.html\">Contents</a>"
        if let previous { navigation += " · <a href=\"\(Self.page(for: previous))\" rel=\"prev\">← \(escape(previous.title))</a>" }
        if let next { navigation += " · <a href=\"\(Self.page(for: next))\" rel=\"next\">\(escape(next.title)) →</a>" }
        return frame(title: note.title, body: html, navigation: navigation)
    }

    func demoCell(_ cell: DemoCell, in note: Note, id: String) -> String {
        var html = "<div class=\"demo-cell\"><pre class=\"command\"><code>▶ ganbook demo \(escape(cell.source))</code></pre>"
        switch runner.output(for: cell, run: runDemos) {
        case .report(let report): html += "<div class=\"demo-output\">\(ReportHTML.render(report, id: id))</div>"
        case .failed(let message): html += "<p class=\"failure\">This cell failed: \(escape(message))</p>"
        case .notRun:
            html += "<p class=\"meta\">Not run yet: run <code>ganbook read \(escape(note.id)) --run</code>, then export again.</p>"
        }
        return html + "</div>"
    }

    func quizCard(_ card: QuizCard) -> String {
        let answer: String
        switch card.answer {
        case .recall(let text): answer = escape(text)
        case .numeric(let value, let tolerance): answer = "\(value) ± \(tolerance)"
        case .exercise(let exercise):
            // The quiz draws fresh numbers at each review; the page shows one draw.
            guard let example = exercise.instance(seed: 0) else { return "" }
            let result = example.answer.map { Value.significant($0, 4).formatted } ?? "computed by the demo"
            return "<details class=\"quiz\"><summary>\(escape(example.question))</summary><div>\(escape(result))"
                + "<p class=\"meta\">An exercise: each review draws new numbers.</p></div></details>"
        case .choice(let choices):
            answer = "<ul>" + choices.map { "<li\($0.isCorrect ? " class=\"right\"" : "")>\(escape($0.text))\($0.isCorrect ? " ✓" : "")</li>" }.joined() + "</ul>"
        }
        return "<details class=\"quiz\"><summary>\(escape(card.question))</summary><div>\(answer)</div></details>"
    }

    /// Gives the headings, in order, their anchors as ids.
    static func addHeadingIDs(_ html: String, _ slugs: [String]) -> String {
        var out = "", rest = Substring(html), index = 0
        while let range = rest.firstMatch(of: /<h([1-6])>/) {
            out += rest[..<range.range.lowerBound]
            let level = range.output.1
            out += index < slugs.count ? "<h\(level) id=\"\(escape(slugs[index]))\">" : "<h\(level)>"
            index += 1
            rest = rest[range.range.upperBound...]
        }
        return out + rest
    }

    /// `03-objective.md#x` → `objective.html#x`, for every note file.
    static func rewriteLinks(_ html: String, notes: [Note]) -> String {
        var out = html
        for note in notes {
            out = out.replacingOccurrences(of: "href=\"\(note.fileName)#", with: "href=\"\(page(for: note))#")
            out = out.replacingOccurrences(of: "href=\"\(note.fileName)\"", with: "href=\"\(page(for: note))\"")
        }
        return out
    }

    /// Replaces each `<pre><code class="language-X">…</code></pre>` in order.
    static func replaceCodeBlocks(_ html: String, language: String, _ replacement: (String) -> String) -> String {
        let open = "<pre><code class=\"language-\(language)\">", close = "</code></pre>\n"
        var out = "", rest = Substring(html)
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            out += rest[..<start.lowerBound]
            out += replacement(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    static let stylesheet = """
        :root { --fg: #1d1d1f; --bg: #fdfdfb; --muted: #6b6b70; --rule: #d9d9de; --code: #f2f2ee; --accent: #5b3fb5;
          --c0: #1f6fb2; --c1: #d1561e; --c2: #2e8b57; --c3: #a0309a; --c4: #b8860b; --c5: #444; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e8e8ea; --bg: #17171a; --muted: #a0a0a8; --rule: #3a3a40; --code: #232328; --accent: #b6a2ff;
            --c0: #6fb3ff; --c1: #ff9a66; --c2: #6fdc9a; --c3: #f08ae6; --c4: #f0cc60; --c5: #ccc; }
        }
        html { color: var(--fg); background: var(--bg); }
        body { font: 17px/1.55 -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; margin: 0 auto; max-width: 46rem; padding: 1rem 1.1rem 3rem; }
        h1, h2, h3, h4 { line-height: 1.25; } h1 { font-size: 1.7rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
        a { color: var(--accent); }
        code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
        pre { background: var(--code); padding: .7rem .9rem; overflow-x: auto; border-radius: 6px; }
        blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
        nav.pages { font-size: .9rem; color: var(--muted); padding: .4rem 0; border-bottom: 1px solid var(--rule); }
        nav.bottom { border-bottom: 0; border-top: 1px solid var(--rule); margin-top: 2rem; }
        footer { font-size: .8rem; color: var(--muted); margin-top: 1rem; }
        .contents li { margin: .3rem 0; } .meta { color: var(--muted); font-size: .85rem; }
        .demo-cell { border: 1px solid var(--rule); border-radius: 8px; margin: 1.2rem 0; padding: .2rem .8rem .6rem; }
        .demo-cell pre.command { background: none; padding: .4rem 0; font-weight: 600; white-space: pre-wrap; }
        .report h4 { margin: .4rem 0; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: .6rem 0; font-size: .9rem; }
        th, td { padding: .2rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; } td.note { color: var(--muted); }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        figure.plot { margin: .8rem 0; } figure.plot svg { width: 100%; height: auto; }
        figcaption { font-size: .85rem; color: var(--muted); }
        svg text { fill: var(--fg); font-size: 12px; font-family: sans-serif; } svg .tick { fill: var(--muted); font-size: 11px; }
        svg .axis { stroke: var(--fg); stroke-width: 1; } svg .grid { stroke: var(--rule); stroke-width: .6; }
        svg .reference { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 3 3; }
        svg polyline, svg line[class^="s"] { fill: none; stroke-width: 2; }
        svg .s0, svg .m0 { stroke: var(--c0); } svg .s1, svg .m1 { stroke: var(--c1); } svg .s2, svg .m2 { stroke: var(--c2); }
        svg .s3, svg .m3 { stroke: var(--c3); } svg .s4, svg .m4 { stroke: var(--c4); } svg .s5, svg .m5 { stroke: var(--c5); }
        svg .m0 { fill: var(--c0); } svg .m1 { fill: var(--c1); } svg .m2 { fill: var(--c2); } svg .m3 { fill: var(--c3); }
        svg .m4, svg .m5 { fill: none; stroke-width: 1.5; }
        details.quiz { border-left: 3px solid var(--accent); padding: .3rem .8rem; margin: .5rem 0; background: var(--code); border-radius: 4px; }
        details.quiz summary { cursor: pointer; font-weight: 600; } details.quiz li.right { font-weight: 600; }
        .failure { color: #c0392b; }
        @media (max-width: 30rem) { body { font-size: 16px; padding: .6rem; } pre { font-size: .8em; } }
        @media print {
          nav.pages, footer { display: none; } body { max-width: none; font-size: 11pt; }
          a { color: inherit; } .demo-cell, figure, table, details { break-inside: avoid; } details.quiz { background: none; }
          details.quiz > div { display: block; }
        }

        """
}
