/// The cards a quiz is over: those of the notes a learner names (every note
/// when none), with the notebook's card ids, over which the daily budget of
/// new cards is counted. A note whose cards do not parse is refused, with the
/// first problem at its file and line, rather than quizzed in part.
import Installation
import Notebook
import Scheduling

package struct QuizDeck: Sendable {
    package var items: [QuizItem]
    /// Every card id of the notebook's folder.
    package var notebookCardIDs: Set<String>

    /// A card of a chosen note that does not parse: `FILE:LINE: message`.
    package struct InvalidCard: Error, CustomStringConvertible {
        package var description: String
    }

    /// The deck of `queries` (ids, numbers, prefixes) in `notebook`.
    package init(notebook: Notebook, notes queries: [String] = []) throws {
        let all = try notebook.loadAll()
        // The named notes are found among those already read, not read again.
        let notes = try queries.isEmpty ? all : queries.map { query in all[try Self.file(query, first: query == queries[0], in: notebook).number - 1] }
        items = []
        for note in notes {
            if let problem = note.quizProblems.first {
                throw InvalidCard(description: "\(note.path):\(problem.line): \(problem.message)")
            }
            items += QuizItem.items(of: note)
        }
        notebookCardIDs = Set(all.flatMap { $0.cards.map(\.id) })
    }

    /// A first word that names no note but is close to a subcommand of `quiz` (`stat`).
    package struct NotASubcommand: Error, CustomStringConvertible {
        package var description: String
    }

    /// The note `query` names; for a first word that names no note and is close
    /// to a subcommand of `quiz` (`stat`), an error that suggests the subcommand.
    static func file(_ query: String, first: Bool, in notebook: Notebook) throws -> NoteFile {
        do {
            return try notebook.file(query)
        } catch {
            guard first, case .noSuchNote(_, nil) = error, let command = Suggestion.closest(to: query, among: ["stats", "run"]) else { throw error }
            throw NotASubcommand(description: "no note '\(query)'; did you mean 'ganbook quiz \(command)'?")
        }
    }
}

extension QuizSession {
    /// A session over `deck`, on `clock`'s time.
    package init(deck: QuizDeck, store: ProgressStore, clock: QuizClock) {
        self.init(items: deck.items, store: store, now: clock.now, startOfToday: clock.startOfDay(clock.now()))
        notebookCardIDs = deck.notebookCardIDs
    }
}
