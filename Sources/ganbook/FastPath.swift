/// A fast path for the most common command, `ganbook read NOTE [options]`.
///
/// Why: ArgumentParser builds its model of every command by reflection when it
/// starts, which costs about 2 ms, three times what parsing and rendering a
/// 17 KB note takes. Reading a note should feel instant, so plain `read`
/// invocations are recognised here and become the same `ReadRequest` that
/// `ReadCommand` would make.
///
/// The rule that keeps this safe: anything this parser is not sure of (help,
/// an unknown or repeated option, a missing or invalid value, `--`) returns nil,
/// and ArgumentParser handles it, with its own messages. Tests check that both
/// parsers agree on every accepted command line.
import Terminal

enum FastPath {
    static func readRequest(_ arguments: [String]) -> ReadRequest? {
        guard arguments.first == "read" else { return nil }
        var request = ReadRequest(note: "")
        var note: String?
        var seen: [String] = []  // an Array: a Set's first use costs a runtime conformance scan
        var rest = arguments.dropFirst()[...]
        while let word = rest.popFirst() {
            if !word.hasPrefix("-") {
                guard note == nil else { return nil }
                note = word
                continue
            }
            var name = word, value: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            }
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            if name == "--no-pager" || name == "--run" || name == "--refresh" {
                guard value == nil else { return nil }
                switch name {
                case "--no-pager": request.pager = false
                case "--run": request.runCells = true
                default: request.refresh = true
                }
                continue
            }
            guard let given = value ?? rest.popFirst(), !given.hasPrefix("-") || value != nil else { return nil }
            switch name {
            case "--notes":
                request.notesFolder = given
            case "--data":
                request.dataFolder = given
            case "--width":
                guard let width = Int(given), DisplayOptions.widthRange.contains(width) else { return nil }
                request.width = width
            case "--color":
                guard let color = ColorChoice(rawValue: given) else { return nil }
                request.color = color
            default:
                return nil
            }
        }
        guard let note, !note.isEmpty else { return nil }
        request.note = note
        return request
    }
}
