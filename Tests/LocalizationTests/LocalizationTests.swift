import Localization
import Report
import Testing

@Suite struct LanguageTests {
    static func resolve(_ flag: String?, _ environment: [String: String]) throws -> Language {
        try Language.resolve(flag: flag, environment: { environment[$0] })
    }

    @Test func theFlagThenGanbookLangThenTheLocaleThenEnglish() throws {
        #expect(try Self.resolve("zh", ["GANBOOK_LANG": "en", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(try Self.resolve(nil, ["GANBOOK_LANG": "zh", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(try Self.resolve(nil, ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(try Self.resolve(nil, ["LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)  // LC_ALL wins
        #expect(try Self.resolve(nil, ["LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US"]) == .zh)
        #expect(try Self.resolve(nil, ["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zh)  // empty means unset
        #expect(try Self.resolve(nil, [:]) == .en)
        #expect(try Self.resolve(nil, ["LANG": "C"]) == .en)
    }

    @Test func anUnknownLanguageIsAnErrorNamingWhereItCameFrom() {
        #expect(throws: Language.Unknown.self) { try Self.resolve("fr", [:]) }
        do { _ = try Language.resolve(flag: nil, environment: { $0 == "GANBOOK_LANG" ? "de" : nil }) } catch {
            #expect(error.description == "GANBOOK_LANG 'de' is not a language ganbook has; use en or zh")
        }
    }
}

@Suite struct TranslatorTests {
    let translator = Translator(
        language: .zh,
        entries: [
            ("demos", "演示"),
            ("Divergences between p = {1} and q = {2}", "p = {1} 与 q = {2} 之间的散度"),
            ("{1} of {2} modes for {3}", "{3}：{2} 个模式中的 {1} 个"),
            ("vanilla GAN", "原始 GAN"),
        ])

    /// The renderer's own words: a plot's overlap legend, which joins two names.
    @Test func theOverlapLegendJoinsTwoNamesInChinese() {
        let zh = Translator.forLanguage(.zh)
        #expect(zh("{1} and {2}") == "{1}与{2}")
        #expect(zh("several series") == "多个系列")
        // Sentences with "and" in them still find their own entries first.
        #expect(zh("Divergences between p = N(0,1) and q = U(0,1)") == "p = N(0,1) 与 q = U(0,1) 之间的散度")
    }

    @Test func exactEntriesTemplatesAndReorderedPlaceholders() {
        #expect(translator("demos") == "演示")
        #expect(translator("Divergences between p = U(0,1) and q = N(0, 1)") == "p = U(0,1) 与 q = N(0, 1) 之间的散度")
        #expect(translator("6 of 8 modes for vanilla GAN") == "原始 GAN：8 个模式中的 6 个")
        #expect(translator("no entry for this") == "no entry for this")
        #expect(Translator.english("demos") == "demos")
    }

    @Test func aTranslatedReportKeepsEveryNumber() {
        var report = Report(title: "Divergences between p = U(0,1) and q = U(2,3)")
        report.figures([Figure("demos", .fixed(0.6931, 4), unit: "nats"), Figure("vanilla GAN", .count(6, of: 8))])
        report.table(Table(columns: ["demos"], rows: [[.estimate(Estimate(mean: 0.5, sd: 0.1, n: 3), 2)], [.text("vanilla GAN")]]))
        let out = translator.translate(report)
        #expect(out.title == "p = U(0,1) 与 q = U(2,3) 之间的散度")
        guard case .figures(let figures) = out.items[0], case .table(let table) = out.items[1] else { Issue.record("items"); return }
        #expect(figures.map(\.name) == ["演示", "原始 GAN"])
        #expect(figures.map(\.value.formatted) == ["0.6931", "8 个中的 6 个"])
        #expect(table.rows.map { $0[0].formatted } == ["0.50 ± 0.10", "原始 GAN"])
    }

    @Test func theBundledTableParsesAndHasTheInterfaceWords() {
        let entries = TranslationTable.parse(TranslationTable.chinese)
        #expect(entries.count > 5)
        #expect(Set(entries.map(\.0)).count == entries.count, "an English line is in the table twice")
        let zh = Translator.forLanguage(.zh)
        #expect(zh("Next: 2 · training · ganbook read 2") == "下一篇：2 · training · ganbook read 2")
    }
}
