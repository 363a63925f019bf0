/// The session's first and last lines: what is planned (or why nothing is),
/// and the summary with the next review, new cards held back and the streak.
import Foundation
import Scheduling

extension QuizSession {
    /// The line when nothing is asked: no cards (cram), or nothing due and when the next is.
    func nothingToAsk() -> String {
        if cram { return words(.nothingCram) }
        // English: "…for today. Next review in 10 min. 3 new cards wait…" (two spaces when nothing is next).
        var line = words(.nothingDue)
        let next = nextDueSentence(), held = heldBackSentence()
        line += QuizText.gap(line, next) + next
        if !held.isEmpty { line += QuizText.gap(line, held) + held }
        return line
    }

    /// "5 cards to go: 2 due, 3 new." (or, cramming, to drill).
    func opening(_ planned: [Entry]) -> String {
        let newCount = planned.filter { $0.memory == nil }.count
        guard cram else { return words(.openingGo, count: planned.count, ["due": "\(planned.count - newCount)", "new": "\(newCount)"]) }
        let time = now()
        let due = planned.filter { $0.memory.map { $0.due <= time } ?? false }.count
        let later = planned.count - newCount - due
        return words(.openingDrill, count: planned.count, ["due": "\(due)", "later": "\(later)", "new": "\(newCount)"])
    }

    /// "Answered 3 of 5: 1 Again, 2 Good. Next review in 1 min. Studied 2 days in a row."
    func describe(_ summary: Summary, planned: Int) -> String {
        var values = ["answered": "\(summary.answered)", "planned": "\(planned)"]
        let head: String
        if cram {
            let missed = summary.grades[.again] ?? 0
            values["right"] = "\(summary.answered - missed)"
            values["missed"] = "\(missed)"
            head = words(.summaryDrilled, values)
        } else if summary.answered == 0 {
            head = words(.summaryNone, values)
        } else {
            // The grades given, for a language that lists them ("1 Again, 2 Good"); every count, for one that gives all four.
            let given = Grade.allCases.compactMap { g in summary.grades[g].map { words(.summaryGradeCount, count: $0, ["grade": words.name(g)]) } }
            values["graded"] = given.joined(separator: ", ")
            for (g, key) in zip(Grade.allCases, ["again", "hard", "good", "easy"]) { values[key] = "\(summary.grades[g] ?? 0)" }
            head = words(.summaryAnswered, values)
        }
        let cards = summary.cards.count == summary.answered || summary.cards.isEmpty ? "" : words(.summaryCards, count: summary.cards.count)
        let stop = summary.stoppedEarly ? words(.summaryStopped) : ""
        return QuizText.joined([head, cards, stop, nextDueSentence(), streakSentence()])
    }

    /// "2 due now; next in 4 min." or "Next review in 4 min."
    func nextDueSentence() -> String {
        guard !cram, let memories = try? store.memories() else { return "" }
        let ids = Set(items.map(\.card.id))
        let time = now()
        let dueNow = memories.filter { ids.contains($0.key) && $0.value.due <= time }.count
        guard let next = memories.filter({ ids.contains($0.key) && $0.value.due > time }).map(\.value.due).min() else {
            return dueNow > 0 ? words(.summaryDueNow, count: dueNow) : ""
        }
        let when = words.interval(next - time)
        return dueNow > 0 ? words(.summaryDueNowNext, count: dueNow, ["when": when]) : words(.nextSentence, ["when": when])
    }

    /// When new cards wait only because of the daily limit: say how to have more.
    func heldBackSentence() -> String {
        guard let memories = try? store.memories() else { return "" }
        let unseen = items.filter { memories[$0.card.id] == nil }.count
        guard unseen > 0 else { return "" }
        return words(.summaryHeldBack, count: unseen, ["limit": "\(newPerDay)"])
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
        return streak == 0 ? "" : words(.summaryStreak, count: streak)
    }
}
