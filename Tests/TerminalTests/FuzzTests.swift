/// No input traps the terminal renderer, and no rendered line is wider than
/// the width: random and mutated Markdown (from the CommonMark spec examples,
/// with CJK, emoji, control characters, deep nesting and invalid UTF-8) at
/// widths 1 to 200, with and without colour.
///
/// `make test` runs a few seconds; `GANBOOK_FUZZ_SECONDS=600 swift test
/// --filter FuzzTests` runs longer (`GANBOOK_FUZZ_SEED` picks another start).
/// A trap ends the test process: the input being rendered is always in
/// `$TMPDIR/ganbook-fuzz-input.md`, with its width on the first line.
import Foundation
import Markdown
import Notebook
import Report
import Terminal
import TerminalKit
import TestSupport
import Testing

import Glibc

@Suite(.serialized) struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seconds = Double(environment["GANBOOK_FUZZ_SECONDS"] ?? "") ?? 2
    static let seed = UInt64(environment["GANBOOK_FUZZ_SEED"] ?? "") ?? 20_261_201
    static let lastInput = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-fuzz-input.md")

    /// Pieces a mutation inserts: what broke wrappers and width arithmetic elsewhere.
    static let pieces = [
        "生成器G把噪声z映射成样本，判别器D判断真假。", "（均匀分布）", "한국어 텍스트", "🎲🧪👩‍🔬🇩🇪❤️",
        "e\u{301}\u{302}", "\u{200D}\u{200B}", "\u{1B}[31m", "\u{1B}]8;;http://x\u{07}", "\u{9B}2J", "\u{85}\u{9C}",
        "\u{0}\u{7}\u{8}\r\t", "- * * *", "> ", "- ", "1. ", "123456789) ", "    ", "```\n", "~~~ demo\n", "***\n",
        "# ", "###### ", "| a | b |\n", "<div>\n", "[x](07-mode-collapse.md#a)", "![i](u \"t\")", "`code`", "**",
        "_", "\\\n", "  \n", "\n\n", String(repeating: "w", count: 230), String(repeating: "中", count: 120),
        "https://example.org/a/very/long/path/with/no/spaces/at/all/" + String(repeating: "x", count: 90),
    ]

    /// A renderer that frames `demo` blocks as commands and turns `quiz` blocks
    /// into hints, as `read` does, so the cell layouts are fuzzed too.
    static func renderer(color: Bool, width: Int) -> TerminalRenderer {
        TerminalRenderer(sheet: StyleSheet(color: color), width: width) { code, _ in
            switch code.language {
            case "demo": return [.command(label: "demo", command: "ganbook demo " + code.literal.split(separator: "\n").joined(separator: " "))]
            case "quiz": return [.hint("\(code.literal.count) quiz cards · ganbook quiz x")]
            default: return nil
            }
        }
    }

    /// The widest line of `document` at `width` beyond what the width allows,
    /// or nil when every line fits. Only a lone wide character may exceed a
    /// width of 1 (it cannot be drawn in one column).
    static func overflow(_ document: Document, width: Int, color: Bool) -> String? {
        let lines = renderer(color: color, width: width).renderLines(document)
        for line in lines {
            let visible = ANSI.strip(line)
            let columns = visible.displayWidth
            if columns <= width { continue }
            var measure = DisplayWidth.Measure()
            let drawn = visible.unicodeScalars.filter { measure.width(of: $0) > 0 }
            if width == 1 && columns == 2 && drawn.count == 1 { continue }
            return "\(columns) columns: '\(visible)'"
        }
        if !color, lines.contains(where: ANSI.hasEscapes) { return "escapes without colour" }
        return nil
    }

    /// Writes the input about to be rendered to `lastInput`, with plain
    /// POSIX calls: Foundation's `write(to:)` syncs the file to disk, which
    /// made this test spend most of its time waiting on the disk.
    static func keep(_ text: String) {
        guard let file = fopen(lastInput.path, "w") else { return }
        _ = text.withCString { fputs($0, file) }
        fclose(file)
    }

    static func check(_ source: String, width: Int, label: @autoclosure () -> String) {
        keep("width \(width)\n" + source)
        let document = MarkdownParser.parse(source)
        for color in [false, true] {
            if let problem = overflow(document, width: width, color: color) {
                Issue.record("\(label()) at width \(width), colour \(color): \(problem)\n--- input ---\n\(source)")
                return
            }
        }
    }

    /// Every spec example at narrow and ordinary widths, deterministically.
    @Test func everySpecExampleFitsEveryWidth() throws {
        let examples = try CommonMarkSpec.all()
        for example in examples {
            for width in [1, 2, 3, 4, 5, 7, 8, 12, 20, 33, 80] {
                Self.check(example.markdown, width: width, label: "\(example)")
            }
        }
    }

    /// The traps of issue 12: a thematic break in a list at width 1, and at the
    /// 13th list level at width 20.
    @Test func theReportedTrapsRenderAndFit() {
        Self.check("- * * *\n", width: 1, label: "- * * *")
        var deep = ""
        for depth in 0..<13 { deep += String(repeating: "  ", count: depth) + "- x\n" }
        deep += String(repeating: "  ", count: 13) + "- * * *\n"
        Self.check(deep, width: 20, label: "13 list levels")
        Self.check(String(repeating: "> ", count: 60) + "- 1. * * *\n", width: 20, label: "60 quotes")
    }

    /// Every bundled note, English and Chinese, fits every width from 20 to
    /// 200 (a sample of them: the narrow end densely).
    @Test func everyBundledNoteFitsTheWidth() throws {
        var folders = [PackagePaths.bundledNotes.path]
        let chinese = PackagePaths.bundledNotes.appendingPathComponent("zh").path
        if FileManager.default.fileExists(atPath: chinese) { folders.append(chinese) }
        var notes = 0
        for folder in folders {
            let book = try Notebook(folder: folder)
            for note in try book.loadAll() {
                notes += 1
                for width in [20, 21, 23, 26, 30, 40, 59, 60, 61, 80, 100, 137, 200] {
                    for color in [false, true] {
                        if let problem = Self.overflow(note.document, width: width, color: color) {
                            Issue.record("\(note.path) at width \(width), colour \(color): \(problem)")
                        }
                    }
                }
            }
        }
        #expect(notes >= 10)
    }

    /// Random mutations of the spec examples, for `seconds`.
    @Test func mutatedMarkdownNeverTrapsOrOverflows() throws {
        let examples = try CommonMarkSpec.all().map(\.markdown)
        var random = SplitMix64(seed: Self.seed)
        let deadline = Date().addingTimeInterval(Self.seconds)
        var documents = 0, renders = 0
        while Date() < deadline {
            var source = examples[random.below(examples.count)]
            for _ in 0..<(1 + random.below(6)) { source = Self.mutate(source, examples: examples, random: &random) }
            let width = random.below(4) == 0 ? 1 + random.below(8) : 1 + random.below(200)
            Self.check(source, width: width, label: "mutation \(documents) (seed \(Self.seed))")
            documents += 1
            renders += 2
        }
        print("fuzz: \(documents) mutated documents, \(renders) renders in \(Self.seconds) s, widths 1–200, seed \(Self.seed)")
        #expect(documents > 50)
    }

    /// Bytes that are not UTF-8 go the way a note file goes: the notebook
    /// refuses them with an error naming the line; valid ones render and fit.
    @Test func arbitraryBytesThroughTheNoteFilePath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("01-fuzz.md")
        let examples = try CommonMarkSpec.all().map(\.markdown)
        var random = SplitMix64(seed: Self.seed ^ 0xBAD)
        var refused = 0, rendered = 0
        for round in 0..<300 {
            var bytes = Array(("# Fuzz\n\n" + examples[random.below(examples.count)]).utf8)
            for _ in 0..<(1 + random.below(4)) {
                let invalid: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80], [0x80]]
                let at = random.below(bytes.count + 1)
                bytes.insert(
                    contentsOf: random.below(3) == 0
                        ? Array(Self.pieces[random.below(Self.pieces.count)].utf8)
                        : invalid[random.below(invalid.count)], at: at)
            }
            try Data(bytes).write(to: file)
            let note: Note
            do {
                note = try Notebook(folder: folder.path).load(Notebook(folder: folder.path).files[0])
            } catch {
                #expect("\(error)".contains("01-fuzz.md"), "round \(round): \(error)")
                refused += 1
                continue
            }
            let width = 1 + random.below(200)
            for color in [false, true] {
                if let problem = Self.overflow(note.document, width: width, color: color) {
                    Issue.record("bytes round \(round) at width \(width): \(problem)")
                }
            }
            rendered += 1
        }
        print("fuzz: 300 byte-level mutations through the note file path: \(refused) refused as not UTF-8, \(rendered) rendered")
        #expect(refused > 0)
    }

    static func mutate(_ source: String, examples: [String], random: inout SplitMix64) -> String {
        var scalars = Array(source.unicodeScalars)
        func at() -> Int { random.below(scalars.count + 1) }
        switch random.below(7) {
        case 0, 1:  // insert a piece
            scalars.insert(contentsOf: pieces[random.below(pieces.count)].unicodeScalars, at: at())
        case 2:  // delete a run
            let start = at(), end = min(scalars.count, start + random.below(12))
            scalars.removeSubrange(start..<end)
        case 3:  // splice in another example
            scalars.insert(contentsOf: examples[random.below(examples.count)].unicodeScalars, at: at())
        case 4:  // nest every line deeper
            let prefix = ["> ", "- ", "1. ", "  ", "* > "][random.below(5)]
            let depth = 1 + random.below(random.below(4) == 0 ? 40 : 6)
            let lead = String(repeating: prefix, count: depth)
            return String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
                .map { lead + $0 }.joined(separator: "\n")
        case 5:  // a random scalar, anywhere in Unicode's planes 0–2
            let ranges: [ClosedRange<UInt32>] = [
                0...0x7F, 0x80...0x9F, 0x300...0x36F, 0x3000...0x9FFF, 0xAC00...0xD7A3,
                0xFF00...0xFFEF, 0x1F300...0x1FAFF, 0x20000...0x2A6DF, 0xE000...0xF8FF,
            ]
            let range = ranges[random.below(ranges.count)]
            if let scalar = Unicode.Scalar(range.lowerBound + UInt32(random.below(Int(range.upperBound - range.lowerBound) + 1))) {
                scalars.insert(scalar, at: at())
            }
        default:  // repeat a run
            let start = at(), end = min(scalars.count, start + random.below(20))
            let run = scalars[start..<end]
            for _ in 0..<random.below(8) { scalars.insert(contentsOf: run, at: start) }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// A small seeded generator, so a failing run can be repeated with its seed.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

@Suite struct RegionalIndicatorTests {
    /// A lone regional indicator ends its run: the next flag pairs afresh, so
    /// a line measures the same wherever the wrapper cut it.
    @Test func flagsPairOnlyWithinARun() {
        #expect("🇩🇪🇪❤🔬🇩🇪".displayWidth == 2 + 2 + 1 + 2 + 2)
        #expect("🔬🇩🇪".displayWidth == 4)
    }

    /// A joiner before a hard break does not swallow the next line's first character.
    @Test func aJoinerEndsAtANewline() {
        let lines = StyledText("👩\u{200D}\n🔬🔬🔬").wrapped(width: 4)
        #expect(lines.map(\.plainText) == ["👩\u{200D}", "🔬🔬", "🔬"])
    }
}
