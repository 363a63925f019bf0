/// Per-note progress: how many cards are new, learning, in review and due,
/// how many reviews were logged, how often a card was recalled the first time
/// it was asked, and when the next one is due.
import Foundation

public struct NoteProgress: Sendable, Equatable {
    public var noteID: String
    public var cards = 0
    public var new = 0
    public var learning = 0
    public var review = 0
    public var due = 0
    public var reviews = 0
    /// Cards answered at least once on schedule, and of those, recalled (not Again) the first time.
    public var firstTries = 0
    public var firstTryRecalled = 0
    public var nextDue: Double?

    public init(noteID: String) { self.noteID = noteID }

    public var firstTryShare: Double? { firstTries > 0 ? Double(firstTryRecalled) / Double(firstTries) : nil }
}

public enum QuizStatistics {
    public static func compute(items: [QuizItem], store: ProgressStore, now: Double) throws -> [NoteProgress] {
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
                p.reviews += h.reviews
                if let first = h.firstGrade {
                    p.firstTries += 1
                    if first > 1 { p.firstTryRecalled += 1 }
                }
            }
            byNote[item.noteID] = p
        }
        return order.map { byNote[$0]! }
    }
}
