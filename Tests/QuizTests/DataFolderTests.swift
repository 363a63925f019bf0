@testable import Quiz
import Scheduling
import Testing

/// Where the progress store is kept: the folder is the quiz's choice, not the store's.
@Suite struct DataFolderTests {
    @Test func theFolderFollowsFlagEnvironmentAndXDG() {
        #expect(ProgressStore.folder(flag: "/x", environment: ["GANBOOK_DATA": "/y"]) == "/x")
        #expect(ProgressStore.folder(flag: nil, environment: ["GANBOOK_DATA": "/y", "XDG_DATA_HOME": "/z"]) == "/y")
        #expect(ProgressStore.folder(flag: nil, environment: ["XDG_DATA_HOME": "/z"]) == "/z/ganbook")
        #expect(ProgressStore.folder(flag: nil, environment: ["HOME": "/home/l"]) == "/home/l/.local/share/ganbook")
    }
}
