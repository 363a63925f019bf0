/// The bundled tables: a plain-text format a translator can edit, embedded
/// in the binary (see `Package.swift`'s `embedInCode`).
///
/// One entry is two lines, the English, then the translation after `→ `;
/// entries are separated by blank lines; lines starting with `#` are notes
/// for the translator.
///
///     Divergences between p = {1} and q = {2}
///     → p = {1} 与 q = {2} 之间的散度
public enum TranslationTable {
    public static var chinese: String {
        String(decoding: PackageResources.zh_interface_txt + [0x0A] + PackageResources.zh_demos_txt, as: UTF8.self)
    }

    /// The (English, translation) pairs of `text`.
    public static func parse(_ text: String) -> [(String, String)] {
        var entries: [(String, String)] = []
        var english: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("→ "), let source = english {
                entries.append((source, String(line.dropFirst(2))))
                english = nil
            } else if !line.isEmpty {
                english = String(line)
            }
        }
        return entries
    }
}
