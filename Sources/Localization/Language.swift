/// The learner's language, and the words ganbook shows in it.
///
/// Localization owns which language a run uses (`--lang`, then
/// `GANBOOK_LANG`, then the locale: `LC_ALL`, `LC_MESSAGES`, `LANG`, where
/// `zh_*` means Chinese; else English) and the string tables that put
/// English text into Chinese: the interface's words and the demos' titles,
/// sentences, headers, legends and labels. Numbers are never translated:
/// a translated report shows the same digits. It must not know how text is
/// laid out; renderers do that.
package enum Language: String, Sendable, CaseIterable {
    case en, zh

    package static let environmentVariable = "GANBOOK_LANG"

    /// Why a `--lang` or `GANBOOK_LANG` value is not a language.
    package struct Unknown: Error, CustomStringConvertible {
        package var value: String
        package var source: String
        package var description: String {
            "\(source) '\(value)' is not a language ganbook has; use " + Language.allCases.map(\.rawValue).joined(separator: " or ")
        }
    }

    /// The language of this run: `flag`, else the environment (`lookup` reads a variable).
    package static func resolve(flag: String?, environment lookup: (String) -> String?) throws(Unknown) -> Language {
        if let flag {
            guard let language = Language(rawValue: flag) else { throw Unknown(value: flag, source: "--lang") }
            return language
        }
        if let value = lookup(environmentVariable), !value.isEmpty {
            guard let language = Language(rawValue: value) else { throw Unknown(value: value, source: environmentVariable) }
            return language
        }
        // POSIX precedence: the first of these that is set and not empty decides.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = lookup(name), !value.isEmpty { return value.hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }

    /// The HTML `lang` attribute of pages in this language.
    package var htmlTag: String { self == .zh ? "zh-Hans" : "en" }

    /// The subfolder of a notebook that holds this language's edition
    /// (`zh/`), or nil for English, which is the notebook folder itself.
    package var editionFolder: String? { self == .zh ? "zh" : nil }
}
