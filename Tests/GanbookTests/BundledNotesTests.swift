@testable import ganbook
import Demos
import Notebook
import TestSupport
import Testing

/// The notebook itself: every bundled note parses, has a title, cards that
/// parse, unique ids, and demo cells the demo parser accepts.
@Suite struct BundledNotesTests {
    static let notes: [Note] = try! Notebook(folder: PackagePaths.bundledNotes.path).loadAll()

    @Test func everyNoteHasATitleAndNoProblems() {
        #expect(Self.notes.count >= 10)
        for note in Self.notes {
            #expect(!note.title.isEmpty && note.title != note.id, "\(note.fileName) has no title")
            #expect(note.problems.isEmpty, "\(note.fileName): \(note.problems)")
        }
    }

    @Test func idsAreUnique() {
        let noteIDs = Self.notes.map(\.id)
        #expect(Set(noteIDs).count == noteIDs.count)
        let cardIDs = Self.notes.flatMap(\.cards).map(\.id)
        #expect(Set(cardIDs).count == cardIDs.count, "duplicate card ids")
    }

    @Test func everyNoteHasAtLeastFourCardsAndTheNotebookForty() {
        for note in Self.notes { #expect(note.cards.count >= 4, "\(note.fileName)") }
        #expect(Self.notes.flatMap(\.cards).count >= 40)
        for note in Self.notes {
            let missing = note.cards.filter { !$0.hasExplicitID }
            #expect(missing.isEmpty, "\(note.fileName): a card without id:")
        }
    }

    @Test func cardsMixRecallChoiceAndNumeric() {
        let cards = Self.notes.flatMap(\.cards)
        #expect(cards.contains { if case .recall = $0.answer { true } else { false } })
        #expect(cards.contains { if case .choice = $0.answer { true } else { false } })
        #expect(cards.contains { if case .numeric = $0.answer { true } else { false } })
    }

    @Test func demoCellsParseWithTheDemosOwnParser() {
        for note in Self.notes {
            for cell in note.demoCells {
                do {
                    _ = try DemoRegistry.parse(cell.words)
                } catch {
                    Issue.record("\(note.fileName):\(cell.line): \(cell.source): \(error)")
                }
            }
        }
    }

    @Test func everyNoteEndsWithReferences() {
        for note in Self.notes {
            let headings = note.document.blocks.compactMap { block -> String? in
                if case .heading(2, let content) = block.kind { return content.plainText }
                return nil
            }
            #expect(headings.last == "References", "\(note.fileName)")
        }
    }
}
