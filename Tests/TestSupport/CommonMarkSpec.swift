/// Test support: the CommonMark 0.30 spec examples from `../shared/commonmark`,
/// and paths into the package for fixtures.
import Foundation

public struct SpecExample: Sendable, CustomStringConvertible {
    public let number: Int
    public let section: String
    public let markdown: String
    public let html: String
    public var description: String { "example \(number) (\(section))" }
}

public enum PackagePaths {
    /// The package root, found from this file's path at compile time.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared`, beside the package (a fresh clone beside the project resolves it too).
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    public static let bundledNotes = root.appendingPathComponent("notes")
}

public enum CommonMarkSpec {
    public static let path = PackagePaths.shared.appendingPathComponent("commonmark/spec-0.30.txt").path

    /// Why a spec test cannot run: it fails, never passes with nothing to check.
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// All 652 examples, or an error naming the file: a spec test starts with
    /// `let examples = try CommonMarkSpec.all()`.
    public static func all() throws -> [SpecExample] {
        guard examples.count == 652 else {
            throw Missing(description: "expected the 652 examples of CommonMark 0.30 in \(path), found \(examples.count)")
        }
        return examples
    }

    /// All examples of `spec-0.30.txt`, numbered as the spec numbers them.
    /// The spec writes tabs as `→`.
    public static let examples: [SpecExample] = {
        let url = PackagePaths.shared.appendingPathComponent("commonmark/spec-0.30.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var state = 0  // 0: prose, 1: markdown, 2: html
        var markdown = "", html = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if state == 0 {
                if line.hasPrefix(fence + " example") {
                    state = 1; markdown = ""; html = ""
                } else if line.hasPrefix("#") {
                    section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                }
            } else if line == fence {
                examples.append(
                    SpecExample(
                        number: examples.count + 1, section: section,
                        markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                        html: html.replacingOccurrences(of: "→", with: "\t")))
                state = 0
            } else if state == 1 && line == "." {
                state = 2
            } else if state == 1 {
                markdown += line + "\n"
            } else {
                html += line + "\n"
            }
        }
        return examples
    }()
}
