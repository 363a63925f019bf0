/// The settings a lab session trains with, and how the keys change them:
/// the target (cycled by `t`), the loss (`l`), D-steps per step (`k`/`K`),
/// the two learning rates (`[` `]` `{` `}`), the seed (`s`) and the
/// mode-collapse method (`m`, or `--method`).
///
/// A method is `demo mode-collapse`'s remedy, with its paper's
/// hyperparameters (`CollapseMethod.variant`), on the lab's own networks and
/// optimiser: the flags keep their meaning, and `m` changes one thing only.
///
/// The configuration comes from `demo train`'s own `GANOptions`, so the same
/// flags give the same trainer. On the digits the networks are `demo
/// digits`'s (`DigitsSetting`), and the loss, k, the rates and the seed the
/// lab's, so that the same seed trains the same G as `demo digits --seed`. A default the user did not set (a learning
/// rate, k) follows the loss as it does in `demo train`: cycling to `wgan`
/// gives RMSProp's 5e-5 and k = 5 unless they were given or changed by a key.
import Datasets
import Demos
import GAN

package struct LabSettings: Sendable {
    package var options: GANOptions
    /// The targets `t` cycles through; `targetIndex` is the current one.
    package var targets: [Target]
    package var targetIndex: Int
    package var loss: GANLoss
    /// Set by --d-steps or a key; nil follows the loss (5 for WGAN, else 1).
    package var dStepsChosen: Int?
    /// Set by --lr-d/--lr-g or a key; nil follows the loss.
    package var rateDChosen: Double?
    package var rateGChosen: Double?
    /// The mode-collapse remedy (or the vanilla GAN); the remedies need a 2-D target or the digits.
    package var method: CollapseMethod = .vanilla
    /// The bundled digits, when the lab was started on them (`--target digits`).
    package let digits: DigitsSplit?
    /// `demo digits`'s GAN for them: its target (the training digits in [−1, 1]) and networks.
    let digitsSetting: GANConfiguration?

    /// The Unrolled GAN's K: 5, as Metz et al. 2017's 2-D mixture (Appendix A) and `demo mode-collapse` use.
    package static let unroll = 5

    package static let dStepsRange = TrainingChoice.dStepsRange
    package static let rateRange = 1e-6...0.5
    /// The 1-D target `t` offers besides ring and grid: two peaks, as in the notes.
    package static let twoPeaks = "0.5*N(-2,0.5) + 0.5*N(2,0.5)"

    package init(options: GANOptions, target: Target, loss: GANLoss, dSteps: Int?) {
        self.init(options: options, target: target, loss: loss, dSteps: dSteps, digits: nil, digitsSetting: nil)
    }

    /// On the bundled digits; `t` cycles from them to ring, grid and two peaks, and back.
    package init(options: GANOptions, digits: DigitsSplit, loss: GANLoss, dSteps: Int?) {
        let setting = DigitsSetting.configuration(loss: loss, method: .vanilla, seed: options.seed, training: digits.training)
        self.init(options: options, target: setting.target, loss: loss, dSteps: dSteps, digits: digits, digitsSetting: setting)
    }

    private init(options: GANOptions, target: Target, loss: GANLoss, dSteps: Int?, digits: DigitsSplit?, digitsSetting: GANConfiguration?) {
        self.options = options
        var targets: [Target] = [.ring, .grid]
        if let peaks = try? Target.parse(Self.twoPeaks) { targets.append(peaks) }
        if let index = targets.firstIndex(of: target) {
            targetIndex = index
        } else {
            targets.append(target)
            targetIndex = targets.count - 1
        }
        self.targets = targets
        self.loss = loss
        self.dStepsChosen = dSteps
        self.rateDChosen = options.lrD
        self.rateGChosen = options.lrG
        self.digits = digits
        self.digitsSetting = digitsSetting
    }

    package var target: Target { targets[targetIndex] }
    /// Whether the current target is the digits.
    package var onDigits: Bool {
        if case .images = target { return true }
        return false
    }
    package var seed: UInt64 {
        get { options.seed }
        set { options.seed = newValue }
    }
    package var dSteps: Int { dStepsChosen ?? (loss.isWasserstein ? 5 : 1) }

    /// The configuration `demo train` builds from the same options.
    package var configuration: GANConfiguration {
        var o = options
        o.lrD = rateDChosen
        o.lrG = rateGChosen
        var c = o.configuration(target: target, loss: loss, dSteps: dSteps)
        if onDigits, var digits = digitsSetting {
            // demo digits' networks; the lab's loss, k, rates and seed.
            digits.loss = c.loss
            digits.dSteps = c.dSteps
            digits.learningRateD = c.learningRateD
            digits.learningRateG = c.learningRateG
            digits.seed = c.seed
            c = digits
        }
        c.variant = method.variant(unroll: Self.unroll)
        return c
    }

    /// Whether the method trains with its own losses, so that `loss` (and `l`) does not apply:
    /// every remedy but PacGAN and minibatch discrimination, which keep the chosen loss.
    package var methodOwnsLoss: Bool { ![.vanilla, .pacgan, .minibatch].contains(method) }

    package var learningRateD: Double { configuration.learningRateD }
    package var learningRateG: Double { configuration.learningRateG }

    mutating func nextLoss() {
        let all = GANLoss.allCases
        loss = all[(all.firstIndex(of: loss)! + 1) % all.count]
    }

    /// The next target; under a remedy, the next that is not 1-D (the remedies are for modes: the plane's, the digits').
    mutating func nextTarget() {
        repeat {
            targetIndex = (targetIndex + 1) % targets.count
        } while method != .vanilla && target.dimension == 1
    }

    /// The next method of `CollapseMethod.allCases`; false (no change) on a 1-D target.
    mutating func nextMethod() -> Bool {
        guard target.dimension != 1 else { return false }
        let all = CollapseMethod.allCases
        method = all[(all.firstIndex(of: method)! + 1) % all.count]
        return true
    }

    /// Changes k by `delta` within its range; false at a limit.
    mutating func changeDSteps(by delta: Int) -> Bool {
        let k = dSteps + delta
        guard Self.dStepsRange.contains(k) else { return false }
        dStepsChosen = k
        return true
    }

    /// Multiplies D's (or G's) rate by `factor` within its range; false at a limit.
    mutating func scaleRate(d: Bool, by factor: Double) -> Bool {
        let current = d ? learningRateD : learningRateG
        let new = current * factor
        guard Self.rateRange.contains(new) else { return false }
        if d {
            // G's default follows D's rate; keep G where it is when only D's changes.
            if rateGChosen == nil { rateGChosen = learningRateG }
            rateDChosen = new
        } else {
            rateGChosen = new
        }
        return true
    }
}
