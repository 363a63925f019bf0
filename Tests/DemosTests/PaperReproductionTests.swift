/// `demo mode-collapse --paper veegan`: the option, its errors, the set-up's
/// values against the sources they cite, and a shortened run's report in
/// English and Chinese (the full run takes about an hour; see
/// docs/reproductions.md).
@testable import Demos
import GAN
import Localization
import NeuralNet
import Report
import Testing

@Suite struct PaperReproductionTests {
    static func demo(_ words: [String]) throws -> ModeCollapseDemo {
        try #require(try DemoRegistry.parse(["mode-collapse"] + words) as? ModeCollapseDemo)
    }

    static func table(_ report: Report, titled title: String) -> Table? {
        for item in report.items { if case .table(let t) = item, t.title == title { return t } }
        return nil
    }

    static func texts(_ report: Report) -> [String] {
        report.items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    @Test func theOptionParsesAndTakesThePapersBudget() throws {
        let demo = try Self.demo(["--paper", "veegan"])
        #expect(demo.paper == .veegan)
        #expect(demo.steps == 25_000 && demo.seeds == 5 && demo.seedList == [1, 2, 3, 4, 5])
        #expect(try Self.demo(["--paper", "veegan", "--seed", "11"]).seedList == [11, 12, 13, 14, 15])
        #expect(try Self.demo(["--paper", "veegan", "--steps", "300"]).steps == 300)
        #expect(try Self.demo([]).steps == CollapseSetting.steps && Self.demo([]).paper == nil)
    }

    /// A bad value or a clash is one line that says what to do.
    @Test func aBadValueIsOneClearLine() {
        for (words, expected) in [
            (["--paper", "pacgan"], "The value 'pacgan' is invalid for '--paper <paper>'. Please provide one of 'veegan'."),
            (["--paper", "veegan", "--method", "unrolled"], "--paper veegan runs the paper's own methods; leave out --method"),
            (["--paper", "veegan", "--unroll", "3"], "--paper veegan unrolls K = 5 steps, as the paper does; leave out --unroll"),
            (["--paper", "veegan", "--target", "grid"], "--paper veegan runs the ring and the grid, as the paper's table does; leave out --target"),
        ] {
            do {
                _ = try ModeCollapseDemo.parse(words)
                Issue.record("\(words) was accepted")
            } catch {
                let message = ModeCollapseDemo.message(for: error)
                #expect(message == expected, "\(words)")
                #expect(!message.contains("\n"))
            }
        }
    }

    /// Each value against the source `PaperSetup.veegan` cites for it.
    @Test func theSetupHoldsTheCitedValues() {
        let setup = ReproducedPaper.veegan.setup
        // VEEGAN §5.1: 2,500 samples (CollapseRuns.measure), five runs, K = 5.
        #expect(setup.runs == 5 && setup.unroll == 5)
        #expect(setup.targets == [.ring, .grid] && setup.methods == [.vanilla, .unrolled])
        // The grid of VEEGAN's code: {−4, −2, 0, 2, 4}², σ = 0.05; the ring of Metz et al.: radius 2, σ = 0.02.
        #expect(Target.grid.modes.count == 25 && Target.grid.modeSigma == 0.05 && Target.grid.modes.first! == (-4, -4))
        #expect(Target.ring.modes.count == 8 && Target.ring.modeSigma == 0.02 && abs(Target.ring.modes[0].0 - 2) < 1e-12)
        // Metz et al. 2017, App. A, and their notebook: 25,000 steps of batch 512.
        #expect(setup.steps == 25_000)
        for target in setup.targets {
            let c = setup.configuration(.vanilla, target: target, seed: 3)
            #expect(c.batch == 512 && c.zDimension == 256 && c.learningRateD == 1e-4 && c.learningRateG == 1e-4 && c.beta1 == 0.5)
            #expect(c.loss == .minimax && c.dSteps == 1 && c.variant == .vanilla && c.seed == 3 && c.target == target)
            #expect(c.hidden == 128 && c.layers == 2 && c.discriminatorLayers == 1 && c.discriminatorInputScale == 0.25)
            #expect(c.discriminatorActivation == .relu && c.orthogonalGain == 0.8)
            #expect(setup.configuration(.unrolled, target: target, seed: 3).variant == .unrolled(5))
        }
    }

    /// VEEGAN, Table 1: modes (max 8 and 25) and % high-quality samples.
    @Test func thePublishedNumbersAreTableOnes() {
        let setup = ReproducedPaper.veegan.setup
        let rows = [
            (Target.ring, CollapseMethod.vanilla, 1.0, 99.3), (.ring, .unrolled, 7.6, 35.6), (.grid, .vanilla, 3.3, 0.5),
            (.grid, .unrolled, 23.6, 16),
        ]
        #expect(setup.published.count == rows.count)
        for (target, method, modes, share) in rows {
            #expect(setup.published(method, on: target) == .init(target: target, method: method, modes: modes, highQualityPercent: share))
        }
    }

    @Test func thePaperRunSaysUpFrontThatItIsSlow() throws {
        let notice = try #require(try Self.demo(["--paper", "veegan"]).notice)
        #expect(notice.hasPrefix("--paper veegan trains 20 GANs for 25000 steps each: slow, about "))
        let minutes = Int(notice.split(separator: " ").dropLast(4).last ?? "") ?? 0
        #expect((30...300).contains(minutes), "\(notice)")
        #expect(try Self.demo([]).notice == nil)
        let help = ModeCollapseDemo.helpMessage().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("--paper <paper>") && help.contains("Slow: about an hour on 2 cores."))
    }

    /// A shortened run reports the paper's columns and every seed, in both languages.
    @Test func aShortenedRunShowsThePapersColumnsAndEverySeed() throws {
        let report = try Self.demo(["--paper", "veegan", "--steps", "10", "--seeds", "2", "--seed", "3"]).report(progress: .silent)
        #expect(report.title == "VEEGAN, Table 1, reproduced: 10 steps, 2 seeds")
        #expect(Self.texts(report).contains("A shortened run: 10 steps, not the set-up's 25000. Its numbers say nothing about the paper's."))
        let ours = try #require(Self.table(report, titled: "Ours (mean ± sd over seeds 3…4) beside VEEGAN, Table 1"))
        #expect(ours.columns.contains("modes: paper") && ours.columns.contains("high quality (%): paper"))
        #expect(
            ours.rows.map { [$0[0], $0[1], $0[3], $0[6]] } == [
                [.text("ring"), .text("vanilla GAN"), .fixed(1, 1), .fixed(99.3, 1)], [.text("ring"), .text("Unrolled GAN"), .fixed(7.6, 1), .fixed(35.6, 1)],
                [.text("grid"), .text("vanilla GAN"), .fixed(3.3, 1), .fixed(0.5, 1)], [.text("grid"), .text("Unrolled GAN"), .fixed(23.6, 1), .fixed(16, 1)],
            ])
        let seeds = try #require(Self.table(report, titled: "Every seed"))
        #expect(seeds.rows.map { $0[2] } == Array(repeating: [.integer(3), .integer(4)], count: 4).flatMap { $0 })
        #expect(seeds.rows.allSatisfy { $0[3...].allSatisfy(\.isNumeric) })
        #expect(Self.table(report, titled: "The set-up, and where each value comes from")?.rows.count == PaperSetup.veegan.settings.count)
        #expect(Self.texts(report).filter { $0.hasPrefix("On the ") }.count == 8)

        let chinese = Translator.forLanguage(.zh).translate(report)
        #expect(chinese.title == "VEEGAN，表 1 的复现：10 步，2 个种子")
        let zhOurs = try #require(Self.table(chinese, titled: "我们的结果（种子 3…4 上的均值 ± 标准差）与 VEEGAN，表 1 并排"))
        #expect(zhOurs.columns == ["目标", "方法", "模式数：我们的", "模式数：论文的", "各种子的模式数", "高质量（%）：我们的", "高质量（%）：论文的"])
        #expect(zhOurs.rows.map { $0[3] } == ours.rows.map { $0[3] })
        #expect(try #require(Self.table(chinese, titled: "每个种子")).rows.map { $0[2] } == seeds.rows.map { $0[2] })
        #expect(Self.texts(chinese).contains("这是缩短了的运行：10 步，而不是设置里的 25000 步。它的数字说明不了论文的数字。"))
    }
}
