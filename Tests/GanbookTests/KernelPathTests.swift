import Foundation
import TestSupport
import Testing

/// The same command prints the same bytes on every kernel path
/// (GANBOOK_KERNEL=portable|avx2|avx512), as it must on every CPU.
@Suite struct KernelPathTests {
    /// Which paths this CPU runs: a forced path it cannot run is refused.
    func supported() throws -> [String] {
        try ["portable", "avx2", "avx512"].filter { path in
            try Binary.run(["demo", "jsd"], environment: ["GANBOOK_KERNEL": path]).status == 0
        }
    }

    /// Each command is its own case, so that the slow portable runs spread
    /// over the cores. Digits' JSON carries every pixel at full precision, so
    /// it also covers what its image grids draw.
    @Test(arguments: [
        ["train", "--steps", "60", "--hidden", "32", "--json"],
        ["train", "--target", "N(1,0.5)", "--steps", "60", "--hidden", "32", "--loss", "wgan-gp", "--width", "80"],
        ["mode-collapse", "--steps", "10", "--seeds", "1", "--width", "80"],
        ["digits", "--steps", "40", "--json"],
        ["digits", "--steps", "30", "--seeds", "2", "--method", "pacgan", "--d-hidden", "32", "--json"],
    ])
    func aShortTrainingPrintsTheSameBytesOnEveryPath(words: [String]) throws {
        let paths = try supported()
        #expect(paths.contains("portable"))
        let outputs = try paths.map { try Binary.run(["demo"] + words, environment: ["GANBOOK_KERNEL": $0]) }
        for (path, output) in zip(paths, outputs) {
            #expect(output.status == 0, "\(path): \(output.stderr)")
            #expect(output.stdout == outputs[0].stdout, "\(words.joined(separator: " ")): \(path) differs from \(paths[0])")
        }
    }

    @Test func anUnknownPathIsOneClearError() throws {
        let result = try Binary.run(["demo", "jsd"], environment: ["GANBOOK_KERNEL": "sse9"])
        #expect(result.status == 2)
        #expect(result.stderr == "ganbook: GANBOOK_KERNEL must be portable, avx2 or avx512\n")
        #expect(result.stdout.isEmpty)
    }
}
