/// Splits one command line into words the way a POSIX shell would for the
/// simple cases a demo cell uses: spaces separate words; single quotes keep
/// everything literally; double quotes keep spaces and allow `\"` and `\\`;
/// a backslash outside quotes escapes the next character.
package enum CommandWords {
    package struct Failure: Error, Equatable, CustomStringConvertible {
        /// 1-based character position in the line.
        package let column: Int
        package let message: String
        package var description: String { "column \(column): \(message)" }
    }

    package static func split(_ line: String) throws(Failure) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character? = nil
        var quoteColumn = 0
        var escaped = false
        for (offset, c) in line.enumerated() {
            if escaped {
                word.append(c); escaped = false; inWord = true
                continue
            }
            switch (quote, c) {
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
            case (nil, "'"), (nil, "\""):
                quote = c; quoteColumn = offset + 1; inWord = true
            case (let q?, _) where c == q:
                quote = nil
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(word); word = ""; inWord = false }
            default:
                word.append(c); inWord = true
            }
        }
        if let quote { throw Failure(column: quoteColumn, message: "unterminated \(quote) quote") }
        if escaped { throw Failure(column: line.count, message: "a backslash ends the line") }
        if inWord { words.append(word) }
        return words
    }

    /// `word` as a shell reads it back as one word: bare when it is plain,
    /// otherwise in single quotes. Hints that print a path use it, so that
    /// they run as printed.
    package static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { s in
                (s.value >= 0x30 && s.value <= 0x39) || (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) || "/._-+,:=@%".unicodeScalars.contains(s)
            }
        return plain ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
