/// Reads a labelled numeric CSV file (`--data FILE.csv --label COLUMN`).
///
/// The first line is the header. Fields are separated by commas; a field may
/// be quoted with `"` (a doubled `""` inside is a quote). Every column but the
/// label must be a finite number in every row; the label column may hold any
/// text and must have exactly two distinct values. Every problem is one
/// `CSVError` naming the file, the line and the column.
import Installation

public struct CSVError: Error, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

public enum CSVDataset {
    public static func load(path: String, label: String) throws(CSVError) -> Dataset {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            switch error {
            case .missing: throw CSVError("\(path): no such file")
            case .notADirectory: throw CSVError("\(path): not a file")
            case .unreadable(let reason): throw CSVError("\(path): cannot read: \(reason)")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CSVError("\(path): not valid UTF-8 text") }
        return try parse(text, name: path, label: label)
    }

    public static func parse(_ text: String, name: String, label: String) throws(CSVError) -> Dataset {
        // "\r\n" is one Character in Swift, so both line ends are named.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
        guard let headerLine = lines.first, !headerLine.isEmpty else { throw CSVError("\(name): the file is empty") }
        let header = try fields(headerLine, name: name, line: 1).map { $0.trimmingSpaces }
        guard lines.count > 1 else { throw CSVError("\(name): only a header, no rows of data") }
        guard let labelIndex = header.firstIndex(of: label) else {
            let shown = header.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (header.count > 8 ? ", …" : "")
            throw CSVError("\(name):1: no column '\(label)'; the columns are \(shown)")
        }
        guard header.count >= 2 else { throw CSVError("\(name):1: the label is the only column; there are no features") }

        var x: [Double] = []
        var labelTexts: [String] = []
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if line.allSatisfy({ $0 == " " }) { throw CSVError("\(name):\(number): empty line inside the data") }
            let row = try fields(line, name: name, line: number)
            guard row.count == header.count else {
                throw CSVError("\(name):\(number): row has \(row.count) fields, the header has \(header.count)")
            }
            for (column, field) in row.enumerated() {
                let value = field.trimmingSpaces
                let where_ = "\(name):\(number): column \(column + 1) '\(header[column])'"
                if value.isEmpty { throw CSVError("\(where_) is empty (missing value)") }
                if column == labelIndex { labelTexts.append(value); continue }
                guard let v = Double(value) else { throw CSVError("\(where_): '\(value.prefix(20))' is not a number") }
                guard v.isFinite else { throw CSVError("\(where_): '\(value)' is not a finite number") }
                x.append(v)
            }
        }
        var classes: [String] = []
        for l in labelTexts where !classes.contains(l) { classes.append(l) }
        classes.sort()
        guard classes.count == 2 else {
            if classes.count == 1 { throw CSVError("\(name): column '\(label)' has only one class, '\(classes[0])'; a classifier needs two") }
            let shown = classes.prefix(5).joined(separator: ", ") + (classes.count > 5 ? ", …" : "")
            throw CSVError(
                "\(name): column '\(label)' has \(classes.count) classes (\(shown)); gen-vs-disc compares binary classifiers, so it needs exactly two")
        }
        var featureNames = header
        featureNames.remove(at: labelIndex)
        return Dataset(
            name: name, featureNames: featureNames, x: x,
            labels: labelTexts.map { $0 == classes[1] ? 1 : 0 }, classNames: classes)
    }

    /// Splits one line into fields, honouring quotes.
    static func fields(_ line: Substring, name: String, line number: Int) throws(CSVError) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var chars = line.makeIterator()
        var column = 1
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    // "" inside quotes is a quote; a lone " ends the quoted part.
                    var lookahead = chars
                    if lookahead.next() == "\"" { field.append("\""); chars = lookahead } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "," {
                out.append(field); field = ""; wasQuoted = false; column += 1
            } else if c == "\"" && field.trimmingSpaces.isEmpty && !wasQuoted {
                quoted = true; wasQuoted = true; field = ""
            } else {
                field.append(c)
            }
        }
        if quoted { throw CSVError("\(name):\(number): column \(column): a quote is not closed") }
        out.append(field)
        return out
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
