@testable import Demos
import Foundation
import Report
import Testing

/// Reports are data: one JSON schema that reads back to the same report,
/// every statistic a JSON number, and narratives written from the numbers.
@Suite struct ReportDataTests {
    static func report(_ words: [String]) throws -> Report {
        try DemoRegistry.parse(words).report(progress: .silent)
    }

    static func decoded(_ text: String) throws -> Report {
        try ReportJSON.decode(Data(text.utf8))
    }

    /// Quick runs of every kind of value a report holds: figures, estimates,
    /// counts, changes, per-seed lists, ∞, tables and plots.
    static let quickRuns: [[String]] = [
        ["jsd"], ["jsd", "--p", "U(0,1)", "--q", "U(2,3)"], ["jsd", "--sweep"],
        ["optimal-d", "--samples", "500"],
        ["gen-vs-disc", "--repeats", "2", "--train", "40", "--outliers", "20"],
        ["train", "--steps", "20"], ["train", "--steps", "20", "--target", "N(0,1)", "--loss", "wgan"],
        ["mode-collapse", "--steps", "10", "--seeds", "2"],
        ["digits", "--steps", "20"],
    ]

    @Test(arguments: quickRuns)
    func aReportReadBackFromItsJSONIsTheSameReport(words: [String]) throws {
        let report = try Self.report(words)
        let text = ReportJSON.encode(report)
        let back = try Self.decoded(text)
        // NaN ≠ NaN, so compare what each shows and what it writes.
        #expect(ReportJSON.encode(back) == text)
        for (a, b) in zip(report.items, back.items) {
            if case .table(let t) = a, case .table(let u) = b {
                #expect(t.rows.map { $0.map(\.formatted) } == u.rows.map { $0.map(\.formatted) })
            }
            if case .figures(let f) = a, case .figures(let g) = b {
                #expect(f.map(\.value.formatted) == g.map(\.value.formatted))
            }
            if case .images(let i) = a, case .images(let j) = b { #expect(i == j) }
        }
    }

    @Test func anotherFormatVersionIsNotReadBack() throws {
        let text = ReportJSON.encode(Report(title: "t", items: [.text("x")]))
            .replacingOccurrences(of: "\"format_version\":\(Report.formatVersion)", with: "\"format_version\":1")
        #expect(throws: ReportJSON.DecodingError.self) { try Self.decoded(text) }
    }

    /// Every error, AUC and spread of gen-vs-disc is a JSON number: tables hold
    /// numbers or {mean, sd, n} of numbers, never digits in a string.
    @Test func genVsDiscCarriesEveryStatisticAsAJSONNumber() throws {
        let report = try Self.report(["gen-vs-disc", "--repeats", "3", "--train", "40", "--outliers", "20"])
        let json = try JSONSerialization.jsonObject(with: Data(ReportJSON.encode(report).utf8)) as! [String: Any]
        var estimates = 0, strings: [String] = []
        for item in json["items"] as! [[String: Any]] {
            if let table = item["table"] as? [String: Any] {
                for row in table["rows"] as! [[String: Any]] {
                    for (column, value) in row {
                        if let e = value as? [String: Any] {
                            #expect(e["mean"] is NSNumber && e["sd"] is NSNumber && e["n"] is NSNumber, "\(column)")
                            estimates += 1
                        } else if let s = value as? String {
                            strings.append(s)
                        }
                    }
                }
            }
            if let figures = item["figures"] as? [[String: Any]] {
                for figure in figures { #expect(figure["value"] is NSNumber, "\(figure["name"]!)") }
            }
        }
        #expect(estimates >= 2 * 2 * 3 + 2 * 3)  // two curves × sizes × (NB, LR), and the outlier table
        // The only strings left are names: the data sets and the verdict column.
        #expect(strings.allSatisfy { Double($0.split(separator: " ").first ?? "") == nil }, "\(strings)")
    }

    // MARK: Narratives

    static func curve(_ pairs: [(Double, Double)], sd: Double = 0.01) -> (nb: [Estimate], lr: [Estimate]) {
        (pairs.map { Estimate(mean: $0.0, sd: sd, n: 20) }, pairs.map { Estimate(mean: $0.1, sd: sd, n: 20) })
    }

    static let sizes = [4, 10, 30, 100, 300]

    @Test func naiveBayesAheadThenLogisticRegressionIsNgAndJordansPicture() {
        let (nb, lr) = Self.curve([(0.20, 0.40), (0.15, 0.30), (0.12, 0.12), (0.11, 0.08), (0.11, 0.05)])
        let text = LearningCurves.narrative(sizes: Self.sizes, nb: nb, lr: lr)
        #expect(
            text
                == "Test error by training size: m ≤ 10: naive Bayes is lower; m = 30: a tie (within one sd); m ≥ 100: logistic regression is lower. This is Ng & Jordan's picture: naive Bayes is ahead with few examples, logistic regression with many."
        )
    }

    @Test func logisticRegressionThroughoutIsSaidSoWithoutNgAndJordan() {
        let (nb, lr) = Self.curve([(0.4, 0.2), (0.3, 0.15), (0.2, 0.1), (0.15, 0.05), (0.12, 0.04)])
        let text = LearningCurves.narrative(sizes: Self.sizes, nb: nb, lr: lr)
        #expect(text == "Logistic regression has the lower test error, by more than one sd, at every m from 4 to 300; the curves do not cross here.")
    }

    @Test func differencesInsideTheSpreadAreTies() {
        let (nb, lr) = Self.curve([(0.30, 0.32), (0.25, 0.24), (0.2, 0.21), (0.15, 0.15), (0.1, 0.09)], sd: 0.03)
        #expect(LearningCurves.verdicts(nb: nb, lr: lr) == Array(repeating: .tie, count: 5))
        #expect(LearningCurves.narrative(sizes: Self.sizes, nb: nb, lr: lr).hasPrefix("At every m from 4 to 300 the two test errors are within one sd"))
    }

    @Test func logisticRegressionFirstThenTiesIsNotNgAndJordan() {
        // The bundled breast-cancer curve's shape: LR clearly lower at the smallest m, ties after.
        let (nb, lr) = Self.curve([(0.41, 0.15), (0.2, 0.18), (0.1, 0.09), (0.08, 0.08), (0.07, 0.07)], sd: 0.05)
        let text = LearningCurves.narrative(sizes: Self.sizes, nb: nb, lr: lr)
        #expect(text.contains("m = 4: logistic regression is lower; m ≥ 10: a tie"))
        #expect(text.contains("Naive Bayes is never clearly ahead here"))
        #expect(!text.contains("This is Ng & Jordan's picture"))
    }

    @Test func severalCrossingsAreCountedNotInterpolated() {
        let (nb, lr) = Self.curve([(0.1, 0.3), (0.3, 0.1), (0.1, 0.3), (0.3, 0.1), (0.3, 0.1)])
        let text = LearningCurves.narrative(sizes: Self.sizes, nb: nb, lr: lr)
        #expect(text.contains("The lead changes 3 times"))
        #expect(!text.contains("Ng & Jordan's picture:"))
    }
}
