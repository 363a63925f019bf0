/// The quiz's words in the learner's language, through the interface table.
///
/// Every line is composed in English and translated as a whole (a template
/// such as `{1} cards to go: {2} due, {3} new.` gives the Chinese), before it
/// is painted. Single words (the grades, a card's kind, the stats' headers)
/// are looked up as lists joined by ` · ` (`Again · Hard · Good · Easy`), so
/// that no short word on its own is in the table, where it would replace the
/// part of some other template that happens to be that word.
import Localization
import Scheduling

extension Translator {
    /// `english` translated as one ` · `-joined list, split again; English
    /// when the table has no entry or the translation has another length.
    func words(_ english: [String]) -> [String] {
        let joined = english.joined(separator: " · ")
        let split = self(joined).components(separatedBy: " · ")
        return split.count == english.count ? split : english
    }

    /// The grade's name: Again, Hard, Good, Easy (重来, 困难, 良好, 简单).
    func name(_ grade: Grade) -> String {
        words(Grade.allCases.map(\.name))[grade.rawValue - 1]
    }

    /// A label before a text (`Q: `, `问：`): the translation of `label`
    /// (which ends in `:`), and a space unless it ends in full-width punctuation.
    func label(_ label: String) -> String {
        let translated = self(label)
        return translated + (QuizText.isFullWidthPunctuation(translated.last) ? "" : " ")
    }
}

enum QuizText {
    /// Full-width punctuation that carries its own space: no ASCII space is
    /// put after a closing or pausing one, nor before an opening one.
    static let closing: Set<Character> = ["。", "，", "、", "；", "：", "！", "？", "）", "」", "』", "”"]
    static let opening: Set<Character> = ["（", "「", "『", "“"]

    static func isFullWidthPunctuation(_ c: Character?) -> Bool {
        c.map { closing.contains($0) || opening.contains($0) } ?? false
    }

    /// The space between two sentences or phrases: one, as in English,
    /// except next to full-width punctuation, which has its own.
    static func gap(_ before: String, _ after: String) -> String {
        if let last = before.last, closing.contains(last) { return "" }
        if let first = after.first, opening.contains(first) { return "" }
        return " "
    }

    /// `parts` joined with the gap between each two.
    static func joined(_ parts: [String]) -> String {
        var out = ""
        for part in parts where !part.isEmpty {
            out += out.isEmpty ? part : gap(out, part) + part
        }
        return out
    }

    /// A number and its unit: `6m` as in English; with a unit in Chinese
    /// characters, a half-width space between (`6 分钟`).
    static func quantity(_ number: String, _ unit: String) -> String {
        guard let first = unit.unicodeScalars.first, first.value >= 0x2E80 else { return number + unit }
        return number + " " + unit
    }
}
