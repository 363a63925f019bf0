/// Golden files: rendered output kept in the repository, so that any change
/// to rendering shows up as a readable diff. The one switch for every golden
/// test: `GANBOOK_UPDATE_GOLDEN=1` (`make golden`) rewrites the files from
/// what the code renders now; read the diff before committing it.
import Foundation

public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["GANBOOK_UPDATE_GOLDEN"] == "1" }

    /// The text `file` holds, after writing `actual` to it when updating; nil
    /// when the file does not exist yet (a new golden needs `make golden`).
    public static func expected(_ actual: String, file: URL) -> String? {
        if updating {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
        }
        return try? String(contentsOf: file, encoding: .utf8)
    }

    /// Why a comparison failed, as every golden test says it.
    public static func differs(_ file: URL) -> String {
        "\(file.lastPathComponent) differs from what is rendered now; run `make golden` and read the diff"
    }
}
