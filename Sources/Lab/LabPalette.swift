/// The lab's look: the colours of the heat map, the samples, the arrows and
/// the curves (after GAN Lab: green for real, purple for fake), and the shade
/// ramp of characters that stands in for the heat map without colour.
///
/// Owns colours and glyphs; views ask it, and the encoder decides how (or
/// whether) a colour reaches the terminal.

package struct LabPalette: Sendable {
    /// Whether the heat map is drawn as background colour (else as the shade ramp).
    package var color: Bool

    let heatFake = RGB(96, 36, 120)  // D → 0
    let heatEven = RGB(34, 34, 38)  // D = ½
    let heatReal = RGB(24, 104, 52)  // D → 1
    let real = RGB(120, 255, 150)
    let fake = RGB(255, 130, 255)
    let arrow = RGB(255, 220, 90)
    let overlap = RGB(255, 255, 255)
    let dLoss = RGB(110, 200, 255)
    let gLoss = RGB(255, 170, 90)
    let distance = RGB(140, 230, 140)
    let second = RGB(230, 230, 120)
    let dim = RGB(140, 140, 140)
    let marker = RGB(200, 120, 60)
    let status = RGB(230, 230, 230)
    let statusBackground = RGB(48, 48, 64)
    let dataCurve = RGB(120, 255, 150)
    let histogram = RGB(150, 80, 170)
    let discriminatorCurve = RGB(110, 200, 255)
    let optimalCurve = RGB(255, 220, 90)

    /// Without colour, D's level as a character: light for fake, dense for real.
    package static let ramp: [Character] = [" ", "░", "▒", "▓", "█"]
    package static let realGlyph: Character = "o"
    package static let fakeGlyph: Character = "x"
    /// A real and a generated sample in one cell (as `demo train`'s plots).
    package static let overlapGlyph: Character = "◆"
    package static let dataGlyph: Character = "*"
    package static let discriminatorGlyph: Character = "d"
    package static let optimalGlyph: Character = "+"
    package static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    package init(color: Bool) { self.color = color }

    /// The ramp character for a level in [0, 1]: equal fifths.
    package static func rampCharacter(_ level: Double) -> Character {
        ramp[rampIndex(level)]
    }

    package static func rampIndex(_ level: Double) -> Int {
        guard level.isFinite else { return 2 }
        return min(max(Int(level * Double(ramp.count)), 0), ramp.count - 1)
    }

    /// The heat colour for a level in [0, 1]: purple through grey to green.
    func heat(_ level: Double) -> RGB {
        guard level.isFinite else { return heatEven }
        return level < 0.5 ? RGB.mix(heatFake, heatEven, level * 2) : RGB.mix(heatEven, heatReal, (level - 0.5) * 2)
    }
}
