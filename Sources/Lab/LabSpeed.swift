/// How fast a running session trains (GAN Lab's speed slider): at most a
/// number of steps per second, or as fast as the machine allows. `+` and `-`
/// move along `ladder`; `--speed` sets any value in `range`.
///
/// Owns the value and its steps; the pacing itself is `LabLoop`'s.
package struct LabSpeed: Sendable, Equatable {
    /// The speeds `+` and `-` step through, in steps per second; beyond the last, no limit.
    package static let ladder: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    package static let range = 1.0...10_000

    /// At most this many steps per second; nil for as fast as possible.
    package var stepsPerSecond: Double?

    package init(stepsPerSecond: Double? = nil) { self.stepsPerSecond = stepsPerSecond }

    /// The next speed up the ladder (from the top rung: no limit); false when there is no limit already.
    mutating func faster() -> Bool {
        guard let current = stepsPerSecond else { return false }
        stepsPerSecond = Self.ladder.first { $0 > current }
        return true
    }

    /// The next speed down the ladder (from no limit: its top rung); false at its bottom.
    mutating func slower() -> Bool {
        guard let current = stepsPerSecond else {
            stepsPerSecond = Self.ladder.last
            return true
        }
        guard let lower = Self.ladder.last(where: { $0 < current }) else { return false }
        stepsPerSecond = lower
        return true
    }

    /// For the status line, after the steps per second measured: "≤ 50", or "max".
    package var limitText: String {
        guard let stepsPerSecond else { return LabText.speedMax }
        return "≤ " + LabFormat.fixed(stepsPerSecond, 0)
    }

    /// "max", or the limit as "50/s".
    package var text: String {
        guard let stepsPerSecond else { return LabText.speedMax }
        return LabFormat.fixed(stepsPerSecond, 0) + LabText.perSecond
    }
}
