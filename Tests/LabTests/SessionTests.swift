import Demos
import GAN
@testable import Lab
import NeuralNet
import Testing

/// The lab trains exactly as `demo train` does, and each key does what the help says.
@Suite struct SessionTests {
    /// Checkpoints without the wall-clock seconds.
    func numbers(_ c: [Checkpoint]) -> [String] {
        c.map {
            "\($0.step) \($0.dLoss) \($0.gLoss) \(String(describing: $0.wasserstein1)) \(String(describing: $0.jsdEstimate)) \(String(describing: $0.coverage))"
        }
    }

    @Test(arguments: [("ring", GANLoss.nonsaturating), ("0.5*N(-2,0.5) + 0.5*N(2,0.5)", GANLoss.wgan), ("grid", GANLoss.minimax)])
    func theLabsNumbersAreDemoTrains(target: String, loss: GANLoss) throws {
        let settings = try labSettings(target: target, loss: loss, ["--seed", "3", "--hidden", "32"])
        var session = LabSession(settings: settings)
        for _ in 0..<300 { session.fullStep() }

        // What `demo train --steps 300` runs: the same options, evaluated every 300/6 = 50 steps.
        let options = try GANOptions.parse(["--seed", "3", "--hidden", "32"])
        var run = TrainingRun(options.configuration(target: try Target.parse(target), loss: loss, dSteps: loss.isWasserstein ? 5 : 1))
        run.train(steps: 300, evaluations: 6)
        #expect(numbers(session.checkpoints) == numbers(run.checkpoints))
        #expect(session.trainer.generator == run.trainer.generator)
        #expect(session.trainer.discriminator == run.trainer.discriminator)
    }

    @Test func aFullStepIsKDStepsThenAGStep() throws {
        let settings = try labSettings(dSteps: 3, ["--hidden", "16"])
        var byKeys = LabSession(settings: settings)
        var byStep = LabSession(settings: settings)
        for _ in 0..<3 { _ = byKeys.handle(.character("d")) }
        #expect(byKeys.step == 0 && byKeys.dStepsSinceG == 3)
        _ = byKeys.handle(.character("g"))
        _ = byStep.handle(.character("n"))
        #expect(byKeys.step == 1 && byStep.step == 1)
        #expect(byKeys.trainer.generator == byStep.trainer.generator)
        #expect(byKeys.trainer.discriminator == byStep.trainer.discriminator)
        #expect(byKeys.dLosses == byStep.dLosses && byKeys.gLosses == byStep.gLosses)
    }

    @Test func steppingPausesARun() throws {
        var session = LabSession(settings: try labSettings(["--hidden", "16"]))
        _ = session.handle(.space)
        #expect(session.running)
        _ = session.handle(.character("d"))
        #expect(!session.running)
        #expect(session.handle(.character("q")) == .quit)
        #expect(session.handle(.interrupt) == .quit)
    }

    @Test func settingKeysChangeTheTrainerAndAreMarked() throws {
        var session = LabSession(settings: try labSettings(["--hidden", "16"]))
        for _ in 0..<5 { session.fullStep() }
        _ = session.handle(.character("K"))
        #expect(session.trainer.configuration.dSteps == 2)
        _ = session.handle(.character("]"))
        #expect(session.trainer.configuration.learningRateD == 2e-3)
        #expect(session.trainer.configuration.learningRateG == 1e-3)
        _ = session.handle(.character("{"))
        #expect(session.trainer.configuration.learningRateG == 5e-4)
        #expect(session.changes.map(\.step) == [5, 5, 5])
        #expect(session.changes.map(\.text) == ["k → 2", "lr D → 2e-3", "lr G → 5e-4"])
        _ = session.handle(.character("k"))
        _ = session.handle(.character("k"))
        #expect(session.trainer.configuration.dSteps == 1)
        #expect(session.message == "k is at its limit")
    }

    @Test func cyclingTheLossFollowsDemoTrainsDefaults() throws {
        var session = LabSession(settings: try labSettings(["--hidden", "16"]))
        session.fullStep()
        _ = session.handle(.character("l"))  // nonsaturating → wgan
        #expect(session.settings.loss == .wgan)
        #expect(session.trainer.configuration.loss == .wgan)
        #expect(session.trainer.configuration.dSteps == 5)
        #expect(session.trainer.configuration.learningRateD == 5e-5)
        // WGAN clips the critic's weights at once.
        var d = session.trainer.discriminator
        var largest: Float = 0
        d.withParameters { _, p in largest = max(largest, p.values.map(abs).max() ?? 0) }
        #expect(largest <= 0.01)
        #expect(session.step == 1, "a loss change keeps training where it was")
        _ = session.handle(.character("l"))
        _ = session.handle(.character("l"))
        #expect(session.settings.loss == .minimax)
    }

    @Test func restartAndNextSeed() throws {
        let settings = try labSettings(["--hidden", "16"])
        var session = LabSession(settings: settings)
        for _ in 0..<20 { session.fullStep() }
        _ = session.handle(.character("r"))
        #expect(session.step == 0)
        #expect(session.trainer.generator == LabSession(settings: settings).trainer.generator)
        _ = session.handle(.character("s"))
        #expect(session.settings.seed == 2)
        #expect(session.trainer.generator != LabSession(settings: settings).trainer.generator)
    }

    @Test func theTargetCyclesThroughRingGridAndTwoPeaks() throws {
        var session = LabSession(settings: try labSettings(["--hidden", "16"]))
        _ = session.handle(.character("t"))
        #expect(session.settings.target == .grid)
        _ = session.handle(.character("t"))
        #expect(session.trainer.configuration.target.dimension == 1)
        _ = session.handle(.character("t"))
        #expect(session.settings.target == .ring)
        // A target of one's own joins the cycle.
        let own = try labSettings(target: "N(1,2)")
        #expect(own.targets.count == 4 && own.target.dimension == 1)
    }

    @Test func helpOpensAndAnyKeyClosesIt() throws {
        var session = LabSession(settings: try labSettings(["--hidden", "16"]))
        _ = session.handle(.character("?"))
        #expect(session.showHelp)
        _ = session.handle(.character("n"))
        #expect(!session.showHelp && session.step == 0, "the key that closes the help does nothing else")
    }
}
