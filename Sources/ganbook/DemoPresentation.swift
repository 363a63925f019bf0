/// `ganbook demo NAME …` after the demo has run: its report kept in the cell
/// cache, under the words a note's cell would hold, and shown as a terminal
/// page (in the run's language, paged when taller than the screen) or as JSON.
import Cells
import Installation
import Localization
import Report
import Terminal
import TerminalKit

package struct DemoPresentation {
    package var json: Bool
    package var sheet: StyleSheet
    package var width: Int
    package var language: Language
    package var pager: Bool

    package init(json: Bool, sheet: StyleSheet, width: Int, language: Language, pager: Bool) {
        (self.json, self.sheet, self.width, self.language, self.pager) = (json, sheet, width, language, pager)
    }

    /// Caches and prints the report of `demo` run with `arguments` (the command line's words).
    package func show(_ report: Report, demo: String, arguments: [String]) {
        // Into the default data folder ($GANBOOK_DATA, …): a demo's own `--data` is its input file.
        CellCache(dataFolder: DataFolder.resolve(flag: nil)).store(report, [demo] + Self.cellWords(of: demo, in: arguments))
        if json {
            Output.write(ReportJSON.encode(report))
            return
        }
        var renderer = ReportRenderer(sheet: sheet, width: width)
        let translator = Translator.forLanguage(language)
        renderer.words = translator.words
        let translated = translator.translate(report)
        let lines = renderer.renderLines(translated)
        Pager.show(lines.map { $0 + "\n" }.joined(), lineCount: lines.count, enabled: pager, title: translated.title)
    }

    /// The words after `demo` on the command line, as a cell would hold them:
    /// without the presentation options, which do not change the report.
    package static func cellWords(of demo: String, in arguments: [String]) -> [String] {
        var words = Array(arguments.drop { $0 != demo }.dropFirst())
        let presentation: Set<String> = ["--json", "--width", "--color", "--lang", "--no-pager"]
        var i = 0
        while i < words.count {
            let word = words[i], name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
            if presentation.contains(name) {
                words.remove(at: i)
                if name != "--json", name != "--no-pager", !word.contains("="), i < words.count { words.remove(at: i) }
            } else {
                i += 1
            }
        }
        return words
    }
}
