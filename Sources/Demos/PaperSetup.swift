/// `demo mode-collapse --paper NAME`: a published table's own set-up, run on
/// ganbook's trainer, targets and metrics, with the paper's numbers beside
/// ours. Owns the set-up's values and the published numbers, each with its
/// source; never touches the trainer (a set-up is a `GANConfiguration`).
import ArgumentParser
import GAN

/// The published tables `--paper` reproduces.
///
/// Only VEEGAN's Table 1 is offered. PacGAN's Table 1 (Lin et al. 2018) needs
/// batch normalisation and maxout layers that ganbook's networks do not have,
/// and 400,000 steps per run (400 epochs of 100,000 samples, batch 100; the
/// authors' code, fjxmlzn/PacGAN): see docs/reproductions.md.
package enum ReproducedPaper: String, CaseIterable, Sendable, ExpressibleByArgument {
    case veegan

    package var setup: PaperSetup {
        switch self {
        case .veegan: return .veegan
        }
    }
}

/// One published table's set-up: the data, the methods, the networks and
/// the budget, and the paper's numbers for each row ganbook implements.
package struct PaperSetup: Sendable {
    /// One row of the paper's table.
    package struct Published: Sendable, Equatable {
        package var target: Target
        package var method: CollapseMethod
        package var modes: Double
        package var highQualityPercent: Double
    }

    /// One value of the set-up, and where it comes from.
    package struct Setting: Sendable {
        package var name: String
        package var value: String
        package var source: String
    }

    /// "VEEGAN, Table 1": how the report names the table.
    package var table: String
    package var targets: [Target]
    package var methods: [CollapseMethod]
    package var steps: Int
    package var runs: Int
    package var unroll: Int
    package var batch: Int
    package var learningRate: Double
    package var zDimension: Int
    package var loss: GANLoss
    package var published: [Published]
    package var settings: [Setting]
    /// Seconds one step of each method takes on one core of the 2-core AMD EPYC
    /// (Zen 4) KVM guest of docs/reproductions.md: the full run's CPU time per
    /// step of a target (0.026 s), split in the ratio of a 200-step run's.
    package var secondsPerStep: [CollapseMethod: Double]

    /// The configuration of `method` on `target` with `seed`: the shared
    /// networks of `CollapseSetting` with this set-up's batch, learning rate,
    /// noise and loss.
    package func configuration(_ method: CollapseMethod, target: Target, seed: UInt64) -> GANConfiguration {
        var c = CollapseSetting.configuration(method, target: target, seed: seed, unroll: unroll)
        c.batch = batch
        c.learningRateD = learningRate
        c.learningRateG = learningRate
        c.zDimension = zDimension
        c.loss = loss
        return c
    }

    /// The paper's row for `method` on `target`.
    package func published(_ method: CollapseMethod, on target: Target) -> Published? {
        published.first { $0.method == method && $0.target == target }
    }

    /// How long `steps` steps of every method, `seeds` seeds, on every target
    /// take on `cores` cores, in seconds (from `secondsPerStep`).
    package func estimatedSeconds(steps: Int, seeds: Int, cores: Int) -> Double {
        let perSeed = methods.reduce(0.0) { $0 + (secondsPerStep[$1] ?? 0) } * Double(steps)
        return perSeed * Double(seeds * targets.count) / Double(max(cores, 1))
    }
}

extension PaperSetup {
    /// Srivastava et al. 2017, "VEEGAN: Reducing Mode Collapse in GANs using
    /// Implicit Variational Learning" (NIPS), Table 1, the rows ganbook has:
    /// GAN and Unrolled GAN on the 2-D ring and grid. The text we could read
    /// (§5.1, as the authors' page akashgit.github.io/VEEGAN reproduces it)
    /// gives the data, the metrics, the 2,500 samples, the five runs and
    /// K = 5 "as suggested in the authors' reference implementation"; the
    /// authors' code (akashgit/VEEGAN, VEEGAN_2D_RING.ipynb) gives the grid.
    /// The networks, optimiser, batch, noise, ring scale and length are not
    /// stated there: they are Metz et al. 2017's (the Unrolled GAN's authors).
    static let veegan = PaperSetup(
        table: "VEEGAN, Table 1",
        targets: [.ring, .grid],
        methods: [.vanilla, .unrolled],
        steps: 25_000, runs: 5, unroll: 5, batch: 512, learningRate: 1e-4, zDimension: 256, loss: .minimax,
        published: [
            // VEEGAN, Table 1, columns "2D Ring" and "2D Grid": modes (max 8, 25), % high quality samples.
            Published(target: .ring, method: .vanilla, modes: 1, highQualityPercent: 99.3),
            Published(target: .ring, method: .unrolled, modes: 7.6, highQualityPercent: 35.6),
            Published(target: .grid, method: .vanilla, modes: 3.3, highQualityPercent: 0.5),
            Published(target: .grid, method: .unrolled, modes: 23.6, highQualityPercent: 16),
        ],
        settings: veeganSettings,
        secondsPerStep: [.vanilla: 0.0027, .unrolled: 0.0235])

    static let veeganSettings: [Setting] = [
        Setting(name: "ring", value: "8 Gaussians, radius 2, σ = 0.02", source: "Metz et al. 2017, App. A*"),
        Setting(name: "grid", value: "25 Gaussians at {−4, −2, 0, 2, 4}², σ = 0.05", source: "VEEGAN's code (VEEGAN_2D_RING.ipynb)"),
        Setting(name: "G", value: "2 hidden layers of 128 ReLU units", source: "Metz et al. 2017, App. A*"),
        Setting(name: "D", value: "input ÷ 4, 1 hidden layer of 128 ReLU units", source: "Metz et al. 2017, App. A*"),
        Setting(name: "initial weights", value: "orthogonal, gain 0.8", source: "Metz et al. 2017, App. A*"),
        Setting(name: "noise z", value: "N(0, I), 256 dimensions", source: "Metz et al. 2017, App. A*"),
        Setting(name: "optimiser", value: "Adam, learning rate 1e-4 for D and G, β₁ = 0.5", source: "Metz et al. 2017, App. A*"),
        Setting(name: "batch", value: "512", source: "Metz et al.'s notebook*"),
        Setting(name: "G's loss", value: "minimax: G maximises D's loss", source: "Metz et al. 2017, App. A*"),
        Setting(name: "training steps", value: "25,000, one D step and one G step each", source: "Metz et al.'s notebook*"),
        Setting(name: "unrolling steps K", value: "5", source: "VEEGAN, §5.1"),
        Setting(name: "samples measured", value: "2,500", source: "VEEGAN, §5.1"),
        Setting(name: "high quality", value: "within 3σ of the nearest mode", source: "VEEGAN, §5.1"),
        Setting(name: "mode captured", value: "the nearest mode of at least one high-quality sample", source: "VEEGAN, §5.1"),
        Setting(name: "runs", value: "5, averaged", source: "VEEGAN, §5.1"),
    ]
}
