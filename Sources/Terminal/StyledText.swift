/// Styled text and the line wrapper.
///
/// `StyledText` is a run of characters, each with its style and link. `wrap`
/// fills lines greedily by display columns: it breaks at spaces and between
/// wide (CJK) characters, keeps closing punctuation off the start of a line and
/// opening brackets off its end, and breaks a word wider than the line rather
/// than letting it overflow. `encoded` turns a line into a string with SGR
/// styles and OSC 8 hyperlinks, or bare text without colour.

public struct StyledCharacter: Sendable, Equatable {
    public var character: Character
    public var style: TextStyle
    public var link: String?
}

public struct StyledText: Sendable, Equatable {
    public var characters: [StyledCharacter] = []

    public init() {}

    public init(_ text: String, style: TextStyle = .plain, link: String? = nil) {
        append(text, style: style, link: link)
    }

    /// Appends `text`; a newline is a hard break, control characters show as `�`,
    /// a tab as a space.
    public mutating func append(_ text: String, style: TextStyle = .plain, link: String? = nil) {
        for character in text {
            characters.append(StyledCharacter(character: Self.printable(character), style: style, link: link))
        }
    }

    public var isEmpty: Bool { characters.isEmpty }
    public var displayWidth: Int { characters.reduce(0) { $0 + $1.character.displayWidth } }
    public var plainText: String { String(characters.map(\.character)) }

    /// Replaces characters that would move the cursor or start an escape sequence.
    static func printable(_ c: Character) -> Character {
        if c == "\n" { return c }
        if c == "\t" || c == "\r\n" || c == "\r" { return " " }
        guard let v = c.unicodeScalars.first?.value else { return c }
        if v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) { return "\u{FFFD}" }
        return c
    }

    // MARK: Wrapping

    /// Characters that must not start a line.
    static let noBreakBefore: Set<Character> = Set("，。、；：！？）」』】〉》〕｝］・…‥ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々,.;:!?)]}%’”»")
    /// Characters that must not end a line.
    static let noBreakAfter: Set<Character> = Set("（「『【〈《〔｛［‘“([{«")

    static func mayBreak(between a: Character, and b: Character) -> Bool {
        (a.allowsBreakWithoutSpace || b.allowsBreakWithoutSpace)
            && !noBreakBefore.contains(b) && !noBreakAfter.contains(a)
    }

    /// Lines of at most `width` columns (at least one line, possibly empty).
    public func wrapped(width: Int) -> [StyledText] {
        let width = max(width, 1)
        var lines: [StyledText] = []
        var line = StyledText(), lineWidth = 0
        var word: [StyledCharacter] = [], wordWidth = 0
        var pendingSpace: StyledCharacter?

        func endLine() {
            lines.append(line)
            line = StyledText()
            lineWidth = 0
        }
        func placeWord() {
            guard !word.isEmpty else { return }
            let spaceWidth = (pendingSpace != nil && !line.isEmpty) ? 1 : 0
            if lineWidth + spaceWidth + wordWidth <= width {
                if spaceWidth == 1, let space = pendingSpace { line.characters.append(space) }
                line.characters += word
                lineWidth += spaceWidth + wordWidth
            } else {
                if !line.isEmpty { endLine() }
                for c in word {  // a word wider than the line is broken where it must be
                    let w = c.character.displayWidth
                    if lineWidth + w > width && !line.isEmpty { endLine() }
                    line.characters.append(c)
                    lineWidth += w
                }
            }
            word = []
            wordWidth = 0
            pendingSpace = nil
        }

        for c in characters {
            switch c.character {
            case "\n":
                placeWord()
                endLine()
                pendingSpace = nil
            case " ":
                placeWord()
                if !line.isEmpty { pendingSpace = c }
            default:
                if let last = word.last, Self.mayBreak(between: last.character, and: c.character) { placeWord() }
                word.append(c)
                wordWidth += c.character.displayWidth
            }
        }
        placeWord()
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: Encoding

    /// The line as a string: with `color`, SGR styles and OSC 8 links; without, bare text.
    public func encoded(color: Bool) -> String {
        guard color else { return plainText }
        var out = ""
        var style = TextStyle.plain
        var link: String? = nil
        for c in characters {
            if c.link != link {
                if link != nil { out += Self.osc8(nil) }
                if let url = c.link { out += Self.osc8(url) }
                link = c.link
            }
            if c.style != style {
                if style != .plain { out += TextStyle.reset }
                out += c.style.sgr
                style = c.style
            }
            out.append(c.character)
        }
        if style != .plain { out += TextStyle.reset }
        if link != nil { out += Self.osc8(nil) }
        return out
    }

    /// An OSC 8 hyperlink opener (with a URL) or closer (without).
    static func osc8(_ url: String?) -> String {
        let safe = (url ?? "").unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        return "\u{1B}]8;;" + String(String.UnicodeScalarView(safe)) + "\u{1B}\\"
    }
}
