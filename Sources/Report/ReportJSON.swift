import Foundation

/// A report as JSON: the one schema `--json` prints and the cell cache keeps,
/// written and read through `Codable`.
///
/// Every statistic is a JSON number: a plain value is a number; a mean with its
/// spread is `{"mean", "sd", "n"}`; a count is `{"count", "of"}`; a change is
/// `{"from", "to"}`; whole numbers per run are an array; +∞ is `{"infinite": true, "reason"}`; a missing value
/// (and NaN) is null. Tables are arrays of records keyed by column name, with
/// each column's number format beside them (`"%.3f"`, `"integer"`, `"text"`);
/// an image grid is its size and an array of pixel arrays (ink 0…1),
/// so that a report read back (`decode`) shows the same digits. Keys are
/// sorted, so the same report is always the same bytes.
public enum ReportJSON {
    public struct DecodingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The report as one line of JSON, ending in a newline.
    public static func encode(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding fails only on a non-finite Double, and every number below
        // goes through `finite`, which writes those as null.
        let data = (try? encoder.encode(report)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The report a document of `encode` holds; throws when the document is of
    /// another `format_version` or not a report.
    public static func decode(_ data: Data) throws(DecodingError) -> Report {
        do {
            return try JSONDecoder().decode(Report.self, from: data)
        } catch let error as DecodingError {
            throw error
        } catch {
            throw DecodingError(description: "not a report: \(error)")
        }
    }

    /// A number JSON can hold, or nil (null) for ∞ and NaN.
    static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
}

extension Report: Codable {
    enum CodingKeys: String, CodingKey { case title, formatVersion = "format_version", items }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(Report.formatVersion, forKey: .formatVersion)
        try c.encode(items, forKey: .items)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard (try? c.decode(Int.self, forKey: .formatVersion)) == Report.formatVersion else {
            throw ReportJSON.DecodingError(description: "not a report of format version \(Report.formatVersion)")
        }
        self.init(title: try c.decode(String.self, forKey: .title), items: try c.decode([Item].self, forKey: .items))
    }
}

extension Report.Item: Codable {
    enum CodingKeys: String, CodingKey { case text, figures, table, plot, images }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let s): try c.encode(s, forKey: .text)
        case .figures(let figures): try c.encode(figures, forKey: .figures)
        case .table(let table): try c.encode(table, forKey: .table)
        case .plot(let plot): try c.encode(plot, forKey: .plot)
        case .images(let grid): try c.encode(grid, forKey: .images)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let s = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(s)
        } else if let figures = try c.decodeIfPresent([Figure].self, forKey: .figures) {
            self = .figures(figures)
        } else if let table = try c.decodeIfPresent(Table.self, forKey: .table) {
            self = .table(table)
        } else if let plot = try c.decodeIfPresent(Plot.self, forKey: .plot) {
            self = .plot(plot)
        } else if let grid = try c.decodeIfPresent(ImageGrid.self, forKey: .images) {
            self = .images(grid)
        } else {
            throw ReportJSON.DecodingError(description: "an item of unknown kind")
        }
    }
}

extension Figure: Codable {
    enum CodingKeys: String, CodingKey { case name, value, format, unit, note }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(ValueJSON(value: value), forKey: .value)
        try c.encode(Table.formatName(value), forKey: .format)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encodeIfPresent(note, forKey: .note)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        let value = try c.decodeIfPresent(ValueJSON.self, forKey: .value)?.value(format: format) ?? .missing
        self.init(
            try c.decode(String.self, forKey: .name), value, unit: try c.decodeIfPresent(String.self, forKey: .unit),
            note: try c.decodeIfPresent(String.self, forKey: .note))
    }
}

extension Table: Codable {
    enum CodingKeys: String, CodingKey { case title, columns, formats, rows }

    /// A row as a record keyed by column name.
    struct ColumnKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Record: Encodable {
        var columns: [String]
        var values: [Value]
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: ColumnKey.self)
            for (column, value) in zip(columns, values) { try c.encode(ValueJSON(value: value), forKey: ColumnKey(stringValue: column)) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encode(columns, forKey: .columns)
        try c.encode(columnFormats, forKey: .formats)
        try c.encode(rows.map { Record(columns: columns, values: $0) }, forKey: .rows)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let columns = try c.decode([String].self, forKey: .columns)
        let formats = try c.decode([String].self, forKey: .formats)
        guard formats.count == columns.count else { throw ReportJSON.DecodingError(description: "a table whose formats do not match its columns") }
        self.init(title: try c.decodeIfPresent(String.self, forKey: .title), columns: columns)
        for record in try c.decode([[String: ValueJSON]].self, forKey: .rows) {
            rows.append(try zip(columns, formats).map { column, format in try record[column]?.value(format: format) ?? .missing })
        }
    }

    /// Each column's format for JSON: the printf format of its numbers,
    /// `"integer"`, or `"text"` (all of a column's numbers share one format).
    public var columnFormats: [String] {
        columns.indices.map { c in
            let values = rows.compactMap { c < $0.count ? $0[c] : nil }
            return values.first(where: { $0.format != nil }).map(Table.formatName)
                ?? values.first(where: { if case .integer = $0 { return true } else { return false } }).map(Table.formatName)
                ?? "text"
        }
    }

    static func formatName(_ value: Value) -> String {
        if let format = value.format { return format.printfFormat }
        switch value {
        case .integer, .count, .integers: return "integer"
        default: return "text"
        }
    }
}

extension Plot: Codable {
    enum CodingKeys: String, CodingKey {
        case title, kind, xLabel = "x_label", yLabel = "y_label", logX = "log_x", yRange = "y_range", xRange = "x_range"
        case equalScale = "equal_scale", series, references
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(xLabel, forKey: .xLabel)
        try c.encode(yLabel, forKey: .yLabel)
        try c.encode(logX, forKey: .logX)
        try c.encodeIfPresent(yRange.map { [$0.lowerBound, $0.upperBound].map(ReportJSON.finite) }, forKey: .yRange)
        try c.encodeIfPresent(xRange.map { [$0.lowerBound, $0.upperBound].map(ReportJSON.finite) }, forKey: .xRange)
        if equalScale { try c.encode(true, forKey: .equalScale) }
        try c.encode(series, forKey: .series)
        try c.encode(references, forKey: .references)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let kind = Kind(rawValue: try c.decode(String.self, forKey: .kind)) else {
            throw ReportJSON.DecodingError(description: "a plot of unknown kind")
        }
        func range(_ key: CodingKeys) throws -> ClosedRange<Double>? {
            guard let ends = try c.decodeIfPresent([Double?].self, forKey: key) else { return nil }
            guard ends.count == 2, let low = ends[0], let high = ends[1], low <= high else {
                throw ReportJSON.DecodingError(description: "a plot range that is not two ordered numbers")
            }
            return low...high
        }
        self.init(
            title: try c.decode(String.self, forKey: .title), kind: kind, xLabel: try c.decode(String.self, forKey: .xLabel),
            yLabel: try c.decode(String.self, forKey: .yLabel), series: try c.decode([Series].self, forKey: .series),
            yRange: try range(.yRange), references: try c.decode([Reference].self, forKey: .references),
            logX: try c.decodeIfPresent(Bool.self, forKey: .logX) ?? false, xRange: try range(.xRange),
            equalScale: try c.decodeIfPresent(Bool.self, forKey: .equalScale) ?? false)
    }
}

extension Plot.Series: Codable {
    enum CodingKeys: String, CodingKey { case name, x, y }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(x.map(ReportJSON.finite), forKey: .x)
        try c.encode(y.map(ReportJSON.finite), forKey: .y)
    }

    /// Null stands for a value JSON cannot hold (∞, NaN), read back as NaN.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), x: try c.decode([Double?].self, forKey: .x).map { $0 ?? .nan },
            y: try c.decode([Double?].self, forKey: .y).map { $0 ?? .nan })
    }
}

extension Plot.Reference: Codable {
    enum CodingKeys: String, CodingKey { case name, y }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(ReportJSON.finite(y), forKey: .y)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), y: try c.decodeIfPresent(Double.self, forKey: .y) ?? .nan)
    }
}

extension ImageGrid: Codable {
    enum CodingKeys: String, CodingKey { case title, imageWidth = "image_width", imageHeight = "image_height", columns, images }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(imageWidth, forKey: .imageWidth)
        try c.encode(imageHeight, forKey: .imageHeight)
        try c.encode(columns, forKey: .columns)
        try c.encode(images.map { $0.map(ReportJSON.finite) }, forKey: .images)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let width = try c.decode(Int.self, forKey: .imageWidth)
        let height = try c.decode(Int.self, forKey: .imageHeight)
        let columns = try c.decode(Int.self, forKey: .columns)
        let images = try c.decode([[Double?]].self, forKey: .images).map { $0.map { $0 ?? .nan } }
        guard width > 0, height > 0, columns > 0 else { throw ReportJSON.DecodingError(description: "an image grid without a size") }
        guard images.allSatisfy({ $0.count == width * height }) else { throw ReportJSON.DecodingError(description: "an image of the wrong size") }
        self.init(title: try c.decode(String.self, forKey: .title), imageWidth: width, imageHeight: height, columns: columns, images: images)
    }
}

/// A value's JSON form. The value's number format travels beside it (a
/// figure's `format`, a table's `formats`), so reading one back takes it.
struct ValueJSON: Codable {
    private enum Form {
        case null
        case integer(Int)
        case number(Double)
        case string(String)
        case integers([Int])
        case object(Fields)
    }

    /// Every field an object value can have; which are present says which kind it is.
    private struct Fields: Codable {
        var mean: Double?
        var sd: Double?
        var n: Int?
        var count: Int?
        var of: Int?
        var from: Double?
        var to: Double?
        var infinite: Bool?
        var reason: String?
    }

    private var form: Form

    init(value: Value) {
        switch value {
        case .number(let x, _): form = ReportJSON.finite(x).map(Form.number) ?? .null
        case .integer(let n): form = .integer(n)
        case .estimate(let e, _): form = .object(Fields(mean: ReportJSON.finite(e.mean), sd: ReportJSON.finite(e.sd), n: e.n))
        case .integers(let list): form = .integers(list)
        case .count(let n, let total): form = .object(Fields(count: n, of: total))
        case .change(let a, let b, _): form = .object(Fields(from: ReportJSON.finite(a), to: ReportJSON.finite(b)))
        case .text(let s): form = .string(s)
        case .infinite(let reason): form = .object(Fields(infinite: true, reason: reason))
        case .missing: form = .null
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch form {
        case .null: try c.encodeNil()
        case .integer(let n): try c.encode(n)
        case .number(let x): try c.encode(x)
        case .string(let s): try c.encode(s)
        case .integers(let list): try c.encode(list)
        case .object(let fields): try c.encode(fields)
        }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            form = .null
        } else if let n = try? c.decode(Int.self) {
            form = .integer(n)
        } else if let x = try? c.decode(Double.self) {
            form = .number(x)
        } else if let s = try? c.decode(String.self) {
            form = .string(s)
        } else if let list = try? c.decode([Int].self) {
            form = .integers(list)
        } else if let fields = try? c.decode(Fields.self) {
            form = .object(fields)
        } else {
            throw ReportJSON.DecodingError(description: "a value of unknown kind")
        }
    }

    /// The value, its numbers shown with the format named `name` (a printf
    /// format, `"integer"` or `"text"`).
    func value(format name: String) throws(ReportJSON.DecodingError) -> Value {
        let format = Value.Format(printfFormat: name) ?? .significant(6)
        switch form {
        case .null: return .missing
        case .string(let s): return .text(s)
        case .integer(let n): return name == "integer" ? .integer(n) : .number(Double(n), format)
        case .number(let x):
            if name == "integer", let n = Int(exactly: x) { return .integer(n) }
            return .number(x, format)
        case .integers(let list): return .integers(list)
        case .object(let f):
            if f.infinite == true { return .infinite(reason: f.reason ?? "") }
            if let mean = f.mean, let sd = f.sd { return .estimate(Estimate(mean: mean, sd: sd, n: f.n), format) }
            if let count = f.count, let total = f.of { return .count(count, of: total) }
            if let from = f.from, let to = f.to { return .change(from: from, to: to, format) }
            throw ReportJSON.DecodingError(description: "a value of unknown kind")
        }
    }
}
