/// The JSON renderer: a report as one JSON object. Tables become arrays of
/// records keyed by column name; series become arrays of numbers; +∞ becomes
/// null with an `"infinite": true` and its reason beside it. Numbers are
/// written in the shortest form that reads back to the same Double.
public enum ReportJSON {
    public static func encode(_ report: Report) -> String {
        var out = "{\n  \"title\": \(string(report.title)),\n  \"items\": ["
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
                + "], \"rows\": [" + rows.joined(separator: ", ") + "]}}"
        case .plot(let plot):
            let series = plot.series.map {
                "{\"name\": \(string($0.name)), \"x\": [\($0.x.map(number).joined(separator: ", "))], \"y\": [\($0.y.map(number).joined(separator: ", "))]}"
            }
            let references = plot.references.map { "{\"name\": \(string($0.name)), \"y\": \(number($0.y))}" }
            return "{\"plot\": {\"title\": \(string(plot.title)), \"kind\": \"\(plot.kind == .line ? "line" : "scatter")\", "
                + "\"x_label\": \(string(plot.xLabel)), \"y_label\": \(string(plot.yLabel)), \"log_x\": \(plot.logX), "
                + "\"series\": [\(series.joined(separator: ", "))], \"references\": [\(references.joined(separator: ", "))]}}"
        }
    }

    static func figure(_ f: Figure) -> String {
        var fields = ["\"name\": \(string(f.name))", "\"value\": \(value(f.value))"]
        if case .infinite(let reason) = f.value { fields += ["\"infinite\": true", "\"reason\": \(string(reason))"] }
        if let unit = f.unit { fields.append("\"unit\": \(string(unit))") }
        if let note = f.note { fields.append("\"note\": \(string(note))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func value(_ v: Value) -> String {
        switch v {
        case .number(let x, _): return number(x)
        case .integer(let n): return String(n)
        case .text(let s): return string(s)
        case .infinite, .missing: return "null"
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
