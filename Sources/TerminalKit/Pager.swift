/// Shows long output through the user's pager (`$PAGER`, default `less -R`).
///
/// Output goes through the pager only when stdout is a TTY and the text is
/// taller than the screen (`page` pages whatever its length); otherwise it is
/// written directly. If the pager cannot be started, the text is written
/// directly too: output is never lost.
///
/// The pager runs in our process group, the terminal's foreground group, so it
/// may read keys and set the terminal (a child in a group of its own is stopped
/// by SIGTTIN/SIGTTOU). While it runs we ignore SIGINT and SIGQUIT, as
/// system(3) does: Ctrl-C is the pager's to handle, not a reason for us to die.
import Glibc

package enum Pager {
    package static let defaultCommand = "less -R"

    /// Whether `lineCount` lines need paging on this terminal.
    package static func isNeeded(lineCount: Int, enabled: Bool) -> Bool {
        guard enabled, TerminalEnvironment.stdoutIsTTY, let rows = TerminalEnvironment.size()?.rows else { return false }
        return lineCount > rows - 1
    }

    /// Writes `text` to stdout, through the pager when `isNeeded`; `title`
    /// names it in the pager's prompt.
    package static func show(_ text: String, lineCount: Int, enabled: Bool, title: String? = nil) {
        guard isNeeded(lineCount: lineCount, enabled: enabled) else {
            Output.write(text)
            return
        }
        if !run(command, input: text, title: title) { Output.write(text) }
    }

    /// The pager's environment: ours, with `LESS` set as git sets it when the
    /// user has not (F: quit when the text fits, R: colours, X: leave the text
    /// on the screen after quitting), plus a prompt with the title and the
    /// position in lines.
    static func environment(_ entries: [String], title: String?) -> [String] {
        guard !entries.contains(where: { $0.hasPrefix("LESS=") }) else { return entries }
        var less = "FRX"
        if let title {
            // In a less prompt . ? : % and \ are special; a backslash quotes them.
            let quoted = title.map { ".?:%\\".contains($0) ? "\\\($0)" : String($0) }.joined()
            less += " -Ps\(quoted) ?ltline %lt?L/%L.:byte %bB?s/%s.. ?e(END)"
        }
        return entries + ["LESS=" + less]
    }

    /// Writes `text` through the pager whatever its length, when stdout is a
    /// TTY (the quiz's `o`: the learner reads, then quits the pager to go back).
    package static func page(_ text: String) {
        if !TerminalEnvironment.stdoutIsTTY || !run(command, input: text) { Output.write(text) }
    }

    /// `$PAGER`, else `less -R`.
    static var command: String { TerminalEnvironment.environment("PAGER").flatMap { $0.isEmpty ? nil : $0 } ?? defaultCommand }

    /// Runs `/bin/sh -c command` with `input` on its stdin and waits for it.
    static func run(_ command: String, input: String, title: String? = nil) -> Bool {
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
        // Ignored here while the pager runs; the pager gets them at their defaults.
        let (interrupt, quit) = (signal(SIGINT, SIG_IGN), signal(SIGQUIT, SIG_IGN))
        defer {
            _ = signal(SIGINT, interrupt)
            _ = signal(SIGQUIT, quit)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        var current: [String] = []
        var index = 0
        while let entry = environ[index] {
            current.append(String(cString: entry))
            index += 1
        }
        var cEnvironment = environment(current, title: title).map { strdup($0) } + [nil]
        defer { cEnvironment.forEach { free($0) } }
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArgs, &cEnvironment)
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
