/// A note: one Markdown file of the notebook, with its id, title, demo cells
/// and quiz cards, and the problems found while reading it.
///
/// Rules (the foundation issue): every `*.md` file in the notes folder is a
/// note; its id is the file name without a leading number and dash and
/// without `.md` (`02-training.md` → `training`); its title is its first
/// level-1 heading.
import Markdown

/// A fenced `demo` block: one demo invocation, the words after `ganbook demo`.
package struct DemoCell: Sendable, Equatable {
    /// The line of the invocation inside the block.
    package var line: Int
    /// The invocation as written.
    package var source: String
    /// The invocation split into words (`jsd`, `--p`, `U(0,1)`, …); empty
    /// when the cell is malformed.
    package var words: [String]
    /// Why the cell cannot be run (empty, several lines, an unclosed quote);
    /// nil when it splits into words. A malformed cell keeps its place, so
    /// that every later cell's output stays under its own command.
    package var problem: String?
    package var name: String { words.first ?? "" }

    package init(line: Int, source: String, words: [String], problem: String? = nil) {
        self.line = line
        self.source = source
        self.words = words
        self.problem = problem
    }
}

package struct Note: Sendable {
    package var file: NoteFile
    package var fileName: String { file.fileName }
    package var path: String { file.path }
    package var id: String { file.id }
    /// The 1-based position in the contents.
    package var number: Int { file.number }
    package var title: String
    package var document: Document
    package var demoCells: [DemoCell]
    package var cards: [QuizCard]
    /// The `quiz` blocks: each block's first line and how many cards parsed in it.
    package var quizBlocks: [(line: Int, cardCount: Int)]
    package var problems: [NoteProblem]
    /// The problems found in `quiz` blocks (also in `problems`).
    package var quizProblems: [NoteProblem]

    /// The id rule: `03-objective.md` → `objective`; `intro.md` → `intro`.
    package static func id(fromFileName fileName: String) -> String {
        var name = Substring(fileName)
        if name.hasSuffix(".md") { name = name.dropLast(3) }
        let digits = name.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, name.dropFirst(digits.count).first == "-" || name.dropFirst(digits.count).first == "_" {
            let rest = name.dropFirst(digits.count + 1)
            if !rest.isEmpty { name = rest }
        }
        return String(name)
    }

    /// Builds a note from its Markdown source.
    package init(file: NoteFile, source: String) {
        self.file = file
        self.document = MarkdownParser.parse(source, tables: true)
        self.demoCells = []
        self.cards = []
        self.quizBlocks = []
        self.problems = []
        self.quizProblems = []

        var title: String?
        for block in document.blocks {
            if case .heading(1, let content) = block.kind {
                title = content.plainText
                break
            }
        }
        if title == nil { problems.append(NoteProblem(line: 1, message: "no level-1 '# Title' heading")) }
        self.title = title ?? file.id
        collectCells(document.blocks)
    }

    private mutating func collectCells(_ blocks: [Block]) {
        /// Every code block at any depth, in document order.
        struct CodeBlocks: MarkdownWalker {
            var found: [(code: CodeBlock, block: Block)] = []
            mutating func visitCodeBlock(_ code: CodeBlock, block: Block) { found.append((code, block)) }
        }
        var walker = CodeBlocks()
        walker.walk(blocks)
        for (code, block) in walker.found {
            switch code.language {
            case "demo":
                readDemoCell(code, block: block)
            case "quiz":
                let (cards, problems) = QuizParser.parse(code.literal, firstLine: block.line + 1, noteID: file.id)
                self.cards += cards
                self.problems += problems
                self.quizProblems += problems
                quizBlocks.append((block.line, cards.count))
            default:
                break
            }
        }
        // A card's `See: #anchor` must name a heading of this note.
        if cards.contains(where: { $0.see != nil }) {
            let slugs = Set(headings.map(\.slug))
            for card in cards {
                if let see = card.see, !slugs.contains(see) {
                    let problem = NoteProblem(line: card.line, message: "card \(card.id): See: #\(see) is not a heading of this note")
                    problems.append(problem)
                    quizProblems.append(problem)
                }
            }
        }
    }

    private mutating func readDemoCell(_ code: CodeBlock, block: Block) {
        let lines = code.literal.split(separator: "\n").map(\.trimmingSpaces).filter { !$0.isEmpty }
        let line = block.line + 1
        guard lines.count == 1, let source = lines.first else {
            let problem =
                lines.isEmpty
                ? "demo cell is empty: write one line, NAME --option value …"
                : "demo cell holds \(lines.count) lines; it takes one invocation on one line"
            problems.append(NoteProblem(line: block.line, message: problem))
            demoCells.append(DemoCell(line: line, source: lines.joined(separator: " "), words: [], problem: problem))
            return
        }
        do {
            let words = try CommandWords.split(String(source))
            demoCells.append(DemoCell(line: line, source: String(source), words: words))
        } catch {
            problems.append(NoteProblem(line: line, message: "demo cell: \(error)"))
            demoCells.append(DemoCell(line: line, source: String(source), words: [], problem: "\(error)"))
        }
    }
}
