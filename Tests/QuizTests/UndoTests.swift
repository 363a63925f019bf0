import Distributions
import Foundation
import Notebook
@testable import Quiz
import Scheduling
import TerminalKit
import TestSupport
import Testing

/// Undo keeps the store and the session in agreement: after any sequence of
/// answers and undos, the card table is what replaying the log gives, and the
/// session holds each card once, with the memory the store has for it.
@Suite struct UndoTests {
    /// The card table rebuilt from the log alone: each scheduled answer, in order, from a new card.
    static func replay(_ log: [(card: String, grade: Int, kind: String, time: Double)]) -> [String: Memory] {
        var memories: [String: Memory] = [:]
        for row in log where row.kind == "scheduled" {
            let grade = Grade(rawValue: row.grade)!
            memories[row.card] = Scheduler().review(memories[row.card] ?? Memory(due: row.time), grade, at: row.time)
        }
        return memories
    }

    /// What the session holds that disagrees with the store: a card held twice,
    /// or a card held with another memory than the store's; empty when they agree.
    static func disagreements(_ progress: SessionProgress, _ store: ProgressStore) throws -> [String] {
        let ids = progress.queue.cardIDs
        var found = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.map { "\($0) is held twice" }
        let memories = try store.memories()
        let held = (progress.queue.current.map { [$0] } ?? []) + progress.queue.pending + progress.queue.learning
        for entry in held where entry.memory != memories[entry.item.card.id] {
            found.append("\(entry.item.card.id) is held with a memory the store does not have")
        }
        return found.sorted()
    }

    /// The repro: Good on a recall card, a wrong choice, undo, the right
    /// choice, Enter. The choice card must not come back as new, the counter
    /// must not grow, and the log must hold one answer per card.
    @Test func undoingAWrongChoiceThenAnsweringRightLeavesOneAnswerAndNoCopy() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(1000)
        let items = deck.filter { ["r1", "c1", "r2"].contains($0.card.id) }
        var session = QuizSession(items: items, store: store, now: { clock.time }, startOfToday: 0)
        let choice = items.first { $0.card.id == "c1" }!
        let order = session.optionOrder(.init(item: choice, memory: nil, reviewNumber: 0), count: 3)
        let right = Character(String(UnicodeScalar(UInt8(ascii: "a") + UInt8(order.firstIndex(of: 1)!))))
        let wrong: Character = right == "a" ? "b" : "a"
        let keys: [Key] = [.enter, .character("3"), .character(wrong), .character("u"), .character(right), .enter, .character("q")]
        let io = KeyIO(ScriptedKeys(keys, clock: clock))
        var problems: [String] = []
        session.onStep = { problems += (try? Self.disagreements($0, store)) ?? ["the store could not be read"] }
        _ = try session.run(io)
        #expect(problems.isEmpty, "\(problems)")
        let headers = io.output.split(separator: "\n").filter { $0.hasPrefix("── ") }.map { $0.split(separator: " ")[1] }
        #expect(headers == ["1/3", "2/4", "2/4", "3/5"], "\(io.output)")
        #expect(try store.log().map(\.card) == ["r1", "c1"])
        #expect(try store.memories() == Self.replay(try store.log()))
        #expect(io.output.components(separatedBy: "Q: which is D?").count == 3)  // asked, then asked again after undo
    }

    /// Random keys over a deck of every kind; after every key the card table is
    /// checked against a replay of the log, and at every step the session's cards.
    @Test(arguments: 0..<24)
    func randomAnswersAndUndosKeepTheStoreEqualToTheReplayedLog(seed: UInt64) throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(1_000_000)
        var session = QuizSession(items: deck, store: store, now: { clock.time }, startOfToday: 0)
        var problems: [String] = []
        session.onStep = { problems += (try? Self.disagreements($0, store)) ?? ["the store could not be read"] }
        let keys = RandomKeys(seed: seed, presses: 80, clock: clock) {
            let log = try store.log()
            if try store.memories() != Self.replay(log) { problems.append("after \(log.count) logged answers, the card table is not the replayed log") }
        }
        let summary = try session.run(RandomKeys.IO(keys: keys))
        #expect(problems.isEmpty, "seed \(seed): \(Set(problems).sorted())")
        #expect(keys.undos > 0 && summary.answered > 0, "seed \(seed): the script pressed u \(keys.undos) times")
        let log = try store.log()
        #expect(try store.memories() == Self.replay(log))
        #expect(summary.answered == log.count)
    }
}

/// Random key presses (grades, options, Enter, undo, a few seconds of thought
/// each) and typed answers; `check` runs before each, while the session waits.
final class RandomKeys: QuizKeys {
    var rng: SeededGenerator
    var presses: Int
    var undos = 0
    let clock: TestClock
    let check: () throws -> Void

    init(seed: UInt64, presses: Int, clock: TestClock, check: @escaping () throws -> Void) {
        rng = SeededGenerator(seed: seed)
        self.presses = presses
        self.clock = clock
        self.check = check
    }

    func pick<T>(_ options: [T]) -> T { options[Int(rng.next() % UInt64(options.count))] }

    /// False when the script is spent (the session then sees the end of input).
    func press() -> Bool {
        try? check()
        presses -= 1
        clock.time += Double(rng.next() % 40)
        return presses >= 0
    }

    func key(timeout: Double?) -> Key? {
        guard press() else { return .end }
        if let timeout, rng.next() % 4 != 0 {
            clock.time += timeout
            return nil
        }
        let key = pick(["u", "u", "1", "2", "3", "4", "a", "b", "c", "enter", "enter", "space"])
        if key == "u" { undos += 1 }
        return key == "enter" ? .enter : key == "space" ? .space : .character(Character(key))
    }

    func line(prompt: String, commands: Set<Character>) -> String? {
        guard press() else { return nil }
        let line = pick(["u", "0.6931", "log 2", "0.5"])
        if line == "u" { undos += 1 }
        return line
    }

    func suspended(_ body: () -> Void) { body() }

    final class IO: QuizIO {
        let keys: QuizKeys?
        init(keys: RandomKeys) { self.keys = keys }
        func write(_ text: String) {}
        func readLine() -> String? { nil }
    }
}
