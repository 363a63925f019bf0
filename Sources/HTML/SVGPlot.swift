/// Plots as inline SVG for the HTML export: axes with ticks and labels, a
/// legend, and series told apart by colour, dash pattern and marker shape, so
/// that they stay distinguishable in print and without colour. Layout only;
/// the numbers come from the report.
import Report

import Glibc

package enum SVGPlot {
    static let width = 640.0, height = 360.0
    static let left = 64.0, right = 16.0, top = 36.0, bottom = 56.0
    static let dashes = ["", "6 4", "2 3", "8 3 2 3", "12 4", "1 2"]
    /// Each reference line its own pattern, so two of them differ in print.
    static let referenceDashes = ["3 3", "9 3", "1 3", "9 3 1 3"]

    /// Where a plot's values fall: the same axes as the terminal's (at least
    /// four ticks, both ends labelled) and the plotting area's size.
    struct Frame {
        let xAxis: Ticks.Axis, yAxis: Ticks.Axis
        let plotWidth: Double, plotHeight: Double
        /// x as drawn: log₁₀ x on a log axis (non-positive x: −∞, a gap).
        let toX: (Double) -> Double

        /// Nil when there is nothing finite to plot.
        init?(_ plot: Plot) {
            toX = plot.logX ? { $0 > 0 ? log10($0) : -.infinity } : { $0 }
            let xs = plot.series.flatMap(\.x).map(toX).filter(\.isFinite)
            let ys = plot.series.flatMap(\.y).filter(\.isFinite) + plot.references.map(\.y).filter(\.isFinite)
            guard let xMin = xs.min(), let xMax = xs.max(), !ys.isEmpty || plot.yRange != nil else { return nil }
            yAxis = plot.yRange.map { Ticks.axis($0.lowerBound, $0.upperBound, fixed: true) } ?? Ticks.axis(ys.min()!, ys.max()!)
            xAxis =
                plot.xRange.map { Ticks.axis($0.lowerBound, $0.upperBound, fixed: true) }
                ?? (plot.logX ? Ticks.logarithmicAxis(xMin, xMax) : Ticks.axis(xMin, xMax))
            plotHeight = SVGPlot.height - top - bottom
            // An equal-scale plot is as wide as its height makes a unit of x as long as one of y.
            let full = SVGPlot.width - left - right
            let (x0, x1, yLow, yHigh) = (xAxis.low, xAxis.high, yAxis.low, yAxis.high)
            plotWidth = plot.equalScale && yHigh > yLow ? min(full, plotHeight * (x1 - x0) / (yHigh - yLow)) : full
        }

        func px(_ x: Double) -> Double { left + (x - xAxis.low) / (xAxis.high - xAxis.low) * plotWidth }
        func py(_ y: Double) -> Double { top + (yAxis.high - y) / (yAxis.high - yAxis.low) * plotHeight }
    }

    /// A coordinate as the SVG writes it: one decimal.
    static func f(_ v: Double) -> String { NumberFormatting.printf("%.1f", v) }

    /// `id` must be unique on the page: it names the plot's clip path.
    package static func render(_ plot: Plot, id: String) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(plot.title))\">"
        svg += "<title>\(escape(plot.title))</title>"
        guard let frame = Frame(plot) else {
            return svg + "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\">no finite values to plot</text></svg>"
        }
        return svg + axes(plot, frame) + data(plot, frame, id: id) + legend(plot) + "</svg>"
    }

    /// The axes, their ticks and labels, the grid lines at the y ticks, and the axis labels.
    static func axes(_ plot: Plot, _ frame: Frame) -> String {
        let (plotWidth, plotHeight) = (frame.plotWidth, frame.plotHeight)
        let bottomY = f(top + plotHeight)
        var svg = "<g class=\"axes\">"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(bottomY)\" x2=\"\(f(left + plotWidth))\" y2=\"\(bottomY)\"/>"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(bottomY)\"/>"
        for t in frame.yAxis.ticks where t >= frame.yAxis.low - 1e-12 && t <= frame.yAxis.high + 1e-12 {
            let y = frame.py(t)
            svg += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y))\"/>"
            svg += "<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escape(Ticks.label(t)))</text>"
        }
        for t in frame.xAxis.ticks where t >= frame.xAxis.low - 1e-12 && t <= frame.xAxis.high + 1e-12 {
            let x = f(frame.px(t))
            svg += "<line class=\"axis\" x1=\"\(x)\" y1=\"\(bottomY)\" x2=\"\(x)\" y2=\"\(f(top + plotHeight + 5))\"/>"
            let label = plot.logX ? Ticks.logLabel(t) : Ticks.label(t)
            svg += "<text class=\"tick\" x=\"\(x)\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        let middle = f(top + plotHeight / 2)
        svg +=
            "<text class=\"axis-label x-label\" x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(escape(plot.xLabel))</text>"
        svg +=
            "<text class=\"axis-label y-label\" x=\"14\" y=\"\(middle)\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(middle))\">\(escape(plot.yLabel))</text>"
        return svg + "</g>"
    }

    /// The data, clipped to the plotting area: the reference lines, then the
    /// series. Scatter clouds are drawn last series first and translucent, so
    /// the first (the target) lies on top and a cloud under another still shows.
    static func data(_ plot: Plot, _ frame: Frame, id: String) -> String {
        let (plotWidth, plotHeight) = (frame.plotWidth, frame.plotHeight)
        var svg =
            "<defs><clipPath id=\"\(id)\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\"/></clipPath></defs>"
        svg += "<g clip-path=\"url(#\(id))\">"
        for (k, reference) in plot.references.enumerated() where reference.y.isFinite {
            let y = f(frame.py(reference.y))
            svg +=
                "<line class=\"reference\" stroke-dasharray=\"\(referenceDashes[k % referenceDashes.count])\" x1=\"\(f(left))\" y1=\"\(y)\" x2=\"\(f(left + plotWidth))\" y2=\"\(y)\"/>"
        }
        let order = plot.kind == .scatter ? Array(plot.series.indices.reversed()) : Array(plot.series.indices)
        for k in order {
            let series = plot.series[k]
            let points = zip(series.x.map(frame.toX), series.y).map { ($0.0, $0.1) }
            if plot.kind == .line {
                svg += line(points, k, seriesCount: plot.series.count, frame)
            } else {
                svg += "<g class=\"cloud\">"
                for (x, y) in points where x.isFinite && y.isFinite { svg += marker(k, frame.px(x), frame.py(y), size: 2.2) }
                svg += "</g>"
            }
        }
        return svg + "</g>"
    }

    /// Series `k` as a line, broken into pieces at non-finite values, with its
    /// marker on every eighth or so of its points, offset per series.
    static func line(_ points: [(Double, Double)], _ k: Int, seriesCount: Int, _ frame: Frame) -> String {
        var svg = ""
        var piece: [String] = []
        func flush() {
            if piece.count > 1 {
                svg += "<polyline class=\"s\(k % 6)\" stroke-dasharray=\"\(dashes[k % dashes.count])\" points=\"\(piece.joined(separator: " "))\"/>"
            }
            piece = []
        }
        for (x, y) in points {
            if x.isFinite && y.isFinite { piece.append("\(f(frame.px(x))),\(f(frame.py(y)))") } else { flush() }
        }
        flush()
        let every = max(points.count / 8, 1)
        for (i, (x, y)) in points.enumerated() where (i + k * every / max(seriesCount, 1)) % every == 0 && x.isFinite && y.isFinite {
            svg += marker(k, frame.px(x), frame.py(y))
        }
        return svg
    }

    /// The legend above the plot: each series' line sample (for lines), marker
    /// and name, then each reference line's sample and name, wrapped to the width.
    static func legend(_ plot: Plot) -> String {
        var svg = ""
        var lx = left + 8, ly = 18.0
        // Where the next entry goes: on this line, or on the next when it would pass the right edge.
        func place(_ name: String) -> (x: Double, y: Double) {
            let w = legendWidth(name)
            if lx + w > width - right { lx = left + 8; ly += 16 }
            defer { lx += w }
            return (lx, ly)
        }
        for (k, series) in plot.series.enumerated() {
            let (x, y) = place(series.name)
            if plot.kind == .line { svg += legendLine("s\(k % 6)", dashes[k % dashes.count], x, y) }
            svg += marker(k, x + 11, y - 4)
            svg += "<text class=\"legend\" x=\"\(f(x + 28))\" y=\"\(f(y))\">\(escape(series.name))</text>"
        }
        for (k, reference) in plot.references.enumerated() where reference.y.isFinite {
            let (x, y) = place(reference.name)
            svg += legendLine("reference", referenceDashes[k % referenceDashes.count], x, y)
            svg += "<text class=\"legend\" x=\"\(f(x + 28))\" y=\"\(f(y))\">\(escape(reference.name))</text>"
        }
        return svg
    }

    /// A legend entry's sample of its line, 22 px long, left of its text at (`x`, `y`).
    static func legendLine(_ lineClass: String, _ dash: String, _ x: Double, _ y: Double) -> String {
        "<line class=\"\(lineClass)\" stroke-dasharray=\"\(dash)\" x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 22))\" y2=\"\(f(y - 4))\"/>"
    }

    /// The room a legend entry takes: its sample line and gaps, then its text
    /// at 7 px a display column for the 12 px legend font. Display columns,
    /// not characters: a CJK character takes two (a full em), and counting it
    /// as one ran "● 模式中心■ 生成" together.
    static func legendWidth(_ name: String) -> Double {
        44 + Double(name.displayWidth) * 7
    }

    /// Marker shapes by series: circle, square, triangle, diamond, cross, plus.
    static func marker(_ k: Int, _ x: Double, _ y: Double, size: Double = 3.5) -> String {
        let s = size, c = "m\(k % 6)"
        switch k % 6 {
        case 0: return "<circle class=\"\(c)\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(s))\"/>"
        case 1: return "<rect class=\"\(c)\" x=\"\(f(x - s))\" y=\"\(f(y - s))\" width=\"\(f(2 * s))\" height=\"\(f(2 * s))\"/>"
        case 2: return "<polygon class=\"\(c)\" points=\"\(f(x)),\(f(y - s * 1.2)) \(f(x - s)),\(f(y + s)) \(f(x + s)),\(f(y + s))\"/>"
        case 3: return "<polygon class=\"\(c)\" points=\"\(f(x)),\(f(y - s * 1.3)) \(f(x + s)),\(f(y)) \(f(x)),\(f(y + s * 1.3)) \(f(x - s)),\(f(y))\"/>"
        case 4: return "<path class=\"\(c) stroke\" d=\"M\(f(x - s)) \(f(y - s))L\(f(x + s)) \(f(y + s))M\(f(x - s)) \(f(y + s))L\(f(x + s)) \(f(y - s))\"/>"
        default: return "<path class=\"\(c) stroke\" d=\"M\(f(x - s)) \(f(y))L\(f(x + s)) \(f(y))M\(f(x)) \(f(y - s))L\(f(x)) \(f(y + s))\"/>"
        }
    }
}

/// Text escaped for HTML and XML: `&`, `<`, `>` and `"` (as cmark escapes
/// text), scalar by scalar, so that a combining mark after a quote cannot hide it.
package func escape(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) else {
        return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;".unicodeScalars
        case "<": out += "&lt;".unicodeScalars
        case ">": out += "&gt;".unicodeScalars
        case "\"": out += "&quot;".unicodeScalars
        default: out.append(scalar)
        }
    }
    return String(out)
}
