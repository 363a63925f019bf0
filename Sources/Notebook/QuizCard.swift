import Installation

/// Quiz cards: the `quiz` fenced blocks of a note, parsed into cards.
///
/// A block holds one or more cards, separated by blank lines; each starts with
/// `id:` (or with `Q:` when it has no id):
///
///     id: objective-dstar                     optional, stable across edits
///     Q: question text, may continue          required
///        on the next lines
///     A: answer text                          recall card
///     A: = 0.6931 ± 0.001                     numeric card (`+-` also works)
///     - [ ] wrong                             multiple choice: two or more
///     - [x] right                             options, exactly one marked
///
/// A card without `id:` gets one made from the note id and the question text.

public struct QuizCard: Sendable, Equatable {
    public enum Answer: Sendable, Equatable {
        case recall(String)
        case choice([Choice])
        case numeric(value: Double, tolerance: Double)
    }

    public struct Choice: Sendable, Equatable {
        public var text: String
        public var isCorrect: Bool
    }

    public var id: String
    public var hasExplicitID: Bool
    public var question: String
    public var answer: Answer
    /// The source line of the card's first line.
    public var line: Int
}

/// A problem found in a note, at a source line.
public struct NoteProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "\(line): \(message)" }
}

public enum QuizParser {
    /// Parses the literal of a `quiz` block whose first content line is `firstLine`.
    public static func parse(_ literal: String, firstLine: Int, noteID: String) -> (cards: [QuizCard], problems: [NoteProblem]) {
        var cards: [QuizCard] = []
        var problems: [NoteProblem] = []
        var draft = Draft()

        func finish() {
            guard !draft.isEmpty else { return }
            switch draft.card(noteID: noteID) {
            case .success(let card): cards.append(card)
            case .failure(let problem): problems.append(problem)
            }
            draft = Draft()
        }

        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = firstLine + index
            let line = raw.trimmingSpaces
            if line.isEmpty {
                finish()
                continue
            }
            if let rest = line.removingPrefix("id:") {
                finish()
                draft.start = number
                draft.id = String(rest.trimmingSpaces)
                if !Self.isValidID(draft.id!) {
                    problems.append(NoteProblem(line: number, message: "card id '\(draft.id!)' may only use a-z, 0-9, '-', '_' and '.'"))
                }
            } else if let rest = line.removingPrefix("Q:") {
                if draft.question != nil { finish() }
                if draft.start == nil { draft.start = number }
                draft.question = String(rest.trimmingSpaces)
                draft.field = .question
            } else if let rest = line.removingPrefix("A:") {
                if draft.start == nil { draft.start = number }
                if draft.answer != nil { problems.append(NoteProblem(line: number, message: "a card has one A: line")) }
                draft.answer = String(rest.trimmingSpaces)
                draft.answerLine = number
                draft.field = .answer
            } else if let (isCorrect, text) = Self.choice(line) {
                if draft.start == nil { draft.start = number }
                draft.choices.append(QuizCard.Choice(text: text, isCorrect: isCorrect))
                draft.field = .choice
            } else {
                switch draft.field {
                case .question: draft.question! += " " + line
                case .answer: draft.answer! += " " + line
                case .choice: draft.choices[draft.choices.count - 1].text += " " + line
                case nil:
                    problems.append(NoteProblem(line: number, message: "expected 'id:', 'Q:', 'A:' or '- [ ]', found '\(line.prefix(30))'"))
                }
            }
        }
        finish()
        return (cards, problems)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    /// `- [ ] text` or `- [x] text`.
    static func choice(_ line: Substring) -> (Bool, String)? {
        for (marker, correct) in [("- [ ]", false), ("- [x]", true), ("- [X]", true)] {
            if let rest = line.removingPrefix(marker) { return (correct, String(rest.trimmingSpaces)) }
        }
        return nil
    }

    /// `= value ± tolerance` (or `+-`), or nil when the answer is not numeric.
    enum Numeric { case value(Double, tolerance: Double), invalid(String) }

    static func numeric(_ answer: String) -> Numeric? {
        guard let rest = Substring(answer).removingPrefix("=") else { return nil }
        let parts = rest.replacingPlusMinus.split(separator: "±", maxSplits: 1)
        guard let valueText = parts.first?.trimmingSpaces, let value = Double(valueText), value.isFinite else {
            return .invalid("numeric answer '\(answer)' needs a number after '='")
        }
        guard parts.count == 2 else { return .value(value, tolerance: 0) }
        guard let tolerance = Double(parts[1].trimmingSpaces), tolerance.isFinite, tolerance >= 0 else {
            return .invalid("tolerance in '\(answer)' must be a number ≥ 0")
        }
        return .value(value, tolerance: tolerance)
    }

    /// A card being read.
    private struct Draft {
        enum Field { case question, answer, choice }
        var start: Int?
        var id: String?
        var question: String?
        var answer: String?
        var answerLine: Int?
        var choices: [QuizCard.Choice] = []
        var field: Field?

        var isEmpty: Bool { start == nil }

        func card(noteID: String) -> Result<QuizCard, NoteProblem> {
            let line = start ?? 0
            func problem(_ message: String) -> Result<QuizCard, NoteProblem> { .failure(NoteProblem(line: line, message: message)) }
            guard let question, !question.isEmpty else { return problem("card has no 'Q:' question") }
            let answer: QuizCard.Answer
            switch (self.answer, choices.isEmpty) {
            case (nil, true):
                return problem("card has no answer: add 'A:' or '- [ ]' / '- [x]' choices")
            case (_?, false):
                return problem("card has both 'A:' and choices; use one")
            case (nil, false):
                guard choices.count >= 2 else { return problem("a multiple-choice card needs at least two choices") }
                let correct = choices.filter(\.isCorrect).count
                guard correct == 1 else { return problem("a multiple-choice card needs exactly one '- [x]', found \(correct)") }
                answer = .choice(choices)
            case (let text?, true):
                switch QuizParser.numeric(text) {
                case .value(let value, let tolerance)?: answer = .numeric(value: value, tolerance: tolerance)
                case .invalid(let message)?: return .failure(NoteProblem(line: answerLine ?? line, message: message))
                case nil:
                    guard !text.isEmpty else { return problem("card has an empty 'A:'") }
                    answer = .recall(text)
                }
            }
            let id = self.id ?? noteID + "-" + String(StableHash.hex(question.lowercased().split(separator: " ").joined(separator: " ")).prefix(10))
            return .success(QuizCard(id: id, hasExplicitID: self.id != nil, question: question, answer: answer, line: line))
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }

    func removingPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }

    /// `+-` written as `±` (by hand: `replacing(_:with:)` pulls in generic
    /// string-processing machinery that costs start-up time on the read path).
    var replacingPlusMinus: String {
        var out = ""
        var previous: Character?
        for c in self {
            if previous == "+" && c == "-" { out.removeLast(); out.append("±") } else { out.append(c) }
            previous = c
        }
        return out
    }
}

extension String {
    var trimmingSpaces: Substring { Substring(self).trimmingSpaces }
}
