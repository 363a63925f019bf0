import Lab
import Testing

/// The `--keys` language and the decoder of raw terminal bytes.
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

    @Test func decoderReadsKeysAndSkipsEscapeSequences() {
        var decoder = KeyDecoder()
        // space, q, Ctrl-C, an up arrow (ESC [ A), K, Enter, a lone ESC.
        let keys = decoder.keys(from: [0x20, 0x71, 0x03, 0x1B, 0x5B, 0x41, 0x4B, 0x0D, 0x1B])
        #expect(keys == [.space, .character("q"), .interrupt, .character("K"), .enter, .escape])
    }

    @Test func decoderWaitsForTheRestOfASplitSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: [0x1B, 0x5B]) == [])
        #expect(decoder.keys(from: [0x31, 0x3B, 0x35, 0x43, 0x64]) == [.character("d")])  // ESC[1;5C then d
        #expect(decoder.keys(from: [0xC3]) == [])
        #expect(decoder.keys(from: [0xA9]) == [.character("é")])
    }
}
