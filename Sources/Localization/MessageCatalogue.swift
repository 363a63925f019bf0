/// Interface words by key, one text file per language: the session asks for
/// `summary.streak` with `count: 3`, never matches a finished English sentence.
///
/// A file holds one entry a line, `key = text`; lines starting with `#` are
/// notes for the translator. `{name}` in a text stands for a value the caller
/// gives (a number, a word already in the language); `key[one]` is the form
/// for a count of one, which only languages with that plural give. A key the
/// translation lacks is shown in English, so a missing entry is visible,
/// never an error.
///
///     summary.streak = Studied {count} days in a row.
///     summary.streak[one] = Studied {count} day in a row.
package struct MessageCatalogue: Sendable {
    package let language: Language
    let texts: [String: String]
    let english: [String: String]

    package init(language: Language, english: String, translation: String?) {
        self.language = language
        self.english = Dictionary(Self.parse(english), uniquingKeysWith: { _, last in last })
        texts = translation.map { Dictionary(Self.parse($0), uniquingKeysWith: { _, last in last }) } ?? self.english
    }

    /// The quiz's words (`ganbook quiz`, `ganbook quiz stats`).
    package static func quiz(_ language: Language) -> MessageCatalogue {
        MessageCatalogue(language: language, english: englishQuiz, translation: language == .zh ? chineseQuiz : nil)
    }

    /// Words inside a report's values (a count of a total).
    package static func reports(_ language: Language) -> MessageCatalogue {
        MessageCatalogue(
            language: language, english: String(decoding: PackageResources.en_reports_txt, as: UTF8.self),
            translation: language == .zh ? String(decoding: PackageResources.zh_reports_txt, as: UTF8.self) : nil)
    }

    package static var englishQuiz: String { String(decoding: PackageResources.en_quiz_txt, as: UTF8.self) }
    package static var chineseQuiz: String { String(decoding: PackageResources.zh_quiz_txt, as: UTF8.self) }

    /// The text of `key` with its placeholders filled: `{count}` by `count`
    /// (which also picks the plural form), the others from `arguments`.
    package func callAsFunction(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:]) -> String {
        let text = Self.lookUp(key, count: count, in: texts, language) ?? Self.lookUp(key, count: count, in: english, .en) ?? key
        var values = arguments
        if let count { values["count"] = String(count) }
        // One pass, so a value that holds braces (a card's question) is never filled in itself.
        return text.replacing(/\{([a-z]+)\}/) { match in values[String(match.output.1)] ?? String(match.output.0) }
    }

    /// Whether the catalogue has `key` in its language (not through English).
    package func has(_ key: String) -> Bool { texts[key] != nil }

    static func lookUp(_ key: String, count: Int?, in table: [String: String], _ language: Language) -> String? {
        if let count, let form = table[key + "[" + language.pluralCategory(count) + "]"] { return form }
        return table[key]
    }

    /// The (key, text) pairs of a catalogue file, in order.
    package static func parse(_ file: String) -> [(key: String, text: String)] {
        file.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let separator = line.firstRange(of: " = ") else { return nil }
            return (String(line[..<separator.lowerBound]), String(line[separator.upperBound...]))
        }
    }

    /// The placeholder names of `text` (`{count}`, `{due}`): what a translation must be given.
    package static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{([a-z]+)\}/).map { String($0.output.1) })
    }
}

extension Language {
    /// The plural category of `n` in this language, as CLDR names them: English
    /// has `one` and `other`; Chinese has only `other`.
    package func pluralCategory(_ n: Int) -> String {
        switch self {
        case .en: return n == 1 ? "one" : "other"
        case .zh: return "other"
        }
    }
}
