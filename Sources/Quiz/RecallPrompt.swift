/// A recall card: the answer is shown when asked for (with keys, `t` types
/// one's own first), then the learner grades the recall 1–4, each grade
/// showing the interval it would give.
import Foundation
import Scheduling

extension CardPrompt {
    func recall(_ answer: String) -> Outcome {
        let reveal = Prompt<String>(
            keysHint: look.paint(words(.recallKeys), .hint), linePrompt: words(.recallLine),
            key: { press in
                switch press {
                case .enter, .space: return .answer("")
                case .character("t"), .character("T"): return .typeLine(prompt: words.label(.labelYours))
                default: return nil
                }
            },
            line: { $0 })
        let typed: String
        switch input.ask(reveal, open: open) {
        case .answer(let text): typed = text.trimmingCharacters(in: .whitespaces)
        case .undo: return .undo
        case .stop: return .stop
        }
        if !typed.isEmpty { io.write(look.block(words.label(.labelTyped), typed, .typed, prefixRole: .hint)) }
        io.write(look.block(words.label(.labelAnswer), answer, .answer))
        explain()
        let bar = session.gradeBar(entry)
        let grading = Prompt<Grade>(
            keysHint: look.paint(bar, .hint), linePrompt: words(.recallGrade, ["grades": bar]), retry: words(.recallRetry),
            key: { press in
                guard case .character(let c) = press, let grade = Self.grade(String(c)) else { return nil }
                return .answer(grade)
            },
            line: Self.grade)
        return Outcome(input.ask(grading, open: open)) { .graded($0, downgradable: false) }
    }

    /// A grade typed or pressed: 1–4, or its English name.
    static func grade(_ line: String) -> Grade? {
        switch line.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "again": return .again
        case "2", "hard": return .hard
        case "3", "good": return .good
        case "4", "easy": return .easy
        default: return nil
        }
    }
}
