/// What `ganbook lab --target` names: one of `demo train`'s targets (ring,
/// grid, a 1-D spec), or the bundled 8×8 digits, which `demo digits` trains
/// on. Parsed once, at the option; the digits are read when the lab starts.
import ArgumentParser
import Demos
import GAN
import Installation

package enum LabTarget: Sendable, Equatable, CustomStringConvertible {
    case toy(Target)
    case digits

    /// `digits`, or what `demo train --target` takes, with "did you mean" for a word close to a name.
    package static func parse(_ text: String) throws -> LabTarget {
        if text.lowercased() == "digits" { return .digits }
        do {
            return .toy(try Demos.target(text))
        } catch {
            if text.allSatisfy(\.isLetter), let name = Suggestion.closest(to: text, among: ["ring", "grid", "digits"]) {
                throw ValidationError("no target '\(text)'; did you mean '\(name)'? (ring, grid, digits, or a 1-D spec such as N(0,1))")
            }
            throw error
        }
    }

    package var description: String {
        switch self {
        case .digits: return "digits"
        case .toy(.ring): return "ring"
        case .toy(.grid): return "grid"
        case .toy(let target): return target.name
        }
    }
}
