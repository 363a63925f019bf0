import Foundation
import TestSupport

/// Runs the built `ganbook` binary, as a user would.
enum Binary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `ganbook` beside the test bundle (SwiftPM builds it for these tests).
    static let url: URL = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("ganbook")
    }()

    static let fixtures = PackagePaths.root.appendingPathComponent("Tests/GanbookTests/Fixtures")

    /// Runs ganbook in the package's root folder, in English unless told
    /// otherwise (the language variables are removed by default).
    static func run(
        _ arguments: [String], environment: [String: String] = [:],
        removing: [String] = ["GANBOOK_NOTES", "NO_COLOR", "GANBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
    ) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.currentDirectoryURL = PackagePaths.root
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for name in removing { env[name] = nil }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
