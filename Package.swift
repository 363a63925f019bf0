// swift-tools-version:6.0
// ganbook: a terminal notebook for learning the theory of GANs.
import PackageDescription

let package = Package(
    name: "ganbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ganbook", targets: ["ganbook"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // Debian's libcmark (0.30), linked as a system library; no vendored sources.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The only place that touches cmark's C tree.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // Terminal capabilities, display width, wrapping, styles, and the Markdown renderer.
        .target(name: "Terminal", dependencies: ["Markdown"]),
        // Notes on disk: discovery, ids, titles, demo cells and quiz cards.
        .target(name: "Notebook", dependencies: ["Markdown"]),
        // The `ganbook` command-line tool.
        .executableTarget(
            name: "ganbook",
            dependencies: [
                "Markdown", "Terminal", "Notebook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Markdown", "TestSupport"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "TestSupport"]),
        .testTarget(name: "GanbookTests", dependencies: ["ganbook", "Notebook", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
