import Foundation
@testable import ganbook
import Notebook
import Cells
import TestSupport
import Testing

/// Exercise cards, `check`, `read NOTE#anchor`, `quiz --help` and `quiz stats`
/// through the binary (issue 15's "Done when").
@Suite struct QuizExerciseCommandTests {
    func folder(_ note: String) throws -> URL {
        let url = temporaryURL("ex")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try note.write(to: url.appendingPathComponent("notes/01-ex.md"), atomically: true, encoding: .utf8)
        return url
    }

    static let exercise = """
        # Exercise

        ## D star

        ```quiz
        id: ex-dstar
        vars: a = U(0.05, 0.95); b = U(0.05, 0.95)
        Q: p_data(x) = {a} and p_g(x) = {b}. What is D*(x)?
        A: = a / (a + b) ± 0.005
        ```

        ## References
        """

    /// One session: reads up to the question, answers it from the numbers shown, returns (question, output).
    func answerOnce(_ root: URL, now: Int, cram: Bool) throws -> (question: String, output: String) {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments =
            ["quiz", "--notes", root.appendingPathComponent("notes").path, "--data", root.appendingPathComponent("data").path] + (cram ? ["--all"] : [])
        var env = ProcessInfo.processInfo.environment
        env["GANBOOK_NOW"] = String(now)
        process.environment = env
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var seen = ""
        while !seen.contains("Your answer (a number):") {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        let question = try #require(seen.split(separator: "\n").first { $0.hasPrefix("Q: ") }.map(String.init))
        let numbers = question.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
        try #require(numbers.count == 2)
        // Typed as a formula over the shown numbers, which the prompt accepts.
        stdin.fileHandleForWriting.write(Data("\(numbers[0]) / (\(numbers[0]) + \(numbers[1]))\n".utf8))
        try stdin.fileHandleForWriting.close()
        seen += String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (question, seen)
    }

    @Test func anExerciseShowsNewNumbersOnTwoReviewsAndAcceptsEachRightAnswer() throws {
        let root = try folder(Self.exercise)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try answerOnce(root, now: 1_800_000_000, cram: false)
        let second = try answerOnce(root, now: 1_800_000_000 + 86_400 * 3, cram: false)
        #expect(first.output.contains("✓ Right: "), "\(first.output)")
        #expect(second.output.contains("✓ Right: "), "\(second.output)")
        #expect(first.question != second.question)
        // A cram review is the card's third answer: new numbers again.
        let third = try answerOnce(root, now: 1_800_000_000 + 86_400 * 3, cram: true)
        #expect(third.question != second.question)
    }

    @Test func checkRejectsABadFormulaWithFileAndLine() throws {
        let root = try folder(Self.exercise.replacingOccurrences(of: "A: = a / (a + b) ± 0.005", with: "A: = a / (a - b) ± 0.005"))
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Binary.run(["check", "--notes", root.appendingPathComponent("notes").path])
        #expect(result.status != 0)
        let path = root.appendingPathComponent("notes/01-ex.md").path
        #expect(
            result.stdout.contains("\(path):9: formula 'a / (a - b)' divides by zero at a = ")
                || result.stderr.contains("\(path):9: formula 'a / (a - b)' divides by zero at a = "),
            "\(result.stdout)\(result.stderr)")
        let syntax = try folder(Self.exercise.replacingOccurrences(of: "A: = a / (a + b) ± 0.005", with: "A: = a / (a + ± 0.005"))
        defer { try? FileManager.default.removeItem(at: syntax) }
        let bad = try Binary.run(["check", "--notes", syntax.appendingPathComponent("notes").path])
        #expect(bad.status != 0)
        #expect(
            (bad.stdout + bad.stderr).contains("01-ex.md:9: formula 'a / (a +': the formula ends where a number was expected"), "\(bad.stdout)\(bad.stderr)")
    }

    @Test func theDemoBackedCardIsGradedByTheJSDDemo() throws {
        let note = try Notebook(folder: PackagePaths.bundledNotes.path).note("jsd")
        let card = try #require(note.cards.first { $0.id == "jsd-demo-coin-exercise" })
        guard case .exercise(let e) = card.answer, case .demo(_, let figure) = e.source else { Issue.record("not a demo exercise"); return }
        for seed in UInt64(1)...3 {
            let instance = try #require(e.instance(seed: seed))
            let a = try #require(instance.values["a"])
            let words = try #require(instance.demoWords)
            #expect(words == ["jsd", "--p", "[\(Exercise.format(a, 2)), \(Exercise.format(1 - a, 2))]", "--q", "[0.5, 0.5]"])
            // JSD of [a, 1 − a] and [½, ½], by hand.
            let m = [(a + 0.5) / 2, (1 - a + 0.5) / 2]
            let p = [a, 1 - a], q = [0.5, 0.5]
            let kl = { (x: [Double]) in zip(x, m).reduce(0.0) { $0 + ($1.0 > 0 ? $1.0 * log($1.0 / $1.1) : 0) } }
            let expected = (kl(p) + kl(q)) / 2
            #expect(abs(try DemoFigure.value(words, figure) - expected) < 1e-9)
        }
    }

    @Test func readOpensANoteAtAHeading() throws {
        let result = try Binary.run(["read", "objective#putting-d-back-in-theorem-1", "--no-pager", "--color", "never"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Putting D* back in (Theorem 1)"))
        let missing = try Binary.run(["read", "objective#nope"])
        #expect(missing.status != 0)
        #expect(missing.stderr.hasPrefix("ganbook: no heading '#nope' in note 'objective'; its headings are #the-value-function"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }

    @Test func quizHelpShowsTheRunArguments() throws {
        let help = try Binary.run(["quiz", "--help"])
        for word in ["<notes>", "--new <n>", "--all", "stats"] { #expect(help.stdout.contains(word), "\(word)") }
    }

    @Test func statsShowAForecastAndRetentionInTheTerminalAndInJSON() throws {
        let root = try folder(Self.exercise.replacingOccurrences(of: "```quiz\n", with: "```quiz\nid: ex-recall\nQ: What is D?\nA: the discriminator\n\n"))
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes").path, data = root.appendingPathComponent("data").path
        func quiz(_ input: String, at now: Int, _ extra: [String] = []) throws -> Binary.Result {
            try QuizCommandTests().run(["quiz", "--notes", notes, "--data", data] + extra, input: input, now: now)
        }
        // Day 0: the recall card Easy (review, due in days), the exercise skipped by q.
        _ = try quiz("\n4\nq\n", at: 1_800_000_000, ["ex"])
        // Much later the recall card is due and in review state: Again, then the session ends.
        let later = 1_800_000_000 + 86_400 * 20
        _ = try quiz("\n1\nq\n", at: later)
        let stats = try Binary.run(["quiz", "stats", "--notes", notes, "--data", data, "--width", "80"], environment: ["GANBOOK_NOW": String(later + 60)])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("Reviews due per day, the next 30 days"))
        #expect(stats.stdout.contains("True retention"))
        #expect(stats.stdout.contains("today"))
        let json = try Binary.run(["quiz", "stats", "--json", "--notes", notes, "--data", data], environment: ["GANBOOK_NOW": String(later + 60)])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let tables = (object["items"] as! [[String: Any]]).compactMap { $0["table"] as? [String: Any] }
        let retention = try #require(tables.first { ($0["title"] as? String)?.hasPrefix("True retention") == true })
        let all = try #require((retention["rows"] as! [[String: Any]]).first { $0["note"] as? String == "all" })
        #expect(all["reviews 30d"] as? Int == 1 && all["retention 30d %"] as? Int == 0)
        let forecast = try #require(tables.first { ($0["title"] as? String)?.hasPrefix("Forecast") == true })
        let days = forecast["rows"] as! [[String: Any]]
        #expect(days.count == 30)
        #expect(days.map { $0["due"] as! Int }.reduce(0, +) == 1)  // the recall card, relearning in 10 minutes: today
        #expect(days[0]["due"] as? Int == 1)
    }
}
