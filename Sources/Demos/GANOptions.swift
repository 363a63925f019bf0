/// Options shared by the GAN demos (`train`, `mode-collapse`, `d-steps`): the
/// networks, the optimisation and the seed.
import ArgumentParser
import GAN
import Installation

package struct GANOptions: ParsableArguments, Sendable {
    @Option(help: .demo("Minibatch size m (8 to 4096).", valueName: "m"))
    package var batch: Int = 256

    @Option(help: .demo("D's learning rate (default 1e-3 with Adam; 5e-5 with RMSProp for --loss wgan; 1e-4 for wgan-gp).", valueName: "lr"))
    package var lrD: Double?

    @Option(help: .demo("G's learning rate (default as --lr-d).", valueName: "lr"))
    package var lrG: Double?

    @Option(help: .demo("Units per hidden layer, in G and in D (2 to 1024).", valueName: "n"))
    package var hidden: Int = 128

    @Option(help: .demo("Hidden layers, in G and in D (1 to 8).", valueName: "n"))
    package var layers: Int = 2

    @Option(help: .demo("Dimension of the noise z ∼ N(0, I) (1 to 256).", valueName: "n"))
    package var zDim: Int = 2

    @Option(help: .demo("Seed for initialisation and sampling.", valueName: "n"))
    package var seed: UInt64 = 1

    package init() {}

    package func validate() throws {
        guard (8...4096).contains(batch) else { throw ValidationError("--batch must be between 8 and 4096, got \(batch)") }
        guard (2...1024).contains(hidden) else { throw ValidationError("--hidden must be between 2 and 1024, got \(hidden)") }
        guard (1...8).contains(layers) else { throw ValidationError("--layers must be between 1 and 8, got \(layers)") }
        guard (1...256).contains(zDim) else { throw ValidationError("--z-dim must be between 1 and 256, got \(zDim)") }
        for (name, value) in [("--lr-d", lrD), ("--lr-g", lrG)] {
            if let value, !(value > 0 && value < 1) { throw ValidationError("\(name) must be between 0 and 1, got \(value)") }
        }
    }

    /// A configuration for `target` and `loss` with these options.
    package func configuration(target: Target, loss: GANLoss, dSteps: Int) -> GANConfiguration {
        var c = GANConfiguration(target: target)
        c.loss = loss
        c.dSteps = dSteps
        c.batch = batch
        let defaultRate = loss == .wgan ? 5e-5 : loss == .wganGP ? 1e-4 : 1e-3
        c.learningRateD = lrD ?? defaultRate
        c.learningRateG = lrG ?? lrD ?? defaultRate
        c.hidden = hidden
        c.layers = layers
        c.zDimension = zDim
        c.seed = seed
        return c
    }
}

extension GANLoss: ExpressibleByArgument {
    /// The loss by its name in prose: "a GAN with the non-saturating loss".
    package var name: String {
        switch self {
        case .minimax: return "minimax loss"
        case .nonsaturating: return "non-saturating loss"
        case .wgan: return "WGAN loss"
        case .wganGP: return "WGAN-GP loss"
        }
    }
}

/// What `demo train` trains: the target, the loss and D's updates per G
/// update. `ganbook lab` has its own target (it also takes the digits) and
/// shares the rest, `LossChoice`.
package struct TrainingChoice: ParsableArguments, Sendable {
    @Option(help: .demo("ring, grid, or a 1-D distribution spec (default: ring).", valueName: "target"), transform: targetSpec)
    package var target = Spec(default: "ring", Demos.target)

    @OptionGroup package var rules: LossChoice

    package static let dStepsRange = LossChoice.dStepsRange

    package init() {}

    /// The target distribution.
    package var goal: Target { target.value }
    package var loss: GANLoss { rules.loss }
    package var dSteps: Int? { rules.dSteps }
    package var resolvedDSteps: Int { rules.resolvedDSteps }
}

/// The loss and D's updates per G update, as `demo train` and `ganbook lab` take them.
package struct LossChoice: ParsableArguments, Sendable {
    @Option(help: .demo("minimax, nonsaturating, wgan or wgan-gp.", valueName: "loss"))
    package var loss: GANLoss = .nonsaturating

    @Option(help: .demo("D updates per G update (1 to 50; default 1, 5 with --loss wgan or wgan-gp).", valueName: "k"))
    package var dSteps: Int?

    package static let dStepsRange = 1...50

    package init() {}

    package mutating func validate() throws {
        if let dSteps, !Self.dStepsRange.contains(dSteps) { throw ValidationError("--d-steps must be between 1 and 50, got \(dSteps)") }
    }

    /// D's updates per G update: as given, else 1 (5 for the Wasserstein losses).
    package var resolvedDSteps: Int { dSteps ?? (loss.isWasserstein ? 5 : 1) }
}

/// Parses a target: ring, grid or a 1-D spec, with the spec's one-line error,
/// or "did you mean" for a word close to ring or grid (`rings`).
package func target(_ text: String) throws -> Target {
    do {
        return try Target.parse(text)
    } catch {
        if text.allSatisfy(\.isLetter), let name = Suggestion.closest(to: text, among: ["ring", "grid"]) {
            throw ValidationError("no target '\(text)'; did you mean '\(name)'? (ring, grid, or a 1-D spec such as N(0,1))")
        }
        throw error
    }
}

/// A GAN target: ring, grid or a 1-D spec (see `target(_:)`).
func targetSpec(_ text: String) throws -> Spec<Target> { try Spec(text, target) }

/// A 2-D target: ring or grid.
func planeTarget(_ text: String) throws -> Target {
    guard ["ring", "grid"].contains(text.lowercased()) else {
        throw ValidationError(Suggestion.closest(to: text, among: ["ring", "grid"]).map { "did you mean '\($0)'? (ring or grid)" } ?? "ring or grid")
    }
    return try target(text)
}

func planeTargetSpec(_ text: String) throws -> Spec<Target> { try Spec(text, planeTarget) }

/// A 1-D target: a distribution spec.
func lineTarget(_ text: String) throws -> Target {
    let goal = try target(text)
    guard goal.dimension == 1 else { throw ValidationError("a 1-D distribution spec is needed here") }
    return goal
}

func lineTargetSpec(_ text: String) throws -> Spec<Target> { try Spec(text, lineTarget) }
