import Markdown
import TestSupport
import Testing

@Suite struct CommonMarkSpecTests {
    @Test func theSpecHasAll652Examples() throws {
        #expect(try CommonMarkSpec.all().count == 652)
    }

    /// cmark_render_html through our layer reproduces the spec's HTML, byte for byte.
    @Test func htmlMatchesTheSpecForEveryExample() throws {
        var passed = 0
        for example in try CommonMarkSpec.all() {
            let html = MarkdownParser.html(example.markdown, options: .unsafe)
            #expect(html == example.html, "\(example)")
            if html == example.html { passed += 1 }
        }
        print("CommonMark spec 0.30: \(passed)/\(CommonMarkSpec.examples.count) examples give the spec's HTML")
        #expect(passed == CommonMarkSpec.examples.count)
    }
}
