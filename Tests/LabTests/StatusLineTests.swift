/// The lab's status line at its minimum size (issue 25 §2): the least useful
/// fields give way, never the `? keys` hint, and nothing is wider than the screen.
@testable import Lab
import Testing

@Suite struct StatusLineTests {
    static let fields = [
        "▶ running", "step 835", "k 5", "lr D 1e-3 G 1e-3", "nonsaturating", "seed 1", "812 steps/s (max)", "20 fps",
    ]

    @Test(arguments: [80, 100, 60])
    func theHelpHintAlwaysStays(columns: Int) {
        for tail in ["", " │ loss → nonsaturating, target → grid, restarted with seed 2"] {
            let text = LabScreen.statusText(Self.fields, tail: tail, hint: " │ ? keys", columns: columns)
            #expect(text.hasSuffix("? keys"), "\(columns): \(text)")
            #expect(text.count <= columns, "\(columns): \(text.count) columns: \(text)")
            #expect(text.hasPrefix("▶ running │ step 835"))
        }
    }

    @Test func theFrameRateGoesFirstAndEverythingStaysWhenItFits() {
        let wide = LabScreen.statusText(Self.fields, tail: "", hint: " │ ? keys", columns: 200)
        #expect(wide == Self.fields.joined(separator: " │ ") + " │ ? keys")
        let tight = LabScreen.statusText(Self.fields, tail: "", hint: " │ ? keys", columns: 100)
        #expect(!tight.contains("fps") && tight.contains("steps/s"), "\(tight)")
    }
}
