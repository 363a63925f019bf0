import Foundation
@testable import Lab
import TestSupport
import Testing

/// Golden frames at fixed seeds and steps, through the built binary, and what
/// `ganbook lab` does when it has no terminal. `GANBOOK_UPDATE_GOLDEN=1`
/// rewrites the golden files; read the diff before committing it.
@Suite struct FrameTests {
    static let cases: [(name: String, arguments: [String])] = [
        ("ring-100x30", ["--frames", "2", "--every", "150", "--seed", "1"]),
        ("grid-minimax-80x24", ["--target", "grid", "--loss", "minimax", "--frames", "1", "--every", "200", "--size", "80x24", "--hidden", "64"]),
        ("two-peaks-wgan-100x30", ["--target", "0.5*N(-2,0.5) + 0.5*N(2,0.5)", "--loss", "wgan", "--frames", "1", "--every", "300"]),
        ("ebgan-ring-100x30", ["--method", "ebgan", "--frames", "1", "--every", "200", "--hidden", "64"]),
        ("mad-gan-grid-80x24", ["--method", "mad-gan", "--target", "grid", "--frames", "1", "--every", "150", "--size", "80x24", "--hidden", "64"]),
        ("two-peaks-nonsaturating-120x40", ["--target", "0.5*N(-2,0.5) + 0.5*N(2,0.5)", "--frames", "1", "--every", "400", "--size", "120x40", "--seed", "2"]),
        ("digits-80x24", ["--target", "digits", "--frames", "1", "--every", "600", "--size", "80x24"]),
        ("digits-100x30", ["--target", "digits", "--frames", "2", "--every", "300"]),
    ]

    @Test(arguments: cases.map(\.name))
    func framesMatchGolden(name: String) throws {
        let arguments = Self.cases.first { $0.name == name }!.arguments
        let result = try Binary.run(["lab"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let file = LabGolden.folder.appendingPathComponent(name + ".txt")
        let expected = try #require(Golden.expected(result.stdout, file: file), "no golden file \(file.lastPathComponent)")
        #expect(result.stdout == expected, "\(Golden.differs(file))")
        #expect(!ANSI.hasEscapes(result.stdout), "frames are plain text")
    }

    @Test func framesHaveTheirSizeAndStepsAndAreTheSameEveryRun() throws {
        let arguments = ["lab", "--frames", "3", "--every", "20", "--hidden", "16", "--size", "90x26"]
        let first = try Binary.run(arguments), second = try Binary.run(arguments)
        #expect(first.stdout == second.stdout)
        let lines = first.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 * 26 + 2 + 1, "three frames of 26 rows, a blank line between, a final newline")
        for line in lines { #expect(line.displayWidthForTest <= 90, "\(line)") }
        for (i, step) in [20, 40, 60].enumerated() {
            let status = lines[i * 27 + 25]
            #expect(status.hasPrefix("frames \(i + 1)/3 │ step \(step) │"), "\(status)")
        }
    }

    /// End to end: `ganbook demo train --json`'s last W1 and JSD are the lab's at the same step.
    @Test func demoTrainsFiguresAreTheLabsAtTheSameStep() throws {
        let target = "0.5*N(-2,0.5) + 0.5*N(2,0.5)"
        let result = try Binary.run(["demo", "train", "--target", target, "--steps", "300", "--hidden", "32", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        var figures: [String: Double] = [:]
        func walk(_ o: Any) {
            if let d = o as? [String: Any] {
                if let name = d["name"] as? String, let value = d["value"] as? Double { figures[name] = value }
                d.values.forEach(walk)
            } else if let a = o as? [Any] {
                a.forEach(walk)
            }
        }
        walk(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
        var session = LabSession(settings: try labSettings(target: target, ["--hidden", "32"]))
        for _ in 0..<300 { session.fullStep() }
        let last = try #require(session.checkpoints.last)
        #expect(last.step == 300)
        let trainW1: Double? = figures["W1 at the end"], labW1: Double? = last.wasserstein1
        let trainJSD: Double? = figures["JSD at the end"], labJSD: Double? = last.jsdEstimate
        // Foundation's JSON parser can be an ulp off the printed digits (0.078183042434742[17] read as …14).
        func same(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return false }
            return abs(a - b) <= 1e-14 * abs(b)
        }
        #expect(same(trainW1, labW1), "demo train \(String(describing: trainW1)), lab \(String(describing: labW1))")
        #expect(same(trainJSD, labJSD), "demo train \(String(describing: trainJSD)), lab \(String(describing: labJSD))")
    }

    @Test func withoutATerminalLabRefusesInOneLine() throws {
        let result = try Binary.run(["lab"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("ganbook: lab needs a terminal"))
        #expect(result.stderr.contains("ganbook demo train"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        (["--keys", "space,,q"], "--keys: an empty key"),
        (["--keys", "wait soon"], "--keys: 'wait soon' is not a key"),
        (["--size", "60x20", "--frames", "1"], "--size 60x20: expected COLUMNSxROWS of at least 80x24"),
        (["--frames", "0"], "--frames must be between 1 and 1000"),
        (["--d-steps", "0"], "--d-steps must be between 1 and 50"),
        (["--target", "N(0,-1)"], "The value 'N(0,-1)' is invalid for '--target <target>': sigma must be > 0"),
        (["--loss", "hinge"], "hinge"),
        (["--lr-d", "2"], "--lr-d must be between 0 and 1"),
        (["--method", "ebgan", "--target", "N(0,1)", "--frames", "1"], "--method ebgan needs a 2-D target (ring or grid) or the digits"),
        (["--target", "digits", "--hidden", "64", "--frames", "1"], "--target digits trains demo digits' networks"),
        (["--target", "digit"], "no target 'digit'; did you mean 'digits'?"),
        (["--method", "wgan"], "wgan"),
        (["--speed", "0"], "--speed must be between 1 and 10000"),
    ])
    func badInputIsOneLineAndAnError(arguments: [String], message: String) throws {
        let result = try Binary.run(["lab"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    /// In Chinese, a method's frame names its heat map and arrows in Chinese.
    @Test func aMethodsFrameInChinese() throws {
        let result = try Binary.run(["lab", "--lang", "zh", "--method", "ebgan", "--frames", "1", "--every", "5", "--hidden", "16"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ganbook lab · EBGAN · 圆环"), "\(result.stdout.prefix(80))")
        #expect(result.stdout.contains("−∇ 能量  E≥m ░▒▓█ E=0"))
    }

    /// Below 80×24 the screen says so instead of drawing.
    @Test func aSmallScreenShowsTheMinimum() throws {
        var session = LabSession(settings: try labSettings(["--hidden", "16"]))
        let canvas = LabScreen(columns: 70, rows: 20, color: false).compose(&session, rates: .init())
        #expect(canvas.plainText.contains("ganbook lab needs at least 80×24; this terminal is 70×20."))
        #expect(canvas.plainText.contains("press q to quit"))
    }

    @Test func theHelpListsEveryKey() throws {
        var session = LabSession(settings: try labSettings(["--hidden", "16"]))
        _ = session.handle(.character("?"))
        let text = LabScreen(columns: 100, rows: 30, color: false).compose(&session, rates: .init()).plainText
        for (key, meaning) in LabText.helpKeys {
            #expect(text.contains(key) && text.contains(meaning), "\(key): \(meaning)")
        }
    }

    @Test func theStatusLineShowsEachChange() throws {
        var session = LabSession(settings: try labSettings(["--hidden", "16"]))
        for key in ["K", "]", "}", "l"] { _ = session.handle(.character(Character(key))) }
        let canvas = LabScreen(columns: 100, rows: 30, color: false).compose(&session, rates: .init(stepsPerSecond: 1234, framesPerSecond: 20))
        let status = canvas.plainRow(29)
        #expect(status.contains("k 2"), "\(status)")
        #expect(status.contains("lr D 2e-3 G 2e-3"), "\(status)")
        #expect(status.contains("wgan"), "\(status)")
        #expect(!status.contains("fps") && !status.contains("steps/s"), "the rates give way to the message on 100 columns: \(status)")
        #expect(status.hasSuffix("? keys"), "the help hint stays: \(status)")
        #expect(status.contains("loss → wgan"), "\(status)")
        #expect(canvas.plainText.contains("changes: 0: k → 2"))
    }
}

extension Substring {
    /// Columns for this test: every scalar the lab draws is one column wide.
    var displayWidthForTest: Int { unicodeScalars.count }
}
