/// Anchors for headings, by GitHub's rule, so that links written for GitHub
/// work here too: the heading's text, lower-cased, keeping letters, digits,
/// spaces, `-` and `_`; spaces become `-`; a repeated slug gets `-1`, `-2`, ….
/// One place, so that `ganbook check` and the HTML renderer agree on every id.
package struct HeadingAnchors: Sendable {
    private var used: [String: Int] = [:]

    package init() {}

    /// The slug of `text`, before de-duplication.
    package static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "-" || c == "_" { out.append(c) } else if c == " " { out.append("-") }
        }
        return out
    }

    /// The anchor of the next heading (in document order) whose text is `text`.
    package mutating func anchor(for text: String) -> String {
        let base = Self.slug(text)
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }
}
