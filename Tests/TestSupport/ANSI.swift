/// Test support: removing escape sequences and folding whitespace, to compare
/// what a reader sees.
public enum ANSI {
    /// `text` without CSI (`ESC[…m`) and OSC (`ESC]…ESC\` or `…BEL`) sequences.
    public static func strip(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "\u{1B}", i + 1 < scalars.count else {
                out.append(scalars[i]); i += 1; continue
            }
            if scalars[i + 1] == "[" {
                i += 2
                while i < scalars.count, !(0x40...0x7E).contains(scalars[i].value) { i += 1 }
                i += 1
            } else if scalars[i + 1] == "]" {
                i += 2
                while i < scalars.count {
                    if scalars[i] == "\u{07}" { i += 1; break }
                    if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "\\" { i += 2; break }
                    i += 1
                }
            } else {
                i += 2
            }
        }
        return String(out)
    }

    /// Whether `text` holds any escape character at all.
    public static func hasEscapes(_ text: String) -> Bool { text.unicodeScalars.contains("\u{1B}") }

    /// Runs of whitespace as one space, trimmed.
    public static func fold(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
