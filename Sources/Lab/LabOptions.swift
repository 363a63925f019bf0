/// The lab's options, `ganbook lab`'s command line: `demo train`'s trainer
/// options, a target that may also be the digits, and the lab's own (frames,
/// size, a key script), validated here and run by `run()`. They live beside the loop, the keys and the screen they
/// drive, as a demo's options live with the demo.
import ArgumentParser
import Datasets
import Demos
import GAN
import TerminalKit

/// A lab run that cannot start: the whole message.
package struct LabFailure: Error, CustomStringConvertible {
    package var description: String
}

package struct LabOptions: ParsableArguments {
    /// The help's description of the screen and the keys (see `LabSession`).
    package static let discussion = """
        The same options, trainer and numbers as `ganbook demo train`. 2-D targets show the plane with \
        D(x) as a heat map, real (o) and generated (x) samples, and arrows along −∇ of G's loss; 1-D \
        targets show p_data, a histogram of G's samples, D(x) and the optimal D*(x) for the current G. \
        Beside the picture: the losses and a true distance over the steps.

        --target digits trains `demo digits`'s GAN on the bundled 8×8 digits (its networks, so --batch, \
        --hidden, --layers and --z-dim do not apply) and shows G's images for fixed noise as they change, \
        real digits below them when there is room, and beside the losses `demo digits`'s measures, \
        recomputed every \(LabSession.digitsMeasureEvery) steps: the Fréchet distance to the training digits \
        in a classifier's features, with the held-out digits' distance as its floor, and the digits covered.

        Keys (? shows them): space run/pause · n one step · d one D step · g one G step · k/K fewer/more \
        D-steps · [ ] D's learning rate ÷2/×2 · { } G's · l next loss · t next target · r restart · \
        s next seed · m next method · + - faster/slower · q or Ctrl-C quit.

        --method NAME trains one of `demo mode-collapse`'s methods (vanilla, pacgan, minibatch, unrolled, \
        dragan, ebgan, mad-gan, mrgan) with its paper's hyperparameters, on the lab's networks and a 2-D \
        target, or on the digits' networks; m cycles through them, restarting from the seed. On the plane \
        the heat map follows D's output: σ(logit); \
        PacGAN's D(x,x) on a pack of copies; minibatch discrimination's D(x) with x added to G's batch; \
        EBGAN's 1 − min(E/m, 1) of the energy E(x) = ‖D(x) − x‖ (m the margin); MAD-GAN's softmax \
        P(real | x). Arrows: −∇ of G's loss (EBGAN: of the energy; Unrolled GAN: against today's D, K = 0).

        --speed N (or + and -) trains at most N steps per second (1 to 10000; default: as fast as it can).

        Needs a terminal of at least 80×24. Without one, --frames N prints N plain-text frames after \
        --every, 2·--every, … steps. --keys "space,wait 500,d,g,q" drives a session (so do keys on stdin \
        when it is not a terminal). Colour: 24-bit when COLORTERM says so, else 256 colours; none with \
        NO_COLOR, where the heat map becomes a shade ramp ░▒▓█.
        """

    package init() {}

    @Option(
        help: .demo("ring, grid, digits (the bundled 8×8 digits), or a 1-D distribution spec (default: ring).", valueName: "target"),
        transform: LabTarget.parse)
    package var target: LabTarget = .toy(.ring)

    @OptionGroup package var rules: LossChoice

    @OptionGroup var gan: GANOptions

    @Option(
        help: .demo(
            "vanilla, pacgan, minibatch, unrolled, dragan, ebgan, mad-gan or mrgan (2-D targets and digits; m cycles).", valueName: "method"))
    package var method: CollapseMethod = .vanilla

    @Option(help: .demo("At most N steps per second while running (1 to 10000; + and - change it).", valueName: "N"))
    package var speed: Double?

    @Option(help: .demo("Print N frames as plain text instead of the live screen (1 to 1000).", valueName: "N"))
    package var frames: Int?

    @Option(help: .demo("Steps between frames with --frames (1 to 100000).", valueName: "steps"))
    package var every: Int = 100

    @Option(help: .demo("The frames' size with --frames, COLUMNSxROWS (at least 80x24).", valueName: "size"))
    package var size: String = "100x30"

    @Option(
        help: .demo(
            "Keys to press, comma-separated: a character, space, comma, enter, esc, ctrl-c, or wait MS.",
            valueName: "keys"))
    package var keys: String?

    /// For make bench: run for this many seconds, then print steps, frames and seconds as JSON on stderr.
    @Option(help: .hidden)
    package var bench: Double?

    /// With --bench: train without drawing.
    @Flag(help: .hidden)
    package var headless = false

    package func validate() throws {
        if let frames, !(1...1000).contains(frames) { throw ValidationError("--frames must be between 1 and 1000, got \(frames)") }
        guard (1...100_000).contains(every) else { throw ValidationError("--every must be between 1 and 100000, got \(every)") }
        if let frames, frames * every > 1_000_000 {
            throw ValidationError("--frames × --every must be at most 1000000 steps, got \(frames * every)")
        }
        _ = try parsedSize()
        if method != .vanilla, case .toy(let goal) = target, goal.dimension != 2 {
            throw ValidationError("--method \(method.rawValue) needs a 2-D target (ring or grid) or the digits")
        }
        if target == .digits { try Self.digitsTakeTheirNetworks(gan) }
        if let speed, !LabSpeed.range.contains(speed) { throw ValidationError("--speed must be between 1 and 10000, got \(speed)") }
        if let keys {
            do { _ = try KeyScript.parse(keys) } catch { throw ValidationError("\(error)") }
        }
        if let bench, !(bench > 0 && bench <= 600) { throw ValidationError("--bench must be between 0 and 600 seconds") }
    }

    /// On the digits the networks are `demo digits`'s (`DigitsSetting`): an option that changes them is refused.
    static func digitsTakeTheirNetworks(_ gan: GANOptions) throws {
        let defaults = try GANOptions.parse([])
        guard gan.batch == defaults.batch, gan.hidden == defaults.hidden, gan.layers == defaults.layers, gan.zDim == defaults.zDim else {
            throw ValidationError(
                "--target digits trains demo digits' networks (batch \(DigitsSetting.batch), 2 hidden layers of \(DigitsSetting.hidden), "
                    + "z of \(DigitsSetting.zDimension)): leave out --batch, --hidden, --layers and --z-dim")
        }
    }

    /// The settings the options give; on the digits, after reading them (one line when they cannot be read).
    package func settings() throws -> LabSettings {
        var settings: LabSettings
        switch target {
        case .toy(let goal):
            settings = LabSettings(options: gan, target: goal, loss: rules.loss, dSteps: rules.dSteps)
        case .digits:
            let digits: DigitsSplit
            do { digits = try BundledDatasets.digits() } catch { throw LabFailure(description: "\(error)") }
            settings = LabSettings(options: gan, digits: digits, loss: rules.loss, dSteps: rules.dSteps)
        }
        settings.method = method
        return settings
    }

    package func parsedSize() throws -> (columns: Int, rows: Int) {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]),
            c >= LabScreen.minimumColumns, r >= LabScreen.minimumRows, c <= 1000, r <= 1000
        else {
            throw ValidationError(LabText.badSize(size, minimumColumns: LabScreen.minimumColumns, minimumRows: LabScreen.minimumRows))
        }
        return (c, r)
    }

    /// Runs the lab as the options say: live on the terminal, as plain-text
    /// frames, or timed for `make bench`. Returns the signal that ended a live
    /// session, if one did.
    package func run() throws -> Int32? {
        let settings = try settings()
        let (columns, rows) = try parsedSize()
        if let bench {
            let figures = LabLoop.bench(settings, seconds: bench, columns: columns, rows: rows, draw: !headless)
            Output.error("{\"steps\": \(figures.steps), \"frames\": \(figures.frames), \"seconds\": \(figures.seconds)}\n")
            return nil
        }
        if let frames {
            LabLoop.frames(settings, count: frames, every: every, columns: columns, rows: rows) { Output.write($0) }
            return nil
        }
        guard TerminalEnvironment.stdoutIsTTY else { throw LabFailure(description: LabText.notATerminal) }
        var script = try keys.map { try KeyScript.parse($0) } ?? []
        let keyboard = TerminalEnvironment.stdinIsTTY
        if !keyboard {
            do { script += try KeyScript.parse(KeyScript.readStandardInput(), source: "stdin") } catch { throw LabFailure(description: "\(error)") }
        }
        let ending = LabLoop.live(settings, speed: LabSpeed(stepsPerSecond: speed), script: script, keyboard: keyboard, depth: ColorDepth.detect())
        return ending.signal
    }
}
