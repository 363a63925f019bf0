/// Where the notes are: `--notes DIR`, else `$GANBOOK_NOTES`, else the notes
/// bundled with ganbook (see `BundledFolder` for where those are looked for).
import Installation

public enum NotesLocation {
    public enum Source: Sendable, Equatable { case flag, environment, bundled }

    public static let environmentVariable = "GANBOOK_NOTES"

    public struct NotFound: Error, CustomStringConvertible {
        public var description: String {
            "cannot find ganbook's notes; pass --notes DIR or set \(NotesLocation.environmentVariable)"
        }
    }

    public static func resolve(
        flag: String?, environment: String?, executable: String? = BundledFolder.currentExecutable()
    )
        throws(NotFound) -> (path: String, source: Source)
    {
        if let flag { return (flag, .flag) }
        if let environment, !environment.isEmpty { return (environment, .environment) }
        if let bundled = BundledFolder.locate("notes", executable: executable) { return (bundled, .bundled) }
        throw NotFound()
    }
}
