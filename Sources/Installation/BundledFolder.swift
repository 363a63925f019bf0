/// Where ganbook's bundled folders (`notes`, `data`) are, wherever the binary
/// runs from. Looked for, in order:
/// 1. `../share/ganbook/NAME` beside the executable (an installed layout);
/// 2. `NAME/` beside a `Package.swift` in a folder above the executable (a
///    build inside the source tree, `.build/release/ganbook`);
/// 3. the source tree the binary was built from, so a release binary copied
///    elsewhere on the same machine still finds it.
package enum BundledFolder {
    package static func locate(_ name: String, executable: String? = currentExecutable()) -> String? {
        var candidates: [String] = []
        if let executable, let real = FileSystem.realPath(executable) {
            var folder = FileSystem.parent(real)
            candidates.append(FileSystem.join(FileSystem.parent(folder), "share/ganbook/" + name))
            while folder != "/" && !folder.isEmpty {
                if FileSystem.exists(FileSystem.join(folder, "Package.swift")) {
                    candidates.append(FileSystem.join(folder, name))
                    break
                }
                folder = FileSystem.parent(folder)
            }
        }
        candidates.append(FileSystem.join(sourceTree, name))
        return candidates.first(where: FileSystem.isDirectory)
    }

    /// The package root this file was compiled in (…/Sources/Installation/BundledFolder.swift).
    static let sourceTree: String = {
        var path = "\(#filePath)"
        for _ in 0..<3 { path = FileSystem.parent(path) }
        return path
    }()

    /// The running executable's path (Linux: /proc/self/exe).
    package static func currentExecutable() -> String? {
        FileSystem.realPath("/proc/self/exe") ?? CommandLine.arguments.first
    }
}
