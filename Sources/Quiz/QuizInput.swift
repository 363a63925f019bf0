/// The learner's side of a session, in one abstraction: a `Prompt` says what
/// a key and what a typed line mean at one point of a card, and `QuizInput`
/// asks it either way. On a terminal in raw mode (`QuizIO.keys`) it reads
/// single keys, and o (open the note), u (undo) and q (stop) act at once; on
/// a pipe it reads one line per prompt, and q or quit stops. A card is asked
/// once, whatever the input.
import Foundation
import TerminalKit

/// The session's output and its two kinds of input.
package protocol QuizIO {
    func write(_ text: String)
    /// The next line of input, or nil at the end of input.
    func readLine() -> String?
    /// Single key presses (a terminal in raw mode); nil: one line per prompt.
    var keys: QuizKeys? { get }
    var look: QuizLook { get }
}

extension QuizIO {
    package var keys: QuizKeys? { nil }
    package var look: QuizLook { .plain }
}

/// Key input for a session: `RawKeys` on a terminal, a script in tests.
package protocol QuizKeys: AnyObject {
    /// The next key; nil when `timeout` seconds pass first (nil: wait as long as it takes).
    func key(timeout: Double?) -> Key?
    /// A typed, echoed line; nil when the learner stops (Ctrl-C, Ctrl-D, a closed terminal).
    /// A key of `commands` pressed on an empty line is the whole line, at once.
    func line(prompt: String, commands: Set<Character>) -> String?
    /// Runs `body` with the terminal as it was before raw mode.
    func suspended(_ body: () -> Void)
}

extension RawKeys: QuizKeys {}

/// What the learner did at a prompt.
enum Reply<Answer> {
    case answer(Answer)
    case undo
    case stop
}

/// What one point of a card accepts, from keys and from typed lines.
struct Prompt<Answer> {
    /// Keys: written once, before the keys are read (already painted).
    var keysHint: String?
    /// Keys: a typed line is read instead of single keys, with this prompt;
    /// o, u and q on an empty line act at once.
    var typed: String?
    /// Lines: written before every line read.
    var linePrompt: String?
    /// Written when a typed line means nothing here, before it is asked again.
    var retry: String?
    /// What a key means; nil: the key is ignored. (o, u, q, Ctrl-C and the end are the input's own.)
    var key: (Key) -> KeyMeaning<Answer>? = { _ in nil }
    /// What a typed line means; nil: nothing (then `retry`).
    var line: (String) -> Answer? = { _ in nil }
}

/// What a key means at a prompt: an answer, or "read a typed line with this prompt" (`t` on a recall card).
enum KeyMeaning<Answer> {
    case answer(Answer)
    case typeLine(prompt: String)
}

struct QuizInput {
    let io: QuizIO

    /// Single keys (a terminal), not a line per prompt.
    var readsKeys: Bool { io.keys != nil }

    /// Asks `prompt` until it has an answer, an undo or a stop; `open` shows
    /// the card's note (keys only) and is asked again afterwards.
    func ask<Answer>(_ prompt: Prompt<Answer>, open: () -> Void) -> Reply<Answer> {
        guard let keys = io.keys else { return askLines(prompt) }
        if let typed = prompt.typed { return askTyped(prompt, typed, keys, open: open) }
        if let hint = prompt.keysHint { io.write(hint + "\n") }
        while true {
            guard let press = keys.key(timeout: nil) else { continue }
            switch press {
            case .character("o"): open()
            case .character("u"): return .undo
            case .character("q"), .interrupt, .end: return .stop
            default:
                switch prompt.key(press) {
                case .answer(let answer)?: return .answer(answer)
                case .typeLine(let linePrompt)?:
                    guard let text = keys.line(prompt: linePrompt, commands: []) else { return .stop }
                    if let answer = prompt.line(text) { return .answer(answer) }
                case nil: continue
                }
            }
        }
    }

    /// One line per prompt: the prompt, a line, its meaning or the retry.
    private func askLines<Answer>(_ prompt: Prompt<Answer>) -> Reply<Answer> {
        while true {
            if let linePrompt = prompt.linePrompt { io.write(linePrompt + "\n") }
            guard let text = io.readLine(), !Self.isQuit(text) else { return .stop }
            if let answer = prompt.line(text) { return .answer(answer) }
            if let retry = prompt.retry { io.write(retry + "\n") }
        }
    }

    /// With keys, a typed line (a number): o, u and q typed alone act as their keys do.
    private func askTyped<Answer>(_ prompt: Prompt<Answer>, _ typed: String, _ keys: QuizKeys, open: () -> Void) -> Reply<Answer> {
        while true {
            guard let text = keys.line(prompt: typed, commands: ["o", "u", "q"]) else { return .stop }
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "u": return .undo
            case "o": open(); continue
            case "": continue
            default: break
            }
            if Self.isQuit(text) { return .stop }
            if let answer = prompt.line(text) { return .answer(answer) }
            if let retry = prompt.retry { io.write(retry + "\n") }
        }
    }

    static func isQuit(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces).lowercased()
        return t == "q" || t == "quit"
    }
}
