/// Every user-visible string of the lab, in one table, so that a later issue
/// can translate them: panel titles, legends, the status line's words, the
/// help overlay, the messages of changes, and the refusals.
///
/// Owns words only. Numbers are formatted where they are drawn (`LabScreen`,
/// `StatusLine`), and nothing here knows about layout or colour.
import GAN

public enum LabText {
    // Panels
    static let planeTitle = "the plane: D(x) behind real and generated samples"
    static let planeTitleCritic = "the plane: the critic f(x) behind real and generated samples"
    static let lineTitle = "p_data, G's samples, D(x) and D*(x)"
    static let legendReal = "real"
    static let legendFake = "G(z)"
    static let legendArrow = "−∇ G's loss"
    static let legendHeatLow = "D→0"
    static let legendHeatHigh = "D→1"
    static let legendCriticLow = "f low"
    static let legendCriticHigh = "f high"
    static let legendData = "p_data"
    static let legendHistogram = "G's samples"
    static let legendD = "D(x)"
    static let legendDStar = "D*(x)"
    static let legendCritic = "f(x), scaled"
    static let outside = "outside"

    // Curves
    static let dLoss = "D loss"
    static let criticEstimate = "critic 𝔼f(x)−𝔼f(G(z))"
    static let gLoss = "G loss"
    static let modes = "modes captured"
    static let highQuality = "high quality %"
    static let w1 = "W1 (true)"
    static let jsd = "JSD (histograms)"
    static let changes = "changes:"
    static let curvesNote = "losses each step · distances every 50"

    // Status line
    static let step = "step"
    static let k = "k"
    static let lr = "lr"
    static let seed = "seed"
    static let stepsPerSecond = "steps/s"
    static let framesPerSecond = "fps"
    static let running = "running"
    static let paused = "paused"
    static let frames = "frames"
    static let helpHint = "? keys"
    static let dOnly = "D steps since G"

    // Help overlay: the keys, in order.
    static let helpTitle = "keys"
    static let helpKeys: [(key: String, meaning: String)] = [
        ("space", "run or pause"),
        ("n", "one full step (k D-steps, then one G-step)"),
        ("d", "one D step"),
        ("g", "one G step"),
        ("k / K", "fewer / more D-steps per step"),
        ("[ / ]", "D's learning rate ÷2 / ×2"),
        ("{ / }", "G's learning rate ÷2 / ×2"),
        ("l", "next loss"),
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
    static func restarted(seed: UInt64) -> String { "restart, seed \(seed)" }
    static func limit(_ what: String) -> String { "\(what) is at its limit" }

    // Refusals and messages.
    static func tooSmall(columns: Int, rows: Int, minimumColumns: Int, minimumRows: Int) -> String {
        "ganbook lab needs at least \(minimumColumns)×\(minimumRows); this terminal is \(columns)×\(rows)."
    }
    static let tooSmallHint = "Enlarge the window, or press q to quit."
    public static let notATerminal =
        "lab needs a terminal on stdout; for a report use `ganbook demo train`, for plain-text frames `ganbook lab --frames N`"
    public static func badKey(_ token: String) -> String {
        "\(token.isEmpty ? "an empty key" : "'\(token)'") is not a key (use one character, space, comma, enter, esc, ctrl-c or wait MS)"
    }
    public static func badSize(_ text: String, minimumColumns: Int, minimumRows: Int) -> String {
        "--size \(text): expected COLUMNSxROWS of at least \(minimumColumns)x\(minimumRows), e.g. 100x30"
    }

    // Target names in the status line (short forms).
    static func shortTarget(_ target: Target) -> String {
        switch target {
        case .ring: return "ring"
        case .grid: return "grid"
        case .oneDimensional(_, let spec): return spec
        }
    }
}
