/// A quiz session: which cards to ask, in what order, how each kind of card is
/// asked and graded, undo, and the summary. Input and output go through
/// `QuizIO`: one line per prompt (scripts, pipes), or single keys when it
/// offers `keys` (a terminal in raw mode).
///
/// Order: due cards first (earliest due first), then new cards in note order,
/// up to the day's limit of new cards (counted per notebook folder). A card
/// answered into a learning step stays in the session: it comes back when it
/// is due; with keys, the session waits for it with a countdown, as Anki does;
/// with lines, it ends and says when the next one is due. With `cram`, every
/// card of the chosen notes is asked once; those answers are logged as cram
/// and change no schedule.
///
/// Every answer is committed the moment it is given. Undo (`u`) takes back
/// the session's answers one by one, newest first, and asks the card again.
import Distributions
import Foundation
import Installation
import Localization
import Notebook
import TerminalKit

public protocol QuizIO {
    func write(_ text: String)
    /// The next line of input, or nil at the end of input.
    func readLine() -> String?
    /// Single key presses (a terminal in raw mode); nil: one line per prompt.
    var keys: QuizKeys? { get }
    var look: QuizLook { get }
}

extension QuizIO {
    public var keys: QuizKeys? { nil }
    public var look: QuizLook { .plain }
}

/// Key input for a session: `RawKeys` on a terminal, a script in tests.
public protocol QuizKeys: AnyObject {
    func key(timeout: Double?) -> KeyPress
    /// A typed, echoed line; nil when the learner stops (Ctrl-C, Ctrl-D, a closed terminal).
    /// A key of `commands` pressed on an empty line is the whole line, at once.
    func line(prompt: String, commands: Set<Character>) -> String?
    /// Runs `body` with the terminal as it was before raw mode.
    func suspended(_ body: () -> Void)
}

extension RawKeys: QuizKeys {}

public struct QuizItem: Sendable {
    public var noteID: String
    public var card: QuizCard
    /// The heading the card sits under, and its anchor (`objective#the-optimal-discriminator`).
    public var section: String?
    public var anchor: String?

    public init(noteID: String, card: QuizCard, section: String? = nil, anchor: String? = nil) {
        self.noteID = noteID
        self.card = card
        self.section = section
        self.anchor = anchor
    }

    /// Where the answer is explained: `ganbook read NOTE#ANCHOR`.
    public var readCommand: String { "ganbook read " + noteID + (anchor.map { "#" + $0 } ?? "") }
}

public struct QuizSession {
    public var items: [QuizItem]
    public var store: ProgressStore
    public var scheduler = Scheduler()
    public var newPerDay = 10
    public var cram = false
    public var seed: UInt64 = 1
    /// Every card id of the notebook folder: the new-card budget is counted over these
    /// (nil: over every card in the store).
    public var notebookCardIDs: Set<String>?
    /// Seconds since the epoch; the session reads it for every answer.
    public var now: () -> Double
    /// The start of "today", for the daily limit of new cards.
    public var startOfToday: Double
    /// Opens the card's note at its section (the `o` key); nil: not offered.
    public var openNote: ((QuizItem) -> Void)?
    /// A figure of a demo's report, for demo-backed exercise answers: (words after `ganbook demo`, figure name).
    public var demoFigure: ((_ words: [String], _ figure: String) throws -> Double)?
    /// The learner's language: every line the session writes is translated
    /// before it is painted; the keys and typed answers are the same in all.
    public var translator: Translator = .english
    /// Options for the `ganbook read` line after an answer (` --lang zh`, as the learner gave them).
    public var readOptions = ""
    /// Called before each card and at the end, with what the session holds
    /// (the undo tests check its invariants there); nil in use.
    var onStep: ((SessionProgress) -> Void)?

    public init(items: [QuizItem], store: ProgressStore, now: @escaping () -> Double, startOfToday: Double) {
        self.items = items
        self.store = store
        self.now = now
        self.startOfToday = startOfToday
    }

    public struct Summary: Equatable {
        public var answered = 0
        public var grades: [Grade: Int] = [:]
        public var stoppedEarly = false
        /// Cards answered, each once, in the order first answered.
        public var cards: [String] = []
    }

    struct Entry {
        var item: QuizItem
        var memory: Memory?
        /// Answers logged for this card so far (all kinds): seeds its numbers and its option order.
        var reviewNumber: Int
    }

    /// The cards to ask now, in order, with their stored memories.
    public func plan() throws -> [(item: QuizItem, memory: Memory?)] {
        try entries().map { ($0.item, $0.memory) }
    }

    func entries() throws -> [Entry] {
        let memories = try store.memories()
        let histories = try store.histories()
        func entry(_ item: QuizItem) -> Entry {
            Entry(item: item, memory: memories[item.card.id], reviewNumber: histories[item.card.id]?.reviews ?? 0)
        }
        if cram { return items.map(entry) }
        let time = now()
        let due = items.filter { item in memories[item.card.id].map { $0.due <= time } ?? false }
            .sorted { memories[$0.card.id]!.due < memories[$1.card.id]!.due }
        let fresh = items.filter { memories[$0.card.id] == nil }.prefix(try newAllowance())
        return (due + fresh).map(entry)
    }

    /// New cards still allowed today.
    func newAllowance() throws -> Int {
        let introduced: Int
        if let ids = notebookCardIDs {
            introduced = try store.firstReviews(since: startOfToday).keys.filter { ids.contains($0) }.count
        } else {
            introduced = try store.newCardsIntroduced(since: startOfToday)
        }
        return max(newPerDay - introduced, 0)
    }

    /// One answer given in this session, for undo.
    struct Given {
        var entry: Entry
        var rowID: Int64
        var review: LoggedReview
    }

    /// What the learner did with a card.
    enum Outcome {
        case graded(Grade, downgradable: Bool)
        case stop
        case undo
    }

    /// What comes next in a session: a card to ask, an undo asked for while waiting, the learner stopping, or the end.
    enum Step {
        case ask(Entry)
        case undo
        case stop
        case end
    }

    public func run(_ io: QuizIO) throws -> Summary {
        let planned = try entries()
        if planned.isEmpty {
            io.write(nothingToAsk() + "\n")
            return Summary()
        }
        io.write(QuizText.joined([opening(planned), translator(quitHint(io) + ".")]) + "\n")
        var progress = SessionProgress(planned)
        session: while true {
            onStep?(progress)
            let outcome: Outcome
            switch nextStep(&progress.queue, io) {
            case .end: break session
            case .stop: outcome = .stop
            case .undo: outcome = .undo
            case .ask(let entry): outcome = try answer(entry, &progress, io)
            }
            switch outcome {
            case .stop:
                progress.summary.stoppedEarly = true
                break session
            case .undo:
                try undo(&progress, io)
            case .graded:
                continue
            }
        }
        onStep?(progress)
        let left = (progress.queue.current.map { _ in 1 } ?? 0) + progress.queue.pending.count
        io.write("\n" + describe(progress.summary, planned: progress.summary.answered + left) + "\n")
        return progress.summary
    }

    /// The line when nothing is asked: no cards (cram), or nothing due and when the next is.
    func nothingToAsk() -> String {
        if cram { return translator("No cards in these notes.") }
        // English: "…for today. Next review in 10 min. 3 new cards wait…" (two spaces when nothing is next).
        var line = translator("Nothing is due, and no new cards are left for today.")
        let next = nextDueSentence(), held = heldBackSentence()
        line += QuizText.gap(line, next) + next
        if !held.isEmpty { line += QuizText.gap(line, held) + held }
        return line
    }

    /// "5 cards to go: 2 due, 3 new." (or, cramming, to drill).
    func opening(_ planned: [Entry]) -> String {
        let newCount = planned.filter { $0.memory == nil }.count
        let s = planned.count == 1 ? "" : "s"
        guard cram else { return translator("\(planned.count) card\(s) to go: \(planned.count - newCount) due, \(newCount) new.") }
        let time = now()
        let due = planned.filter { $0.memory.map { $0.due <= time } ?? false }.count
        let later = planned.count - newCount - due
        return translator(
            "\(planned.count) card\(s) to drill: \(due) due, \(later) not due yet, \(newCount) new (cram: the schedule will not change).")
    }

    /// The next card: a learning card that is due, else the next planned one;
    /// with keys, when only learning cards are left, a countdown to the earliest.
    func nextStep(_ queue: inout SessionQueue, _ io: QuizIO) -> Step {
        if let entry = queue.takeNext(at: now()) { return .ask(entry) }
        guard let keys = io.keys, let due = queue.nextLearningDue else { return .end }
        switch wait(until: due, keys, io) {
        case .stop: return .stop
        case .undo: return .undo
        case .graded: return queue.takeEarliestLearning().map { .ask($0) } ?? .end
        }
    }

    /// Asks `entry`, commits the answer the moment it is given, and (with keys,
    /// after an auto-graded answer) waits for a key to go on, to mark a right
    /// answer as a guess, or to take the answer back.
    func answer(_ entry: Entry, _ progress: inout SessionProgress, _ io: QuizIO) throws -> Outcome {
        let look = io.look
        let done = progress.summary.answered, section = entry.item.section.map { " › " + $0 } ?? ""
        let header = "── \(done + 1)/\(done + 1 + progress.queue.waiting) · \(entry.item.noteID)\(section) · \(kind(entry)) ──"
        io.write("\n" + look.paint(header, .header) + "\n")
        let started = now()
        let asked = try ask(entry, io)
        guard case .graded(let grade, let downgradable) = asked else { return asked }
        let answeredAt = now()
        var review = logged(entry, grade, started: started, at: answeredAt)
        var rowID = try store.record(review)
        var next = Outcome.graded(grade, downgradable: false)
        if let keys = io.keys, !Self.isRecall(entry.card) {
            next = afterAnswer(entry, review, downgradable: downgradable, keys, io)
            if case .graded(let lower, _) = next, lower != grade {
                let replacement = logged(entry, lower, started: started, at: answeredAt)
                rowID = try store.replace(rowID, of: review, with: replacement)
                review = replacement
                let marked = translator("Marked as \(lower.name).")
                io.write(look.paint(marked, .hint) + nextLine(review, after: marked) + "\n")
            }
        } else if io.keys != nil {
            let graded = translator("\(grade.name).")
            io.write(look.paint(graded, .hint) + nextLine(review, after: graded) + "\n")
        } else if !cram {
            io.write("  " + translator("next review " + Self.describeInterval(review.after.due - answeredAt, translator)) + "\n")
        }
        progress.record(entry, review, rowID: rowID, cram: cram)
        return next
    }

    /// Takes back the newest answer and says so, or says there is none.
    func undo(_ progress: inout SessionProgress, _ io: QuizIO) throws {
        guard let last = try progress.undo(in: store) else {
            io.write(io.look.paint(translator("Nothing to undo yet."), .hint) + "\n")
            return
        }
        io.write(io.look.paint(translator("↶ Undone: the answer to \"\(last.entry.item.card.question.prefix(40))\" is taken back."), .hint) + "\n")
    }

    func quitHint(_ io: QuizIO) -> String {
        io.keys == nil ? "Type q to stop" : "Keys: Enter shows, 1–4 grade, u undoes, o opens the note, q stops"
    }

    /// The card's kind in the header: new, learning, relearning, review, cram (and "new · cram").
    func kind(_ entry: Entry) -> String {
        let words = translator.words(["new", "learning", "relearning", "review", "cram"])
        let (new, learning, relearning, review, cram) = (words[0], words[1], words[2], words[3], words[4])
        if self.cram { return entry.memory == nil ? new + " · " + cram : cram }
        switch entry.memory?.state {
        case nil: return new
        case .learning?: return entry.memory!.isNew ? new : learning
        case .relearning?: return relearning
        case .review?: return review
        }
    }

    func logged(_ entry: Entry, _ grade: Grade, started: Double, at time: Double) -> LoggedReview {
        let before = entry.memory
        let after = cram ? (before ?? Memory(due: time)) : scheduler.review(before ?? Memory(due: time), grade, at: time)
        return LoggedReview(
            cardID: entry.item.card.id, noteID: entry.item.noteID, time: time, grade: grade,
            kind: cram ? .cram : .scheduled, before: before, after: after,
            durationMilliseconds: Int(((time - started) * 1000).rounded()))
    }

    /// " Next review in 10 min." after `before` (nothing when cramming).
    func nextLine(_ review: LoggedReview, after before: String) -> String {
        guard !cram else { return "" }
        let sentence = translator("Next review " + Self.describeInterval(review.after.due - review.time, translator) + ".")
        return QuizText.gap(before, sentence) + sentence
    }

    // MARK: Asking

    /// Asks one card.
    func ask(_ entry: Entry, _ io: QuizIO) throws -> Outcome {
        let card = entry.card
        let look = io.look
        let t = translator
        var question = card.question
        var exercise: Exercise.Instance?
        if case .exercise(let e) = card.answer {
            guard let instance = e.instance(seed: exerciseSeed(entry)) else {
                throw StoreError("card \(card.id): no numbers could be drawn for which its formula is computable")
            }
            exercise = instance
            question = instance.question
        }
        io.write(look.block(t.label("Q:"), question, .question))
        let why = exercise?.why ?? card.why
        func explain() {
            if let why { io.write(look.block(t.label("Why:"), why, .why)) }
            if entry.item.anchor != nil { io.write(look.paint("   ↪ " + entry.item.readCommand + readOptions, .link) + "\n") }
        }
        let keys = io.keys
        switch card.answer {
        case .recall(let answer):
            var typed: String?
            if let keys {
                io.write(look.paint(t("Enter or space shows the answer · t types yours first · o opens the note · u undoes · q stops"), .hint) + "\n")
                reveal: while true {
                    switch keys.key(timeout: nil) {
                    case .enter, .space: break reveal
                    case .character("t"), .character("T"):
                        guard let line = keys.line(prompt: t.label("Your answer:"), commands: []) else { return .stop }
                        typed = line
                        break reveal
                    case .character("o"): open(entry, keys, io, question)
                    case .character("u"): return .undo
                    case .character("q"), .interrupt, .end: return .stop
                    default: continue
                    }
                }
            } else {
                io.write(t("(Enter shows the answer)") + "\n")
                guard let line = io.readLine(), !Self.isQuit(line) else { return .stop }
                typed = line
            }
            if let typed, !typed.trimmingCharacters(in: .whitespaces).isEmpty {
                io.write(look.block(t.label("You:"), typed.trimmingCharacters(in: .whitespaces), .typed, prefixRole: .hint))
            }
            io.write(look.block(t.label("A:"), answer, .answer))
            explain()
            let bar = gradeBar(entry)
            if let keys {
                io.write(look.paint(bar, .hint) + "\n")
                while true {
                    switch keys.key(timeout: nil) {
                    case .character(let c) where Self.grade(String(c)) != nil: return .graded(Self.grade(String(c))!, downgradable: false)
                    case .character("o"): open(entry, keys, io, question)
                    case .character("u"): return .undo
                    case .character("q"), .interrupt, .end: return .stop
                    default: continue
                    }
                }
            }
            while true {
                io.write(t("How well did you recall it? \(bar)") + "\n")
                guard let line = io.readLine(), !Self.isQuit(line) else { return .stop }
                if let grade = Self.grade(line) { return .graded(grade, downgradable: false) }
                io.write(t("Please type 1, 2, 3 or 4 (or q to stop).") + "\n")
            }
        case .choice(let choices):
            let order = optionOrder(entry, count: choices.count)
            let letters = Array("abcdefghij")
            for (n, i) in order.enumerated() {
                let label = keys != nil && n < letters.count ? "\(letters[n])" : "\(n + 1)"
                io.write(look.block("  \(label)) ", choices[i].text, .typed, prefixRole: .hint))
            }
            let right = order.firstIndex { choices[$0].isCorrect }!
            func verdict(_ n: Int) -> Outcome {
                let label = keys != nil && right < letters.count ? "\(letters[right])" : "\(right + 1)"
                if n == right {
                    io.write(feedback("✓ Right.", cram ? "" : " (Good)", .right, look) + "\n")
                    explain()
                    return .graded(.good, downgradable: true)
                }
                io.write(feedback("✗ Not quite.", " The answer: \(label)) \(choices[order[right]].text)" + (cram ? "" : " (Again)"), .wrong, look) + "\n")
                explain()
                return .graded(.again, downgradable: false)
            }
            if let keys {
                let last = letters[min(choices.count, letters.count) - 1]
                io.write(look.paint(t("a–\(last) or 1–\(choices.count) chooses · o opens the note · u undoes · q stops"), .hint) + "\n")
                while true {
                    switch keys.key(timeout: nil) {
                    case .character("o"): open(entry, keys, io, question)
                    case .character("u"): return .undo
                    case .character("q"), .interrupt, .end: return .stop
                    case .character(let c):
                        if let n = c.wholeNumberValue, (1...choices.count).contains(n) { return verdict(n - 1) }
                        if let n = letters.prefix(choices.count).firstIndex(of: Character(c.lowercased())) { return verdict(n) }
                    default: continue
                    }
                }
            }
            while true {
                io.write(t("Your answer (1–\(choices.count)):") + "\n")
                guard let line = io.readLine(), !Self.isQuit(line) else { return .stop }
                if let n = Int(line.trimmingCharacters(in: .whitespaces)), (1...choices.count).contains(n) { return verdict(n - 1) }
                io.write(t("Please type a number from 1 to \(choices.count) (or q to stop).") + "\n")
            }
        case .numeric, .exercise:
            let value: Double, tolerance: Double, shown: String
            switch card.answer {
            case .numeric(let v, let t):
                value = v; tolerance = t
                shown = "\(Self.number(v)) ± \(Self.number(t))"
            case .exercise(let e):
                let instance = exercise!
                if let a = instance.answer {
                    value = a
                } else if case .demo(_, let figure) = e.source, let words = instance.demoWords {
                    guard let demoFigure else { throw StoreError("card \(card.id): its answer comes from a demo, which this session cannot run") }
                    value = try demoFigure(words, figure)
                } else {
                    throw StoreError("card \(card.id): its answer could not be computed")
                }
                tolerance = e.tolerance.of(value)
                shown = Self.showAnswer(value, e.tolerance)
            default: fatalError("unreachable: the case is numeric or exercise")
            }
            let hint = Self.exampleInput(avoiding: items)
            while true {
                let line: String
                if let keys {
                    guard let typed = keys.line(prompt: look.paint(t.label(Self.numericPrompt), .hint), commands: ["o", "u", "q"]) else {
                        return .stop
                    }
                    let t = typed.trimmingCharacters(in: .whitespaces).lowercased()
                    if t == "u" { return .undo }
                    if t == "o" { open(entry, keys, io, question); continue }
                    if t.isEmpty { continue }
                    line = typed
                } else {
                    io.write(t("Your answer (a number):") + "\n")
                    guard let typed = io.readLine() else { return .stop }
                    line = typed
                }
                if Self.isQuit(line) { return .stop }
                let x: Double
                do {
                    x = try Expression.parse(line.trimmingCharacters(in: .whitespaces)).evaluate()
                } catch {
                    io.write(t("Please type a number, such as \(hint) (or q to stop).") + "\n")
                    continue
                }
                let difference = abs(x - value)
                if difference <= tolerance {
                    io.write(feedback("✓ Right:", " \(shown)." + (cram ? "" : " (Good)"), .right, look) + "\n")
                    explain()
                    return .graded(.good, downgradable: false)
                }
                io.write(feedback("✗ Not within the tolerance.", " The answer: \(shown)." + (cram ? "" : " (Again)"), .wrong, look) + "\n")
                if difference <= 0.02 * abs(value) {
                    io.write(
                        look.paint(
                            t("≈ Close: \(Self.number(x)) is within 2% of the answer, but the card asks for ± \(Self.toleranceText(card, tolerance))."), .close)
                            + "\n")
                }
                if let exercise, case .exercise(let e) = card.answer, case .formula(let f) = e.source {
                    let at = e.variables.map { "\($0.name) = \(Exercise.format(exercise.values[$0.name]!, $0.decimals))" }.joined(separator: ", ")
                    io.write(look.paint("   " + t("= \(f) with \(at)"), .hint) + "\n")
                }
                explain()
                return .graded(.again, downgradable: false)
            }
        }
    }

    /// `head` + `rest` translated as one line, `head`'s part painted in `role`
    /// (the English: "✓ Right." painted, then " (Good)").
    func feedback(_ head: String, _ rest: String, _ role: QuizLook.Role, _ look: QuizLook) -> String {
        let line = translator(head + rest), painted = translator(head)
        guard line.hasPrefix(painted) else { return look.paint(line, role) }
        return look.paint(painted, role) + line.dropFirst(painted.count)
    }

    /// With keys, the prompt of a numeric answer: its keys are the other kinds' keys, on an empty line.
    static let numericPrompt = "Your answer (a number or a formula; o opens the note · u undoes · q stops):"

    /// With keys, after an auto-graded answer: Enter goes on; after a right one, 1 or 2 mark it as a guess.
    func afterAnswer(_ entry: Entry, _ review: LoggedReview, downgradable: Bool, _ keys: QuizKeys, _ io: QuizIO) -> Outcome {
        let look = io.look
        var hint = "Enter goes on"
        if downgradable && !cram {
            let again = Self.shortInterval(scheduler.review(review.before ?? Memory(due: review.time), .again, at: review.time).due - review.time, translator)
            hint += " · a guess? 1 Again \(again)"
        }
        hint = translator(hint + " · o opens the note · u undoes · q stops")
        io.write(look.paint(hint, .hint) + nextLine(review, after: hint) + "\n")
        while true {
            switch keys.key(timeout: nil) {
            case .character("1") where downgradable && !cram: return .graded(.again, downgradable: false)
            case .character("u"): return .undo
            case .character("q"), .interrupt, .end: return .stop
            case .character("o"): open(entry, keys, io, entry.card.question)
            case .enter, .space: return .graded(review.grade, downgradable: false)
            case .character: return .graded(review.grade, downgradable: false)
            default: continue
            }
        }
    }

    /// With keys: a countdown to the next learning card; Enter takes it now.
    func wait(until due: Double, _ keys: QuizKeys, _ io: QuizIO) -> Outcome {
        let look = io.look
        defer { io.write("\r\u{1B}[2K") }
        while true {
            let left = due - now()
            if left <= 0 { return .graded(.good, downgradable: false) }
            let seconds = Int(left.rounded(.up))
            let clock =
                seconds >= 3600
                ? "\(seconds / 3600) h \((seconds % 3600) / 60) min"
                : "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
            io.write("\r\u{1B}[2K" + look.paint(translator("⏳ Next learning card in \(clock) · Enter: now · u undoes · q stops"), .hint))
            switch keys.key(timeout: min(1, left)) {
            case .timeout: continue
            case .enter, .space: return .graded(.good, downgradable: false)
            case .character("u"): return .undo
            case .character("q"), .interrupt, .end: return .stop
            default: continue
            }
        }
    }

    func open(_ entry: Entry, _ keys: QuizKeys, _ io: QuizIO, _ question: String) {
        guard let openNote else { return }
        keys.suspended { openNote(entry.item) }
        io.write(io.look.block(translator.label("Q:"), question, .question))
    }

    /// `1 Again <1m · 2 Hard 6m · 3 Good 10m · 4 Easy 4d`: what each grade would give.
    func gradeBar(_ entry: Entry) -> String {
        let time = now()
        return Grade.allCases.map { g in
            if cram { return "\(g.rawValue) \(translator.name(g))" }
            let after = scheduler.review(entry.memory ?? Memory(due: time), g, at: time)
            return "\(g.rawValue) \(translator.name(g)) \(Self.shortInterval(after.due - time, translator))"
        }.joined(separator: " · ")
    }

    /// The options' order for this review: seeded by the card, the review number and the session seed.
    func optionOrder(_ entry: Entry, count: Int) -> [Int] {
        let base = seed ^ StableHash.value(entry.card.id)
        var rng = SeededGenerator(seed: entry.reviewNumber == 0 ? base : base ^ (UInt64(entry.reviewNumber) &* 0x9E37_79B9_7F4A_7C15))
        var order = Array(0..<count)
        order.seededShuffle(using: &rng)  // the one seeded shuffle (Distributions' Statistics)
        return order
    }

    /// An exercise's numbers for this review: seeded by the card id, the review number and the session seed.
    func exerciseSeed(_ entry: Entry) -> UInt64 {
        StableHash.value(entry.card.id + "#" + String(entry.reviewNumber)) ^ (seed &* 0xD6E8_FEB8_6659_FD93)
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

    static func showAnswer(_ value: Double, _ tolerance: Exercise.Tolerance) -> String {
        switch tolerance {
        case .absolute(let t):
            let decimals = max(0, Int((-log10(t)).rounded(.up))) + 1
            return Exercise.format(value, min(decimals, 9)) + " ± " + number(t)
        case .relative(let f):
            let decimals = max(0, Int((-log10(abs(value) * f)).rounded(.up)) + 1)
            return Exercise.format(value, min(decimals, 9)) + " ± " + number(f * 100) + "%"
        }
    }

    static func toleranceText(_ card: QuizCard, _ tolerance: Double) -> String {
        if case .exercise(let e) = card.answer, case .relative(let f) = e.tolerance { return number(f * 100) + "%" }
        return number(tolerance)
    }

    static func isRecall(_ card: QuizCard) -> Bool {
        if case .recall = card.answer { return true }
        return false
    }

    static func isQuit(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces).lowercased()
        return t == "q" || t == "quit"
    }

    static func grade(_ line: String) -> Grade? {
        switch line.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "again": return .again
        case "2", "hard": return .hard
        case "3", "good": return .good
        case "4", "easy": return .easy
        default: return nil
        }
    }

    // MARK: The end

    func describe(_ summary: Summary, planned: Int) -> String {
        let t = translator
        let head: String
        if cram {
            let missed = summary.grades[.again] ?? 0
            head = t("Drilled \(summary.answered) of \(planned): \(summary.answered - missed) right, \(missed) missed.")
        } else {
            var parts = Grade.allCases.compactMap { g in summary.grades[g].map { "\($0) \(g.name)" } }
            if parts.isEmpty { parts = ["none"] }
            let english = "Answered \(summary.answered) of \(planned): " + parts.joined(separator: ", ") + "."
            // A translation gives every grade's count, in order, zeros too: one template, whatever was answered.
            let counts = Grade.allCases.map { "\(summary.grades[$0] ?? 0) \($0.name)" }.joined(separator: ", ")
            let full = "Answered \(summary.answered) of \(planned): " + counts + "."
            let translated = summary.answered > 0 ? t(full) : t(english)
            head = translated != full ? translated : english
        }
        let cards = summary.cards.count == summary.answered || summary.cards.isEmpty ? "" : t("(\(summary.cards.count) cards)")
        let stop = summary.stoppedEarly ? t("Stopped early; every answer given is saved.") : ""
        return QuizText.joined([head, cards, stop, nextDueSentence(), streakSentence()])
    }

    func nextDueSentence() -> String {
        guard !cram, let memories = try? store.memories() else { return "" }
        let ids = Set(items.map(\.card.id))
        let time = now()
        let dueNow = memories.filter { ids.contains($0.key) && $0.value.due <= time }.count
        guard let next = memories.filter({ ids.contains($0.key) && $0.value.due > time }).map(\.value.due).min() else {
            return dueNow > 0 ? translator("\(dueNow) due now.") : ""
        }
        let interval = Self.describeInterval(next - time, translator)
        return translator(dueNow > 0 ? "\(dueNow) due now; next \(interval)." : "Next review \(interval).")
    }

    /// When new cards wait only because of the daily limit: say how to have more.
    func heldBackSentence() -> String {
        guard let memories = try? store.memories() else { return "" }
        let unseen = items.filter { memories[$0.card.id] == nil }.count
        guard unseen > 0 else { return "" }
        return translator("\(unseen) new card\(unseen == 1 ? " waits" : "s wait") for tomorrow (the limit is \(newPerDay) a day); --new N allows more today.")
    }

    /// "Studied 3 days in a row." (days in local time, today included).
    func streakSentence() -> String {
        guard !cram, let times = try? store.reviewTimes(), !times.isEmpty else { return "" }
        let calendar = Calendar.current
        let days = Set(times.map { calendar.startOfDay(for: Date(timeIntervalSince1970: $0)) })
        var day = calendar.startOfDay(for: Date(timeIntervalSince1970: now()))
        var streak = 0
        while days.contains(day) {
            streak += 1
            guard let previous = calendar.date(byAdding: .day, value: -1, to: day) else { break }
            day = previous
        }
        return streak == 0 ? "" : translator("Studied \(streak) day\(streak == 1 ? "" : "s") in a row.")
    }

    /// "in 4 min" (in the translator's language).
    static func describeInterval(_ seconds: Double, _ translator: Translator = .english) -> String {
        let english: String
        if seconds < 90 {
            english = "in \(Int(seconds.rounded())) s"
        } else if seconds < 5400 {
            english = "in \(Int((seconds / 60).rounded())) min"
        } else if seconds < 36 * 3600 {
            english = "in \(Int((seconds / 3600).rounded())) h"
        } else {
            english = "in \(Int((seconds / 86400).rounded())) days"
        }
        return translator(english)
    }

    /// As Anki's buttons: <1m, 6m, 10m, 3h, 4d, 1.2mo, 2.1y.
    /// In Chinese: <1 分钟, 6 分钟, 3 小时, 4 天, 1.2 个月, 2.1 年.
    static func shortInterval(_ seconds: Double, _ translator: Translator = .english) -> String {
        let units = translator.words(["m", "h", "d", "mo", "y"])
        if seconds <= 60 { return QuizText.quantity("<1", units[0]) }
        if seconds < 3600 { return QuizText.quantity("\(Int((seconds / 60).rounded()))", units[0]) }
        if seconds < 86400 { return QuizText.quantity("\(Int((seconds / 3600).rounded()))", units[1]) }
        let days = seconds / 86400
        if days < 30 { return QuizText.quantity("\(Int(days.rounded()))", units[2]) }
        if days < 365 { return QuizText.quantity(Exercise.format(days / 30, 1), units[3]) }
        return QuizText.quantity(Exercise.format(days / 365, 1), units[4])
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

extension QuizSession.Entry {
    var card: QuizCard { item.card }
}
