// swift-tools-version:6.0
// ganbook: a terminal notebook for learning the theory of GANs.
import PackageDescription

/// The numeric modules are compiled with optimisation in debug builds too:
/// the tests train GANs, and unoptimised Swift runs them some 30× slower.
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
        // Debian's libcmark (0.30), linked as a system library; no vendored sources.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Our own small-matrix products (C), with AVX-512, AVX2+FMA and portable
        // paths chosen by CPU features, all giving the same bits.
        .target(name: "CMatrixKernels"),
        // The only place that touches cmark's C tree.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // The terminal kit: capabilities and size, styled text and
        // the style sheet, keys in raw mode, the pager, output, a progress bar.
        .target(name: "TerminalKit", dependencies: ["Report"]),
        // The terminal renderers: notes (Markdown), demo reports (tables, plots),
        // a note with its cells' outputs, the contents, the cells' progress line.
        .target(name: "Terminal", dependencies: ["TerminalKit", "Markdown", "Report", "Notebook", "Cells", "Localization", "Installation"]),
        // The HTML renderers: notes walked from the parsed Markdown tree, demo
        // reports (plots as inline SVG), the site's pages, and the stylesheet.
        .target(
            name: "HTML", dependencies: ["Report", "Markdown", "Notebook", "Cells", "Localization"], resources: [.embedInCode("style.css")]),
        // 1-D distributions and the spec language that describes them; seeded randomness.
        .target(name: "Distributions", swiftSettings: optimizedInTests),
        // KL, JS, total variation and W1, with adaptive quadrature.
        .target(name: "Divergences", dependencies: ["Distributions"], swiftSettings: optimizedInTests),
        // A demo's output as data (text, figures, tables, series) and its JSON form.
        .target(name: "Report"),
        // Classifiers fitted from data: logistic regression (and, later, naive Bayes).
        .target(name: "Models"),
        // Small dense neural networks with hand-written backpropagation: matrices
        // (products through CMatrixKernels), layers, losses, optimisers.
        .target(name: "NeuralNet", dependencies: ["CMatrixKernels"], swiftSettings: optimizedInTests),
        // Reverse-mode differentiation over matrices, with differentiable gradients
        // (second derivatives), for the remedies that need them.
        .target(name: "Autodiff", dependencies: ["NeuralNet"], swiftSettings: optimizedInTests),
        // GANs on toy data: targets, the training loop and its variants, quality metrics.
        .target(name: "GAN", dependencies: ["NeuralNet", "Autodiff", "Distributions", "Divergences", "Report"], swiftSettings: optimizedInTests),
        // The scheduling core: FSRS-6 (as py-fsrs 6 computes it) and the review store (SQLite through GRDB).
        .target(name: "Scheduling", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // Quiz sessions beside the notebook: asking cards in the terminal, statistics.
        .target(name: "Quiz", dependencies: ["Scheduling", "Notebook", "Distributions", "Installation", "TerminalKit", "Localization", "Report"]),
        // The demo kit and the demos: each a subcommand that produces a Report.
        .target(
            name: "Demos",
            dependencies: [
                "Distributions", "Divergences", "Report", "Models", "Datasets", "GAN", "NeuralNet", "Installation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The learner's language (--lang, GANBOOK_LANG, the locale) and the string
        // tables that put the interface and the demos' words into Chinese.
        .target(
            name: "Localization", dependencies: ["Report"],
            resources: [
                .embedInCode("zh-interface.txt"), .embedInCode("zh-demos.txt"), .embedInCode("zh-lab.txt"), .embedInCode("en-quiz.txt"),
                .embedInCode("zh-quiz.txt"), .embedInCode("en-reports.txt"), .embedInCode("zh-reports.txt"),
            ]),
        // A notebook's demo cells: parsed, run concurrently, cached as report
        // data, joined to their place by source line; the notebook checker.
        .target(name: "Cells", dependencies: ["Notebook", "Demos", "Report", "Markdown", "Installation"]),
        // File access on POSIX, where bundled folders (notes, data) are, stable
        // hashes, and "did you mean" suggestions.
        .target(name: "Installation"),
        // Notes on disk: discovery, ids, titles, demo cells and quiz cards.
        .target(name: "Notebook", dependencies: ["Markdown", "Installation", "Distributions"]),
        // Datasets for the classifiers: CSV files, the bundled breast-cancer data, synthetic data.
        .target(name: "Datasets", dependencies: ["Installation", "Distributions"]),
        // `ganbook lab`: a GAN trained live, full-screen, with its views and keys.
        .target(
            name: "Lab",
            dependencies: [
                "GAN", "NeuralNet", "Distributions", "Demos", "TerminalKit", "Report", "Localization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The `ganbook` command-line tool.
        .executableTarget(
            name: "ganbook",
            dependencies: [
                "Markdown", "TerminalKit", "Terminal", "Notebook", "Cells", "Localization", "Demos", "Report", "Quiz", "Scheduling", "Installation", "HTML",
                "Lab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times ganbook's model fits inside one process, for `make bench`.
        .executableTarget(name: "ganbook-bench", dependencies: ["Models", "GAN", "NeuralNet", "Demos", "Datasets"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(
            name: "TerminalTests", dependencies: ["Terminal", "TerminalKit", "Markdown", "Notebook", "Report", "TestSupport"],
            exclude: ["Golden", "ChineseWrapping"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML", "Markdown", "Report", "TestSupport"]),
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
            dependencies: ["ganbook", "Notebook", "Cells", "Installation", "Localization", "Terminal", "TerminalKit", "Demos", "Report", "TestSupport"],
            exclude: ["Golden", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
