/// The look of everything ganbook draws in a terminal: colours, glyphs and
/// markers for notes (`TerminalRenderer`), reports and plots (`ReportRenderer`,
/// `TerminalPlot`), demo cells and the contents. Renderers only walk their data
/// and ask the sheet; no renderer holds a colour, a glyph or a marker of its own.
///
/// Without colour there is one more sheet, `StyleSheet.plain`, not a branch in
/// each renderer: its styles are all plain, emphasis, strong and inline code
/// carry Markdown-like markers, and links show their URL after the text instead
/// of being OSC 8 hyperlinks. Glyphs (heading rules, bullets, bars, frames) and
/// plot markers are the same in both, so that a plot reads without colour.
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
        TextStyle(
            bold: bold || base.bold, dim: dim || base.dim, italic: italic || base.italic,
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

/// How one kind of inline span looks: its style, and the markers around it
/// (empty with colour; `_`, `**`, `` ` `` without).
public struct SpanLook: Sendable {
    public var style: TextStyle
    public var open: String
    public var close: String

    public init(style: TextStyle, open: String = "", close: String = "") {
        self.style = style
        self.open = open
        self.close = close
    }
}

/// How a link's target is shown.
public enum LinkPresentation: Sendable, Equatable {
    /// An OSC 8 hyperlink around the text (clickable in most terminals).
    case hyperlink
    /// The URL written after the text, between `open` and `close` (` <`, `>`).
    case urlAfterText(open: String, close: String)
}

/// How one series of a plot is drawn: its marker (the same with or without
/// colour) and its style.
public struct SeriesLook: Sendable, Equatable {
    public var marker: Character
    public var style: TextStyle
}

/// How a horizontal reference line is drawn: a glyph of its own, so that two
/// reference lines differ without colour (`···` and `- -`).
public struct ReferenceLook: Sendable, Equatable {
    public var glyph: Character
    public var style: TextStyle
}

public struct StyleSheet: Sendable {
    /// Whether escape sequences (SGR colours, OSC 8 links) are written at all;
    /// also part of the rendered-text cache key.
    public var color: Bool

    // Blocks
    public var headings: [TextStyle]  // levels 1…6
    public var headingRules: [Character?]  // rule drawn under the heading, by level
    public var headingPrefixes: [String]  // text before the heading, by level
    public var headingPrefixStyle: TextStyle  // laid over the heading's own style
    public var bullets: [String]  // by nesting depth, cycling
    public var listMarker: TextStyle
    public var quoteBar: String
    public var quoteBarStyle: TextStyle
    public var frame: TextStyle  // code block, cell and plot frames
    public var frameTop: String, frameSide: String, frameBottom: String
    public var frameRule: Character
    /// Replaces `frameSide` on the rows a too-long code line wraps onto, so the
    /// wrap is marked outside the text (as `bat` does) and a copy of the text
    /// column gives the original line.
    public var frameContinuation: String
    public var codeBlockText: TextStyle
    public var thematicBreak: Character
    public var htmlStyle: TextStyle
    /// Shown for a node kind the renderer does not know (never dropped).
    public var unknownStyle: TextStyle
    public var demoPrompt: String
    public var demoStyle: TextStyle
    public var hintStyle: TextStyle
    /// Before each line of a demo cell's output.
    public var cellGutter: String
    public var failureMark: String
    public var failureStyle: TextStyle

    // Inlines
    public var emphasis: SpanLook
    public var strong: SpanLook
    public var inlineCode: SpanLook
    public var link: TextStyle
    public var linkPresentation: LinkPresentation
    public var linkURL: TextStyle
    public var image: TextStyle
    public var imageOpen: String, imageClose: String
    /// Around an image's URL, which is shown with or without colour.
    public var imageURLOpen: String, imageURLClose: String

    // Reports and plots
    public var reportTitleRule: Character
    public var figureValue: TextStyle
    public var tableTitle: TextStyle
    public var tableHeader: TextStyle
    public var contentsHeader: TextStyle
    public var plotTitle: TextStyle
    public var axisLabel: TextStyle
    public var axisVertical: Character, axisTick: Character, axisCorner: Character
    public var axisHorizontal: Character, axisTickDown: Character
    /// A bar chart's cell filled by eighths, from empty to full (the quiz's forecast).
    public var barEighths: [Character]
    public var series: [SeriesLook]  // by series index, cycling
    public var references: [ReferenceLook]  // by reference index, cycling
    // Quiz sessions
    public var quizQuestion: TextStyle
    public var quizAnswer: TextStyle
    public var quizRight: TextStyle
    public var quizClose: TextStyle
    public var quizWhy: TextStyle

    /// A scatter cell where points of two or more series fall together, so that
    /// neither hides the other.
    public var overlap: SeriesLook

    /// ganbook's look with colour, or `plain`.
    public init(color: Bool) {
        self = color ? .colored : .plain
    }

    /// ganbook's look in colour.
    public static let colored = StyleSheet(colored: ())

    /// The same look without escape sequences.
    public static let plain: StyleSheet = {
        var sheet = StyleSheet(colored: ())
        sheet.color = false
        sheet.headings = sheet.headings.map { _ in .plain }
        // Written out, not a loop over key paths: those are built at run time, at every start.
        sheet.headingPrefixStyle = .plain; sheet.listMarker = .plain; sheet.quoteBarStyle = .plain; sheet.frame = .plain
        sheet.codeBlockText = .plain; sheet.htmlStyle = .plain; sheet.unknownStyle = .plain; sheet.demoStyle = .plain; sheet.hintStyle = .plain
        sheet.failureStyle = .plain; sheet.link = .plain; sheet.linkURL = .plain; sheet.image = .plain; sheet.figureValue = .plain
        sheet.tableTitle = .plain; sheet.tableHeader = .plain; sheet.contentsHeader = .plain; sheet.plotTitle = .plain; sheet.axisLabel = .plain
        sheet.quizQuestion = .plain; sheet.quizAnswer = .plain; sheet.quizRight = .plain; sheet.quizClose = .plain; sheet.quizWhy = .plain
        sheet.emphasis = SpanLook(style: .plain, open: "_", close: "_")
        sheet.strong = SpanLook(style: .plain, open: "**", close: "**")
        sheet.inlineCode = SpanLook(style: .plain, open: "`", close: "`")
        sheet.linkPresentation = .urlAfterText(open: " <", close: ">")
        sheet.series = sheet.series.map { SeriesLook(marker: $0.marker, style: .plain) }
        sheet.references = sheet.references.map { ReferenceLook(glyph: $0.glyph, style: .plain) }
        sheet.overlap.style = .plain
        return sheet
    }()

    private init(colored: Void) {
        color = true
        headings = [
            TextStyle(bold: true, foreground: 35), TextStyle(bold: true, foreground: 36),
            TextStyle(bold: true, foreground: 34), TextStyle(bold: true),
            TextStyle(bold: true, italic: true), TextStyle(italic: true),
        ]
        headingRules = ["═", "─", nil, nil, nil, nil]
        headingPrefixes = ["", "", "### ", "#### ", "##### ", "###### "]
        headingPrefixStyle = TextStyle(dim: true)
        bullets = ["•", "◦", "▪", "‣"]
        listMarker = TextStyle(foreground: 33)
        quoteBar = "│ "
        quoteBarStyle = TextStyle(foreground: 90)
        frame = TextStyle(foreground: 90)
        frameTop = "╭─ "
        frameSide = "│ "
        frameBottom = "╰"
        frameRule = "─"
        frameContinuation = "↪ "
        codeBlockText = TextStyle(foreground: 33)
        thematicBreak = "─"
        htmlStyle = TextStyle(dim: true)
        unknownStyle = TextStyle(dim: true)
        demoPrompt = "▶ "
        demoStyle = TextStyle(bold: true, foreground: 32)
        hintStyle = TextStyle(dim: true, italic: true)
        cellGutter = "┃ "
        failureMark = "✗ "
        failureStyle = TextStyle(bold: true, foreground: 31)
        emphasis = SpanLook(style: TextStyle(italic: true))
        strong = SpanLook(style: TextStyle(bold: true))
        inlineCode = SpanLook(style: TextStyle(foreground: 33))
        link = TextStyle(underline: true, foreground: 34)
        linkPresentation = .hyperlink
        linkURL = TextStyle(dim: true)
        image = TextStyle(foreground: 35)
        imageOpen = "[image: "
        imageClose = "]"
        imageURLOpen = " <"
        imageURLClose = ">"
        reportTitleRule = "─"
        figureValue = TextStyle(bold: true)
        tableTitle = TextStyle(bold: true)
        tableHeader = TextStyle(underline: true)
        contentsHeader = TextStyle(bold: true)
        plotTitle = TextStyle(bold: true)
        axisLabel = TextStyle(dim: true)
        axisVertical = "│"
        axisTick = "┤"
        axisCorner = "└"
        axisHorizontal = "─"
        axisTickDown = "┬"
        barEighths = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        // Written out, as below: a zip or map here costs its generic types' set-up at every start.
        series = [
            SeriesLook(marker: "*", style: TextStyle(foreground: 36)), SeriesLook(marker: "o", style: TextStyle(foreground: 33)),
            SeriesLook(marker: "+", style: TextStyle(foreground: 35)), SeriesLook(marker: "x", style: TextStyle(foreground: 32)),
            SeriesLook(marker: "#", style: TextStyle(foreground: 31)), SeriesLook(marker: "@", style: TextStyle(foreground: 34)),
            SeriesLook(marker: "%", style: TextStyle(foreground: 37)), SeriesLook(marker: "&", style: TextStyle(foreground: 91)),
        ]
        let dim = TextStyle(dim: true)
        references = [
            ReferenceLook(glyph: "·", style: dim), ReferenceLook(glyph: "-", style: dim), ReferenceLook(glyph: "=", style: dim),
            ReferenceLook(glyph: "~", style: dim), ReferenceLook(glyph: ":", style: dim),
        ]
        overlap = SeriesLook(marker: "◆", style: TextStyle(bold: true))
        quizQuestion = TextStyle(bold: true)
        quizAnswer = TextStyle(bold: true, foreground: 36)
        quizRight = TextStyle(bold: true, foreground: 32)
        quizClose = TextStyle(bold: true, foreground: 33)
        quizWhy = TextStyle(italic: true)
    }

    /// `text` in `style` (bare text for a plain style).
    public func paint(_ text: String, _ style: TextStyle) -> String {
        guard !text.isEmpty else { return text }
        let on = style.sgr
        return on.isEmpty ? text : on + text + TextStyle.reset
    }

    public func heading(_ level: Int) -> TextStyle { headings[min(max(level, 1), 6) - 1] }
    package func headingRule(_ level: Int) -> Character? { headingRules[min(max(level, 1), 6) - 1] }
    package func headingPrefix(_ level: Int) -> String { headingPrefixes[min(max(level, 1), 6) - 1] }
    package func bullet(depth: Int) -> String { bullets[depth % bullets.count] }
    public func series(_ index: Int) -> SeriesLook { series[index % series.count] }
    public func reference(_ index: Int) -> ReferenceLook { references[index % references.count] }
}
