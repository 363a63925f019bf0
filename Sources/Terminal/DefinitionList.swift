/// Terms with their descriptions, each description wrapped in a column of
/// its own after the longest term (`ganbook demo`'s list of demos).
import TerminalKit
package enum DefinitionList {
    package static func render(_ items: [(term: String, text: String)], width: Int) -> String {
        let indent = (items.map(\.term.displayWidth).max() ?? 0) + 2
        var out = ""
        for (term, text) in items {
            for (i, line) in StyledText(text).wrapped(width: max(width - indent, 20)).enumerated() {
                let lead = i == 0 ? term + String(repeating: " ", count: indent - term.displayWidth) : String(repeating: " ", count: indent)
                out += lead + line.plainText + "\n"
            }
        }
        return out
    }
}
