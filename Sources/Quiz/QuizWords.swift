/// The quiz's words in the learner's language, by key from the message
/// catalogue (`en-quiz.txt`, `zh-quiz.txt` in Localization): every line the
/// session and the statistics write is asked for by key and filled with its
/// values, never composed in English and matched afterwards.
import Localization
import Notebook
import Scheduling

/// A key of the quiz's catalogue.
enum QuizMessage: String, CaseIterable, Sendable {
    case gradeAgain = "grade.again", gradeHard = "grade.hard", gradeGood = "grade.good", gradeEasy = "grade.easy"
    case kindNew = "kind.new", kindLearning = "kind.learning", kindRelearning = "kind.relearning"
    case kindReview = "kind.review", kindCram = "kind.cram"
    case shortMinutes = "short.minutes", shortHours = "short.hours", shortDays = "short.days"
    case shortMonths = "short.months", shortYears = "short.years"
    case inSeconds = "in.seconds", inMinutes = "in.minutes", inHours = "in.hours", inDays = "in.days", clockHours = "clock.hours"
    case nothingCram = "nothing.cram", nothingDue = "nothing.due", openingGo = "opening.go", openingDrill = "opening.drill"
    case helpLines = "help.lines", helpKeys = "help.keys"
    case labelQuestion = "label.question", labelAnswer = "label.answer", labelWhy = "label.why"
    case labelTyped = "label.typed", labelYours = "label.yours"
    case recallKeys = "recall.keys", recallLine = "recall.line", recallGrade = "recall.grade", recallRetry = "recall.retry"
    case choiceKeys = "choice.keys", choiceLine = "choice.line", choiceRetry = "choice.retry"
    case numberKeys = "number.keys", numberLine = "number.line", numberRetry = "number.retry"
    case feedbackRight = "feedback.right", feedbackWrong = "feedback.wrong"
    case feedbackRightNumber = "feedback.rightNumber", feedbackWrongNumber = "feedback.wrongNumber"
    case feedbackOption = "feedback.option", feedbackValue = "feedback.value", feedbackTheValue = "feedback.theValue"
    case feedbackGrade = "feedback.grade", feedbackClose = "feedback.close", feedbackFormula = "feedback.formula"
    case graded = "graded", gradedMarked = "graded.marked", nextSentence = "next.sentence", nextLine = "next.line"
    case afterKeys = "after.keys", afterGuess = "after.guess", waitKeys = "wait.keys"
    case undoNone = "undo.none", undoDone = "undo.done"
    case summaryAnswered = "summary.answered", summaryGradeCount = "summary.gradeCount", summaryNone = "summary.none"
    case summaryDrilled = "summary.drilled", summaryCards = "summary.cards", summaryStopped = "summary.stopped"
    case summaryDueNow = "summary.dueNow", summaryDueNowNext = "summary.dueNowNext"
    case summaryHeldBack = "summary.heldBack", summaryStreak = "summary.streak"
    case statsTitle = "stats.title", statsNow = "stats.now", statsAll = "stats.all", statsToday = "stats.today"
    case statsNote = "stats.note", statsCards = "stats.cards", statsNew = "stats.new", statsLearning = "stats.learning"
    case statsReview = "stats.review", statsDue = "stats.due", statsReviews = "stats.reviews", statsFirstTry = "stats.firstTry"
    case statsNextDue = "stats.nextDue", statsRetention = "stats.retention", statsReviews7 = "stats.reviews7"
    case statsRetention7 = "stats.retention7", statsReviews30 = "stats.reviews30", statsRetention30 = "stats.retention30"
    case statsForecast = "stats.forecast", statsDay = "stats.day", statsDate = "stats.date"
    case statsFooter = "stats.footer", statsChart = "stats.chart"
}

struct QuizWords: Sendable {
    let catalogue: MessageCatalogue

    static let english = QuizWords(catalogue: .quiz(.en))
    static let chinese = QuizWords(catalogue: .quiz(.zh))

    static func of(_ language: Language) -> QuizWords {
        switch language {
        case .en: return english
        case .zh: return chinese
        }
    }

    /// The text of `message`; `count` fills `{count}` and picks the plural form.
    func callAsFunction(_ message: QuizMessage, count: Int? = nil, _ values: [String: String] = [:]) -> String {
        catalogue(message.rawValue, count: count, values)
    }

    /// The grade's name: Again, Hard, Good, Easy (重来, 困难, 良好, 简单).
    func name(_ grade: Grade) -> String {
        self([.gradeAgain, .gradeHard, .gradeGood, .gradeEasy][grade.rawValue - 1])
    }

    /// A label before a text (`Q: `, `问：`), and a space unless it ends in full-width punctuation.
    func label(_ message: QuizMessage) -> String {
        let text = self(message)
        return text + (QuizText.isFullWidthPunctuation(text.last) ? "" : " ")
    }

    /// "in 4 min" (4 分钟后).
    func interval(_ seconds: Double) -> String {
        if seconds < 90 { return self(.inSeconds, ["n": "\(Int(seconds.rounded()))"]) }
        if seconds < 5400 { return self(.inMinutes, ["n": "\(Int((seconds / 60).rounded()))"]) }
        if seconds < 36 * 3600 { return self(.inHours, ["n": "\(Int((seconds / 3600).rounded()))"]) }
        return self(.inDays, ["n": "\(Int((seconds / 86400).rounded()))"])
    }

    /// As Anki's buttons: <1m, 6m, 10m, 3h, 4d, 1.2mo, 2.1y (<1 分钟, 6 分钟, 3 小时, 4 天, 1.2 个月, 2.1 年).
    func shortInterval(_ seconds: Double) -> String {
        let days = seconds / 86400
        if seconds <= 60 { return self(.shortMinutes, ["n": "<1"]) }
        if seconds < 3600 { return self(.shortMinutes, ["n": "\(Int((seconds / 60).rounded()))"]) }
        if seconds < 86400 { return self(.shortHours, ["n": "\(Int((seconds / 3600).rounded()))"]) }
        if days < 30 { return self(.shortDays, ["n": "\(Int(days.rounded()))"]) }
        if days < 365 { return self(.shortMonths, ["n": Exercise.format(days / 30, 1)]) }
        return self(.shortYears, ["n": Exercise.format(days / 365, 1)])
    }
}

/// Laying out sentences of any of the quiz's languages side by side.
enum QuizText {
    /// Full-width punctuation that carries its own space: no ASCII space is
    /// put after a closing or pausing one, nor before an opening one.
    static let closing: Set<Character> = ["。", "，", "、", "；", "：", "！", "？", "）", "」", "』", "”"]
    static let opening: Set<Character> = ["（", "「", "『", "“"]

    static func isFullWidthPunctuation(_ c: Character?) -> Bool {
        c.map { closing.contains($0) || opening.contains($0) } ?? false
    }

    /// The space between two sentences or phrases: one, as in English,
    /// except next to full-width punctuation, which has its own.
    static func gap(_ before: String, _ after: String) -> String {
        if let last = before.last, closing.contains(last) { return "" }
        if let first = after.first, opening.contains(first) { return "" }
        return " "
    }

    /// `parts` joined with the gap between each two; empty parts are left out.
    static func joined(_ parts: [String]) -> String {
        var out = ""
        for part in parts where !part.isEmpty {
            out += out.isEmpty ? part : gap(out, part) + part
        }
        return out
    }

    /// A whole number without its `.0`; other numbers as Swift writes them.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
