/// Test support: running tmux for the tests that drive ganbook in a real
/// terminal (the quiz's and the lab's).
///
/// posix_spawn and waitpid, not Foundation's Process: the server that a first
/// command forks must not hold a pipe of ours, and Process's wait did not
/// always return once the client had exited (a whole test run hung on it).
import Foundation

import Glibc

public enum Tmux {
    /// The tmux binary, if installed (`make deps` installs it).
    public static let path: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs tmux with `arguments` and returns what it printed on stdout.
    @discardableResult
    public static func run(_ arguments: [String]) -> String {
        guard let tmux = path else { return "" }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-tmux-\(UUID().uuidString).out").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = ([tmux] + arguments).map { strdup($0) } + [nil]
        defer { for a in cArguments { free(a) } }
        // The test's threads block signals; a tmux server that inherited that mask
        // would ignore kill-server and outlive the test. Start it with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, tmux, &actions, &attributes, &cArguments, environ) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }
}
