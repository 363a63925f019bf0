/// The lab's `--keys` script language ("space,wait 500,d,g,q"; also read
/// from stdin when it is not a TTY), naming TerminalKit's `Key`s, which the
/// keyboard's bytes decode to as well.
///
/// Owns parsing only; what a key does is `LabSession.handle`.

import Glibc
import TerminalKit

/// One step of a key script.
package enum ScriptItem: Sendable, Equatable {
    case key(Key)
    /// Wall-clock milliseconds to let pass (the run goes on if it is running).
    case wait(milliseconds: Int)
}

package struct KeyScriptError: Error, CustomStringConvertible, Equatable {
    package var token: String
    /// Where the script came from: "--keys" or "stdin".
    package var source = "--keys"
    package var description: String { source + ": " + LabText.badKey(token) }
}

package enum KeyScript {
    /// Items separated by commas or newlines; blank lines are skipped. A token is
    /// one character, `space`, `comma`, `enter`, `esc`, `ctrl-c`, or `wait MS`.
    package static func parse(_ text: String, source: String = "--keys") throws -> [ScriptItem] {
        do { return try parseItems(text) } catch var error as KeyScriptError {
            error.source = source
            throw error
        }
    }

    /// All of stdin (a script piped in), read with read(2).
    package static func readStandardInput() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, 4096) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buffer[..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func parseItems(_ text: String) throws -> [ScriptItem] {
        var items: [ScriptItem] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.trimmingSpaces.isEmpty {
            for raw in line.split(separator: ",", omittingEmptySubsequences: false) {
                let token = raw.trimmingSpaces
                if token.isEmpty { throw KeyScriptError(token: "") }
                items.append(try item(token))
            }
        }
        return items
    }

    static func item(_ token: String) throws -> ScriptItem {
        switch token.lowercased() {
        case "space": return .key(.space)
        case "comma": return .key(.character(","))
        case "enter", "return": return .key(.enter)
        case "esc", "escape": return .key(.escape)
        case "ctrl-c", "^c": return .key(.interrupt)
        default: break
        }
        if token.count == 1, let c = token.first { return .key(.character(c)) }
        let words = token.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 2, words[0].lowercased() == "wait", let ms = Int(words[1]), (0...600_000).contains(ms) {
            return .wait(milliseconds: ms)
        }
        throw KeyScriptError(token: token)
    }
}

extension Substring {
    var trimmingSpaces: String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
