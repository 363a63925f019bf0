/// Cached cell outputs, under the data folder's `demo-cache/`.
///
/// Each entry is a report as data, the same JSON `ganbook demo --json` prints,
/// keyed by the cell's exact words, the demo's version and the report
/// format's version (`Report.formatVersion`). Every renderer presents it
/// (the terminal at any width, HTML) without re-running the demo; rendered
/// text is never cached, so a renderer change can never serve stale text.
/// Files are written to a temporary name and renamed, so a crash never leaves
/// half an entry; an unreadable or outdated entry is ignored and recomputed.
import Demos
import Foundation
import Installation
import Report

package struct CellCache: Sendable {
    package let folder: String

    package init(dataFolder: String) { folder = dataFolder + "/demo-cache" }

    /// The version of the demo the words name, or nil for an unknown demo.
    static func version(of words: [String]) -> Int? {
        words.first.flatMap { DemoRegistry.demo(named: $0)?.version }
    }

    func dataPath(_ words: [String]) -> String? {
        guard let version = Self.version(of: words) else { return nil }
        let key = [words[0], "v\(version)", "report\(Report.formatVersion)"] + words
        return folder + "/" + StableHash.hex(key.joined(separator: "\u{1F}")) + ".json"
    }

    package func report(_ words: [String]) -> Report? {
        guard let path = dataPath(words), let bytes = try? FileSystem.read(path) else { return nil }
        return try? ReportJSON.decode(Data(bytes))
    }

    package func store(_ report: Report, _ words: [String]) {
        guard let path = dataPath(words) else { return }
        write(ReportJSON.encode(report), to: path)
    }

    /// Writes `text` whole (temporary file, then rename; see `FileSystem.writeWhole`).
    /// A cache that cannot be written is not an error: the output is still shown.
    func write(_ text: String, to path: String) { FileSystem.writeWhole(Array(text.utf8), to: path) }
}
