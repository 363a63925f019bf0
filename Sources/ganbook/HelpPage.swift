/// ArgumentParser's finished help, made to fit the terminal and, in another
/// language, given ArgumentParser's own words in it, before it is printed.
import Localization
import TerminalKit

/// ArgumentParser writes each form of a command's usage on one line and
/// never wraps it, so `read`'s ran to 137 columns. `Main` passes every help
/// it prints through here, and the usage is broken between its words (an
/// option with its value, `[--notes <dir>]`, is one word) into lines of at
/// most `columns`, each later line under the form's first argument. The
/// words are ArgumentParser's own, so the usage still names every option.
///
/// ArgumentParser also writes its headers (`OPTIONS:`) and a few fixed
/// phrases (`Show help information.`, `(default: …)`) in English. In another
/// language each is looked up by key in the catalogue (`zh-interface.txt`)
/// and replaced where ArgumentParser writes it: a header as a whole line or
/// before the text, a phrase at the end of an option's line or before its
/// value. No sentence is matched; a word without an entry stays English.
struct HelpPage {
    /// The width the help is printed at.
    var columns: Int
    /// ArgumentParser's words in the learner's language (English: as they are).
    var translator: Translator = .english

    /// `help` with its usage wrapped to `columns`, and its fixed words translated.
    func finished(_ help: String) -> String {
        var lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(Self.usageHeader) }) else { return help }
        let end = lines[start...].firstIndex(where: \.isEmpty) ?? lines.endIndex
        // ArgumentParser indents a usage's later forms under its first (`quiz`'s two forms).
        let forms = lines[start..<end].enumerated().map { k, line in
            k == 0 ? String(line.dropFirst(Self.usageHeader.count)) : String(line.drop { $0 == " " })
        }
        lines.replaceSubrange(start..<end, with: usage(forms))
        guard translator.language != .en else { return lines.joined(separator: "\n") }
        return lines.indices.map { translatingFixedWords(lines[$0], after: $0 > 0 ? lines[$0 - 1] : "") }.joined(separator: "\n")
    }

    static let usageHeader = "USAGE: "

    /// The usage's forms under its header, each on as many lines as it needs.
    func usage(_ forms: [String]) -> [String] {
        let header = header("USAGE:")
        let margin = String(repeating: " ", count: header.displayWidth)
        return forms.enumerated().flatMap { k, form in
            let words = Self.words(form)
            let command = words.prefix { !$0.hasPrefix("<") && !$0.hasPrefix("[") && !$0.hasPrefix("-") }
            var indent = margin.count + command.joined(separator: " ").displayWidth + 1
            // A long command name would leave its options a narrow column.
            if indent > columns / 2 { indent = margin.count + 4 }
            return Self.filled(words, first: k == 0 ? header : margin, indent: indent, width: columns)
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

    /// A header and the space before the text after it: none after a
    /// full-width colon (`用法：`).
    func header(_ english: String) -> String {
        let word = translator.exactEntry(for: english) ?? english
        return word + (word.last?.isASCII == true ? " " : "")
    }

    /// ArgumentParser's fixed words on `line` (`previous` is the line
    /// before it), translated where it writes them: a header alone on its
    /// line or before the overview, the pointer to `help` for subcommands,
    /// the help of `--help` and `--version`, a default subcommand's
    /// `(default)`, and the words before an option's values and default.
    func translatingFixedWords(_ line: String, after previous: String) -> String {
        if line.wholeMatch(of: /[A-Z][A-Z ]*:/) != nil { return translator.exactEntry(for: line) ?? line }
        if line.hasPrefix("OVERVIEW: ") { return header("OVERVIEW:") + line.dropFirst("OVERVIEW: ".count) }
        if line.hasPrefix("  See '") && line.hasSuffix("' for detailed help.") { return "  " + translator(String(line.dropFirst(2))) }
        guard line.hasPrefix("  ") else { return line }
        var line = line
        for phrase in ["Show help information.", "Show the version."] where line.hasSuffix(phrase) {
            line = line.dropLast(phrase.count) + (translator.exactEntry(for: phrase) ?? phrase)
        }
        line = replacing("(default)", in: line, keepingColumns: true)
        for phrase in ["(values:", "(default:"] { line = replacing(phrase, in: line) }
        // The default after the values, `(values: a, b; default: a)`, on the same line or the next.
        if let word = translator.exactEntry(for: "default:") {
            line = line.replacing("; default: ", with: "; " + word)
            if previous.hasSuffix(";"), line.drop(while: { $0 == " " }).hasPrefix("default: ") {
                line = line.replacing("default: ", with: word, maxReplacements: 1)
            }
        }
        return line
    }

    /// `line` with `english`, where a space or the line's end follows it,
    /// replaced by its entry; `keepingColumns`: padded to `english`'s width,
    /// so that the text after it keeps its column.
    func replacing(_ english: String, in line: String, keepingColumns: Bool = false) -> String {
        guard line.contains(english), let word = translator.exactEntry(for: english) else { return line }
        let space = word.last?.isASCII == true ? " " : ""
        let pad = keepingColumns ? String(repeating: " ", count: max(english.displayWidth - word.displayWidth, 0)) : ""
        var out = line.replacing(english + " ", with: word + space + pad)
        if out.hasSuffix(english) { out = out.dropLast(english.count) + word }
        return out
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
