import Foundation
import Notebook
@testable import Quiz
import Scheduling
import TestSupport
import Testing

final class ScriptedIO: QuizIO {
    var lines: [String]
    var output = ""
    init(_ lines: [String]) { self.lines = lines }
    func write(_ text: String) { output += text }
    func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}

func cards(_ text: String, note: String = "n") -> [QuizItem] {
    QuizParser.parse(text, firstLine: 1, noteID: note).cards.map { QuizItem(noteID: note, card: $0) }
}

let deck = cards(
    """
    id: r1
    Q: recall one?
    A: yes

    id: n1
    Q: log 2?
    A: = 0.6931 ± 0.001

    id: c1
    Q: which is D?
    - [ ] generator
    - [x] discriminator
    - [ ] noise

    id: r2
    Q: recall two?
    A: also yes
    """)

@Suite struct SessionTests {
    func session(_ store: ProgressStore, at time: Double, items: [QuizItem] = deck) -> QuizSession {
        QuizSession(items: items, store: store, now: { time }, startOfToday: time - 3600)
    }

    @Test func newCardsAreAskedAndGraded() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        var s = session(store, at: 100_000)
        s.newPerDay = 3
        // r1: Enter, grade 3; n1: 0.7 is outside ±0.001; c1: pick "discriminator" by its shown number.
        let probe = ScriptedIO(["", "3", "0.7", "q"])
        let summary = try s.run(probe)
        #expect(summary.answered == 2 && summary.stoppedEarly)
        #expect(probe.output.contains("✗ Not within the tolerance. The answer: 0.6931 ± 0.001. (Again)"))
        let log = try store.log()
        #expect(log.map(\.card) == ["r1", "n1"])
        #expect(log.map(\.grade) == [3, 1])
        #expect(try store.memories()["r1"]?.step == 1)  // Good on a new card: the 10-minute step
    }

    @Test func multipleChoiceIsShuffledBySeedAndGraded() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        let choice = deck.filter { $0.card.id == "c1" }
        let first = ScriptedIO(["1"])
        _ = try session(store, at: 1000, items: choice).run(first)
        let shown = first.output.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(")") }
        #expect(shown.count == 3)
        let right = shown.firstIndex { $0.contains("discriminator") }! + 1
        #expect(try store.log().first?.grade == (right == 1 ? 3 : 1))
        // The same seed shows the same order.
        let again = ScriptedIO(["1"])
        var s = session(try ProgressStore(folder: temporaryFolder()), at: 1000, items: choice)
        s.seed = 1
        _ = try s.run(again)
        #expect(again.output.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(")") } == shown)
    }

    @Test func dueCardsComeFirstAndTheNewLimitHolds() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        var s = session(store, at: 0)
        s.newPerDay = 1
        _ = try s.run(ScriptedIO(["", "1"]))  // r1 new, Again: due in 1 minute
        #expect(try store.log().count == 1)
        var later = session(store, at: 120)
        later.newPerDay = 2  // one was introduced today: one more allowed
        let plan = try later.plan()
        #expect(plan.map(\.item.card.id) == ["r1", "n1"])
    }

    @Test func cramAsksEverythingAndChangesNoSchedule() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        _ = try session(store, at: 0).run(ScriptedIO(["", "4"]))
        let before = try store.memories()
        var cram = session(store, at: 60)
        cram.cram = true
        #expect(try cram.plan().count == 4)
        _ = try cram.run(ScriptedIO(["", "1", "0.6931", "2", "", "2"]))
        #expect(try store.memories() == before)
        #expect(try store.log().filter { $0.kind == "cram" }.count == 4)
    }

    @Test func theEndOfInputEndsCleanly() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        let io = ScriptedIO(["", "2"])
        let summary = try session(store, at: 0).run(io)
        #expect(summary.answered == 1 && summary.stoppedEarly)
        #expect(io.output.contains("Stopped early; every answer given is saved."))
    }

    @Test func badGradesAreAskedAgain() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        let io = ScriptedIO(["", "7", "good"])
        _ = try session(store, at: 0, items: Array(deck.prefix(1))).run(io)
        #expect(io.output.contains("Please type 1, 2, 3 or 4 (or q to stop)."))
        #expect(try store.log().first?.grade == 3)
    }

    @Test func statisticsCountStatesDueAndFirstTries() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        _ = try session(store, at: 0).run(ScriptedIO(["", "1", "0.6931", "q"]))  // r1 Again, n1 Good
        let stats = try QuizStatistics.compute(items: deck, store: store, now: 30)
        #expect(stats.count == 1)
        let p = stats[0]
        #expect(p.cards == 4 && p.new == 2 && p.learning == 2 && p.review == 0)
        #expect(p.due == 0 && p.nextDue == 60)  // r1 is due after its 1-minute step
        #expect(p.reviews == 2 && p.firstTries == 2 && p.firstTryRecalled == 1)
        #expect(try QuizStatistics.compute(items: deck, store: store, now: 61)[0].due == 1)
    }
}
