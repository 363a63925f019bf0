import Foundation
import TestSupport
import Testing

/// The command line end to end: contents, read, and every error as one line.
@Suite struct CommandTests {
    static let notes = Binary.fixtures.appendingPathComponent("notes").path

    @Test func contentsListsNumberIDTitleAndCounts() throws {
        for arguments in [["--notes", Self.notes], ["list", "--notes", Self.notes]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines[0].split(separator: " ") == ["#", "id", "title", "demos", "cards"])
            #expect(lines[1].split(separator: " ", omittingEmptySubsequences: true) == ["1", "sample", "Every", "construct", "1", "2"])
            #expect(lines[2].split(separator: " ", omittingEmptySubsequences: true) == ["2", "learner", "base", "0", "0"])
        }
    }

    @Test func environmentVariablePicksTheFolder() throws {
        let result = try Binary.run(["list"], environment: ["GANBOOK_NOTES": Self.notes])
        #expect(result.stdout.contains("sample"))
    }

    @Test func bundledNotesAreFoundFromAnyDirectory() throws {
        let result = try Binary.run(["list", "--width", "80"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("notes ·"))
    }

    @Test func readShowsDemoCellsAsCommandsAndHidesCards() throws {
        let result = try Binary.run(["read", "sample", "--notes", Self.notes, "--no-pager"])
        #expect(result.stdout.contains(#"▶ ganbook demo jsd --p "U(0,1)" --q "U(0.5,1.5)" --sweep"#))
        #expect(result.stdout.contains("2 quiz cards · ganbook quiz sample"))
        #expect(!result.stdout.contains("What is JSD"))
        #expect(!ANSI.hasEscapes(result.stdout))  // not a TTY: no colour
    }

    @Test func noColorTurnsColourOffEvenWhenAsked() throws {
        let auto = try Binary.run(["read", "1", "--notes", Self.notes, "--color", "auto"], environment: ["NO_COLOR": "1"])
        #expect(!ANSI.hasEscapes(auto.stdout))
        let forced = try Binary.run(["read", "1", "--notes", Self.notes, "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(ANSI.hasEscapes(forced.stdout))
    }

    @Test func pipedOutputIs80Columns() throws {
        let result = try Binary.run(["read", "sample", "--notes", Self.notes])
        let longest = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("│") }.map(\.displayColumns).max()
        #expect(longest == 80)  // the thematic break spans the width
    }

    @Test func versionIsPrinted() throws {
        let result = try Binary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: ".").count == 3)
    }

    @Test(arguments: [
        (["read", "nope"], "ganbook: no note 'nope'"),
        (["read", "sampel"], "ganbook: no note 'sampel'; did you mean 'sample'?"),
        (["read", "sample", "--width", "0"], "ganbook: --width must be between 1 and 1000 columns, got 0"),
        (["read", "sample", "--width", "wide"], "ganbook: The value 'wide' is invalid for '--width <n>'"),
        (
            ["read", "sample", "--color", "pink"],
            "ganbook: The value 'pink' is invalid for '--color <when>'. Please provide one of 'auto', 'always' or 'never'."
        ),
    ])
    func badInputIsOneLineOnStderr(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments + ["--notes", Self.notes])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message + "\n")
    }

    /// A typo of a command, of `quiz stats` or of a 2-D target gets "did you mean", as `demo jds` does.
    @Test(arguments: [
        (["reed", "1"], "ganbook: no command 'reed'; did you mean 'read'? The commands are list, read, demo, quiz, check, export, lab."),
        (["xyzzy"], "ganbook: no command 'xyzzy'. The commands are list, read, demo, quiz, check, export, lab."),
        (["quiz", "stat"], "ganbook: no note 'stat'; did you mean 'ganbook quiz stats'?"),
        (
            ["lab", "--target", "rings"],
            "ganbook: The value 'rings' is invalid for '--target <target>': no target 'rings'; did you mean 'ring'? (ring, grid, digits, or a 1-D spec such as N(0,1))"
        ),
        (
            ["lab", "--target", "digit"],
            "ganbook: The value 'digit' is invalid for '--target <target>': no target 'digit'; did you mean 'digits'? (ring, grid, digits, or a 1-D spec such as N(0,1))"
        ),
        (
            ["demo", "train", "--target", "grids"],
            "ganbook: The value 'grids' is invalid for '--target <target>': no target 'grids'; did you mean 'grid'? (ring, grid, or a 1-D spec such as N(0,1))"
        ),
    ])
    func typosGetDidYouMean(arguments: [String], message: String) throws {
        let data = temporaryFolder("typo")
        let result = try Binary.run(arguments, environment: ["GANBOOK_DATA": data])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message + "\n")
        #expect(!FileManager.default.fileExists(atPath: data), "bad input wrote to the data folder")
    }

    @Test func unknownNoteExitsWithStatus1() throws {
        #expect(try Binary.run(["read", "nope", "--notes", Self.notes]).status == 1)
    }

    @Test func folderErrorsAreOneLine() throws {
        let temp = temporaryURL("cli")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }

        let missing = try Binary.run(["--notes", temp.path + "/missing"])
        #expect(missing.status != 0 && missing.stderr == "ganbook: notes folder '\(temp.path)/missing' does not exist\n")

        let empty = try Binary.run(["--notes", temp.path])
        #expect(empty.status != 0 && empty.stderr == "ganbook: notes folder '\(temp.path)' has no .md notes\n")

        try Data([0x23, 0x20, 0x41, 0x0A, 0xC3, 0x28, 0x0A]).write(to: temp.appendingPathComponent("01-bad.md"))
        let invalid = try Binary.run(["read", "bad", "--notes", temp.path])
        #expect(invalid.status != 0 && invalid.stderr == "ganbook: \(temp.path)/01-bad.md:2: not valid UTF-8 (byte 0xC3 at column 1)\n")
    }
}
