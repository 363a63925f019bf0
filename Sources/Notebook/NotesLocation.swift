/// Where the notes are: `--notes DIR`, else `$GANBOOK_NOTES`, else the notes
/// bundled with ganbook.
///
/// The bundled notes are looked for, in order:
/// 1. `../share/ganbook/notes` beside the executable (an installed layout);
/// 2. a `notes/` folder beside a `Package.swift` in any folder above the
///    executable (a build inside the source tree, `.build/release/ganbook`);
/// 3. the source tree the binary was built from (so a release binary copied
///    elsewhere on the same machine still finds them).
public enum NotesLocation {
    public enum Source: Sendable, Equatable { case flag, environment, bundled }

    public static let environmentVariable = "GANBOOK_NOTES"

    public struct NotFound: Error, CustomStringConvertible {
        public var description: String {
            "cannot find ganbook's notes; pass --notes DIR or set \(NotesLocation.environmentVariable)"
        }
    }

    public static func resolve(flag: String?, environment: String?, executable: String? = currentExecutable())
        throws(NotFound) -> (path: String, source: Source)
    {
        if let flag { return (flag, .flag) }
        if let environment, !environment.isEmpty { return (environment, .environment) }
        if let bundled = bundled(executable: executable) { return (bundled, .bundled) }
        throw NotFound()
    }

    static func bundled(executable: String?) -> String? {
        var candidates: [String] = []
        if let executable, let real = FileSystem.realPath(executable) {
            var folder = FileSystem.parent(real)
            candidates.append(FileSystem.join(FileSystem.parent(folder), "share/ganbook/notes"))
            while folder != "/" && !folder.isEmpty {
                if FileSystem.exists(FileSystem.join(folder, "Package.swift")) {
                    candidates.append(FileSystem.join(folder, "notes"))
                    break
                }
                folder = FileSystem.parent(folder)
            }
        }
        candidates.append(sourceTreeNotes)
        return candidates.first(where: FileSystem.isDirectory)
    }

    /// `notes/` of the source tree this file was compiled from.
    static let sourceTreeNotes: String = {
        // #filePath is …/Sources/Notebook/NotesLocation.swift
        var path = "\(#filePath)"
        for _ in 0..<3 { path = FileSystem.parent(path) }
        return FileSystem.join(path, "notes")
    }()

    /// The running executable's path (Linux: /proc/self/exe).
    public static func currentExecutable() -> String? {
        FileSystem.realPath("/proc/self/exe") ?? CommandLine.arguments.first
    }
}
