/// A report as JSON: the one schema `--json` prints and the cell cache keeps.
///
/// Every statistic is a JSON number: a plain value is a number; a mean with its
/// spread is `{"mean", "sd", "n"}`; a count is `{"count", "of"}`; a change is
/// `{"from", "to"}`; whole numbers per run are an array; +∞ is `{"infinite": true, "reason"}`; a missing value
/// (and NaN) is null. Tables are arrays of records keyed by column name, with
/// each column's number format beside them (`"%.3f"`, `"integer"`, `"text"`);
/// an image grid is its size and an array of pixel arrays (ink 0…1),
/// so that a report read back (`decode`) shows the same digits. Numbers are
/// written in the shortest form that reads back to the same Double.
public enum ReportJSON {
    public static func encode(_ report: Report) -> String {
        var out = "{\n  \"title\": \(string(report.title)),\n  \"format_version\": \(Report.formatVersion),\n  \"items\": ["
        out += report.items.map { "\n    " + item($0) }.joined(separator: ",")
        out += report.items.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    static func item(_ item: Report.Item) -> String {
        switch item {
        case .text(let s):
            return "{\"text\": \(string(s))}"
        case .figures(let figures):
            return "{\"figures\": [" + figures.map(figure).joined(separator: ", ") + "]}"
        case .table(let table):
            let rows = table.rows.map { row in
                "{" + zip(table.columns, row).map { string($0) + ": " + value($1) }.joined(separator: ", ") + "}"
            }
            let title = table.title.map { "\"title\": \(string($0)), " } ?? ""
            return "{\"table\": {\(title)\"columns\": [" + table.columns.map(string).joined(separator: ", ")
                + "], \"formats\": [" + table.columnFormats.map(string).joined(separator: ", ")
                + "], \"rows\": [" + rows.joined(separator: ", ") + "]}}"
        case .plot(let plot):
            let series = plot.series.map {
                "{\"name\": \(string($0.name)), \"x\": [\($0.x.map(number).joined(separator: ", "))], \"y\": [\($0.y.map(number).joined(separator: ", "))]}"
            }
            let references = plot.references.map { "{\"name\": \(string($0.name)), \"y\": \(number($0.y))}" }
            let range =
                (plot.yRange.map { "\"y_range\": [\(number($0.lowerBound)), \(number($0.upperBound))], " } ?? "")
                + (plot.xRange.map { "\"x_range\": [\(number($0.lowerBound)), \(number($0.upperBound))], " } ?? "")
                + (plot.equalScale ? "\"equal_scale\": true, " : "")
            return "{\"plot\": {\"title\": \(string(plot.title)), \"kind\": \"\(plot.kind.rawValue)\", "
                + "\"x_label\": \(string(plot.xLabel)), \"y_label\": \(string(plot.yLabel)), \"log_x\": \(plot.logX), \(range)"
                + "\"series\": [\(series.joined(separator: ", "))], \"references\": [\(references.joined(separator: ", "))]}}"
        case .images(let grid):
            let images = grid.images.map { "[" + $0.map(number).joined(separator: ", ") + "]" }
            return "{\"images\": {\"title\": \(string(grid.title)), \"image_width\": \(grid.imageWidth), "
                + "\"image_height\": \(grid.imageHeight), \"columns\": \(grid.columns), \"images\": [\(images.joined(separator: ", "))]}}"
        }
    }

    static func figure(_ f: Figure) -> String {
        var fields = ["\"name\": \(string(f.name))", "\"value\": \(value(f.value))", "\"format\": \(string(Table.formatName(f.value)))"]
        if let unit = f.unit { fields.append("\"unit\": \(string(unit))") }
        if let note = f.note { fields.append("\"note\": \(string(note))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func value(_ v: Value) -> String {
        switch v {
        case .number(let x, _): return number(x)
        case .integer(let n): return String(n)
        case .estimate(let e, _): return "{\"mean\": \(number(e.mean)), \"sd\": \(number(e.sd)), \"n\": \(e.n.map(String.init) ?? "null")}"
        case .integers(let list): return "[" + list.map(String.init).joined(separator: ", ") + "]"
        case .count(let n, let total): return "{\"count\": \(n), \"of\": \(total)}"
        case .change(let a, let b, _): return "{\"from\": \(number(a)), \"to\": \(number(b))}"
        case .text(let s): return string(s)
        case .infinite(let reason): return "{\"infinite\": true, \"reason\": \(string(reason))}"
        case .missing: return "null"
        }
    }

    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Table {
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

/// A parsed JSON document, as `JSONDecoder` gives it (see `ReportJSON.decode`).
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let x = try? container.decode(Double.self) {
            self = .number(x)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var number: Double? { if case .number(let x) = self { return x } else { return nil } }
    var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    var integer: Int? { number.flatMap { Int(exactly: $0) } }
}

extension ReportJSON {
    public struct DecodingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The report a document of `encode` holds; throws when the document is of
    /// another `format_version` or not a report.
    public static func decode(_ json: JSONValue) throws(DecodingError) -> Report {
        guard json["format_version"]?.integer == Report.formatVersion else {
            throw DecodingError(description: "not a report of format version \(Report.formatVersion)")
        }
        guard let title = json["title"]?.string, let items = json["items"]?.array else { throw DecodingError(description: "no title or items") }
        var report = Report(title: title)
        for item in items {
            if let text = item["text"]?.string {
                report.text(text)
            } else if let figures = item["figures"]?.array {
                report.figures(
                    try figures.map { f throws(DecodingError) in
                        guard let name = f["name"]?.string, let value = f["value"], let format = f["format"]?.string else {
                            throw DecodingError(description: "a figure without name, value or format")
                        }
                        return Figure(name, try decodeValue(value, format: format), unit: f["unit"]?.string, note: f["note"]?.string)
                    })
            } else if let t = item["table"] {
                guard let columns = t["columns"]?.array?.compactMap(\.string), let formats = t["formats"]?.array?.compactMap(\.string),
                    formats.count == columns.count, let rows = t["rows"]?.array
                else { throw DecodingError(description: "a malformed table") }
                var table = Table(title: t["title"]?.string, columns: columns)
                for row in rows {
                    table.rows.append(
                        try zip(columns, formats).map { column, format throws(DecodingError) in
                            try decodeValue(row[column] ?? .null, format: format)
                        })
                }
                report.table(table)
            } else if let p = item["plot"] {
                guard let title = p["title"]?.string, let kind = p["kind"]?.string.flatMap(Plot.Kind.init(rawValue:)),
                    let xLabel = p["x_label"]?.string, let yLabel = p["y_label"]?.string,
                    let series = p["series"]?.array, let references = p["references"]?.array
                else { throw DecodingError(description: "a malformed plot") }
                func range(_ key: String) -> ClosedRange<Double>? {
                    p[key]?.array.flatMap { r in r.count == 2 ? r : nil }.map { r in (r[0].number ?? .nan)...(r[1].number ?? .nan) }
                }
                report.plot(
                    Plot(
                        title: title, kind: kind, xLabel: xLabel, yLabel: yLabel,
                        series: series.map { Plot.Series(name: $0["name"]?.string ?? "", x: numbers($0["x"]), y: numbers($0["y"])) },
                        yRange: range("y_range"),
                        references: references.map { Plot.Reference(name: $0["name"]?.string ?? "", y: $0["y"]?.number ?? .nan) },
                        logX: p["log_x"] == .bool(true), xRange: range("x_range"), equalScale: p["equal_scale"] == .bool(true)))
            } else if let g = item["images"] {
                report.images(try decodeImages(g))
            } else {
                throw DecodingError(description: "an item of unknown kind")
            }
        }
        return report
    }

    static func decodeImages(_ g: JSONValue) throws(DecodingError) -> ImageGrid {
        guard let title = g["title"]?.string, let width = g["image_width"]?.integer, let height = g["image_height"]?.integer,
            let columns = g["columns"]?.integer, let images = g["images"]?.array, width > 0, height > 0, columns > 0
        else { throw DecodingError(description: "a malformed image grid") }
        let pixels = images.map { numbers($0) }
        guard pixels.allSatisfy({ $0.count == width * height }) else { throw DecodingError(description: "an image of the wrong size") }
        return ImageGrid(title: title, imageWidth: width, imageHeight: height, columns: columns, images: pixels)
    }

    /// Series numbers: null stands for a value JSON cannot hold (∞, NaN), read back as NaN.
    static func numbers(_ json: JSONValue?) -> [Double] {
        (json?.array ?? []).map { $0.number ?? .nan }
    }

    static func decodeValue(_ json: JSONValue, format name: String) throws(DecodingError) -> Value {
        let format = Value.Format(printfFormat: name) ?? .significant(6)
        switch json {
        case .null: return .missing
        case .string(let s): return .text(s)
        case .number(let x):
            if name == "integer", let n = Int(exactly: x) { return .integer(n) }
            return .number(x, format)
        case .object:
            if json["infinite"] == .bool(true) { return .infinite(reason: json["reason"]?.string ?? "") }
            if let mean = json["mean"]?.number, let sd = json["sd"]?.number {
                return .estimate(Estimate(mean: mean, sd: sd, n: json["n"]?.integer), format)
            }
            if let count = json["count"]?.integer, let total = json["of"]?.integer { return .count(count, of: total) }
            if let from = json["from"]?.number, let to = json["to"]?.number { return .change(from: from, to: to, format) }
            throw DecodingError(description: "a value of unknown kind")
        case .array(let list):
            let integers = list.compactMap(\.integer)
            guard integers.count == list.count else { throw DecodingError(description: "a list that is not of whole numbers") }
            return .integers(integers)
        case .bool:
            throw DecodingError(description: "a value of unknown kind")
        }
    }
}
