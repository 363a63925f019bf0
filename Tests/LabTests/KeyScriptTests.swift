import Lab
import Testing

/// The `--keys` language (the decoder of raw terminal bytes into the same keys is TerminalKit's: `KeyDecoderTests`).
@Suite struct KeyScriptTests {
    @Test func theIssueExampleParses() throws {
        #expect(
            try KeyScript.parse("space,wait 500,d,g,q") == [
                .key(.space), .wait(milliseconds: 500), .key(.character("d")), .key(.character("g")), .key(.character("q")),
            ])
    }

    @Test func namedKeysAndNewlinesWork() throws {
        #expect(
            try KeyScript.parse("comma, enter ,esc\nctrl-c\n\n[ , K") == [
                .key(.character(",")), .key(.enter), .key(.escape), .key(.interrupt), .key(.character("[")), .key(.character("K")),
            ])
    }

    @Test(arguments: ["space,,q", "wait", "wait -1", "wait x", "hello", "q,"])
    func badScriptsNameTheirToken(script: String) {
        #expect(throws: KeyScriptError.self) { try KeyScript.parse(script) }
        do { _ = try KeyScript.parse(script) } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("--keys: "), "\(message)")
            #expect(!message.contains("\n"))
        }
    }

    @Test func stdinErrorsSayStdin() {
        do { _ = try KeyScript.parse("space\nbogus", source: "stdin") } catch {
            #expect("\(error)".hasPrefix("stdin: 'bogus' is not a key"))
        }
    }
}
