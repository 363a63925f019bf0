/// Axis ticks on "nice" numbers, shared by every plot renderer (terminal,
/// SVG): positions only, no data.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

