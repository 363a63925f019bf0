/// printf-style number formatting through the C library, so that the digits a
/// report shows are the same on every run and platform (no locale).
import Glibc

public enum NumberFormatting {
    /// A number as a person wrote it: a whole number without `.0` (`5`, not
    /// `5.0`), others in Swift's shortest form that reads back (`0.6931`).
    public static func shortest(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x).replacingHyphenMinus
    }

    /// A numeric card's answer, as the quiz and the HTML export both show it: `5 ± 0.1`.
    public static func plusMinus(_ value: Double, _ tolerance: Double) -> String {
        shortest(value) + " ± " + shortest(tolerance)
    }

    /// `format` must hold exactly one floating-point conversion (`%.6g`, …).
    public static func printf(_ format: String, _ x: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = withVaList([x]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, format, args) }
        }
        guard count >= 0 else { return String(x) }
        let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self).replacingHyphenMinus
    }
}

extension String {
    /// "-0" reads as a negative zero; show it as 0.
    fileprivate var replacingHyphenMinus: String {
        if self.hasPrefix("-"), self.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(dropFirst()) }
        return self
    }
}
