/// The cards a quiz is over: those of the notes a learner names (every note
/// when none), with the notebook's card ids, over which the daily budget of
/// new cards is counted. A note whose cards do not parse is refused, with the
/// first problem at its file and line, rather than quizzed in part.
import Notebook

public struct QuizDeck: Sendable {
    public var items: [QuizItem]
    /// Every card id of the notebook's folder.
    public var notebookCardIDs: Set<String>

    /// A card of a chosen note that does not parse: `FILE:LINE: message`.
    public struct InvalidCard: Error, CustomStringConvertible {
        public var description: String
    }

    /// The deck of `queries` (ids, numbers, prefixes) in `notebook`.
    public init(notebook: Notebook, notes queries: [String] = []) throws {
        let all = try notebook.loadAll()
        // The named notes are found among those already read, not read again.
        let notes = try queries.isEmpty ? all : queries.map { query throws(NotebookError) in all[try notebook.file(query).number - 1] }
        items = []
        for note in notes {
            if let problem = note.quizProblems.first {
                throw InvalidCard(description: "\(note.path):\(problem.line): \(problem.message)")
            }
            items += QuizItem.items(of: note)
        }
        notebookCardIDs = Set(all.flatMap { $0.cards.map(\.id) })
    }
}

extension QuizSession {
    /// A session over `deck`, on `clock`'s time.
    public init(deck: QuizDeck, store: ProgressStore, clock: QuizClock) {
        self.init(items: deck.items, store: store, now: clock.now, startOfToday: clock.startOfDay(clock.now()))
        notebookCardIDs = deck.notebookCardIDs
    }
}
