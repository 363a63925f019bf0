import Foundation
import Notebook
@testable import Quiz
import Scheduling
import TerminalKit
import TestSupport
import Testing

/// Keys for a session, from a script; a timeout (nil) advances the test's clock.
final class ScriptedKeys: QuizKeys {
    var keys: [Key?]
    var lines: [String]
    let clock: TestClock
    init(_ keys: [Key?], lines: [String] = [], clock: TestClock) {
        self.keys = keys
        self.lines = lines
        self.clock = clock
    }
    func key(timeout: Double?) -> Key? {
        if let first = keys.first, first == nil, let timeout {
            keys.removeFirst()
            clock.time += timeout
            return nil
        }
        return keys.isEmpty ? .end : keys.removeFirst()
    }
    func line(prompt: String, commands: Set<Character>) -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    func suspended(_ body: () -> Void) { body() }
}

final class TestClock: @unchecked Sendable {
    var time: Double
    init(_ time: Double) { self.time = time }
}

final class KeyIO: QuizIO {
    let scripted: ScriptedKeys
    var output = ""
    init(_ keys: ScriptedKeys) { scripted = keys }
    func write(_ text: String) { output += text }
    func readLine() -> String? { Issue.record("a key session read a line"); return nil }
    var keys: QuizKeys? { scripted }
}

@Suite struct KeySessionTests {
    func session(_ store: ProgressStore, _ clock: TestClock, items: [QuizItem] = deck) -> QuizSession {
        QuizSession(items: items, store: store, now: { clock.time }, startOfToday: clock.time - 3600)
    }

    @Test func enterShowsAGradeKeyGradesAndEachGradeShowsItsInterval() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(0)
        let io = KeyIO(ScriptedKeys([.enter, .character("3"), .character("q")], clock: clock))
        let summary = try session(store, clock, items: Array(deck.prefix(1))).run(io)
        #expect(summary.answered == 1)
        #expect(io.output.contains("A: yes"))
        #expect(io.output.contains("1 Again <1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d"))
        #expect(try store.log().map(\.grade) == [3])
    }

    @Test func undoTakesTheAnswerBackAndAsksTheCardAgain() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(1000)
        // r1: Enter, 4 (Easy: graduates). n1 is asked: u undoes r1; r1 again: Enter, 2; then q at n1.
        let io = KeyIO(ScriptedKeys([.enter, .character("4"), .enter, .character("2")], lines: ["u"], clock: clock))
        let summary = try session(store, clock, items: Array(deck.prefix(2))).run(io)
        #expect(io.output.contains("↶ Undone"))
        #expect(try store.log().map(\.grade) == [2])
        #expect(try store.memories()["r1"]?.state == .learning)
        #expect(summary.answered == 1 && summary.grades == [.hard: 1])
        #expect(io.output.components(separatedBy: "Q: recall one?").count == 3)
    }

    @Test func undoingANewCardLeavesNoTraceInTheStore() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(1000)
        let io = KeyIO(ScriptedKeys([.enter, .character("3"), .character("u"), .character("q")], clock: clock))
        _ = try session(store, clock, items: Array(deck.prefix(1))).run(io)
        #expect(try store.log().isEmpty)
        #expect(try store.memories().isEmpty)
    }

    @Test func learningCardsStayInTheSessionAndAreWaitedFor() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(0)
        // Again (1 min), then the countdown runs out after 60 one-second timeouts, then Good, Good.
        var keys: [Key?] = [.enter, .character("1")]
        keys += Array(repeating: nil, count: 60)
        keys += [.enter, .character("3"), .enter]  // Enter during the 10-minute wait takes the card now
        keys += [.enter, .character("3")]
        let io = KeyIO(ScriptedKeys(keys, clock: clock))
        let summary = try session(store, clock, items: Array(deck.prefix(1))).run(io)
        #expect(io.output.contains("⏳ Next learning card in 1:00"))
        #expect(try store.log().map(\.grade) == [1, 3, 3])
        #expect(try store.memories()["r1"]?.state == .review)
        #expect(summary.answered == 3 && !summary.stoppedEarly)
    }

    @Test func aRightChoiceMayBeMarkedAsAGuess() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(0)
        let choice = deck.filter { $0.card.id == "c1" }
        let order = session(store, clock, items: choice).optionOrder(.init(item: choice[0], memory: nil, reviewNumber: 0), count: 3)
        let right = Character(String(UnicodeScalar(UInt8(ascii: "a") + UInt8(order.firstIndex(of: 1)!))))
        let io = KeyIO(ScriptedKeys([.character(right), .character("1")], clock: clock))
        _ = try session(store, clock, items: choice).run(io)
        #expect(io.output.contains("✓ Right."))
        #expect(io.output.contains("Marked as Again."))
        #expect(try store.log().map(\.grade) == [1])
    }

    /// `o` opens the note on every kind of card, and every key line says so:
    /// on a numeric card it is a line of its own (a single key on a terminal).
    @Test func oOpensTheNoteOnEveryKindAndEveryKeyLineSaysSo() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let clock = TestClock(0)
        let items = ["r1", "n1", "c1"].map { id in deck.first { $0.card.id == id }! }
        var s = session(store, clock, items: items)
        var opened: [String] = []
        s.openNote = { opened.append($0.card.id) }
        // r1: o, Enter, o, 3. n1: the line "o", then the answer; o, Enter after it. c1: o, q.
        let keys: [Key] = [
            .character("o"), .enter, .character("o"), .character("3"), .character("o"), .enter, .character("o"), .character("q"),
        ]
        let io = KeyIO(ScriptedKeys(keys, lines: ["o", "0.6931"], clock: clock))
        _ = try s.run(io)
        #expect(opened == ["r1", "r1", "n1", "n1", "c1"])
        let keyLines = io.output.split(separator: "\n").filter { $0.contains("u undoes") && $0.contains("q stops") }
        #expect(keyLines.count >= 4)
        #expect(keyLines.allSatisfy { $0.contains("o opens the note") }, "\(keyLines)")
        #expect(QuizWords.english(.numberKeys).contains("o opens the note"))
    }

    @Test func optionsAreShuffledPerReview() {
        let s = session(try! ProgressStore(folder: temporaryFolder()), TestClock(0))
        let orders = Set((0..<12).map { s.optionOrder(.init(item: deck[2], memory: nil, reviewNumber: $0), count: 4) })
        #expect(orders.count > 3)
        #expect(
            s.optionOrder(.init(item: deck[2], memory: nil, reviewNumber: 5), count: 4)
                == s.optionOrder(.init(item: deck[2], memory: nil, reviewNumber: 5), count: 4))
    }

    @Test func theNumberHintIsNoCardsAnswer() {
        let items = cards("Q: a\nA: = 2.5 ± 0.01\n\nQ: b\nA: = 0.375 ± 0.001")
        #expect(CardPrompt.exampleInput(avoiding: items) == "sqrt 3")
        #expect(CardPrompt.exampleInput(avoiding: cards("Q: c\nA: = 0.6931 ± 0.001")) == "2.5")
    }

    @Test func shortIntervalsReadAsAnkisButtons() {
        let seconds: [Double] = [30, 360, 600, 10_800, 345_600, 3_110_400, 69_120_000]
        let shown = seconds.map { QuizWords.english.shortInterval($0) }
        #expect(shown == ["<1m", "6m", "10m", "3h", "4d", "1.2mo", "2.2y"])
    }
}

@Suite struct LineSessionTests {
    @Test func cramNeitherLabelsAgainNorCountsReviews() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        _ = try QuizSession(items: deck, store: store, now: { 0 }, startOfToday: -3600).run(ScriptedIO(["", "4"]))
        var cram = QuizSession(items: deck, store: store, now: { 60 }, startOfToday: -3600)
        cram.cram = true
        let io = ScriptedIO(["", "1", "0.7", "q"])
        _ = try cram.run(io)
        #expect(io.output.hasPrefix("4 cards to drill: 0 due, 1 not due yet, 3 new (cram: the schedule will not change)."))
        #expect(!io.output.contains("(Again)"))
        #expect(io.output.contains("Drilled 2 of 4: 0 right, 2 missed."))
        let stats = try QuizStatistics.compute(items: deck, store: store, now: 60)[0]
        #expect(stats.reviews == 1)
    }

    @Test func aTypedRecallAnswerIsShownBesideTheRightOneAndWhyAfterIt() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let items = cards("id: w\nQ: Which divergence?\nA: Jensen–Shannon\nWhy: Theorem 1 says so.")
        let io = ScriptedIO(["KL", "2"])
        _ = try QuizSession(items: items, store: store, now: { 0 }, startOfToday: -1).run(io)
        #expect(io.output.contains("You: KL\nA: Jensen–Shannon\nWhy: Theorem 1 says so.\n"))
    }

    @Test func expressionsAreAcceptedAndANearMissSaysClose() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let items = cards("id: l\nQ: JSD max?\nA: = 0.6931 ± 0.001\n\nid: m\nQ: again?\nA: = 0.6931 ± 0.001")
        let io = ScriptedIO(["log 2", "0.70"])
        _ = try QuizSession(items: items, store: store, now: { 0 }, startOfToday: -1).run(io)
        #expect(io.output.contains("✓ Right: 0.6931 ± 0.001. (Good)"))
        #expect(io.output.contains("≈ Close: 0.7 is within 2% of the answer, but the card asks for ± 0.001."))
        #expect(try store.log().map(\.grade) == [3, 1])
    }

    @Test func theNewCardBudgetIsPerNotebookFolder() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let other = cards("id: elsewhere\nQ: x\nA: y", note: "other")
        _ = try QuizSession(items: other, store: store, now: { 0 }, startOfToday: -1).run(ScriptedIO(["", "3"]))
        var s = QuizSession(items: deck, store: store, now: { 10 }, startOfToday: -1)
        s.newPerDay = 1
        s.notebookCardIDs = Set(deck.map(\.card.id))
        #expect(try s.plan().count == 1)  // the other folder's new card does not count here
        s.notebookCardIDs = nil
        #expect(try s.plan().isEmpty)  // counted over the whole store, it would
    }

    @Test func anExerciseShowsFreshNumbersAtEachReviewAndGradesEach() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let items = cards(ExerciseCardTests.dstar)
        var asked: [String] = []
        let times: [Double] = [0, 2_592_000]
        for (n, time) in times.enumerated() {
            var s = QuizSession(items: items, store: store, now: { time }, startOfToday: time - 1)
            s.cram = n == 1  // the second review is a cram review so that it is asked whatever the schedule
            let probe = ScriptedIO([])
            let entry = try s.entries()[0]
            guard case .exercise(let e) = items[0].card.answer else { Issue.record("not an exercise"); return }
            let instance = try #require(e.instance(seed: s.exerciseSeed(entry)))
            asked.append(instance.question)
            probe.lines = [Exercise.format(instance.answer!, 4)]
            _ = try s.run(probe)
            #expect(probe.output.contains("Q: " + instance.question))
            #expect(probe.output.contains("✓ Right: "), "\(probe.output)")
        }
        #expect(asked[0] != asked[1])
    }
}
