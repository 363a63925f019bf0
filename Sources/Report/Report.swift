/// A demo's output as data: short explanatory lines, key figures, tables and
/// series for plots. Renderers (terminal, JSON, HTML) present a report; no
/// number is computed in a renderer, only formatted. Every statistic is a
/// number (or a mean with its spread), never a string of digits.
public struct Report: Sendable, Equatable {
    /// Bump when what a report holds, or its JSON form, changes: cached
    /// reports of another version are recomputed.
    public static let formatVersion = 3

    public var title: String
    public var items: [Item]

    public init(title: String, items: [Item] = []) {
        self.title = title
        self.items = items
    }

    public enum Item: Sendable, Equatable {
        /// A paragraph that says what the numbers show.
        case text(String)
        /// Named values, shown as an aligned list.
        case figures([Figure])
        case table(Table)
        case plot(Plot)
        /// Small grey images side by side (e.g. a GAN's samples).
        case images(ImageGrid)
    }

    public mutating func text(_ line: String) { items.append(.text(line)) }
    public mutating func figures(_ figures: [Figure]) { items.append(.figures(figures)) }
    public mutating func table(_ table: Table) { items.append(.table(table)) }
    public mutating func plot(_ plot: Plot) { items.append(.plot(plot)) }
    public mutating func images(_ grid: ImageGrid) { items.append(.images(grid)) }
}

/// Small grey images of one size, shown in a grid of `columns` images per
/// row (a renderer may put fewer per row when they do not fit). Each pixel
/// is an amount of ink from 0 (none) to 1 (full), row by row from the top
/// left; renderers choose how ink looks (light on a dark terminal, dark on a
/// light page).
public struct ImageGrid: Sendable, Equatable {
    public var title: String
    public var imageWidth: Int
    public var imageHeight: Int
    public var columns: Int
    /// One array of imageWidth × imageHeight values per image.
    public var images: [[Double]]

    public init(title: String, imageWidth: Int, imageHeight: Int, columns: Int, images: [[Double]]) {
        precondition(imageWidth > 0 && imageHeight > 0 && columns > 0, "an image grid needs a size and columns")
        precondition(images.allSatisfy { $0.count == imageWidth * imageHeight }, "every image needs \(imageWidth * imageHeight) pixels")
        self.title = title
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.columns = columns
        self.images = images
    }

    /// The ink of pixel (row, column) of image `k`, clamped to 0…1 (NaN as 0).
    public func ink(_ k: Int, row: Int, column: Int) -> Double {
        let v = images[k][row * imageWidth + column]
        return v.isNaN ? 0 : min(max(v, 0), 1)
    }
}

/// A mean over repeated runs with its spread: shown as `0.496 ± 0.017`.
public struct Estimate: Sendable, Equatable {
    public var mean: Double
    /// The sample standard deviation (n − 1 in the denominator).
    public var sd: Double
    /// How many runs the mean is over (nil when a paper does not say).
    public var n: Int?

    public init(mean: Double, sd: Double, n: Int?) {
        self.mean = mean
        self.sd = sd
        self.n = n
    }

    /// Whether `other` lies within one sd of this mean, or this one within
    /// one sd of `other`'s: too close to call a difference.
    public func overlaps(_ other: Estimate) -> Bool {
        abs(mean - other.mean) <= max(sd, other.sd)
    }
}

/// A value as a report shows it: the numbers themselves travel to JSON; the
/// format says how many digits a person is shown.
public enum Value: Sendable, Equatable {
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

    public enum Format: Sendable, Equatable {
        /// That many digits after the decimal point.
        case fixed(Int)
        /// That many significant digits, switching to exponent form for very
        /// large or small magnitudes.
        case significant(Int)
        /// Scientific, with that many digits after the point.
        case scientific(Int)
    }

    public static func fixed(_ x: Double, _ digits: Int) -> Value { .number(x, .fixed(digits)) }
    public static func significant(_ x: Double, _ digits: Int = 6) -> Value { .number(x, .significant(digits)) }

    public static func estimate(_ e: Estimate, _ digits: Int) -> Value { .estimate(e, .fixed(digits)) }

    /// The text a person sees. Every renderer shows these same digits.
    public var formatted: String {
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

    public var isNumeric: Bool {
        switch self {
        case .number, .integer, .estimate, .count, .change, .integers, .infinite: return true
        case .text, .missing: return false
        }
    }

    /// The format of the value's numbers, if it has any that need one.
    public var format: Format? {
        switch self {
        case .number(_, let f), .estimate(_, let f), .change(_, _, let f): return f
        case .integer, .count, .integers, .text, .infinite, .missing: return nil
        }
    }
}

extension Value.Format {
    /// As C's printf writes it: `%.3f`, `%.6g`, `%.2e`. Also the format's JSON name.
    public var printfFormat: String {
        switch self {
        case .fixed(let d): return "%.\(d)f"
        case .significant(let d): return "%.\(d)g"
        case .scientific(let d): return "%.\(d)e"
        }
    }

    /// The format a `printfFormat` names, or nil.
    public init?(printfFormat text: String) {
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

    public func apply(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        return NumberFormatting.printf(printfFormat, x)
    }
}

/// A named key figure, with an optional unit and note.
public struct Figure: Sendable, Equatable {
    public var name: String
    public var value: Value
    public var unit: String?
    public var note: String?

    public init(_ name: String, _ value: Value, unit: String? = nil, note: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.note = note
    }
}

public struct Table: Sendable, Equatable {
    public var title: String?
    public var columns: [String]
    public var rows: [[Value]]

    public init(title: String? = nil, columns: [String], rows: [[Value]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// Series to plot against a common x axis (line), or point clouds (scatter).
public struct Plot: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case line, scatter }

    public var title: String
    public var kind: Kind
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// Fixed y limits (e.g. 0…1 for a probability); nil to fit the data.
    public var yRange: ClosedRange<Double>?
    /// Horizontal reference lines, e.g. y = log 2.
    public var references: [Reference]
    /// Whether the x axis is logarithmic (x values must then be positive).
    public var logX: Bool
    /// Fixed x limits; nil to fit the data.
    public var xRange: ClosedRange<Double>?
    /// Whether a unit of x is drawn as long as a unit of y (a plane, where a
    /// circle must look round); with both ranges fixed, so that plots of one
    /// target can be compared by eye.
    public var equalScale: Bool

    public init(
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

    public struct Series: Sendable, Equatable {
        public var name: String
        public var x: [Double]
        /// Non-finite y values (∞) are gaps in the line.
        public var y: [Double]

        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    public struct Reference: Sendable, Equatable {
        public var name: String
        public var y: Double
        public init(name: String, y: Double) {
            self.name = name
            self.y = y
        }
    }
}
