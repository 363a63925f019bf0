import Foundation

/// A fresh path under the system's temporary folder, not created yet.
public func temporaryFolder() -> String {
    NSTemporaryDirectory() + "ganbook-store-" + UUID().uuidString
}
