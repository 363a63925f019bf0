/// The learner's progress: one SQLite file (through GRDB) holding each card's
/// memory state and an append-only log of every answer, like Anki's revlog.
///
/// - Location: `progress.sqlite` in the folder it is given (which folder is the
///   caller's choice: the quiz's `ProgressStore.folder(flag:)`).
/// - Safety: an existing file is first checked read-only (is it SQLite, is it
///   ours, is its schema one we know, does it pass `quick_check`); only then is
///   it opened for writing, so a file we refuse is left byte for byte as it was.
/// - Every answer is one transaction (card state + log row), committed when
///   given; WAL mode and a busy timeout let two sessions write at once.
/// - The log is append-only, with one exception: undo (`u` in a session) takes
///   back the session's last answer, deleting its log row and restoring the
///   card's previous state in the same transaction, so the two always agree.
/// - The schema carries versioned migrations (GRDB's DatabaseMigrator).
import Foundation
import GRDB

package struct StoreError: Error, Equatable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// One row of the review log.
package struct LoggedReview: Sendable, Equatable {
    package enum Kind: String, Sendable { case scheduled, cram }
    package var cardID: String
    package var noteID: String
    package var time: Double
    package var grade: Grade
    package var kind: Kind
    package var before: Memory?
    package var after: Memory
    package var durationMilliseconds: Int

    package init(
        cardID: String, noteID: String, time: Double, grade: Grade, kind: Kind, before: Memory?, after: Memory, durationMilliseconds: Int
    ) {
        (self.cardID, self.noteID, self.time, self.grade, self.kind) = (cardID, noteID, time, grade, kind)
        (self.before, self.after, self.durationMilliseconds) = (before, after, durationMilliseconds)
    }
}

package struct ProgressStore: Sendable {
    /// 'GANB': marks the file as ganbook's (PRAGMA application_id).
    package static let applicationID: Int32 = 0x4741_4E42
    package static let fileName = "progress.sqlite"

    package let path: String
    let pool: DatabasePool

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(ProgressStore.applicationID)")
            try db.create(table: "card") { t in
                t.primaryKey("id", .text)
                t.column("note", .text).notNull()
                t.column("state", .integer).notNull()
                t.column("step", .integer)
                t.column("stability", .double)
                t.column("difficulty", .double)
                t.column("due", .double).notNull()
                t.column("lastReview", .double)
            }
            try db.create(table: "reviewLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("card", .text).notNull()
                t.column("note", .text).notNull()
                t.column("time", .double).notNull()
                t.column("grade", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("stateBefore", .integer)
                t.column("stateAfter", .integer).notNull()
                t.column("stabilityBefore", .double)
                t.column("stabilityAfter", .double)
                t.column("difficultyBefore", .double)
                t.column("difficultyAfter", .double)
                t.column("dueBefore", .double)
                t.column("dueAfter", .double).notNull()
                t.column("milliseconds", .integer).notNull()
            }
            try db.create(index: "reviewLog_card", on: "reviewLog", columns: ["card", "time"])
            try db.create(index: "reviewLog_note", on: "reviewLog", columns: ["note"])
        }
        return migrator
    }

    package init(folder: String) throws(StoreError) {
        let path = folder + "/" + Self.fileName
        self.path = path
        let files = FileManager.default
        if files.fileExists(atPath: path) {
            try Self.check(path)
        } else {
            var isFolder: ObjCBool = false
            if files.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
                throw StoreError("data folder \(folder) is not a folder")
            }
            try Self.makeFolders(folder)
        }
        try Self.checkWritable(folder)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError("cannot write progress to \(path): \(Self.reason(error))")
        }
    }

    /// Refuses, without writing, a file that is not ours or not usable.
    static func check(_ path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
                if id != applicationID && tables > 0 {
                    throw StoreError("\(path) is not a ganbook progress file (it is another SQLite database); move it away or use --data DIR")
                }
                if try migrator.hasBeenSuperseded(db) {
                    let known = migrator.migrations.count
                    throw StoreError(
                        "\(path) was written by a newer ganbook (its schema has more than the \(known) migration\(known == 1 ? "" : "s") this binary knows); update ganbook"
                    )
                }
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                if check != ["ok"] {
                    throw StoreError("\(path) is damaged (\(check.first ?? "quick_check failed")); it was left as it is")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(path) is not a usable SQLite file (\(reason(error))); it was left as it is")
        }
    }

    /// mkdir -p, with the system's reason on failure.
    static func makeFolders(_ folder: String) throws(StoreError) {
        var path = ""
        for part in folder.split(separator: "/", omittingEmptySubsequences: false) {
            path += (path.isEmpty && folder.hasPrefix("/") ? "" : (path.isEmpty ? "" : "/")) + part
            if path.isEmpty { path = "/"; continue }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw StoreError("cannot create the data folder \(folder): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// SQLite needs to create files beside the database (WAL): try it, even as root.
    static func checkWritable(_ folder: String) throws(StoreError) {
        let probe = folder + "/.ganbook-write-test-\(getpid())"
        let fd = open(probe, O_CREAT | O_WRONLY | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw StoreError("data folder \(folder) is read-only (\(String(cString: strerror(errno)))); use --data DIR")
        }
        close(fd)
        unlink(probe)
    }

    static func reason(_ error: Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return (error as NSError).localizedDescription
    }

    // MARK: Reading

    /// The stored memory of each card that has one, by id.
    package func memories() throws -> [String: Memory] {
        try pool.read { db in
            var out: [String: Memory] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, state, step, stability, difficulty, due, lastReview FROM card") {
                out[row["id"]] = Memory(
                    state: CardState(rawValue: row["state"]) ?? .learning, step: row["step"],
                    stability: row["stability"], difficulty: row["difficulty"],
                    due: row["due"], lastReview: row["lastReview"])
            }
            return out
        }
    }

    /// How many cards had their first scheduled review at or after `since`.
    package func newCardsIntroduced(since: Double) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM (SELECT card, MIN(time) AS first FROM reviewLog
                    WHERE kind = 'scheduled' GROUP BY card) WHERE first >= ?
                    """, arguments: [since]) ?? 0
        }
    }

    // MARK: Writing

    /// Commits one answer: the card's new state (unless cram) and its log row; returns the row's id.
    @discardableResult
    package func record(_ review: LoggedReview) throws -> Int64 {
        try pool.write { db in try Self.insert(review, db) }
    }

    /// Takes back the answer logged as `rowID` (the card's newest row): deletes the row and puts the
    /// card back as it was before. Refused when another session has answered the card since.
    package func undo(_ rowID: Int64, of review: LoggedReview) throws {
        try pool.write { db in try Self.remove(rowID, review, db) }
    }

    /// Undo and a new answer in one transaction (a right multiple-choice answer downgraded to a guess).
    package func replace(_ rowID: Int64, of review: LoggedReview, with new: LoggedReview) throws -> Int64 {
        try pool.write { db in
            try Self.remove(rowID, review, db)
            return try Self.insert(new, db)
        }
    }

    static func remove(_ rowID: Int64, _ review: LoggedReview, _ db: Database) throws {
        let newest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM reviewLog WHERE card = ?", arguments: [review.cardID])
        guard newest == rowID else {
            throw StoreError("cannot undo: card \(review.cardID) was answered again since (in another session)")
        }
        try db.execute(sql: "DELETE FROM reviewLog WHERE id = ?", arguments: [rowID])
        guard review.kind == .scheduled else { return }
        if let m = review.before {
            try db.execute(
                sql: """
                    UPDATE card SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, lastReview = ? WHERE id = ?
                    """, arguments: [m.state.rawValue, m.step, m.stability, m.difficulty, m.due, m.lastReview, review.cardID])
        } else {
            try db.execute(sql: "DELETE FROM card WHERE id = ?", arguments: [review.cardID])
        }
    }

    static func insert(_ review: LoggedReview, _ db: Database) throws -> Int64 {
        if review.kind == .scheduled {
            let m = review.after
            try db.execute(
                sql: """
                    INSERT INTO card (id, note, state, step, stability, difficulty, due, lastReview)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET note = excluded.note, state = excluded.state, step = excluded.step,
                    stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                    lastReview = excluded.lastReview
                    """, arguments: [review.cardID, review.noteID, m.state.rawValue, m.step, m.stability, m.difficulty, m.due, m.lastReview])
        }
        let b = review.before
        try db.execute(
            sql: """
                INSERT INTO reviewLog (card, note, time, grade, kind, stateBefore, stateAfter, stabilityBefore, stabilityAfter,
                difficultyBefore, difficultyAfter, dueBefore, dueAfter, milliseconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                review.cardID, review.noteID, review.time, review.grade.rawValue, review.kind.rawValue,
                b?.state.rawValue, review.after.state.rawValue, b?.stability, review.after.stability,
                b?.difficulty, review.after.difficulty, b?.due, review.after.due, review.durationMilliseconds,
            ])
        return db.lastInsertedRowID
    }

    /// Moves the WAL's content into the main file (for tests that inspect the file).
    package func checkpoint() throws {
        _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    // MARK: Statistics

    package struct CardHistory: Sendable {
        /// Every logged answer, cram included (the review number that seeds a card's numbers).
        package var reviews: Int
        /// The grade of the first scheduled review, if any.
        package var firstGrade: Int?
        /// Of `reviews`, the cram answers (they change no schedule and are not counted as reviews).
        package var cram = 0
    }

    /// Per card: number of reviews (all kinds) and the first scheduled grade.
    package func histories() throws -> [String: CardHistory] {
        try pool.read { db in
            var out: [String: CardHistory] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT card, COUNT(*) AS n, SUM(kind = 'cram') AS c FROM reviewLog GROUP BY card") {
                out[row["card"]] = CardHistory(reviews: row["n"], firstGrade: nil, cram: row["c"] ?? 0)
            }
            let firsts = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.card AS card, r.grade AS grade FROM reviewLog r
                    JOIN (SELECT card, MIN(id) AS first FROM reviewLog WHERE kind = 'scheduled' GROUP BY card) f ON r.id = f.first
                    """)
            for row in firsts { out[row["card"], default: CardHistory(reviews: 0)].firstGrade = row["grade"] }
            return out
        }
    }

    /// Cards whose first scheduled review was at or after `since`, with that time.
    package func firstReviews(since: Double) throws -> [String: Double] {
        try pool.read { db in
            var out: [String: Double] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT card, MIN(time) AS first FROM reviewLog WHERE kind = 'scheduled' GROUP BY card HAVING first >= ?
                    """, arguments: [since])
            {
                out[row["card"]] = row["first"]
            }
            return out
        }
    }

    /// Scheduled reviews at or after `since` of cards that were in review state: (card, note, time, grade).
    package func reviewStateAnswers(since: Double) throws -> [(card: String, time: Double, grade: Int)] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT card, time, grade FROM reviewLog WHERE kind = 'scheduled' AND stateBefore = ? AND time >= ? ORDER BY id
                    """, arguments: [CardState.review.rawValue, since]
            ).map { (card: $0["card"], time: $0["time"], grade: $0["grade"]) }
        }
    }

    /// The times of every scheduled review (for the streak of days studied).
    package func reviewTimes() throws -> [Double] {
        try pool.read { db in try Double.fetchAll(db, sql: "SELECT time FROM reviewLog WHERE kind = 'scheduled' ORDER BY time") }
    }

    /// Every logged review (for tests and audits), oldest first.
    package func log() throws -> [(card: String, grade: Int, kind: String, time: Double)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT card, grade, kind, time FROM reviewLog ORDER BY id").map {
                (card: $0["card"], grade: $0["grade"], kind: $0["kind"], time: $0["time"])
            }
        }
    }
}
