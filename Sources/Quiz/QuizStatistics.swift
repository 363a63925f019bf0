/// Per-note progress: how many cards are new, learning, in review and due,
/// how many reviews were logged (cram answers are not reviews), how often a
/// card was recalled the first time it was asked, when the next one is due,
/// the true retention, and a forecast of the reviews due per day.
///
/// True retention is Anki's: of the scheduled reviews of cards that were in
/// review state (not learning or relearning), the share not graded Again, over
/// the last 7 and 30 days. The forecast counts each card on the day it is due
/// (local days; today includes everything overdue); it counts each card once,
/// at its next due date, as Anki's future-due graph does.
import Scheduling

package struct NoteProgress: Sendable, Equatable {
    package var noteID: String
    package var cards = 0
    package var new = 0
    package var learning = 0
    package var review = 0
    package var due = 0
    package var reviews = 0
    /// Cards answered at least once on schedule, and of those, recalled (not Again) the first time.
    package var firstTries = 0
    package var firstTryRecalled = 0
    package var nextDue: Double?
    /// Reviews of cards in review state over the last 7 and 30 days, and of those, not Again.
    package var retention7 = Retention()
    package var retention30 = Retention()

    package init(noteID: String) { self.noteID = noteID }

    package var firstTryShare: Double? { firstTries > 0 ? Double(firstTryRecalled) / Double(firstTries) : nil }

    package struct Retention: Sendable, Equatable {
        package var reviews = 0
        package var recalled = 0
        package var share: Double? { reviews > 0 ? Double(recalled) / Double(reviews) : nil }
        mutating func add(_ other: Retention) { reviews += other.reviews; recalled += other.recalled }
    }

    mutating func add(_ p: NoteProgress) {
        cards += p.cards; new += p.new; learning += p.learning; review += p.review; due += p.due; reviews += p.reviews
        firstTries += p.firstTries; firstTryRecalled += p.firstTryRecalled
        if let d = p.nextDue { nextDue = min(nextDue ?? .infinity, d) }
        retention7.add(p.retention7); retention30.add(p.retention30)
    }
}

/// Everything `ganbook quiz stats` shows.
package struct QuizOverview: Sendable, Equatable {
    package var notes: [NoteProgress]
    package var total: NoteProgress
    /// Cards due on each of the next 30 days; day 0 is today and includes the overdue.
    package var forecast: [Int]
    package var startOfToday: Double
}

package enum QuizStatistics {
    package static let forecastDays = 30

    package static func compute(items: [QuizItem], store: ProgressStore, now: Double) throws -> [NoteProgress] {
        let memories = try store.memories()
        let histories = try store.histories()
        var byNote: [String: NoteProgress] = [:]
        var order: [String] = []
        for item in items {
            if byNote[item.noteID] == nil { order.append(item.noteID); byNote[item.noteID] = NoteProgress(noteID: item.noteID) }
            var p = byNote[item.noteID]!
            p.cards += 1
            if let m = memories[item.card.id] {
                switch m.state {
                case .learning, .relearning: p.learning += 1
                case .review: p.review += 1
                }
                if m.due <= now { p.due += 1 } else { p.nextDue = min(p.nextDue ?? .infinity, m.due) }
            } else {
                p.new += 1
            }
            if let h = histories[item.card.id] {
                p.reviews += h.reviews - h.cram
                if let first = h.firstGrade {
                    p.firstTries += 1
                    if first > 1 { p.firstTryRecalled += 1 }
                }
            }
            byNote[item.noteID] = p
        }
        return order.map { byNote[$0]! }
    }

    package static func overview(items: [QuizItem], store: ProgressStore, now: Double, startOfToday: Double) throws -> QuizOverview {
        var notes = try compute(items: items, store: store, now: now)
        let noteOfCard = Dictionary(items.map { ($0.card.id, $0.noteID) }, uniquingKeysWith: { a, _ in a })
        let index = Dictionary(uniqueKeysWithValues: notes.enumerated().map { ($1.noteID, $0) })
        for answer in try store.reviewStateAnswers(since: now - 30 * 86400) {
            guard let note = noteOfCard[answer.card], let i = index[note] else { continue }
            let recalled = answer.grade > 1 ? 1 : 0
            notes[i].retention30.reviews += 1; notes[i].retention30.recalled += recalled
            if answer.time >= now - 7 * 86400 {
                notes[i].retention7.reviews += 1; notes[i].retention7.recalled += recalled
            }
        }
        var total = NoteProgress(noteID: "all")
        for p in notes { total.add(p) }
        var forecast = [Int](repeating: 0, count: forecastDays)
        let memories = try store.memories()
        for item in items {
            guard let m = memories[item.card.id] else { continue }
            let day = m.due <= now ? 0 : Int(((m.due - startOfToday) / 86400).rounded(.down))
            if (0..<forecastDays).contains(day) { forecast[day] += 1 }
        }
        return QuizOverview(notes: notes, total: total, forecast: forecast, startOfToday: startOfToday)
    }
}
