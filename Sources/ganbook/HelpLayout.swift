/// Help text laid out by display width for ArgumentParser, which wraps by characters.
import ArgumentParser
import Report
import TerminalKit

/// ArgumentParser wraps help by characters, which is right for English but
/// not for Chinese, whose characters take two columns each. Text that it
/// would measure wrong (its display width is not its count of characters)
/// is wrapped here, by display width, into lines that ArgumentParser then
/// keeps as they are, when it lays the help out at the same `columns`.
/// Other text is left to ArgumentParser, so English help is as it was.
struct HelpLayout {
    /// The width the help is printed at.
    var columns: Int

    /// Where ArgumentParser starts the text beside a command's or an option's
    /// name (its `HelpGenerator.labelColumnWidth`).
    static let besideName = 26
    /// Where it indents the text under an option's name (its discussion).
    static let underName = 8

    /// A command's one-line summary. It is shown beside the command's name
    /// in its parent's list, the narrower of its two places (the other is
    /// after `OVERVIEW: ` in the command's own help).
    func abstract(_ text: String) -> String { Self.laidOut(text, width: columns - Self.besideName, even: true) }

    /// A command's discussion, each line (a paragraph, or an item of a list) on its own.
    func discussion(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Self.laidOut(String($0), width: columns) }
            .joined(separator: "\n")
    }

    /// An option's help. Beside the option's name ArgumentParser appends
    /// `(default: …)` or `(values: …)` to the text and wraps the two together
    /// by characters, so text it would measure wrong goes under the name
    /// instead (ArgumentHelp's discussion), where nothing is appended to it.
    func option(_ text: String, valueName: String?) -> ArgumentHelp {
        guard Self.measuredWrong(text) else { return ArgumentHelp(text, valueName: valueName) }
        return ArgumentHelp(discussion: Self.laidOut(text, width: columns - Self.underName, even: true), valueName: valueName)
    }

    /// Whether ArgumentParser, counting characters, would take `text` for
    /// narrower than it is.
    static func measuredWrong(_ text: String) -> Bool { text.displayWidth != text.count }

    /// `text` wrapped into lines of fewer than `width` columns, if
    /// ArgumentParser would measure it wrong; an item of a list (`- …`) with
    /// its later lines indented under its first word. One column short of
    /// `width`: ArgumentParser looks for a line's end within `width`
    /// characters, so a line of exactly `width` would be broken again.
    /// `even` lines are as even as they can be in as few lines: a short text
    /// then never leaves a word, or a character, alone on its last line.
    static func laidOut(_ text: String, width: Int, even: Bool = false) -> String {
        guard measuredWrong(text) else { return text }
        let item = text.hasPrefix("- ")
        let body = StyledText(item ? String(text.dropFirst(2)) : text)
        var width = max(width - 1 - (item ? 2 : 0), 1)
        if even { width = narrowest(body, width: width) }
        let lines = body.wrappedEncoded(width: width, color: false)
        return lines.enumerated().map { k, line in (item ? (k == 0 ? "- " : "  ") : "") + line }.joined(separator: "\n")
    }

    /// The narrowest width at which `text` takes no more lines than at `width`.
    static func narrowest(_ text: StyledText, width: Int) -> Int {
        let lines = text.wrapped(width: width).count
        var low = 1, high = width
        while low < high {
            let middle = (low + high) / 2
            if text.wrapped(width: middle).count <= lines { high = middle } else { low = middle + 1 }
        }
        return high
    }
}
