import Foundation
@testable import Scheduling
import Testing

/// Our FSRS-6 against py-fsrs 6.3.2 (Fixtures/make_fsrs_fixtures.py).
@Suite struct SchedulerTests {
    struct Step: Decodable {
        var time: Double; var grade: Int; var state: Int; var step: Int?
        var stability: Double; var difficulty: Double; var due: Double; var last_review: Double
    }
    struct Sequence: Decodable, CustomStringConvertible {
        var start: Double; var reviews: [Step]
        var description: String { "sequence from \(Int(start)) (\(reviews.count) reviews)" }
    }
    struct File: Decodable { var fsrs: String; var sequences: [Sequence] }

    static let file: File = {
        let url = Bundle.module.url(forResource: "fsrs_sequences", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    @Test func thereAreAtLeast50SequencesFromPyFSRS6() {
        #expect(Self.file.fsrs.hasPrefix("6."))
        #expect(Self.file.sequences.count >= 50)
    }

    @Test(arguments: file.sequences)
    func everyStepMatchesPyFSRS(_ sequence: Sequence) {
        let scheduler = Scheduler()
        var memory = Memory(due: sequence.start)
        for (i, expected) in sequence.reviews.enumerated() {
            memory = scheduler.review(memory, Grade(rawValue: expected.grade)!, at: expected.time)
            let context = "\(sequence), review \(i + 1), grade \(expected.grade)"
            #expect(memory.state.rawValue == expected.state, "\(context): state")
            #expect(memory.step == expected.step, "\(context): step")
            #expect(
                abs(memory.stability! - expected.stability) <= 1e-6 * expected.stability, "\(context): stability \(memory.stability!) vs \(expected.stability)")
            #expect(abs(memory.difficulty! - expected.difficulty) <= 1e-6 * expected.difficulty, "\(context): difficulty")
            #expect(abs(memory.due - expected.due) < 1, "\(context): due \(memory.due) vs \(expected.due)")
            if abs(memory.due - expected.due) >= 1 { return }  // later steps would only repeat the first difference
        }
    }

    @Test func intervalsRoundHalfToEvenLikePython() {
        // At the default retention (0.9) the raw interval is S itself, so a
        // stability of x.5 days lands exactly on a tie: Python's round() (and
        // py-fsrs) goes to the even neighbour, schoolbook rounding would not.
        let s = Scheduler()
        #expect(s.nextInterval(2.5) == 2)
        #expect(s.nextInterval(3.5) == 4)
        #expect(s.nextInterval(10.5) == 10)
        #expect(s.nextInterval(2.6) == 3)
        #expect(s.nextInterval(0.2) == 1)  // at least a day
    }

    @Test func aNewCardFollowsTheLearningSteps() {
        let s = Scheduler()
        var m = Memory(due: 0)
        m = s.review(m, .good, at: 0)
        #expect(m.state == .learning && m.step == 1 && m.due == 600)  // the 10-minute step
        m = s.review(m, .hard, at: 600)
        #expect(m.due == 1200)  // step 1 of 2: Hard repeats it
        m = s.review(m, .good, at: 1200)
        #expect(m.state == .review && m.step == nil && m.due >= 1200 + 86_400)
    }
}
