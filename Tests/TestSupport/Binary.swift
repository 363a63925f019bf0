/// Test support: running the built `ganbook` binary as a user would, with
/// what it printed and its exit status (the command tests and the lab's).
import Foundation

public enum Binary {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// `ganbook` beside the test bundle (SwiftPM builds it for these tests).
    public static let url: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("ganbook")

    /// What a run leaves out of the test's environment unless told otherwise:
    /// the notes folder, NO_COLOR and the language variables, so that a run is
    /// in English on the bundled notes.
    public static let unset = ["GANBOOK_NOTES", "NO_COLOR", "GANBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]

    /// The data folder of runs that name none (caches, progress), one per test
    /// process, so that tests never write into the user's own: it replaces any
    /// `GANBOOK_DATA` of the test's environment (a test can pass its own).
    public static let dataFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("ganbook-tests-\(ProcessInfo.processInfo.processIdentifier)").path

    /// Runs ganbook in the package's root folder, with `stdin` as its input
    /// (none when nil).
    public static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], removing: [String] = unset
    ) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.currentDirectoryURL = PackagePaths.root
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["GANBOOK_DATA"] = dataFolder  // never the developer's own, even when they set one
        for name in removing { env[name] = nil }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
