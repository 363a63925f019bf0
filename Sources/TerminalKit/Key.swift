/// Keys, and the one decoder of a raw-mode terminal's bytes into them, for
/// every reader of keys (the quiz's `RawKeys`, the lab's loop, the lab's
/// `--keys` script, which names the same keys).
///
/// Escape sequences (arrow and function keys: CSI `ESC [`, SS3 `ESC O`) and
/// Alt chords (`ESC x`) are skipped whole, as are control bytes without a
/// meaning here: a key we do not use is no key. An escape byte at the end of
/// the bytes is Escape; one cut from the rest of its sequence between two
/// reads is `RawKeys`'s to wait for.
///
/// Owns the bytes' meaning only; what a key does is its reader's.

/// One key press.
package enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    case enter
    case space
    case backspace
    case escape
    /// Ctrl-C (raw mode delivers it as a byte, not as SIGINT).
    case interrupt
    /// Ctrl-D, or the terminal went away.
    case end
    /// Ctrl-U: erase the line.
    case eraseLine
}

/// Bytes from a terminal in raw mode into keys, across reads: a sequence or a
/// UTF-8 character cut between two reads is kept until the rest comes.
package struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    package init() {}

    /// Whether the bytes so far end partway through a sequence or a character.
    package var isPartway: Bool { !pending.isEmpty }

    /// Forgets a sequence or character that never finished.
    package mutating func discardPartial() { pending = [] }

    /// The keys in `bytes`, after what is left of earlier bytes.
    package mutating func keys(from bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var i = 0
        while i < pending.count {
            guard let length = Self.length(of: pending[i...]) else { break }  // incomplete: wait for the rest
            if let key = Self.key(pending[i..<(i + length)]) { keys.append(key) }
            i += length
        }
        pending.removeFirst(i)
        return keys
    }

    /// How many bytes the key starting `bytes` takes; nil when they end before it does.
    static func length(of bytes: ArraySlice<UInt8>) -> Int? {
        let i = bytes.startIndex, b = bytes[i]
        if b == 0x1B {
            guard bytes.count > 1 else { return 1 }
            let next = bytes[i + 1]
            guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O") else { return (0x20...0x7E).contains(next) ? 2 : 1 }
            // CSI or SS3: up to the final byte (0x40…0x7E).
            guard let end = bytes[(i + 2)...].firstIndex(where: { (0x40...0x7E).contains($0) }) else { return nil }
            return end - i + 1
        }
        // UTF-8: the length from the lead byte; a byte that cannot continue the
        // character ends it early (it is then no key), and is read on its own.
        let length = b < 0xC0 || b > 0xF7 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var n = 1
        while n < length, i + n < bytes.endIndex, (0x80...0xBF).contains(bytes[i + n]) { n += 1 }
        return n < length && i + n == bytes.endIndex ? nil : n
    }

    /// The key one whole sequence means, if it means one we read.
    static func key(_ bytes: ArraySlice<UInt8>) -> Key? {
        guard bytes.count == 1, let b = bytes.first else {
            guard bytes.first != 0x1B, let s = String(validating: bytes, as: UTF8.self) else { return nil }  // a sequence, a chord
            return s.first.map(Key.character)
        }
        switch b {
        case 0x0D, 0x0A: return .enter
        case 0x20: return .space
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x03: return .interrupt
        case 0x04: return .end
        case 0x15: return .eraseLine
        case 0x21..<0x7F: return .character(Character(Unicode.Scalar(b)))
        default: return nil  // another control byte, or a stray byte of UTF-8
        }
    }
}
