/// Rules about `demo` and `quiz` blocks that the note parser cannot see
/// because it never reads the block as one: an info string in the wrong
/// case (`Demo`, which would silently become plain code), `A:` or an option
/// before `Q:` in a card, and every `id:` line, valid card or not, so that
/// an id shared with a card that failed to parse is still caught.
import Markdown

struct CellBlockRules: MarkdownWalker {
    /// (line, id) of every `id:` line in the note's quiz blocks.
    var idLines: [(line: Int, id: String)] = []
    var problems: [(line: Int, message: String)] = []

    static func check(_ document: Document) -> CellBlockRules {
        var rules = CellBlockRules()
        rules.walk(document)
        return rules
    }

    mutating func visitCodeBlock(_ code: CodeBlock, block: Block) {
        let language = code.language
        if ["demo", "quiz"].contains(language.lowercased()), language != language.lowercased() {
            problems.append(
                (block.line, "info string '\(language)' must be '\(language.lowercased())' in lower case; as written, the block is shown as plain code"))
        }
        guard language.lowercased() == "quiz" else { return }
        var sawQuestion = false
        for (offset, raw) in code.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = block.line + 1 + offset
            let text = raw.drop(while: { $0 == " " })
            if text.isEmpty { sawQuestion = false; continue }  // a blank line ends a card
            if text.hasPrefix("id:") {
                idLines.append((line, String(text.dropFirst(3)).trimmingCharacters(in: " ")))
            } else if text.hasPrefix("Q:") {
                sawQuestion = true
            } else if !sawQuestion, text.hasPrefix("A:") || text.hasPrefix("- [") {
                problems.append((line, "'\(text.prefix(2))' comes before this card's 'Q:'; write the question first"))
            }
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
