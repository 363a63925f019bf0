/// Display width: how many terminal columns text takes; the HTML export
/// measures SVG legend text in the same columns. Here, in Report, so that both
/// TerminalKit and HTML can use it.
///
/// East Asian Wide and Fullwidth characters (UAX #11, W and F) and emoji
/// presentation take 2 columns; combining marks, format characters and Hangul
/// medial/final jamo take 0; everything else printable takes 1. Within a
/// cluster, a scalar after a zero-width joiner and the second of a flag's two
/// regional indicators take 0, and VS16 (emoji presentation) widens a 1-column
/// base to 2.

extension Unicode.Scalar {
    /// Columns this scalar takes on its own.
    public var displayWidth: Int {
        let v = value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if DisplayWidth.isWide(v) || properties.isEmojiPresentation { return 2 }
        return 1
    }
}

extension Character {
    /// Columns this grapheme cluster takes.
    public var displayWidth: Int { String(self).displayWidth }
}

extension StringProtocol {
    /// Columns this text takes (no escape sequences expected).
    public var displayWidth: Int {
        // ASCII, the common case, without the Unicode tables: a control is 0 columns, the rest 1.
        var columns = 0
        for byte in utf8 {
            guard byte < 0x7F else { return measuredWidth }
            if byte >= 0x20 { columns += 1 }
        }
        return columns
    }

    private var measuredWidth: Int {
        var measure = DisplayWidth.Measure()
        var total = 0
        for scalar in unicodeScalars { total += measure.width(of: scalar) }
        return total
    }
}

public enum DisplayWidth {
    /// Widths of scalars in sequence, with the cluster rules above.
    public struct Measure: Sendable, Equatable {
        private var previous: Unicode.Scalar = " "
        private var previousWidth = 1
        private var pendingRegionalIndicator = false

        public init() {}

        public mutating func width(of s: Unicode.Scalar) -> Int {
            var w: Int
            if s.value < 0x7F {
                w = s.value < 0x20 ? 0 : 1
                pendingRegionalIndicator = false
            } else if s.value == 0xFE0F {
                w = previousWidth == 1 ? 1 : 0
            } else if previous.value == 0x200D {
                w = 0
            } else if (0x1F1E6...0x1F1FF).contains(s.value) {
                w = pendingRegionalIndicator ? 0 : 2
                pendingRegionalIndicator.toggle()
            } else {
                w = s.displayWidth
            }
            // Regional indicators pair up only when adjacent: anything else ends a run.
            if !(0x1F1E6...0x1F1FF).contains(s.value) { pendingRegionalIndicator = false }
            previous = s
            if w > 0 { previousWidth = w }
            return w
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, Unicode 15, as first and
    /// last scalar of each (plain numbers, so the table needs no set-up at
    /// start); emoji are found through `isEmojiPresentation` instead.
    static let wideRanges: [UInt32] = [
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE,
        0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
        0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA,
        0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
        0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x2FFB, 0x3000, 0x303E, 0x3041, 0x3096, 0x3099, 0x30FF,
        0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E3, 0x31F0, 0x321E, 0x3220, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA48C,
        0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE52, 0xFE54, 0xFE66,
        0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x187F7,
        0x18800, 0x18CD5, 0x18D00, 0x18D08, 0x1AFF0, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132, 0x1B150, 0x1B152,
        0x1B155, 0x1B155, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
        0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265,
        0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    ]

    /// Binary search in `wideRanges`.
    public static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var low = 0, high = wideRanges.count / 2 - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < wideRanges[2 * mid] { high = mid - 1 } else if v > wideRanges[2 * mid + 1] { low = mid + 1 } else { return true }
        }
        return false
    }
}
