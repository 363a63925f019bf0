/// What a session holds while it runs: the card being asked, the planned
/// cards, the cards in a learning step, and the answers it may take back.
///
/// Invariants (the randomised undo test checks them after every step): no
/// card is held twice; undoing an answer leaves no copy of the card that the
/// answer queued, so the card is asked again from the state the store went
/// back to. Owns no I/O and never writes the store except through `undo`.
import Scheduling

struct SessionQueue {
    typealias Entry = QuizSession.Entry

    /// Planned cards not asked yet, in order.
    var pending: [Entry]
    /// Cards answered into a learning step: back when due.
    var learning: [Entry] = []
    /// The card being asked.
    var current: Entry?

    init(_ planned: [Entry]) { pending = planned }

    /// Every card held, the one being asked first.
    var cardIDs: [String] { ((current.map { [$0] } ?? []) + pending + learning).map(\.item.card.id) }

    /// Cards still to ask after the current one.
    var waiting: Int { pending.count + learning.count }

    /// When the earliest learning card is due; nil when none is in a step.
    var nextLearningDue: Double? { learning.compactMap { $0.memory?.due }.min() }

    /// The next card at `time`: the learning card due earliest when one is
    /// due, else the next planned card; nil when there is neither.
    mutating func takeNext(at time: Double) -> Entry? {
        if let i = earliestLearning(), let due = learning[i].memory?.due, due <= time {
            current = learning.remove(at: i)
        } else if !pending.isEmpty {
            current = pending.removeFirst()
        } else {
            return nil
        }
        return current
    }

    /// The learning card due earliest, taken before it is due (the learner chose not to wait).
    mutating func takeEarliestLearning() -> Entry? {
        guard let i = earliestLearning() else { return nil }
        current = learning.remove(at: i)
        return current
    }

    private func earliestLearning() -> Int? {
        learning.indices.min { (learning[$0].memory?.due ?? 0) < (learning[$1].memory?.due ?? 0) }
    }

    /// The card asked was answered: it leaves the session, or comes back when
    /// `review` put it in a learning step.
    mutating func answered(_ entry: Entry, _ review: LoggedReview, requeue: Bool) {
        current = nil
        if requeue {
            learning.append(Entry(item: entry.item, memory: review.after, reviewNumber: entry.reviewNumber + 1))
        }
    }

    /// The card being asked is asked again (an undo with nothing to take back).
    mutating func askAgain() {
        if let asked = current { pending.insert(asked, at: 0) }
        current = nil
    }

    /// An answer given to `entry` was taken back: that card is asked next, as
    /// it was before the answer, and the card being asked waits right behind
    /// it. Answers are taken back newest first, so any other copy of the card
    /// comes from the answer undone (its learning step, or an undo since): it goes.
    mutating func takeBack(_ entry: Entry) {
        let id = entry.item.card.id
        if let asked = current, asked.item.card.id != id { pending.insert(asked, at: 0) }
        current = nil
        pending.removeAll { $0.item.card.id == id }
        learning.removeAll { $0.item.card.id == id }
        pending.insert(entry, at: 0)
    }
}

/// A session's state: its queue, the answers given (newest last, for undo)
/// and the summary so far.
struct SessionProgress {
    var queue: SessionQueue
    var given: [QuizSession.Given] = []
    var summary = QuizSession.Summary()

    init(_ planned: [QuizSession.Entry]) { queue = SessionQueue(planned) }

    /// An answer, committed to the store as `rowID`: counted, and the card requeued
    /// when it is in a learning step (never when cramming).
    mutating func record(_ entry: QuizSession.Entry, _ review: LoggedReview, rowID: Int64, cram: Bool) {
        summary.answered += 1
        summary.grades[review.grade, default: 0] += 1
        if !summary.cards.contains(entry.item.card.id) { summary.cards.append(entry.item.card.id) }
        queue.answered(entry, review, requeue: !cram && review.after.state != .review)
        given.append(QuizSession.Given(entry: entry, rowID: rowID, review: review))
    }

    /// Takes back the newest answer, in the store and in the session; nil when
    /// there is none (the card being asked is then asked again).
    mutating func undo(in store: ProgressStore) throws -> QuizSession.Given? {
        guard let last = given.last else {
            queue.askAgain()
            return nil
        }
        try store.undo(last.rowID, of: last.review)
        given.removeLast()
        let grade = last.review.grade
        summary.answered -= 1
        summary.grades[grade, default: 1] -= 1
        if summary.grades[grade] == 0 { summary.grades[grade] = nil }
        let id = last.entry.item.card.id
        if !given.contains(where: { $0.entry.item.card.id == id }) { summary.cards.removeAll { $0 == id } }
        queue.takeBack(last.entry)
        return last
    }
}
