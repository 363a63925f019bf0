/// Styled text and the line wrapper.
///
/// `StyledText` holds Unicode scalars, each with its display width (see
/// `DisplayWidth.Measure`) and an index into a small table of attributes
/// (style and link). Working on scalars, not grapheme clusters, keeps the
/// wrapper fast; zero-width scalars (combining marks, joiners) stay glued to
/// what precedes them, so a cluster is never split.
///
/// `wrapped` fills lines greedily by display columns: it breaks at spaces and
/// next to wide (CJK) characters, keeps closing punctuation off the start of a
/// line and opening brackets off its end, and breaks a word wider than the line
/// rather than letting it overflow. `encoded` turns a line into a string with
/// SGR styles and OSC 8 hyperlinks, or bare text without colour.
import Report
package struct StyledText: Sendable, Equatable {
    /// What applies to a character besides itself.
    package struct Attributes: Sendable, Hashable {
        package var style: TextStyle
        package var link: String?
    }

    package private(set) var scalars: [Unicode.Scalar] = []
    private var widths: [UInt8] = []
    private var attributeIndex: [Int32] = []
    private var attributes: [Attributes] = []
    private var measure = DisplayWidth.Measure()
    package private(set) var displayWidth = 0

    package init() {}

    package init(_ text: String, style: TextStyle = .plain, link: String? = nil) {
        append(text, style: style, link: link)
    }

    /// Appends `text`; a newline is a hard break, control characters show as `�`,
    /// a tab as a space.
    package mutating func append(_ text: String, style: TextStyle = .plain, link: String? = nil) {
        let index = self.index(of: Attributes(style: style, link: link))
        let needed = scalars.count + text.utf8.count  // at least the scalars to come
        if scalars.capacity < needed { reserve(max(needed, 2 * scalars.capacity)) }
        for scalar in text.unicodeScalars {
            let s = Self.printable(scalar)
            let w = measure.width(of: s)  // 0 for a newline, which also ends a joined cluster
            scalars.append(s)
            widths.append(UInt8(w))
            attributeIndex.append(index)
            displayWidth += w
        }
    }

    /// An empty line cut from `source`: it shares the source's attribute table.
    private init(linesOf source: StyledText) {
        attributes = source.attributes
    }

    /// Appends scalars `range` of `source`, a text this line was cut from.
    private mutating func append(_ range: Range<Int>, of source: StyledText) {
        scalars += source.scalars[range]
        widths += source.widths[range]
        attributeIndex += source.attributeIndex[range]
        for i in range { displayWidth += Int(source.widths[i]) }
    }

    private mutating func reserve(_ count: Int) {
        scalars.reserveCapacity(count)
        widths.reserveCapacity(count)
        attributeIndex.reserveCapacity(count)
    }

    private mutating func index(of attributes: Attributes) -> Int32 {
        if let last = attributeIndex.last, self.attributes[Int(last)] == attributes { return last }
        if let found = self.attributes.firstIndex(of: attributes) { return Int32(found) }
        self.attributes.append(attributes)
        return Int32(self.attributes.count - 1)
    }

    package func attributes(at i: Int) -> Attributes { attributes[Int(attributeIndex[i])] }

    package var isEmpty: Bool { scalars.isEmpty }
    package var plainText: String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count)
        for scalar in scalars { Self.appendUTF8(scalar, to: &utf8) }
        return String(decoding: utf8, as: UTF8.self)
    }

    // MARK: Sanitising

    /// `text` with every scalar made `printable`; untouched when already clean.
    package static func printable(_ text: String) -> String {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            // C0 controls, DEL, and C1 controls (UTF-8 C2 80…C2 9F)
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte < 0xA0) {
                var utf8: [UInt8] = []
                for scalar in text.unicodeScalars { appendUTF8(printable(scalar), to: &utf8) }
                return String(decoding: utf8, as: UTF8.self)
            }
            previous = byte
        }
        return text
    }

    /// Replaces scalars that would move the cursor or start an escape sequence:
    /// a tab or carriage return becomes a space, other controls `�`. Newlines stay.
    static func printable(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v >= 0x20 && v < 0x7F || v > 0x9F { return s }
        if v == 0x0A { return s }
        return v == 0x09 || v == 0x0D ? " " : "\u{FFFD}"
    }

    // MARK: Wrapping

    /// Scalars that must not start a line (kinsoku). Arrays, not Sets: they are
    /// short, and a Set's first use costs a runtime conformance scan at start-up.
    static let noBreakBefore: [Unicode.Scalar] = Array("，。、；：！？）」』】〉》〕｝］・…‥ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々,.;:!?)]}%’”»".unicodeScalars)
    /// Scalars that must not end a line.
    static let noBreakAfter: [Unicode.Scalar] = Array("（「『【〈《〔｛［‘“([{«".unicodeScalars)

    /// Whether a line may break between scalars `i - 1` and `i` (no space
    /// between them): only next to a wide character, never before a zero-width
    /// one, and not against kinsoku rules.
    private func mayBreak(before i: Int) -> Bool {
        guard widths[i] != 0, widths[i - 1] == 2 || widths[i] == 2 else { return false }
        let a = scalars[i - 1], b = scalars[i]
        return (DisplayWidth.isWide(a.value) || DisplayWidth.isWide(b.value))
            && !Self.noBreakBefore.contains(b) && !Self.noBreakAfter.contains(a)
            && !(Self.markers.contains(a) && !Self.noBreakAfter.contains(b)) && !Self.markers.contains(b)
    }

    /// Markdown's span markers, which the renderer writes around emphasis,
    /// strong and code without colour: they stay with the text they open or
    /// close (no break between one and a CJK neighbour), so a closing `**`
    /// is not carried to the next line with the `。` after it. A line may still
    /// break after a marker before an opening bracket (`**超参数**（…`).
    static let markers: [Unicode.Scalar] = ["*", "_", "`"]

    /// Lines of at most `width` columns (at least one line, possibly empty).
    package func wrapped(width: Int) -> [StyledText] {
        var lines: [StyledText] = []
        wrap(width: width) { bounds, count in
            var line = StyledText(linesOf: self)
            line.reserve(count)
            for k in stride(from: 0, to: bounds.count, by: 2) { line.append(bounds[k]..<bounds[k + 1], of: self) }
            lines.append(line)
        }
        return lines
    }

    /// The same lines, each `encoded(color:)`, without building them first.
    package func wrappedEncoded(width: Int, color: Bool) -> [String] {
        var lines: [String] = []
        wrap(width: width) { bounds, count in lines.append(encode(bounds, count: count, color: color)) }
        return lines
    }

    /// Fills lines and hands each to `emit` as ranges of this text (adjacent
    /// ones merged, so most lines are one range) with its number of scalars.
    /// The ranges are flat bounds, lower and upper in turn: an `[Int]` costs
    /// nothing to set up, where a `[Range<Int>]` costs a type lookup at start.
    private func wrap(width: Int, emit: (_ bounds: [Int], _ count: Int) -> Void) {
        let width = max(width, 1)
        var emitted = 0
        var pieces: [Int] = []  // the line being filled, as bounds
        var lineWidth = 0, lineCount = 0
        var wordStart = 0, wordWidth = 0  // the word is scalars[wordStart..<i]
        var pendingSpace: Int?  // index of the space before the word

        func add(_ range: Range<Int>, width: Int) {
            if pieces.last == range.lowerBound {
                pieces[pieces.count - 1] = range.upperBound
            } else {
                pieces.append(range.lowerBound)
                pieces.append(range.upperBound)
            }
            lineWidth += width
            lineCount += range.count
        }
        func removeLast() {
            let upper = pieces.removeLast(), lower = pieces.removeLast()
            if upper - lower > 1 { pieces += [lower, upper - 1] }
            lineWidth -= Int(widths[upper - 1])
            lineCount -= 1
        }
        func endLine() {
            emit(pieces, lineCount)
            emitted += 1
            pieces.removeAll(keepingCapacity: true)
            lineWidth = 0
            lineCount = 0
        }
        func placeWord(endingAt end: Int) {
            defer { wordStart = end; wordWidth = 0; pendingSpace = nil }
            guard wordStart < end else { return }
            let spaceWidth = (pendingSpace != nil && lineCount > 0) ? 1 : 0
            if lineWidth + spaceWidth + wordWidth <= width {
                if spaceWidth == 1, let space = pendingSpace { add(space..<space + 1, width: Int(widths[space])) }
                add(wordStart..<end, width: wordWidth)
                return
            }
            if lineCount > 0 { endLine() }
            var lineStart = wordStart  // where the current line begins inside the word
            for i in wordStart..<end {  // a word wider than the line is broken where it must be
                if lineWidth + Int(widths[i]) > width && lineCount > 0 && widths[i] > 0 {
                    // Closing punctuation never starts a line: the characters before
                    // it come along, back over a run of it (`）：`), while one stays.
                    var k = i
                    while k - 1 > lineStart, Self.noBreakBefore.contains(scalars[k]) || widths[k] == 0 { k -= 1 }
                    if k == i || Self.noBreakBefore.contains(scalars[k]) { k = i }
                    for _ in k..<i { removeLast() }
                    endLine()
                    lineStart = k
                    if k < i { add(k..<i, width: (k..<i).reduce(0) { $0 + Int(widths[$1]) }) }
                }
                add(i..<i + 1, width: Int(widths[i]))
            }
        }

        for i in scalars.indices {
            switch scalars[i] {
            case "\n":
                placeWord(endingAt: i)
                endLine()
                wordStart = i + 1
            case " ":
                placeWord(endingAt: i)
                wordStart = i + 1
                if lineCount > 0 { pendingSpace = i }
            default:
                if wordStart < i, mayBreak(before: i) { placeWord(endingAt: i) }
                wordWidth += Int(widths[i])
            }
        }
        placeWord(endingAt: scalars.count)
        if lineCount > 0 || emitted == 0 { endLine() }
    }

    // MARK: Encoding

    /// The line as a string: with `color`, SGR styles and OSC 8 links; without, bare text.
    package func encoded(color: Bool) -> String { encode([0, scalars.count], count: scalars.count, color: color) }

    /// The scalars within `bounds` (lower and upper in turn; `count` scalars) as one line.
    private func encode(_ bounds: [Int], count: Int, color: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(count + (color ? 32 : 0))
        guard color else {
            for k in stride(from: 0, to: bounds.count, by: 2) { for i in bounds[k]..<bounds[k + 1] { Self.appendUTF8(scalars[i], to: &out) } }
            return String(decoding: out, as: UTF8.self)
        }
        var current: Int32 = -1
        var style = TextStyle.plain
        var link: String? = nil
        for k in stride(from: 0, to: bounds.count, by: 2) {
            for i in bounds[k]..<bounds[k + 1] {
                if attributeIndex[i] != current {
                    current = attributeIndex[i]
                    let a = attributes[Int(current)]
                    if a.link != link {
                        if link != nil { out += Self.osc8(nil).utf8 }
                        if let url = a.link { out += Self.osc8(url).utf8 }
                        link = a.link
                    }
                    if a.style != style {
                        if style != .plain { out += TextStyle.reset.utf8 }
                        out += a.style.sgr.utf8
                        style = a.style
                    }
                }
                Self.appendUTF8(scalars[i], to: &out)
            }
        }
        if style != .plain { out += TextStyle.reset.utf8 }
        if link != nil { out += Self.osc8(nil).utf8 }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | v >> 6)); bytes.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | v >> 12)); bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
        } else {
            bytes.append(UInt8(0xF0 | v >> 18)); bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// An OSC 8 hyperlink opener (with a URL) or closer (without).
    static func osc8(_ url: String?) -> String {
        // No C0, DEL or C1 control may end the sequence early (C1 0x9C is ST).
        let safe = (url ?? "").unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
        return "\u{1B}]8;;" + String(String.UnicodeScalarView(safe)) + "\u{1B}\\"
    }
}
