/// Shows long output through the user's pager (`$PAGER`, default `less -R`).
///
/// Output goes through the pager only when stdout is a TTY and the text is
/// taller than the screen; otherwise it is written directly. If the pager
/// cannot be started, the text is written directly too: output is never lost.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum Pager {
    public static let defaultCommand = "less -R"

    /// Whether `lineCount` lines need paging on this terminal.
    public static func isNeeded(lineCount: Int, enabled: Bool) -> Bool {
        guard enabled, TerminalEnvironment.stdoutIsTTY, let rows = TerminalEnvironment.size()?.rows else { return false }
        return lineCount > rows - 1
    }

    /// Writes `text` to stdout, through the pager when `isNeeded`.
    public static func show(_ text: String, lineCount: Int, enabled: Bool) {
        guard isNeeded(lineCount: lineCount, enabled: enabled) else {
            Output.write(text)
            return
        }
        let command = TerminalEnvironment.environment("PAGER").flatMap { $0.isEmpty ? nil : $0 } ?? defaultCommand
        if !run(command, input: text) { Output.write(text) }
    }

    /// Runs `/bin/sh -c command` with `input` on its stdin and waits for it.
    static func run(_ command: String, input: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        let (readEnd, writeEnd) = (fds[0], fds[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        let argv: [String] = ["/bin/sh", "-c", command]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArgs, environ)
        close(readEnd)
        guard status == 0 else {
            close(writeEnd)
            return false
        }
        _ = Output.write(input, to: writeEnd)  // the reader may quit early; that is fine
        close(writeEnd)
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        // 127: the shell could not find the pager, so nothing was shown.
        let exitedNormally = exitStatus & 0x7F == 0
        return !(exitedNormally && (exitStatus >> 8) & 0xFF == 127)
    }
}
