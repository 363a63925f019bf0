/// A quiz session: the loop that asks the planned cards, commits each answer
/// the moment it is given, takes answers back (undo) and ends with a summary.
/// Which cards and in what order is `SessionPlan.swift`; how one card is asked,
/// whatever the input, is `CardPrompt` and its three kinds; the lines it
/// writes come from the quiz's message catalogue (`QuizWords`).
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
import Localization
import Notebook
import Scheduling

package struct QuizSession {
    package var items: [QuizItem]
    package var store: ProgressStore
    package var scheduler = Scheduler()
    package var newPerDay = 10
    package var cram = false
    package var seed: UInt64 = 1
    /// Every card id of the notebook folder: the new-card budget is counted over these
    /// (nil: over every card in the store).
    package var notebookCardIDs: Set<String>?
    /// Seconds since the epoch; the session reads it for every answer.
    package var now: () -> Double
    /// The start of "today", for the daily limit of new cards.
    package var startOfToday: Double
    /// Opens the card's note at its section (the `o` key); nil: not offered.
    package var openNote: ((QuizItem) -> Void)?
    /// A figure of a demo's report, for demo-backed exercise answers: (words after `ganbook demo`, figure name).
    package var demoFigure: ((_ words: [String], _ figure: String) throws -> Double)?
    /// The learner's language: every line the session writes is in it; the keys and typed answers are the same in all.
    package var language: Language = .en
    /// Options for the `ganbook read` line after an answer (` --lang zh`, as the learner gave them).
    package var readOptions = ""
    /// Called before each card and at the end, with what the session holds
    /// (the undo tests check its invariants there); nil in use.
    var onStep: ((SessionProgress) -> Void)?

    package init(items: [QuizItem], store: ProgressStore, now: @escaping () -> Double, startOfToday: Double) {
        self.items = items
        self.store = store
        self.now = now
        self.startOfToday = startOfToday
    }

    var words: QuizWords { QuizWords.of(language) }

    package struct Summary: Equatable {
        package var answered = 0
        package var grades: [Grade: Int] = [:]
        package var stoppedEarly = false
        /// Cards answered, each once, in the order first answered.
        package var cards: [String] = []
    }

    struct Entry {
        var item: QuizItem
        var memory: Memory?
        /// Answers logged for this card so far (all kinds): seeds its numbers and its option order.
        var reviewNumber: Int

        var card: QuizCard { item.card }
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

        /// A prompt's reply as the session's outcome, `graded` making an answer one.
        init<Answer>(_ reply: Reply<Answer>, graded: (Answer) -> Outcome) {
            switch reply {
            case .answer(let answer): self = graded(answer)
            case .undo: self = .undo
            case .stop: self = .stop
            }
        }
    }

    /// What comes next in a session: a card to ask, an undo asked for while waiting, the learner stopping, or the end.
    enum Step {
        case ask(Entry)
        case undo
        case stop
        case end
    }

    /// A card of the notebook that cannot be asked: its numbers or its answer cannot be had.
    package struct CardError: Error, CustomStringConvertible {
        package var description: String
    }

    package func run(_ io: QuizIO) throws -> Summary {
        let planned = try entries()
        if planned.isEmpty {
            io.write(nothingToAsk() + "\n")
            return Summary()
        }
        io.write(QuizText.joined([opening(planned), words(io.keys == nil ? .helpLines : .helpKeys)]) + "\n")
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
        io.write("\n" + look.paint(header(entry, progress), .header) + "\n")
        let started = now()
        let prompt = try CardPrompt(session: self, entry: entry, io: io)
        let asked = try prompt.ask()
        guard case .graded(let grade, let downgradable) = asked else { return asked }
        let answeredAt = now()
        var review = logged(entry, grade, started: started, at: answeredAt)
        var rowID = try store.record(review)
        var next = Outcome.graded(grade, downgradable: false)
        if io.keys != nil, !entry.card.isRecall {
            next = prompt.afterAnswer(review, downgradable: downgradable)
            if case .graded(let lower, _) = next, lower != grade {
                let replacement = logged(entry, lower, started: started, at: answeredAt)
                rowID = try store.replace(rowID, of: review, with: replacement)
                review = replacement
                let marked = words(.gradedMarked, ["grade": words.name(lower)])
                io.write(look.paint(marked, .hint) + nextLine(review, after: marked) + "\n")
            }
        } else if io.keys != nil {
            let graded = words(.graded, ["grade": words.name(grade)])
            io.write(look.paint(graded, .hint) + nextLine(review, after: graded) + "\n")
        } else if !cram {
            io.write("  " + words(.nextLine, ["when": words.interval(review.after.due - answeredAt)]) + "\n")
        }
        progress.record(entry, review, rowID: rowID, cram: cram)
        return next
    }

    /// Takes back the newest answer and says so, or says there is none.
    func undo(_ progress: inout SessionProgress, _ io: QuizIO) throws {
        guard let last = try progress.undo(in: store) else {
            io.write(io.look.paint(words(.undoNone), .hint) + "\n")
            return
        }
        io.write(io.look.paint(words(.undoDone, ["question": String(last.entry.card.question.prefix(40))]), .hint) + "\n")
    }

    /// `── 2/5 · objective › The optimal discriminator · new ──`
    func header(_ entry: Entry, _ progress: SessionProgress) -> String {
        let done = progress.summary.answered, section = entry.item.section.map { " › " + $0 } ?? ""
        return "── \(done + 1)/\(done + 1 + progress.queue.waiting) · \(entry.item.noteID)\(section) · \(kind(entry)) ──"
    }

    /// The card's kind in the header: new, learning, relearning, review, cram (and "new · cram").
    func kind(_ entry: Entry) -> String {
        if cram { return entry.memory == nil ? words(.kindNew) + " · " + words(.kindCram) : words(.kindCram) }
        switch entry.memory?.state {
        case nil: return words(.kindNew)
        case .learning?: return entry.memory!.isNew ? words(.kindNew) : words(.kindLearning)
        case .relearning?: return words(.kindRelearning)
        case .review?: return words(.kindReview)
        }
    }

    func logged(_ entry: Entry, _ grade: Grade, started: Double, at time: Double) -> LoggedReview {
        let before = entry.memory
        let after = cram ? (before ?? Memory(due: time)) : scheduler.review(before ?? Memory(due: time), grade, at: time)
        return LoggedReview(
            cardID: entry.card.id, noteID: entry.item.noteID, time: time, grade: grade,
            kind: cram ? .cram : .scheduled, before: before, after: after,
            durationMilliseconds: Int(((time - started) * 1000).rounded()))
    }

    /// " Next review in 10 min." after `before` (nothing when cramming).
    func nextLine(_ review: LoggedReview, after before: String) -> String {
        guard !cram else { return "" }
        let sentence = words(.nextSentence, ["when": words.interval(review.after.due - review.time)])
        return QuizText.gap(before, sentence) + sentence
    }

    /// `1 Again <1m · 2 Hard 6m · 3 Good 10m · 4 Easy 4d`: what each grade would give.
    func gradeBar(_ entry: Entry) -> String {
        let time = now()
        return Grade.allCases.map { g in
            if cram { return "\(g.rawValue) \(words.name(g))" }
            let after = scheduler.review(entry.memory ?? Memory(due: time), g, at: time)
            return "\(g.rawValue) \(words.name(g)) \(words.shortInterval(after.due - time))"
        }.joined(separator: " · ")
    }
}

extension QuizCard {
    var isRecall: Bool {
        if case .recall = answer { return true }
        return false
    }
}
