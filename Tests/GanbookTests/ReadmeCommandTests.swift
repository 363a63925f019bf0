@testable import ganbook
import Foundation
import Notebook
import TestSupport
import Testing

/// Every `ganbook …` command the README prints runs as printed: each parses as
/// the binary would parse it, and the quick ones (read, list, check, demo jsd,
/// quiz, --help, …) run to a clean exit with a temporary data folder, and a
/// temporary home for `~/my-notes`.
@Suite struct ReadmeCommandTests {
    struct Command: CustomStringConvertible {
        var line: Int
        var text: String
        var environment: [String: String]
        var words: [String]
        var description: String { "README.md:\(line): \(text)" }
    }

    /// The README's commands, each once: `ganbook` lines of its `sh` blocks (after any
    /// `NAME=value` words, without the `# …` comment), and inline code that is a
    /// whole command (no `…`, no placeholder such as NAME or ID).
    static func commands(home: String = "~") throws -> [Command] {
        let text = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        var found: [Command] = []
        var inShell = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                inShell = !inShell && trimmed == "```sh"
                continue
            }
            let candidates = inShell ? [withoutComment(String(line))] : inlineCommands(String(line))
            for candidate in candidates {
                var words = try CommandWords.split(candidate).map { $0.hasPrefix("~/") ? home + $0.dropFirst() : $0 }
                var environment: [String: String] = [:]
                while let first = words.first, let equals = first.firstIndex(of: "="), first.prefix(upTo: equals).allSatisfy({ $0.isUppercase || $0 == "_" }) {
                    environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
                    words.removeFirst()
                }
                guard words.first == "ganbook", !found.contains(where: { $0.words == Array(words.dropFirst()) && $0.environment == environment })
                else { continue }
                found.append(Command(line: index + 1, text: candidate, environment: environment, words: Array(words.dropFirst())))
            }
        }
        return found
    }

    /// `line` up to a `#` that starts a word outside quotes.
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, c) in line.enumerated() {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && previous.isWhitespace {
                return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = c
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Inline code spans that are whole commands.
    static func inlineCommands(_ line: String) -> [String] {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { index, part in
            guard index % 2 == 1, part == "ganbook" || part.hasPrefix("ganbook ") else { return nil }
            let placeholder = part.split(separator: " ").contains { $0.count >= 2 && $0.allSatisfy(\.isUppercase) }
            return part.contains("…") || placeholder ? nil : String(part)
        }
    }

    /// Quick enough to run in a test: not the demos that train networks, not
    /// the lab, not the export (which runs every cell), and `read --run` only for jsd.
    static func isQuick(_ words: [String]) -> Bool {
        if words.contains("--help") { return true }
        let slow = [["demo", "train"], ["demo", "mode-collapse"], ["demo", "gen-vs-disc"], ["demo", "d-steps"], ["demo", "digits"], ["lab"], ["export"]]
        if slow.contains(where: { words.starts(with: $0) }) { return false }
        return !(words.first == "read" && words.contains("--run") && words.dropFirst().first != "jsd")
    }

    @Test func theReadmeHasCommandsToCheck() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 40, "\(commands.count) commands found")
        #expect(commands.contains { $0.words == ["read", "objective#the-best-d-for-a-fixed-g-proposition-1"] })
        #expect(commands.contains { $0.words == ["quiz", "--help"] })
        #expect(commands.filter { Self.isQuick($0.words) }.count >= 25)
    }

    /// Parsed as the binary parses its command line (help and version count as parsed).
    @Test func everyReadmeCommandParses() throws {
        for command in try Self.commands() {
            do {
                _ = try Ganbook.parseAsRoot(command.words)
            } catch {
                if Ganbook.exitCode(for: error) != .success { Issue.record("\(command): \(Ganbook.message(for: error))") }
            }
        }
    }

    @Test func theQuickOnesRunAsPrinted() throws {
        let root = temporaryURL("readme")
        let home = root.appendingPathComponent("home").path, data = root.appendingPathComponent("data").path
        try FileManager.default.createDirectory(atPath: home + "/my-notes", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "# Mine\n\nA note of my own.\n".write(toFile: home + "/my-notes/01-mine.md", atomically: true, encoding: .utf8)
        for command in try Self.commands(home: home) where Self.isQuick(command.words) {
            let environment = command.environment.merging(["GANBOOK_DATA": data, "HOME": home]) { $1 }
            let result = try Binary.run(command.words, stdin: "", environment: environment)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("ganbook:"), "\(command): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(command) printed nothing")
        }
    }
}
