/// Cached demo outputs, under the data folder's `demo-cache/`.
///
/// Two kinds of entries, both keyed by the demo's name and version (bump
/// `Demo.version` when a demo's numbers change) and the cell's exact words:
/// - the report as data (`.json`), from which any renderer can present it
///   (HTML export, the terminal at another width) without re-running the demo;
/// - the report as the terminal shows it (`.txt`), whose key adds the width
///   and colour, so that a second `read --run` only reads a file.
/// Files are written to a temporary name and renamed, so a crash never leaves
/// half an entry; an unreadable entry is ignored and recomputed.
import Foundation
import Installation
import Report

public struct DemoCache: Sendable {
    public let folder: String

    public init(dataFolder: String) { folder = dataFolder + "/demo-cache" }

    /// The version of the demo a cell names, or nil for an unknown demo.
    public static func version(of words: [String]) -> Int? {
        words.first.flatMap { DemoRegistry.demo(named: $0)?.version }
    }

    func dataPath(_ words: [String], version: Int) -> String {
        folder + "/" + StableHash.hex(([words[0], "v\(version)"] + words).joined(separator: "\u{1F}")) + ".json"
    }

    func textPath(_ words: [String], version: Int, width: Int, color: Bool) -> String {
        folder + "/" + StableHash.hex(([words[0], "v\(version)", "w\(width)", color ? "color" : "plain"] + words).joined(separator: "\u{1F}")) + ".txt"
    }

    public func report(_ words: [String], version: Int) -> Report? {
        guard let bytes = try? FileSystem.read(dataPath(words, version: version)) else { return nil }
        return try? Self.decoder.decode(Report.self, from: Data(bytes))
    }

    public func store(_ report: Report, _ words: [String], version: Int) {
        guard let data = try? Self.encoder.encode(report) else { return }
        write(data, to: dataPath(words, version: version))
    }

    public func text(_ words: [String], version: Int, width: Int, color: Bool) -> String? {
        guard let bytes = try? FileSystem.read(textPath(words, version: version, width: width, color: color)) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    public func store(text: String, _ words: [String], version: Int, width: Int, color: Bool) {
        write(Data(text.utf8), to: textPath(words, version: version, width: width, color: color))
    }

    /// Writes `data` to a temporary file beside `path`, then renames it into place.
    /// A cache that cannot be written is not an error: the output is still shown.
    func write(_ data: Data, to path: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }
}
