/// The bundled tables: a plain-text format a translator can edit, embedded
/// in the binary (see `Package.swift`'s `embedInCode`).
///
/// One entry is two lines, the English, then the translation after `→ `;
/// entries are separated by blank lines; lines starting with `#` are notes
/// for the translator.
///
///     Divergences between p = {1} and q = {2}
///     → p = {1} 与 q = {2} 之间的散度
package enum TranslationTable {
    /// The interface's words (contents, footers, the site, the demo list).
    package static var chineseInterface: String { String(decoding: PackageResources.zh_interface_txt, as: UTF8.self) }
    /// The demos' words (titles, sentences, headers, legends, labels).
    package static var chineseDemos: String { String(decoding: PackageResources.zh_demos_txt, as: UTF8.self) }
    /// The lab's words (`ganbook lab`).
    package static var chineseLab: String { String(decoding: PackageResources.zh_lab_txt, as: UTF8.self) }
    /// Both.
    package static var chinese: String { chineseInterface + "\n" + chineseDemos }

    /// The (English, translation) pairs of `text`. By bytes, not
    /// characters: the table is read at every start-up in Chinese.
    package static func parse(_ text: String) -> [(String, String)] {
        var entries: [(String, String)] = []
        var english: String?
        let arrow: [UInt8] = Array("→ ".utf8)
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if line.first == UInt8(ascii: "#") { continue }
            if line.starts(with: arrow), let source = english {
                entries.append((source, String(decoding: line.dropFirst(arrow.count), as: UTF8.self)))
                english = nil
            } else {
                english = String(decoding: line, as: UTF8.self)
            }
        }
        return entries
    }
}
