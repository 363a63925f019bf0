/// A multiple-choice card: the options in this review's order, labelled a–e
/// on keys and 1–5 on lines; the choice is graded at once (Good or Again), and
/// a right one may be marked as a guess afterwards.
import Foundation
import Notebook

extension CardPrompt {
    static let letters = Array("abcdefghij")

    func choose(_ choices: [QuizCard.Choice]) -> Outcome {
        let order = session.optionOrder(entry, count: choices.count), count = choices.count
        for (n, i) in order.enumerated() {
            io.write(look.block("  \(label(n))) ", choices[i].text, .typed, prefixRole: .hint))
        }
        let last = String(Self.letters[min(count, Self.letters.count) - 1])
        let picking = Prompt<Int>(
            keysHint: look.paint(words(.choiceKeys, count: count, ["last": last]), .hint),
            linePrompt: words(.choiceLine, count: count), retry: words(.choiceRetry, count: count),
            key: { press in
                guard case .character(let c) = press else { return nil }
                if let n = c.wholeNumberValue, (1...count).contains(n) { return .answer(n - 1) }
                return Self.letters.prefix(count).firstIndex(of: Character(c.lowercased())).map { .answer($0) }
            },
            line: { line in Int(line.trimmingCharacters(in: .whitespaces)).flatMap { (1...count).contains($0) ? $0 - 1 : nil } })
        let right = order.firstIndex { choices[$0].isCorrect }!
        return Outcome(input.ask(picking, open: open)) { picked in
            if picked == right {
                io.write(feedback(.feedbackRight, [gradeNote(.good)], .right))
                explain()
                return .graded(.good, downgradable: true)
            }
            let option = words(.feedbackOption, ["option": "\(label(right))) \(choices[order[right]].text)"])
            io.write(feedback(.feedbackWrong, [option, gradeNote(.again)], .wrong))
            explain()
            return .graded(.again, downgradable: false)
        }
    }

    /// The `n`th option's label: a letter for keys, a number for lines.
    func label(_ n: Int) -> String {
        input.readsKeys && n < Self.letters.count ? String(Self.letters[n]) : String(n + 1)
    }
}
