import Foundation
import Notebook
@testable import Quiz
import Scheduling
import TerminalKit
import TestSupport
import Testing

@Suite struct StatisticsTests {
    @Test func retentionCountsReviewStateAnswersAndTheForecastCountsDueDays() throws {
        let store = try ProgressStore(folder: temporaryFolder())
        let day = 86_400.0
        let s = Scheduler()
        // r1: Easy on day 0 (review state), then Again on day 10 (a review-state answer, not recalled).
        let r1 = s.review(Memory(due: 0), .easy, at: 0)
        try store.record(LoggedReview(cardID: "r1", noteID: "n", time: 0, grade: .easy, kind: .scheduled, before: nil, after: r1, durationMilliseconds: 1))
        let r1b = s.review(r1, .again, at: 10 * day)
        try store.record(
            LoggedReview(cardID: "r1", noteID: "n", time: 10 * day, grade: .again, kind: .scheduled, before: r1, after: r1b, durationMilliseconds: 1))
        // r2: Easy on day 0, Good on day 9 (recalled) — and a cram answer, which is not a review.
        let r2 = s.review(Memory(due: 0), .easy, at: 0)
        try store.record(LoggedReview(cardID: "r2", noteID: "n", time: 0, grade: .easy, kind: .scheduled, before: nil, after: r2, durationMilliseconds: 1))
        let r2b = s.review(r2, .good, at: 9 * day)
        try store.record(
            LoggedReview(cardID: "r2", noteID: "n", time: 9 * day, grade: .good, kind: .scheduled, before: r2, after: r2b, durationMilliseconds: 1))
        try store.record(
            LoggedReview(cardID: "r2", noteID: "n", time: 9 * day + 5, grade: .again, kind: .cram, before: r2b, after: r2b, durationMilliseconds: 1))
        let now = 10 * day + 60
        let o = try QuizStatistics.overview(items: deck, store: store, now: now, startOfToday: 10 * day - 3600)
        #expect(o.total.retention30 == .init(reviews: 2, recalled: 1))
        #expect(o.total.retention7 == .init(reviews: 2, recalled: 1))
        #expect(o.total.reviews == 4)  // the cram answer is not a review
        // r1 relearns in 10 minutes: today. r2 is due in whole days from today's start, if within 30.
        var expected = [Int](repeating: 0, count: 30)
        expected[0] += 1
        let r2Day = Int(((r2b.due - (10 * day - 3600)) / day).rounded(.down))
        if r2Day < 30 { expected[r2Day] += 1 }
        #expect(o.forecast == expected)
        let report = o.report(now: now)
        #expect(report.items.count == 4)  // progress, retention, forecast, the line
        let chart = o.forecastChart(width: 80, sheet: StyleSheet(color: false))
        #expect(!chart.contains("\u{1B}"))
        #expect(chart.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(chart.contains("█") && chart.contains("today"))
    }
}
