/// `ganbook quiz stats` as a report: progress per note, true retention and
/// (for the JSON form) the forecast as a table, in the learner's language;
/// the JSON form is English, since its column names are its rows' keys.
import Foundation
import Localization
import Report

extension QuizOverview {
    /// "now" when something is due (so "due" and "next due" never disagree), else "in 4 min".
    static func nextDue(_ p: NoteProgress, now: Double, _ words: QuizWords) -> Value {
        if p.due > 0 { return .text(words(.statsNow)) }
        return p.nextDue.map { .text(words.interval($0 - now)) } ?? .missing
    }

    static func percent(_ share: Double?) -> Value { share.map { .fixed($0 * 100, 0) } ?? .missing }

    /// The tables (and, with `forecastTable`, the forecast as a table too: the JSON form).
    /// `language` gives the words (not the note ids).
    package func report(now: Double, forecastTable: Bool = true, language: Language = .en) -> Report {
        let w = QuizWords.of(language)
        var report = Report(title: w(.statsTitle))
        // The total row's name (the note ids are not translated).
        var total = self.total
        total.noteID = w(.statsAll)
        let rows: [[Value]] = (notes + [total]).map { p in
            [
                .text(p.noteID), .integer(p.cards), .integer(p.new), .integer(p.learning), .integer(p.review), .integer(p.due),
                .integer(p.reviews), Self.percent(p.firstTryShare), Self.nextDue(p, now: now, w),
            ]
        }
        let columns: [QuizMessage] = [
            .statsNote, .statsCards, .statsNew, .statsLearning, .statsReview, .statsDue, .statsReviews, .statsFirstTry, .statsNextDue,
        ]
        report.table(Table(columns: columns.map { w($0) }, rows: rows))
        let retention: [[Value]] = (notes + [total]).map { p in
            [
                .text(p.noteID), .integer(p.retention7.reviews), Self.percent(p.retention7.share),
                .integer(p.retention30.reviews), Self.percent(p.retention30.share),
            ]
        }
        let retentionColumns: [QuizMessage] = [.statsNote, .statsReviews7, .statsRetention7, .statsReviews30, .statsRetention30]
        report.table(Table(title: w(.statsRetention), columns: retentionColumns.map { w($0) }, rows: retention))
        if forecastTable { report.table(Table(title: w(.statsForecast), columns: [w(.statsDay), w(.statsDate), w(.statsDue)], rows: forecastRows())) }
        report.text(w(.statsFooter, ["due": "\(total.due)", "new": "\(total.new)", "reviews": "\(total.reviews)"]))
        return report
    }

    /// Day, date and count of the forecast, a row per day.
    func forecastRows() -> [[Value]] {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return forecast.enumerated().map { day, count in
            let date = Calendar.current.date(byAdding: .day, value: day, to: Date(timeIntervalSince1970: startOfToday))!
            return [.integer(day), .text(formatter.string(from: date)), .integer(count)]
        }
    }
}
