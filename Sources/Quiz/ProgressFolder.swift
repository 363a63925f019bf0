/// Where the learner's progress is kept: the store is told a folder; which
/// folder is the quiz's choice, from `--data` and the environment.
import Foundation
import Installation
import Scheduling

extension ProgressStore {
    /// The folder: the flag, else $GANBOOK_DATA, else $XDG_DATA_HOME/ganbook, else ~/.local/share/ganbook.
    package static func folder(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        DataFolder.resolve(flag: flag) { environment[$0] }
    }
}
