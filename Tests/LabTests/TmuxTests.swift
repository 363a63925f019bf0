import Foundation
import TestSupport
import Testing

/// `ganbook lab` in a real terminal (tmux): it runs, pauses, steps, shows its
/// help, follows resizes, and quits by q, Ctrl-C, SIGTERM, SIGHUP and a crash, each time
/// leaving the terminal as it was: the main screen, a visible cursor, echo on.
/// tmux comes with `make deps` (the Makefile's APT_PACKAGES).
@Suite(.serialized) struct TmuxTests {
    /// One tmux server of our own (its own socket), one window running sh.
    final class Terminal {
        let socket = "ganbook-lab-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

        init(columns: Int = 100, rows: Int = 30) throws {
            guard tmux != nil else { throw TmuxMissing() }
            try run(
                "-f", "/dev/null", "new-session", "-d", "-s", "lab", "-x", "\(columns)", "-y", "\(rows)",
                "env", "PS1=$ ", "TERM=xterm-256color", "NO_COLOR=", "COLORTERM=truecolor", "sh")
        }

        deinit { _ = try? run("kill-server") }

        @discardableResult
        func run(_ arguments: String...) throws -> String { try run(arguments) }

        /// tmux ARGUMENTS on this terminal's server, its output (see TestSupport's `Tmux`).
        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            guard tmux != nil else { throw TmuxMissing() }
            return Tmux.run(["-L", socket] + arguments)
        }

        func type(_ keys: String...) throws { try run(["send-keys", "-t", "lab"] + keys) }
        func screen() throws -> String { try run("capture-pane", "-p", "-t", "lab") }
        func value(_ format: String) throws -> String {
            try run("display-message", "-p", "-t", "lab", format).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Waits (up to `seconds`) until the screen satisfies `test`; returns the screen.
        @discardableResult
        func waitFor(_ what: String, seconds: Double = 20, _ test: (String) -> Bool) throws -> String {
            let end = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < end {
                last = try screen()
                if test(last) { return last }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("timed out waiting for \(what); the screen:\n\(last)")
            return last
        }

        @discardableResult
        func waitFor(_ text: String, seconds: Double = 20) throws -> String { try waitFor("'\(text)'", seconds: seconds) { $0.contains(text) } }

        /// The status line (the last row with the step count).
        func status() throws -> String { try screen().split(separator: "\n").last { $0.contains("│ step ") }.map(String.init) ?? "" }

        /// The step the status line shows.
        func step() throws -> Int? {
            let s = try status()
            guard let r = s.range(of: "│ step ") else { return nil }
            return Int(s[r.upperBound...].prefix { $0.isNumber })
        }

        /// The terminal as it was: main screen, cursor shown, echo on in the tty's settings.
        func expectRestored(_ context: String) throws {
            #expect(try value("#{alternate_on}") == "0", "\(context): still on the alternate screen")
            #expect(try value("#{cursor_flag}") == "1", "\(context): the cursor is hidden")
            try type("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon; echo STTY-DONE", "Enter")
            let after = try waitFor("stty's answer") { $0.split(separator: "\n").contains { $0 == "STTY-DONE" } }
            let words = after.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(words.contains("echo") && !words.contains("-echo"), "\(context): echo is off:\n\(after)")
            #expect(words.contains("icanon") && !words.contains("-icanon"), "\(context): the tty is still raw")
            try type("clear", "Enter")
            try waitFor("cleared") { !$0.contains("STTY-DONE") }
        }
    }

    struct TmuxMissing: Error, CustomStringConvertible {
        var description: String { "tmux is missing: `make deps` installs it (apt-get install tmux)" }
    }

    var binary: String { Binary.url.path }

    @Test func runPauseStepHelpResizeAndQuit() throws {
        let t = try Terminal()
        try t.type("\(binary) lab --hidden 32; echo EXIT=$?", "Enter")
        try t.waitFor("ganbook lab · nonsaturating")
        #expect(try t.value("#{alternate_on}") == "1")
        #expect(try t.value("#{cursor_flag}") == "0")
        #expect(try t.status().contains("‖ paused │ step 0 │"))

        try t.type("Space")
        try t.waitFor("running, past step 50") { _ in ((try? t.step()) ?? 0) > 50 }
        #expect(try t.status().contains("▶ running"))
        #expect(try t.status().contains(" steps/s"))
        try t.type("Space")
        try t.waitFor("‖ paused")
        let paused = try t.step() ?? -1
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try t.step() == paused, "a paused run stays where it is")

        try t.type("n")
        try t.waitFor("step \(paused + 1) │")
        try t.type("d")
        try t.waitFor("step \(paused + 1) +1D │")
        try t.type("g")
        try t.waitFor("step \(paused + 2) │")
        try t.type("K")
        try t.waitFor("k → 2")
        try t.type("?")
        try t.waitFor("one full step (k D-steps, then one G-step)")
        try t.type("x")
        try t.waitFor("help closed") { !$0.contains("one full step (k D-steps") }

        try t.run("resize-window", "-t", "lab", "-x", "120", "-y", "36")
        let wide = try t.waitFor("a 120×36 screen") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 36 && lines[35].contains("│ step ")
        }
        #expect(wide.split(separator: "\n").contains { $0.count > 100 })
        try t.run("resize-window", "-t", "lab", "-x", "70", "-y", "20")
        try t.waitFor("needs at least 80×24; this terminal is 70×20")
        try t.run("resize-window", "-t", "lab", "-x", "100", "-y", "30")
        try t.waitFor("│ step ")

        try t.type("q")
        try t.waitFor("EXIT=0")
        try t.expectRestored("after q")
    }

    @Test func ctrlCQuitsAndRestores() throws {
        let t = try Terminal()
        try t.type("\(binary) lab --hidden 16; echo EXIT=$?", "Enter")
        try t.waitFor("ganbook lab ·")
        try t.type("Space")
        try t.waitFor("▶ running")
        try t.type("C-c")
        try t.waitFor("EXIT=0")
        try t.expectRestored("after Ctrl-C")
    }

    /// SIGTERM and SIGHUP end the session as a flag the loop reads; SIGSEGV stands
    /// for a crash, whose handler restores the terminal and dies of the signal.
    @Test(arguments: [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGSEGV, "a crash (SIGSEGV)")])
    func aSignalQuitsAndRestores(signal: Int32, name: String) throws {
        let t = try Terminal()
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("lab-\(t.socket).pid").path
        try t.type("sh -c 'echo $$ > \(pidFile); exec \(binary) lab --hidden 16'; echo EXIT=$?", "Enter")
        try t.waitFor("ganbook lab ·")
        try t.type("Space")
        try t.waitFor("▶ running")
        let pid = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(kill(pid_t(pid)!, signal) == 0)
        try t.waitFor("EXIT=\(128 + signal)")
        try t.expectRestored("after \(name)")
        try? FileManager.default.removeItem(atPath: pidFile)
    }

    @Test func aKeyScriptDrivesASessionThenTheKeyboardStillWorks() throws {
        let t = try Terminal()
        try t.type("\(binary) lab --hidden 16 --keys 'space,wait 400,d,g,l'; echo EXIT=$?", "Enter")
        try t.waitFor("loss → wgan")
        #expect(try t.status().contains("‖ paused"))
        try t.type("q")
        try t.waitFor("EXIT=0")
        try t.expectRestored("after a script")
    }

    @Test func keysOnStdinEndTheSessionWhenTheyRunOut() throws {
        let t = try Terminal()
        try t.type("printf 'space\\nwait 300\\nn\\n' | \(binary) lab --hidden 16; echo EXIT=$?", "Enter")
        try t.waitFor("EXIT=0")
        #expect(try t.value("#{alternate_on}") == "0")
        #expect(try t.value("#{cursor_flag}") == "1")
    }
}
