/// The exercise language: small arithmetic expressions, for the answers of
/// exercise cards (`A: = a / (a + b) ± 0.01`) and for what a learner types at a
/// numeric prompt (`log 2`, `ln(2)`, `1/3`, `2*pi`).
///
///     + - * / ^ ( )        also − × · ÷; ^ binds right: 2^3^2 = 2^9; -2^2 = -4
///     log ln exp sqrt abs  a function takes parentheses or one factor: log 2, log(2), log 2^3 = log 8
///     min(x, y, …) max(…)  two or more arguments, in parentheses
///     pi π e               constants; log is the natural logarithm (nats)
///
/// Owns parsing and evaluation only. Evaluation throws instead of returning a
/// NaN or an infinity, so a formula that divides by zero (or takes the log of
/// a negative number) is reported, never shown as a number.
import Glibc

package indirect enum Expression: Sendable, Equatable {
    case number(Double)
    case variable(String)
    case negate(Expression)
    case binary(Character, Expression, Expression)  // + - * / ^
    case call(String, [Expression])

    package static let constants: [String: Double] = ["pi": Double.pi, "π": Double.pi, "e": M_E]
    package static let functions: Set<String> = ["log", "ln", "exp", "sqrt", "abs", "min", "max"]

    /// A syntax error, with the 1-based column of the offending character.
    package struct SyntaxError: Error, Equatable, CustomStringConvertible {
        package let column: Int
        package let message: String
        package var description: String { "\(message) (column \(column))" }
    }

    /// Why a value could not be computed.
    package enum EvaluationError: Error, Equatable, CustomStringConvertible {
        case divisionByZero
        case unknownVariable(String)
        case notFinite(String)

        package var description: String {
            switch self {
            case .divisionByZero: return "divides by zero"
            case .unknownVariable(let name): return "uses the unknown variable '\(name)'"
            case .notFinite(let what): return "is not a finite number (\(what))"
            }
        }
    }

    package static func parse(_ text: String) throws(SyntaxError) -> Expression {
        var parser = Parser(Array(text))
        parser.skipSpaces()
        guard parser.current != nil else { throw SyntaxError(column: 1, message: "expected a number or a formula") }
        let e = try parser.sum()
        parser.skipSpaces()
        if let c = parser.current {
            throw SyntaxError(column: parser.position + 1, message: "unexpected '\(c)'")
        }
        return e
    }

    /// The variables the expression names (not the constants), in order of first use.
    package var variables: [String] {
        var out: [String] = []
        func walk(_ e: Expression) {
            switch e {
            case .number: break
            case .variable(let name): if !out.contains(name) { out.append(name) }
            case .negate(let x): walk(x)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .call(_, let args): args.forEach(walk)
            }
        }
        walk(self)
        return out
    }

    package func evaluate(_ values: [String: Double] = [:]) throws(EvaluationError) -> Double {
        let x: Double
        switch self {
        case .number(let v): return v
        case .variable(let name):
            if let v = values[name] ?? Self.constants[name] { return v }
            throw .unknownVariable(name)
        case .negate(let e): return -(try e.evaluate(values))
        case .binary(let op, let a, let b):
            let l = try a.evaluate(values), r = try b.evaluate(values)
            switch op {
            case "+": x = l + r
            case "-": x = l - r
            case "*": x = l * r
            case "/":
                if r == 0 { throw .divisionByZero }
                x = l / r
            default:
                if l == 0 && r < 0 { throw .divisionByZero }
                x = pow(l, r)
                if x.isNaN { throw .notFinite("\(Self.show(l))^\(Self.show(r))") }
            }
        case .call(let name, let args):
            let v = try args.map { (e: Expression) throws(EvaluationError) -> Double in try e.evaluate(values) }
            switch name {
            case "log", "ln":
                if v[0] == 0 { throw .notFinite("log of 0") }
                if v[0] < 0 { throw .notFinite("log of \(Self.show(v[0]))") }
                x = log(v[0])
            case "exp": x = exp(v[0])
            case "sqrt":
                if v[0] < 0 { throw .notFinite("sqrt of \(Self.show(v[0]))") }
                x = v[0].squareRoot()
            case "abs": x = abs(v[0])
            case "min": x = v.min()!
            default: x = v.max()!
            }
        }
        guard x.isFinite else { throw .notFinite("overflow") }
        return x
    }

    static func show(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    private struct Parser {
        let characters: [Character]
        var position = 0

        init(_ characters: [Character]) { self.characters = characters }

        var current: Character? { position < characters.count ? characters[position] : nil }

        mutating func skipSpaces() {
            while let c = current, c == " " || c == "\t" { position += 1 }
        }

        func error(_ message: String, at index: Int? = nil) -> SyntaxError {
            SyntaxError(column: (index ?? position) + 1, message: message)
        }

        /// The operator at the cursor, with the Unicode spellings folded.
        var op: Character? {
            switch current {
            case "+": return "+"
            case "-", "−": return "-"
            case "*", "×", "·": return "*"
            case "/", "÷": return "/"
            case "^": return "^"
            default: return nil
            }
        }

        mutating func sum() throws(SyntaxError) -> Expression {
            var e = try product()
            while true {
                skipSpaces()
                guard let o = op, o == "+" || o == "-" else { return e }
                position += 1
                e = .binary(o, e, try product())
            }
        }

        mutating func product() throws(SyntaxError) -> Expression {
            var e = try unary()
            while true {
                skipSpaces()
                guard let o = op, o == "*" || o == "/" else { return e }
                position += 1
                e = .binary(o, e, try unary())
            }
        }

        mutating func unary() throws(SyntaxError) -> Expression {
            skipSpaces()
            if let o = op, o == "-" || o == "+" {
                position += 1
                let e = try unary()
                return o == "-" ? .negate(e) : e
            }
            return try power()
        }

        mutating func power() throws(SyntaxError) -> Expression {
            let base = try application()
            skipSpaces()
            if op == "^" {
                position += 1
                return .binary("^", base, try unary())
            }
            return base
        }

        mutating func application() throws(SyntaxError) -> Expression {
            skipSpaces()
            let start = position
            guard let c = current else { throw error("the formula ends where a number was expected") }
            if c.isNumber || c == "." { return .number(try number()) }
            if c == "(" {
                position += 1
                let e = try sum()
                skipSpaces()
                guard current == ")" else { throw error(current == nil ? "missing ')'" : "expected ')', found '\(current!)'") }
                position += 1
                return e
            }
            guard c.isLetter || c == "_" else { throw error("unexpected '\(c)'") }
            var name = ""
            while let d = current, d.isLetter || d.isNumber || d == "_" { name.append(d); position += 1 }
            guard Expression.functions.contains(name) else { return .variable(name) }
            skipSpaces()
            let arity = name == "min" || name == "max" ? 2 : 1
            if current == "(" {
                position += 1
                var args = [try sum()]
                skipSpaces()
                while current == "," {
                    position += 1
                    args.append(try sum())
                    skipSpaces()
                }
                guard current == ")" else { throw error(current == nil ? "missing ')'" : "expected ')' or ',', found '\(current!)'") }
                position += 1
                if arity == 1 && args.count != 1 { throw error("\(name) takes one argument, got \(args.count)", at: start) }
                if arity == 2 && args.count < 2 { throw error("\(name) takes two or more arguments", at: start) }
                return .call(name, args)
            }
            if arity == 2 { throw error("\(name) needs its arguments in parentheses: \(name)(x, y)", at: start) }
            guard current != nil else { throw error("\(name) needs an argument") }
            // `log 2^3` is log(8): the argument is one factor, a power included.
            return .call(name, [try power()])
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = position
            var text = ""
            while let c = current, c.isASCII && (c.isNumber || c == ".") { text.append(c); position += 1 }
            if let c = current, c == "e" || c == "E" {
                // An exponent only when digits follow (2e-3); otherwise `e` is the constant, and an error below.
                var look = position + 1
                var exponent = String(c)
                if look < characters.count, characters[look] == "-" || characters[look] == "+" { exponent.append(characters[look]); look += 1 }
                var digits = ""
                while look < characters.count, characters[look].isASCII, characters[look].isNumber { digits.append(characters[look]); look += 1 }
                if !digits.isEmpty { text += exponent + digits; position = look }
            }
            guard let value = Double(text), value.isFinite else { throw error("'\(text)' is not a number", at: start) }
            if let c = current, c.isLetter || c == "(" {
                throw error("write '*' between '\(text)' and '\(c)'")
            }
            return value
        }
    }
}

extension Expression: CustomStringConvertible {
    /// The expression written back, fully bracketed where precedence needs it.
    package var description: String {
        switch self {
        case .number(let v): return Self.show(v)
        case .variable(let name): return name
        case .negate(let e): return "-" + e.bracketed(above: 2)
        case .binary(let op, let a, let b):
            let level = op == "+" || op == "-" ? 1 : op == "^" ? 3 : 2
            return a.bracketed(above: level) + " \(op) " + b.bracketed(above: level, right: true)
        case .call(let name, let args): return name + "(" + args.map(\.description).joined(separator: ", ") + ")"
        }
    }

    var level: Int {
        switch self {
        case .binary(let op, _, _): return op == "+" || op == "-" ? 1 : op == "^" ? 3 : 2
        case .negate: return 2
        default: return 4
        }
    }

    func bracketed(above level: Int, right: Bool = false) -> String {
        let needs = self.level < level || (right && self.level == level && level != 3) || (level == 3 && !right && self.level == 3)
        return needs ? "(" + description + ")" : description
    }
}

extension Expression {
    /// The values the expression can take when each variable lies in its range, by
    /// interval arithmetic; nil when that cannot rule out a division by zero, a log
    /// or square root out of its domain, or an unbounded result. Used by `check`
    /// to pass a safe formula without sampling (sampling decides the rest).
    package func range(over ranges: [String: ClosedRange<Double>]) -> ClosedRange<Double>? {
        func ok(_ low: Double, _ high: Double) -> ClosedRange<Double>? {
            low.isFinite && high.isFinite && low <= high ? low...high : nil
        }
        switch self {
        case .number(let v): return v...v
        case .variable(let name):
            if let r = ranges[name] { return r }
            return Self.constants[name].map { $0...$0 }
        case .negate(let e):
            guard let r = e.range(over: ranges) else { return nil }
            return -r.upperBound...(-r.lowerBound)
        case .binary(let op, let a, let b):
            guard let x = a.range(over: ranges), let y = b.range(over: ranges) else { return nil }
            switch op {
            case "+": return ok(x.lowerBound + y.lowerBound, x.upperBound + y.upperBound)
            case "-": return ok(x.lowerBound - y.upperBound, x.upperBound - y.lowerBound)
            case "*":
                let p = [x.lowerBound * y.lowerBound, x.lowerBound * y.upperBound, x.upperBound * y.lowerBound, x.upperBound * y.upperBound]
                return ok(p.min()!, p.max()!)
            case "/":
                guard y.lowerBound > 0 || y.upperBound < 0 else { return nil }
                let p = [x.lowerBound / y.lowerBound, x.lowerBound / y.upperBound, x.upperBound / y.lowerBound, x.upperBound / y.upperBound]
                return ok(p.min()!, p.max()!)
            default:
                // A positive base, or a whole constant exponent of a base away from zero.
                if x.lowerBound > 0 {
                    let p = [
                        pow(x.lowerBound, y.lowerBound), pow(x.lowerBound, y.upperBound), pow(x.upperBound, y.lowerBound), pow(x.upperBound, y.upperBound),
                    ]
                    return ok(p.min()!, p.max()!)
                }
                guard y.lowerBound == y.upperBound, y.lowerBound == y.lowerBound.rounded(), y.lowerBound >= 0 else { return nil }
                let n = y.lowerBound
                let ends = [pow(x.lowerBound, n), pow(x.upperBound, n)]
                let spansZero = x.lowerBound <= 0 && x.upperBound >= 0
                return ok(spansZero && n.truncatingRemainder(dividingBy: 2) == 0 ? 0 : ends.min()!, ends.max()!)
            }
        case .call(let name, let args):
            let r = args.map { $0.range(over: ranges) }
            guard !r.contains(where: { $0 == nil }) else { return nil }
            let x = r[0]!
            switch name {
            case "log", "ln": return x.lowerBound > 0 ? ok(log(x.lowerBound), log(x.upperBound)) : nil
            case "exp": return ok(exp(x.lowerBound), exp(x.upperBound))
            case "sqrt": return x.lowerBound >= 0 ? ok(x.lowerBound.squareRoot(), x.upperBound.squareRoot()) : nil
            case "abs":
                if x.lowerBound >= 0 { return x }
                if x.upperBound <= 0 { return -x.upperBound...(-x.lowerBound) }
                return ok(0, max(-x.lowerBound, x.upperBound))
            case "min": return ok(r.map { $0!.lowerBound }.min()!, r.map { $0!.upperBound }.min()!)
            default: return ok(r.map { $0!.lowerBound }.max()!, r.map { $0!.upperBound }.max()!)
            }
        }
    }
}
