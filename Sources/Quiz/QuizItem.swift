/// A card as a session asks it: the card, its note, and the section that explains it.
import Notebook

package struct QuizItem: Sendable {
    package var noteID: String
    package var card: QuizCard
    /// The heading the card sits under, and its anchor (`objective#the-optimal-discriminator`).
    package var section: String?
    package var anchor: String?

    package init(noteID: String, card: QuizCard, section: String? = nil, anchor: String? = nil) {
        self.noteID = noteID
        self.card = card
        self.section = section
        self.anchor = anchor
    }

    /// Where the answer is explained: `ganbook read NOTE#ANCHOR`.
    package var readCommand: String { "ganbook read " + noteID + (anchor.map { "#" + $0 } ?? "") }

    /// The cards of a note, each with the section that explains its answer (`Note.cardSections`).
    package static func items(of note: Note) -> [QuizItem] {
        zip(note.cards, note.cardSections).map { card, section in
            QuizItem(noteID: note.id, card: card, section: section?.text, anchor: section?.slug)
        }
    }
}
