/// Axis ticks on "nice" numbers, shared by every plot renderer (terminal,
/// SVG): positions only, no data.
import Glibc

/// Tick positions on "nice" numbers (1, 2 or 5 times a power of ten).
public enum Ticks {
    public static func nice(_ low: Double, _ high: Double, count: Int) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        let raw = span / Double(max(count - 1, 1))
        let magnitude = pow10(exponent(raw))
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var ticks: [Double] = []
        var k = (low / step).rounded(.down)
        while k * step <= high + step * 1e-9 {
            // k·step, rounded to the step's own digits so that 3 × 0.2 reads 0.6
            let t = magnitude < 1 ? ((k * step) / magnitude).rounded() / (1 / magnitude).rounded() : ((k * step) / magnitude).rounded() * magnitude
            if t >= low - step * 1e-9 { ticks.append(abs(t) < step * 1e-9 ? 0 : t) }
            k += 1
        }
        return ticks.isEmpty ? [low, high] : ticks
    }

    public static func label(_ x: Double) -> String { NumberFormatting.printf("%.4g", x) }

    /// An axis over [low, high] as plots draw it: at least `minimumTicks`
    /// labelled ticks, inner ones on 1, 2 or 5 × 10ⁿ, and both ends labelled.
    /// A fitted axis (`fixed` false) fits the data: its ends move out only to
    /// the next fifth of a tick step (−3.28…5.3 is drawn over −3.6…5.6, with
    /// ticks at −2, 0, 2, 4), never to a whole step beyond it. A fixed one (a
    /// probability's 0…1) keeps its range. Either labels its ends with their
    /// own values and drops an inner tick that would crowd an end. Non-finite
    /// or empty ranges give one tick each side.
    public struct Axis: Sendable, Equatable {
        public var low: Double
        public var high: Double
        /// In increasing order; the first is `low` and the last `high`.
        public var ticks: [Double]
    }

    public static func axis(_ low: Double, _ high: Double, fixed: Bool = false, minimumTicks: Int = 4) -> Axis {
        guard low.isFinite, high.isFinite, high > low, (high - low).isFinite else {
            let centre = low.isFinite ? low : 0
            return Axis(low: centre - 0.5, high: centre + 0.5, ticks: [centre - 0.5, centre, centre + 0.5])
        }
        let count = max(minimumTicks, 2)
        if !fixed { return fitted(low, high, count: count) }
        // The largest nice step that still gives `count` ticks.
        let magnitude = pow10(exponent((high - low) / Double(count - 1)))
        let steps = [10.0, 5, 2, 1, 0.5, 0.2, 0.1].map { $0 * magnitude }
        for step in steps {
            let first = fixed ? (low / step).rounded(.up) : (low / step).rounded(.down)
            let last = fixed ? (high / step).rounded(.down) : (high / step).rounded(.up)
            guard last - first + 1 >= Double(count) || step == steps.last! else { continue }
            var ticks = stride(from: first, through: last, by: 1).map { k -> Double in
                // k·step, from a whole number of tenths of the magnitude, so 3 × 0.1 reads 0.3
                let tenths = (k * step / magnitude * 10).rounded()
                let t = magnitude < 1 ? tenths / (10 / magnitude).rounded() : tenths * magnitude / 10
                return abs(t) < step * 1e-9 ? 0 : t
            }
            guard fixed else { return Axis(low: ticks.first!, high: ticks.last!, ticks: ticks) }
            // A fixed range: its own ends, and no inner tick within half a step of one.
            ticks = ticks.filter { $0 - low > step / 2 && high - $0 > step / 2 }
            return Axis(low: low, high: high, ticks: [low] + ticks + [high])
        }
        return Axis(low: low, high: high, ticks: [low, high])
    }

    /// The fitted axis of `axis`: for the largest step of 1, 2 or 5 × 10ⁿ that
    /// gives `count` ticks, the range [low, high] moved out to multiples of a
    /// fifth of the step, and the multiples of the step inside it, none within
    /// half a step of an end (the ends themselves being labelled).
    static func fitted(_ low: Double, _ high: Double, count: Int) -> Axis {
        let magnitude = pow10(exponent((high - low) / Double(count - 1)))
        // Values are whole numbers of fiftieths of the magnitude, so 0.4 × 9 reads 3.6.
        let unit = { (n: Double) -> Double in magnitude < 1 ? n / (50 / magnitude).rounded() : n * magnitude / 50 }
        for multiple in [500.0, 250, 100, 50, 25, 10, 5] {  // the step, in fiftieths: 10, 5, 2, 1, 0.5, 0.2, 0.1 × magnitude
            let fine = multiple / 5
            let lo = (low / unit(fine)).rounded(.down) * fine, hi = (high / unit(fine)).rounded(.up) * fine
            let inner = stride(from: (lo / multiple).rounded(.up), through: (hi / multiple).rounded(.down), by: 1)
                .map { $0 * multiple }
                .filter { $0 - lo >= multiple / 2 && hi - $0 >= multiple / 2 }
            let ticks = [unit(lo)] + inner.map(unit) + [unit(hi)]
            if ticks.count >= count || multiple == 5 {
                return Axis(low: ticks.first!, high: ticks.last!, ticks: ticks.map { abs($0) < unit(fine) * 1e-9 ? 0 : $0 })
            }
        }
        return Axis(low: low, high: high, ticks: [low, high])
    }

    /// A log₁₀ axis over [low, high] (in log units): the decades inside (with
    /// 2× and 5× when that gives fewer than `minimumTicks`), and both ends,
    /// labelled with their own values; an inner tick within a tenth of the span
    /// of an end gives way to it.
    public static func logarithmicAxis(_ low: Double, _ high: Double, minimumTicks: Int = 4) -> Axis {
        guard low.isFinite, high.isFinite, high > low else { return axis(low, high) }
        var inner = logarithmic(low, high)
        if inner.count + 2 < minimumTicks {
            var decade = low.rounded(.down)
            inner = []
            while decade <= high {
                for m in [1.0, 2, 5] where decade + log10(m) > low && decade + log10(m) < high { inner.append(decade + log10(m)) }
                decade += 1
            }
        }
        let margin = (high - low) / 10
        inner = inner.filter { $0 - low > margin && high - $0 > margin }
        return Axis(low: low, high: high, ticks: [low] + inner + [high])
    }

    /// Ticks for a log₁₀ axis spanning [low, high] in log units: each decade, and
    /// 2× and 5× when the span is under two decades.
    public static func logarithmic(_ low: Double, _ high: Double) -> [Double] {
        var ticks: [Double] = []
        var decade = low.rounded(.down)
        let multiples: [Double] = high - low < 2 ? [1, 2, 5] : [1]
        while decade <= high {
            for m in multiples {
                let t = decade + log10(m)
                if t >= low - 1e-9 && t <= high + 1e-9 { ticks.append(t) }
            }
            decade += 1
        }
        return ticks.isEmpty ? [low, high] : ticks
    }

    /// The label of a log-axis tick at t (log₁₀ units): exact for 1, 2 and 5
    /// times a power of ten, else the value to 4 significant digits.
    public static func logLabel(_ t: Double) -> String {
        let nice = power10(t)
        return abs(log10(nice) - t) < 1e-9 ? label(nice) : label(pow(10, t))
    }

    /// 10^t, exact for whole t and for the 2× and 5× ticks.
    public static func power10(_ t: Double) -> Double {
        let decade = t.rounded(.down)
        let mantissa = [1.0, 2.0, 5.0].min { abs(log10($0) - (t - decade)) < abs(log10($1) - (t - decade)) }!
        return mantissa * pow10(decade)
    }

    private static func pow10(_ e: Double) -> Double {
        var r = 1.0
        if e >= 0 { for _ in 0..<Int(e) { r *= 10 } } else { for _ in 0..<Int(-e) { r /= 10 } }
        return r
    }

    /// The decimal exponent of x (⌊log₁₀ x⌋), by repeated division.
    private static func exponent(_ x: Double) -> Double {
        var e = 0.0, v = x
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }

}
