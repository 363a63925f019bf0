import Demos
import Foundation
import TestSupport
import Testing

@testable import ganbook

/// `ganbook demo` end to end, through the binary.
@Suite struct DemoCommandTests {
    @Test func listsTheDemos() throws {
        let result = try Binary.run(["demo"])
        #expect(result.status == 0)
        // A summary may wrap onto lines of its own, indented under the first.
        let names = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == DemoRegistry.all.map { $0.name })
    }

    @Test func theListShowsEachDemosTypicalDuration() throws {
        #expect(Set(DemoCommand.typicalSeconds.keys) == Set(DemoRegistry.all.map { $0.name }))
        #expect(DemoCommand.duration(0.2) == "under 1 s" && DemoCommand.duration(14.6) == "about 15 s")
        for (language, pattern) in [("en", #/^\S+ +(under 1 s|about \d+ s) /#), ("zh", #/^\S+ +(不到 1 秒|约 \d+ 秒) /#)] {
            let result = try Binary.run(["demo", "--lang", language])
            let lines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            #expect(lines.count == DemoRegistry.all.count && lines.allSatisfy { $0.contains(pattern) }, "\(result.stdout)")
        }
    }

    @Test(arguments: [
        ["demo", "jsd"], ["demo", "jsd", "--sweep"], ["demo", "optimal-d", "--samples", "3000"],
        ["demo", "mode-collapse", "--steps", "20", "--seeds", "1"],
    ])  // two trainings at a time: BLAS must not race
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

    /// `--paper veegan`: the line on stderr before the run, in both
    /// languages; its JSON lists every seed's metrics as numbers; a bad value
    /// is ArgumentParser's one line.
    @Test func thePaperRunSaysItIsSlowAndItsJSONHasEverySeed() throws {
        let words = ["demo", "mode-collapse", "--paper", "veegan", "--steps", "10", "--seeds", "2", "--seed", "4"]
        let result = try Binary.run(words + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "--paper veegan trains 8 GANs for 10 steps each: slow, about 1 min on 2 cores.\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tables = (json["items"] as? [[String: Any]] ?? []).compactMap { $0["table"] as? [String: Any] }
        let seeds = try #require(tables.first { $0["title"] as? String == "Every seed" })
        let rows = seeds["rows"] as? [[String: Any]] ?? []
        #expect(rows.compactMap { $0["seed"] as? Int } == [4, 5, 4, 5, 4, 5, 4, 5])
        for row in rows {
            for column in ["modes captured", "high quality (%)", "reverse KL (nats)"] { #expect(row[column] is NSNumber, "\(column) in \(row)") }
        }
        let chinese = try Binary.run(["demo", "mode-collapse", "--paper", "veegan", "--steps", "10", "--seeds", "1", "--lang", "zh", "--no-pager"])
        #expect(chinese.stderr == "--paper veegan 要训练 4 个 GAN，每个 10 步：很慢，在 2 个核心上约需 1 分钟。\n")
        #expect(chinese.stdout.contains("VEEGAN，表 1 的复现：10 步，种子 1"))
        let bad = try Binary.run(["demo", "mode-collapse", "--paper", "pacgan"])
        #expect(bad.stderr == "ganbook: The value 'pacgan' is invalid for '--paper <paper>'. Please provide one of 'veegan'.\n")
    }

    @Test func plotsFitTheRequestedWidth() throws {
        let result = try Binary.run(["demo", "jsd", "--sweep", "--width", "50"])
        for line in result.stdout.split(separator: "\n") { #expect(line.displayColumns <= 50, "'\(line)'") }
    }

    @Test(arguments: [
        (["demo", "jsd", "--p", "N(0,-1)"], "ganbook: The value 'N(0,-1)' is invalid for '--p <spec>': sigma must be > 0, got -1 (column 5: N(0,^-1))"),
        (
            ["demo", "jsd", "--q", "0.3*N(0,1) + 0.6*N(1,1)"],
            "ganbook: The value '0.3*N(0,1) + 0.6*N(1,1)' is invalid for '--q <spec>': weights sum to 0.9, not 1 (column 1: ^0.3*N(0,1) + 0.6*N(1,1))"
        ),
        (
            ["demo", "optimal-d", "--data", "Beta(1,2)"],
            "ganbook: The value 'Beta(1,2)' is invalid for '--data <spec>': unknown family 'Beta'; use N(mu,sigma), U(a,b) or Laplace(mu,b) (column 1: ^Beta(1,2))"
        ),
        (["demo", "optimal-d", "--samples", "ten"], "ganbook: The value 'ten' is invalid for '--samples <n>'"),
        (["demo", "nope"], "ganbook: no demo 'nope'. The demos are \(DemoRegistry.all.map { $0.name }.joined(separator: ", "))."),
        (["demo", "jds"], "ganbook: no demo 'jds'; did you mean 'jsd'? The demos are \(DemoRegistry.all.map { $0.name }.joined(separator: ", "))."),
    ])
    func badOptionsAreOneLine(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func everyDemoHasHelp() throws {
        for name in DemoRegistry.all.map({ $0.name }) {
            let result = try Binary.run(["demo", name, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("--seed") == (name != "jsd"))
            #expect(result.stdout.contains("--json"))
        }
    }
}

/// `gen-vs-disc --data FILE.csv --label COLUMN` with good and bad files.
@Suite struct GenVsDiscCSVTests {
    func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let url = temporaryURL("data").appendingPathExtension("csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url.path)
    }

    @Test func aGoodFileRuns() throws {
        var text = "f1,f2,cls\n"
        for i in 0..<60 { text += "\(Double(i % 7) + (i % 2 == 0 ? 3 : 0)),\(Double(i % 5)),\(i % 2 == 0 ? "yes" : "no")\n" }
        try withFile(text) { path in
            let result = try Binary.run(["demo", "gen-vs-disc", "--data", path, "--label", "cls", "--repeats", "2", "--train", "100", "--outliers", "20"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("(b) \(path)"))
        }
    }

    @Test(arguments: [
        ("a,cls\n1,x\n2\n", ":3: row has 1 fields, the header has 2"),
        ("a,cls\n1,x\n,y\n", ":3: column 1 'a' is empty (missing value)"),
        ("a,cls\n1,x\nfoo,y\n", ":3: column 1 'a': 'foo' is not a number"),
        ("a,b\n1,x\n2,y\n", ":1: no column 'cls'; the columns are 'a', 'b'"),
        ("a,cls\n1,x\n2,x\n", ": column 'cls' has only one class, 'x'; a classifier needs two"),
        ("", ": the file is empty"),
        ("a,cls\n", ": only a header, no rows of data"),
    ])
    func badFilesAreOneLineNamingLineAndColumn(text: String, message: String) throws {
        try withFile(text) { path in
            let result = try Binary.run(["demo", "gen-vs-disc", "--data", path, "--label", "cls"])
            #expect(result.status != 0)
            #expect(result.stderr == "ganbook: " + path + message + "\n")
            #expect(result.stdout.isEmpty)
        }
    }
}
