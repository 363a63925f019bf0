/// The pager's environment: text left on the screen after `q` (git's
/// LESS=FRX) unless the user set LESS, and a prompt that names what is paged.
@testable import Terminal
@testable import TerminalKit
import TerminalKit
import Testing

@Suite struct PagerTests {
    @Test func lessKeepsTheTextOnScreenWhenTheUserHasNotSetLESS() {
        let environment = Pager.environment(["HOME=/root", "TERM=xterm"], title: nil)
        #expect(environment == ["HOME=/root", "TERM=xterm", "LESS=FRX"])
    }

    @Test func aLESSTheUserSetIsLeftAlone() {
        #expect(Pager.environment(["LESS=-S"], title: "Mode collapse") == ["LESS=-S"])
        #expect(Pager.environment(["LESS="], title: nil) == ["LESS="])
    }

    /// The title's . ? : % and \ are quoted, so less prints them as they are.
    @Test func thePromptNamesTheTitleWithLessSpecialCharactersQuoted() throws {
        let less = try #require(Pager.environment([], title: "a: 3.5% of? x\\y").first)
        #expect(less.hasPrefix("LESS=FRX -Psa\\: 3\\.5\\% of\\? x\\\\y "))
        #expect(less.hasSuffix("?ltline %lt?L/%L.:byte %bB?s/%s.. ?e(END)"))
    }
}
