/// A figure of a demo's report by name, for the quiz's demo-backed exercise
/// answers (`A: = demo jsd --p … → JS divergence ± 0.001`): the demo is run
/// with the exercise's words, and its figure is read as a number.
import Demos
import Report

package enum DemoFigure {
    /// A figure the report does not have, or that is not a number.
    package struct Missing: Error, CustomStringConvertible {
        package var description: String
    }

    /// The figure `name` (or "name unit", as in `JSD(p‖q) nats`) of the report of `words`.
    package static func value(_ words: [String], _ name: String) throws -> Double {
        let report = try DemoRegistry.parse(words).report()
        let command = "demo " + words.joined(separator: " ")
        for case .figures(let figures) in report.items {
            for f in figures where f.name == name || f.name + " " + (f.unit ?? "") == name {
                switch f.value {
                case .number(let x, _): return x
                case .integer(let n): return Double(n)
                default: throw Missing(description: "\(command): figure '\(name)' is not a number")
                }
            }
        }
        throw Missing(description: "\(command) has no figure '\(name)'")
    }
}
