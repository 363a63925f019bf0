import Demos
import Foundation
import GAN
import Lab
import TestSupport

/// Settings as `ganbook lab ARGS` would build them.
func labSettings(target: String = "ring", loss: GANLoss = .nonsaturating, dSteps: Int? = nil, _ arguments: [String] = []) throws -> LabSettings {
    LabSettings(options: try GANOptions.parse(arguments), target: try Target.parse(target), loss: loss, dSteps: dSteps)
}

/// The built `ganbook` beside the test bundle, run as a user would.
enum LabBinary {
    static let url: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("ganbook")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
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
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }
}

enum LabGolden {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/LabTests/Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["GANBOOK_UPDATE_GOLDEN"] == "1" }
}
