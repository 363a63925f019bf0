/// Exercise cards: a quiz card whose numbers are drawn afresh at each review.
///
///     vars: a = U(0.05, 0.95); b = U(0.05, 0.95)      distributions in the spec language
///     Q: p_data(x) = {a} and p_g(x) = {b}. D*(x)?     {a} shows a to 2 decimals, {a:.3} to 3,
///                                                     {1-a} a value computed from the shown ones
///     A: = a / (a + b) ± 0.01                         a formula (see `Expression`); ± 2% is relative
///     A: = demo jsd --p "[{a}, {1-a}]" --q "[0.5, 0.5]" → JS divergence ± 0.001
///                                                     or a figure of a demo's report
///
/// The numbers come from a generator seeded by the caller (the card id, the
/// review number), so a review can be replayed. Each variable is rounded as its
/// first `{name}` in the question shows it, and every value after that (the
/// answer included) is computed from the rounded numbers the learner saw.
///
/// `validate` is what `ganbook check` relies on: it samples the variables'
/// ranges (seeded draws plus the ends of bounded ranges) and reports a formula
/// that divides by zero or is not finite anywhere it looked.
import Distributions

package struct Exercise: Sendable, Equatable {
    package struct Variable: Sendable, Equatable {
        package var name: String
        package var spec: String
        package var distribution: Distribution
        /// Decimals the question shows it with, and rounds it to.
        package var decimals: Int
    }

    package enum Source: Sendable, Equatable {
        case formula(Expression)
        /// `ganbook demo` words (a template each) and the name of a figure of its report.
        case demo(words: [Template], figure: String)
    }

    package enum Tolerance: Sendable, Equatable {
        case absolute(Double)
        /// A fraction of the answer's magnitude (`± 2%` is 0.02).
        case relative(Double)

        package func of(_ answer: Double) -> Double {
            switch self {
            case .absolute(let t): return t
            case .relative(let f): return f * abs(answer)
            }
        }
    }

    package var variables: [Variable]
    package var question: Template
    package var why: Template?
    package var source: Source
    package var tolerance: Tolerance

    /// One draw: the numbers, the texts with them filled in, and the answer
    /// (nil for a demo-backed answer, which the caller computes by running `demoWords`).
    package struct Instance: Sendable, Equatable {
        package var values: [String: Double]
        package var question: String
        package var why: String?
        package var answer: Double?
        package var demoWords: [String]?
    }

    /// Draws the numbers from `generator` and fills everything in; a draw where
    /// something cannot be computed is replaced by the next (at most 100 tries).
    package func instance(seed: UInt64) -> Instance? {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<100 {
            let values = draw(&generator)
            if let instance = try? fill(values) { return instance }
        }
        return nil
    }

    func draw(_ generator: inout SeededGenerator) -> [String: Double] {
        var values: [String: Double] = [:]
        for v in variables { values[v.name] = Self.round(Self.sample(v.distribution, &generator), v.decimals) }
        return values
    }

    package func fill(_ values: [String: Double]) throws(Expression.EvaluationError) -> Instance {
        let q = try question.render(values)
        let w = try why?.render(values)
        switch source {
        case .formula(let e):
            return Instance(values: values, question: q, why: w, answer: try e.evaluate(values), demoWords: nil)
        case .demo(let words, _):
            let filled = try words.map { (t: Template) throws(Expression.EvaluationError) -> String in try t.render(values) }
            return Instance(values: values, question: q, why: w, answer: nil, demoWords: filled)
        }
    }

    static func sample(_ d: Distribution, _ generator: inout SeededGenerator) -> Double {
        switch d {
        case .continuous(let m): return m.sample(using: &generator)
        case .discrete(let p):
            var u = UnitInterval.open(using: &generator)
            for (i, w) in p.enumerated() {
                if u < w { return Double(i) }
                u -= w
            }
            return Double(p.count - 1)
        }
    }

    /// `x` rounded half away from zero to `decimals` places, as it is shown.
    package static func round(_ x: Double, _ decimals: Int) -> Double {
        Double(format(x, decimals)) ?? x
    }

    /// `x` to `decimals` places, without Foundation (the read path stays small); never "-0.00".
    package static func format(_ x: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(x) }
        let units = UInt64(scaled)
        let p = UInt64(scale)
        var text = String(units / p)
        if decimals > 0 {
            let fraction = String(units % p)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (x < 0 && units > 0 ? "-" : "") + text
    }

    // MARK: Checking

    /// Every expression of the card, with how a problem in it is named.
    var expressions: [(label: String, expression: Expression)] {
        var out: [(String, Expression)] = []
        for case .value(let e, _) in question.pieces { out.append(("Q: '{\(e)}'", e)) }
        for case .value(let e, _) in why?.pieces ?? [] { out.append(("Why: '{\(e)}'", e)) }
        switch source {
        case .formula(let e): out.append(("formula '\(e)'", e))
        case .demo(let words, _):
            for w in words { for case .value(let e, _) in w.pieces { out.append(("demo answer '{\(e)}'", e)) } }
        }
        return out
    }

    /// The range of the rounded values of each variable, when every one is bounded.
    var ranges: [String: ClosedRange<Double>]? {
        var out: [String: ClosedRange<Double>] = [:]
        for v in variables {
            switch v.distribution {
            case .continuous(let m):
                guard let s = m.support else { return nil }
                out[v.name] = Self.round(s.first!.lowerBound, v.decimals)...Self.round(s.last!.upperBound, v.decimals)
            case .discrete(let p): out[v.name] = 0...Double(p.count - 1)
            }
        }
        return out
    }

    /// The first point of the variables' ranges where something cannot be computed, as a message.
    /// Interval arithmetic passes most formulas at once; the others are sampled.
    package func validate(seed: UInt64) -> String? {
        if let ranges, expressions.allSatisfy({ $0.expression.range(over: ranges) != nil }) { return nil }
        var points: [[String: Double]] = []
        // The ends of bounded ranges, every combination (up to 2^6 corners).
        let ends = variables.map { v -> [Double] in
            switch v.distribution {
            case .continuous(let m):
                guard let s = m.support else { return [] }
                return [s.first!.lowerBound, s.last!.upperBound].map { Self.round($0, v.decimals) }
            case .discrete(let p): return [0, Double(p.count - 1)]
            }
        }
        if variables.count <= 6, ends.allSatisfy({ !$0.isEmpty }) {
            for corner in 0..<(1 << variables.count) {
                var values: [String: Double] = [:]
                for (i, v) in variables.enumerated() { values[v.name] = ends[i][(corner >> i) & 1] }
                points.append(values)
            }
        }
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<2000 { points.append(draw(&generator)) }
        let expressions = self.expressions
        for values in points {
            for (label, e) in expressions {
                do {
                    _ = try e.evaluate(values)
                } catch {
                    let at = variables.map { "\($0.name) = \(Self.format(values[$0.name]!, $0.decimals))" }.joined(separator: ", ")
                    return "\(label) \(error) at \(at) (sampled over the vars' ranges)"
                }
            }
        }
        return nil
    }
}

/// Text with `{expression}` and `{expression:.N}` holes; `{{` and `}}` are braces.
package struct Template: Sendable, Equatable {
    package enum Piece: Sendable, Equatable {
        case text(String)
        case value(Expression, decimals: Int)
    }

    package static let defaultDecimals = 2
    package var pieces: [Piece]

    /// Scans by bytes (braces are ASCII), so that text without holes, as in
    /// most questions, costs one pass; columns in errors count characters.
    package static func parse(_ text: String) throws(Expression.SyntaxError) -> Template {
        let bytes = text.utf8
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        guard bytes.contains(where: { $0 == open || $0 == close }) else { return Template(pieces: text.isEmpty ? [] : [.text(text)]) }
        func column(_ index: String.Index) -> Int { text[..<index].count + 1 }
        var pieces: [Piece] = []
        var literal = ""
        var i = bytes.startIndex, runStart = i
        while i < bytes.endIndex {
            let b = bytes[i], next = bytes.index(after: i)
            if (b == open || b == close) && next < bytes.endIndex && bytes[next] == b {
                literal += text[runStart..<next]  // one brace of the two
                i = bytes.index(after: next)
                runStart = i
                continue
            }
            if b == close { throw Expression.SyntaxError(column: column(i), message: "a '}' without its '{' (write '}}' for a brace)") }
            guard b == open else {
                i = next
                continue
            }
            guard let end = bytes[next...].firstIndex(of: close) else {
                throw Expression.SyntaxError(column: column(i), message: "a '{' without its '}'")
            }
            literal += text[runStart..<i]
            var inside = String(text[next..<end])
            var decimals = defaultDecimals
            if let colon = inside.lastIndex(of: ":") {
                let format = inside[inside.index(after: colon)...]
                guard format.first == ".", let n = Int(format.dropFirst()), (0...9).contains(n) else {
                    throw Expression.SyntaxError(column: column(i), message: "'{\(inside)}': the format after ':' is .N, N from 0 to 9 decimals")
                }
                decimals = n
                inside = String(inside[..<colon])
            }
            let e: Expression
            do { e = try Expression.parse(inside) } catch {
                throw Expression.SyntaxError(column: column(i) + error.column, message: "'{\(inside)}': \(error.message)")
            }
            if !literal.isEmpty { pieces.append(.text(literal)); literal = "" }
            pieces.append(.value(e, decimals: decimals))
            i = bytes.index(after: end)
            runStart = i
        }
        literal += text[runStart...]
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return Template(pieces: pieces)
    }

    package var variables: [String] {
        var out: [String] = []
        for case .value(let e, _) in pieces { for v in e.variables where !out.contains(v) { out.append(v) } }
        return out
    }

    /// The decimals of the first hole that is exactly `name`.
    package func decimals(of name: String) -> Int? {
        for case .value(.variable(let n), let d) in pieces where n == name { return d }
        return nil
    }

    package func render(_ values: [String: Double]) throws(Expression.EvaluationError) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let t): out += t
            case .value(let e, let d): out += Exercise.format(try e.evaluate(values), d)
            }
        }
        return out
    }
}
