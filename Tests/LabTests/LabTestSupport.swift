import Demos
import Foundation
import GAN
import Lab
import TestSupport

/// Settings as `ganbook lab ARGS` would build them.
func labSettings(target: String = "ring", loss: GANLoss = .nonsaturating, dSteps: Int? = nil, _ arguments: [String] = []) throws -> LabSettings {
    LabSettings(options: try GANOptions.parse(arguments), target: try Target.parse(target), loss: loss, dSteps: dSteps)
}

enum LabGolden {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/LabTests/Golden")
}
