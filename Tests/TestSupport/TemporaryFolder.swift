import Foundation

/// The one way tests make scratch space: a fresh path under the system's
/// temporary folder, named for what it will hold (`ganbook-PURPOSE-UUID`),
/// not created yet. The test creates and removes it.
public func temporaryFolder(_ purpose: String = "store") -> String {
    NSTemporaryDirectory() + "ganbook-\(purpose)-" + UUID().uuidString
}

/// The same, as a file URL.
public func temporaryURL(_ purpose: String) -> URL { URL(fileURLWithPath: temporaryFolder(purpose)) }
