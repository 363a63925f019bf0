/// The HTML note renderer: cmark's HTML for every CommonMark spec example,
/// walked from our own tree, and what the site adds on top (heading ids, links
/// between notes, demo and quiz blocks through the hook).
import HTML
import Markdown
import Report
import TestSupport
import Testing

@Suite struct HTMLNoteRendererSpecTests {
    /// With raw HTML allowed and no heading ids, the walk writes what the spec
    /// (and cmark) writes, byte for byte, for all 652 examples.
    @Test func everySpecExampleGivesTheSpecHTML() throws {
        let examples = try CommonMarkSpec.all()
        let renderer = HTMLNoteRenderer(options: .init(unsafe: true, headingIDs: false))
        var exact = 0, normalised = 0
        for example in examples {
            let html = renderer.render(MarkdownParser.parse(example.markdown))
            if html == example.html { exact += 1 }
            if SpecHTML.normalise(html) == SpecHTML.normalise(example.html) { normalised += 1 }
            #expect(SpecHTML.normalise(html) == SpecHTML.normalise(example.html), "\(example)\n\(example.markdown)")
        }
        print("HTML note renderer: \(normalised)/\(examples.count) spec examples equal after normalising, \(exact) byte for byte")
        #expect(normalised == 652)
        #expect(exact == 652)
    }

    /// In its safe default it writes what cmark's default writes: no raw HTML, no `javascript:` links.
    @Test func theSafeDefaultMatchesCmarksDefault() throws {
        let renderer = HTMLNoteRenderer(options: .init(headingIDs: false))
        for example in try CommonMarkSpec.all() {
            #expect(renderer.render(MarkdownParser.parse(example.markdown)) == MarkdownParser.html(example.markdown), "\(example)")
        }
    }
}

@Suite struct HTMLNoteRendererTests {
    @Test func headingsGetTheAnchorsCheckUses() {
        let html = HTMLNoteRenderer().render(MarkdownParser.parse("# The GAN game\n\n## Why *it* works\n\n## Why it works\n"))
        #expect(
            html == """
                <h1 id="the-gan-game">The GAN game</h1>
                <h2 id="why-it-works">Why <em>it</em> works</h2>
                <h2 id="why-it-works-1">Why it works</h2>

                """)
    }

    @Test func linksBetweenNotesPointAtTheirPages() {
        let renderer = HTMLNoteRenderer(pages: ["07-mode-collapse.md": "mode-collapse.html"])
        let html = renderer.render(
            MarkdownParser.parse(
                "[a](07-mode-collapse.md) [b](07-mode-collapse.md#pacgan-packing) [c](08-x.md) [d](https://x.org/07-mode-collapse.md)"))
        #expect(
            html == """
                <p><a href="mode-collapse.html">a</a> <a href="mode-collapse.html#pacgan-packing">b</a> \
                <a href="08-x.md">c</a> <a href="https://x.org/07-mode-collapse.md">d</a></p>

                """)
    }

    @Test func demoAndQuizBlocksComeFromTheHookWithTheirLine() {
        let source = "Text.\n\n```demo\njsd --p \"N(0,1)\"\n```\n\n- ```quiz\n  Q: x\n  ```\n\n```swift\nlet x = 1\n```\n"
        let renderer = HTMLNoteRenderer { code, block in
            switch code.language {
            case "demo": return "<div class=\"demo-cell\" data-line=\"\(block.line)\">\(escape(code.literal))</div>"
            case "quiz": return "<details data-line=\"\(block.line)\"></details>"
            default: return nil
            }
        }
        #expect(
            renderer.render(MarkdownParser.parse(source)) == """
                <p>Text.</p>
                <div class="demo-cell" data-line="3">jsd --p &quot;N(0,1)&quot;
                </div>
                <ul>
                <li>
                <details data-line="7"></details>
                </li>
                </ul>
                <pre><code class="language-swift">let x = 1
                </code></pre>

                """)
    }

    @Test func rawHTMLAndDangerousURLsAreOmittedByDefault() {
        let html = HTMLNoteRenderer().render(MarkdownParser.parse("<div>x</div>\n\n[a](javascript:alert(1)) <b>y</b> ![i](data:image/png;base64,AA)"))
        #expect(
            html == """
                <!-- raw HTML omitted -->
                <p><a href="">a</a> <!-- raw HTML omitted -->y<!-- raw HTML omitted --> <img src="data:image/png;base64,AA" alt="i" /></p>

                """)
    }

    @Test func unknownNodesAreShownAsText() {
        let document = Document(blocks: [
            Block(
                .unknown(
                    typeName: "table", literal: "a | b",
                    children: [
                        Block(
                            .paragraph([
                                .text("x "), .unknown(typeName: "strikethrough", literal: "", children: [.text("<y>")]),
                            ]), line: 2, endLine: 2)
                    ]), line: 1, endLine: 2)
        ])
        #expect(HTMLNoteRenderer().render(document) == "<p>a | b</p>\n<p>x &lt;y&gt;</p>\n")
    }

    @Test func theStylesheetIsCompiledIn() {
        #expect(HTMLStyle.css.contains("svg .reference"))
        #expect(HTMLStyle.css.contains(".demo-cell"))
    }
}

/// The spec's own normalisation (`test/normalize.py` of commonmark-spec), the
/// part that matters for cmark-like output: whitespace next to block-level tags
/// is dropped, other runs of whitespace become one space, outside `<pre>`.
enum SpecHTML {
    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button", "object",
        "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div", "section", "dl",
        "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th", "figure", "thead",
        "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]

    static func normalise(_ html: String) -> String {
        var pieces: [(text: String, isTag: Bool)] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            if open > rest.startIndex { pieces.append((String(rest[..<open]), false)) }
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            pieces.append((String(rest[open...close]), true))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append((String(rest), false)) }
        func tagName(_ tag: String) -> String {
            String(tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
        }
        var out = "", inPre = false
        for (i, piece) in pieces.enumerated() {
            if piece.isTag {
                let name = tagName(piece.text)
                if name == "pre" { inPre = !piece.text.hasPrefix("</") }
                out += piece.text
                continue
            }
            if inPre { out += piece.text; continue }
            var text = piece.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if piece.text.first?.isWhitespace == true { text = " " + text }
            if piece.text.last?.isWhitespace == true && !text.hasSuffix(" ") { text += " " }
            let afterBlock = i > 0 && pieces[i - 1].isTag && blockTags.contains(tagName(pieces[i - 1].text))
            let beforeBlock = i + 1 < pieces.count && pieces[i + 1].isTag && blockTags.contains(tagName(pieces[i + 1].text))
            if afterBlock || i == 0 { text = String(text.drop { $0 == " " }) }
            if beforeBlock || i == pieces.count - 1 { text = String(text.reversed().drop { $0 == " " }.reversed()) }
            out += text
        }
        return out
    }
}

/// A plane at an equal scale in the SVG (issue 25 §3): the plot area of a
/// square box is square, so the ring is round.
@Suite struct SVGEqualScaleTests {
    static func area(_ svg: String) -> (width: Double, height: Double)? {
        guard let rect = svg.firstMatch(of: /<clipPath id="[^"]*"><rect x="[^"]*" y="[^"]*" width="([0-9.]+)" height="([0-9.]+)"/) else { return nil }
        return (Double(rect.output.1)!, Double(rect.output.2)!)
    }

    static func plot(equalScale: Bool) -> Plot {
        Plot(
            title: "ring", kind: .scatter, xLabel: "x₁", yLabel: "x₂", series: [Plot.Series(name: "modes", x: [2, 0, -2, 0], y: [0, 2, 0, -2])],
            yRange: -3...3, xRange: -3...3, equalScale: equalScale)
    }

    @Test func aSquareBoxGetsASquareArea() throws {
        let square = try #require(Self.area(SVGPlot.render(Self.plot(equalScale: true), id: "a")))
        #expect(abs(square.width - square.height) < 0.2, "\(square)")
        let free = try #require(Self.area(SVGPlot.render(Self.plot(equalScale: false), id: "b")))
        #expect(free.width > 1.5 * free.height, "without equal scale the area is the usual wide one: \(free)")
    }
}

/// Issue 25 §3: a plot's title above the plot, and legend entries that do not
/// run into each other in Chinese.
@Suite struct SVGLegendAndCaptionTests {
    static func plot(names: [String]) -> Plot {
        Plot(
            title: "最终样本", kind: .scatter, xLabel: "x₁", yLabel: "x₂",
            series: names.enumerated().map { k, name in Plot.Series(name: name, x: [Double(k), 1], y: [0, Double(k)]) })
    }

    /// The x of each legend text, in order.
    static func legendXs(_ svg: String) -> [Double] {
        svg.matches(of: /<text class="legend" x="([0-9.]+)"/).compactMap { Double($0.output.1) }
    }

    @Test func theCaptionComesBeforeItsPlot() throws {
        let report = Report(title: "r", items: [.plot(Self.plot(names: ["a"])), .plot(Self.plot(names: ["b"]))])
        let html = ReportHTML.render(report, id: "r")
        for figure in html.split(separator: "<figure").dropFirst() {
            let caption = try #require(figure.range(of: "<figcaption>"))
            let svg = try #require(figure.range(of: "<svg"))
            #expect(caption.lowerBound < svg.lowerBound, "\(figure)")
        }
    }

    /// A legend entry starts after the previous one's text ends, reckoning a
    /// CJK character a full 12 px em.
    @Test func chineseLegendEntriesDoNotOverlap() {
        let names = ["模式中心", "生成", "真实数据样本"]
        let xs = Self.legendXs(SVGPlot.render(Self.plot(names: names), id: "p"))
        #expect(xs.count == names.count)
        for k in 1..<min(xs.count, names.count) where xs[k] > xs[k - 1] {
            let textEnd = xs[k - 1] + Double(names[k - 1].count) * 12
            #expect(xs[k] - 28 > textEnd, "entry \(k) at \(xs[k]) starts inside \(names[k - 1]) (ends \(textEnd))")
        }
    }
}

@Suite struct HTMLTableTests {
    @Test func aPipeTableIsAnHTMLTable() {
        let html = HTMLNoteRenderer().render(MarkdownParser.parse("| a | b |\n|---|--:|\n| 1 | *2* |\n", tables: true))
        #expect(html.contains("<th>a</th>"), "\(html)")
        #expect(html.contains("<td style=\"text-align: right\"><em>2</em></td>"), "\(html)")
    }
}

/// Issue 25 §3: a long number must not wrap inside its figure cell.
@Suite struct HTMLNumberCellTests {
    @Test func numberCellsDoNotWrap() throws {
        let rule = try #require(HTMLStyle.css.firstMatch(of: /td\.num \{([^}]*)\}/))
        #expect(rule.output.1.contains("white-space: nowrap"), "\(rule.output.1)")
    }
}
