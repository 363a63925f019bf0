import Distributions
import Foundation
@testable import Notebook
@testable import Quiz
import Testing

@Suite struct ExpressionTests {
    func value(_ text: String, _ vars: [String: Double] = [:]) throws -> Double {
        try Expression.parse(text).evaluate(vars)
    }

    static let cases: [(String, Double)] = [
        ("log 2", log(2.0)), ("ln(2)", log(2.0)), ("1/3", 1.0 / 3), ("2*pi", 2 * Double.pi), ("2 × π", 2 * Double.pi),
        ("-2^2", -4), ("2^3^2", 512), ("log 2^3", log(8.0)), ("log 2 * 3", 3 * log(2.0)), ("sqrt 2/2", 2.0.squareRoot() / 2),
        ("min(3, 1, 2)", 1), ("max(1, e)", M_E), ("2e-3", 0.002), ("−1 · 3 ÷ 4", -0.75), ("abs(-2) + exp 0", 3),
        ("(1 + 2) * 3", 9), (".5", 0.5), ("2^-1", 0.5),
    ]

    @Test(arguments: cases)
    func expressionsEvaluateAsWritten(text: String, expected: Double) throws {
        #expect(abs(try value(text) - expected) <= 1e-15 * max(1, abs(expected)), "\(text)")
    }

    @Test(arguments: [
        ("1 +", 4, "the formula ends where a number was expected"),
        ("(1", 3, "missing ')'"),
        ("2x", 2, "write '*' between '2' and 'x'"),
        ("min 2", 1, "min needs its arguments in parentheses: min(x, y)"),
        ("log(1, 2)", 1, "log takes one argument, got 2"),
        ("1 ) 2", 3, "unexpected ')'"),
        ("", 1, "expected a number or a formula"),
    ])
    func syntaxErrorsNameTheColumn(text: String, column: Int, message: String) {
        #expect(throws: Expression.SyntaxError(column: column, message: message)) { try Expression.parse(text) }
    }

    @Test func templatesSplitIntoTextAndHolesWithDoubledBracesAsBraces() throws {
        let t = try Template.parse("若 p = {a:.3}，{{集合}} 有 {b} 个")
        #expect(t.pieces == [.text("若 p = "), .value(.variable("a"), decimals: 3), .text("，{集合} 有 "), .value(.variable("b"), decimals: 2), .text(" 个")])
        #expect(try Template.parse("no holes here").pieces == [.text("no holes here")])
        #expect(try Template.parse("").pieces == [])
        #expect(try Template.parse("}}{{").pieces == [.text("}{")])
    }

    @Test(arguments: [
        ("概率 {a", 4, "a '{' without its '}'"),
        ("概率 a}", 5, "a '}' without its '{' (write '}}' for a brace)"),
        ("值 {a +}", 3 + 4, "'{a +}': the formula ends where a number was expected"),
    ])
    func templateErrorsCountColumnsInCharacters(text: String, column: Int, message: String) {
        #expect(throws: Expression.SyntaxError(column: column, message: message)) { try Template.parse(text) }
    }

    @Test func divisionByZeroAndLogsOfNegativesAreErrorsNotNumbers() throws {
        #expect(throws: Expression.EvaluationError.divisionByZero) { try value("1 / (a - b)", ["a": 0.5, "b": 0.5]) }
        #expect(throws: Expression.EvaluationError.notFinite("log of -1")) { try value("log(a - 2)", ["a": 1]) }
        #expect(throws: Expression.EvaluationError.notFinite("log of 0")) { try value("log 0") }
        #expect(throws: Expression.EvaluationError.unknownVariable("c")) { try value("c + 1") }
        #expect(try Expression.parse("a / (a + b)").variables == ["a", "b"])
    }

    @Test func numbersAreShownRoundedHalfAwayFromZero() {
        #expect(Exercise.format(0.125, 2) == "0.13")
        #expect(Exercise.format(-0.001, 2) == "0.00")
        #expect(Exercise.format(3, 0) == "3")
        #expect(Exercise.format(-1.5, 0) == "-2")
        #expect(Exercise.format(0.05, 3) == "0.050")
        #expect(Exercise.round(0.3749, 2) == 0.37)
    }
}

@Suite struct ExerciseCardTests {
    func parse(_ text: String) -> (cards: [QuizCard], problems: [NoteProblem]) {
        QuizParser.parse(text, firstLine: 10, noteID: "objective")
    }

    static let dstar = """
        id: objective-dstar-exercise
        vars: a = U(0.05, 0.95); b = U(0.05, 0.95)
        Q: At some x, p_data(x) = {a} and p_g(x) = {b}. What is D*(x)?
        A: = a / (a + b) ± 0.01
        Why: D* = p_data / (p_data + p_g) = {a} / ({a} + {b}).
        """

    @Test func anExerciseDrawsRoundedNumbersAndComputesItsAnswerFromThem() throws {
        let (cards, problems) = parse(Self.dstar)
        #expect(problems.isEmpty, "\(problems)")
        guard case .exercise(let e) = try #require(cards.first).answer else { Issue.record("not an exercise"); return }
        #expect(e.variables.map(\.decimals) == [2, 2])
        var questions = Set<String>()
        for seed in UInt64(0)..<50 {
            let i = try #require(e.instance(seed: seed))
            questions.insert(i.question)
            // Read the numbers back from the text the learner sees, and compute D* from them independently.
            let shown = i.question.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
            #expect(shown.count == 2)
            #expect(abs(i.answer! - shown[0] / (shown[0] + shown[1])) < 1e-15)
            #expect(shown.allSatisfy { (0.05...0.95).contains($0) })
            #expect(
                i.why == "D* = p_data / (p_data + p_g) = \(Exercise.format(shown[0], 2)) / (\(Exercise.format(shown[0], 2)) + \(Exercise.format(shown[1], 2)))."
            )
        }
        #expect(questions.count > 40)
        #expect(e.instance(seed: 7) == e.instance(seed: 7))
    }

    @Test(arguments: [
        ("vars: a = U(0, 1); b = U(0, 1)\nQ: {a} and {b}\nA: = 1 / (a - b) ± 0.01", 12, "formula '1 / (a - b)' divides by zero at a = "),
        ("vars: a = U(0, 1)\nQ: {a}\nA: = a / (a + b ± 0.01", 12, "formula 'a / (a + b': missing ')' (column 11)"),
        ("vars: a = U(0, 1)\nQ: {a}\nA: = a + c ± 0.01", 12, "formula 'a + c' uses the unknown variable 'c' (vars: declares a)"),
        ("vars: a = U(0, 1)\nQ: {a}\nA: = log(a - 1) ± 0.01", 12, "formula 'log(a - 1)' is not a finite number (log of"),
        ("vars: a = U(0, 1)\nQ: {a}\nA: = a", 12, "an exercise answer needs a tolerance: 'A: = a ± 0.01' (or ± 2%)"),
        ("vars: a = U(1, 0)\nQ: {a}\nA: = a ± 0.1", 10, "vars: a = U(1, 0): "),
        ("vars: pi = U(0, 1)\nQ: {pi}\nA: = pi ± 0.1", 10, "vars: 'pi' is the name of a constant or function; choose another"),
        ("vars: a = U(0, 1); b = U(0, 1)\nQ: only {a}\nA: = a + b ± 0.1", 11, "Q: never shows the variable 'b'; write {b} (2 decimals) or {b:.3}"),
        ("vars: a = U(0, 1)\nQ: {a:x}\nA: = a ± 0.1", 11, "Q: '{a:x}': the format after ':' is .N, N from 0 to 9 decimals (column 1)"),
        ("vars: a = U(0, 1)\nQ: {a}\nA: just words", 12, "an exercise answer is a formula: 'A: = a / (a + b) ± 0.01'"),
    ])
    func badExercisesAreProblemsAtTheirLine(text: String, line: Int, message: String) {
        let problems = parse(text).problems
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.line == line, "\(problems)")
        #expect(problems.first?.message.hasPrefix(message) == true, "\(problems.first?.message ?? "")")
    }

    @Test func aRelativeToleranceAndAShownPrecisionAreHonoured() throws {
        let card = try #require(parse("vars: m = N(0, 1)\nQ: KL(N({m:.1}, 1) ‖ N(0, 1))?\nA: = m^2 / 2 ± 2%").cards.first)
        guard case .exercise(let e) = card.answer else { Issue.record("not an exercise"); return }
        #expect(e.tolerance == .relative(0.02))
        let i = try #require(e.instance(seed: 3))
        let m = try #require(i.values["m"])
        #expect(Exercise.format(m, 1) == String(i.question.dropFirst(5).prefix { $0 != "," }))
        #expect(i.answer == m * m / 2)
    }

    @Test func constantAnswersMayBeFormulasToo() {
        #expect(parse("Q: x\nA: = log 2 ± 0.001").cards.first?.answer == .numeric(value: log(2.0), tolerance: 0.001))
    }

    @Test func whyLinesAreKept() {
        #expect(parse("Q: x\nA: y\nWhy: because\n  it is").cards.first?.why == "because it is")
    }
}

@Suite struct IntervalTests {
    @Test func intervalArithmeticPassesSafeFormulasAndLeavesTheRestToSampling() throws {
        let r: [String: ClosedRange<Double>] = ["a": 0.05...0.95, "b": 0.05...0.95]
        #expect(try Expression.parse("a / (a + b)").range(over: r) != nil)
        #expect(try Expression.parse("log(a / b) + sqrt(1 - a) + (a - b)^2").range(over: r) != nil)
        #expect(try Expression.parse("1 / (a - b)").range(over: r) == nil)
        #expect(try Expression.parse("log(a - b)").range(over: r) == nil)
        let x = try #require(try Expression.parse("-(a - 1)^2").range(over: r))
        #expect(abs(x.lowerBound + 0.9025) < 1e-12 && abs(x.upperBound + 0.0025) < 1e-12)
        // Sampling still catches what the intervals could not prove safe, and passes the safe ones.
        let safe = QuizParser.parse("vars: a = U(-1, 1)\nQ: {a}\nA: = 1 / (a^2 + 0.1) ± 0.1", firstLine: 1, noteID: "n")
        #expect(safe.problems.isEmpty)
    }
}
