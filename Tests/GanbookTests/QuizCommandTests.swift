import Foundation
import TestSupport
import Testing

/// `ganbook quiz` end to end through the binary, answers fed on stdin.
@Suite struct QuizCommandTests {
    static let notes = Binary.fixtures.appendingPathComponent("notes").path

    func withData(_ body: (String) throws -> Void) throws {
        let folder = temporaryFolder("quiz")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    /// Runs the binary with `input` on stdin, at `now`, with no data folder from the environment.
    func run(_ arguments: [String], input: String, now: Int = 1_800_000_000) throws -> Binary.Result {
        try Binary.run(arguments, stdin: input, environment: ["GANBOOK_NOW": String(now)], removing: Binary.unset + ["GANBOOK_DATA"])
    }

    @Test func aScriptedSessionIsSavedAndCounted() throws {
        try withData { data in
            // sample-one is numeric (JSD(p‖p) = 0 ± 0.001); sample-two is multiple choice.
            let session = try run(["quiz", "sample", "--notes", Self.notes, "--data", data], input: "0\n9\nq\n")
            #expect(session.status == 0, "\(session.stderr)")
            #expect(session.stdout.contains("2 cards to go: 0 due, 2 new."))
            #expect(session.stdout.contains("✓ Right: 0 ± 0.001. (Good)"))
            #expect(session.stdout.contains("Please type a number from 1 to 2 (or q to stop)."))
            #expect(session.stdout.contains("Answered 1 of 2: 1 Good. Stopped early; every answer given is saved."))
            let stats = try run(["quiz", "stats", "--notes", Self.notes, "--data", data, "--json"], input: "")
            let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as! [String: Any]
            let rows = ((object["items"] as! [[String: Any]]).compactMap { $0["table"] as? [String: Any] }.first!["rows"]) as! [[String: Any]]
            let sample = rows.first { $0["note"] as? String == "sample" }!
            #expect(sample["cards"] as? Int == 2 && sample["new"] as? Int == 1 && sample["learning"] as? Int == 1)
            #expect(sample["reviews"] as? Int == 1 && sample["first try %"] as? Int == 100)
        }
    }

    @Test func aGanbookNowThatIsNotANumberIsAnError() throws {
        for value in ["soon", "", "1e400"] {
            let result = try Binary.run(["quiz", "stats"], environment: ["GANBOOK_NOW": value])
            #expect(result.status != 0)
            #expect(result.stderr == "ganbook: GANBOOK_NOW '\(value)' is not a number of seconds since 1970; unset it to use the clock\n")
        }
    }

    @Test func nothingDueSaysWhenTheNextCardIs() throws {
        try withData { data in
            _ = try run(["quiz", "sample", "--notes", Self.notes, "--data", data, "--new", "1"], input: "0\n")
            let again = try run(["quiz", "sample", "--notes", Self.notes, "--data", data, "--new", "1"], input: "")
            #expect(again.stdout.hasPrefix("Nothing is due, and no new cards are left for today. Next review in 10 min."))
        }
    }

    @Test func aKilledSessionKeepsEveryEarlierAnswer() throws {
        try withData { data in
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["quiz", "--notes", Self.notes, "--data", data]
            let stdin = Pipe(), stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            try process.run()
            // Answer the first card, then wait until the second question is on screen, then SIGKILL.
            stdin.fileHandleForWriting.write(Data("0\n".utf8))
            var seen = ""
            while !seen.contains("── 2/") {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let stats = try run(["quiz", "stats", "--notes", Self.notes, "--data", data, "--json"], input: "")
            #expect(stats.status == 0, "\(stats.stderr)")
            #expect(stats.stdout.contains("\"reviews\":1"))
        }
    }

    @Test(arguments: [
        (["quiz", "nope"], "ganbook: no note 'nope'"),
        (["quiz", "--new", "5000"], "ganbook: --new must be between 0 and 1000, got 5000"),
    ])
    func badInputIsOneLine(arguments: [String], message: String) throws {
        try withData { data in
            let result = try run(arguments + ["--notes", Self.notes, "--data", data], input: "")
            #expect(result.status != 0)
            #expect(result.stderr == message + "\n")
        }
    }

    @Test func aCardThatDoesNotParseNamesFileAndLine() throws {
        let folder = temporaryURL("quiz-notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# T\n\n```quiz\nid: t-1\nQ: no answer here\n```\n".write(to: folder.appendingPathComponent("01-t.md"), atomically: true, encoding: .utf8)
        try withData { data in
            let result = try run(["quiz", "--notes", folder.path, "--data", data], input: "")
            #expect(result.status != 0)
            #expect(result.stderr == "ganbook: \(folder.path)/01-t.md:4: card has no answer: add 'A:' or '- [ ]' / '- [x]' choices\n")
        }
    }

    @Test func aDatabaseThatIsNotOursIsRefusedAndUntouched() throws {
        try withData { data in
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            let path = data + "/progress.sqlite"
            let junk = Data("this is not a database, it is a poem\n".utf8)
            try junk.write(to: URL(fileURLWithPath: path))
            let result = try run(["quiz", "stats", "--notes", Self.notes, "--data", data], input: "")
            #expect(result.status != 0)
            #expect(result.stderr == "ganbook: \(path) is not a usable SQLite file (file is not a database); it was left as it is\n")
            #expect(FileManager.default.contents(atPath: path) == junk)
        }
    }
}
