/// Plots as inline SVG for the HTML export: axes with ticks and labels, a
/// legend, and series told apart by colour, dash pattern and marker shape, so
/// that they stay distinguishable in print and without colour. Layout only;
/// the numbers come from the report.
import Report

import Glibc

public enum SVGPlot {
    static let width = 640.0, height = 360.0
    static let left = 64.0, right = 16.0, top = 36.0, bottom = 56.0
    static let dashes = ["", "6 4", "2 3", "8 3 2 3", "12 4", "1 2"]
    /// Each reference line its own pattern, so two of them differ in print.
    static let referenceDashes = ["3 3", "9 3", "1 3", "9 3 1 3"]

    /// `id` must be unique on the page: it names the plot's clip path.
    public static func render(_ plot: Plot, id: String) -> String {
        let toX: (Double) -> Double = plot.logX ? { $0 > 0 ? log10($0) : -.infinity } : { $0 }
        let xs = plot.series.flatMap(\.x).map(toX).filter(\.isFinite)
        let ys = plot.series.flatMap(\.y).filter(\.isFinite) + plot.references.map(\.y).filter(\.isFinite)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(plot.title))\">"
        svg += "<title>\(escape(plot.title))</title>"
        guard let xMin = xs.min(), let xMax = xs.max(), !ys.isEmpty || plot.yRange != nil else {
            return svg + "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\">no finite values to plot</text></svg>"
        }
        // The same axes as the terminal's: at least four ticks, both ends labelled.
        let yAxis = plot.yRange.map { Ticks.axis($0.lowerBound, $0.upperBound, fixed: true) } ?? Ticks.axis(ys.min()!, ys.max()!)
        let xAxis =
            plot.xRange.map { Ticks.axis($0.lowerBound, $0.upperBound, fixed: true) }
            ?? (plot.logX ? Ticks.logarithmicAxis(xMin, xMax) : Ticks.axis(xMin, xMax))
        let (yLow, yHigh, yTicks) = (yAxis.low, yAxis.high, yAxis.ticks)
        let (x0, x1, xTicks) = (xAxis.low, xAxis.high, xAxis.ticks)
        let plotHeight = height - top - bottom
        // An equal-scale plot is as wide as its height makes a unit of x as long as one of y.
        let plotWidth =
            plot.equalScale && yHigh > yLow ? min(width - left - right, plotHeight * (x1 - x0) / (yHigh - yLow)) : width - left - right
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * plotWidth }
        func py(_ y: Double) -> Double { top + (yHigh - y) / (yHigh - yLow) * plotHeight }
        func f(_ v: Double) -> String { NumberFormatting.printf("%.1f", v) }

        // Axes, ticks, grid.
        svg += "<g class=\"axes\">"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\"/>"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\"/>"
        for t in yTicks where t >= yLow - 1e-12 && t <= yHigh + 1e-12 {
            svg += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(py(t)))\"/>"
            svg += "<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(escape(Ticks.label(t)))</text>"
        }
        for t in xTicks where t >= x0 - 1e-12 && t <= x1 + 1e-12 {
            svg += "<line class=\"axis\" x1=\"\(f(px(t)))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + plotHeight + 5))\"/>"
            let label = plot.logX ? Ticks.logLabel(t) : Ticks.label(t)
            svg += "<text class=\"tick\" x=\"\(f(px(t)))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        svg +=
            "<text class=\"axis-label x-label\" x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(escape(plot.xLabel))</text>"
        svg +=
            "<text class=\"axis-label y-label\" x=\"14\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(f(top + plotHeight / 2)))\">\(escape(plot.yLabel))</text>"
        svg += "</g>"

        // Clip the data to the plot area.
        svg += "<defs><clipPath id=\"\(id)\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\"/></clipPath></defs>"
        svg += "<g clip-path=\"url(#\(id))\">"
        for (k, reference) in plot.references.enumerated() where reference.y.isFinite {
            svg +=
                "<line class=\"reference\" stroke-dasharray=\"\(referenceDashes[k % referenceDashes.count])\" x1=\"\(f(left))\" y1=\"\(f(py(reference.y)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(py(reference.y)))\"/>"
        }
        // Scatter clouds are drawn last series first and translucent, so the
        // first (the target) lies on top and a cloud under another still shows.
        let order = plot.kind == .scatter ? Array(plot.series.indices.reversed()) : Array(plot.series.indices)
        for k in order {
            let series = plot.series[k]
            let points = zip(series.x.map(toX), series.y).map { ($0.0, $0.1) }
            if plot.kind == .line {
                // Non-finite values break the line into pieces.
                var piece: [String] = []
                func flush() {
                    if piece.count > 1 {
                        svg += "<polyline class=\"s\(k % 6)\" stroke-dasharray=\"\(dashes[k % dashes.count])\" points=\"\(piece.joined(separator: " "))\"/>"
                    }
                    piece = []
                }
                for (x, y) in points {
                    if x.isFinite && y.isFinite { piece.append("\(f(px(x))),\(f(py(y)))") } else { flush() }
                }
                flush()
                let every = max(points.count / 8, 1)
                for (i, (x, y)) in points.enumerated() where (i + k * every / max(plot.series.count, 1)) % every == 0 && x.isFinite && y.isFinite {
                    svg += marker(k, px(x), py(y))
                }
            } else {
                svg += "<g class=\"cloud\">"
                for (x, y) in points where x.isFinite && y.isFinite { svg += marker(k, px(x), py(y), size: 2.2) }
                svg += "</g>"
            }
        }
        svg += "</g>"

        // Legend.
        var lx = left + 8, ly = 18.0
        for (k, series) in plot.series.enumerated() {
            let label = escape(series.name)
            let w = 44 + Double(series.name.count) * 7
            if lx + w > width - right { lx = left + 8; ly += 16 }
            if plot.kind == .line {
                svg +=
                    "<line class=\"s\(k % 6)\" stroke-dasharray=\"\(dashes[k % dashes.count])\" x1=\"\(f(lx))\" y1=\"\(f(ly - 4))\" x2=\"\(f(lx + 22))\" y2=\"\(f(ly - 4))\"/>"
            }
            svg += marker(k, lx + 11, ly - 4)
            svg += "<text class=\"legend\" x=\"\(f(lx + 28))\" y=\"\(f(ly))\">\(label)</text>"
            lx += w
        }
        for (k, reference) in plot.references.enumerated() where reference.y.isFinite {
            let w = 44 + Double(reference.name.count) * 7
            if lx + w > width - right { lx = left + 8; ly += 16 }
            svg +=
                "<line class=\"reference\" stroke-dasharray=\"\(referenceDashes[k % referenceDashes.count])\" x1=\"\(f(lx))\" y1=\"\(f(ly - 4))\" x2=\"\(f(lx + 22))\" y2=\"\(f(ly - 4))\"/>"
            svg += "<text class=\"legend\" x=\"\(f(lx + 28))\" y=\"\(f(ly))\">\(escape(reference.name))</text>"
            lx += w
        }
        return svg + "</svg>"
    }

    /// Marker shapes by series: circle, square, triangle, diamond, cross, plus.
    static func marker(_ k: Int, _ x: Double, _ y: Double, size: Double = 3.5) -> String {
        let s = size, c = "m\(k % 6)"
        func f(_ v: Double) -> String { NumberFormatting.printf("%.1f", v) }
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
public func escape(_ text: String) -> String {
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
