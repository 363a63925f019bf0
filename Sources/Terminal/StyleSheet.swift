/// The look of rendered Markdown: colours, glyphs and markers, kept apart from
/// the tree walk in `TerminalRenderer`, which only asks the sheet.
///
/// `StyleSheet(color: false)` is the same look without escape sequences: the
/// glyphs (heading rules, bullets, bars, frames) stay, and emphasis, strong and
/// inline code fall back to Markdown-like markers so they stay visible.

/// An SGR text style (bold, dim, italic, underline, a foreground colour).
public struct TextStyle: Sendable, Equatable, Hashable {
    public var bold = false
    public var dim = false
    public var italic = false
    public var underline = false
    /// An SGR foreground code: 31 red … 36 cyan, 90–97 bright.
    public var foreground: Int? = nil

    public init(bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false, foreground: Int? = nil) {
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.foreground = foreground
    }

    public static let plain = TextStyle()

    /// This style laid over `base` (flags combine; a colour replaces).
    public func over(_ base: TextStyle) -> TextStyle {
        TextStyle(bold: bold || base.bold, dim: dim || base.dim, italic: italic || base.italic,
                  underline: underline || base.underline, foreground: foreground ?? base.foreground)
    }

    /// The escape sequence that turns this style on, or "" for plain.
    public var sgr: String {
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if italic { codes.append("3") }
        if underline { codes.append("4") }
        if let foreground { codes.append(String(foreground)) }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    public static let reset = "\u{1B}[0m"
}

/// How one kind of inline span looks: its style with colour, and the markers
/// around it without colour.
public struct SpanLook: Sendable {
    public var style: TextStyle
    public var plainOpen: String
    public var plainClose: String
}

public struct StyleSheet: Sendable {
    /// Whether escape sequences (SGR colours, OSC 8 links) are written at all.
    public var color: Bool

    // Blocks
    public var headings: [TextStyle]            // levels 1…6
    public var headingRules: [Character?]       // rule drawn under the heading, by level
    public var headingPrefixes: [String]        // text before the heading, by level
    public var bullets: [String]                // by nesting depth, cycling
    public var listMarker: TextStyle
    public var quoteBar: String
    public var quoteBarStyle: TextStyle
    public var frame: TextStyle                 // code block and cell frames
    public var frameTop: String, frameSide: String, frameBottom: String
    public var frameRule: Character
    public var codeBlockText: TextStyle
    public var thematicBreak: Character
    public var htmlStyle: TextStyle
    public var demoPrompt: String
    public var demoStyle: TextStyle
    public var hintStyle: TextStyle

    // Inlines
    public var emphasis: SpanLook
    public var strong: SpanLook
    public var inlineCode: SpanLook
    public var link: TextStyle
    public var linkURL: TextStyle
    public var image: TextStyle

    /// ganbook's look, with or without colour.
    public init(color: Bool) {
        self.color = color
        headings = [
            TextStyle(bold: true, foreground: 35), TextStyle(bold: true, foreground: 36),
            TextStyle(bold: true, foreground: 34), TextStyle(bold: true),
            TextStyle(bold: true, italic: true), TextStyle(italic: true),
        ]
        headingRules = ["═", "─", nil, nil, nil, nil]
        headingPrefixes = ["", "", "### ", "#### ", "##### ", "###### "]
        bullets = ["•", "◦", "▪", "‣"]
        listMarker = TextStyle(foreground: 33)
        quoteBar = "│ "
        quoteBarStyle = TextStyle(foreground: 90)
        frame = TextStyle(foreground: 90)
        frameTop = "╭─ "
        frameSide = "│ "
        frameBottom = "╰"
        frameRule = "─"
        codeBlockText = TextStyle(foreground: 33)
        thematicBreak = "─"
        htmlStyle = TextStyle(dim: true)
        demoPrompt = "▶ "
        demoStyle = TextStyle(bold: true, foreground: 32)
        hintStyle = TextStyle(dim: true, italic: true)
        emphasis = SpanLook(style: TextStyle(italic: true), plainOpen: "_", plainClose: "_")
        strong = SpanLook(style: TextStyle(bold: true), plainOpen: "**", plainClose: "**")
        inlineCode = SpanLook(style: TextStyle(foreground: 33), plainOpen: "`", plainClose: "`")
        link = TextStyle(underline: true, foreground: 34)
        linkURL = TextStyle(dim: true)
        image = TextStyle(foreground: 35)
    }

    /// `text` in `style`, or bare text without colour.
    public func paint(_ text: String, _ style: TextStyle) -> String {
        guard color, !text.isEmpty else { return text }
        let on = style.sgr
        return on.isEmpty ? text : on + text + TextStyle.reset
    }

    func heading(_ level: Int) -> TextStyle { headings[min(max(level, 1), 6) - 1] }
    func headingRule(_ level: Int) -> Character? { headingRules[min(max(level, 1), 6) - 1] }
    func headingPrefix(_ level: Int) -> String { headingPrefixes[min(max(level, 1), 6) - 1] }
    func bullet(depth: Int) -> String { bullets[depth % bullets.count] }
}
