import Distributions
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
///     Why: why the answer is right            optional, shown after the answer
///     See: #the-optimal-discriminator         optional: the section that explains it
///                                             (default: the heading the card sits under)
///     vars: a = U(0.05, 0.95); b = N(0, 1)    an exercise card (see `Exercise`):
///     A: = a / (a + b) ± 0.01                 fresh numbers at each review
///
/// A card without `id:` gets one made from the note id and the question text
/// (for an exercise card, its template text, so new numbers never change it).

package struct QuizCard: Sendable, Equatable {
    package enum Answer: Sendable, Equatable {
        case recall(String)
        case choice([Choice])
        case numeric(value: Double, tolerance: Double)
        /// Numbers drawn at each review; the answer computed from them.
        case exercise(Exercise)
    }

    package struct Choice: Sendable, Equatable {
        package var text: String
        package var isCorrect: Bool
    }

    package var id: String
    package var hasExplicitID: Bool
    package var question: String
    package var answer: Answer
    /// The source line of the card's first line.
    package var line: Int
    /// Why the answer is right: shown after the answer, and after every wrong one.
    package var why: String? = nil
    /// `See: #anchor`: the heading that explains the answer, when it is not the one the card sits under.
    package var see: String? = nil
}

/// A problem found in a note, at a source line.
package struct NoteProblem: Error, Sendable, Equatable, CustomStringConvertible {
    package var line: Int
    package var message: String
    package var description: String { "\(line): \(message)" }
}

package enum QuizParser {
    /// Parses the literal of a `quiz` block whose first content line is `firstLine`.
    package static func parse(_ literal: String, firstLine: Int, noteID: String) -> (cards: [QuizCard], problems: [NoteProblem]) {
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

        // Lines are found and trimmed by bytes: every note's cards are parsed at each start.
        let lines = literal.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingSpaces
            // A blank line, an id: or a second Q: ends the card before it.
            if line.isEmpty || line.hasPrefix("id:") || (line.hasPrefix("Q:") && draft.question != nil) { finish() }
            if line.isEmpty { continue }
            problems += Self.read(line, number: firstLine + index, into: &draft)
        }
        finish()
        return (cards, problems)
    }

    /// Reads one non-blank line of a card into `draft`: a field (id:, Q:, A:,
    /// Why:, See:, vars:), a choice, or the continuation of the field before.
    private static func read(_ line: Substring, number: Int, into draft: inout Draft) -> [NoteProblem] {
        var problems: [NoteProblem] = []
        if let rest = line.removingPrefix("id:") {
            draft.start = number
            draft.id = String(rest.trimmingSpaces)
            if !Self.isValidID(draft.id!) {
                problems.append(NoteProblem(line: number, message: "card id '\(draft.id!)' may only use a-z, 0-9, '-', '_' and '.'"))
            }
        } else if let rest = line.removingPrefix("Q:") {
            if draft.start == nil { draft.start = number }
            draft.question = String(rest.trimmingSpaces)
            draft.questionLine = number
            draft.field = .question
        } else if let rest = line.removingPrefix("A:") {
            problems += once(\.answer, \.answerLine, .answer, "A:", rest, number, &draft)
        } else if let rest = line.removingPrefix("Why:") {
            problems += once(\.why, \.whyLine, .why, "Why:", rest, number, &draft)
        } else if let rest = line.removingPrefix("See:") {
            if draft.start == nil { draft.start = number }
            let anchor = rest.trimmingSpaces
            if let slug = anchor.removingPrefix("#"), !slug.isEmpty, !slug.contains(" ") {
                draft.see = String(slug)
            } else {
                problems.append(NoteProblem(line: number, message: "See: names a heading of this note by its anchor, as in 'See: #the-value-function'"))
            }
            draft.field = nil
        } else if let rest = line.removingPrefix("vars:") {
            problems += once(\.vars, \.varsLine, .vars, "vars:", rest, number, &draft)
        } else if let (isCorrect, text) = Self.choice(line) {
            if draft.start == nil { draft.start = number }
            draft.choices.append(QuizCard.Choice(text: text, isCorrect: isCorrect))
            draft.field = .choice
        } else {
            switch draft.field {
            case .question: Self.continue(&draft.question!, with: line)
            case .answer: Self.continue(&draft.answer!, with: line)
            case .choice: Self.continue(&draft.choices[draft.choices.count - 1].text, with: line)
            case .why: Self.continue(&draft.why!, with: line)
            case .vars: Self.continue(&draft.vars!, with: line)
            case nil:
                problems.append(NoteProblem(line: number, message: "expected 'id:', 'Q:', 'A:' or '- [ ]', found '\(line.prefix(30))'"))
            }
        }
        return problems
    }

    /// An exercise's answer, `= FORMULA ± TOLERANCE` or `= demo WORDS → FIGURE
    /// ± TOLERANCE`, or what is wrong with it. `unknown(names)` is the first
    /// variable of `names` that `vars:` does not declare; `known` says what it does.
    static func exerciseAnswer(
        _ text: String, unknown: ([String]) -> String?, known: String
    ) -> Result<(Exercise.Source, Exercise.Tolerance), AnswerProblem> {
        guard let rest = Substring(text).removingPrefix("=") else {
            return .failure("an exercise answer is a formula: 'A: = a / (a + b) ± 0.01'")
        }
        let folded = rest.replacingPlusMinus
        guard let pm = folded.lastIndex(of: "±") else {
            return .failure("an exercise answer needs a tolerance: 'A: = \(rest.trimmingSpaces) ± 0.01' (or ± 2%)")
        }
        let body = String(folded[..<pm].trimmingSpaces)
        var toleranceText = folded[folded.index(after: pm)...].trimmingSpaces
        var relative = false
        if toleranceText.hasSuffix("%") { relative = true; toleranceText = toleranceText.dropLast().trimmingSpaces }
        guard let t = Double(toleranceText), t.isFinite, t > 0 else {
            return .failure("the tolerance after '±' must be a number > 0 (or a percentage such as 2%), got '\(toleranceText)'")
        }
        let tolerance: Exercise.Tolerance = relative ? .relative(t / 100) : .absolute(t)
        guard let command = Substring(body).removingPrefix("demo ") else {
            let formula: Expression
            do { formula = try Expression.parse(body) } catch { return .failure("formula '\(body)': \(error)") }
            if let name = unknown(formula.variables) { return .failure("formula '\(body)' uses the unknown variable '\(name)' (\(known))") }
            return .success((.formula(formula), tolerance))
        }
        guard let arrow = QuizParser.arrow(in: command) else {
            return .failure("a demo answer names a figure: '= demo jsd --p … → JS divergence ± 0.001'")
        }
        let figure = String(command[arrow.upperBound...].trimmingSpaces)
        if figure.isEmpty { return .failure("a demo answer names a figure after '→'") }
        let words: [String]
        do { words = try CommandWords.split(String(command[..<arrow.lowerBound])) } catch { return .failure("demo answer: \(error)") }
        var templates: [Template] = []
        for word in words {
            do { templates.append(try Template.parse(word)) } catch { return .failure("demo answer '\(word)': \(error)") }
            if let name = unknown(templates.last!.variables) { return .failure("demo answer uses the unknown variable '\(name)' (\(known))") }
        }
        if templates.isEmpty { return .failure("a demo answer names a demo: '= demo jsd …'") }
        return .success((.demo(words: templates, figure: figure), tolerance))
    }

    /// What is wrong with an exercise's answer, as one message.
    struct AnswerProblem: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
        var message: String
        init(stringLiteral value: String) { message = value }
        init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
    }

    /// A field a card has once (A:, Why:, vars:): its text and line, and a
    /// problem when the card already has it.
    private static func once(
        _ text: WritableKeyPath<Draft, String?>, _ at: WritableKeyPath<Draft, Int?>, _ field: Draft.Field, _ name: String,
        _ rest: Substring, _ number: Int, _ draft: inout Draft
    ) -> [NoteProblem] {
        if draft.start == nil { draft.start = number }
        let repeated = draft[keyPath: text] != nil
        draft[keyPath: text] = String(rest.trimmingSpaces)
        draft[keyPath: at] = number
        draft.field = field
        return repeated ? [NoteProblem(line: number, message: "a card has one \(name) line")] : []
    }

    /// A field continued on the next line, joined with a space. (Not
    /// `field += " " + line`: that `+` of a String and a Substring is the
    /// generic one, which looks up its types at run time on every call.)
    private static func `continue`(_ field: inout String, with line: Substring) {
        field.append(" ")
        field.append(contentsOf: line)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
    }

    /// `- [ ] text` or `- [x] text`.
    static func choice(_ line: Substring) -> (Bool, String)? {
        if let rest = line.removingPrefix("- [ ]") { return (false, String(rest.trimmingSpaces)) }
        if let rest = line.removingPrefix("- [x]") ?? line.removingPrefix("- [X]") { return (true, String(rest.trimmingSpaces)) }
        return nil
    }

    /// `= value ± tolerance` (or `+-`), or nil when the answer is not numeric.
    enum Numeric { case value(Double, tolerance: Double), invalid(String) }

    static func numeric(_ answer: String) -> Numeric? {
        guard let rest = Substring(answer).removingPrefix("=") else { return nil }
        let parts = rest.replacingPlusMinus.split(separator: "±", maxSplits: 1)
        guard let valueText = parts.first?.trimmingSpaces, let value = Self.constant(String(valueText)), value.isFinite else {
            return .invalid("numeric answer '\(answer)' needs a number after '='")
        }
        guard parts.count == 2 else { return .value(value, tolerance: 0) }
        guard let tolerance = Double(parts[1].trimmingSpaces), tolerance.isFinite, tolerance >= 0 else {
            return .invalid("tolerance in '\(answer)' must be a number ≥ 0")
        }
        return .value(value, tolerance: tolerance)
    }

    /// Where `→` (or `->`) is, without Foundation.
    static func arrow(in text: Substring) -> Range<Substring.Index>? {
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "→" { return i..<text.index(after: i) }
            let next = text.index(after: i)
            if text[i] == "-", next < text.endIndex, text[next] == ">" { return i..<text.index(after: next) }
            i = next
        }
        return nil
    }

    /// A number, or a formula without variables (`log 2`, `1/3`).
    static func constant(_ text: String) -> Double? {
        if let x = Double(text) { return x }
        guard let e = try? Expression.parse(text), e.variables.allSatisfy({ Expression.constants[$0] != nil }) else { return nil }
        return try? e.evaluate()
    }

    /// `vars: a = U(0, 1); b = N(0, 1)`: names and distributions, or a message.
    static func variables(_ text: String) -> Result<[(name: String, spec: String, distribution: Distribution)], NoteProblem> {
        var out: [(name: String, spec: String, distribution: Distribution)] = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let declaration = part.trimmingSpaces
            if declaration.isEmpty { continue }
            let sides = declaration.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard sides.count == 2 else {
                return .failure(NoteProblem(line: 0, message: "vars: '\(declaration)' should read 'name = distribution', as in 'a = U(0, 1)'"))
            }
            let name = String(sides[0].trimmingSpaces), spec = String(sides[1].trimmingSpaces)
            guard let first = name.first, first.isLetter || first == "_", name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                return .failure(NoteProblem(line: 0, message: "vars: '\(name)' is not a variable name (letters, digits and '_', starting with a letter)"))
            }
            if Expression.constants[name] != nil || Expression.functions.contains(name) {
                return .failure(NoteProblem(line: 0, message: "vars: '\(name)' is the name of a constant or function; choose another"))
            }
            if out.contains(where: { $0.name == name }) { return .failure(NoteProblem(line: 0, message: "vars: '\(name)' is declared twice")) }
            do {
                out.append((name, spec, try DistributionSpec.parse(spec)))
            } catch {
                return .failure(NoteProblem(line: 0, message: "vars: \(name) = \(spec): \(error)"))
            }
        }
        if out.isEmpty { return .failure(NoteProblem(line: 0, message: "vars: declares no variable; write 'vars: a = U(0, 1)'")) }
        return .success(out)
    }

    /// A card being read.
    private struct Draft {
        enum Field { case question, answer, choice, why, vars }
        var start: Int?
        var id: String?
        var question: String?
        var questionLine: Int?
        var answer: String?
        var answerLine: Int?
        var why: String?
        var whyLine: Int?
        var vars: String?
        var varsLine: Int?
        var see: String?
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
            case (let text?, true) where vars != nil:
                switch exercise(text) {
                case .success(let e): answer = .exercise(e)
                case .failure(let problem): return .failure(problem)
                }
            case (let text?, true):
                switch QuizParser.numeric(text) {
                case .value(let value, let tolerance)?: answer = .numeric(value: value, tolerance: tolerance)
                case .invalid(let message)?: return .failure(NoteProblem(line: answerLine ?? line, message: message))
                case nil:
                    guard !text.isEmpty else { return problem("card has an empty 'A:'") }
                    answer = .recall(text)
                }
            }
            if vars != nil, case .exercise = answer {
            } else if vars != nil {
                return .failure(NoteProblem(line: varsLine ?? line, message: "vars: belongs to a card whose answer is a formula, 'A: = …'"))
            }
            if let why, why.isEmpty { return .failure(NoteProblem(line: whyLine ?? line, message: "card has an empty 'Why:'")) }
            let id = self.id ?? noteID + "-" + String(StableHash.hex(question.lowercased().split(separator: " ").joined(separator: " ")).prefix(10))
            if case .exercise(let e) = answer, let message = e.validate(seed: StableHash.value(id)) {
                return .failure(NoteProblem(line: answerLine ?? line, message: message))
            }
            return .success(QuizCard(id: id, hasExplicitID: self.id != nil, question: question, answer: answer, line: line, why: why, see: see))
        }

        /// The exercise of a card with `vars:`, or the problem, at its line.
        func exercise(_ text: String) -> Result<Exercise, NoteProblem> {
            let line = start ?? 0
            func problem(_ at: Int?, _ message: String) -> Result<Exercise, NoteProblem> {
                .failure(NoteProblem(line: at ?? line, message: message))
            }
            let declared: [(name: String, spec: String, distribution: Distribution)]
            switch QuizParser.variables(vars ?? "") {
            case .success(let v): declared = v
            case .failure(let p): return problem(varsLine, p.message)
            }
            let names = declared.map(\.name)
            func unknown(_ used: [String]) -> String? {
                used.first { !names.contains($0) && Expression.constants[$0] == nil }
            }
            let known = "vars: declares " + names.joined(separator: ", ")
            let questionTemplate: Template
            do { questionTemplate = try Template.parse(question ?? "") } catch {
                return problem(questionLine, "Q: \(error)")
            }
            if let name = unknown(questionTemplate.variables) {
                return problem(questionLine, "Q: '{\(name)}' uses the unknown variable '\(name)' (\(known))")
            }
            var whyTemplate: Template?
            if let why {
                do { whyTemplate = try Template.parse(why) } catch { return problem(whyLine, "Why: \(error)") }
                if let name = unknown(whyTemplate!.variables) {
                    return problem(whyLine, "Why: uses the unknown variable '\(name)' (\(known))")
                }
            }
            var variables: [Exercise.Variable] = []
            for v in declared {
                guard let decimals = questionTemplate.decimals(of: v.name) else {
                    return problem(questionLine, "Q: never shows the variable '\(v.name)'; write {\(v.name)} (2 decimals) or {\(v.name):.3}")
                }
                variables.append(.init(name: v.name, spec: v.spec, distribution: v.distribution, decimals: decimals))
            }
            let answer = QuizParser.exerciseAnswer(text, unknown: unknown, known: known)
            switch answer {
            case .failure(let failure): return problem(answerLine, failure.message)
            case .success(let (source, tolerance)):
                return .success(Exercise(variables: variables, question: questionTemplate, why: whyTemplate, source: source, tolerance: tolerance))
            }
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (and a carriage return),
    /// found by bytes: cheap, and what the card syntax means by space.
    var trimmingSpaces: Substring {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start < end {
            let last = bytes.index(before: end)
            guard bytes[last] == 0x20 || bytes[last] == 0x09 || bytes[last] == 0x0D else { break }
            end = last
        }
        return self[start..<end]
    }

    /// The rest after `prefix`, compared byte by byte, or nil.
    func removingPrefix(_ prefix: StaticString) -> Substring? {
        let bytes = utf8
        var i = bytes.startIndex
        for byte in UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount) {
            guard i < bytes.endIndex, bytes[i] == byte else { return nil }
            i = bytes.index(after: i)
        }
        return self[i...]
    }

    /// `+-` written as `±` (by hand: `replacing(_:with:)` pulls in generic
    /// string-processing machinery that costs start-up time on the read path).
    var replacingPlusMinus: String {
        guard utf8.contains(UInt8(ascii: "+")) else { return String(self) }
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
