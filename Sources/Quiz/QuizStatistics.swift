/// Per-note progress: how many cards are new, learning, in review and due,
/// how many reviews were logged (cram answers are not reviews), how often a
/// card was recalled the first time it was asked, when the next one is due,
/// the true retention, and a forecast of the reviews due per day.
///
/// True retention is Anki's: of the scheduled reviews of cards that were in
/// review state (not learning or relearning), the share not graded Again, over
/// the last 7 and 30 days. The forecast counts each card on the day it is due
/// (local days; today includes everything overdue); it counts each card once,
/// at its next due date, as Anki's future-due graph does.
import Foundation
import Localization
import Report
import TerminalKit

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
    /// Reviews of cards in review state over the last 7 and 30 days, and of those, not Again.
    public var retention7 = Retention()
    public var retention30 = Retention()

    public init(noteID: String) { self.noteID = noteID }

    public var firstTryShare: Double? { firstTries > 0 ? Double(firstTryRecalled) / Double(firstTries) : nil }

    public struct Retention: Sendable, Equatable {
        public var reviews = 0
        public var recalled = 0
        public var share: Double? { reviews > 0 ? Double(recalled) / Double(reviews) : nil }
        mutating func add(_ other: Retention) { reviews += other.reviews; recalled += other.recalled }
    }

    mutating func add(_ p: NoteProgress) {
        cards += p.cards; new += p.new; learning += p.learning; review += p.review; due += p.due; reviews += p.reviews
        firstTries += p.firstTries; firstTryRecalled += p.firstTryRecalled
        if let d = p.nextDue { nextDue = min(nextDue ?? .infinity, d) }
        retention7.add(p.retention7); retention30.add(p.retention30)
    }
}

/// Everything `ganbook quiz stats` shows.
public struct QuizOverview: Sendable, Equatable {
    public var notes: [NoteProgress]
    public var total: NoteProgress
    /// Cards due on each of the next 30 days; day 0 is today and includes the overdue.
    public var forecast: [Int]
    public var startOfToday: Double
}

public enum QuizStatistics {
    public static let forecastDays = 30

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
                p.reviews += h.reviews - h.cram
                if let first = h.firstGrade {
                    p.firstTries += 1
                    if first > 1 { p.firstTryRecalled += 1 }
                }
            }
            byNote[item.noteID] = p
        }
        return order.map { byNote[$0]! }
    }

    public static func overview(items: [QuizItem], store: ProgressStore, now: Double, startOfToday: Double) throws -> QuizOverview {
        var notes = try compute(items: items, store: store, now: now)
        let noteOfCard = Dictionary(items.map { ($0.card.id, $0.noteID) }, uniquingKeysWith: { a, _ in a })
        let index = Dictionary(uniqueKeysWithValues: notes.enumerated().map { ($1.noteID, $0) })
        for answer in try store.reviewStateAnswers(since: now - 30 * 86400) {
            guard let note = noteOfCard[answer.card], let i = index[note] else { continue }
            let recalled = answer.grade > 1 ? 1 : 0
            notes[i].retention30.reviews += 1; notes[i].retention30.recalled += recalled
            if answer.time >= now - 7 * 86400 {
                notes[i].retention7.reviews += 1; notes[i].retention7.recalled += recalled
            }
        }
        var total = NoteProgress(noteID: "all")
        for p in notes { total.add(p) }
        var forecast = [Int](repeating: 0, count: forecastDays)
        let memories = try store.memories()
        for item in items {
            guard let m = memories[item.card.id] else { continue }
            let day = m.due <= now ? 0 : Int(((m.due - startOfToday) / 86400).rounded(.down))
            if (0..<forecastDays).contains(day) { forecast[day] += 1 }
        }
        return QuizOverview(notes: notes, total: total, forecast: forecast, startOfToday: startOfToday)
    }
}

extension QuizOverview {
    /// "now" when something is due (so "due" and "next due" never disagree), else "in 4 min".
    static func nextDue(_ p: NoteProgress, now: Double, _ translator: Translator) -> Value {
        if p.due > 0 { return .text(translator.words(["now", "all", "today"])[0]) }
        return p.nextDue.map { .text(QuizSession.describeInterval($0 - now, translator)) } ?? .missing
    }

    static func percent(_ share: Double?) -> Value { share.map { .fixed($0 * 100, 0) } ?? .missing }

    /// The tables (and, with `forecastTable`, the forecast as a table too: the JSON form).
    /// `translator` gives the words (not the note ids); the JSON form is English,
    /// since its column names are the keys of its rows.
    public func report(now: Double, forecastTable: Bool = true, translator t: Translator = .english) -> Report {
        var report = Report(title: t("Quiz progress"))
        // The total row's name (the note ids are not translated).
        var total = self.total
        total.noteID = t.words(["now", "all", "today"])[1]
        let rows: [[Value]] = (notes + [total]).map { p in
            [
                .text(p.noteID), .integer(p.cards), .integer(p.new), .integer(p.learning), .integer(p.review), .integer(p.due),
                .integer(p.reviews), Self.percent(p.firstTryShare), Self.nextDue(p, now: now, t),
            ]
        }
        report.table(Table(columns: t.words(["note", "cards", "new", "learning", "review", "due", "reviews", "first try %", "next due"]), rows: rows))
        let retention: [[Value]] = (notes + [total]).map { p in
            [
                .text(p.noteID), .integer(p.retention7.reviews), Self.percent(p.retention7.share),
                .integer(p.retention30.reviews), Self.percent(p.retention30.share),
            ]
        }
        report.table(
            Table(
                title: t("True retention: reviews of cards in review state not graded Again"),
                columns: t.words(["note", "reviews 7d", "retention 7d %", "reviews 30d", "retention 30d %"]), rows: retention))
        if forecastTable {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            formatter.locale = Locale(identifier: "en_US_POSIX")
            let days: [[Value]] = forecast.enumerated().map { day, count in
                let date = Calendar.current.date(byAdding: .day, value: day, to: Date(timeIntervalSince1970: startOfToday))!
                return [.integer(day), .text(formatter.string(from: date)), .integer(count)]
            }
            report.table(
                Table(
                    title: t("Forecast: reviews due per day (day 0 is today, with the overdue)"),
                    columns: t.words(["day", "date", "due"]), rows: days))
        }
        report.text(t("\(total.due) due now · \(total.new) new · \(total.reviews) reviews logged · ganbook quiz"))
        return report
    }

    /// The forecast as a bar chart of eighth blocks: a column per day, the count scale on the left.
    public func forecastChart(width: Int, sheet: StyleSheet, height: Int = 6, translator: Translator = .english) -> String {
        let top = max(forecast.max() ?? 0, 1)
        let label = String(top).count
        let column = width >= label + 3 + 2 * forecast.count ? 2 : 1
        var out = sheet.paint(translator("Reviews due per day, the next \(forecast.count) days (today includes the overdue)"), sheet.plotTitle) + "\n"
        let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for row in stride(from: height - 1, through: 0, by: -1) {
            let tick = row == height - 1 ? String(top) : ""
            var bars = ""
            for count in forecast {
                let eighths = Int((Double(count) / Double(top) * Double(height * 8)).rounded())
                let filled = min(max(eighths - row * 8, 0), 8)
                bars.append(count > 0 && row == 0 && filled == 0 ? "▁" : blocks[filled])
                if column == 2 { bars.append(" ") }
            }
            while bars.last == " " { bars.removeLast() }
            out += String(repeating: " ", count: label - tick.count) + tick + " ┤" + sheet.paint(bars, sheet.series(0).style) + "\n"
        }
        var axis = String(repeating: " ", count: label - 1) + "0 └" + String(repeating: "─", count: forecast.count * column)
        axis += "\n" + String(repeating: " ", count: label + 2)
        // A cell per column; a wide character (今天) takes two, the second left empty.
        var marks = [String](repeating: " ", count: forecast.count * column + 6)
        let today = translator.words(["now", "all", "today"])[2]
        for (day, text) in [(0, today), (7, "+7"), (14, "+14"), (21, "+21"), (forecast.count - 1, "+\(forecast.count - 1)")] {
            let at = day * column
            let cells = text.flatMap { c in String(c).displayWidth == 2 ? [String(c), ""] : [String(c)] }
            guard at + cells.count <= marks.count, marks[max(at - 1, 0)..<at + cells.count].allSatisfy({ $0 == " " }) || day == 0 else { continue }
            for (i, c) in cells.enumerated() { marks[at + i] = c }
        }
        axis += marks.joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        return out + axis + "\n"
    }
}
