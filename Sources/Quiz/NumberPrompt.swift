/// A numeric card or an exercise: a typed number or formula (`log 2`, `1/3`),
/// right within the card's tolerance. A wrong answer within 2% says so, and an
/// exercise's wrong answer shows its formula with this review's numbers.
import Foundation
import Notebook

extension CardPrompt {
    /// The value a card asks for, its tolerance, and the answer as shown.
    struct Target {
        var value: Double
        var tolerance: Double
        var shown: String
    }

    func number() throws -> Outcome {
        let target = try self.target()
        let typing = Prompt<Double>(
            typed: look.paint(words.label(.numberKeys), .hint), linePrompt: words(.numberLine),
            retry: words(.numberRetry, ["example": Self.exampleInput(avoiding: session.items)]),
            line: { line in try? Expression.parse(line.trimmingCharacters(in: .whitespaces)).evaluate() })
        return Outcome(input.ask(typing, open: open)) { verdict($0, target) }
    }

    /// Right within the tolerance (Good), or wrong (Again), said with the answer.
    func verdict(_ x: Double, _ target: Target) -> Outcome {
        let difference = abs(x - target.value)
        if difference <= target.tolerance {
            io.write(feedback(.feedbackRightNumber, [words(.feedbackValue, ["value": target.shown]), gradeNote(.good)], .right))
            explain()
            return .graded(.good, downgradable: false)
        }
        io.write(feedback(.feedbackWrongNumber, [words(.feedbackTheValue, ["value": target.shown]), gradeNote(.again)], .wrong))
        if difference <= 0.02 * abs(target.value) {
            let close = words(.feedbackClose, ["typed": QuizText.number(x), "tolerance": toleranceText(target.tolerance)])
            io.write(look.paint(close, .close) + "\n")
        }
        if let exercise, case .exercise(let e) = entry.card.answer, case .formula(let f) = e.source {
            let values = e.variables.map { "\($0.name) = \(Exercise.format(exercise.values[$0.name]!, $0.decimals))" }.joined(separator: ", ")
            io.write(look.paint("   " + words(.feedbackFormula, ["formula": "\(f)", "values": values]), .hint) + "\n")
        }
        explain()
        return .graded(.again, downgradable: false)
    }

    /// The card's value: given, computed from the exercise's numbers, or read from a demo's report.
    func target() throws -> Target {
        let card = entry.card
        if case .numeric(let value, let tolerance) = card.answer {
            return Target(value: value, tolerance: tolerance, shown: "\(QuizText.number(value)) ± \(QuizText.number(tolerance))")
        }
        guard case .exercise(let e) = card.answer, let exercise else { fatalError("unreachable: the card is numeric or an exercise") }
        let value: Double
        if let answer = exercise.answer {
            value = answer
        } else if case .demo(_, let figure) = e.source, let demoWords = exercise.demoWords {
            guard let demoFigure = session.demoFigure else {
                throw QuizSession.CardError(description: "card \(card.id): its answer comes from a demo, which this session cannot run")
            }
            value = try demoFigure(demoWords, figure)
        } else {
            throw QuizSession.CardError(description: "card \(card.id): its answer could not be computed")
        }
        return Target(value: value, tolerance: e.tolerance.of(value), shown: Self.showAnswer(value, e.tolerance))
    }

    /// An example of input for the "type a number" hint that is no card's answer.
    static func exampleInput(avoiding items: [QuizItem]) -> String {
        let answers = items.compactMap { item -> (Double, Double)? in
            if case .numeric(let v, let t) = item.card.answer { return (v, max(t, 0.02 * abs(v))) }
            return nil
        }
        for candidate in ["2.5", "3/8", "sqrt 3", "2*pi", "0.125", "7/9"] {
            let x = try! Expression.parse(candidate).evaluate()
            if !answers.contains(where: { abs(x - $0.0) <= $0.1 }) { return candidate }
        }
        return "4.2"
    }

    /// An exercise's answer to the decimals its tolerance calls for, and the tolerance.
    static func showAnswer(_ value: Double, _ tolerance: Exercise.Tolerance) -> String {
        switch tolerance {
        case .absolute(let t):
            let decimals = max(0, Int((-log10(t)).rounded(.up))) + 1
            return Exercise.format(value, min(decimals, 9)) + " ± " + QuizText.number(t)
        case .relative(let f):
            let decimals = max(0, Int((-log10(abs(value) * f)).rounded(.up)) + 1)
            return Exercise.format(value, min(decimals, 9)) + " ± " + QuizText.number(f * 100) + "%"
        }
    }

    /// The tolerance as the card states it: a percentage for a relative one.
    func toleranceText(_ tolerance: Double) -> String {
        if case .exercise(let e) = entry.card.answer, case .relative(let f) = e.tolerance { return QuizText.number(f * 100) + "%" }
        return QuizText.number(tolerance)
    }
}
