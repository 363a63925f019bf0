/// A quiz session: which cards to ask, in what order, how each kind of card is
/// asked and graded, and the summary. Input and output go through `QuizIO`,
/// one line per prompt, so a session can be scripted as well as typed.
///
/// Order: due cards first (earliest due first), then new cards in note order,
/// up to the day's limit of new cards. With `cram`, every card of the chosen
/// notes is asked; those answers are logged as cram and change no schedule.
import Distributions
import Foundation
import Installation
import Notebook

public protocol QuizIO {
    func write(_ text: String)
    /// The next line of input, or nil at the end of input.
    func readLine() -> String?
}

public struct QuizItem: Sendable {
    public var noteID: String
    public var card: QuizCard
    public init(noteID: String, card: QuizCard) {
        self.noteID = noteID
        self.card = card
    }
}

public struct QuizSession {
    public var items: [QuizItem]
    public var store: ProgressStore
    public var scheduler = Scheduler()
    public var newPerDay = 10
    public var cram = false
    public var seed: UInt64 = 1
    /// Seconds since the epoch; the session reads it for every answer.
    public var now: () -> Double
    /// The start of "today", for the daily limit of new cards.
    public var startOfToday: Double

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
    }

    /// The cards to ask now, in order, with their stored memories.
    public func plan() throws -> [(item: QuizItem, memory: Memory?)] {
        let memories = try store.memories()
        if cram { return items.map { ($0, memories[$0.card.id]) } }
        let time = now()
        let due = items.compactMap { item -> (QuizItem, Memory)? in
            guard let m = memories[item.card.id], m.due <= time else { return nil }
            return (item, m)
        }.sorted { $0.1.due < $1.1.due }
        let allowance = max(newPerDay - (try store.newCardsIntroduced(since: startOfToday)), 0)
        let fresh = items.filter { memories[$0.card.id] == nil }.prefix(allowance)
        return due.map { ($0.0, Optional($0.1)) } + fresh.map { ($0, nil) }
    }

    public func run(_ io: QuizIO) throws -> Summary {
        let queue = try plan()
        var summary = Summary()
        if queue.isEmpty {
            io.write(cram ? "No cards in these notes.\n" : "Nothing is due, and no new cards are left for today. " + nextDueSentence() + "\n")
            return summary
        }
        let newCount = queue.filter { $0.memory == nil }.count
        io.write("\(queue.count) card\(queue.count == 1 ? "" : "s") to go: \(queue.count - newCount) due, \(newCount) new\(cram ? " (cram: the schedule will not change)" : ""). Type q to stop.\n")
        for (index, entry) in queue.enumerated() {
            io.write("\n── \(index + 1)/\(queue.count) · \(entry.item.noteID) · \(entry.memory == nil ? "new" : "review") ──\n")
            let started = now()
            guard let grade = ask(entry.item.card, io, attempt: entry.memory == nil ? 0 : 1) else {
                summary.stoppedEarly = true
                break
            }
            let answeredAt = now()
            let before = entry.memory
            let after = cram ? (before ?? Memory(due: answeredAt)) : scheduler.review(before ?? Memory(due: answeredAt), grade, at: answeredAt)
            try store.record(LoggedReview(cardID: entry.item.card.id, noteID: entry.item.noteID, time: answeredAt, grade: grade,
                                          kind: cram ? .cram : .scheduled, before: before, after: after,
                                          durationMilliseconds: Int(((answeredAt - started) * 1000).rounded())))
            summary.answered += 1
            summary.grades[grade, default: 0] += 1
            if !cram { io.write("  next review \(Self.describeInterval(after.due - answeredAt))\n") }
        }
        io.write("\n" + describe(summary, planned: queue.count) + "\n")
        return summary
    }

    /// Asks one card; nil when the learner stops (q or end of input).
    func ask(_ card: QuizCard, _ io: QuizIO, attempt: Int) -> Grade? {
        io.write("Q: \(card.question)\n")
        switch card.answer {
        case .recall(let answer):
            io.write("(Enter shows the answer)\n")
            guard let line = io.readLine(), !Self.isQuit(line) else { return nil }
            io.write("A: \(answer)\n")
            while true {
                io.write("How well did you recall it? 1 Again · 2 Hard · 3 Good · 4 Easy\n")
                guard let line = io.readLine(), !Self.isQuit(line) else { return nil }
                if let grade = Self.grade(line) { return grade }
                io.write("Please type 1, 2, 3 or 4 (or q to stop).\n")
            }
        case .choice(let choices):
            var rng = SeededGenerator(seed: seed ^ StableHash.value(card.id))
            var order = Array(choices.indices)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            for (n, i) in order.enumerated() { io.write("  \(n + 1)) \(choices[i].text)\n") }
            while true {
                io.write("Your answer (1–\(choices.count)):\n")
                guard let line = io.readLine(), !Self.isQuit(line) else { return nil }
                if let n = Int(line.trimmingCharacters(in: .whitespaces)), (1...choices.count).contains(n) {
                    let right = order.firstIndex { choices[$0].isCorrect }! + 1
                    if choices[order[n - 1]].isCorrect {
                        io.write("✓ Right. (Good)\n")
                        return .good
                    }
                    io.write("✗ Not quite. The answer: \(right)) \(choices[order[right - 1]].text) (Again)\n")
                    return .again
                }
                io.write("Please type a number from 1 to \(choices.count) (or q to stop).\n")
            }
        case .numeric(let value, let tolerance):
            while true {
                io.write("Your answer (a number):\n")
                guard let line = io.readLine(), !Self.isQuit(line) else { return nil }
                let text = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-")
                if let x = Double(text), x.isFinite {
                    let shown = "\(Self.number(value)) ± \(Self.number(tolerance))"
                    if abs(x - value) <= tolerance {
                        io.write("✓ Right: \(shown). (Good)\n")
                        return .good
                    }
                    io.write("✗ Not within the tolerance. The answer: \(shown). (Again)\n")
                    return .again
                }
                io.write("Please type a number, such as 0.6931 (or q to stop).\n")
            }
        }
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

    func describe(_ summary: Summary, planned: Int) -> String {
        var parts = Grade.allCases.compactMap { g in summary.grades[g].map { "\($0) \(g.name)" } }
        if parts.isEmpty { parts = ["none"] }
        let head = "Answered \(summary.answered) of \(planned): " + parts.joined(separator: ", ") + "."
        return head + (summary.stoppedEarly ? " Stopped early; every answer given is saved." : "") + " " + nextDueSentence()
    }

    func nextDueSentence() -> String {
        guard !cram, let memories = try? store.memories() else { return "" }
        let ids = Set(items.map(\.card.id))
        let time = now()
        let dueNow = memories.filter { ids.contains($0.key) && $0.value.due <= time }.count
        guard let next = memories.filter({ ids.contains($0.key) && $0.value.due > time }).map(\.value.due).min() else {
            return dueNow > 0 ? "\(dueNow) due now." : ""
        }
        return (dueNow > 0 ? "\(dueNow) due now; next " : "Next review ") + Self.describeInterval(next - time) + "."
    }

    static func describeInterval(_ seconds: Double) -> String {
        if seconds < 90 { return "in \(Int(seconds.rounded())) s" }
        if seconds < 5400 { return "in \(Int((seconds / 60).rounded())) min" }
        if seconds < 36 * 3600 { return "in \(Int((seconds / 3600).rounded())) h" }
        return "in \(Int((seconds / 86400).rounded())) days"
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
