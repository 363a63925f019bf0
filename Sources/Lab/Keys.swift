/// The lab's keys: what a key press is, the `--keys` script language
/// ("space,wait 500,d,g,q"; also read from stdin when it is not a TTY), and
/// the decoding of raw bytes from a terminal in raw mode.
///
/// Owns parsing only; what a key does is `LabSession.handle`.

import Glibc

/// One key press.
public enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    case space
    case enter
    case escape
    case interrupt  // Ctrl-C
}

/// One step of a key script.
public enum ScriptItem: Sendable, Equatable {
    case key(Key)
    /// Wall-clock milliseconds to let pass (the run goes on if it is running).
    case wait(milliseconds: Int)
}

public struct KeyScriptError: Error, CustomStringConvertible, Equatable {
    public var token: String
    /// Where the script came from: "--keys" or "stdin".
    public var source = "--keys"
    public var description: String { source + ": " + LabText.badKey(token) }
}

public enum KeyScript {
    /// Items separated by commas or newlines; blank lines are skipped. A token is
    /// one character, `space`, `comma`, `enter`, `esc`, `ctrl-c`, or `wait MS`.
    public static func parse(_ text: String, source: String = "--keys") throws -> [ScriptItem] {
        do { return try parseItems(text) } catch var error as KeyScriptError {
            error.source = source
            throw error
        }
    }

    /// All of stdin (a script piped in), read with read(2).
    public static func readStandardInput() -> String {
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

/// Bytes from a raw-mode terminal into keys. Escape sequences (arrow keys,
/// function keys) are skipped whole; an escape byte alone is `escape`.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    public mutating func keys(from bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var i = 0
        while i < pending.count {
            let b = pending[i]
            if b == 0x1B {
                if i + 1 < pending.count, pending[i + 1] == UInt8(ascii: "[") || pending[i + 1] == UInt8(ascii: "O") {
                    // CSI or SS3: skip to the final byte (0x40…0x7E).
                    var j = i + 2
                    while j < pending.count, !(0x40...0x7E).contains(pending[j]) { j += 1 }
                    if j >= pending.count { break }  // incomplete: wait for the rest
                    i = j + 1
                    continue
                }
                keys.append(.escape)
                i += 1
                continue
            }
            if b == 0x03 { keys.append(.interrupt); i += 1; continue }
            if b == 0x0D || b == 0x0A { keys.append(.enter); i += 1; continue }
            if b == 0x20 { keys.append(.space); i += 1; continue }
            if b < 0x80 {
                if b >= 0x21 && b < 0x7F { keys.append(.character(Character(Unicode.Scalar(b)))) }
                i += 1
                continue
            }
            // UTF-8: the length from the lead byte.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if i + length > pending.count { break }
            if let s = String(validating: pending[i..<(i + length)], as: UTF8.self), let c = s.first {
                keys.append(.character(c))
            }
            i += length
        }
        pending.removeFirst(i)
        return keys
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
