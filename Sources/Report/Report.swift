/// A demo's output as data: short explanatory lines, key figures, tables and
/// series for plots. Renderers (terminal, JSON, later HTML) present a report;
/// no number is computed in a renderer, only formatted.
public struct Report: Sendable, Equatable, Codable {
    public var title: String
    public var items: [Item]

    public init(title: String, items: [Item] = []) {
        self.title = title
        self.items = items
    }

    public enum Item: Sendable, Equatable, Codable {
        /// A paragraph that says what the numbers show.
        case text(String)
        /// Named values, shown as an aligned list.
        case figures([Figure])
        case table(Table)
        case plot(Plot)
    }

    public mutating func text(_ line: String) { items.append(.text(line)) }
    public mutating func figures(_ figures: [Figure]) { items.append(.figures(figures)) }
    public mutating func table(_ table: Table) { items.append(.table(table)) }
    public mutating func plot(_ plot: Plot) { items.append(.plot(plot)) }
}

/// A value as a report shows it: the number itself travels to JSON; the
/// format says how many digits a person is shown.
public enum Value: Sendable, Equatable, Codable {
    case number(Double, Format)
    case integer(Int)
    case text(String)
    /// +∞, with why (e.g. KL when supports differ). Never shown as NaN.
    case infinite(reason: String)
    case missing

    public enum Format: Sendable, Equatable, Codable {
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

    /// The text a person sees.
    public var formatted: String {
        switch self {
        case .number(let x, let format):
            if x.isNaN { return "NaN" }
            if x.isInfinite { return x > 0 ? "∞" : "−∞" }
            switch format {
            case .fixed(let d): return NumberFormatting.printf("%.\(d)f", x)
            case .significant(let d): return NumberFormatting.printf("%.\(d)g", x)
            case .scientific(let d): return NumberFormatting.printf("%.\(d)e", x)
            }
        case .integer(let n): return String(n)
        case .text(let s): return s
        case .infinite: return "∞"
        case .missing: return "–"
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .number, .integer, .infinite: return true
        case .text, .missing: return false
        }
    }
}

/// A named key figure, with an optional unit and note.
public struct Figure: Sendable, Equatable, Codable {
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

public struct Table: Sendable, Equatable, Codable {
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
public struct Plot: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable { case line, scatter }

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

    public init(title: String, kind: Kind = .line, xLabel: String, yLabel: String, series: [Series],
                yRange: ClosedRange<Double>? = nil, references: [Reference] = [], logX: Bool = false) {
        self.logX = logX
        self.title = title
        self.kind = kind
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
        self.references = references
    }

    public struct Series: Sendable, Equatable, Codable {
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

    public struct Reference: Sendable, Equatable, Codable {
        public var name: String
        public var y: Double
        public init(name: String, y: Double) {
            self.name = name
            self.y = y
        }
    }
}
