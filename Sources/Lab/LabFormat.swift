/// How the lab writes numbers on screen: fixed decimals, learning rates as
/// "1e-3", counts as plain digits. Locale-free, so frames are the same bytes
/// everywhere.
///
/// Owns number formatting for the lab's views, nothing else.
import Report

enum LabFormat {
    /// `value` with `digits` decimals; "–" for NaN, "∞" for infinities.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        return NumberFormatting.printf("%.\(digits)f", value)
    }

    /// A learning rate in short scientific form: 1e-3, 5e-5, 2.5e-4.
    static func rate(_ value: Double) -> String {
        guard value > 0, value.isFinite else { return fixed(value, 3) }
        var exponent = 0
        var mantissa = value
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        var m = fixed(mantissa, 2)
        while m.hasSuffix("0") { m.removeLast() }
        if m.hasSuffix(".") { m.removeLast() }
        return exponent == 0 ? m : "\(m)e\(exponent)"
    }

    /// A value chosen to fit about four significant digits in a narrow column.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return fixed(value, 0) }
        let a = abs(value)
        if a >= 1000 { return fixed(value, 0) }
        if a >= 100 { return fixed(value, 1) }
        if a >= 10 { return fixed(value, 2) }
        if a >= 0.01 || a == 0 { return fixed(value, 3) }
        return NumberFormatting.printf("%.3g", value)  // a critic's small values: 0.000421, 4.21e-05
    }
}
