// swift-tools-version:6.0
// ganbook: a terminal notebook for learning the theory of GANs.
//
// Each module's charter (what it owns, what it never touches) and the
// import graph are in docs/architecture.md; they are not repeated here.
import PackageDescription

/// Every module is compiled with optimisation in debug builds too, the C
/// kernels included: the tests train GANs and run demos, and unoptimised code
/// runs them some 30× slower (`demo d-steps --steps 50` takes 51 s against
/// 1.5 s in a release build). Preconditions are still checked; `assert` is not.
let optimizedInTests: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "ganbook",
    products: [
        .executable(name: "ganbook", targets: ["ganbook"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CMatrixKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        .target(name: "Markdown", dependencies: ["CCmark"], swiftSettings: optimizedInTests),
        .target(name: "TerminalKit", dependencies: ["Report"], swiftSettings: optimizedInTests),
        .target(
            name: "Terminal", dependencies: ["TerminalKit", "Markdown", "Report", "Notebook", "Cells", "Localization", "Installation"],
            swiftSettings: optimizedInTests),
        .target(
            name: "HTML", dependencies: ["Report", "Markdown", "Notebook", "Cells", "Localization"], resources: [.embedInCode("style.css")],
            swiftSettings: optimizedInTests),
        .target(name: "Distributions", swiftSettings: optimizedInTests),
        .target(name: "Divergences", dependencies: ["Distributions"], swiftSettings: optimizedInTests),
        .target(name: "Report", swiftSettings: optimizedInTests),
        .target(name: "Models", swiftSettings: optimizedInTests),
        .target(name: "NeuralNet", dependencies: ["CMatrixKernels"], swiftSettings: optimizedInTests),
        .target(name: "Autodiff", dependencies: ["NeuralNet"], swiftSettings: optimizedInTests),
        .target(name: "GAN", dependencies: ["NeuralNet", "Autodiff", "Distributions", "Divergences", "Report"], swiftSettings: optimizedInTests),
        .target(name: "Scheduling", dependencies: [.product(name: "GRDB", package: "GRDB.swift")], swiftSettings: optimizedInTests),
        .target(
            name: "Quiz", dependencies: ["Scheduling", "Notebook", "Distributions", "Installation", "TerminalKit", "Localization", "Report"],
            swiftSettings: optimizedInTests),
        .target(
            name: "Demos",
            dependencies: [
                "Distributions", "Divergences", "Report", "Models", "Datasets", "GAN", "NeuralNet", "Installation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: optimizedInTests),
        .target(
            name: "Localization", dependencies: ["Report"],
            resources: [
                .embedInCode("zh-interface.txt"), .embedInCode("zh-demos.txt"), .embedInCode("zh-lab.txt"), .embedInCode("en-quiz.txt"),
                .embedInCode("zh-quiz.txt"), .embedInCode("en-reports.txt"), .embedInCode("zh-reports.txt"),
            ], swiftSettings: optimizedInTests),
        .target(name: "Cells", dependencies: ["Notebook", "Demos", "Report", "Markdown", "Installation"], swiftSettings: optimizedInTests),
        .target(name: "Installation", swiftSettings: optimizedInTests),
        .target(name: "Notebook", dependencies: ["Markdown", "Installation", "Distributions"], swiftSettings: optimizedInTests),
        .target(name: "Datasets", dependencies: ["Installation", "Distributions"], swiftSettings: optimizedInTests),
        .target(
            name: "Lab",
            dependencies: [
                "GAN", "NeuralNet", "Distributions", "Demos", "Datasets", "Installation", "TerminalKit", "Report", "Localization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: optimizedInTests),
        .executableTarget(
            name: "ganbook",
            dependencies: [
                "Markdown", "TerminalKit", "Terminal", "Notebook", "Cells", "Localization", "Demos", "Report", "Quiz", "Scheduling", "Installation", "HTML",
                "Lab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: optimizedInTests
        ),
        .executableTarget(name: "ganbook-bench", dependencies: ["Models", "GAN", "NeuralNet", "Demos", "Datasets"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(
            name: "TerminalTests", dependencies: ["Terminal", "TerminalKit", "Markdown", "Notebook", "Report", "TestSupport"],
            exclude: ["Golden", "ChineseWrapping"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML", "Markdown", "Report", "TestSupport"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "Report"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Installation", "TestSupport"]),
        .testTarget(name: "DistributionsTests", dependencies: ["Distributions"], exclude: ["make_known_answers.py"]),
        .testTarget(
            name: "DivergencesTests", dependencies: ["Divergences", "Distributions", "TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DemosTests",
            dependencies: [
                "Demos", "Localization", "Report", "Distributions", "Divergences", "Models", "Datasets", "GAN", "NeuralNet", "TestSupport",
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Datasets", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet"]),
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff", "NeuralNet"]),
        .testTarget(
            name: "SchedulingTests", dependencies: ["Scheduling", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "QuizTests", dependencies: ["Quiz", "Scheduling", "Notebook", "Distributions", "Divergences", "Terminal", "TerminalKit", "TestSupport"]),
        .testTarget(name: "GANTests", dependencies: ["GAN", "NeuralNet", "Distributions"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LabTests", dependencies: ["Lab", "ganbook", "GAN", "NeuralNet", "Demos", "Distributions", "TestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "GanbookTests",
            dependencies: [
                "ganbook", "Notebook", "Cells", "Installation", "Localization", "Terminal", "TerminalKit", "Demos", "Report", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Golden", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
