/// With keys, when only cards in a learning step are left: a countdown to the
/// earliest, which Enter takes at once, as Anki does.
import Scheduling

extension QuizSession {
    func wait(until due: Double, _ keys: QuizKeys, _ io: QuizIO) -> Outcome {
        let erase = "\r\u{1B}[2K"  // back to the line's start, and clear it: the countdown redraws in place
        defer { io.write(erase) }
        while true {
            let left = due - now()
            if left <= 0 { return .graded(.good, downgradable: false) }
            io.write(erase + io.look.paint(words(.waitKeys, ["clock": clock(Int(left.rounded(.up)))]), .hint))
            switch keys.key(timeout: min(1, left)) {
            case nil: continue
            case .enter, .space: return .graded(.good, downgradable: false)
            case .character("u"): return .undo
            case .character("q"), .interrupt, .end: return .stop
            default: continue
            }
        }
    }

    /// `4:05`, or `1 h 20 min` from an hour on.
    func clock(_ seconds: Int) -> String {
        if seconds >= 3600 { return words(.clockHours, ["hours": "\(seconds / 3600)", "minutes": "\((seconds % 3600) / 60)"]) }
        return "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }
}
