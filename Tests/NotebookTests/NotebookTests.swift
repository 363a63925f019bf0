import Foundation
import Installation
@testable import Notebook
import TestSupport
import Testing

/// A temporary notes folder, removed when the test ends.
final class TemporaryNotes {
    let path: String
    init(_ files: [String: String] = [:]) {
        path = temporaryFolder("notes")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { write(name, Data(text.utf8)) }
    }
    func write(_ name: String, _ data: Data) {
        _ = FileManager.default.createFile(atPath: path + "/" + name, contents: data)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct NoteIDTests {
    @Test(arguments: [
        ("02-training.md", "training"),
        ("03-objective.md", "objective"),
        ("10-open-questions.md", "open-questions"),
        ("001_intro.md", "intro"),
        ("glossary.md", "glossary"),
        ("2024.md", "2024"),  // nothing after the number: keep it
        ("7-.md", "7-"),
        ("01-学习笔记.md", "学习笔记"),
    ])
    func idFromFileName(file: String, id: String) {
        #expect(Note.id(fromFileName: file) == id)
    }
}

@Suite struct NotebookDiscoveryTests {
    @Test func notesAreOrderedByFileNameWithTitlesFromTheFirstH1() throws {
        let folder = TemporaryNotes([
            "02-training.md": "intro\n\n# Training\n\n# Not the title\n",
            "01-gan.md": "# What a GAN is\n",
            "notes.txt": "not a note",
            "10-glossary.md": "## only h2\n",
        ])
        let book = try Notebook(folder: folder.path); let notes = try book.loadAll()
        #expect(notes.map(\.id) == ["gan", "training", "glossary"])
        #expect(notes.map(\.number) == [1, 2, 3])
        #expect(notes.map(\.title) == ["What a GAN is", "Training", "glossary"])
        #expect(notes[2].problems == [NoteProblem(line: 1, message: "no level-1 '# Title' heading")])
    }

    @Test func notesAreFoundByIDNumberOrUniquePrefix() throws {
        let folder = TemporaryNotes([
            "01-gan.md": "# A\n", "02-training.md": "# B\n", "03-objective.md": "# C\n", "04-open-questions.md": "# D\n",
        ])
        let book = try Notebook(folder: folder.path); _ = try book.loadAll()
        #expect(try book.note("objective").id == "objective")
        #expect(try book.note("3").id == "objective")
        #expect(try book.note("03").id == "objective")
        #expect(try book.note("tr").id == "training")
        #expect(throws: NotebookError.ambiguousNote("o", candidates: ["objective", "open-questions"])) { try book.note("o") }
        #expect(throws: NotebookError.noSuchNote("objectve", suggestion: "objective")) { try book.note("objectve") }
        #expect(throws: NotebookError.noSuchNote("zzz", suggestion: nil)) { try book.note("zzz") }
        #expect(throws: NotebookError.noSuchNote("9", suggestion: nil)) { try book.note("9") }
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: NotebookError.folderMissing("/no/such/folder")) { try Notebook(folder: "/no/such/folder") }
    }

    @Test func aFileIsNotAFolder() throws {
        let folder = TemporaryNotes(["01-a.md": "# A\n"])
        #expect(throws: NotebookError.notAFolder(folder.path + "/01-a.md")) { try Notebook(folder: folder.path + "/01-a.md") }
    }

    @Test func aFolderWithoutNotesIsAnError() {
        let folder = TemporaryNotes(["readme.txt": "x"])
        #expect(throws: NotebookError.noNotes(folder.path)) { try Notebook(folder: folder.path) }
    }

    @Test func invalidUTF8NamesTheLineAndColumn() {
        let folder = TemporaryNotes()
        folder.write("01-a.md", Data("# Title\n\n中文 ok\nbad ".utf8) + Data([0xE4, 0x41]) + Data(" tail\n".utf8))
        #expect(throws: NotebookError.invalidUTF8(folder.path + "/01-a.md", line: 4, column: 5, byte: 0xE4)) {
            try Notebook(folder: folder.path).note("a")
        }
        let message = NotebookError.invalidUTF8("n/01-a.md", line: 4, column: 5, byte: 0xE4).description
        #expect(message == "n/01-a.md:4: not valid UTF-8 (byte 0xE4 at column 5)")
    }

    @Test(.enabled(if: getuid() != 0, "root reads every folder, whatever its mode"))
    func anUnreadableFolderIsAnError() throws {
        let folder = TemporaryNotes(["01-a.md": "# A\n"])
        chmod(folder.path, 0)
        defer { chmod(folder.path, 0o755) }
        #expect(throws: (any Error).self) { try Notebook(folder: folder.path) }
    }

    /// The same failure for any user, root included: a "folder" that is a file.
    @Test func aFileGivenAsTheFolderIsAnError() throws {
        let folder = TemporaryNotes(["01-a.md": "# A\n"])
        #expect(throws: (any Error).self) { try Notebook(folder: folder.path + "/01-a.md") }
    }

    @Test func readingOneNoteDoesNotReadTheOthers() throws {
        let folder = TemporaryNotes(["01-good.md": "# Good\n"])
        folder.write("02-bad.md", Data([0xFF]))
        let book = try Notebook(folder: folder.path)
        #expect(try book.note("good").title == "Good")
        #expect(throws: NotebookError.self) { try book.loadAll() }
    }
}

@Suite struct DemoCellTests {
    @Test func demoCellsAreSplitIntoWords() throws {
        let folder = TemporaryNotes([
            "01-a.md": """
            # A

            ```demo
            jsd --p "U(0,1)" --q 'N(0, 1)' --sweep
            ```

            - in a list:

              ```demo
              optimal-d
              ```
            """
        ])
        let note = try Notebook(folder: folder.path).loadAll()[0]
        #expect(
            note.demoCells == [
                DemoCell(line: 4, source: #"jsd --p "U(0,1)" --q 'N(0, 1)' --sweep"#, words: ["jsd", "--p", "U(0,1)", "--q", "N(0, 1)", "--sweep"]),
                DemoCell(line: 10, source: "optimal-d", words: ["optimal-d"]),
            ])
        #expect(note.problems.isEmpty)
    }

    @Test func badDemoCellsAreProblemsWithLines() throws {
        let folder = TemporaryNotes(["01-a.md": "# A\n\n```demo\n```\n\n```demo\njsd\noptimal-d\n```\n\n```demo\njsd --p \"U(0,1)\n```\n"])
        let note = try Notebook(folder: folder.path).loadAll()[0]
        // Malformed cells keep their place (their line), with why they cannot run.
        #expect(note.demoCells.map(\.line) == [4, 7, 12])
        #expect(note.demoCells.allSatisfy { $0.words.isEmpty && $0.problem != nil })
        #expect(note.problems.map(\.line) == [3, 6, 12])
        #expect(note.problems[2].message == "demo cell: column 9: unterminated \" quote")
    }

    @Test func commandWords() throws {
        #expect(try CommandWords.split(#"a "b c" 'd "e"' f\ g "h\"i""#) == ["a", "b c", #"d "e""#, "f g", #"h"i"#])
        #expect(try CommandWords.split("  ") == [])
        #expect(try CommandWords.split(#"--x """#) == ["--x", ""])
        #expect(throws: CommandWords.Failure(column: 3, message: "unterminated ' quote")) { try CommandWords.split("a 'b") }
    }
}

@Suite struct QuizParserTests {
    func parse(_ text: String) -> (cards: [QuizCard], problems: [NoteProblem]) {
        QuizParser.parse(text, firstLine: 10, noteID: "objective")
    }

    @Test func recallNumericAndChoiceCards() {
        let (cards, problems) = parse(
            """
            id: objective-dstar
            Q: What is D*(x)
               for a fixed G?
            A: p_data(x) / (p_data(x) + p_g(x))

            id: objective-log4
            Q: C(G) at its minimum, in nats?
            A: = -1.3863 ± 0.001

            id: objective-ideal
            Q: An ideal D outputs what on fake data?
            - [ ] 1
            - [x] 0
            - [ ] 0.5
            """)
        #expect(problems.isEmpty)
        #expect(
            cards == [
                QuizCard(
                    id: "objective-dstar", hasExplicitID: true, question: "What is D*(x) for a fixed G?",
                    answer: .recall("p_data(x) / (p_data(x) + p_g(x))"), line: 10),
                QuizCard(
                    id: "objective-log4", hasExplicitID: true, question: "C(G) at its minimum, in nats?",
                    answer: .numeric(value: -1.3863, tolerance: 0.001), line: 15),
                QuizCard(
                    id: "objective-ideal", hasExplicitID: true, question: "An ideal D outputs what on fake data?",
                    answer: .choice([.init(text: "1", isCorrect: false), .init(text: "0", isCorrect: true), .init(text: "0.5", isCorrect: false)]),
                    line: 19),
            ])
    }

    @Test func cardsWithoutIDsGetAStableOneFromNoteAndQuestion() {
        let a = parse("Q: Why log 4?\nA: because\nQ: Next?\nA: yes").cards
        let b = parse("Q:   why  LOG 4?\nA: changed answer").cards
        #expect(a.count == 2)
        #expect(a[0].id.hasPrefix("objective-"))
        #expect(a[0].id == b[0].id)  // same question up to case and spacing
        #expect(a[0].id != a[1].id)
        #expect(!a[0].hasExplicitID)
    }

    @Test func plusMinusMayBeWrittenInASCII() {
        #expect(parse("Q: x\nA: = 2 +- 0.5").cards.first?.answer == .numeric(value: 2, tolerance: 0.5))
        #expect(parse("Q: x\nA: = 2").cards.first?.answer == .numeric(value: 2, tolerance: 0))
    }

    @Test(arguments: [
        ("Q: no answer", 10, "card has no answer: add 'A:' or '- [ ]' / '- [x]' choices"),
        ("id: x\nA: lonely", 10, "card has no 'Q:' question"),
        ("Q: both\nA: a\n- [x] b\n- [ ] c", 10, "card has both 'A:' and choices; use one"),
        ("Q: one\n- [x] only", 10, "a multiple-choice card needs at least two choices"),
        ("Q: two right\n- [x] a\n- [x] b", 10, "a multiple-choice card needs exactly one '- [x]', found 2"),
        ("Q: none right\n- [ ] a\n- [ ] b", 10, "a multiple-choice card needs exactly one '- [x]', found 0"),
        ("Q: n\nA: = abc", 11, "numeric answer '= abc' needs a number after '='"),
        ("Q: n\nA: = 1 ± -2", 11, "tolerance in '= 1 ± -2' must be a number ≥ 0"),
        ("Q: n\nA: = nan", 11, "numeric answer '= nan' needs a number after '='"),
        ("id: Bad Id\nQ: q\nA: a", 10, "card id 'Bad Id' may only use a-z, 0-9, '-', '_' and '.'"),
        ("stray text", 10, "expected 'id:', 'Q:', 'A:' or '- [ ]', found 'stray text'"),
    ])
    func badCardsAreProblemsAtTheirLine(text: String, line: Int, message: String) {
        let problems = parse(text).problems
        #expect(problems.first == NoteProblem(line: line, message: message), "\(problems)")
    }
}

/// Known answers for what learners keep: card ids and cache keys are FNV-1a
/// hashes, so a change to the hash would orphan every saved review.
@Suite struct StableHashTests {
    @Test func fnv1a64MatchesItsPublishedTestVectors() {
        // From the FNV reference test suite (Fowler, Noll, Vo).
        #expect(StableHash.value("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.value("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.value("foobar") == 0x8594_4171_f739_67e8)
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
    }
}
