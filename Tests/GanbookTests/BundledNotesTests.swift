@testable import ganbook
import Demos
import Notebook
import Cells
import TestSupport
import Testing

/// The notebook itself: every bundled note parses, has a title, cards that
/// parse, unique ids, and demo cells the demo parser accepts.
@Suite struct BundledNotesTests {
    static let notes: [Note] = try! Notebook(folder: PackagePaths.bundledNotes.path).loadAll()
    static let chinese: [Note] = try! Notebook(folder: PackagePaths.bundledNotes.path + "/zh").loadAll()

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

    /// `ganbook check`'s warning: no note, in either edition, sends all its cards to one section.
    @Test func noNoteSendsAllItsCardsToOneSection() {
        for note in Self.notes + Self.chinese {
            #expect(NotebookChecker.oneSectionWarning(note) == nil, "\(note.path)")
        }
    }

    /// Each card points to the same section in both editions (the same heading, by position),
    /// and never to the references, the summary or the footnotes, which explain no answer.
    @Test func everyCardPointsToTheSameExplainingSectionInBothEditions() throws {
        #expect(Self.notes.count == Self.chinese.count)
        for (english, chinese) in zip(Self.notes, Self.chinese) {
            let positions = [english, chinese].map { note in
                let slugs = note.headings.filter { $0.level > 1 }.map(\.slug)
                return Dictionary(uniqueKeysWithValues: zip(note.cards.map(\.id), note.cardSections.map { $0.flatMap { slugs.firstIndex(of: $0.slug) } }))
            }
            for card in english.cards {
                let section = try #require(positions[0][card.id] ?? nil, "\(english.fileName): \(card.id) has no section")
                #expect(positions[1][card.id] == section, "\(english.fileName): \(card.id) points elsewhere in the Chinese edition")
            }
            for (card, section) in zip(english.cards, english.cardSections) {
                #expect(!["references", "summary", "footnotes"].contains(section?.slug), "\(english.fileName): \(card.id) → #\(section?.slug ?? "")")
            }
        }
    }

    /// The issue's examples: DCGAN's z is explained under the generator, the optimal D's outputs under D.
    @Test func cardsPointToTheSectionThatExplainsThem() throws {
        let gan = try #require(Self.notes.first { $0.id == "gan" })
        let sections = Dictionary(uniqueKeysWithValues: zip(gan.cards.map(\.id), gan.cardSections.map { $0?.slug }))
        #expect(sections["gan-dcgan-zdim"] == "the-generator-g")
        #expect(sections["gan-d-output"] == "the-discriminator-d")
        let collapse = try #require(Self.notes.first { $0.id == "mode-collapse" })
        #expect(Set(collapse.cardSections.map { $0?.slug }).count >= 8)
    }
}
