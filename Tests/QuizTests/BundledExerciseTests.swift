import Distributions
import Divergences
import Foundation
@testable import Notebook
import TestSupport
import Testing

/// Every exercise card in the bundled notes, checked against a computation
/// of its own: Divergences' sums and quadrature, a numeric maximisation, a
/// joint table, Gaussian densities. Each card is drawn 25 times.
@Suite struct BundledExerciseTests {
    static let english = try! Notebook(folder: PackagePaths.bundledNotes.path).loadAll()
    static let chinese = try! Notebook(folder: PackagePaths.bundledNotes.appendingPathComponent("zh").path).loadAll()

    static func exercises(_ notes: [Note]) -> [String: Exercise] {
        var out: [String: Exercise] = [:]
        for card in notes.flatMap(\.cards) { if case .exercise(let e) = card.answer { out[card.id] = e } }
        return out
    }

    /// The maximum over y ∈ (0, 1) of a·log y + b·log(1 − y), by golden-section search.
    static func pointwiseMaximum(_ a: Double, _ b: Double) -> (y: Double, value: Double) {
        func f(_ y: Double) -> Double { a * log(y) + b * log(1 - y) }
        var low = 1e-12, high = 1 - 1e-12
        let g = (5.0.squareRoot() - 1) / 2
        for _ in 0..<200 {
            let c = high - g * (high - low), d = low + g * (high - low)
            if f(c) > f(d) { high = d } else { low = c }
        }
        let y = (low + high) / 2
        return (y, f(y))
    }

    static func normal(_ x: Double, _ mu: Double, _ sigma: Double) -> Double {
        exp(-0.5 * pow((x - mu) / sigma, 2)) / (sigma * (2 * Double.pi).squareRoot())
    }

    /// Each card's answer, computed another way from the numbers the learner saw.
    static let independent: [String: @Sendable ([String: Double]) throws -> Double] = [
        "objective-dstar-exercise": { v in pointwiseMaximum(v["a"]!, v["b"]!).y },
        "objective-density-ratio-exercise": { v in
            // The ratio r with D* = r / (r + 1) = d, found by bisection on D*.
            var low = 0.0, high = 1e6
            for _ in 0..<200 { let r = (low + high) / 2; if r / (r + 1) < v["d"]! { low = r } else { high = r } }
            return (low + high) / 2
        },
        "objective-pointwise-value-exercise": { v in pointwiseMaximum(v["a"]!, v["b"]!).value },
        "jsd-kl-gaussians-exercise": { v in
            let p = Mixture([(1, .normal(mu: v["m"]!, sigma: v["s"]!))]), q = Mixture([(1, .normal(mu: 0, sigma: v["t"]!))])
            return Divergences.kl(p, q).value
        },
        "jsd-kl-coins-exercise": { v in try Divergences.kl([v["a"]!, 1 - v["a"]!], [v["b"]!, 1 - v["b"]!]).value },
        "jsd-two-coins-exercise": { v in try Divergences.jsd([v["a"]!, 1 - v["a"]!], [v["b"]!, 1 - v["b"]!]) },
        "losses-coverage-kl-exercise": { v in
            // G's class shares against ten equally frequent digits, by Divergences' KL of two distributions.
            let a = v["a"]!
            return try Divergences.kl([a] + Array(repeating: (1 - a) / 9, count: 9), Array(repeating: 0.1, count: 10)).value
        },
        "mode-collapse-stacked-kl-exercise": { v in
            // k equally frequent modes of G against 1,000 equally likely ones, by Divergences' KL.
            let k = Int(v["k"]!)
            let generated = Array(repeating: 1 / Double(k), count: k) + Array(repeating: 0, count: 1000 - k)
            return try Divergences.kl(generated, Array(repeating: 0.001, count: 1000)).value
        },
        "cross-entropy-bce-exercise": { v in
            func bce(_ y: Double, _ p: Double) -> Double { -(y * log(p) + (1 - y) * log(1 - p)) }
            return bce(1, v["d"]!) + bce(0, v["f"]!)
        },
        "gen-vs-disc-nb-posterior-exercise": { v in
            // The joint table P(y, x₁, x₂) under naive Bayes, then conditioning on x₁ = x₂ = 1.
            var joint: [Int: Double] = [:]
            for y in 0...1 {
                let prior = y == 1 ? v["p"]! : 1 - v["p"]!
                let p1 = y == 1 ? v["a"]! : v["b"]!, p2 = y == 1 ? v["c"]! : v["d"]!
                for x1 in 0...1 {
                    for x2 in 0...1 {
                        joint[y * 4 + x1 * 2 + x2] = prior * (x1 == 1 ? p1 : 1 - p1) * (x2 == 1 ? p2 : 1 - p2)
                    }
                }
            }
            return joint[7]! / (joint[7]! + joint[3]!)
        },
        "gen-vs-disc-gaussian-nb-exercise": { v in
            let one = normal(v["x"]!, v["m"]!, v["s"]!), zero = normal(v["x"]!, 0, v["s"]!)
            return one / (one + zero)
        },
        "open-questions-theorem24-exercise": { v in v["m"]! * v["eps"]! / (1 - v["eps"]!) },
    ]

    @Test func thereAreAtLeastTwelveExerciseCardsInFiveNotes() {
        let cards = Self.english.flatMap { note in note.cards.filter { if case .exercise = $0.answer { true } else { false } }.map { (note.id, $0) } }
        #expect(cards.count >= 12)
        #expect(Set(cards.map(\.0)).count >= 5)
    }

    @Test func everyFormulaCardMatchesAnIndependentComputation() throws {
        let exercises = Self.exercises(Self.english)
        for (id, e) in exercises {
            guard case .formula = e.source else { continue }
            // C(G) has no variables to compute it from another way: see the next test.
            if id == "objective-cg-exercise" { continue }
            let other = try #require(Self.independent[id], "no independent computation for \(id)")
            for seed in UInt64(1)...25 {
                let instance = try #require(e.instance(seed: seed))
                let expected = try other(instance.values)
                #expect(abs(instance.answer! - expected) <= 1e-7 * max(1, abs(expected)), "\(id) at \(instance.values): \(instance.answer!) vs \(expected)")
            }
        }
    }

    @Test func theCGCardMatchesCOfGComputedFromDStar() throws {
        let e = try #require(Self.exercises(Self.english)["objective-cg-exercise"])
        guard case .formula(let formula) = e.source else { Issue.record("not a formula"); return }
        for a in stride(from: 0.05, through: 0.95, by: 0.15) {
            let p = [a, 1 - a], q = [0.3, 0.7]
            let j = try Divergences.jsd(p, q)
            // C(G) = Σ p·log D* + q·log(1 − D*), summed directly.
            let direct = zip(p, q).reduce(0.0) { s, pq in s + pq.0 * log(pq.0 / (pq.0 + pq.1)) + pq.1 * log(pq.1 / (pq.0 + pq.1)) }
            #expect(abs(try formula.evaluate(["j": j]) - direct) < 1e-12)
        }
    }

    @Test func theChineseEditionHasTheSameExercises() {
        let english = Self.exercises(Self.english), chinese = Self.exercises(Self.chinese)
        #expect(Set(chinese.keys) == Set(english.keys))
        for (id, e) in english {
            guard let z = chinese[id] else { continue }
            #expect(z.variables == e.variables, "\(id)")
            #expect(z.source == e.source && z.tolerance == e.tolerance, "\(id)")
            #expect(z.question != e.question, "\(id): the Chinese question is the English one")
        }
    }
}
