@testable import Lab
import Testing

/// Colour depth from the environment, the 256-colour mapping, and redrawing only what changed.
@Suite struct EncoderTests {
    @Test func colourDepthFollowsTheEnvironment() {
        #expect(ColorDepth.detect(noColor: "1", colorTerm: "truecolor", term: "xterm-256color") == .none)
        #expect(ColorDepth.detect(noColor: "", colorTerm: "truecolor", term: "xterm") == .trueColor)
        #expect(ColorDepth.detect(noColor: nil, colorTerm: "24bit", term: "xterm") == .trueColor)
        #expect(ColorDepth.detect(noColor: nil, colorTerm: nil, term: "xterm-256color") == .palette256)
        #expect(ColorDepth.detect(noColor: nil, colorTerm: nil, term: "dumb") == .none)
    }

    @Test func the256ColourMapPicksTheCubeOrTheGreys() {
        #expect(ScreenEncoder.palette256(RGB(0, 0, 0)) == 16)
        #expect(ScreenEncoder.palette256(RGB(255, 255, 255)) == 231)
        #expect(ScreenEncoder.palette256(RGB(255, 0, 0)) == 196)
        #expect(ScreenEncoder.palette256(RGB(0, 135, 95)) == 16 + 36 * 0 + 6 * 2 + 1)
        #expect(ScreenEncoder.palette256(RGB(128, 128, 128)) == 244)  // grey 128: ramp step 12 (8 + 120)
    }

    @Test func sequencesFollowTheDepth() {
        var canvas = Canvas(columns: 3, rows: 1)
        canvas.put("a", 0, 0, foreground: RGB(255, 0, 0), background: RGB(0, 0, 0))
        var trueColor = ScreenEncoder(depth: .trueColor)
        #expect(trueColor.update(to: canvas).contains("\u{1B}[0;38;2;255;0;0;48;2;0;0;0ma"))
        var palette = ScreenEncoder(depth: .palette256)
        #expect(palette.update(to: canvas).contains("\u{1B}[0;38;5;196;48;5;16ma"))
        var none = ScreenEncoder(depth: .none)
        let plain = none.update(to: canvas)
        #expect(!plain.contains("38;") && !plain.contains("48;"), "no colour: \(plain.debugDescription)")
        #expect(plain.hasSuffix("\u{1B}[1;1Ha  "))
    }

    @Test func onlyChangedRowsAreRedrawn() {
        var canvas = Canvas(columns: 4, rows: 3)
        var encoder = ScreenEncoder(depth: .none)
        _ = encoder.update(to: canvas)
        canvas.write("hi", 1, 2)
        let update = encoder.update(to: canvas)
        #expect(update == "\u{1B}[3;1H hi ")
        #expect(encoder.update(to: canvas) == "")
        encoder.invalidate()
        #expect(encoder.update(to: canvas).hasPrefix("\u{1B}[0m\u{1B}[2J"))
    }

    @Test func wideCharactersTakeTwoCells() {
        var canvas = Canvas(columns: 6, rows: 1)
        let used = canvas.write("判别器", 0, 0)
        #expect(used == 6)
        #expect(canvas.plainRow(0) == "判别器")
        var cut = Canvas(columns: 5, rows: 1)
        #expect(cut.write("判别器", 0, 0) == 4, "a wide character that does not fit is left out")
    }
}
