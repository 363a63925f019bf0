/// The spec language for 1-D distributions, as typed after `--p`, `--data`, …
///
///     N(mu,sigma)   U(a,b)   Laplace(mu,b)            one component
///     0.3*N(-2,0.5) + 0.7*N(2,1)                      a mixture (weights sum to 1)
///     [0.1, 0.2, 0.7]                                 a discrete distribution
///
/// Families are case-insensitive (`Normal` and `Uniform` work too). A bad spec
/// gives a `SpecError` naming the offending character's column and what is
/// wrong; weights that do not sum to 1 are an error, never silently normalised.

public struct SpecError: Error, Equatable, CustomStringConvertible {
    public let spec: String
    /// 1-based character position of the offending character.
    public let column: Int
    public let message: String

    public init(spec: String, column: Int, message: String) {
        self.spec = spec
        self.column = column
        self.message = message
    }

    /// One line: the message, then the spec with a caret before the offending character.
    public var description: String {
        let characters = Array(spec)
        let cut = min(max(column - 1, 0), characters.count)
        return "\(message) (column \(column): \(String(characters[..<cut]))^\(String(characters[cut...])))"
    }
}

public enum DistributionSpec {
    /// The tolerance for weights and probabilities summing to 1.
    public static let sumTolerance = 1e-9

    public static func parse(_ spec: String) throws(SpecError) -> Distribution {
        var parser = Parser(spec: spec)
        return try parser.distribution()
    }

    private struct Parser {
        let spec: String
        let characters: [Character]
        var position = 0

        init(spec: String) {
            self.spec = spec
            self.characters = Array(spec)
        }

        func error(_ message: String, at index: Int? = nil) -> SpecError {
            SpecError(spec: spec, column: (index ?? position) + 1, message: message)
        }

        var current: Character? { position < characters.count ? characters[position] : nil }

        mutating func skipSpaces() {
            while let c = current, c == " " || c == "\t" { position += 1 }
        }

        mutating func expect(_ c: Character, _ message: String) throws(SpecError) {
            skipSpaces()
            guard current == c else {
                throw error(current == nil ? "\(message): the spec ends early" : "\(message), found '\(current!)'")
            }
            position += 1
        }

        mutating func distribution() throws(SpecError) -> Distribution {
            skipSpaces()
            guard current != nil else {
                throw error("empty spec; try N(0,1), U(0,1), Laplace(0,1), 0.3*N(-2,0.5) + 0.7*N(2,1) or [0.2, 0.8]")
            }
            if current == "[" {
                let probabilities = try discrete()
                skipSpaces()
                if current == "+" || current == "*" {
                    throw error("a discrete distribution cannot be mixed with continuous ones")
                }
                try end()
                return .discrete(probabilities)
            }
            let mixture = try self.mixture()
            try end()
            return .continuous(mixture)
        }

        mutating func end() throws(SpecError) {
            skipSpaces()
            if let c = current { throw error("unexpected '\(c)'" + (c == ")" ? ": one ')' too many" : "")) }
        }

        mutating func discrete() throws(SpecError) -> [Double] {
            let open = position
            position += 1  // "["
            var values: [Double] = []
            skipSpaces()
            if current == "]" { throw error("a discrete distribution needs at least one probability") }
            while true {
                skipSpaces()
                let start = position
                let p = try number("a probability")
                if p < 0 { throw error("probability must be ≥ 0, got \(format(p))", at: start) }
                values.append(p)
                skipSpaces()
                if current == "," { position += 1; continue }
                if current == "]" { position += 1; break }
                if current == nil { throw error("missing ']' to close the '[' at column \(open + 1)") }
                throw error("expected ',' or ']', found '\(current!)'")
            }
            let sum = values.reduce(0, +)
            if abs(sum - 1) > DistributionSpec.sumTolerance {
                throw error("probabilities sum to \(format(sum)), not 1", at: open)
            }
            return values
        }

        mutating func mixture() throws(SpecError) -> Mixture {
            var terms: [(weight: Double?, component: Component, column: Int)] = []
            while true {
                skipSpaces()
                let start = position
                var weight: Double? = nil
                if let c = current, c.isNumber || c == "." || c == "-" || c == "+" {
                    let w = try number("a weight")
                    try expect("*", "expected '*' after the weight")
                    if w <= 0 { throw error("weight must be > 0, got \(format(w))", at: start) }
                    weight = w
                }
                skipSpaces()
                if current == "[" { throw error("a discrete distribution cannot be mixed with continuous ones") }
                terms.append((weight, try component(), start))
                skipSpaces()
                if current == "+" { position += 1; continue }
                break
            }
            if terms.count == 1 {
                let only = terms[0]
                if let w = only.weight, abs(w - 1) > DistributionSpec.sumTolerance {
                    throw error("weights sum to \(format(w)), not 1", at: only.column)
                }
                return Mixture([(1, only.component)])
            }
            if let unweighted = terms.first(where: { $0.weight == nil }) {
                throw error("each part of a mixture needs a weight, as in 0.5*N(0,1)", at: unweighted.column)
            }
            let sum = terms.reduce(0) { $0 + $1.weight! }
            if abs(sum - 1) > DistributionSpec.sumTolerance {
                throw error("weights sum to \(format(sum)), not 1", at: terms[0].column)
            }
            return Mixture(terms.map { ($0.weight!, $0.component) })
        }

        mutating func component() throws(SpecError) -> Component {
            skipSpaces()
            let start = position
            var name = ""
            while let c = current, c.isLetter { name.append(c); position += 1 }
            guard !name.isEmpty else {
                throw error(current == nil ? "expected a distribution: the spec ends early" : "expected a distribution such as N(0,1), found '\(current!)'")
            }
            let family = name.lowercased()
            let known = ["n", "normal", "gaussian", "u", "uniform", "laplace"]
            guard known.contains(family) else {
                if family == "nan" || family == "inf" || family == "infinity" {
                    throw error("\(name) is not a number that can be used here", at: start)
                }
                throw error("unknown family '\(name)'; use N(mu,sigma), U(a,b) or Laplace(mu,b)", at: start)
            }
            try expect("(", "expected '(' after \(name)")
            var parameters: [(value: Double, column: Int)] = []
            while true {
                skipSpaces()
                let column = position
                parameters.append((try number("a parameter of \(name)"), column))
                skipSpaces()
                if current == "," { position += 1; continue }
                if current == ")" { position += 1; break }
                if current == nil { throw error("missing ')' to close \(name)(") }
                throw error("expected ',' or ')', found '\(current!)'")
            }
            let labels: (String, String)
            switch family {
            case "n", "normal", "gaussian": labels = ("mu", "sigma")
            case "u", "uniform": labels = ("a", "b")
            default: labels = ("mu", "b")
            }
            guard parameters.count == 2 else {
                throw error("\(name) takes 2 parameters (\(labels.0), \(labels.1)), got \(parameters.count)", at: start)
            }
            let (first, second) = (parameters[0], parameters[1])
            switch family {
            case "n", "normal", "gaussian":
                if second.value <= 0 { throw error("sigma must be > 0, got \(format(second.value))", at: second.column) }
                return .normal(mu: first.value, sigma: second.value)
            case "u", "uniform":
                if second.value <= first.value {
                    throw error("b must be greater than a, got U(\(format(first.value)),\(format(second.value)))", at: second.column)
                }
                return .uniform(a: first.value, b: second.value)
            default:
                if second.value <= 0 { throw error("scale b must be > 0, got \(format(second.value))", at: second.column) }
                return .laplace(mu: first.value, b: second.value)
            }
        }

        /// A decimal number: optional sign, digits, optional fraction and exponent.
        mutating func number(_ what: String) throws(SpecError) -> Double {
            skipSpaces()
            let start = position
            var text = ""
            if let c = current, c == "-" || c == "+" { text.append(c); position += 1 }
            var letters = ""
            while let c = current, c.isLetter { letters.append(c); position += 1 }
            let lowered = letters.lowercased()
            if lowered == "nan" { throw error("NaN is not allowed", at: start) }
            if lowered == "inf" || lowered == "infinity" { throw error("infinity is not allowed", at: start) }
            if !letters.isEmpty { throw error("expected \(what), found '\(letters)'", at: start) }
            while let c = current, c.isASCII,
                c.isNumber || c == "." || c == "e" || c == "E"
                    || ((c == "-" || c == "+") && (text.last == "e" || text.last == "E"))
            {
                text.append(c)
                position += 1
            }
            guard text.contains(where: \.isNumber), let value = Double(text) else {
                if text.isEmpty || text == "-" || text == "+" {
                    throw error(current == nil ? "expected \(what): the spec ends early" : "expected \(what), found '\(current!)'", at: position)
                }
                throw error("'\(text)' is not a number", at: start)
            }
            guard value.isFinite else { throw error("'\(text)' is too large", at: start) }
            return value
        }

        func format(_ x: Double) -> String {
            let rounded = (x * 1e9).rounded() / 1e9
            return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
        }
    }
}

extension Distribution {
    /// The spec that parses back to this distribution.
    public var spec: String {
        switch self {
        case .discrete(let p): return "[" + p.map { "\($0)" }.joined(separator: ", ") + "]"
        case .continuous(let m):
            func component(_ c: Component) -> String {
                switch c {
                case .normal(let mu, let sigma): return "N(\(mu),\(sigma))"
                case .uniform(let a, let b): return "U(\(a),\(b))"
                case .laplace(let mu, let b): return "Laplace(\(mu),\(b))"
                }
            }
            if m.components.count == 1 { return component(m.components[0].component) }
            return m.components.map { "\($0.weight)*" + component($0.component) }.joined(separator: " + ")
        }
    }
}
