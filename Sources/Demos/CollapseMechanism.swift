/// For `demo mode-collapse --method NAME`: how the remedy works, in a
/// sentence, and one worked number from the trained networks (the first
/// seed's) that shows the mechanism at work.
import GAN
import NeuralNet
import Report

enum CollapseMechanism {
    static func explanation(_ method: CollapseMethod) -> String {
        switch method {
        case .vanilla: return ""
        case .pacgan:
            return
                "PacGAN's D judges two samples at once. Two samples from one mode are rare in real data (1 pair in 8 on the ring) but common from a collapsed G, so D learns to distrust look-alike pairs."
        case .minibatch:
            return
                "Minibatch discrimination gives D a feature o(x) that counts how many other samples of the batch are close to x. A batch of near-copies has a large o(x), a diverse batch a small one, so D can call a collapsed batch fake."
        case .unrolled:
            return
                "The Unrolled GAN lets G see how D would answer its move: G's gradient flows through K steps of D. The first-order variant, which drops that flow, is run beside it on the same seeds."
        case .dragan:
            return
                "DRAGAN keeps D's slope near the real data close to 1, so that D cannot grow the sharp peaks around a few real points that pull every fake sample onto them."
        case .ebgan:
            return
                "EBGAN's pulling-away term is the mean squared cosine between the codes of a batch's samples: near 1 when they are near-copies, small when they differ. G pays for it."
        case .madgan:
            return "MAD-GAN's D must also say which generator made a fake sample, which pushes the generators apart onto different modes."
        case .mrgan:
            return
                "MRGAN trains an encoder E so that G(E(x)) comes back near every real x. A mode G misses is a mode whose x cannot be reconstructed, which costs G directly."
        }
    }

    /// The worked number for `method`, from the first seed's trained networks.
    static func add(_ method: CollapseMethod, outcomes: [CollapseRuns.Outcome], to report: inout Report) {
        guard var remedy = outcomes.first(where: { $0.method == method && !$0.firstOrder && $0.trainer != nil })?.trainer,
            var vanilla = outcomes.first(where: { $0.method == .vanilla && $0.trainer != nil })?.trainer
        else { return }
        let collapsed = remedy.probeBatch(count: 256, mode: 0, seed: 0xC011), diverse = remedy.probeBatch(count: 256, mode: nil, seed: 0xD1FE)
        switch method {
        case .vanilla, .unrolled: return
        case .pacgan:
            report.figures([
                Figure("D's P(real), pairs from one mode", .fixed(remedy.meanRealProbability(collapsed), 3)),
                Figure("D's P(real), pairs of real samples", .fixed(remedy.meanRealProbability(diverse), 3)),
            ])
        case .minibatch:
            report.figures([
                Figure("mean o(x), a batch from one mode", .fixed(remedy.meanCloseness(collapsed), 2)),
                Figure("mean o(x), a batch of real samples", .fixed(remedy.meanCloseness(diverse), 2)),
            ])
        case .dragan:
            report.figures([
                Figure("‖∇ₓD‖ near the data, vanilla GAN", .fixed(vanilla.meanSlopeNearData(count: 512, seed: 0x51), 2)),
                Figure("‖∇ₓD‖ near the data, DRAGAN", .fixed(remedy.meanSlopeNearData(count: 512, seed: 0x51), 2)),
            ])
        case .ebgan:
            report.figures([
                Figure("pulling-away term, a batch from one mode", .fixed(remedy.pullingAway(collapsed), 3)),
                Figure("pulling-away term, a batch of real samples", .fixed(remedy.pullingAway(diverse), 3)),
            ])
        case .madgan: report.table(generatorTable(&remedy))
        case .mrgan:
            let target = remedy.configuration.target
            let points = reconstructionPoints(&remedy)
            let coverage = ModeCoverage(samples: points, modes: target.modes, sigma: target.modeSigma)
            report.figures([Figure("modes captured by G(E(x)) for real x", .count(coverage.modesCaptured, of: target.modes.count))])
        }
    }

    /// MAD-GAN: which modes each generator's samples land on.
    static func generatorTable(_ trainer: inout GANTrainer) -> Table {
        let target = trainer.configuration.target
        let rows: [[Value]] = (0..<trainer.configuration.generators).map { i in
            let m = trainer.samples(ofGenerator: i, count: 1000)
            let points = (0..<m.rows).map { (Double(m[$0, 0]), Double(m[$0, 1])) }
            let coverage = ModeCoverage(samples: points, modes: target.modes, sigma: target.modeSigma)
            let captured = coverage.samplesPerMode.indices.filter { coverage.samplesPerMode[$0] > 0 }
            return [.integer(i + 1), captured.isEmpty ? .missing : .integers(captured.map { $0 + 1 }), .fixed(coverage.highQualityShare * 100, 1)]
        }
        return Table(title: "Each generator's modes (first seed)", columns: ["generator", "modes it captures", "high quality (%)"], rows: rows)
    }

    static func reconstructionPoints(_ trainer: inout GANTrainer) -> [(Double, Double)] {
        guard let m = trainer.reconstructions(count: 2500, seed: 0xE1) else { return [] }
        return (0..<m.rows).map { (Double(m[$0, 0]), Double(m[$0, 1])) }
    }
}
