import Demos
import Foundation
import Report
import Testing

/// Issue 25 §3, numbers and wording in the reports.
@Suite struct NumberWordingTests {
    static func figures(_ report: Report) -> [Figure] {
        report.items.flatMap { if case .figures(let f) = $0 { return f } else { return [] } }
    }

    /// A numeric card's answer reads the same in the quiz and the HTML export.
    @Test func wholeNumbersLoseTheirPointZero() {
        #expect(NumberFormatting.plusMinus(5, 0.1) == "5 ± 0.1")
        #expect(NumberFormatting.plusMinus(64.0, 0.1) == "64 ± 0.1")
        #expect(NumberFormatting.plusMinus(0.6931, 0.001) == "0.6931 ± 0.001")
        #expect(NumberFormatting.shortest(-0.0) == "0")
    }

    /// JSD between disjoint distributions is exactly 1 bit (log 2 nats).
    @Test func oneBitIsSingular() throws {
        let report = try JSDDemo.parse(["--p", "[1, 0]", "--q", "[0, 1]"]).report()
        let units = Self.figures(report).filter { $0.name == "JSD(p‖q)" }.compactMap(\.unit)
        #expect(units.contains("bit"), "\(units)")
        let other = try JSDDemo.parse(["--p", "[0.5, 0.5]", "--q", "[0.9, 0.1]"]).report()
        #expect(Self.figures(other).filter { $0.name == "JSD(p‖q)" }.compactMap(\.unit) == ["nats", "bits"])
    }

    /// A clipped critic's losses are tiny: they must not read 0.000 ± 0.000,
    /// and the title names the loss.
    @Test func aWGANRunShowsItsLossesAndNamesTheLoss() throws {
        let report = try TrainDemo.parse(["--loss", "wgan", "--steps", "60"]).report()
        #expect(report.title.hasPrefix("A GAN with the WGAN loss on "), "\(report.title)")
        for figure in Self.figures(report) where figure.name.hasSuffix("loss, last tenth of training") {
            #expect(figure.value.formatted.contains { "123456789".contains($0) }, "\(figure.name): \(figure.value.formatted)")
        }
        let plain = try TrainDemo.parse(["--steps", "20"]).report()
        #expect(plain.title.hasPrefix("A GAN with the non-saturating loss on "), "\(plain.title)")
    }

    /// The closing figures of gen-vs-disc do not repeat the outlier table's numbers.
    @Test func genVsDiscDoesNotRepeatTheOutlierTable() throws {
        let report = try GenVsDiscDemo.parse(["--repeats", "2", "--train", "100", "--outliers", "20"]).report()
        var tableNumbers: Set<String> = []
        for case .table(let table) in report.items where table.title?.hasPrefix("Outlier detection") == true {
            for row in table.rows {
                for cell in row { if case .estimate(let e, let format) = cell { tableNumbers.insert(format.apply(e.mean)) } }
            }
        }
        #expect(!tableNumbers.isEmpty)
        let repeated = Self.figures(report).filter { tableNumbers.contains($0.value.formatted) }
        #expect(repeated.isEmpty, "\(repeated.map(\.name))")
    }
}
