/// English text in another language, by table.
///
/// A table pairs an English line with its translation. A line may hold
/// placeholders `{1}`, `{2}`, … for the parts that vary (numbers, names,
/// distributions): `Divergences between p = {1} and q = {2}` matches
/// `Divergences between p = U(0,1) and q = N(0,1)`, and the translation puts
/// the same parts where its own placeholders stand, in any order. Text with
/// no entry stays English, so a missing entry is visible, never an error.
public struct Translator: Sendable {
    public let language: Language
    private let exact: [String: String]
    private let templates: [Template]

    struct Template: Sendable {
        /// The literal pieces between placeholders: n + 1 pieces for n placeholders.
        var pieces: [String]
        /// The placeholder number (1-based) of each gap, in English order.
        var slots: [Int]
        var translation: String
    }

    /// English as it is.
    public static let english = Translator(language: .en, entries: [])

    public init(language: Language, entries: [(String, String)]) {
        self.language = language
        var exact: [String: String] = [:]
        var templates: [Template] = []
        for (english, translation) in entries {
            if let template = Self.template(english, translation) { templates.append(template) } else { exact[english] = translation }
        }
        self.exact = exact
        // Longer literal text first: the most specific template wins.
        self.templates = templates.sorted { $0.pieces.joined().count > $1.pieces.joined().count }
    }

    /// The translator for `language`, from its bundled tables.
    public static func forLanguage(_ language: Language) -> Translator {
        switch language {
        case .en: return .english
        case .zh: return Translator(language: .zh, entries: TranslationTable.parse(TranslationTable.chinese))
        }
    }

    /// `text` in this language (or as it is, when there is no entry).
    public func callAsFunction(_ text: String) -> String {
        guard language != .en, !text.isEmpty else { return text }
        if let found = exact[text] { return found }
        for template in templates {
            if let parts = Self.match(text, template.pieces) {
                var out = template.translation
                for (slot, part) in zip(template.slots, parts) { out = out.replacing("{\(slot)}", with: translatedPart(part)) }
                return out
            }
        }
        return text
    }

    /// A varying part is itself translated when it is a known phrase (a
    /// method's name, a target's), and kept as it is otherwise (numbers, specs).
    private func translatedPart(_ part: String) -> String { exact[part] ?? part }

    static func template(_ english: String, _ translation: String) -> Template? {
        var pieces: [String] = [], slots: [Int] = []
        var rest = Substring(english)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
              let slot = Int(rest[rest.index(after: open)..<close]) {
            pieces.append(String(rest[..<open]))
            slots.append(slot)
            rest = rest[rest.index(after: close)...]
        }
        guard !slots.isEmpty else { return nil }
        pieces.append(String(rest))
        return Template(pieces: pieces, slots: slots, translation: translation)
    }

    /// The parts of `text` between `pieces`, if it has that shape. Each part
    /// is non-empty and as short as it can be, except the last, which runs
    /// to where the final piece starts at the end.
    static func match(_ text: String, _ pieces: [String]) -> [String]? {
        guard text.hasPrefix(pieces[0]), text.hasSuffix(pieces[pieces.count - 1]),
              text.count >= pieces.reduce(0) { $0 + $1.count } + pieces.count - 1 else { return nil }
        var rest = Substring(text.dropFirst(pieces[0].count))
        var parts: [String] = []
        for (k, piece) in pieces.enumerated().dropFirst() {
            if k == pieces.count - 1 {
                guard rest.count > piece.count else { return nil }
                parts.append(String(rest.dropLast(piece.count)))
                return parts
            }
            guard !piece.isEmpty, let found = rest.dropFirst().firstRange(of: piece) else { return nil }
            parts.append(String(rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        return parts
    }
}
