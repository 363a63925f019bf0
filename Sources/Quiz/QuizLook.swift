/// How a quiz session's text looks: colours from the style sheet and wrapping
/// to the width (CJK-aware, through `StyledText`). The plain look (no colour,
/// no wrapping) writes every line exactly as the session composes it, which is
/// what scripts and tests read.
import TerminalKit

package struct QuizLook: Sendable {
    package var sheet: StyleSheet
    /// Wrap questions, answers and explanations to this many columns; nil: never.
    package var width: Int?

    package init(sheet: StyleSheet, width: Int?) {
        self.sheet = sheet
        self.width = width
    }

    package static let plain = QuizLook(sheet: StyleSheet(color: false), width: nil)

    package enum Role: Sendable {
        case header, question, answer, right, wrong, close, why, hint, link, typed
    }

    package func style(_ role: Role) -> TextStyle {
        switch role {
        case .header: return sheet.frame
        case .question: return sheet.quizQuestion
        case .answer: return sheet.quizAnswer
        case .right: return sheet.quizRight
        case .wrong: return sheet.failureStyle
        case .close: return sheet.quizClose
        case .why: return sheet.quizWhy
        case .hint: return sheet.hintStyle
        case .link: return sheet.demoStyle
        case .typed: return .plain
        }
    }

    package func paint(_ text: String, _ role: Role) -> String { sheet.paint(text, style(role)) }

    /// `prefix` + `text` as one paragraph, wrapped with continuation lines
    /// indented under the text, and a newline.
    package func block(_ prefix: String, _ text: String, _ role: Role, prefixRole: Role? = nil) -> String {
        let head = paint(prefix, prefixRole ?? role)
        guard let width else { return head + paint(text, role) + "\n" }
        let indent = prefix.displayWidth
        let lines = StyledText(text, style: style(role)).wrapped(width: max(width - indent, 10))
        var out = ""
        for (i, line) in lines.enumerated() {
            out += (i == 0 ? head : String(repeating: " ", count: indent)) + line.encoded(color: sheet.color) + "\n"
        }
        return out
    }
}
