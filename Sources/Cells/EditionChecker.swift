/// `ganbook check`'s rules between a notebook's two editions (English in
/// the folder, Chinese in its `zh/` subfolder): the same notes, the same demo
/// cells with the same words in the same order, and the same card ids, each
/// of the same kind with the same answer (the same correct option, the same
/// number and tolerance, the same exercise), so that progress is shared.
/// Problems are reported at the line of the edition that has the thing the
/// other lacks, or of the Chinese edition when the two differ.
import Notebook

package struct EditionChecker {
    package var english: [Note]
    package var translation: [Note]

    package init(english: [Note], translation: [Note]) {
        self.english = english
        self.translation = translation
    }

    package func problems() -> [NotebookChecker.Problem] {
        typealias Problem = NotebookChecker.Problem
        var problems: [Problem] = []
        let translated = Dictionary(translation.map { ($0.fileName, $0) }, uniquingKeysWith: { a, _ in a })
        let originals = Dictionary(english.map { ($0.fileName, $0) }, uniquingKeysWith: { a, _ in a })
        for note in english where translated[note.fileName] == nil {
            problems.append(Problem(file: note.path, line: 1, message: "the other edition has no \(note.fileName)"))
        }
        for note in translation where originals[note.fileName] == nil {
            problems.append(Problem(file: note.path, line: 1, message: "the English edition has no \(note.fileName)"))
        }
        for other in translation {
            guard let note = originals[other.fileName] else { continue }
            // Demo cells: the same words, in the same order.
            for (k, (a, b)) in zip(note.demoCells, other.demoCells).enumerated() where a.source != b.source {
                problems.append(
                    Problem(
                        file: other.path, line: b.line,
                        message: "demo cell \(k + 1) is '\(b.source)', but in \(note.fileName):\(a.line) it is '\(a.source)'"))
            }
            if note.demoCells.count != other.demoCells.count {
                let (longer, count) = note.demoCells.count > other.demoCells.count ? (note, other.demoCells.count) : (other, note.demoCells.count)
                let cell = longer.demoCells[count]
                problems.append(
                    Problem(
                        file: longer.path, line: cell.line,
                        message: "demo cell \(count + 1) ('\(cell.source)') is missing from the other edition"))
            }
            // Cards: the same ids, kinds and answers.
            let theirs = Dictionary(other.cards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let ours = Dictionary(note.cards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for card in note.cards where theirs[card.id] == nil {
                problems.append(Problem(file: note.path, line: card.line, message: "card '\(card.id)' is missing from the other edition"))
            }
            for card in other.cards {
                guard let original = ours[card.id] else {
                    problems.append(Problem(file: other.path, line: card.line, message: "card '\(card.id)' is not in the English edition"))
                    continue
                }
                let a = Self.signature(original.answer), b = Self.signature(card.answer)
                if a != b {
                    problems.append(
                        Problem(
                            file: other.path, line: card.line,
                            message: "card '\(card.id)' is \(b), but in \(note.fileName):\(original.line) it is \(a)"))
                }
            }
        }
        return problems
    }

    /// What must agree between editions, in words: the kind and the answer,
    /// not the wording.
    static func signature(_ answer: QuizCard.Answer) -> String {
        switch answer {
        case .recall: return "a recall card"
        case .choice(let choices):
            let right = choices.indices.filter { choices[$0].isCorrect }.map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }
            return "a choice of \(choices.count) with \(right.joined(separator: ", ")) right"
        case .numeric(let value, let tolerance): return "a numeric card, \(value) ± \(tolerance)"
        case .exercise(let exercise):
            let variables = exercise.variables.map { "\($0.name) = \($0.spec)" }.joined(separator: "; ")
            return "an exercise (\(variables); \(exercise.source); \(exercise.tolerance))"
        }
    }
}
