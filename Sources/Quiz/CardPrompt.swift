/// One card being asked: its question (an exercise's drawn from its numbers),
/// what explains it, and the helpers its three kinds share (`RecallPrompt`,
/// `ChoicePrompt`, `NumberPrompt`). Each kind is written once, as `Prompt`s
/// that `QuizInput` asks with keys or with lines.
import Notebook
import Scheduling

struct CardPrompt {
    typealias Outcome = QuizSession.Outcome

    let session: QuizSession
    let entry: QuizSession.Entry
    let io: QuizIO
    /// The question as asked: an exercise's with this review's numbers.
    let question: String
    /// This review's numbers of an exercise card.
    let exercise: Exercise.Instance?

    init(session: QuizSession, entry: QuizSession.Entry, io: QuizIO) throws {
        (self.session, self.entry, self.io) = (session, entry, io)
        guard case .exercise(let e) = entry.card.answer else {
            (question, exercise) = (entry.card.question, nil)
            return
        }
        guard let instance = e.instance(seed: session.exerciseSeed(entry)) else {
            throw QuizSession.CardError(description: "card \(entry.card.id): no numbers could be drawn for which its formula is computable")
        }
        (question, exercise) = (instance.question, instance)
    }

    var words: QuizWords { session.words }
    var look: QuizLook { io.look }
    var input: QuizInput { QuizInput(io: io) }

    /// Asks the card: its question, then its kind's prompts.
    func ask() throws -> Outcome {
        io.write(look.block(words.label(.labelQuestion), question, .question))
        switch entry.card.answer {
        case .recall(let answer): return recall(answer)
        case .choice(let choices): return choose(choices)
        case .numeric, .exercise: return try number()
        }
    }

    /// Why the answer is what it is, and where the note explains it.
    func explain() {
        if let why = exercise?.why ?? entry.card.why { io.write(look.block(words.label(.labelWhy), why, .why)) }
        if entry.item.anchor != nil { io.write(look.paint("   ↪ " + entry.item.readCommand + session.readOptions, .link) + "\n") }
    }

    /// `o`: the card's note in the pager, then the question again.
    func open() {
        guard let openNote = session.openNote, let keys = io.keys else { return }
        keys.suspended { openNote(entry.item) }
        io.write(look.block(words.label(.labelQuestion), question, .question))
    }

    /// `head`'s sentence painted in `role`, then `rest` (the answer, the grade) as plain text.
    func feedback(_ head: QuizMessage, _ rest: [String], _ role: QuizLook.Role) -> String {
        let painted = words(head)
        return look.paint(painted, role) + QuizText.joined([painted] + rest).dropFirst(painted.count) + "\n"
    }

    /// "(Good)" after an automatic grade; nothing when cramming, where grades change no schedule.
    func gradeNote(_ grade: Grade) -> String {
        session.cram ? "" : words(.feedbackGrade, ["grade": words.name(grade)])
    }

    /// With keys, after an auto-graded answer: Enter (or any other key) goes on;
    /// after a right one, 1 marks it as a guess (Again).
    func afterAnswer(_ review: LoggedReview, downgradable: Bool) -> Outcome {
        let guess = downgradable && !session.cram
        var hint = words(.afterKeys)
        if guess {
            let before = review.before ?? Memory(due: review.time)
            let again = session.scheduler.review(before, .again, at: review.time).due - review.time
            hint = words(.afterGuess, ["again": words.name(.again), "interval": words.shortInterval(again)])
        }
        let pause = Prompt<Grade>(
            keysHint: look.paint(hint, .hint) + session.nextLine(review, after: hint),
            key: { press in
                switch press {
                case .character("1") where guess: return .answer(.again)
                case .enter, .space, .character: return .answer(review.grade)
                default: return nil
                }
            })
        return Outcome(input.ask(pause, open: open)) { .graded($0, downgradable: false) }
    }
}
