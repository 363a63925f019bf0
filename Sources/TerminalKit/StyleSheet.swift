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
package struct TextStyle: Sendable, Equatable, Hashable {
    package var bold = false
    package var dim = false
    package var italic = false
    package var underline = false
    /// An SGR foreground code: 31 red … 36 cyan, 90–97 bright.
    package var foreground: Int? = nil

    package init(bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false, foreground: Int? = nil) {
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.foreground = foreground
    }

    package static let plain = TextStyle()

    /// This style laid over `base` (flags combine; a colour replaces).
    package func over(_ base: TextStyle) -> TextStyle {
        TextStyle(
            bold: bold || base.bold, dim: dim || base.dim, italic: italic || base.italic,
            underline: underline || base.underline, foreground: foreground ?? base.foreground)
    }

    /// The escape sequence that turns this style on, or "" for plain.
    package var sgr: String {
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if italic { codes.append("3") }
        if underline { codes.append("4") }
        if let foreground { codes.append(String(foreground)) }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    package static let reset = "\u{1B}[0m"
}

/// How one kind of inline span looks: its style, and the markers around it
/// (empty with colour; `_`, `**`, `` ` `` without).
package struct SpanLook: Sendable {
    package var style: TextStyle
    package var open: String
    package var close: String

    package init(style: TextStyle, open: String = "", close: String = "") {
        self.style = style
        self.open = open
        self.close = close
    }
}

/// How a link's target is shown.
package enum LinkPresentation: Sendable, Equatable {
    /// An OSC 8 hyperlink around the text (clickable in most terminals).
    case hyperlink
    /// The URL written after the text, between `open` and `close` (` <`, `>`).
    case urlAfterText(open: String, close: String)
}

/// How one series of a plot is drawn: its marker (the same with or without
/// colour) and its style.
package struct SeriesLook: Sendable, Equatable {
    package var marker: Character
    package var style: TextStyle
}

/// How a horizontal reference line is drawn: a glyph of its own, so that two
/// reference lines differ without colour (`···` and `- -`).
package struct ReferenceLook: Sendable, Equatable {
    package var glyph: Character
    package var style: TextStyle
}

package struct StyleSheet: Sendable {
    /// Whether escape sequences (SGR colours, OSC 8 links) are written at all;
    /// also part of the rendered-text cache key.
    package var color: Bool

    // Blocks
    package var headings: [TextStyle]  // levels 1…6
    package var headingRules: [Character?]  // rule drawn under the heading, by level
    package var headingPrefixes: [String]  // text before the heading, by level
    package var headingPrefixStyle: TextStyle  // laid over the heading's own style
    package var bullets: [String]  // by nesting depth, cycling
    package var listMarker: TextStyle
    package var quoteBar: String
    package var quoteBarStyle: TextStyle
    package var frame: TextStyle  // code block, cell and plot frames
    package var frameTop: String, frameSide: String, frameBottom: String
    package var frameRule: Character
    /// Replaces `frameSide` on the rows a too-long code line wraps onto, so the
    /// wrap is marked outside the text (as `bat` does) and a copy of the text
    /// column gives the original line.
    package var frameContinuation: String
    package var codeBlockText: TextStyle
    package var thematicBreak: Character
    package var htmlStyle: TextStyle
    /// Shown for a node kind the renderer does not know (never dropped).
    package var unknownStyle: TextStyle
    package var demoPrompt: String
    package var demoStyle: TextStyle
    package var hintStyle: TextStyle
    /// Before each line of a demo cell's output.
    package var cellGutter: String
    package var failureMark: String
    package var failureStyle: TextStyle

    // Inlines
    package var emphasis: SpanLook
    package var strong: SpanLook
    package var inlineCode: SpanLook
    package var link: TextStyle
    package var linkPresentation: LinkPresentation
    package var linkURL: TextStyle
    package var image: TextStyle
    package var imageOpen: String, imageClose: String
    /// Around an image's URL, which is shown with or without colour.
    package var imageURLOpen: String, imageURLClose: String

    // Reports and plots
    package var reportTitleRule: Character
    package var figureValue: TextStyle
    package var tableTitle: TextStyle
    package var tableHeader: TextStyle
    package var contentsHeader: TextStyle
    package var plotTitle: TextStyle
    package var axisLabel: TextStyle
    package var axisVertical: Character, axisTick: Character, axisCorner: Character
    package var axisHorizontal: Character, axisTickDown: Character
    /// A bar chart's cell filled by eighths, from empty to full (the quiz's forecast).
    package var barEighths: [Character]
    package var series: [SeriesLook]  // by series index, cycling
    package var references: [ReferenceLook]  // by reference index, cycling
    // Quiz sessions
    package var quizQuestion: TextStyle
    package var quizAnswer: TextStyle
    package var quizRight: TextStyle
    package var quizClose: TextStyle
    package var quizWhy: TextStyle

    /// A scatter cell where points of two or more series fall together, so that
    /// neither hides the other.
    package var overlap: SeriesLook

    /// ganbook's look with colour, or `plain`.
    package init(color: Bool) {
        self = color ? .colored : .plain
    }

    /// ganbook's look in colour.
    package static let colored = StyleSheet(colored: ())

    /// The same look without escape sequences.
    package static let plain: StyleSheet = {
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
    package func paint(_ text: String, _ style: TextStyle) -> String {
        guard !text.isEmpty else { return text }
        let on = style.sgr
        return on.isEmpty ? text : on + text + TextStyle.reset
    }

    package func heading(_ level: Int) -> TextStyle { headings[min(max(level, 1), 6) - 1] }
    package func headingRule(_ level: Int) -> Character? { headingRules[min(max(level, 1), 6) - 1] }
    package func headingPrefix(_ level: Int) -> String { headingPrefixes[min(max(level, 1), 6) - 1] }
    package func bullet(depth: Int) -> String { bullets[depth % bullets.count] }
    package func series(_ index: Int) -> SeriesLook { series[index % series.count] }
    package func reference(_ index: Int) -> ReferenceLook { references[index % references.count] }
}
