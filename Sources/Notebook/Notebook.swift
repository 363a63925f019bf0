/// The notebook: the notes of one folder, in file-name order, and how a
/// reader's words (`objective`, `3`, `obj`) pick one of them.
///
/// Loading is strict about what would make output wrong (a missing or empty
/// folder, a file that is not UTF-8) and lenient about the rest, which it
/// keeps as `problems` for `ganbook check`.

import Installation

package enum NotebookError: Error, Equatable, CustomStringConvertible {
    case folderMissing(String)
    case notAFolder(String)
    case folderUnreadable(String, reason: String)
    case noNotes(String)
    case fileUnreadable(String, reason: String)
    case invalidUTF8(String, line: Int, column: Int, byte: UInt8)
    case noSuchNote(String, suggestion: String?)
    case ambiguousNote(String, candidates: [String])

    package var description: String {
        switch self {
        case .folderMissing(let path): return "notes folder '\(path)' does not exist"
        case .notAFolder(let path): return "notes folder '\(path)' is not a folder"
        case .folderUnreadable(let path, let reason): return "cannot read notes folder '\(path)': \(reason)"
        case .noNotes(let path): return "notes folder '\(path)' has no .md notes"
        case .fileUnreadable(let path, let reason): return "cannot read '\(path)': \(reason)"
        case .invalidUTF8(let path, let line, let column, let byte):
            return "\(path):\(line): not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column))"
        case .noSuchNote(let query, let suggestion):
            return "no note '\(query)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .ambiguousNote(let query, let candidates):
            return "'\(query)' matches several notes: \(candidates.joined(separator: ", "))"
        }
    }
}

/// A note's file, known before it is read: enough to list and find notes.
package struct NoteFile: Sendable, Equatable {
    package var fileName: String
    package var path: String
    package var id: String
    /// The 1-based position in the contents.
    package var number: Int
}

package struct Notebook: Sendable {
    package var folder: String
    /// Every `*.md` file of the folder, ordered by file name. Notes are read
    /// only when asked for, so that `read` parses one file, not the notebook.
    package var files: [NoteFile]

    /// Lists the notes of `folder`.
    package init(folder: String) throws(NotebookError) {
        let names: [String]
        do {
            names = try FileSystem.list(folder)
        } catch {
            switch error {
            case .missing: throw .folderMissing(folder)
            case .notADirectory: throw .notAFolder(folder)
            case .unreadable(let reason): throw .folderUnreadable(folder, reason: reason)
            }
        }
        let markdown = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        guard !markdown.isEmpty else { throw .noNotes(folder) }
        self.folder = folder
        self.files = markdown.enumerated().map { index, name in
            NoteFile(fileName: name, path: FileSystem.join(folder, name), id: Note.id(fromFileName: name), number: index + 1)
        }
    }

    /// Reads and parses one note.
    package func load(_ file: NoteFile) throws(NotebookError) -> Note { try parse(file, bytes: try read(file)) }

    /// The bytes of one note's file.
    package func read(_ file: NoteFile) throws(NotebookError) -> [UInt8] {
        do {
            return try FileSystem.read(file.path)
        } catch {
            if case .unreadable(let reason) = error { throw .fileUnreadable(file.path, reason: reason) }
            throw .fileUnreadable(file.path, reason: "it disappeared while reading")
        }
    }

    /// The note in `bytes`, read from `file`; they must be UTF-8.
    package func parse(_ file: NoteFile, bytes: [UInt8]) throws(NotebookError) -> Note {
        Note(file: file, source: try Self.decode(bytes, path: file.path))
    }

    /// Reads and parses every note, in order.
    package func loadAll() throws(NotebookError) -> [Note] {
        var notes: [Note] = []
        for file in files { notes.append(try load(file)) }
        return notes
    }

    /// The bytes as UTF-8 text, or where they stop being UTF-8.
    static func decode(_ bytes: [UInt8], path: String) throws(NotebookError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            let valid =
                length > 0 && i + length <= bytes.count
                && String(validating: bytes[i..<i + length], as: UTF8.self) != nil
            if !valid {
                let column = (String(validating: bytes[lineStart..<i], as: UTF8.self)?.count ?? (i - lineStart)) + 1
                throw .invalidUTF8(path, line: line, column: column, byte: b)
            }
            if b == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
            i += length
        }
        throw .invalidUTF8(path, line: line, column: 1, byte: 0)
    }

    /// The note a reader means: an exact id, a number from the contents, or a
    /// unique id prefix. Otherwise an error with a close id as a suggestion.
    package func note(_ query: String) throws(NotebookError) -> Note {
        try load(file(query))
    }

    /// The file of the note a reader means (see `note(_:)`), without reading it.
    package func file(_ query: String) throws(NotebookError) -> NoteFile {
        let exact = files.filter { $0.id == query }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { throw .ambiguousNote(query, candidates: exact.map(\.fileName)) }
        if let number = Int(query), query.allSatisfy(\.isASCII) {
            if let note = files.first(where: { $0.number == number }) { return note }
        }
        let lowered = query.lowercased()
        let prefixed = files.filter { $0.id.lowercased().hasPrefix(lowered) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 { throw .ambiguousNote(query, candidates: prefixed.map(\.id)) }
        throw .noSuchNote(query, suggestion: suggestion(for: lowered))
    }

    /// The id closest to `query`, if it is close enough to be a typo.
    func suggestion(for query: String) -> String? {
        Suggestion.closest(to: query, among: files.map(\.id))
    }
}
