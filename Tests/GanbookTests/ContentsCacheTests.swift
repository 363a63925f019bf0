import Foundation
import Installation
import Notebook
@testable import NotebookRunner
import TestSupport
import Testing

/// `list` keeps its rows between runs (ContentsCache): what it shows from the
/// cache must be what parsing shows, and anything it cannot trust is parsed.
@Suite struct ContentsCacheTests {
    let notes: String
    let data: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-contents-\(UUID().uuidString)").path
        notes = base + "/notes"
        data = base + "/data"
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        try write("# First\n\n```demo\njsd\n```\n\n```quiz\nQ: q1?\nA: a1\n```\n", "01-first.md")
        try write("# Second\n\n```quiz\nQ: q2?\nA: a2\n```\n\n```quiz\nQ: q3?\nA: a3\n```\n", "02-second.md")
    }

    func write(_ text: String, _ name: String) throws {
        try text.write(toFile: notes + "/" + name, atomically: true, encoding: .utf8)
    }

    /// The contents through a cache of `binary`, saved after.
    func contents(binary: String? = "build-1") throws -> [Contents.Entry] {
        var cache = ContentsCache(dataFolder: data, binary: binary)
        let contents = try Contents(notebook: try Notebook(folder: notes), translator: .english, hintOptions: "", cache: &cache)
        cache.save()
        return contents.entries
    }

    func parsed() throws -> [Contents.Entry] {
        try Contents(notebook: try Notebook(folder: notes), translator: .english, hintOptions: "").entries
    }

    var cacheFile: String { data + "/" + ContentsCache.fileName }

    /// Rewrites the kept titles, to tell a row read from the cache from one parsed.
    func markCachedRows() throws {
        let text = try String(contentsOfFile: cacheFile, encoding: .utf8)
        try text.replacingOccurrences(of: "\tFirst\n", with: "\tFirst (cached)\n")
            .replacingOccurrences(of: "\tSecond\n", with: "\tSecond (cached)\n")
            .write(toFile: cacheFile, atomically: true, encoding: .utf8)
    }

    @Test func aFirstRunParsesAndKeepsWhatParsingShows() throws {
        let first = try contents()
        #expect(first == (try parsed()))
        #expect(first.map(\.cards) == [1, 2] && first.map(\.demoCells) == [1, 0])
        #expect(FileManager.default.fileExists(atPath: cacheFile))
    }

    @Test func aSecondRunReadsTheRowsInsteadOfParsing() throws {
        _ = try contents()
        try markCachedRows()
        #expect(try contents().map(\.title) == ["First (cached)", "Second (cached)"])
    }

    @Test func anEditedNoteIsParsedAgainAndTheOthersComeFromTheCache() throws {
        _ = try contents()
        try markCachedRows()
        try write("# First, edited\n\n```quiz\nQ: q?\nA: a\n```\n\n```quiz\nQ: r?\nA: b\n```\n", "01-first.md")
        let entries = try contents()
        #expect(entries.map(\.title) == ["First, edited", "Second (cached)"])
        #expect(entries[0].cards == 2 && entries[0].demoCells == 0)
    }

    @Test func anotherBuildParsesEverythingAgain() throws {
        _ = try contents(binary: "build-1")
        try markCachedRows()
        #expect(try contents(binary: "build-2") == (try parsed()))
    }

    @Test func withoutAKnownBinaryNothingIsKept() throws {
        #expect(try contents(binary: nil) == (try parsed()))
        #expect(!FileManager.default.fileExists(atPath: cacheFile))
    }

    @Test(arguments: ["garbage", "", "ganbook contents cache 1 build-1\nzz\t1\t1\tT\n", "ganbook contents cache 1 build-1\nab\t1"])
    func aDamagedCacheIsIgnoredAndRewritten(damage: String) throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try damage.write(toFile: cacheFile, atomically: true, encoding: .utf8)
        #expect(try contents() == (try parsed()))
        try markCachedRows()
        #expect(try contents().map(\.title) == ["First (cached)", "Second (cached)"])
    }

    @Test func aDataFolderThatCannotBeWrittenStillLists() throws {
        try "a file".write(toFile: notes + "/../blocked", atomically: true, encoding: .utf8)
        var cache = ContentsCache(dataFolder: notes + "/../blocked/data", binary: "build-1")
        let contents = try Contents(notebook: try Notebook(folder: notes), translator: .english, hintOptions: "", cache: &cache)
        cache.save()
        #expect(contents.entries == (try parsed()))
    }

    @Test func aNoteThatIsNotUTF8FailsOnEveryRun() throws {
        try Data([0x23, 0x20, 0xff, 0x0a]).write(to: URL(fileURLWithPath: notes + "/03-bad.md"))
        for _ in 0..<2 {
            #expect(throws: NotebookError.self) { _ = try contents() }
        }
    }

    @Test func listThroughTheBinaryShowsTheSameAfterItHasCached() throws {
        let arguments = ["list", "--notes", notes, "--width", "80"]
        let first = try Binary.run(arguments, environment: ["GANBOOK_DATA": data])
        let second = try Binary.run(arguments, environment: ["GANBOOK_DATA": data])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout && first.stdout.contains("Second"))
        #expect(FileManager.default.fileExists(atPath: cacheFile))
    }
}

/// The byte hash that keys the rows, and the whole-file write that saves them.
@Suite struct ContentsCacheFileTests {
    @Test func everyByteAndTheLengthChangeTheHash() {
        let bytes = Array("a note's bytes, long enough for words and a tail".utf8)
        let hash = StableHash.value(bytes: bytes)
        for i in bytes.indices {
            for bit in [0, 7] {
                var changed = bytes
                changed[i] ^= 1 << bit
                #expect(StableHash.value(bytes: changed) != hash, "byte \(i), bit \(bit)")
            }
        }
        let zeros = (0..<24).map { StableHash.value(bytes: [UInt8](repeating: 0, count: $0)) }
        #expect(Set(zeros).count == zeros.count)
    }

    @Test func aWholeWriteMakesItsFoldersAndLeavesNoTemporaryFile() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-write-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        #expect(FileSystem.writeWhole(Array("one\n".utf8), to: base + "/a/b/file"))
        #expect(FileSystem.writeWhole(Array("two\n".utf8), to: base + "/a/b/file"))
        #expect(try String(contentsOfFile: base + "/a/b/file", encoding: .utf8) == "two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base + "/a/b") == ["file"])
        try "x".write(toFile: base + "/plain", atomically: true, encoding: .utf8)
        #expect(!FileSystem.writeWhole(Array("three".utf8), to: base + "/plain/file"))
    }
}
