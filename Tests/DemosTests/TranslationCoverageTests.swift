@testable import Demos
import Localization
import Report
import Synchronization
import Testing

/// Issue 13: everything a learner reads in a demo's report is in Chinese
/// with `--lang zh`, and every number is the same as in English.
///
/// Quick runs reach every branch a report has (each demo, 1-D and 2-D
/// targets, every loss, sweeps, ∞, equal distributions, --standardize); the
/// translated report must have no English word left in a title, sentence,
/// name, unit, note, header, text cell, legend, axis label or ∞ reason, and
/// the same numbers: values formatted the same, plots' data the same, and
/// in every string the same digits as the English.
@Suite struct TranslationCoverageTests {
    static let zh = Translator.forLanguage(.zh)

    static let quickRuns: [[String]] = [
        ["jsd"], ["jsd", "--p", "U(0,1)", "--q", "U(2,3)"], ["jsd", "--p", "N(0,1)", "--q", "U(0,1)"],
        ["jsd", "--p", "N(0,1)", "--q", "N(0,1)"],
        ["jsd", "--p", "[0.5, 0.5]", "--q", "[0.9, 0.1]"], ["jsd", "--p", "[1, 0]", "--q", "[0, 1]"],
        ["jsd", "--sweep"], ["jsd", "--sweep", "--p", "N(0,1)"],
        ["optimal-d", "--samples", "500"], ["optimal-d", "--data", "N(0,1)", "--gen", "N(0,1)", "--samples", "500"],
        ["optimal-d", "--data", "N(0,1)", "--gen", "N(3,1)", "--sweep"],
        ["gen-vs-disc", "--repeats", "2", "--train", "40", "--outliers", "20"],
        ["gen-vs-disc", "--repeats", "2", "--train", "40", "--outliers", "20", "--standardize", "--dims", "5"],
        ["train", "--steps", "20"], ["train", "--steps", "20", "--target", "grid", "--loss", "minimax"],
        ["train", "--steps", "20", "--target", "N(0,1)", "--loss", "wgan"],
        ["train", "--steps", "20", "--target", "0.5*N(-2,0.5) + 0.5*N(2,0.5)", "--loss", "wgan-gp"],
        ["train", "--steps", "20", "--target", "N(0,1)", "--loss", "nonsaturating"],
        ["mode-collapse", "--steps", "10", "--seeds", "2"], ["mode-collapse", "--steps", "10", "--seeds", "1", "--target", "grid"],
        ["mode-collapse", "--paper", "veegan", "--steps", "10", "--seeds", "1"],
        ["d-steps", "--steps", "50", "--saturation-steps", "30"],
        ["digits", "--steps", "40"], ["digits", "--steps", "150"], ["digits", "--steps", "20", "--method", "pacgan"],
        ["digits", "--steps", "20", "--stack", "3"], ["digits", "--steps", "20", "--seeds", "2"],
        ["digits", "--steps", "20", "--stack", "3", "--seeds", "2", "--method", "pacgan", "--d-hidden", "16"],
    ]

    /// Words of three or more letters a Chinese reader sees as they are:
    /// people, papers, tools and functions in formulas.
    static let keptWords: Set<String> = [
        "log", "max", "Goodfellow", "Heusel", "Jordan", "Jensen", "Shannon", "SciPy", "jensenshannon", "PacGAN", "VEEGAN",
        "Metz", "Lin", "PacDCGAN", "Adam", "ReLU",
    ]
    /// Formulas with an English word inside, and code's file and repository names, kept whole.
    static let keptPhrases = ["P(real | x)", "VEEGAN_2D_RING.ipynb", "locuslab/gradient_regularized_gan", "poolio/unrolled_gan"]

    /// The English words left in `text`: runs of three or more ASCII letters
    /// with a lower-case one (all capitals are abbreviations: JSD, AUC, WGAN),
    /// not part of an identifier such as p_data, and not kept.
    static func englishWords(_ text: String) -> [String] {
        var text = text
        for phrase in keptPhrases { text = text.replacing(phrase, with: " ") }
        let characters = Array(text)
        var words: [String] = []
        var k = 0
        while k < characters.count {
            guard characters[k].isASCII, characters[k].isLetter else { k += 1; continue }
            var end = k
            while end < characters.count, characters[end].isASCII, characters[end].isLetter { end += 1 }
            let word = String(characters[k..<end])
            let identifier = (k > 0 && characters[k - 1] == "_") || (end < characters.count && characters[end] == "_")
            if word.count >= 3, word.contains(where: \.isLowercase), !identifier, !keptWords.contains(word) { words.append(word) }
            k = end
        }
        return words
    }

    /// The numbers written in `text`, as a sorted list: a translation may
    /// move them, never change, add or drop one.
    static func digits(_ text: String) -> [String] {
        text.matches(of: /[0-9]+(\.[0-9]+)?/).map { String($0.output.0) }.sorted()
    }

    /// Every string of `report` a learner reads.
    static func strings(_ report: Report) -> [String] {
        var out = [report.title]
        func value(_ v: Value) {
            if case .text(let s) = v { out.append(s) }
            if case .infinite(let reason) = v { out.append(reason) }
            // A count of a total reads as words ("7 of 8"), which take the catalogue's form in Chinese.
            if case .count = v { out.append(v.formatted) }
        }
        for item in report.items {
            switch item {
            case .text(let text): out.append(text)
            case .figures(let figures):
                for f in figures {
                    out.append(f.name)
                    out += [f.unit, f.note].compactMap { $0 }
                    value(f.value)
                }
            case .table(let table):
                out += [table.title].compactMap { $0 } + table.columns
                table.rows.joined().forEach(value)
            case .plot(let plot):
                out += [plot.title, plot.xLabel, plot.yLabel] + plot.series.map(\.name) + plot.references.map(\.name)
            case .images(let grid):
                out.append(grid.title)
            }
        }
        return out
    }

    /// The numbers of `report`, as shown, and its plots' data (NaN as a bit pattern).
    static func numbers(_ report: Report) -> [String] {
        var out: [String] = []
        // A count becomes words in translation; its digits are compared with the strings.
        func shown(_ v: Value) -> String {
            if case .count = v { return "text" }
            return v.isNumeric ? v.formatted : "text"
        }
        func plotted(_ xs: [Double]) -> String { xs.map { String($0.bitPattern, radix: 16) }.joined(separator: ",") }
        for item in report.items {
            switch item {
            case .text: out.append("text")
            case .figures(let figures): out += figures.map { shown($0.value) }
            case .table(let table): out += table.rows.joined().map(shown) + ["\(table.columns.count) columns"]
            case .plot(let plot):
                out += ["\(plot.kind) \(plot.logX) \(String(describing: plot.yRange))"]
                out += plot.series.map { plotted($0.x) + ";" + plotted($0.y) } + plot.references.map { plotted([$0.y]) }
            case .images(let grid):
                out += ["\(grid.imageWidth)×\(grid.imageHeight), \(grid.columns) columns"] + grid.images.map(plotted)
            }
        }
        return out
    }

    /// Each quick run is made once, and checked twice: its report, and what
    /// its progress bar said while it ran (stderr, on a terminal).
    @Test(arguments: quickRuns)
    func everyWordOfTheReportIsInChineseAndEveryNumberIsTheSame(words: [String]) throws {
        let labels = Mutex<[String]>([])
        let report = try DemoRegistry.parse(words).report(progress: Progress { _, label in labels.withLock { $0.append(label) } })
        let translated = Self.zh.translate(report)
        let english = Self.strings(report), chinese = Self.strings(translated)
        #expect(english.count == chinese.count)
        #expect(english.contains { !Self.englishWords($0).isEmpty }, "the English report shows no English word: the check sees nothing")
        for (en, zh) in zip(english, chinese) {
            let left = Self.englishWords(zh)
            #expect(left.isEmpty, "English left: \(left) in \"\(zh)\" (from \"\(en)\")")
            #expect(Self.digits(en) == Self.digits(zh), "the numbers changed: \"\(en)\" → \"\(zh)\"")
        }
        #expect(Self.numbers(translated) == Self.numbers(report))
        // The progress bar's words, with their counts unchanged.
        for label in Set(labels.withLock { $0 }) {
            let zh = Self.zh(label)
            #expect(Self.englishWords(zh).isEmpty, "English left in the progress line \"\(zh)\" (from \"\(label)\")")
            #expect(Self.digits(label) == Self.digits(zh))
        }
    }

    /// gen-vs-disc's narrative has as many pieces as the curves have runs of
    /// one verdict: every shape it can take is in the table.
    @Test func everyShapeOfTheLearningCurveNarrativeIsTranslated() {
        let nbLower = (0.1, 0.3), lrLower = (0.3, 0.1), tie = (0.2, 0.2)
        // Runs of verdicts for each ending: none, Ng & Jordan's picture, the lead changing, NB never ahead.
        var patterns: [[(Double, Double)]] = []
        for n in 1...13 {
            patterns.append([lrLower] + (1..<n).map { $0 % 2 == 1 ? tie : nbLower })
            patterns.append((0..<n).map { $0 % 2 == 0 ? nbLower : lrLower })
            patterns.append((0..<n).map { $0 % 2 == 0 ? lrLower : tie })
        }
        patterns += [[nbLower, tie, lrLower], [tie, nbLower, tie, lrLower], [tie, nbLower, tie, lrLower, tie]]
        patterns.append([tie, tie, tie])
        patterns.append([nbLower, nbLower])
        let allSizes = [4, 6, 9, 14, 21, 32, 48, 72, 108, 162, 243, 364, 546]
        for pattern in patterns {
            let sizes = Array(allSizes.prefix(pattern.count))
            let nb = pattern.map { Estimate(mean: $0.0, sd: 0.01, n: 20) }, lr = pattern.map { Estimate(mean: $0.1, sd: 0.01, n: 20) }
            let text = LearningCurves.narrative(sizes: sizes, nb: nb, lr: lr)
            let translated = Self.zh(text)
            #expect(!Self.englishWords(text).isEmpty)
            #expect(Self.englishWords(translated).isEmpty, "\"\(text)\" → \"\(translated)\"")
            #expect(Self.digits(translated) == Self.digits(text), "\"\(text)\" → \"\(translated)\"")
        }
    }

    /// The Chinese may put the varying parts in another order, and a part
    /// that is a known phrase (a method's name) is translated in its place.
    @Test func aTemplateWithReorderedPlaceholdersPutsEachPartInItsPlace() {
        #expect(Self.zh("Moving p_g toward p_data = N(0,1), from p_g = N(3,1)") == "把 p_g 从 p_g = N(3,1) 移向 p_data = N(0,1)")
        #expect(Self.zh("vanilla GAN, seed 3: 5 of 8 modes") == "普通 GAN，种子 3：捕获了 8 个模式中的 5 个")
        #expect(
            Self.zh("Naive Bayes has the lower test error, by more than one sd, at every m from 4 to 300; the curves do not cross here.")
                == "从 m = 4 到 300，朴素贝叶斯的测试误差处处更低，差距超过一个标准差；两条曲线在这里不相交。")
        let swapped = Translator(language: .zh, entries: [("{1} beats {2} by {3}", "{3}：{2} 输给 {1}"), ("vanilla GAN", "普通 GAN")])
        #expect(swapped("PacGAN2 beats vanilla GAN by 2.3") == "2.3：普通 GAN 输给 PacGAN2")
    }

    /// Every entry's Chinese has exactly the placeholders of its English.
    @Test func everyEntryKeepsItsPlaceholders() {
        for (english, chinese) in TranslationTable.parse(TranslationTable.chinese) {
            let slots = { (s: String) in s.matches(of: /\{[0-9]+\}/).map { String($0.output) }.sorted() }
            #expect(slots(english) == slots(chinese), "\(english) → \(chinese)")
        }
    }
}
