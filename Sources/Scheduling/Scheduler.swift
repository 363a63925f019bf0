/// The FSRS-6 spaced-repetition scheduler, computed exactly as py-fsrs 6.x
/// (the `fsrs` package on PyPI, 6.3.2) computes it: the same 21 default
/// parameters, desired retention 0.9, learning steps of 1 and 10 minutes, a
/// relearning step of 10 minutes, same-day (short-term) reviews, a maximum
/// interval of 36,500 days, and no interval fuzz (py-fsrs draws it from an
/// unseeded random number, which tests could not reproduce).
///
/// Model (Ye et al., FSRS; the formulas below follow py-fsrs's scheduler.py):
/// - retrievability R(t) = (1 + F·t/S)^(−w₂₀) with F = 0.9^(−1/w₂₀) − 1, t in whole days;
/// - initial stability S₀(G) = w_{G−1}; initial difficulty D₀(G) = w₄ − e^{w₅(G−1)} + 1;
/// - difficulty update with linear damping and mean reversion to D₀(Easy);
/// - recall stability S·(1 + e^{w₈}(11 − D)S^{−w₉}(e^{w₁₀(1−R)} − 1)·hard·easy);
/// - forget stability min(w₁₁D^{−w₁₂}((S+1)^{w₁₃} − 1)e^{w₁₄(1−R)}, S/e^{w₁₇w₁₈});
/// - short-term stability S·e^{w₁₇(G−3+w₁₈)}·S^{−w₁₉} (at least ×1 unless Again);
/// - interval = round(S/F·(r^{1/−w₂₀} − 1)) days, in [1, maximum] (banker's rounding, as Python's round).
import Foundation

package enum Grade: Int, Sendable, CaseIterable, Codable {
    case again = 1, hard, good, easy

    package var name: String {
        switch self {
        case .again: return "Again"
        case .hard: return "Hard"
        case .good: return "Good"
        case .easy: return "Easy"
        }
    }
}

package enum CardState: Int, Sendable, Codable {
    case learning = 1, review, relearning
}

/// A card's memory state. Times are seconds since the Unix epoch.
package struct Memory: Sendable, Equatable {
    package var state: CardState = .learning
    /// The learning or relearning step; nil in review.
    package var step: Int? = 0
    package var stability: Double?
    package var difficulty: Double?
    package var due: Double
    package var lastReview: Double?

    package init(due: Double) { self.due = due }

    package init(state: CardState, step: Int?, stability: Double?, difficulty: Double?, due: Double, lastReview: Double?) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// Never reviewed.
    package var isNew: Bool { lastReview == nil }
}

package struct Scheduler: Sendable {
    package static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    static let minimumStability = 0.001
    static let day = 86_400.0

    package var w: [Double]
    package var desiredRetention: Double
    /// Seconds.
    package var learningSteps: [Double]
    package var relearningSteps: [Double]
    package var maximumInterval: Int
    let decay: Double
    let factor: Double

    package init(
        parameters: [Double] = defaultParameters, desiredRetention: Double = 0.9,
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600], maximumInterval: Int = 36500
    ) {
        w = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        decay = -parameters[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    /// Whole days from `from` to `to`, as Python's timedelta.days (floor).
    static func days(from: Double, to: Double) -> Int { Int(((to - from) / day).rounded(.down)) }

    package func retrievability(_ m: Memory, at now: Double) -> Double {
        guard let last = m.lastReview, let s = m.stability else { return 0 }
        let elapsed = Double(max(0, Self.days(from: last, to: now)))
        return pow(1 + factor * elapsed / s, decay)
    }

    /// The memory after a review with `grade` at `now`.
    package func review(_ memory: Memory, _ grade: Grade, at now: Double) -> Memory {
        var m = memory
        let g = Double(grade.rawValue)
        let sinceLast = m.lastReview.map { Self.days(from: $0, to: now) }
        var interval: Double  // seconds

        func updateStabilityAndDifficulty() {
            if let s = m.stability, let d = m.difficulty {
                if let since = sinceLast, since < 1 {
                    m.stability = shortTermStability(s, g)
                } else {
                    m.stability = nextStability(d, s, retrievability(m, at: now), grade)
                }
                m.difficulty = nextDifficulty(d, g)
            } else {
                m.stability = clampStability(w[grade.rawValue - 1])
                m.difficulty = clampDifficulty(initialDifficulty(g))
            }
        }

        switch m.state {
        case .learning, .relearning:
            updateStabilityAndDifficulty()
            let steps = m.state == .learning ? learningSteps : relearningSteps
            let step = m.step ?? 0
            if steps.isEmpty || (step >= steps.count && grade != .again) {
                m.state = .review; m.step = nil
                interval = nextInterval(m.stability!) * Self.day
            } else {
                switch grade {
                case .again:
                    m.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0 && steps.count == 1 {
                        interval = steps[0] * 1.5
                    } else if step == 0 && steps.count >= 2 {
                        interval = (steps[0] + steps[1]) / 2
                    } else {
                        interval = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        m.state = .review; m.step = nil
                        interval = nextInterval(m.stability!) * Self.day
                    } else {
                        m.step = step + 1
                        interval = steps[step + 1]
                    }
                case .easy:
                    m.state = .review; m.step = nil
                    interval = nextInterval(m.stability!) * Self.day
                }
            }
        case .review:
            let s = m.stability!, d = m.difficulty!
            if let since = sinceLast, since < 1 {
                m.stability = shortTermStability(s, g)
            } else {
                m.stability = nextStability(d, s, retrievability(m, at: now), grade)
            }
            m.difficulty = nextDifficulty(d, g)
            if grade == .again && !relearningSteps.isEmpty {
                m.state = .relearning
                m.step = 0
                interval = relearningSteps[0]
            } else {
                interval = nextInterval(m.stability!) * Self.day
            }
        }
        m.due = now + interval
        m.lastReview = now
        return m
    }

    func clampStability(_ s: Double) -> Double { max(s, Self.minimumStability) }
    func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }

    func initialDifficulty(_ g: Double) -> Double { w[4] - exp(w[5] * (g - 1)) + 1 }

    /// Whole days, banker's-rounded like Python's round().
    func nextInterval(_ s: Double) -> Double {
        let raw = s / factor * (pow(desiredRetention, 1 / decay) - 1)
        return Double(min(max(Int(raw.rounded(.toNearestOrEven)), 1), maximumInterval))
    }

    func shortTermStability(_ s: Double, _ g: Double) -> Double {
        var increase = exp(w[17] * (g - 3 + w[18])) * pow(s, -w[19])
        if g >= 2 { increase = max(increase, 1) }
        return clampStability(s * increase)
    }

    func nextDifficulty(_ d: Double, _ g: Double) -> Double {
        let delta = -(w[6] * (g - 3))
        let damped = d + (10 - d) * delta / 9
        return clampDifficulty(w[7] * initialDifficulty(4) + (1 - w[7]) * damped)
    }

    func nextStability(_ d: Double, _ s: Double, _ r: Double, _ grade: Grade) -> Double {
        if grade == .again {
            let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp((1 - r) * w[14])
            let shortTerm = s / exp(w[17] * w[18])
            return clampStability(min(longTerm, shortTerm))
        }
        let hard = grade == .hard ? w[15] : 1
        let easy = grade == .easy ? w[16] : 1
        return clampStability(s * (1 + exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp((1 - r) * w[10]) - 1) * hard * easy))
    }
}
