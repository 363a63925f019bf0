import Foundation
import TestSupport

extension Binary {
    /// The command tests' own notes and files.
    static let fixtures = PackagePaths.root.appendingPathComponent("Tests/GanbookTests/Fixtures")
}
