/// Which cards a session asks and in what order, and the seeds that make each
/// review's option order and exercise numbers reproducible.
import Distributions
import Installation
import Scheduling

extension QuizSession {
    /// The cards to ask now, in order, with their stored memories.
    package func plan() throws -> [(item: QuizItem, memory: Memory?)] {
        try entries().map { ($0.item, $0.memory) }
    }

    /// Due cards (earliest first), then new cards up to the day's allowance; every card when cramming.
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
}
