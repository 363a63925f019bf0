import Foundation
import GRDB
@testable import Scheduling
import TestSupport
import Testing

func md5ish(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

/// /sys refuses new files even to root; where it does not, the test that
/// needs a read-only folder is skipped, and says so.
let sysIsReadOnly: Bool = {
    let probe = "/sys/kernel/.ganbook-probe"
    let fd = open(probe, O_CREAT | O_WRONLY, 0o600)
    if fd >= 0 { close(fd); unlink(probe); return false }
    return true
}()

@Suite struct StoreTests {
    @Test func anEmptyFolderGetsAFreshStore() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder + "/nested/deeper")
        #expect(try store.memories().isEmpty)
        let queue = try DatabaseQueue(path: store.path)
        let (id, migrations, tables) = try queue.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try db.tableExists("card") && db.tableExists("reviewLog")
            )
        }
        #expect(id == ProgressStore.applicationID)
        #expect(migrations == ["v1"])
        #expect(tables)
    }

    @Test func answersAreStoredAndCramLeavesTheScheduleAlone() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        let scheduler = Scheduler()
        let after = scheduler.review(Memory(due: 1000), .good, at: 1000)
        try store.record(
            LoggedReview(cardID: "a", noteID: "n", time: 1000, grade: .good, kind: .scheduled, before: nil, after: after, durationMilliseconds: 1500))
        try store.record(LoggedReview(cardID: "a", noteID: "n", time: 1100, grade: .again, kind: .cram, before: after, after: after, durationMilliseconds: 10))
        let reopened = try ProgressStore(folder: folder)
        #expect(try reopened.memories()["a"] == after)
        #expect(try reopened.log().map(\.kind) == ["scheduled", "cram"])
        #expect(try reopened.histories()["a"]?.reviews == 2)
        #expect(try reopened.histories()["a"]?.firstGrade == 3)
        #expect(try reopened.newCardsIntroduced(since: 900) == 1)
        #expect(try reopened.newCardsIntroduced(since: 1001) == 0)
    }

    @Test func twoWritersAtOnceLoseNothing() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try ProgressStore(folder: folder), second = try ProgressStore(folder: folder)
        let after = Scheduler().review(Memory(due: 0), .good, at: 0)
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let store = writer == 0 ? first : second
            for i in 0..<150 {
                do {
                    try store.record(
                        LoggedReview(
                            cardID: "w\(writer)-\(i % 10)", noteID: "n", time: Double(i), grade: .good,
                            kind: .scheduled, before: nil, after: after, durationMilliseconds: 1))
                } catch { failures.add() }
            }
        }
        #expect(failures.value == 0)
        #expect(try first.log().count == 300)
        #expect(try second.memories().count == 20)
    }

    @Test func aFileThatIsNotSQLiteIsLeftUntouched() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/progress.sqlite"
        let bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError("\(path) is not a usable SQLite file (file is not a database); it was left as it is")) {
            try ProgressStore(folder: folder)
        }
        #expect(md5ish(path) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["progress.sqlite"])
    }

    @Test func anotherSQLiteDatabaseIsNotOurs() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/progress.sqlite"
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes(x)") }
        let before = md5ish(path)
        #expect(throws: StoreError("\(path) is not a ganbook progress file (it is another SQLite database); move it away or use --data DIR")) {
            try ProgressStore(folder: folder)
        }
        #expect(md5ish(path) == before)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try ProgressStore(folder: folder)
        let path = folder + "/progress.sqlite"
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2')") }
        let before = md5ish(path)
        #expect(throws: StoreError.self) { try ProgressStore(folder: folder) }
        do { _ = try ProgressStore(folder: folder) } catch { #expect("\(error)".contains("newer ganbook")) }
        #expect(md5ish(path) == before)
    }

    @Test func aDamagedDatabaseIsRefusedAndLeftAsItIs() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        let after = Scheduler().review(Memory(due: 0), .good, at: 0)
        for i in 0..<300 {
            try store.record(
                LoggedReview(cardID: "c\(i)", noteID: "n", time: Double(i), grade: .good, kind: .scheduled, before: nil, after: after, durationMilliseconds: 1))
        }
        try store.checkpoint()
        let path = folder + "/progress.sqlite"
        var bytes = md5ish(path)
        #expect(bytes.count > 3 * 4096)
        for page in 1..<(bytes.count / 4096) { for i in 0..<16 { bytes[page * 4096 + i] = 0xFF } }  // break every B-tree page header
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try ProgressStore(folder: folder) }
        #expect(md5ish(path) == bytes)
    }

    @Test(.enabled(if: sysIsReadOnly, "/sys/kernel accepts new files here"))
    func aReadOnlyFolderIsRefused() throws {
        #expect(throws: StoreError("data folder /sys/kernel is read-only (Permission denied); use --data DIR")) {
            try ProgressStore(folder: "/sys/kernel")
        }
    }
}

final class LockedCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

/// The store's schema is what a learner's saved progress is written in: a
/// change must come with a migration, and this known answer makes it fail
/// here first. (Rewrite it only together with a new migration and its test.)
@Suite struct StoreSchemaTests {
    @Test func theSchemaIsTheKnownOne() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ProgressStore(folder: folder)
        let schema = try store.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(
            schema == [
                #"CREATE TABLE "card" ("id" TEXT PRIMARY KEY NOT NULL, "note" TEXT NOT NULL, "state" INTEGER NOT NULL, "step" INTEGER, "stability" DOUBLE, "difficulty" DOUBLE, "due" DOUBLE NOT NULL, "lastReview" DOUBLE)"#,
                #"CREATE TABLE "reviewLog" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "card" TEXT NOT NULL, "note" TEXT NOT NULL, "time" DOUBLE NOT NULL, "grade" INTEGER NOT NULL, "kind" TEXT NOT NULL, "stateBefore" INTEGER, "stateAfter" INTEGER NOT NULL, "stabilityBefore" DOUBLE, "stabilityAfter" DOUBLE, "difficultyBefore" DOUBLE, "difficultyAfter" DOUBLE, "dueBefore" DOUBLE, "dueAfter" DOUBLE NOT NULL, "milliseconds" INTEGER NOT NULL)"#,
            ])
    }
}
