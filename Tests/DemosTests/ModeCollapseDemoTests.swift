/// `demo mode-collapse`: every method and every seed reported as numbers, the
/// conclusions drawn from the run's own numbers, and `--method`'s snapshots
/// and mechanism figures.
@testable import Demos
import GAN
import Report
import Testing

@Suite struct ModeCollapseDemoTests {
    static func run(_ words: [String]) throws -> Report {
        try DemoRegistry.parse(["mode-collapse"] + words).report(progress: .silent)
    }

    static func table(_ report: Report, titled title: String) -> Table? {
        for item in report.items { if case .table(let t) = item, t.title == title { return t } }
        return nil
    }

    static func texts(_ report: Report) -> [String] {
        report.items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    @Test func everyMethodAndEverySeedIsReportedAsNumbers() throws {
        let report = try Self.run(["--steps", "10", "--seeds", "2", "--seed", "7"])
        let seeds = try #require(Self.table(report, titled: "Every seed"))
        #expect(seeds.rows.count == 2 * CollapseMethod.allCases.count)
        let names = seeds.rows.compactMap { if case .text(let n) = $0[0] { return n } else { return nil } }
        #expect(Set(names) == Set(CollapseMethod.allCases.map(\.title)))
        #expect(seeds.rows.map { $0[1] }.allSatisfy { $0 == .integer(7) || $0 == .integer(8) })
        for row in seeds.rows {
            let numeric = row[2...].allSatisfy { $0.isNumeric }
            #expect(numeric, "\(row)")
        }
        let summary = try #require(Self.table(report, titled: "Ours (mean ± sd over seeds 7…8)"))
        #expect(summary.rows.count == 8 && summary.columns.count == 5)
    }

    /// The conclusion counts what the table shows: a remedy is named as not
    /// helping exactly when its mean is below the vanilla GAN's plus 2.
    @Test func theConclusionsFollowTheTable() throws {
        let report = try Self.run(["--steps", "10", "--seeds", "3"])
        let seeds = try #require(Self.table(report, titled: "Every seed"))
        var modes: [String: [Int]] = [:]
        for row in seeds.rows { if case .text(let n) = row[0], case .integer(let m) = row[2] { modes[n, default: []].append(m) } }
        func mean(_ name: String) -> Double { Double(modes[name]!.reduce(0, +)) / Double(modes[name]!.count) }
        #expect(modes["vanilla GAN"]?.count == 3)
        let failing = modes.keys.filter { $0 != "vanilla GAN" && mean($0) < mean("vanilla GAN") + 2 }.sorted()
        let named = Self.texts(report).filter { $0.contains(" did not: ") }
        #expect(named.count == failing.count, "\(named) against \(failing)")
        for name in failing { #expect(Self.texts(report).contains { $0.hasPrefix("\(name) did not: ") }) }
        #expect(Self.texts(report).contains("\(7 - failing.count) of 7 captured at least 2 more modes on average than the vanilla GAN."))
    }

    @Test(arguments: CollapseMethod.remedies)
    func oneRemedyShowsItsSnapshotsAndItsMechanism(method: CollapseMethod) throws {
        let report = try Self.run(["--method", method.rawValue, "--steps", "20", "--seeds", "1"])
        let plots = report.items.compactMap { if case .plot(let p) = $0 { return p } else { return nil } }
        #expect(plots.count == 8, "4 snapshots each of the vanilla GAN and \(method.title)")
        #expect(plots.filter { $0.title.hasPrefix(method.title + ", seed 1, step ") }.count == 4)
        let explained = Self.texts(report).contains(CollapseMechanism.explanation(method))
        #expect(explained)
        let figures = report.items.contains { if case .figures = $0 { return true } else { return false } }
        let perGenerator = Self.table(report, titled: "Each generator's modes (first seed)") != nil
        let firstOrder = Self.table(report, titled: "Every seed")?.rows.contains { $0[0] == .text("Unrolled GAN, first-order") } ?? false
        switch method {
        case .madgan: #expect(perGenerator)
        case .unrolled: #expect(firstOrder)
        default: #expect(figures)
        }
    }

    @Test func oneSeedDrawsNoConclusion() throws {
        let texts = Self.texts(try Self.run(["--method", "pacgan", "--steps", "10", "--seeds", "1"]))
        #expect(texts.contains("One seed proves little: the conclusions need 3 seeds or more (the default is 5)."))
        #expect(!texts.contains { $0.contains(" did not: ") || $0.contains("captured at least 2 more") })
    }

    @Test func theVanillaGANIsNoMethodToCompare() {
        #expect(throws: (any Error).self) { try DemoRegistry.parse(["mode-collapse", "--method", "vanilla"]) }
        #expect(throws: (any Error).self) { try DemoRegistry.parse(["mode-collapse", "--method", "veegan"]) }
    }
}
