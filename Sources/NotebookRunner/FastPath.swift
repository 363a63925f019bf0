/// A fast path for the most common commands, `ganbook read NOTE [options]`
/// and `ganbook [list] [options]`.
///
/// Why: ArgumentParser builds its model of every command by reflection when it
/// starts, which costs about 2 ms, three times what parsing and rendering a
/// 17 KB note takes. Reading a note should feel instant, so plain `read` and
/// `list` invocations are recognised here and become the same `ReadRequest`
/// or `ListRequest` that `ReadCommand` or `ListCommand` would make.
///
/// What a fast-path request does: the same work as its command's `run()`.
public protocol FastRequest {
    func run() throws
}

/// The rule that keeps this safe: anything this parser is not sure of (help,
/// an unknown or repeated option, a missing or invalid value, `--`) returns nil,
/// and ArgumentParser handles it, with its own messages. Tests check that both
/// parsers agree on every accepted command line.
import Terminal

public enum FastPath {
    /// The request for `arguments`, or nil to leave them to ArgumentParser.
    public static func request(_ arguments: [String]) -> (any FastRequest)? {
        if arguments.first == "read" { return readRequest(arguments) }
        if arguments.isEmpty || arguments.first == "list" || arguments.first!.hasPrefix("-") { return listRequest(arguments) }
        return nil
    }

    /// `list` (or nothing) with --notes, --width and --color only.
    public static func listRequest(_ arguments: [String]) -> ListRequest? {
        // `ganbook --width 70` is `list --width 70`: list is the default command.
        guard arguments.isEmpty || arguments.first == "list" || arguments.first!.hasPrefix("-"),
            let read = options(arguments.dropFirst(arguments.first == "list" ? 1 : 0), allowingNote: false),
            !read.runCells, !read.refresh, read.pager, read.dataFolder == nil
        else { return nil }
        return ListRequest(source: read.source, width: read.width, color: read.color)
    }

    public static func readRequest(_ arguments: [String]) -> ReadRequest? {
        guard arguments.first == "read", let request = options(arguments.dropFirst(), allowingNote: true),
            !request.note.isEmpty
        else { return nil }
        return request
    }

    /// The options of `read` (and a note, when allowed) as a request; nil when unsure.
    private static func options(_ arguments: ArraySlice<String>, allowingNote: Bool) -> ReadRequest? {
        var request = ReadRequest(note: "")
        var note: String?
        var seen: [String] = []  // an Array: a Set's first use costs a runtime conformance scan
        var rest = arguments
        while let word = rest.popFirst() {
            if !word.hasPrefix("-") {
                guard allowingNote, note == nil else { return nil }
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
                request.source.notes = given
            case "--lang":
                request.source.lang = given
            case "--data":
                request.dataFolder = given
            case "--width":
                guard let width = Int(given), TerminalEnvironment.widthRange.contains(width) else { return nil }
                request.width = width
            case "--color":
                guard let color = ColorChoice(rawValue: given) else { return nil }
                request.color = color
            default:
                return nil
            }
        }
        request.note = note ?? ""
        return request
    }
}
