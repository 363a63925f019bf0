/// A demo's output as data: short explanatory lines, key figures, tables and
/// series for plots. Renderers (terminal, JSON, HTML) present a report; no
/// number is computed in a renderer, only formatted. Every statistic is a
/// number (or a mean with its spread), never a string of digits.
package struct Report: Sendable, Equatable {
    /// Bump when what a report holds, or its JSON form, changes: cached
    /// reports of another version are recomputed.
    package static let formatVersion = 3

    package var title: String
    package var items: [Item]

    package init(title: String, items: [Item] = []) {
        self.title = title
        self.items = items
    }

    package enum Item: Sendable, Equatable {
        /// A paragraph that says what the numbers show.
        case text(String)
        /// Named values, shown as an aligned list.
        case figures([Figure])
        case table(Table)
        case plot(Plot)
        /// Small grey images side by side (e.g. a GAN's samples).
        case images(ImageGrid)
    }

    package mutating func text(_ line: String) { items.append(.text(line)) }
    package mutating func figures(_ figures: [Figure]) { items.append(.figures(figures)) }
    package mutating func table(_ table: Table) { items.append(.table(table)) }
    package mutating func plot(_ plot: Plot) { items.append(.plot(plot)) }
    package mutating func images(_ grid: ImageGrid) { items.append(.images(grid)) }
}

/// Small grey images of one size, shown in a grid of `columns` images per
/// row (a renderer may put fewer per row when they do not fit). Each pixel
/// is an amount of ink from 0 (none) to 1 (full), row by row from the top
/// left; renderers choose how ink looks (light on a dark terminal, dark on a
/// light page).
package struct ImageGrid: Sendable, Equatable {
    package var title: String
    package var imageWidth: Int
    package var imageHeight: Int
    package var columns: Int
    /// One array of imageWidth × imageHeight values per image.
    package var images: [[Double]]

    package init(title: String, imageWidth: Int, imageHeight: Int, columns: Int, images: [[Double]]) {
        precondition(imageWidth > 0 && imageHeight > 0 && columns > 0, "an image grid needs a size and columns")
        precondition(images.allSatisfy { $0.count == imageWidth * imageHeight }, "every image needs \(imageWidth * imageHeight) pixels")
        self.title = title
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.columns = columns
        self.images = images
    }

    /// The ink of pixel (row, column) of image `k`, clamped to 0…1 (NaN as 0).
    package func ink(_ k: Int, row: Int, column: Int) -> Double {
        let v = images[k][row * imageWidth + column]
        return v.isNaN ? 0 : min(max(v, 0), 1)
    }
}

/// A mean over repeated runs with its spread: shown as `0.496 ± 0.017`.
package struct Estimate: Sendable, Equatable {
    package var mean: Double
    /// The sample standard deviation (n − 1 in the denominator).
    package var sd: Double
    /// How many runs the mean is over (nil when a paper does not say).
    package var n: Int?

    package init(mean: Double, sd: Double, n: Int?) {
        self.mean = mean
        self.sd = sd
        self.n = n
    }

    /// Whether `other` lies within one sd of this mean, or this one within
    /// one sd of `other`'s: too close to call a difference.
    package func overlaps(_ other: Estimate) -> Bool {
        abs(mean - other.mean) <= max(sd, other.sd)
    }
}

/// A value as a report shows it: the numbers themselves travel to JSON; the
/// format says how many digits a person is shown.
package enum Value: Sendable, Equatable {
    case number(Double, Format)
    case integer(Int)
    /// A mean ± sd over n runs; the format applies to both numbers.
    case estimate(Estimate, Format)
    /// `count` of `total`, e.g. modes captured: 6 of 8.
    case count(Int, of: Int)
    /// A value at the start and at the end of something: `0.12 → 0.0031`.
    case change(from: Double, to: Double, Format)
    /// Whole numbers, one per run: `1, 6, 5`.
    case integers([Int])
    case text(String)
    /// +∞, with why (e.g. KL when supports differ). Never shown as NaN.
    case infinite(reason: String)
    case missing

    package enum Format: Sendable, Equatable {
        /// That many digits after the decimal point.
        case fixed(Int)
        /// That many significant digits, switching to exponent form for very
        /// large or small magnitudes.
        case significant(Int)
        /// Scientific, with that many digits after the point.
        case scientific(Int)
    }

    package static func fixed(_ x: Double, _ digits: Int) -> Value { .number(x, .fixed(digits)) }
    package static func significant(_ x: Double, _ digits: Int = 6) -> Value { .number(x, .significant(digits)) }

    package static func estimate(_ e: Estimate, _ digits: Int) -> Value { .estimate(e, .fixed(digits)) }

    /// The text a person sees. Every renderer shows these same digits.
    package var formatted: String {
        switch self {
        case .number(let x, let format): return format.apply(x)
        case .integer(let n): return String(n)
        case .estimate(let e, let format): return format.apply(e.mean) + " ± " + format.apply(e.sd)
        case .count(let n, let total): return "\(n) of \(total)"
        case .change(let a, let b, let format): return format.apply(a) + " → " + format.apply(b)
        case .integers(let list): return list.map(String.init).joined(separator: ", ")
        case .text(let s): return s
        case .infinite: return "∞"
        case .missing: return "–"
        }
    }

    package var isNumeric: Bool {
        switch self {
        case .number, .integer, .estimate, .count, .change, .integers, .infinite: return true
        case .text, .missing: return false
        }
    }

    /// The format of the value's numbers, if it has any that need one.
    package var format: Format? {
        switch self {
        case .number(_, let f), .estimate(_, let f), .change(_, _, let f): return f
        case .integer, .count, .integers, .text, .infinite, .missing: return nil
        }
    }
}

extension Value.Format {
    /// As C's printf writes it: `%.3f`, `%.6g`, `%.2e`. Also the format's JSON name.
    package var printfFormat: String {
        switch self {
        case .fixed(let d): return "%.\(d)f"
        case .significant(let d): return "%.\(d)g"
        case .scientific(let d): return "%.\(d)e"
        }
    }

    /// The format a `printfFormat` names, or nil.
    package init?(printfFormat text: String) {
        guard text.hasPrefix("%."), let kind = text.last, let digits = Int(text.dropFirst(2).dropLast()),
            (0...17).contains(digits)
        else { return nil }
        switch kind {
        case "f": self = .fixed(digits)
        case "g": self = .significant(digits)
        case "e": self = .scientific(digits)
        default: return nil
        }
    }

    package func apply(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        return NumberFormatting.printf(printfFormat, x)
    }
}

/// A named key figure, with an optional unit and note.
package struct Figure: Sendable, Equatable {
    package var name: String
    package var value: Value
    package var unit: String?
    package var note: String?

    package init(_ name: String, _ value: Value, unit: String? = nil, note: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.note = note
    }
}

package struct Table: Sendable, Equatable {
    package var title: String?
    package var columns: [String]
    package var rows: [[Value]]

    package init(title: String? = nil, columns: [String], rows: [[Value]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// Series to plot against a common x axis (line), or point clouds (scatter).
package struct Plot: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable { case line, scatter }

    package var title: String
    package var kind: Kind
    package var xLabel: String
    package var yLabel: String
    package var series: [Series]
    /// Fixed y limits (e.g. 0…1 for a probability); nil to fit the data.
    package var yRange: ClosedRange<Double>?
    /// Horizontal reference lines, e.g. y = log 2.
    package var references: [Reference]
    /// Whether the x axis is logarithmic (x values must then be positive).
    package var logX: Bool
    /// Fixed x limits; nil to fit the data.
    package var xRange: ClosedRange<Double>?
    /// Whether a unit of x is drawn as long as a unit of y (a plane, where a
    /// circle must look round); with both ranges fixed, so that plots of one
    /// target can be compared by eye.
    package var equalScale: Bool

    package init(
        title: String, kind: Kind = .line, xLabel: String, yLabel: String, series: [Series],
        yRange: ClosedRange<Double>? = nil, references: [Reference] = [], logX: Bool = false,
        xRange: ClosedRange<Double>? = nil, equalScale: Bool = false
    ) {
        self.logX = logX
        self.xRange = xRange
        self.equalScale = equalScale
        self.title = title
        self.kind = kind
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
        self.references = references
    }

    package struct Series: Sendable, Equatable {
        package var name: String
        package var x: [Double]
        /// Non-finite y values (∞) are gaps in the line.
        package var y: [Double]

        package init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    package struct Reference: Sendable, Equatable {
        package var name: String
        package var y: Double
        package init(name: String, y: Double) {
            self.name = name
            self.y = y
        }
    }
}
