import Foundation
import TestSupport
import Testing

/// `ganbook demo` end to end, through the binary.
@Suite struct DemoCommandTests {
    @Test func listsTheDemos() throws {
        let result = try Binary.run(["demo"])
        #expect(result.status == 0)
        let names = result.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["jsd", "optimal-d"])
    }

    @Test(arguments: [["demo", "jsd"], ["demo", "jsd", "--sweep"], ["demo", "optimal-d", "--samples", "3000"]])
    func theSameCommandPrintsTheSameBytes(arguments: [String]) throws {
        let a = try Binary.run(arguments), b = try Binary.run(arguments)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }

    @Test func theSeedChangesTheTrainedDiscriminator() throws {
        let a = try Binary.run(["demo", "optimal-d", "--samples", "3000", "--seed", "1"])
        let b = try Binary.run(["demo", "optimal-d", "--samples", "3000", "--seed", "2"])
        #expect(a.stdout != b.stdout)
    }

    @Test func jsonIsValidAndHasNoNaN() throws {
        for arguments in [["demo", "jsd", "--json"], ["demo", "jsd", "--sweep", "--json"], ["demo", "optimal-d", "--json", "--samples", "2000"]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 0)
            #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any], "\(arguments)")
            #expect(!result.stdout.lowercased().contains("nan"))
        }
    }

    @Test func plotsFitTheRequestedWidth() throws {
        let result = try Binary.run(["demo", "jsd", "--sweep", "--width", "50"])
        for line in result.stdout.split(separator: "\n") { #expect(line.displayColumns <= 50, "'\(line)'") }
    }

    @Test(arguments: [
        (["demo", "jsd", "--p", "N(0,-1)"], "ganbook: --p \"N(0,-1)\": sigma must be > 0, got -1 (column 5: N(0,^-1))"),
        (["demo", "jsd", "--q", "0.3*N(0,1) + 0.6*N(1,1)"], "ganbook: --q \"0.3*N(0,1) + 0.6*N(1,1)\": weights sum to 0.9, not 1 (column 1: ^0.3*N(0,1) + 0.6*N(1,1))"),
        (["demo", "optimal-d", "--data", "Beta(1,2)"], "ganbook: --data \"Beta(1,2)\": unknown family 'Beta'; use N(mu,sigma), U(a,b) or Laplace(mu,b) (column 1: ^Beta(1,2))"),
        (["demo", "optimal-d", "--samples", "ten"], "ganbook: The value 'ten' is invalid for '--samples <n>'"),
        (["demo", "nope"], "ganbook: Unexpected argument 'nope'"),
    ])
    func badOptionsAreOneLine(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func everyDemoHasHelp() throws {
        for name in ["jsd", "optimal-d"] {
            let result = try Binary.run(["demo", name, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("--seed") == (name == "optimal-d"))
            #expect(result.stdout.contains("--json"))
        }
    }
}
