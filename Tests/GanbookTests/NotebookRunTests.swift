import Demos
import Foundation
import FoundationXML
import TestSupport
import Testing

/// read --run, check and export --html, through the binary.
@Suite struct NotebookRunTests {
    static let notes = Binary.fixtures.appendingPathComponent("notes").path

    func temporary(_ name: String) -> String {
        temporaryFolder(name)
    }

    @Test func runShowsOutputsUnderCellsAndCachesThem() throws {
        let data = temporary("data")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let arguments = ["read", "sample", "--run", "--notes", Self.notes, "--data", data, "--no-pager", "--width", "80"]
        let first = try Binary.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let command = lines.firstIndex { $0.contains("▶ ganbook demo jsd") }!
        #expect(lines[command + 2].hasPrefix("┃ Sliding q_θ"))  // the output follows the cell's frame
        #expect(first.stdout.contains("┃   JSD at the ends"))
        let cached = try FileManager.default.contentsOfDirectory(atPath: data + "/demo-cache")
        // Reports are cached as data only; the terminal text is rendered from them each time.
        #expect(!cached.isEmpty && cached.allSatisfy { $0.hasSuffix(".json") })
        let second = try Binary.run(arguments)
        #expect(second.stdout == first.stdout)
        // A changed width re-renders from the cached data: same numbers, no new run needed.
        let narrow = try Binary.run(["read", "sample", "--run", "--notes", Self.notes, "--data", data, "--no-pager", "--width", "60"])
        #expect(narrow.stdout.contains("┃   JSD at the ends"))
    }

    @Test func aFailingCellShowsItsErrorAndTheRestStillRenders() throws {
        let folder = temporary("notes"), data = temporary("data")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: data) }
        try "# T\n\n```demo\njsd --p \"N(0,-1)\"\n```\n\nAfter the cell.\n".write(toFile: folder + "/01-t.md", atomically: true, encoding: .utf8)
        let result = try Binary.run(["read", "t", "--run", "--notes", folder, "--data", data, "--no-pager"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("┃ ✗ this cell failed: jsd: The value 'N(0,-1)' is invalid for '--p <spec>': sigma must be > 0"))
        #expect(result.stdout.contains("After the cell."))
    }

    @Test func checkPassesOnTheBundledNotesAndNamesEveryProblem() throws {
        let bundled = try Binary.run(["check"])
        #expect(bundled.status == 0, "\(bundled.stdout)")
        let folder = temporary("notes")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# A\n\nSee [b](02-b.md#nope), [c](03-c.md) and [here](#a).\n\n```demo\nnosuch\n```\n\n```quiz\nid: same\nQ: q\nA: a\n```\n"
            .write(toFile: folder + "/01-a.md", atomically: true, encoding: .utf8)
        try "## B\n\n```quiz\nid: same\nQ: q\nA: a\n```\n".write(toFile: folder + "/02-b.md", atomically: true, encoding: .utf8)
        let result = try Binary.run(["check", "--notes", folder])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                \(folder)/01-a.md:3: link to '02-b.md#nope': 02-b.md has no heading '#nope'
                \(folder)/01-a.md:3: link to '03-c.md': there is no note 03-c.md
                \(folder)/01-a.md:6: demo cell: no demo 'nosuch'. The demos are \(DemoRegistry.all.map { $0.name }.joined(separator: ", ")).
                \(folder)/02-b.md:1: no level-1 '# Title' heading
                \(folder)/02-b.md:4: card id 'same' is also used at 01-a.md:10

                """)
    }

    /// Three cards that all point to one section, in a note that has others, get a
    /// warning that does not fail the check; a See: line on one of them silences it.
    @Test func checkWarnsWhenEveryCardPointsToOneSection() throws {
        let folder = temporary("notes")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cards = "```quiz\nid: c1\nQ: q1\nA: a\n\nid: c2\nQ: q2\nA: a\n\nid: c3\nQ: q3\nA: a\n```\n"
        let note = "# N\n\n## A\n\nWords.\n\n## B\n\n" + cards
        try note.write(toFile: folder + "/01-n.md", atomically: true, encoding: .utf8)
        let warned = try Binary.run(["check", "--notes", folder])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(
            warned.stdout == """
                \(folder)/01-n.md:10: warning: all 3 cards point to one section, #b: give each card a See: line naming the section that explains its answer
                ok: 1 notes checked, 1 warning

                """)
        try note.replacingOccurrences(of: "Q: q1\n", with: "Q: q1\nSee: #a\n").write(toFile: folder + "/01-n.md", atomically: true, encoding: .utf8)
        let silenced = try Binary.run(["check", "--notes", folder])
        #expect(silenced.stdout == "ok: 1 notes checked\n")
    }

    /// A malformed cell between two good ones keeps its place: each output
    /// stays under its own command, in the export and under read --run.
    @Test func aMalformedCellBetweenTwoGoodOnesShiftsNoOutput() throws {
        let folder = temporary("notes"), data = temporary("data"), site = temporary("site")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { for path in [folder, data, site] { try? FileManager.default.removeItem(atPath: path) } }
        try "# M\n\n```demo\njsd\n```\n\n```demo\n```\n\n```demo\njsd --sweep\n```\n".write(toFile: folder + "/01-m.md", atomically: true, encoding: .utf8)
        let export = try Binary.run(["export", "--html", site, "--notes", folder, "--data", data])
        #expect(export.status == 0, "\(export.stderr)")
        let page = try String(contentsOfFile: site + "/m.html", encoding: .utf8)
        let cells = Array(page.components(separatedBy: "<div class=\"demo-cell\">")[1...])
        #expect(cells.count == 3)
        guard cells.count == 3 else { return }
        #expect(cells[0].contains("ganbook demo jsd</code>") && cells[0].contains("Divergences between p = U(0,1)"))
        #expect(cells[1].contains("This cell failed: demo cell is empty"))
        #expect(cells[2].contains("ganbook demo jsd --sweep</code>") && cells[2].contains("Sliding q_θ"))
        let read = try Binary.run(["read", "m", "--run", "--notes", folder, "--data", data, "--no-pager", "--width", "100"])
        let text = read.stdout
        let first = try #require(text.range(of: "ganbook demo jsd\n")), sweep = try #require(text.range(of: "ganbook demo jsd --sweep"))
        #expect(text[first.upperBound..<sweep.lowerBound].contains("Divergences between"))
        #expect(text[sweep.upperBound...].contains("Sliding q_θ"))
    }

    /// The Chinese edition must match the English one: a missing note, a
    /// cell that differs, a card missing or of another answer are FILE:LINE errors.
    @Test func checkFailsOnABrokenParallelEdition() throws {
        let folder = temporary("notes")
        try FileManager.default.createDirectory(atPath: folder + "/zh", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let english =
            "# A\n\n```demo\njsd\n```\n\n```quiz\nid: pick\nQ: q\n- [ ] x\n- [x] y\n\nid: number\nQ: n\nA: = 0.5 ± 0.01\n\nid: gone\nQ: g\nA: g\n```\n"
        try english.write(toFile: folder + "/01-a.md", atomically: true, encoding: .utf8)
        try "# B\n".write(toFile: folder + "/02-b.md", atomically: true, encoding: .utf8)
        let good = "# 甲\n\n```demo\njsd\n```\n\n```quiz\nid: pick\nQ: 问\n- [ ] 甲\n- [x] 乙\n\nid: number\nQ: 数\nA: = 0.5 ± 0.01\n\nid: gone\nQ: 去\nA: 去\n```\n"
        try good.write(toFile: folder + "/zh/01-a.md", atomically: true, encoding: .utf8)
        try "# 乙\n".write(toFile: folder + "/zh/02-b.md", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["check", "--notes", folder]).stdout == "ok: 4 notes checked\n")

        let broken = "# 甲\n\n```demo\njsd --sweep\n```\n\n```quiz\nid: pick\nQ: 问\n- [x] 甲\n- [ ] 乙\n\nid: number\nQ: 数\nA: = 0.6 ± 0.01\n```\n"
        try broken.write(toFile: folder + "/zh/01-a.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/zh/02-b.md")
        let result = try Binary.run(["check", "--notes", folder])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                \(folder)/01-a.md:17: card 'gone' is missing from the other edition
                \(folder)/02-b.md:1: the other edition has no 02-b.md
                \(folder)/zh/01-a.md:4: demo cell 1 is 'jsd --sweep', but in 01-a.md:4 it is 'jsd'
                \(folder)/zh/01-a.md:8: card 'pick' is a choice of 2 with a right, but in 01-a.md:8 it is a choice of 2 with b right
                \(folder)/zh/01-a.md:13: card 'number' is a numeric card, 0.6 ± 0.01, but in 01-a.md:13 it is a numeric card, 0.5 ± 0.01

                """)
    }

    @Test func checkCatchesWhatTheNoteParserCannotSee() throws {
        let folder = temporary("notes")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# A\n\n```quiz\nA: a\nQ: q\n\nid: x\nQ: q\nA: = zz ± 1\n```\n\n```Demo\njsd\n```\n\n```quiz\nid: x\nQ: q2\nA: a\n```\n"
            .write(toFile: folder + "/01-a.md", atomically: true, encoding: .utf8)
        let result = try Binary.run(["check", "--notes", folder])
        #expect(result.status == 1)
        #expect(result.stdout.contains("01-a.md:4: 'A:' comes before this card's 'Q:'"))
        #expect(result.stdout.contains("01-a.md:12: info string 'Demo' must be 'demo' in lower case"))
        // The first 'x' is an invalid card; the second still collides with it.
        #expect(result.stdout.contains("01-a.md:17: card id 'x' is also used at 01-a.md:7"))
    }

    @Test func theExportIsWellFormedWithWorkingLinksAndLabelledPlots() throws {
        let site = temporary("site"), data = temporary("data")
        defer { try? FileManager.default.removeItem(atPath: site); try? FileManager.default.removeItem(atPath: data) }
        let result = try Binary.run(["export", "--html", site, "--notes", Self.notes, "--data", data])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["index.html", "learner.html", "sample.html"])
        var ids: [String: Set<String>] = [:]
        var hrefs: [(String, String)] = []
        for page in pages {
            let collector = XMLCollector()
            let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: site + "/" + page)))
            parser.delegate = collector
            #expect(parser.parse(), "\(page) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
            ids[page] = collector.ids
            hrefs += collector.hrefs.map { (page, $0) }
            for svg in collector.svgs {
                #expect(svg.viewBox != nil, "\(page): an SVG without viewBox")
                #expect(svg.classes.contains("axis-label x-label") && svg.classes.contains("axis-label y-label"), "\(page): an SVG without axis labels")
            }
        }
        for (page, href) in hrefs where !href.contains("://") {
            let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let target = parts[0].isEmpty ? page : String(parts[0])
            if target.hasSuffix(".css") { #expect(FileManager.default.fileExists(atPath: site + "/" + target)); continue }
            #expect(ids[target] != nil, "\(page): link to \(href) has no page")
            if parts.count > 1 { #expect(ids[target]?.contains(String(parts[1])) == true, "\(page): no anchor for \(href)") }
        }
        let sample = try String(contentsOfFile: site + "/sample.html", encoding: .utf8)
        #expect(sample.contains("<details class=\"quiz\"><summary>What is JSD(p‖p)?</summary>"))
        #expect(sample.contains("<svg"))
        #expect(sample.contains("rel=\"next\"") && sample.contains("rel=\"prev\"") == false)  // the first note has no previous page
        let css = try String(contentsOfFile: site + "/style.css", encoding: .utf8)
        #expect(css.contains("prefers-color-scheme: dark") && css.contains("@media print"))
        #expect(!sample.contains("<script"))
    }
}

/// Collects ids, hrefs and SVG attributes while parsing a page as XML.
final class XMLCollector: NSObject, XMLParserDelegate {
    var ids: Set<String> = []
    var hrefs: [String] = []
    struct SVG { var viewBox: String?; var classes: [String] = [] }
    var svgs: [SVG] = []
    var depth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if let id = attributes["id"] { ids.insert(id) }
        if name == "a", let href = attributes["href"] { hrefs.append(href) }
        if name == "link", let href = attributes["href"] { hrefs.append(href) }
        if name == "svg" { svgs.append(SVG(viewBox: attributes["viewBox"])); depth += 1 }
        if depth > 0, name == "text", let c = attributes["class"] { svgs[svgs.count - 1].classes.append(c) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "svg" { depth -= 1 }
    }
}
