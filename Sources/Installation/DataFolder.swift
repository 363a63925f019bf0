/// Where ganbook keeps what it writes (quiz progress, cached demo outputs):
/// `--data DIR`, else `$GANBOOK_DATA`, else `$XDG_DATA_HOME/ganbook`, else
/// `~/.local/share/ganbook`.
import Glibc

package enum DataFolder {
    package static func resolve(flag: String?, environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> String {
        if let flag { return flag }
        if let data = environment("GANBOOK_DATA"), !data.isEmpty { return data }
        if let xdg = environment("XDG_DATA_HOME"), !xdg.isEmpty { return xdg + "/ganbook" }
        return (environment("HOME") ?? "/tmp") + "/.local/share/ganbook"
    }
}
