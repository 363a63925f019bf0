/// Where the notes are: `--notes DIR`, else `$GANBOOK_NOTES`, else the notes
/// bundled with ganbook (see `BundledFolder` for where those are looked for).
import Installation

package enum NotesLocation {
    package enum Source: Sendable, Equatable { case flag, environment, bundled }

    package static let environmentVariable = "GANBOOK_NOTES"

    package struct NotFound: Error, CustomStringConvertible {
        package var description: String {
            "cannot find ganbook's notes; pass --notes DIR or set \(NotesLocation.environmentVariable)"
        }
    }

    package static func resolve(
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
