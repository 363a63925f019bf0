/// One lab session's state: the trainer (inside a `TrainingRun`, so its
/// checkpoints are exactly `demo train`'s), the losses of every step, the
/// changes of settings and where they happened, and what each key does.
///
/// Owns the model state and the rules of the keys; it never draws (that is
/// `LabScreen`) and never reads the clock or the terminal (that is `LabLoop`).
import GAN
import NeuralNet
import TerminalKit
import Distributions

package struct LabSession: Sendable {
    package private(set) var settings: LabSettings
    package private(set) var run: TrainingRun
    /// The fixed noise and real samples the picture shows.
    package private(set) var samples: DisplaySamples
    /// The D and G loss of each step (the last D loss before each G update).
    package private(set) var dLosses: [Float] = []
    package private(set) var gLosses: [Float] = []
    /// The most recent D loss, from a full step or a `d` alone.
    package private(set) var lastDLoss: Float = .nan
    /// D updates made with `d` since the last G update.
    package private(set) var dStepsSinceG = 0
    /// Settings changes, at the step they first apply to.
    package private(set) var changes: [(step: Int, text: String)] = []
    package var running = false
    /// How fast a run trains (`+`, `-`, `--speed`); kept across restarts.
    package var speed = LabSpeed()
    package var showHelp = false
    /// The last change or notice, for the status line.
    package private(set) var message: String?
    /// A checkpoint of the current state when it is not on the checkpoint grid (after keys), for the figures.
    private var currentEvaluation: Checkpoint?
    /// On the digits: `demo digits`'s measures, and what they measured every `digitsMeasureEvery` steps.
    package let gauge: DigitsGauge?
    package private(set) var digitsMeasures: [DigitsMeasure] = []

    /// `demo train` evaluates every steps/60 steps, 50 for its default 3,000; so does the lab.
    package static let checkpointEvery = 50
    /// Steps between the digits' measures: `demo digits` measures 30 times in its 5,000 steps, about every
    /// 167; every 100 follows G closely, and measuring on steps, not frames, keeps the frame rate.
    package static let digitsMeasureEvery = 100
    private var dSum = 0.0, gSum = 0.0, sinceCheckpoint = 0

    package init(settings: LabSettings) {
        self.settings = settings
        run = TrainingRun(settings.configuration)
        samples = DisplaySamples(configuration: settings.configuration)
        run.checkpoints.append(run.evaluate(step: 0, dLoss: .nan, gLoss: .nan, seconds: 0))
        if settings.onDigits, let digits = settings.digits {
            gauge = DigitsGauge(configuration: settings.configuration, digits: digits)
            measureDigits()
        } else {
            gauge = nil
        }
    }

    package var trainer: GANTrainer { run.trainer }
    package var step: Int { run.trainer.steps }
    package var checkpoints: [Checkpoint] { run.checkpoints }

    /// The true distance now: the last checkpoint, or a fresh one if steps happened since.
    package mutating func latestEvaluation() -> Checkpoint {
        if let last = run.checkpoints.last, last.step == step, dStepsSinceG == 0 { return last }
        if let e = currentEvaluation, e.step == step, dStepsSinceG == 0 { return e }
        let e = run.evaluate(step: step, dLoss: .nan, gLoss: .nan, seconds: 0)
        currentEvaluation = e
        return e
    }

    // MARK: Training

    /// k D-steps and one G-step: `GANTrainer.step()`, recorded as `TrainingRun.train` records it.
    package mutating func fullStep() {
        let losses = run.trainer.step()
        lastDLoss = losses.d
        record(d: losses.d, g: losses.g)
    }

    /// One D update alone.
    package mutating func discriminatorStep() {
        lastDLoss = run.trainer.trainDiscriminatorOnly()
        dStepsSinceG += 1
        currentEvaluation = nil
    }

    /// One G update alone; with the last D loss it completes a step.
    package mutating func generatorStep() {
        let g = run.trainer.trainGeneratorOnly()
        record(d: lastDLoss, g: g)
    }

    private mutating func record(d: Float, g: Float) {
        dLosses.append(d)
        gLosses.append(g)
        dStepsSinceG = 0
        dSum += Double(d)
        gSum += Double(g)
        sinceCheckpoint += 1
        if step % Self.checkpointEvery == 0 {
            run.checkpoints.append(
                run.evaluate(
                    step: step, dLoss: dSum / Double(sinceCheckpoint),
                    gLoss: gSum / Double(sinceCheckpoint), seconds: 0))
            dSum = 0; gSum = 0; sinceCheckpoint = 0
        }
        if step % Self.digitsMeasureEvery == 0 { measureDigits() }
    }

    /// On the digits, `demo digits`'s measures of the current G, kept for the curves.
    private mutating func measureDigits() {
        guard let gauge else { return }
        digitsMeasures.append(gauge.measure(run.trainer, step: step))
    }

    // MARK: Keys

    package enum Outcome: Sendable, Equatable { case `continue`, quit }

    /// What a key does. Every change of a setting applies from the next update and is noted.
    package mutating func handle(_ key: Key) -> Outcome {
        // Keys only a line editor reads are no keys here: they do not even close the help.
        if key == .backspace || key == .end || key == .eraseLine { return .continue }
        if showHelp, key != .interrupt, key != .character("q") {
            showHelp = false
            return .continue
        }
        switch key {
        case .interrupt, .character("q"): return .quit
        case .space: running.toggle()
        case .character("?"): showHelp = true
        case .character("n"): running = false; fullStep()
        case .character("d"): running = false; discriminatorStep()
        case .character("g"): running = false; generatorStep()
        case .character("k"): changeDSteps(-1)
        case .character("K"): changeDSteps(+1)
        case .character("["): scaleRate(d: true, by: 0.5)
        case .character("]"): scaleRate(d: true, by: 2)
        case .character("{"): scaleRate(d: false, by: 0.5)
        case .character("}"): scaleRate(d: false, by: 2)
        case .character("l"):
            guard !settings.methodOwnsLoss else { message = LabText.lossIsTheMethods(settings.method.title); break }
            settings.nextLoss()
            retune()
            note(LabText.changedLoss(settings.loss))
        case .character("m"):
            guard settings.nextMethod() else { message = LabText.methodNeedsPlane; break }
            restart(LabText.changedMethod(settings.method.title, seed: settings.seed))
        case .character("+"), .character("="): changeSpeed(faster: true)
        case .character("-"): changeSpeed(faster: false)
        case .character("t"):
            settings.nextTarget()
            restart(LabText.changedTarget(LabText.shortTarget(settings.target)))
        case .character("r"): restart(LabText.restarted(seed: settings.seed))
        case .character("s"):
            settings.seed &+= 1
            restart(LabText.restarted(seed: settings.seed))
        default: break
        }
        return .continue
    }

    private mutating func changeDSteps(_ delta: Int) {
        guard settings.changeDSteps(by: delta) else { message = LabText.limit(LabText.k); return }
        retune()
        note(LabText.changedDSteps(settings.dSteps))
    }

    private mutating func scaleRate(d: Bool, by factor: Double) {
        guard settings.scaleRate(d: d, by: factor) else { message = LabText.limit(LabText.lr); return }
        retune()
        note(
            d
                ? LabText.changedRateD(LabFormat.rate(settings.learningRateD))
                : LabText.changedRateG(LabFormat.rate(settings.learningRateG)))
    }

    /// Pacing only: the trainer and the curves are untouched, so it is not a noted change.
    private mutating func changeSpeed(faster: Bool) {
        let changed = faster ? speed.faster() : speed.slower()
        message = changed ? LabText.changedSpeed(speed.text) : LabText.limit(LabText.speed)
    }

    private mutating func retune() {
        let c = settings.configuration
        run.trainer.retune(loss: c.loss, dSteps: c.dSteps, learningRateD: c.learningRateD, learningRateG: c.learningRateG)
    }

    private mutating func note(_ text: String) {
        message = text
        changes.append((step: step, text: text))
    }

    /// A fresh trainer with the current settings; the curves start again.
    private mutating func restart(_ text: String) {
        let running = self.running, speed = self.speed
        self = LabSession(settings: settings)
        self.running = running
        self.speed = speed
        message = text
    }
}
