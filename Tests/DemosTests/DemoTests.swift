import ArgumentParser
import Datasets
@testable import Demos
import Distributions
import Divergences
import Foundation
@testable import Models
import Report
import Testing

import Glibc

func mixture(_ spec: String) -> Mixture {
    guard case .continuous(let m) = try! DistributionSpec.parse(spec) else { fatalError(spec) }
    return m
}

@Suite struct OptimalDiscriminatorTests {
    /// Theorem 1 of Goodfellow et al. 2014, checked numerically on several pairs:
    /// V(D*, G) from its definition equals −log 4 + 2·JSD(p_data ‖ p_g).
    @Test(arguments: [
        ("N(0,1)", "N(0,1)"), ("N(0,1)", "N(2,1)"), ("N(0,1)", "N(0,3)"),
        ("0.5*N(-2,0.6) + 0.5*N(2,0.6)", "N(0,1.5)"), ("U(0,1)", "U(0.5,1.5)"),
        ("U(0,1)", "U(3,4)"), ("Laplace(0,1)", "N(1,0.5)"), ("0.3*U(-1,0) + 0.7*N(2,1)", "Laplace(1,2)"),
    ])
    func valueAtDStarIsMinusLog4PlusTwoJSD(data: String, gen: String) {
        let d = mixture(data), g = mixture(gen)
        let v = OptimalDiscriminator(data: d, generator: g).value()
        let theorem = -log(4.0) + 2 * Divergences.jsd(d, g)
        #expect(abs(v - theorem) < 1e-9, "\(data) vs \(gen): \(v) vs \(theorem)")
    }

    @Test func disjointSupportsGiveZeroValue() {
        // JSD = log 2, so V = −log 4 + 2 log 2 = 0: D* is 1 on the data and 0 on fakes.
        let v = OptimalDiscriminator(data: mixture("U(0,1)"), generator: mixture("U(3,4)")).value()
        #expect(abs(v) < 1e-12)
    }

    @Test func dStarIsHalfWhenTheDistributionsAreEqual() {
        let d = OptimalDiscriminator(data: mixture("N(0,1)"), generator: mixture("N(0,1)"))
        for x in stride(from: -5.0, through: 5.0, by: 0.5) { #expect(abs(d(x) - 0.5) < 1e-15) }
        #expect(abs(d.value() + log(4.0)) < 1e-12)
    }

    @Test func dStarIsTheDensityRatio() {
        let d = OptimalDiscriminator(data: mixture("N(0,1)"), generator: mixture("N(2,1)"))
        // p_data(x)/(p_data + p_g) = 1/(1 + e^{2x − 2}) for these two.
        for x in [-2.0, 0.0, 1.0, 2.5] { #expect(abs(d(x) - 1 / (1 + exp(2 * x - 2))) < 1e-14) }
    }

    /// The trained D stays within the issue's 0.05 of D* on the default run, for several seeds.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func trainedDiscriminatorIsCloseToDStar(seed: UInt64) throws {
        var demo = try OptimalDiscriminatorDemo.parse(["--seed", String(seed)])
        demo.seed = seed
        let (d, g) = (demo.data.value, demo.gen.value)
        let optimal = OptimalDiscriminator(data: d, generator: g)
        let region = optimal.centralRegion
        let trained = try TrainedDiscriminator(data: d, generator: g, region: region, samples: demo.samples, bumps: demo.bumps, seed: seed)
        let gap = stride(from: region.lowerBound, through: region.upperBound, by: 0.01).map { abs(trained($0) - optimal($0)) }.max()!
        #expect(gap < 0.05, "seed \(seed): gap \(gap)")
    }

    @Test func centralRegionHolds99PercentOfTheMass() {
        let d = mixture("N(0,1)"), g = mixture("N(4,1)")
        let region = OptimalDiscriminator(data: d, generator: g).centralRegion
        let mass = 0.5 * (d.cdf(region.upperBound) - d.cdf(region.lowerBound)) + 0.5 * (g.cdf(region.upperBound) - g.cdf(region.lowerBound))
        #expect(abs(mass - 0.99) < 1e-9)
    }
}

@Suite struct LogisticRegressionGradientTests {
    /// At the fitted optimum the objective's gradient vanishes; checked against
    /// central finite differences of the objective itself.
    @Test func fittedParametersAreAStationaryPoint() throws {
        var rng = SeededGenerator(seed: 3)
        var x: [Double] = [], labels: [Int] = []
        for _ in 0..<300 {
            let a = StandardNormal.sample(using: &rng), b = StandardNormal.sample(using: &rng)
            x += [a, b]
            labels.append(a + 0.5 * b + 0.3 * StandardNormal.sample(using: &rng) > 0 ? 1 : 0)
        }
        let model = try Models.LogisticRegression.fit(x: x, features: 2, labels: labels, c: 1)
        let theta = model.weights + [model.intercept]
        for j in 0..<3 {
            var plus = theta, minus = theta
            plus[j] += 1e-6
            minus[j] -= 1e-6
            let derivative =
                (Models.LogisticRegression.objective(plus, x: x, d: 2, labels: labels, c: 1)
                    - Models.LogisticRegression.objective(minus, x: x, d: 2, labels: labels, c: 1)) / 2e-6
            #expect(abs(derivative) < 1e-5, "∂/∂θ\(j) = \(derivative)")
        }
    }
}

@Suite struct DemoKitTests {
    @Test func everyDemoHasAUniqueNameASummaryAndDefaultsThatParse() throws {
        let names = DemoRegistry.all.map { $0.name }
        #expect(Set(names).count == names.count)
        for demo in DemoRegistry.all {
            #expect(!demo.name.isEmpty && !demo.summary.isEmpty && !demo.discussion.isEmpty)
            #expect(DemoRegistry.demo(named: demo.name) == nil ? false : true)
            _ = try DemoRegistry.parse([demo.name])
        }
    }

    @Test func wordsThatNameNoDemoOrBreakItsOptionsGiveOneLine() {
        let all = DemoRegistry.all.map { $0.name }.joined(separator: ", ")
        for (words, message) in [
            (["jds"], "no demo 'jds'; did you mean 'jsd'? The demos are \(all)."),
            (["zzzzzzzz"], "no demo 'zzzzzzzz'. The demos are \(all)."),
            ([], "no demo ''. The demos are \(all)."),
            (["jsd", "--p", "N(0,-1)"], "jsd: The value 'N(0,-1)' is invalid for '--p <spec>': sigma must be > 0, got -1 (column 5: N(0,^-1))"),
            (["optimal-d", "--samples", "ten"], "optimal-d: The value 'ten' is invalid for '--samples <n>'"),
        ] {
            #expect(throws: DemoRegistry.ParseError.self) { try DemoRegistry.parse(words) }
            do {
                _ = try DemoRegistry.parse(words)
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func sameOptionsGiveTheSameReport() throws {
        let a = try OptimalDiscriminatorDemo.parse(["--samples", "2000", "--seed", "5"]).report()
        let b = try OptimalDiscriminatorDemo.parse(["--samples", "2000", "--seed", "5"]).report()
        let c = try OptimalDiscriminatorDemo.parse(["--samples", "2000", "--seed", "6"]).report()
        #expect(a == b)
        #expect(a != c)
    }

    @Test(arguments: [
        (["--p", "N(0,-1)"], "The value 'N(0,-1)' is invalid for '--p <spec>': sigma must be > 0, got -1 (column 5: N(0,^-1))"),
        (["--p", "[0.5,0.5]", "--q", "N(0,1)"], "--p and --q must both be continuous or both discrete"),
        (["--p", "[0.5,0.5]", "--q", "[1]"], "--p has 2 categories and --q has 1; they must have as many"),
        (["--p", "[0.5,0.5]", "--sweep"], "--sweep shifts q along the x axis, so it needs continuous p and q"),
        (["--sweep", "--from", "2", "--to", "1"], "--from must be less than --to, and both finite"),
        (["--sweep", "--steps", "1"], "--steps must be between 2 and 1001, got 1"),
    ])
    func badJSDOptionsAreRejectedWithAMessage(arguments: [String], message: String) {
        do {
            _ = try JSDDemo.parse(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(JSDDemo.message(for: error) == message)
        }
    }

    @Test func badOptimalDOptionsAreRejected() {
        #expect(
            OptimalDiscriminatorDemo.message(for: catching { try OptimalDiscriminatorDemo.parse(["--gen", "[1]"]) })
                == "The value '[1]' is invalid for '--gen <spec>': a continuous distribution is needed: this demo compares densities")
        #expect(
            OptimalDiscriminatorDemo.message(for: catching { try OptimalDiscriminatorDemo.parse(["--bumps", "1"]) })
                == "--bumps must be between 3 and 60, got 1")
    }

    func catching(_ body: () throws -> Any) -> Error {
        do { _ = try body(); return CancellationError() } catch { return error }
    }
}

@Suite struct JSDDemoTests {
    @Test func theDefaultSweepShowsWGANExample1() throws {
        let report = try JSDDemo.parse(["--sweep"]).report()
        guard let plot = report.items.compactMap({ if case .plot(let p) = $0 { return p } else { return nil } }).first else {
            Issue.record("no plot"); return
        }
        let jsd = plot.series.first { $0.name == "JSD" }!, w1 = plot.series.first { $0.name == "W1" }!
        for (i, theta) in jsd.x.enumerated() {
            #expect(abs(jsd.y[i] - min(abs(theta), 1) * log(2.0)) < 1e-10, "θ = \(theta)")
            #expect(abs(w1.y[i] - abs(theta)) < 1e-9, "θ = \(theta)")
        }
        #expect(!plot.series.contains { $0.name.hasPrefix("KL") })  // infinite except at θ = 0: nothing to draw
    }

    @Test func infiniteKLIsReportedWithItsReasonNeverNaN() throws {
        let report = try JSDDemo.parse(["--p", "N(0,1)", "--q", "U(-1,1)"]).report()
        let figures = report.items.flatMap { if case .figures(let f) = $0 { return f } else { return [] } }
        let kl = figures.first { $0.name == "KL(p‖q)" }!
        guard case .infinite(let reason) = kl.value else { Issue.record("KL(p‖q) is \(kl.value)"); return }
        #expect(reason.contains("support of p is not inside that of q"))
        #expect(!ReportJSON.encode(report).contains("nan"))
    }

    @Test func jsonHasRecordsAndArrays() throws {
        let json = ReportJSON.encode(try JSDDemo.parse(["--p", "[0.5,0.5]", "--q", "[0.9,0.1]"]).report())
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let items = object["items"] as! [[String: Any]]
        let table = items.compactMap { $0["table"] as? [String: Any] }.first!
        let rows = table["rows"] as! [[String: Any]]
        #expect(rows.count == 2)
        #expect(rows[1]["q"] as? Double == 0.1)
        let figures = items.compactMap { $0["figures"] as? [[String: Any]] }.first!
        let jsd = figures.first { $0["name"] as? String == "JSD(p‖q)" }!["value"] as! Double
        #expect(abs(jsd - (try Divergences.jsd([0.5, 0.5], [0.9, 0.1]))) < 1e-15)
    }
}

@Suite struct GenVsDiscTests {
    @Test func aLearningCurveRunIsDeterministicBySeed() throws {
        let words = ["--repeats", "3", "--train", "200", "--outliers", "50"]
        let a = try GenVsDiscDemo.parse(words + ["--seed", "4"]).report()
        let b = try GenVsDiscDemo.parse(words + ["--seed", "4"]).report()
        let c = try GenVsDiscDemo.parse(words + ["--seed", "5"]).report()
        #expect(a == b)
        #expect(a != c)
    }

    @Test func sizesAreLogSpacedFromFourToTheWholeSet() {
        #expect(GenVsDiscDemo.sizes(upTo: 1000) == [4, 7, 11, 18, 30, 49, 81, 134, 222, 366, 605, 1000])
        let small = GenVsDiscDemo.sizes(upTo: 10)
        #expect(small.first == 4 && small.last == 10 && small == small.sorted() && Set(small).count == small.count)
    }

    @Test func bothClassesComeFirst() {
        #expect(GenVsDiscDemo.bothClassesFirst([0, 0, 0, 1, 0]) == [0, 3, 1, 2, 4])
        #expect(GenVsDiscDemo.bothClassesFirst([1, 0, 1]) == [0, 1, 2])
    }

    /// The default synthetic setting shows the issue's picture: naive Bayes ahead
    /// with few examples, logistic regression ahead with many; outliers flagged by
    /// p(x) and not by logistic regression's confidence.
    @Test func theDefaultRunShowsNgAndJordansPicture() throws {
        let demo = try GenVsDiscDemo.parse(["--repeats", "5"])
        let curve = demo.syntheticCurve(CorrelatedPairs(dims: demo.dims))
        let nb = curve.nbError.map(Statistics.mean), lr = curve.lrError.map(Statistics.mean)
        #expect(nb[2] < lr[2] && nb[4] < lr[4], "NB \(nb) LR \(lr)")
        #expect(nb.last! > lr.last! + 0.03)
        // Both approach their theoretical asymptotes.
        let g = CorrelatedPairs(dims: demo.dims)
        #expect(abs(nb.last! - g.naiveBayesAsymptoticError) < 0.03)
        #expect(abs(lr.last! - g.bayesError) < 0.03)
    }

    @Test(arguments: [
        (["--data", "x.csv"], "--data needs --label COLUMN"),
        (["--label", "y"], "--label names a column of --data FILE.csv"),
        (["--dims", "1"], "--dims must be between 2 and 100, got 1"),
    ])
    func csvOptionsGoTogether(arguments: [String], message: String) {
        do {
            _ = try GenVsDiscDemo.parse(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(GenVsDiscDemo.message(for: error).contains(message), "\(GenVsDiscDemo.message(for: error))")
        }
    }
}

/// Each spec option is parsed by ArgumentParser (`@Option(transform:)`), which
/// keeps the value and the text the user typed.
@Suite struct SpecOptionTests {
    @Test func parsingKeepsTheValueAndTheText() throws {
        let jsd = try #require(try DemoRegistry.parse(["jsd", "--p", "N(0,1)", "--q", "N(1, 2)"]) as? JSDDemo)
        #expect(jsd.p.value == (try DistributionSpec.parse("N(0,1)")))
        #expect(jsd.qSpec.value == (try DistributionSpec.parse("N(1,2)")))
        #expect(jsd.qSpec.text == "N(1, 2)")
        let optimal = try #require(try DemoRegistry.parse(["optimal-d", "--gen", "N(1,1)"]) as? OptimalDiscriminatorDemo)
        #expect(optimal.gen.value == (try density("N(1,1)")))
        let train = try #require(try DemoRegistry.parse(["train", "--target", "grid"]) as? TrainDemo)
        #expect(train.choice.goal == (try Demos.target("grid")))
        let dSteps = try #require(try DemoRegistry.parse(["d-steps", "--target-1d", "N(0,2)"]) as? DStepsDemo)
        #expect(dSteps.target1D.value == (try Demos.target("N(0,2)")))
        let collapse = try #require(try DemoRegistry.parse(["mode-collapse", "--target", "grid"]) as? ModeCollapseDemo)
        #expect(collapse.target.value == (try Demos.target("grid")))
    }

    /// Help gives each spec option's default, and it is the default the demo uses.
    @Test func helpNamesTheDefaultsInUse() throws {
        let jsd = try JSDDemo.parse([]), optimal = try OptimalDiscriminatorDemo.parse([]), dSteps = try DStepsDemo.parse([])
        let train = try TrainDemo.parse([]), collapse = try ModeCollapseDemo.parse([])
        let cases: [(help: String, defaults: [String])] = [
            (JSDDemo.helpMessage(), [jsd.p.text]), (OptimalDiscriminatorDemo.helpMessage(), [optimal.data.text, optimal.gen.text]),
            (DStepsDemo.helpMessage(), [dSteps.target.text, dSteps.target1D.text]), (TrainDemo.helpMessage(), [train.choice.target.text]),
            (ModeCollapseDemo.helpMessage(), [collapse.target.text]),
        ]
        for (help, defaults) in cases {
            let flat = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for text in defaults { #expect(flat.contains("(default: \(text))"), "\(text) in \(flat)") }
        }
    }

    @Test func aPlaneTargetMustBeRingOrGrid() {
        do {
            _ = try ModeCollapseDemo.parse(["--target", "rong"])
            Issue.record("rong was accepted")
        } catch {
            #expect(ModeCollapseDemo.message(for: error) == "The value 'rong' is invalid for '--target <target>': did you mean 'ring'? (ring or grid)")
        }
    }
}
