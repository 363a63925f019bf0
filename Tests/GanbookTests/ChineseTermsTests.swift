import Foundation
import TestSupport
import Testing

/// No English left in the Chinese interface (issue 25 §5): the contents, the
/// demo list, a short mode-collapse and train run, and lab frames are
/// rendered in Chinese, and every Latin word in them must be a name in the
/// table below (GAN and the methods, symbols, commands, ids, option values).
/// A sentence left in English ("7 of 8", "± sd", "modes captured") fails.
@Suite struct ChineseTermsTests {
    /// Names that stay as they are in the Chinese edition (see the header of zh-demos.txt).
    static let allowed: Set<String> = [
        // GAN and the methods, the papers' names
        "GAN", "WGAN", "WGAN-GP", "DCGAN", "PacGAN", "PacGAN2", "DRAGAN", "EBGAN", "MAD-GAN", "MRGAN", "VEEGAN",
        // symbols and abbreviations in formulas and labels
        "G", "D", "D*", "C", "V", "N", "U", "KL", "JS", "JSD", "TV", "W1", "AUC", "NB", "LR", "BCE", "p", "q", "x", "z", "k", "f",
        "d", "dd", "lr", "log", "p_data", "p_g",
        // the command line: commands, note ids and demo names, option values
        "ganbook", "read", "lab", "demo", "ID", "id", "zh",
        "training", "objective", "losses", "gan", "glossary", "open-questions", "mode-collapse", "jsd", "cross-entropy", "gen-vs-disc",
        "d-steps", "optimal-d", "train", "gen-vs-disc", "digits",
        // the glossary note's own title gives its English name: 术语表（Glossary）
        "Glossary",
    ]

    /// The Latin words of `text`: options (`--lang`), exponents (`1e-3`) and
    /// the plots' o and x glyphs are not words.
    static func words(_ text: String) -> [String] {
        text.matches(of: /(--)?[A-Za-z][A-Za-z0-9_*'.-]*/).map { String($0.output.0) }
            .filter { !$0.hasPrefix("--") && $0.wholeMatch(of: /[ox*]+|e-?[0-9]+/) == nil }
            .map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    }

    @Test(arguments: [
        ["list"], ["demo"], ["demo", "mode-collapse", "--steps", "60", "--seeds", "1", "--no-pager"],
        ["demo", "train", "--steps", "60", "--no-pager"], ["lab", "--frames", "1", "--every", "20"],
        ["lab", "--frames", "1", "--every", "20", "--target", "0.5*N(-2,0.5)+0.5*N(2,0.5)", "--loss", "wgan"],
        ["lab", "--frames", "1", "--every", "100", "--target", "digits"],
    ])
    func theChineseInterfaceHasNoEnglishWords(command: [String]) throws {
        let run = try Binary.run(command + ["--lang", "zh"], environment: ["NO_COLOR": "1"], removing: Binary.unset)
        #expect(run.status == 0, "\(command): \(run.stderr)")
        let english = Set(Self.words(run.stdout)).subtracting(Self.allowed)
        #expect(english.isEmpty, "\(command) shows English: \(english.sorted())")
    }

    /// The lab's caption keeps clear of the step label (it ran into it: "…一记步 1461").
    @Test func theLabCaptionDoesNotRunIntoTheStepLabel() throws {
        let run = try Binary.run(["lab", "--frames", "1", "--every", "20", "--lang", "zh"], removing: Binary.unset)
        let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("一记") })
        let label = try #require(line.firstMatch(of: /步 [0-9]+$/))
        #expect(line[..<label.range.lowerBound].hasSuffix("  "), "\(line)")
    }

    /// The table catches what it is meant to.
    @Test func theWordFinderSeesEnglish() {
        #expect(Set(Self.words("捕获了 7 of 8 个模式，均值 ± sd，lr 1e-3 --lang zh ooxo")).subtracting(Self.allowed) == ["of", "sd"])
    }
}
