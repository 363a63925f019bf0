/// The demo kit: what every demo is, and the list of them.
///
/// A demo is a set of validated command-line options (ArgumentParser) that
/// produces a `Report`: data, never formatted output. The command-line tool
/// runs it as `ganbook demo NAME [options]` and presents the report (terminal
/// or JSON); a `demo` cell in a note holds the same words and is parsed by the
/// same parser. Random demos take `--seed` with a fixed default, so the same
/// command prints the same output.
import ArgumentParser
import Distributions
import Installation
import NeuralNet
import Report

package protocol Demo: ParsableArguments {
    /// The subcommand name, e.g. `jsd`.
    static var name: String { get }
    /// One line for `ganbook demo`'s list.
    static var summary: String { get }
    /// Longer help: what the demo shows and how to read it.
    static var discussion: String { get }
    /// Bump when the numbers a run prints change, so cached outputs are redone.
    static var version: Int { get }

    /// Roughly how long a default run takes, relative to `train`'s (1): to
    /// start the longest cells first and estimate the time left.
    static var relativeCost: Double { get }

    /// The demo's output. Long demos call `progress` as they go.
    func report(progress: Progress) throws -> Report

    /// A line the command-line tool writes on stderr before the run, for a run
    /// far longer than the demo's usual (how long it will take); nil for most.
    var notice: String? { get }
}

extension Demo {
    package var notice: String? { nil }

    /// The report, without progress.
    package func report() throws -> Report { try report(progress: .silent) }
}

package enum DemoRegistry {
    /// Every demo, in the order `ganbook demo` lists them.
    package static let all: [any Demo.Type] = [
        JSDDemo.self, OptimalDiscriminatorDemo.self, GenVsDiscDemo.self, TrainDemo.self, ModeCollapseDemo.self, DStepsDemo.self,
        DigitsDemo.self,
    ]

    package static func demo(named name: String) -> (any Demo.Type)? {
        all.first { $0.name == name }
    }

    /// The one-line error for `ganbook demo NAME …` when NAME is no demo,
    /// with a suggestion and the list (ArgumentParser would only call it an
    /// unexpected argument); nil for a demo's name.
    package static func unknown(_ name: String) -> String? {
        guard demo(named: name) == nil, case .failure(let error) = parsed([name]) else { return nil }
        return error.description
    }

    /// Why words do not make a demo run: one line, for a cell or a command line.
    package struct ParseError: Error, CustomStringConvertible {
        package var description: String
    }

    /// The demo that `words` (`jsd --p "N(0,1)"`, the words after `ganbook
    /// demo`) invoke, parsed and validated exactly as the command line parses
    /// them, without running it.
    package static func parse(_ words: [String]) throws(ParseError) -> any Demo {
        try parsed(words).get()
    }

    /// `parse` as a value: a throwing function that opens the demo type's
    /// existential trips the 6.3 compiler (a SILGen crash), a plain one does not.
    static func parsed(_ words: [String]) -> Result<any Demo, ParseError> {
        guard let name = words.first, let type = demo(named: name) else {
            let name = words.first ?? ""
            let hint = Suggestion.closest(to: name, among: all.map { $0.name }).map { "; did you mean '\($0)'?" } ?? "."
            return .failure(ParseError(description: "no demo '\(name)'\(hint) The demos are " + all.map { $0.name }.joined(separator: ", ") + "."))
        }
        return type.parsed(Array(words.dropFirst())).mapError { ParseError(description: "\(name): \($0.description)") }
    }
}

extension Demo {
    /// The demo these options make, or ArgumentParser's first line of why not.
    static func parsed(_ arguments: [String]) -> Result<any Demo, DemoRegistry.ParseError> {
        do {
            return .success(try Self.parse(arguments))
        } catch {
            let message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "does not parse"
            return .failure(DemoRegistry.ParseError(description: message))
        }
    }
}

/// An option typed as text that stands for a value (a distribution, a
/// target). `@Option(transform:)` parses it once, while ArgumentParser reads
/// the command line, so a bad spec is ArgumentParser's one-line error naming
/// the option; the text is kept as the user typed it, for titles and help.
package struct Spec<Value: Sendable>: Sendable, CustomStringConvertible {
    package let text: String
    package let value: Value
    package var description: String { text }

    init(_ text: String, _ parse: (String) throws -> Value) throws {
        self.text = text
        self.value = try parse(text)
    }

    /// A default written in the code; `DemoTests` runs every demo with its
    /// defaults, so a bad one fails a test rather than a user's run.
    init(default text: String, _ parse: (String) throws -> Value) {
        guard let spec = try? Spec(text, parse) else { preconditionFailure("the default spec \(text) does not parse") }
        self = spec
    }
}

/// A distribution spec (`N(0,1)`, `0.5*U(0,1) + 0.5*N(3,1)`), for `@Option(transform:)`.
func distributionSpec(_ text: String) throws -> Spec<Distribution> { try Spec(text, DistributionSpec.parse) }

/// A continuous distribution: the demos that compare densities need one.
func density(_ text: String) throws -> Mixture {
    guard case .continuous(let mixture) = try DistributionSpec.parse(text) else {
        throw ValidationError("a continuous distribution is needed: this demo compares densities")
    }
    return mixture
}

/// A continuous distribution spec, for `@Option(transform:)`.
func densitySpec(_ text: String) throws -> Spec<Mixture> { try Spec(text, density) }

extension Estimate {
    /// The mean and sample standard deviation of `values` (see `Statistics`).
    init(of values: [Double]) {
        self.init(mean: Statistics.mean(values), sd: Statistics.standardDeviation(values), n: values.count)
    }
}

/// A number for a sentence of a report, with `digits` after the point, as
/// the report's figures show it.
func format(_ x: Double, _ digits: Int = 3) -> String { Value.Format.fixed(digits).apply(x) }

extension String {
    /// The spec as the user would type it, quoted when it has spaces.
    var debugQuoted: String { contains(" ") || contains("(") ? "\"\(self)\"" : self }
}

/// The matrix-kernel path the GAN demos run on (NeuralNet's `KernelPath`),
/// for the tool to check `GANBOOK_KERNEL` before any work.
package enum DemoKernels {
    /// Why `GANBOOK_KERNEL` cannot be honoured, if it cannot.
    package static var environmentError: String? { KernelPath.environmentError }

    /// The path the products run on: avx512, avx2 or portable.
    package static var current: String { KernelPath.current.rawValue }
}
