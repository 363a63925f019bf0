import Testing

@testable import TerminalKit

/// The one decoder of a raw-mode terminal's bytes into keys, which the quiz and the lab read.
@Suite struct KeyDecoderTests {
    @Test func decoderReadsKeysAndSkipsEscapeSequences() {
        var decoder = KeyDecoder()
        // space, q, Ctrl-C, an up arrow (ESC [ A), K, Enter, a lone ESC.
        let keys = decoder.keys(from: [0x20, 0x71, 0x03, 0x1B, 0x5B, 0x41, 0x4B, 0x0D, 0x1B])
        #expect(keys == [.space, .character("q"), .interrupt, .character("K"), .enter, .escape])
    }

    @Test func decoderWaitsForTheRestOfASplitSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: [0x1B, 0x5B]) == [])
        #expect(decoder.isPartway)
        #expect(decoder.keys(from: [0x31, 0x3B, 0x35, 0x43, 0x64]) == [.character("d")])  // ESC[1;5C then d
        #expect(decoder.keys(from: [0xC3]) == [])
        #expect(decoder.keys(from: [0xA9]) == [.character("é")])
        #expect(!decoder.isPartway)
    }

    /// The line editor's keys: Backspace (DEL or BS), Ctrl-D, Ctrl-U; other control bytes are no key.
    @Test func lineEditingKeysAndOtherControlBytes() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: [0x7F, 0x08, 0x04, 0x15, 0x0A, 0x09, 0x01]) == [.backspace, .backspace, .end, .eraseLine, .enter])
    }

    /// An Alt chord (ESC x) is skipped whole, as an arrow is: Alt-q neither stops the quiz nor quits the lab.
    @Test func altChordsAndFunctionKeysAreNoKeys() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: [0x1B, 0x71, 0x1B, 0x4F, 0x50, 0x31]) == [.character("1")])  // Alt-q, F1 (ESC O P), 1
        #expect(decoder.keys(from: [0x1B, 0x1B, 0x5B, 0x42]) == [.escape])  // Escape, then a down arrow
    }

    @Test func aCutCharacterIsDiscardedOnRequestAndBadUTF8IsNoKey() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: [0xE4, 0xBD]) == [])
        decoder.discardPartial()
        #expect(decoder.keys(from: [0x61, 0xBD, 0xFF, 0xE4, 0x62, 0xE4, 0xBD, 0xA0]) == [.character("a"), .character("b"), .character("你")])
    }
}
