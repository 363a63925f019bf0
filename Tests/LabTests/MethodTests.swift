import Demos
import GAN
@testable import Lab
import Localization
import NeuralNet
import Testing

/// `--method` and `m`: each of `demo mode-collapse`'s methods trains in the lab
/// with its paper's variant, and the picture shows what its D computes.
@Suite struct MethodTests {
    /// Small networks and batches: the keys' rules, not the training, are under test.
    func settings(_ method: CollapseMethod, target: String = "ring") throws -> LabSettings {
        var s = try labSettings(target: target, ["--hidden", "16", "--batch", "32", "--seed", "4"])
        s.method = method
        return s
    }

    @Test func mCyclesEveryMethodRestartingFromTheSeed() throws {
        var session = LabSession(settings: try settings(.vanilla))
        for _ in 0..<5 { session.fullStep() }
        for method in CollapseMethod.allCases.dropFirst() + [.vanilla] {
            _ = session.handle(.character("m"))
            #expect(session.settings.method == method)
            #expect(session.trainer.configuration.variant == method.variant(unroll: LabSettings.unroll))
            #expect(session.step == 0 && session.checkpoints.count == 1, "a new method starts afresh")
            #expect(session.message == "method → \(method.title), restarted with seed 4")
            #expect(session.trainer.generator == LabSession(settings: try settings(method)).trainer.generator)
            session.fullStep()
            #expect(session.step == 1 && session.gLosses.allSatisfy(\.isFinite), "\(method) trains")
        }
    }

    /// `lab --method M` trains the trainer `demo mode-collapse` builds for M, on the lab's networks.
    @Test(arguments: [CollapseMethod.ebgan, .madgan, .pacgan])
    func aMethodTrainsItsVariant(method: CollapseMethod) throws {
        var session = LabSession(settings: try settings(method))
        for _ in 0..<10 { session.fullStep() }
        let options = try GANOptions.parse(["--hidden", "16", "--batch", "32", "--seed", "4"])
        var c = options.configuration(target: .ring, loss: .nonsaturating, dSteps: 1)
        c.variant = method.variant(unroll: 5)
        var trainer = GANTrainer(c)
        for _ in 0..<10 { trainer.step() }
        #expect(session.trainer.generator == trainer.generator && session.trainer.discriminator == trainer.discriminator)
    }

    /// `d` then `g` is `n` for the remedies that train on the tape, as for the vanilla GAN.
    @Test(arguments: [CollapseMethod.ebgan, .madgan, .dragan, .mrgan])
    func dThenGIsAFullStep(method: CollapseMethod) throws {
        var byKeys = LabSession(settings: try settings(method)), byStep = byKeys
        _ = byKeys.handle(.character("d"))
        #expect(byKeys.dStepsSinceG == 1 && byKeys.lastDLoss.isFinite)
        _ = byKeys.handle(.character("g"))
        _ = byStep.handle(.character("n"))
        #expect(byKeys.trainer.generator == byStep.trainer.generator)
        #expect(byKeys.trainer.discriminator == byStep.trainer.discriminator)
        #expect(byKeys.dLosses == byStep.dLosses && byKeys.gLosses == byStep.gLosses)
    }

    @Test func theMethodsKeepToThePlaneAndTheirOwnLosses() throws {
        var oneD = LabSession(settings: try settings(.vanilla, target: "N(0,1)"))
        _ = oneD.handle(.character("m"))
        #expect(oneD.settings.method == .vanilla && oneD.message == "the methods need a 2-D target or the digits (t)")
        var ebgan = LabSession(settings: try settings(.ebgan))
        _ = ebgan.handle(.character("t"))
        _ = ebgan.handle(.character("t"))
        #expect(ebgan.settings.target == .ring, "t skips the 1-D target under a remedy")
        _ = ebgan.handle(.character("l"))
        #expect(ebgan.settings.loss == .nonsaturating && ebgan.message == "EBGAN trains with its own losses")
        var pacgan = LabSession(settings: try settings(.pacgan))
        _ = pacgan.handle(.character("l"))
        #expect(pacgan.trainer.configuration.loss == .wgan, "PacGAN keeps the chosen loss")
    }

    // MARK: Speed

    @Test func plusAndMinusWalkTheLadderAndSurviveARestart() throws {
        var session = LabSession(settings: try settings(.vanilla))
        #expect(session.speed.stepsPerSecond == nil)
        _ = session.handle(.character("+"))
        #expect(session.message == "speed is at its limit")
        _ = session.handle(.character("-"))
        _ = session.handle(.character("-"))
        #expect(session.speed.stepsPerSecond == 500 && session.message == "speed → 500/s")
        _ = session.handle(.character("m"))
        #expect(session.speed.stepsPerSecond == 500, "a restart keeps the speed")
        for _ in 0..<20 { _ = session.handle(.character("-")) }
        #expect(session.speed.stepsPerSecond == 1 && session.message == "speed is at its limit")
        _ = session.handle(.character("="))
        #expect(session.speed.stepsPerSecond == 2)
        session.speed = LabSpeed(stepsPerSecond: 1000)
        _ = session.handle(.character("+"))
        #expect(session.speed.stepsPerSecond == nil && session.message == "speed → max")
        session.speed = LabSpeed(stepsPerSecond: 30)  // --speed 30, off the ladder
        _ = session.handle(.character("+"))
        #expect(session.speed.stepsPerSecond == 50)
        #expect(session.changes.isEmpty, "the speed is not a change of the training")
    }

    /// The live loop's pacing, on a clock of its own: N steps per simulated second.
    @Test(arguments: [(10.0, 0.01), (100.0, 0.05), (1000.0, 0.05)])
    func aRunKeepsToItsSpeed(limit: Double, tick: Double) throws {
        var session = LabSession(settings: try settings(.vanilla))
        session.speed = LabSpeed(stepsPerSecond: limit)
        session.running = true
        var runner = Runner(session: session, script: [], keyboard: false, depth: .none)
        var t = 0.0
        for i in 0...Int((1 / tick).rounded()) {
            t = Double(i) * tick
            let now = t
            _ = runner.trainPaced(now, deadline: .infinity, now: { now })
        }
        #expect(abs(runner.session.step - Int(limit)) <= 1, "\(runner.session.step) steps in one second at \(limit)/s")
        // After a long stall (a slow frame, a pause), no burst of catching up: at most two frames' worth.
        let before = runner.session.step
        _ = runner.trainPaced(t + 5, deadline: .infinity, now: { t + 5 })
        #expect(runner.session.step - before <= max(Int(2 * limit / LabLoop.targetFramesPerSecond), 1))
    }

    @Test func theStatusLineShowsTheSpeed() throws {
        var session = LabSession(settings: try settings(.vanilla))
        session.speed = LabSpeed(stepsPerSecond: 20)
        let screen = LabScreen(columns: 140, rows: 30, color: false)
        let status = screen.compose(&session, rates: .init()).plainText.split(separator: "\n").last!
        #expect(status.contains("│ – steps/s (≤ 20) │ – fps"), "\(status)")
        session.speed = LabSpeed()
        #expect(screen.compose(&session, rates: .init(stepsPerSecond: 812)).plainText.contains("│ 812 steps/s (max) │"))
        let frame = screen.compose(&session, rates: .init(), mode: "frames 1/1").plainText
        #expect(!frame.contains("steps/s") && !frame.contains("fps"), "--frames are neither paced nor timed")
    }

    @Test func theNewWordsAreInChinese() {
        let zh = Translator.forLab(.zh)
        let words =
            LabText.helpKeyList.map(\.meaning) + [
                "speed", "max", "/s", "speed → 20/s", "method → EBGAN, restarted with seed 3", "vanilla GAN trains with its own losses",
                "the methods need a 2-D target or the digits (t)", "P(real)→0", "−∇ energy", "−∇ G's loss (K=0)", "vanilla GAN", "Unrolled GAN",
            ]
        for english in words { #expect(zh(english) != english, "\(english)") }
        #expect(zh("method → Unrolled GAN, restarted with seed 3") == "方法 → 展开式 GAN，用种子 3 重新开始")
    }
}
