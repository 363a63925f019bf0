import ArgumentParser
import NotebookRunner
@testable import ganbook
import Testing

/// The fast path for `read` must mean exactly what ArgumentParser means, or
/// step aside.
@Suite struct FastPathTests {
    /// What ArgumentParser makes of the same words, or nil when it rejects them.
    func parsed(_ arguments: [String]) -> ReadRequest? {
        guard let command = try? Ganbook.parseAsRoot(arguments), let read = command as? ReadCommand else { return nil }
        return read.request
    }

    @Test(arguments: [
        ["read", "objective"],
        ["read", "3", "--no-pager"],
        ["read", "--no-pager", "obj"],
        ["read", "obj", "--width", "60", "--color", "never"],
        ["read", "obj", "--width=72", "--color=always", "--notes=/tmp/x"],
        ["read", "--notes", "/tmp/my notes", "learner", "--color", "auto"],
        ["read", "gan", "--width", "1000"],
        ["read", "gan", "--width", "1"],
        ["read", "jsd", "--run"],
        ["read", "jsd", "--run", "--refresh", "--data", "/tmp/d"],
        ["read", "--data=/tmp/d", "jsd", "--run", "--no-pager"],
    ])
    func acceptedCommandLinesAgreeWithArgumentParser(arguments: [String]) throws {
        let fast = try #require(FastPath.readRequest(arguments))
        #expect(fast == parsed(arguments))
    }

    @Test(arguments: [
        ["read"],
        ["read", "--help"],
        ["read", "-h"],
        ["read", "a", "b"],
        ["read", "a", "--width"],
        ["read", "a", "--width", "0"],
        ["read", "a", "--width", "1001"],
        ["read", "a", "--width", "wide"],
        ["read", "a", "--color", "pink"],
        ["read", "a", "--no-pager", "--no-pager"],
        ["read", "a", "--width", "5", "--width", "6"],
        ["read", "a", "--notes", "--width"],
        ["read", "a", "--no-pager=yes"],
        ["read", "a", "--run=yes"],
        ["read", "a", "--run", "--run"],
        ["read", "a", "--unknown"],
        ["read", "--", "a"],
        ["read", ""],
        ["list"],
        ["--version"],
        [],
    ])
    func anythingElseIsLeftToArgumentParser(arguments: [String]) {
        #expect(FastPath.readRequest(arguments) == nil)
    }
}

/// The same for `list`, which `ganbook` alone also means.
@Suite struct ListFastPathTests {
    func parsed(_ arguments: [String]) -> ListRequest? {
        guard let command = try? Ganbook.parseAsRoot(arguments), let list = command as? ListCommand else { return nil }
        return ListRequest(source: list.notebook.source, width: list.display.width, color: list.display.color)
    }

    @Test(arguments: [[], ["list"], ["list", "--width", "60"], ["list", "--color=never", "--notes", "/tmp/n"], ["--width", "70"]])
    func acceptedCommandLinesAgreeWithArgumentParser(arguments: [String]) throws {
        let fast = try #require(FastPath.listRequest(arguments))
        #expect(fast == parsed(arguments))
    }

    @Test(arguments: [
        ["list", "x"], ["list", "--run"], ["list", "--data", "/d"], ["list", "--help"], ["list", "--no-pager"],
        ["list", "--width", "0"], ["--help"], ["--version"], ["--width", "70", "read"],
    ])
    func anythingElseIsLeftToArgumentParser(arguments: [String]) {
        #expect(FastPath.listRequest(arguments) == nil)
    }
}
