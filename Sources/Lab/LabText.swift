/// Every user-visible string of the lab, in one table, so that a later issue
/// can translate them: panel titles, legends, the status line's words, the
/// help overlay, the messages of changes, and the refusals.
///
/// Owns words only. Numbers are formatted where they are drawn (`LabScreen`,
/// `StatusLine`), and nothing here knows about layout or colour.
import GAN
import Localization

package enum LabText {
    /// The language of the labels: set once by the command, before the lab
    /// starts (English by default, as the golden frames are).
    nonisolated(unsafe) package static var translator: Translator = .english
    static func t(_ text: String) -> String { translator(text) }

    // Panels
    static var planeTitle: String { t("the plane: D(x) behind real and generated samples") }
    static var planeTitleCritic: String { t("the plane: the critic f(x) behind real and generated samples") }
    static var lineTitle: String { t("p_data, G's samples, D(x) and D*(x)") }
    static var legendReal: String { t("real") }
    static var legendFake: String { t("G(z)") }
    static var legendBoth: String { t("both") }
    static var legendScale: String { t("densities scaled to fit; the axis is D's") }
    static var legendScaleCritic: String { t("densities and f scaled to fit") }
    static var legendArrow: String { t("−∇ G's loss") }
    static var legendHeatLow: String { t("D→0") }
    static var legendHeatHigh: String { t("D→1") }
    static var legendCriticLow: String { t("f low") }
    static var legendCriticHigh: String { t("f high") }
    static var legendData: String { t("p_data") }
    static var legendHistogram: String { t("G's samples") }
    static var legendD: String { t("D(x)") }
    static var legendDStar: String { t("D*(x)") }
    static var legendCritic: String { t("f(x), scaled") }
    static var outside: String { t("outside") }
    static func digitsGenerated(_ count: Int) -> String { t("G's images for \(count) fixed z") }
    static var digitsReal: String { t("real training digits") }

    // Curves
    static var dLoss: String { t("D loss") }
    static var criticEstimate: String { t("critic 𝔼f(x)−𝔼f(G(z))") }
    static var gLoss: String { t("G loss") }
    static var modes: String { t("modes captured") }
    static var highQuality: String { t("high quality %") }
    static var w1: String { t("W1 (true)") }
    static var jsd: String { t("JSD (histograms)") }
    static var changes: String { t("changes:") }
    static var curvesNote: String { t("losses each step · distances every 50") }
    static var frechet: String { t("Fréchet distance") }
    static var floor: String { t("floor") }
    static var digitsCovered: String { t("digits covered") }
    static func digitsCurvesNote(_ every: Int) -> String { t("losses each step · measures every \(every)") }

    // Status line
    static var step: String { t("step") }
    static var k: String { t("k") }
    static var lr: String { t("lr") }
    static var seed: String { t("seed") }
    static var stepsPerSecond: String { t("steps/s") }
    static var framesPerSecond: String { t("fps") }
    static var running: String { t("running") }
    static var paused: String { t("paused") }
    static var frames: String { t("frames") }
    static var helpHint: String { t("? keys") }
    static var dOnly: String { t("D steps since G") }
    static var speed: String { t("speed") }
    static var speedMax: String { t("max") }
    static var perSecond: String { t("/s") }

    // Help overlay: the keys, in order.
    static var helpTitle: String { t("keys") }
    static var helpKeys: [(key: String, meaning: String)] { helpKeyList.map { ($0.key, t($0.meaning)) } }
    static let helpKeyList: [(key: String, meaning: String)] = [
        ("space", "run or pause"),
        ("n", "one full step (k D-steps, then one G-step)"),
        ("d", "one D step"),
        ("g", "one G step"),
        ("k / K", "fewer / more D-steps per step"),
        ("[ / ]", "D's learning rate ÷2 / ×2"),
        ("{ / }", "G's learning rate ÷2 / ×2"),
        ("l", "next loss"),
        ("m", "next method: vanilla, PacGAN, … (restarts)"),
        ("+ / -", "faster / slower (steps per second)"),
        ("t", "next target (restarts)"),
        ("r", "restart with the same seed"),
        ("s", "restart with the next seed"),
        ("?", "this help (any key closes it)"),
        ("q, Ctrl-C", "quit"),
    ]

    // Changes, as the status line and the curves' list show them.
    static func changedDSteps(_ k: Int) -> String { "k → \(k)" }
    static func changedRateD(_ rate: String) -> String { "lr D → \(rate)" }
    static func changedRateG(_ rate: String) -> String { "lr G → \(rate)" }
    static func changedLoss(_ loss: GANLoss) -> String { "loss → \(loss.rawValue)" }
    static func changedTarget(_ name: String) -> String { "target → \(name)" }
    static func restarted(seed: UInt64) -> String { t("restart, seed \(seed)") }
    static func limit(_ what: String) -> String { t("\(what) is at its limit") }
    static func changedSpeed(_ speed: String) -> String { t("speed → \(speed)") }
    static func changedMethod(_ title: String, seed: UInt64) -> String { t("method → \(title), restarted with seed \(seed)") }
    static func lossIsTheMethods(_ title: String) -> String { t("\(title) trains with its own losses") }
    static var methodNeedsPlane: String { t("the methods need a 2-D target or the digits (t)") }

    // Refusals and messages.
    static func tooSmall(columns: Int, rows: Int, minimumColumns: Int, minimumRows: Int) -> String {
        t("ganbook lab needs at least \(minimumColumns)×\(minimumRows); this terminal is \(columns)×\(rows).")
    }
    static var tooSmallHint: String { t("Enlarge the window, or press q to quit.") }
    package static let notATerminal =
        "lab needs a terminal on stdout; for a report use `ganbook demo train`, for plain-text frames `ganbook lab --frames N`"
    package static func badKey(_ token: String) -> String {
        "\(token.isEmpty ? "an empty key" : "'\(token)'") is not a key (use one character, space, comma, enter, esc, ctrl-c or wait MS)"
    }
    package static func badSize(_ text: String, minimumColumns: Int, minimumRows: Int) -> String {
        "--size \(text): expected COLUMNSxROWS of at least \(minimumColumns)x\(minimumRows), e.g. 100x30"
    }

    // Target names in the status line (short forms).
    static func shortTarget(_ target: Target) -> String {
        switch target {
        case .ring: return "ring"
        case .grid: return "grid"
        case .oneDimensional(_, let spec): return spec
        case .images: return "digits"
        }
    }
}
