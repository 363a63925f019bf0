/// English text in another language, by table.
///
/// A table pairs an English line with its translation. A line may hold
/// placeholders `{1}`, `{2}`, … for the parts that vary (numbers, names,
/// distributions): `Divergences between p = {1} and q = {2}` matches
/// `Divergences between p = U(0,1) and q = N(0,1)`, and the translation puts
/// the same parts where its own placeholders stand, in any order. Text with
/// no entry stays English, so a missing entry is visible, never an error.
import Synchronization

package struct Translator: Sendable {
    package let language: Language
    /// Looked up in order; each parsed on its first use, so that a `read`
    /// that needs only the interface's words never parses the demos' table.
    private let tables: [LazyTable]

    struct Template: Sendable {
        /// The literal pieces between placeholders: n + 1 pieces for n placeholders.
        var pieces: [String]
        /// The placeholder number (1-based) of each gap, in English order.
        var slots: [Int]
        var translation: String
    }

    /// One table's entries, ready to look up.
    struct Entries: Sendable {
        var exact: [String: String] = [:]
        var templates: [Template] = []

        init(entries: [(String, String)]) {
            var templates: [Template] = []
            for (english, translation) in entries {
                if english.utf8.contains(UInt8(ascii: "{")), let template = Translator.template(english, translation) {
                    templates.append(template)
                } else {
                    exact[english] = translation
                }
            }
            // Longer literal text first: the most specific template wins.
            let literal = templates.map { $0.pieces.reduce(0) { $0 + $1.utf8.count } }
            self.templates = templates.indices.sorted { (literal[$0], $1) > (literal[$1], $0) }.map { templates[$0] }
        }
    }

    final class LazyTable: Sendable {
        private let source: @Sendable () -> [(String, String)]
        private let parsed = Mutex<Entries?>(nil)

        init(_ source: @escaping @Sendable () -> [(String, String)]) { self.source = source }

        var table: Entries {
            parsed.withLock { table in
                if let table { return table }
                let made = Entries(entries: source())
                table = made
                return made
            }
        }
    }

    /// English as it is.
    package static let english = Translator(language: .en, entries: [])

    package init(language: Language, entries: [(String, String)]) {
        self.language = language
        self.tables = [LazyTable { entries }]
    }

    private init(language: Language, tables: [LazyTable]) {
        self.language = language
        self.tables = tables
    }

    /// The translator for `language`, from its bundled tables.
    package static func forLanguage(_ language: Language) -> Translator {
        switch language {
        case .en: return .english
        case .zh:
            return Translator(
                language: .zh,
                tables: [
                    LazyTable { TranslationTable.parse(TranslationTable.chineseInterface) },
                    LazyTable { TranslationTable.parse(TranslationTable.chineseDemos) },
                ])
        }
    }

    /// The translator for the lab's labels (`ganbook lab`), from its own table.
    package static func forLab(_ language: Language) -> Translator {
        switch language {
        case .en: return .english
        case .zh: return Translator(language: .zh, tables: [LazyTable { TranslationTable.parse(TranslationTable.chineseLab) }])
        }
    }

    /// This translator as a function, for what takes one (a renderer's
    /// words, a progress bar's label).
    package var words: @Sendable (String) -> String { { self($0) } }

    /// `text` in this language (or as it is, when there is no entry). Tables
    /// are tried in order, each exactly then by template, so a later table
    /// is parsed only when the earlier ones have no entry.
    package func callAsFunction(_ text: String) -> String {
        guard language != .en, !text.isEmpty else { return text }
        for (k, lazy) in tables.enumerated() {
            let table = lazy.table
            if let found = table.exact[text] { return found }
            for template in table.templates {
                if let parts = Self.match(text, template.pieces) {
                    var out = template.translation
                    for (slot, part) in zip(template.slots, parts) {
                        out = out.replacing("{\(slot)}", with: translatedPart(part, upTo: k))
                    }
                    return out
                }
            }
        }
        return text
    }

    /// The translation of `text` when a table has an entry for exactly this
    /// text, nil otherwise: for fixed text such as help, which a template
    /// meant for a report's varying text (`{1} and {2}`) must never rewrite.
    package func exactEntry(for text: String) -> String? {
        guard language != .en else { return nil }
        for lazy in tables { if let found = lazy.table.exact[text] { return found } }
        return nil
    }

    /// A varying part is itself translated when it is a known phrase (a
    /// method's name, a target's), and kept as it is otherwise (numbers, specs).
    private func translatedPart(_ part: String, upTo last: Int) -> String {
        for table in tables[...last] { if let found = table.table.exact[part] { return found } }
        return part
    }

    static func template(_ english: String, _ translation: String) -> Template? {
        // By bytes: `{`, digits, `}` are ASCII, and UTF-8 never hides them inside another character.
        let bytes = Array(english.utf8)
        var pieces: [String] = [], slots: [Int] = []
        var pieceStart = 0, i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{") {
                var j = i + 1, slot = 0
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { slot = slot * 10 + Int(bytes[j] - 0x30); j += 1 }
                if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: "}") {
                    pieces.append(String(decoding: bytes[pieceStart..<i], as: UTF8.self))
                    slots.append(slot)
                    i = j + 1
                    pieceStart = i
                    continue
                }
            }
            i += 1
        }
        guard !slots.isEmpty else { return nil }
        pieces.append(String(decoding: bytes[pieceStart...], as: UTF8.self))
        return Template(pieces: pieces, slots: slots, translation: translation)
    }

    /// The parts of `text` between `pieces`, if it has that shape. Each part
    /// is non-empty and as short as it can be, except the last, which runs
    /// to where the final piece starts at the end.
    static func match(_ text: String, _ pieces: [String]) -> [String]? {
        guard text.hasPrefix(pieces[0]), text.hasSuffix(pieces[pieces.count - 1]),
            text.count >= pieces.reduce(0, { $0 + $1.count }) + pieces.count - 1
        else { return nil }
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
