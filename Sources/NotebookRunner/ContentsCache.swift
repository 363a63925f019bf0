/// The contents' rows kept between runs, in the data folder's
/// `contents-cache`, so that `list` parses only the notes it has not seen.
///
/// A row is found by a hash of the note's file name and bytes, and the whole
/// file belongs to the ganbook binary that wrote it (its inode, size and
/// time): an edited note is parsed afresh, and so is every note after a new
/// build, whose parser may count cards differently. Best effort, like the
/// cell cache: a cache that cannot be read, parsed or written is ignored, and
/// a note that does not parse (bad UTF-8) is never kept, so its error shows
/// on every run.
import Installation
import Notebook

public struct ContentsCache {
    public static let fileName = "contents-cache"
    /// Rows kept at most, those of the last run first (both editions fit).
    static let capacity = 256

    struct Row: Equatable {
        var key: UInt64
        var title: String
        var demoCells: Int
        var cards: Int
    }

    public let path: String
    /// The header naming the binary, or nil when it cannot be known (nothing is kept then).
    let header: String?
    private var kept: [Row]
    private var used: [Row] = []
    private var added = false

    public init(dataFolder: String, binary: String? = FileSystem.identity("/proc/self/exe")) {
        let path = FileSystem.join(dataFolder, Self.fileName)
        let header = binary.map { "ganbook contents cache 1 " + $0 }
        self.path = path
        self.header = header
        kept = header.flatMap { Self.rows(at: path, header: $0) } ?? []
    }

    /// The key of a note's row.
    static func key(_ file: NoteFile, _ bytes: [UInt8]) -> UInt64 {
        StableHash.value(bytes: bytes) ^ StableHash.value(file.fileName)
    }

    /// The note's row from the cache, or from parsing it (and then kept).
    mutating func entry(_ file: NoteFile, in notebook: Notebook) throws(NotebookError) -> Contents.Entry {
        let bytes = try notebook.read(file)
        let key = Self.key(file, bytes)
        if let row = kept.first(where: { $0.key == key }) {
            used.append(row)
            return Contents.Entry(number: file.number, id: file.id, title: row.title, demoCells: row.demoCells, cards: row.cards)
        }
        let entry = Contents.Entry(try notebook.parse(file, bytes: bytes))
        used.append(Row(key: key, title: entry.title, demoCells: entry.demoCells, cards: entry.cards))
        added = true
        return entry
    }

    /// Writes the cache when this run parsed a note it did not have.
    public func save() {
        guard added, let header else { return }
        let rows = (used + kept.filter { row in !used.contains { $0.key == row.key } }).prefix(Self.capacity)
        var text = header + "\n"
        for row in rows where !row.title.contains("\n") && !row.title.contains("\t") {
            text += "\(String(row.key, radix: 16))\t\(row.demoCells)\t\(row.cards)\t\(row.title)\n"
        }
        FileSystem.writeWhole(Array(text.utf8), to: path)
    }

    /// The rows of the cache file at `path`, if it is there, whole and this binary's.
    static func rows(at path: String, header: String) -> [Row]? {
        guard let bytes = try? FileSystem.read(path), let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header), lines.last == "" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var rows: [Row] = []
        for line in lines {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let key = UInt64(fields[0], radix: 16), let demoCells = Int(fields[1]), let cards = Int(fields[2]) else {
                return nil
            }
            rows.append(Row(key: key, title: String(fields[3]), demoCells: demoCells, cards: cards))
        }
        return rows
    }
}
