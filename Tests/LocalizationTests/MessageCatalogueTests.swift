import Localization
import Testing

@Suite struct MessageCatalogueTests {
    static let english = """
        # a note for the translator
        streak = Studied {count} days in a row.
        streak[one] = Studied {count} day in a row.
        undone = Undone: "{question}".
        only.english = Only in English, {name}.
        """
    static let chinese = """
        streak = 已连续学习 {count} 天。
        undone = 已撤销：“{question}”。
        """

    @Test func pluralFormsFollowTheLanguage() {
        let en = MessageCatalogue(language: .en, english: Self.english, translation: nil)
        let zh = MessageCatalogue(language: .zh, english: Self.english, translation: Self.chinese)
        #expect(en("streak", count: 1) == "Studied 1 day in a row.")
        #expect(en("streak", count: 3) == "Studied 3 days in a row.")
        #expect(zh("streak", count: 1) == "已连续学习 1 天。")
    }

    @Test func aMissingKeyIsEnglishAndAValueIsNeverFilledInItself() {
        let zh = MessageCatalogue(language: .zh, english: Self.english, translation: Self.chinese)
        #expect(zh("only.english", ["name": "x"]) == "Only in English, x.")
        #expect(!zh.has("only.english") && zh.has("undone"))
        #expect(zh("undone", ["question": "{question} {count}"]) == "已撤销：“{question} {count}”。")
        #expect(zh("no.such.key") == "no.such.key")
    }

    @Test func placeholdersAndEntriesAreRead() {
        #expect(MessageCatalogue.parse(Self.english).map(\.key) == ["streak", "streak[one]", "undone", "only.english"])
        #expect(MessageCatalogue.placeholders("{count} of {planned}, {count}") == ["count", "planned"])
    }
}
