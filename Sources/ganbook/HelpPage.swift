/// ArgumentParser's finished help, made to fit the terminal before it is printed.
import Localization
import TerminalKit

/// ArgumentParser writes each form of a command's usage on one line and
/// never wraps it, so `read`'s ran to 137 columns. `Main` passes every help
/// it prints through here, and the usage is broken between its words (an
/// option with its value, `[--notes <dir>]`, is one word) into lines of at
/// most `columns`, each later line under the form's first argument. The
/// words are ArgumentParser's own, so the usage still names every option.
struct HelpPage {
    /// The width the help is printed at.
    var columns: Int

    /// `help` with its usage wrapped to `columns`.
    func finished(_ help: String) -> String {
        var lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(Self.usageHeader) }) else { return help }
        let end = lines[start...].firstIndex(where: \.isEmpty) ?? lines.endIndex
        // ArgumentParser indents a usage's later forms under its first (`quiz`'s two forms).
        let forms = lines[start..<end].enumerated().map { k, line in
            k == 0 ? String(line.dropFirst(Self.usageHeader.count)) : String(line.drop { $0 == " " })
        }
        lines.replaceSubrange(start..<end, with: usage(forms))
        return lines.joined(separator: "\n")
    }

    static let usageHeader = "USAGE: "

    /// The usage's forms under its header, each on as many lines as it needs.
    func usage(_ forms: [String]) -> [String] {
        let margin = String(repeating: " ", count: Self.usageHeader.count)
        return forms.enumerated().flatMap { k, form in
            let words = Self.words(form)
            let command = words.prefix { !$0.hasPrefix("<") && !$0.hasPrefix("[") && !$0.hasPrefix("-") }
            var indent = margin.count + command.joined(separator: " ").displayWidth + 1
            // A long command name would leave its options a narrow column.
            if indent > columns / 2 { indent = margin.count + 4 }
            return Self.filled(words, first: k == 0 ? Self.usageHeader : margin, indent: indent, width: columns)
        }
    }

    /// `words` after `first` and then after `indent` spaces, as many on each
    /// line as fit in `width` (a word wider than that has a line of its own).
    static func filled(_ words: [String], first: String, indent: Int, width: Int) -> [String] {
        var lines: [String] = []
        var line = first
        var empty = true
        for word in words {
            if !empty && line.displayWidth + 1 + word.displayWidth > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        return lines + [line]
    }

    /// A usage's words: split at spaces, except inside brackets
    /// (`[<notes> ...]`), and an option kept with its value (`--html <dir>`).
    static func words(_ usage: String) -> [String] {
        var words: [String] = []
        var depth = 0
        for piece in usage.split(separator: " ") {
            let joins = depth > 0 || (piece.hasPrefix("<") && words.last?.hasPrefix("-") == true)
            if joins, let last = words.popLast() { words.append(last + " " + piece) } else { words.append(String(piece)) }
            depth += piece.count { $0 == "[" } - piece.count { $0 == "]" }
        }
        return words
    }
}
