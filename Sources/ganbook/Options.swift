/// Options shared by the commands: where the notes are, and how output looks.
import ArgumentParser
import Notebook
import Terminal

struct NotebookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read notes from this folder instead of the bundled ones.", valueName: "dir"))
    var notes: String?

    /// The notebook at --notes, $GANBOOK_NOTES, or the bundled notes.
    func load() throws -> Notebook { try Self.load(folder: notes) }

    static func load(folder: String?) throws -> Notebook {
        let location = try NotesLocation.resolve(flag: folder, environment: TerminalEnvironment.environment(NotesLocation.environmentVariable))
        return try Notebook(folder: location.path)
    }
}

struct DisplayOptions: ParsableArguments {
    static let widthRange = 1...1000

    @Option(name: .long, help: ArgumentHelp("Columns to wrap to (default: the terminal's, at most 100; 80 when piped).", valueName: "n"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    func validate() throws {
        if let width, !Self.widthRange.contains(width) {
            throw ValidationError("--width must be between \(Self.widthRange.lowerBound) and \(Self.widthRange.upperBound) columns, got \(width)")
        }
    }

    var resolvedWidth: Int { TerminalEnvironment.width(requested: width) }
    var sheet: StyleSheet { StyleSheet(color: TerminalEnvironment.colorEnabled(color)) }
}

extension ColorChoice: ExpressibleByArgument {}
