import Foundation
import TestSupport
import Testing

/// `ganbook quiz` in a real terminal (tmux): single keys, undo, quit, and the
/// terminal given back as it was, after q and after SIGTERM.
@Suite(.serialized, .enabled(if: Tmux.path != nil, "tmux is not installed (make deps installs it)"))
struct QuizTerminalTests {
    static let tmux = Tmux.path

    /// A folder with one note (a recall card, then a choice card) and a data folder.
    struct Setup {
        let root: URL
        var notes: String { root.appendingPathComponent("notes").path }
        var data: String { root.appendingPathComponent("data").path }
        var before: String { root.appendingPathComponent("stty-before").path }
        var after: String { root.appendingPathComponent("stty-after").path }

        init(note: String = Setup.keys) throws {
            root = temporaryURL("tmux")
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("notes").path, withIntermediateDirectories: true)
            try note.write(toFile: notes + "/01-keys.md", atomically: true, encoding: .utf8)
        }

        static let keys = """
            # Keys

            ## The section

            ```quiz
            id: keys-recall
            Q: What does D output?
            A: a probability

            id: keys-choice
            Q: Which player generates?
            - [x] G
            - [ ] D
            ```
            """

        /// Two sections; the cards, a recall and a numeric one, sit under the second.
        static let sections = """
            # Keys

            ## Before

            Words before the section.

            ## The section

            D outputs one number: the probability that its input is real.

            ```quiz
            id: open-recall
            Q: What does D output?
            A: a probability

            id: open-number
            Q: How many players are there?
            A: = 2 ± 0.5
            ```
            """
    }

    static let less = ["/usr/bin/less", "/bin/less"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func tmux(_ arguments: String...) throws -> String { Tmux.run(arguments) }

    func start(_ setup: Setup, name: String) throws {
        try start(name: name, "quiz --notes \(setup.notes) --data \(setup.data)", before: setup.before, after: setup.after)
    }

    /// Runs `ganbook ARGUMENTS` in a new 100×30 pane; the tty's settings are
    /// saved before and after, and the pane stays open when the quiz ends.
    func start(name: String, _ arguments: String, before: String = "/dev/null", after: String = "/dev/null", environment: String = "") throws {
        let command =
            "stty -g > \(before); GANBOOK_NOW=1800000000 NO_COLOR=1 \(environment) \(Binary.url.path) \(arguments); "
            + "stty -g > \(after); echo QUIZ-ENDED; sleep 60"
        _ = try tmux("-L", "ganbook-tests", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", "sh", "-c", command)
    }

    /// A started pane: keys to send, and its screen to wait for.
    struct Pane {
        let name: String
        func send(_ keys: String...) { Tmux.run(["-L", "ganbook-tests", "send-keys", "-t", name] + keys) }
        /// The pane's text, with the lines scrolled off the top.
        func screen() -> String { Tmux.run(["-L", "ganbook-tests", "capture-pane", "-p", "-S", "-", "-t", name]) }

        /// Waits up to 10 s for the screen to show `text`; the screen.
        @discardableResult func wait(_ text: String) -> String { wait("'\(text)'") { $0.contains(text) } }

        @discardableResult func wait(_ what: String, _ test: (String) -> Bool) -> String {
            var shown = ""
            for _ in 0..<200 {
                shown = screen()
                if test(shown) { return shown }
                usleep(50_000)
            }
            Issue.record("the pane never showed \(what):\n\(shown)")
            return shown
        }

        /// The card headers on the screen (`── 2/6 · gan › … ──`), oldest first.
        func headers() -> [String] { screen().split(separator: "\n").filter { $0.hasPrefix("── ") }.map(String.init) }

        /// The letter of the option whose line has `text` (`c` for `  c) Only where…`).
        func option(with text: String) -> String? {
            screen().split(separator: "\n").last { $0.contains(text) }.flatMap { line in
                line.trimmingCharacters(in: .whitespaces).first.map(String.init)
            }
        }
    }

    /// A fresh pane named for the test; killed when `body` returns.
    func pane(_ prefix: String, _ arguments: String, environment: String = "", _ body: (Pane) throws -> Void) throws {
        let name = "\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try start(name: name, arguments, environment: environment)
        defer { _ = try? tmux("-L", "ganbook-tests", "kill-session", "-t", name) }
        try body(Pane(name: name))
    }

    func log(_ setup: Setup) throws -> String {
        try Binary.run(["quiz", "stats", "--json", "--notes", setup.notes, "--data", setup.data]).stdout
    }

    @Test func keysShowGradeUndoAndQuitAndTheTerminalIsRestored() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let name = "quiz-\(getpid())-\(UUID().uuidString.prefix(8))"
        try start(setup, name: name)
        defer { _ = try? tmux("-L", "ganbook-tests", "kill-session", "-t", name) }
        let target = name
        func send(_ key: String) throws { _ = try tmux("-L", "ganbook-tests", "send-keys", "-t", target, key) }
        @discardableResult func wait(_ text: String) throws -> String {
            var screen = ""
            for _ in 0..<200 {
                screen = try tmux("-L", "ganbook-tests", "capture-pane", "-p", "-t", target)
                if screen.contains(text) { return screen }
                usleep(50_000)
            }
            Issue.record("the pane never showed '\(text)':\n\(screen)")
            return screen
        }
        try wait("Q: What does D output?")
        #expect(try wait("Q:").contains("── 1/2 · keys › The section · new ──"))
        try send("Enter")
        // The answer, the grade keys and the note's link are drawn one after
        // another: wait for each, so a capture in between is not a failure.
        try wait("A: a probability")
        try wait("1 Again <1m · 2 Hard 6m · 3 Good 10m · 4 Easy")
        try wait("↪ ganbook read keys#the-section")
        try send("3")  // no Enter: a single key grades
        try wait("Q: Which player generates?")
        #expect(try log(setup).contains("\"reviews\":1"))
        try send("u")
        try wait("↶ Undone")
        #expect(try log(setup).contains("\"reviews\":0"))
        try send("q")
        let end = try wait("QUIZ-ENDED")
        #expect(end.contains("Answered 0 of 2: none. Stopped early"))
        let before = try String(contentsOfFile: setup.before, encoding: .utf8)
        let after = try String(contentsOfFile: setup.after, encoding: .utf8)
        #expect(!before.isEmpty && before == after)
    }

    @Test func sigtermRestoresTheTerminalAndKeepsTheAnswersGiven() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let name = "quiz-term-\(getpid())-\(UUID().uuidString.prefix(8))"
        try start(setup, name: name)
        defer { _ = try? tmux("-L", "ganbook-tests", "kill-session", "-t", name) }
        func send(_ key: String) throws { _ = try tmux("-L", "ganbook-tests", "send-keys", "-t", name, key) }
        func wait(_ text: String) throws {
            for _ in 0..<200 {
                if try tmux("-L", "ganbook-tests", "capture-pane", "-p", "-t", name).contains(text) { return }
                usleep(50_000)
            }
            Issue.record("the pane never showed '\(text)'")
        }
        try wait("Q: What does D output?")
        try send("Space")
        try wait("A: a probability")
        try send("4")
        try wait("Q: Which player generates?")
        // The quiz is the shell's child: find it by its parent, the pane's process.
        let shell = try tmux("-L", "ganbook-tests", "display-message", "-p", "-t", name, "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let quiz = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        #expect(kill(quiz, SIGTERM) == 0)
        try wait("QUIZ-ENDED")
        let before = try String(contentsOfFile: setup.before, encoding: .utf8)
        let after = try String(contentsOfFile: setup.after, encoding: .utf8)
        #expect(!before.isEmpty && before == after)
        #expect(try log(setup).contains("\"reviews\":1"))
    }

    /// The issue's repro, on the bundled notes: Good on the first card, a wrong
    /// choice, u, the right choice, Enter. The next card is another card, and
    /// the counter counts the choice card once: with n cards in the note,
    /// 1/n, 2/(n+1), 2/(n+1), 3/(n+2), not 2/(n+2), 3/(n+3).
    @Test func undoingAWrongChoiceDoesNotBringTheCardBackAsNew() throws {
        let data = temporaryFolder("tmux-data")
        defer { try? FileManager.default.removeItem(atPath: data) }
        try pane("quiz-undo", "quiz gan --data \(data)") { pane in
            pane.wait("Q: What does the generator take")
            pane.send("Enter")
            pane.wait("A: A noise vector")
            pane.send("3")
            pane.wait("D* output 0?")
            let right = try #require(pane.option(with: "Only where p_data(x) = 0"))
            pane.send(right == "a" ? "b" : "a")
            pane.wait("✗ Not quite.")
            pane.send("u")
            pane.wait("↶ Undone")
            pane.wait("the choice card asked again") { $0.components(separatedBy: "D* output 0?").count == 3 }
            pane.send(right)
            pane.wait("✓ Right.")
            pane.send("Enter")
            pane.wait("the third card") { $0.contains("── 3/") }
            let headers = pane.headers().map { $0.split(separator: "·")[0].trimmingCharacters(in: .whitespaces) }
            let n = Int(headers.first?.split(separator: "/").last ?? "") ?? 0
            #expect(n >= 5 && headers == ["── 1/\(n)", "── 2/\(n + 1)", "── 2/\(n + 1)", "── 3/\(n + 2)"], "\(pane.screen())")
            let last = pane.screen().split(separator: "\n").drop { !$0.hasPrefix("── 3/") }
            #expect(!last.isEmpty && !last.contains { $0.contains("D* output 0?") }, "\(pane.screen())")
            pane.send("q")
            pane.wait("QUIZ-ENDED")
        }
        let stats = try Binary.run(["quiz", "stats", "--json", "--data", data]).stdout
        #expect(stats.contains("\"reviews\":2"), "\(stats)")
    }

    /// `o` shows the note from the card's section on, in less, which can read
    /// keys (it runs in the terminal's foreground group); `q` in less comes
    /// back to the same card with single keys working again. On a numeric card
    /// `o` does the same at once, as the key line says, instead of being typed.
    @Test(.enabled(if: less != nil, "less is not installed (make deps installs it)"))
    func oOpensTheNoteInThePagerAndQComesBackToTheCard() throws {
        let setup = try Setup(note: Setup.sections)
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let name = "quiz-open-\(getpid())-\(UUID().uuidString.prefix(8))"
        try start(
            name: name, "quiz --notes \(setup.notes) --data \(setup.data)", before: setup.before, after: setup.after,
            environment: "PAGER='less -R' LESS=")
        defer { _ = try? tmux("-L", "ganbook-tests", "kill-session", "-t", name) }
        let pane = Pane(name: name)
        pane.wait("Q: What does D output?")
        pane.send("o")
        // less shows the note on the alternate screen: the card is out of sight.
        let note = pane.wait("the note") { $0.contains("D outputs one number") && !$0.contains("Q: What does D output?") }
        #expect(!note.contains("Words before the section."), "the pager starts at the card's section")
        pane.send("q")
        pane.wait("the card again") { $0.components(separatedBy: "Q: What does D output?").count == 3 }
        pane.send("Enter")  // a single key, not a line: raw mode is back
        pane.wait("A: a probability")
        pane.send("3")
        pane.wait("Q: How many players are there?")
        #expect(pane.screen().contains("o opens the note · u undoes · q stops):"))
        pane.send("o")  // on an empty answer, at once: no Enter
        pane.wait("the note again") { $0.contains("D outputs one number") && !$0.contains("Q: How many players") }
        pane.send("q")
        pane.wait("the numeric card again") { $0.components(separatedBy: "Q: How many players are there?").count == 3 }
        pane.send("2", "Enter")
        pane.wait("✓ Right: 2 ± 0.5.")
        pane.send("q")
        pane.wait("QUIZ-ENDED")
        #expect(try log(setup).contains("\"reviews\":2"))
        let before = try String(contentsOfFile: setup.before, encoding: .utf8)
        let after = try String(contentsOfFile: setup.after, encoding: .utf8)
        #expect(!before.isEmpty && before == after)
    }
}
