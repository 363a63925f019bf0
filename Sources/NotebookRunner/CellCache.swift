/// Cached cell outputs, under the data folder's `demo-cache/`.
///
/// Two kinds of entries, both keyed by the cell's exact words, the demo's
/// version and the report format's version (`Report.formatVersion`):
/// - the report as data: the same JSON `ganbook demo --json` prints, from
///   which any renderer presents it (HTML, the terminal at another width)
///   without re-running the demo;
/// - the report as the terminal shows it, whose key adds the terminal
///   renderer's version, the width, colour and language, so that a second `read --run`
///   only reads a file, and a renderer change never serves stale text.
/// Files are written to a temporary name and renamed, so a crash never leaves
/// half an entry; an unreadable or outdated entry is ignored and recomputed.
import Demos
import Foundation
import Installation
import Localization
import Report
import Terminal

public struct CellCache: Sendable {
    public let folder: String

    public init(dataFolder: String) { folder = dataFolder + "/demo-cache" }

    /// The version of the demo the words name, or nil for an unknown demo.
    static func version(of words: [String]) -> Int? {
        words.first.flatMap { DemoRegistry.demo(named: $0)?.version }
    }

    private func path(_ words: [String], _ extra: [String], suffix: String) -> String? {
        guard let version = Self.version(of: words) else { return nil }
        let key = [words[0], "v\(version)", "report\(Report.formatVersion)"] + extra + words
        return folder + "/" + StableHash.hex(key.joined(separator: "\u{1F}")) + suffix
    }

    func dataPath(_ words: [String]) -> String? { path(words, [], suffix: ".json") }

    func textPath(_ words: [String], width: Int, color: Bool, language: Language) -> String? {
        path(words, ["terminal\(ReportRenderer.version)", "w\(width)", color ? "color" : "plain", language.rawValue], suffix: ".txt")
    }

    public func report(_ words: [String]) -> Report? {
        guard let path = dataPath(words), let bytes = try? FileSystem.read(path),
            let json = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        else { return nil }
        return try? ReportJSON.decode(json)
    }

    public func store(_ report: Report, _ words: [String]) {
        guard let path = dataPath(words) else { return }
        write(ReportJSON.encode(report), to: path)
    }

    public func text(_ words: [String], width: Int, color: Bool, language: Language) -> String? {
        guard let path = textPath(words, width: width, color: color, language: language), let bytes = try? FileSystem.read(path) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    public func store(text: String, _ words: [String], width: Int, color: Bool, language: Language) {
        guard let path = textPath(words, width: width, color: color, language: language) else { return }
        write(text, to: path)
    }

    /// Writes `text` whole (temporary file, then rename; see `FileSystem.writeWhole`).
    /// A cache that cannot be written is not an error: the output is still shown.
    func write(_ text: String, to path: String) { FileSystem.writeWhole(Array(text.utf8), to: path) }
}
